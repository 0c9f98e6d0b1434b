// The co-designed projects' writes (the Ufficio di Piano: `project.write`). Every write goes through the module's one
// pipeline (participation.command.ts): authorise → validate → one transaction → the project's version → one audit entry.
// Partners, resources and objectives are lines of the project: adding or removing one bumps the project's version (a
// stale form is a conflict) and is logged as one fact with the line.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { ValidationError } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { isUuid, refuseControlCharactersInJson } from '../../shared/validation.ts';
import { createOrganisation, organisations } from '../governance/index.server.ts';
import { planObjectives, plans } from '../planning/index.server.ts';
import { auditFact, command, found, insertAudited, invalid, updateAudited, type CommandContext } from './participation.command.ts';
import { yearOutsidePeriod } from './participation.projects.rules.ts';
import {
  ObjectiveLinkInput,
  PartnerInput,
  ProjectEditInput,
  ProjectInput,
  ProjectsFile,
  RemoveInput,
  ResourceInput,
} from './participation.projects.validation.ts';
import { coDesignProjects, projectObjectives, projectPartners, projectResources, thematicTables } from './participation.schema.ts';

const PROJECT = 'participation_project';
const WHAT = 'il progetto';

async function projectIn(tx: Tx, ambitoId: string, projectId: string) {
  if (!isUuid(projectId)) return null;
  const [row] = await tx
    .select()
    .from(coDesignProjects)
    .where(and(eq(coDesignProjects.ambitoId, ambitoId), eq(coDesignProjects.id, projectId)));
  return row ?? null;
}

async function organisationIn(tx: Tx, ambitoId: string, organisationId: string) {
  const [row] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.ambitoId, ambitoId), eq(organisations.id, organisationId)));
  return row ?? null;
}

/** The references of a project's form must be records of the same Ambito. */
async function checkRefs(tx: Tx, ambitoId: string, data: ProjectInput) {
  if (data.leadOrganisationId && !(await organisationIn(tx, ambitoId, data.leadOrganisationId)))
    invalid('leadOrganisationId', tr('part.projects.val.outside', { field: tr('part.projects.f.lead') }));
  if (data.planId) {
    const [plan] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.ambitoId, ambitoId), eq(plans.id, data.planId)));
    if (!plan) invalid('planId', tr('part.projects.val.outside', { field: tr('part.projects.f.plan') }));
  }
  if (data.tableId) {
    const [table] = await tx
      .select({ id: thematicTables.id })
      .from(thematicTables)
      .where(and(eq(thematicTables.ambitoId, ambitoId), eq(thematicTables.id, data.tableId)));
    if (!table) invalid('tableId', tr('part.projects.val.outside', { field: tr('part.projects.f.table') }));
  }
}

/** Creates a co-designed project of the Ambito. */
export async function createProject({ input, ...ctx }: CommandContext & { input: unknown }) {
  return command(ctx, 'project.write', async (tx) => {
    const data = parseInput(ProjectInput, input);
    await checkRefs(tx, ctx.ambitoId, data);
    return insertAudited(tx, ctx, coDesignProjects, { ambitoId: ctx.ambitoId, ...data }, { action: 'participation.project.created', entityType: PROJECT });
  });
}

/** Edits a project's record (optimistic lock on its version). */
export async function updateProject({ projectId, input, ...ctx }: CommandContext & { projectId: string; input: unknown }) {
  return command(ctx, 'project.write', async (tx) => {
    const { version, ...data } = parseInput(ProjectEditInput, input);
    await found(projectIn(tx, ctx.ambitoId, projectId), 'Il progetto');
    await checkRefs(tx, ctx.ambitoId, data);
    return updateAudited(tx, ctx, coDesignProjects, projectId, {
      version,
      patch: data,
      what: WHAT,
      action: 'participation.project.updated',
      entityType: PROJECT,
    });
  });
}

/** Bumps the project's version (a line changed) and logs the line as one fact. */
async function lineChanged(tx: Tx, ctx: CommandContext, projectId: string, version: number, action: string, change: { before?: unknown; after?: unknown }) {
  await updateVersioned(tx, coDesignProjects, projectId, version, {}, WHAT);
  await auditFact(tx, ctx, { action, entityType: PROJECT, entityId: projectId, ...change });
}

