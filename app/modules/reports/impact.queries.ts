// Reads of the social-impact report: the reports of an Ambito, and everything a report is computed from — read from the
// other modules only through their server faces (planning, participation, leps, monitoring, finance).
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { listSpendingForImpact } from '../finance/index.server.ts';
import { getStaffing } from '../leps/index.server.ts';
import { listYearCounts } from '../monitoring/index.server.ts';
import { participationFigures } from '../participation/index.ts';
import { comparePublished, getProject, listProjects, listPublishedFigures, listTables, readParticipationWorld } from '../participation/index.server.ts';
import { getTemplate, loadPlanVersion, statusLabel } from '../planning/index.server.ts';
import type { PlanStatus } from '../planning/index.ts';
import type { ImpactInput } from './impact.build.ts';
import { isSectionKey, type ImpactStatus } from './impact.rules.ts';
import { impactReports, type ImpactReportRow } from './impact.schema.ts';

/** The reports of an Ambito, newest year first. */
export async function listImpactReports(db: DbOrTx, ambitoId: string) {
  return db.select().from(impactReports).where(eq(impactReports.ambitoId, ambitoId)).orderBy(desc(impactReports.year));
}

/** The report of a year, or null. */
export async function getImpactReportOfYear(db: DbOrTx, ambitoId: string, year: number): Promise<ImpactReportRow | null> {
  const [row] = await db
    .select()
    .from(impactReports)
    .where(and(eq(impactReports.ambitoId, ambitoId), eq(impactReports.year, year)));
  return row ?? null;
}

/** The latest published report of an Ambito (the one its public page shows), or null. */
export async function latestPublishedReport(db: DbOrTx, ambitoId: string): Promise<ImpactReportRow | null> {
  const [row] = await db
    .select()
    .from(impactReports)
    .where(and(eq(impactReports.ambitoId, ambitoId), eq(impactReports.status, 'published')))
    .orderBy(desc(impactReports.year))
    .limit(1);
  return row ?? null;
}

const THEMATIC = 'tavolo_tematico';
const CONCERTATION = 'tavolo_concertazione';

/** Everything a report is computed from, at this moment. */
export async function readImpactInput(db: DbOrTx, ambito: { id: string; code: string; name: string }, report: ImpactReportRow): Promise<ImpactInput> {
  const year = report.year;
  // Sequential on purpose: inside a transaction there is one connection, and queries on it must not overlap.
  const version = report.planId ? await loadPlanVersion(db, report.planId, 'current') : null;
  const doc = version?.document ?? null;

  // Participation: the tables of the year, the figures recorded from their records, and those published elsewhere.
  const tables = (await listTables(db, ambito.id)).filter((t) => t.periodStartYear <= year && t.periodEndYear >= year);
  const { world } = await readParticipationWorld(db, ambito.id);
  const ids = new Set(tables.map((t) => t.id));
  const figures = participationFigures({
    ...world,
    tables: world.tables.filter((t) => ids.has(t.id)),
    tableMembers: world.tableMembers.filter((m) => ids.has(m.tableId)),
  });
  const published = await listPublishedFigures(db, ambito.id, report.planId);
  const comparison = comparePublished(
    {
      meetings: figures.meetingsHeld,
      concertation_tables: tables.filter((t) => t.kind === CONCERTATION).length,
      thematic_tables: tables.filter((t) => t.kind === THEMATIC).length,
      member_organisations: figures.memberOrganisations,
    },
    published,
  );

  // Co-designed projects, with their partners and resources.
  const projects: ImpactInput['projects'] = [];
  for (const p of (await listProjects(db, ambito.id)).projects) {
    const detail = await getProject(db, ambito.id, p.id);
    if (!detail) continue;
    projects.push({
      title: p.title,
      summary: detail.project.summary,
      status: p.status,
      sdgGoals: p.sdgGoals,
      partners: [...(detail.lead ? [detail.lead.name] : []), ...detail.partners.map((x) => x.name)],
      resources: detail.resources.map((r) => ({ fundingSource: r.fundingSource, year: r.year, amountCents: r.amountCents })),
    });
  }

  // LEPS: the social workers year by year, from the first year with staff recorded.
  const staffing = await getStaffing(db, ambito.id, year);
  const firstStaffYear = staffing.posts.length ? Math.min(...staffing.posts.map((p) => Number(p.validFrom.slice(0, 4)))) : null;
  const staffYears: ImpactInput['staffing'] =
    firstStaffYear === null
      ? []
      : staffing.history
          .filter((h) => h.year >= firstStaffYear)
          .map((h) => ({
            year: h.year,
            fte: h.fte,
            population: h.population,
            populationYear: h.populationYear,
            inhabitantsPerWorker: h.assessment.inhabitantsPerWorker?.value ?? null,
            leps: h.assessment.leps.status,
            serviceObjective: h.assessment.serviceObjective.status,
            lepsRequiredFte: h.assessment.leps.requiredFte?.value ?? null,
            objectiveRequiredFte: h.assessment.serviceObjective.requiredFte?.value ?? null,
          }));

  const users = report.planId ? await listYearCounts(db, report.planId, year) : [];
  const spending = await listSpendingForImpact(db, ambito.id);

  return {
    ambito: { code: ambito.code, name: ambito.name },
    report: {
      id: report.id,
      title: report.title,
      year,
      seriesFromYear: report.seriesFromYear,
      status: report.status as ImpactStatus,
      publishedAt: report.publishedAt ? report.publishedAt.toISOString() : null,
      version: report.version,
      sections: report.sections.filter((s) => isSectionKey(s.key)).map((s) => ({ key: s.key as never, intro: s.intro })),
    },
    plan: doc
      ? {
          title: doc.plan.title,
          periodStartYear: doc.plan.periodStartYear,
          periodEndYear: doc.plan.periodEndYear,
          statusLabel: statusLabel(doc.plan.template.id, doc.plan.status as PlanStatus),
          adoptionDate: doc.plan.adoption?.date ?? null,
          adoptionAct: doc.plan.adoption?.act ?? null,
          templateName: getTemplate(doc.plan.template.id)?.name ?? null,
          chapters: doc.chapters.map((c) => ({ title: c.title, markdown: c.markdown ?? null })),
          objectives: doc.objectives.map((o) => ({ code: o.code, title: o.title, agenda2030: o.links.agenda2030 })),
        }
      : null,
    participation: { tables: tables.map((t) => ({ name: t.name, kind: t.kind })), figures: comparison },
    projects,
    staffing: staffYears,
    users: users.map((u) => ({ objectiveCode: u.objectiveCode, objectiveTitle: u.objectiveTitle, label: u.label, unit: u.unit, value: u.value })),
    spending,
  };
}
