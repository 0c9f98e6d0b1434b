// Reads of the co-designed projects' pages: the list with its totals, one project with its lines, the form's choices.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { isUuid } from '../../shared/validation.ts';
import { listOrganisations, organisations } from '../governance/index.server.ts';
import { planObjectives, plans } from '../planning/index.server.ts';
import { resourceTotals } from './participation.projects.rules.ts';
import { coDesignProjects, projectObjectives, projectPartners, projectResources, thematicTables } from './participation.schema.ts';

/** The Ambito's projects with their lead, number of partners and resource totals (by project, source, year). */
export async function listProjects(db: DbOrTx, ambitoId: string) {
  const rows = await db
    .select({
      id: coDesignProjects.id,
      title: coDesignProjects.title,
      procedure: coDesignProjects.procedure,
      startsOn: coDesignProjects.startsOn,
      endsOn: coDesignProjects.endsOn,
      status: coDesignProjects.status,
      sdgGoals: coDesignProjects.sdgGoals,
      beneficiariesCount: coDesignProjects.beneficiariesCount,
      leadName: organisations.name,
    })
    .from(coDesignProjects)
    .leftJoin(organisations, eq(organisations.id, coDesignProjects.leadOrganisationId))
    .where(eq(coDesignProjects.ambitoId, ambitoId))
    .orderBy(asc(coDesignProjects.title));
  const ids = rows.map((r) => r.id);
  const [partners, resources] = ids.length
    ? await Promise.all([
        db.select({ projectId: projectPartners.projectId }).from(projectPartners).where(inArray(projectPartners.projectId, ids)),
        db
          .select({
            projectId: projectResources.projectId,
            fundingSource: projectResources.fundingSource,
            year: projectResources.year,
            amountCents: projectResources.amountCents,
          })
          .from(projectResources)
          .where(inArray(projectResources.projectId, ids)),
      ])
    : [[], []];
  const totals = resourceTotals(resources);
  const byProject = new Map(totals.byProject.map((p) => [p.projectId, p.cents]));
  return {
    projects: rows.map((r) => ({
      ...r,
      partners: partners.filter((p) => p.projectId === r.id).length,
      resourcesCents: byProject.get(r.id) ?? 0,
    })),
    totals,
  };
}

export async function getProject(db: DbOrTx, ambitoId: string, projectId: string) {
  if (!isUuid(projectId)) return null;
  const [project] = await db
    .select()
    .from(coDesignProjects)
    .where(and(eq(coDesignProjects.ambitoId, ambitoId), eq(coDesignProjects.id, projectId)));
  if (!project) return null;
  const [partners, resources, objectives, lead, plan, table] = await Promise.all([
    db
      .select({
        id: projectPartners.id,
        organisationId: projectPartners.organisationId,
        role: projectPartners.role,
        name: organisations.name,
        kind: organisations.kind,
      })
      .from(projectPartners)
      .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
      .where(eq(projectPartners.projectId, projectId))
      .orderBy(asc(organisations.name)),
    db
      .select()
      .from(projectResources)
      .where(eq(projectResources.projectId, projectId))
      .orderBy(asc(projectResources.year), asc(projectResources.fundingSource)),
    db
      .select({
        id: projectObjectives.id,
        objectiveId: planObjectives.id,
        code: planObjectives.code,
        title: planObjectives.title,
        planId: plans.id,
        planTitle: plans.title,
      })
      .from(projectObjectives)
      .innerJoin(planObjectives, eq(planObjectives.id, projectObjectives.objectiveId))
      .innerJoin(plans, eq(plans.id, planObjectives.planId))
      .where(eq(projectObjectives.projectId, projectId))
      .orderBy(asc(planObjectives.code)),
    project.leadOrganisationId
      ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, project.leadOrganisationId))
      : Promise.resolve([]),
    project.planId ? db.select({ id: plans.id, title: plans.title }).from(plans).where(eq(plans.id, project.planId)) : Promise.resolve([]),
    project.tableId
      ? db.select({ id: thematicTables.id, name: thematicTables.name }).from(thematicTables).where(eq(thematicTables.id, project.tableId))
      : Promise.resolve([]),
  ]);
  return {
    project,
    lead: lead[0] ?? null,
    plan: plan[0] ?? null,
    table: table[0] ?? null,
    partners,
    resources,
    objectives,
    totals: resourceTotals(resources),
  };
}

/** What a project's forms choose from: the Ambito's organisations, plans, plan objectives and tables. */
export async function projectChoices(db: DbOrTx, ambitoId: string) {
  const [orgs, planRows, tables] = await Promise.all([
    listOrganisations(db, ambitoId),
    db.select({ id: plans.id, title: plans.title }).from(plans).where(eq(plans.ambitoId, ambitoId)).orderBy(desc(plans.periodStartYear)),
    db
      .select({ id: thematicTables.id, name: thematicTables.name })
      .from(thematicTables)
      .where(eq(thematicTables.ambitoId, ambitoId))
      .orderBy(asc(thematicTables.name)),
  ]);
  const objectives = planRows.length
    ? await db
        .select({ id: planObjectives.id, code: planObjectives.code, title: planObjectives.title, planId: planObjectives.planId })
        .from(planObjectives)
        .where(
          inArray(
            planObjectives.planId,
            planRows.map((p) => p.id),
          ),
        )
        .orderBy(asc(planObjectives.code))
    : [];
  return {
    organisations: orgs.map((o) => ({ id: o.id, name: o.name })),
    plans: planRows.map((p) => ({ id: p.id, name: p.title })),
    tables,
    objectives: objectives.map((o) => ({ id: o.id, name: `${o.code} – ${o.title}`, planId: o.planId })),
  };
}