export async function addPartner({ projectId, input, ...ctx }: CommandContext & { projectId: string; input: unknown }) {
  return command(ctx, 'project.write', async (tx) => {
    const data = parseInput(PartnerInput, input);
    const project = await found(projectIn(tx, ctx.ambitoId, projectId), 'Il progetto');
    const organisation = await organisationIn(tx, ctx.ambitoId, data.organisationId);
    if (!organisation) invalid('organisationId', tr('part.projects.val.outside', { field: tr('part.projects.f.partner') }));
    const [already] = await tx
      .select({ id: projectPartners.id })
      .from(projectPartners)
      .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.organisationId, data.organisationId)));
    if (already) invalid('organisationId', tr('part.projects.val.partnerTwice', { name: organisation.name }));
    if (project.leadOrganisationId === data.organisationId) invalid('organisationId', tr('part.projects.val.partnerIsLead', { name: organisation.name }));
    const [row] = await tx.insert(projectPartners).values({ projectId, organisationId: data.organisationId, role: data.role }).returning();
    await lineChanged(tx, ctx, projectId, data.version, 'participation.project.partner_added', { after: { ...row, organisationName: organisation.name } });
    return row!;
  });
}

export async function removePartner({ projectId, input, ...ctx }: CommandContext & { projectId: string; input: unknown }) {
  return command(ctx, 'project.write', async (tx) => {
    const { version, id } = parseInput(RemoveInput, input);
    await found(projectIn(tx, ctx.ambitoId, projectId), 'Il progetto');
    const [row] = await tx
      .delete(projectPartners)
      .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.id, id)))
      .returning();
    await found(row, 'Il partner');
    await lineChanged(tx, ctx, projectId, version, 'participation.project.partner_removed', { before: row });
    return row!;
  });
}

export async function addResource({ projectId, input, ...ctx }: CommandContext & { projectId: string; input: unknown }) {
  return command(ctx, 'project.write', async (tx) => {
    const { version, amount, ...data } = parseInput(ResourceInput, input);
    const project = await found(projectIn(tx, ctx.ambitoId, projectId), 'Il progetto');
    if (yearOutsidePeriod(data.year, project.startsOn, project.endsOn))
      invalid('year', tr('part.projects.val.yearOutside', { from: project.startsOn!.slice(0, 4), to: project.endsOn!.slice(0, 4) }));
    const [row] = await tx
      .insert(projectResources)
      .values({ projectId, ...data, amountCents: amount })
      .returning();
    await lineChanged(tx, ctx, projectId, version, 'participation.project.resource_added', { after: row });
    return row!;
  });
}

export async function removeResource({ projectId, input, ...ctx }: CommandContext & { projectId: string; input: unknown }) {
  return command(ctx, 'project.write', async (tx) => {
    const { version, id } = parseInput(RemoveInput, input);
    await found(projectIn(tx, ctx.ambitoId, projectId), 'Il progetto');
    const [row] = await tx
      .delete(projectResources)
      .where(and(eq(projectResources.projectId, projectId), eq(projectResources.id, id)))
      .returning();
    await found(row, 'La riga di risorse');
    await lineChanged(tx, ctx, projectId, version, 'participation.project.resource_removed', { before: row });
    return row!;
  });
}

export async function linkObjective({ projectId, input, ...ctx }: CommandContext & { projectId: string; input: unknown }) {
  return command(ctx, 'project.write', async (tx) => {
    const data = parseInput(ObjectiveLinkInput, input);
    await found(projectIn(tx, ctx.ambitoId, projectId), 'Il progetto');
    const [objective] = await tx
      .select({ id: planObjectives.id, code: planObjectives.code, title: planObjectives.title })
      .from(planObjectives)
      .innerJoin(plans, eq(plans.id, planObjectives.planId))
      .where(and(eq(plans.ambitoId, ctx.ambitoId), eq(planObjectives.id, data.objectiveId)));
    if (!objective) invalid('objectiveId', tr('part.projects.val.outside', { field: tr('part.projects.f.objective') }));
    const [row] = await tx.insert(projectObjectives).values({ projectId, objectiveId: objective.id }).onConflictDoNothing().returning();
    if (!row) invalid('objectiveId', tr('part.projects.val.objectiveTwice', { code: objective.code }));
    await lineChanged(tx, ctx, projectId, data.version, 'participation.project.objective_linked', {
      after: { ...row, code: objective.code, title: objective.title },
    });
    return row;
  });
}

export async function unlinkObjective({ projectId, input, ...ctx }: CommandContext & { projectId: string; input: unknown }) {
  return command(ctx, 'project.write', async (tx) => {
    const { version, id } = parseInput(RemoveInput, input);
    await found(projectIn(tx, ctx.ambitoId, projectId), 'Il progetto');
    const [row] = await tx
      .delete(projectObjectives)
      .where(and(eq(projectObjectives.projectId, projectId), eq(projectObjectives.id, id)))
      .returning();
    await found(row, 'Il collegamento all’obiettivo');
    await lineChanged(tx, ctx, projectId, version, 'participation.project.objective_unlinked', { before: row });
    return row!;
  });
}

export interface ProjectsImportSummary {
  created: number;
  skipped: number;
  organisationsCreated: number;
  resourcesCents: number;
}

/**
 * Imports co-designed projects from a JSON file (all or nothing, one transaction, one audit entry). Idempotent: a
 * project whose title the Ambito already has is left as it is. Partners and leads are the Ambito's registry
 * organisations found by name (case and spacing ignored); a missing one is added through governance's command, in
 * this transaction, with the kind the file gives.
 */
export async function importProjects({ fileName, text, ...ctx }: CommandContext & { fileName: string; text: string }): Promise<ProjectsImportSummary> {
  return command(ctx, 'project.write', async (tx) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ValidationError([{ path: fileName, message: tr('part.projects.import.notJson') }], tr('part.projects.import.failed', { file: fileName }));
    }
    refuseControlCharactersInJson(json, fileName);
    const parsed = ProjectsFile.safeParse(json);
    if (!parsed.success)
      throw new ValidationError(
        parsed.error.issues.map((i) => ({ path: `${fileName}, ${i.path.map(String).join('.') || '(file)'}`, message: i.message })),
        tr('part.projects.import.failed', { file: fileName }),
      );
    const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('it');
    const registry = new Map(
      (await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.ambitoId, ctx.ambitoId))).map((o) => [
        key(o.name),
        o.id,
      ]),
    );
    const existing = new Set(
      (await tx.select({ title: coDesignProjects.title }).from(coDesignProjects).where(eq(coDesignProjects.ambitoId, ctx.ambitoId))).map((p) => key(p.title)),
    );
    const summary: ProjectsImportSummary = { created: 0, skipped: 0, organisationsCreated: 0, resourcesCents: 0 };
    const organisationId = async (o: { name: string; kind: string }, path: string) => {
      const known = registry.get(key(o.name));
      if (known) return known;
      try {
        const row = await createOrganisation({ db: tx as never, actor: ctx.actor, ambitoId: ctx.ambitoId, input: { name: o.name, kind: o.kind } });
        registry.set(key(o.name), row.id);
        summary.organisationsCreated += 1;
        return row.id;
      } catch (error) {
        if (error instanceof ValidationError)
          throw new ValidationError(
            error.issues.map((i) => ({ path: `${fileName}, ${path}.${i.path}`, message: i.message })),
            tr('part.projects.import.failed', { file: fileName }),
          );
        throw error;
      }
    };
    const created: string[] = [];
    for (const [i, p] of parsed.data.projects.entries()) {
      if (existing.has(key(p.title))) {
        summary.skipped += 1;
        continue;
      }
      const leadOrganisationId = p.lead ? await organisationId(p.lead, `projects.${i}.lead`) : null;
      const [project] = await tx
        .insert(coDesignProjects)
        .values({
          ambitoId: ctx.ambitoId,
          title: p.title,
          summary: p.summary ?? null,
          procedure: p.procedure,
          procedureAct: p.procedureAct ?? null,
          startsOn: p.startsOn ?? null,
          endsOn: p.endsOn ?? null,
          beneficiaries: p.beneficiaries ?? null,
          beneficiariesCount: p.beneficiariesCount ?? null,
          sdgGoals: p.sdgGoals,
          status: p.status,
          leadOrganisationId,
        })
        .returning();
      const partnerIds = new Set<string>();
      for (const [j, partner] of p.partners.entries()) {
        const id = await organisationId(partner, `projects.${i}.partners.${j}`);
        if (id === leadOrganisationId || partnerIds.has(id)) continue;
        partnerIds.add(id);
        await tx.insert(projectPartners).values({ projectId: project!.id, organisationId: id, role: partner.role ?? null });
      }
      for (const r of p.resources) {
        await tx
          .insert(projectResources)
          .values({ projectId: project!.id, fundingSource: r.fundingSource, year: r.year ?? null, amountCents: r.amountCents, note: r.note ?? null });
        summary.resourcesCents += r.amountCents;
      }
      created.push(project!.id);
      existing.add(key(p.title));
      summary.created += 1;
    }
    // Nothing new (a second run of the same file): nothing written, nothing logged.
    if (summary.created === 0) return summary;
    await auditFact(tx, ctx, {
      action: 'participation.project.imported',
      entityType: PROJECT,
      entityId: ctx.ambitoId,
      after: { file: fileName, source: parsed.data.source, ...summary, projectIds: created },
    });
    return summary;
  });
}

/** The number of projects of the Ambito (for the demo step's idempotence). */
export async function countProjects(tx: Tx | CommandContext['db'], ambitoId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(coDesignProjects)
    .where(eq(coDesignProjects.ambitoId, ambitoId));
  return row?.n ?? 0;
}
