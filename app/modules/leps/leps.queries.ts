import { listLatestMeasurements } from '../monitoring/index.server.ts';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { lineChart } from '../../shared/charts/charts.ts';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { auditLog } from '../../shared/audit/audit.schema.ts';
import { comuni, listAmbitoComuni, listAmbitoPopulation, listComuniPopulation } from '../territory/index.server.ts';
import { listObjectivesWithLinks, listPlans } from '../planning/index.server.ts';
import { FUNDING_SOURCES } from './leps.vocabulary.ts';
import { lepsNamedInCard } from './leps-links.rules.ts';
import { attributeLepsBudget, lepsEvidenceStatus, SOCIAL_SERVICE_LEPS_CODE, targetsForYear, type EvidenceObjective } from './leps.dashboard.ts';
import {
  socialWorkerContribution,
  socialWorkerHistory,
  STAFF_BASES,
  type ContractKind,
  type EmployerKind,
  type SocialWorkerPost,
  type StaffBasis,
} from './leps.rules.ts';
import { lepsCatalogue, socialWorkerPosts } from './leps.schema.ts';

export const fundingLabel = (code: string) => (FUNDING_SOURCES as Record<string, string>)[code] ?? code;

// ——— Catalogue ————————————————————————————————————————————————————————————————————————————————————

/** The catalogue version loaded last (the one in use), with its entries in the order of the guidelines. */
export async function getCurrentCatalogue(db: DbOrTx) {
  const [latest] = await db
    .select({ version: lepsCatalogue.catalogueVersion, title: lepsCatalogue.catalogueTitle, source: lepsCatalogue.source })
    .from(lepsCatalogue)
    .orderBy(desc(lepsCatalogue.createdAt), desc(lepsCatalogue.catalogueVersion))
    .limit(1);
  if (!latest) return null;
  const entries = await db.select().from(lepsCatalogue).where(eq(lepsCatalogue.catalogueVersion, latest.version)).orderBy(asc(lepsCatalogue.position));
  return { ...latest, entries };
}

/** One entry of the current catalogue, with its change history from the audit log (newest first). */
export async function getCatalogueEntry(db: DbOrTx, code: string) {
  const catalogue = await getCurrentCatalogue(db);
  const entry = catalogue?.entries.find((e) => e.code === code);
  if (!catalogue || !entry) return null;
  const history = await db
    .select({ at: auditLog.at, actorLabel: auditLog.actorLabel, action: auditLog.action, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'leps_catalogue'), eq(auditLog.entityId, entry.id)))
    .orderBy(desc(auditLog.at));
  return { catalogue: { version: catalogue.version, title: catalogue.title }, entry, history };
}

// ——— Population and staff ——————————————————————————————————————————————————————————————————————————

export interface PopulationPoint {
  year: number;
  population: number;
  referenceDate: string | null;
  /** Published Ambito total, or the sum of all member comuni. */
  basis: 'ambito' | 'comuni';
}

/**
 * The Ambito's population by year: the published Ambito total where there is one, otherwise the sum of the
 * member comuni when every comune has a figure for that year (a partial sum is never used).
 */
export async function ambitoPopulationSeries(db: DbOrTx, ambitoId: string, day: string): Promise<PopulationPoint[]> {
  const own = await listAmbitoPopulation(db, ambitoId);
  const points = new Map<number, PopulationPoint>(
    own.map((r) => [r.year, { year: r.year, population: r.total, referenceDate: r.referenceDate, basis: 'ambito' as const }]),
  );
  const members = await listAmbitoComuni(db, ambitoId, day);
  if (members.length) {
    const byYear = new Map<number, { total: number; count: number; referenceDate: string | null }>();
    for (const r of await listComuniPopulation(db, ambitoId, day)) {
      const y = byYear.get(r.year) ?? { total: 0, count: 0, referenceDate: r.referenceDate };
      y.total += r.total;
      y.count++;
      byYear.set(r.year, y);
    }
    for (const [year, y] of byYear) {
      if (!points.has(year) && y.count === members.length) points.set(year, { year, population: y.total, referenceDate: y.referenceDate, basis: 'comuni' });
    }
  }
  return [...points.values()].sort((a, b) => a.year - b.year);
}

export async function listSocialWorkerPosts(db: DbOrTx, ambitoId: string) {
  return db
    .select({ post: socialWorkerPosts, comuneName: comuni.name })
    .from(socialWorkerPosts)
    .leftJoin(comuni, eq(comuni.id, socialWorkerPosts.comuneId))
    .where(eq(socialWorkerPosts.ambitoId, ambitoId))
    .orderBy(asc(socialWorkerPosts.code), asc(socialWorkerPosts.validFrom));
}

/** A recorded post as the staffing rules read it. */
export const toRulePost = (p: typeof socialWorkerPosts.$inferSelect): SocialWorkerPost => ({
  id: p.code,
  fte: p.fte,
  employerKind: p.employerKind as EmployerKind,
  employerName: p.employerName,
  contract: p.contract as ContractKind,
  fundingSources: p.fundingSources,
  assignment: p.assignment,
  from: p.validFrom,
  to: p.validTo,
});

/**
 * Each year from `start` to `end` with the population of that year or, when the year has none yet, the latest earlier
 * figure (which `populationYear` names).
 */
export function populationYears(population: readonly { year: number; population: number; referenceDate: string | null }[], start: number, end: number) {
  const years: { year: number; population: number | null; populationYear: number | null; referenceDate: string | null }[] = [];
  for (let y = start; y <= end; y++) {
    const p = [...population].reverse().find((x) => x.year <= y) ?? null;
    years.push({ year: y, population: p?.population ?? null, populationYear: p?.year ?? null, referenceDate: p?.referenceDate ?? null });
  }
  return years;
}

/**
 * The social-worker ratio of an Ambito year by year up to `year`: staff in service on 31 December on the chosen
 * basis, against the population of that year (or, when the year has none yet, the latest earlier figure, which
 * the row names). Years run from the first population figure or staff record to `year`.
 */
export async function getStaffing(db: DbOrTx, ambitoId: string, year: number, basis: StaffBasis = 'tempo_indeterminato_ambito_comuni') {
  const day = `${year}-12-31`;
  const [rows, population] = await Promise.all([listSocialWorkerPosts(db, ambitoId), ambitoPopulationSeries(db, ambitoId, day)]);
  const posts = rows.map((r) => toRulePost(r.post));
  const firstYears = [...population.map((p) => p.year), ...rows.map((r) => Number(r.post.validFrom.slice(0, 4)))];
  const start = Math.min(year, ...firstYears);
  const years = populationYears(population, start, year);
  const history = socialWorkerHistory(posts, years, { basis }).map((h, i) => ({
    ...h,
    populationYear: years[i]!.populationYear,
    referenceDate: years[i]!.referenceDate,
  }));
  const current = history[history.length - 1]!;
  const contribution = socialWorkerContribution({ population: current.population, permanentFte: current.staff.fte.tempo_indeterminato_ambito_comuni });
  const chartSvg =
    history.length > 0
      ? renderChartSvg(
          lineChart({
            categories: history.map((h) => String(h.year)),
            yName: tr('leps.fte'),
            series: [
              { name: tr('leps.staff.chart.inService'), values: history.map((h) => (rows.length ? h.fte : null)) },
              { name: tr('leps.staff.chart.leps'), values: history.map((h) => h.assessment.leps.requiredFte?.value ?? null) },
              { name: tr('leps.staff.chart.objective'), values: history.map((h) => h.assessment.serviceObjective.requiredFte?.value ?? null) },
            ],
          }),
          { width: 760, height: 320 },
        )
      : null;
  return {
    basis,
    bases: STAFF_BASES,
    staffRecorded: rows.length > 0,
    posts: rows.map((r) => ({
      ...r.post,
      employerKind: r.post.employerKind as EmployerKind,
      contract: r.post.contract as ContractKind,
      comuneName: r.comuneName,
      fundingLabels: r.post.fundingSources.map(fundingLabel),
    })),
    population,
    history,
    current,
    contribution,
    chartSvg,
  };
}

// ——— Dashboard ————————————————————————————————————————————————————————————————————————————————————

/** The Ambito's plan covering `year` (the one starting last when periods overlap), through planning's queries. */
export async function planCoveringYear(db: DbOrTx, ambitoId: string, year: number) {
  const covering = (await listPlans(db, ambitoId)).filter((p) => p.periodStartYear <= year && p.periodEndYear >= year);
  return covering.sort((a, b) => b.periodStartYear - a.periodStartYear)[0] ?? null;
}

/**
 * The plan's objectives with their indicators (with targets) and budget, keyed by the LEPS they are linked to
 * (planning's listObjectivesWithLinks: the links of the card, imported or set by hand).
 */
async function planEvidence(db: DbOrTx, planId: string) {
  const unlinked = new Map<string, { id: string; code: string; title: string }[]>();
  const byLeps = new Map<
    string,
    (EvidenceObjective & {
      id: string;
      funds: { fund: string; label: string; amountCents: number }[];
      indicatorIds: string[];
      budgetLines: { id: string; amountCents: number }[];
    })[]
  >();
  for (const o of await listObjectivesWithLinks(db, planId)) {
    // An ordinary objective whose card names a LEPS it is not linked to (leps-links.rules.ts): pointed out, not counted.
    if (o.kind === 'ordinary') {
      for (const code of lepsNamedInCard(o).filter((c) => !o.leps.includes(c)))
        unlinked.set(code, [...(unlinked.get(code) ?? []), { id: o.id, code: o.code, title: o.title }]);
    }
    if (!o.leps.length) continue;
    const funds = new Map<string, number>();
    for (const b of o.budgetLines) funds.set(b.fund, (funds.get(b.fund) ?? 0) + b.amountCents);
    const item = {
      id: o.id,
      code: o.code,
      title: o.title,
      indicators: o.indicators.map((i) => ({
        id: i.id,
        code: i.code,
        label: i.label,
        targets: i.targets.map((t) => ({ year: t.year, rule: t.rule as { type: string }, text: t.text })),
      })),
      indicatorIds: o.indicators.map((i) => i.id),
      budgetCents: o.budgetLines.reduce((s, b) => s + b.amountCents, 0),
      budgetLines: o.budgetLines.map((b) => ({ id: b.id, amountCents: b.amountCents })),
      funds: [...funds].map(([fund, amountCents]) => ({ fund, label: fundingLabel(fund), amountCents })),
    };
    for (const code of o.leps) byLeps.set(code, [...(byLeps.get(code) ?? []), item]);
  }
  return { byLeps, unlinked };
}

/**
 * The LEPS dashboard of an Ambito for `year`: every LEPS of the current catalogue with its status and its evidence
 * in the plan covering the year (objectives, indicators with the targets of the year, funds), and the
 * social-worker ratio for the professional social service.
 */
export async function getLepsDashboard(db: DbOrTx, ambitoId: string, year: number) {
  const [catalogue, plan, staffing] = await Promise.all([getCurrentCatalogue(db), planCoveringYear(db, ambitoId, year), getStaffing(db, ambitoId, year)]);
  const { byLeps: evidence, unlinked }: Awaited<ReturnType<typeof planEvidence>> = plan
    ? await planEvidence(db, plan.id)
    : { byLeps: new Map(), unlinked: new Map() };
  // The latest measurement of every indicator in the evidence, with the status of its target (monitoring module).
  const indicatorIds = [...new Set([...evidence.values()].flat().flatMap((o) => o.indicatorIds))];
  const latest = new Map((await listLatestMeasurements(db, indicatorIds)).map((m) => [m.indicatorId, m]));
  // Every budget line once: an objective linked to several LEPS shows under each, the total counts it once.
  const budget = attributeLepsBudget((catalogue?.entries ?? []).map((e) => ({ code: e.code, objectives: evidence.get(e.code) ?? [] })));
  const names = new Map((catalogue?.entries ?? []).map((e) => [e.code, e.name]));
  const rows = (catalogue?.entries ?? []).map((entry) => {
    const objectives = evidence.get(entry.code) ?? [];
    const share = budget.byLeps.get(entry.code)!;
    const summary = lepsEvidenceStatus({
      code: entry.code,
      year,
      objectives,
      socialWorkers: entry.code === SOCIAL_SERVICE_LEPS_CODE ? { assessment: staffing.current.assessment, staffRecorded: staffing.staffRecorded } : null,
    });
    return {
      code: entry.code,
      name: entry.name,
      legalReference: entry.legalReference,
      fundingText: entry.fundingText,
      priority: entry.priority?.number ?? null,
      policyAreas: entry.policyAreas.map((a) => a.code),
      summary: { ...summary, budgetCents: share.budgetCents },
      /** Objectives whose card names this LEPS without being linked to it (to link by hand in the card, or not). */
      namedNotLinked: unlinked.get(entry.code) ?? [],
      budgetShared:
        share.sharedCents > 0 ? { cents: share.sharedCents, objectives: share.sharedObjectives, leps: share.sharedWith.map((c) => names.get(c) ?? c) } : null,
      objectives: objectives.map((o) => ({
        id: o.id,
        code: o.code,
        title: o.title,
        budgetCents: o.budgetCents,
        funds: o.funds,
        indicators: o.indicators.map((i) => {
          const m = i.id ? latest.get(i.id) : undefined;
          return {
            code: i.code,
            label: i.label,
            targets: targetsForYear(i.targets, year),
            latest: m?.period
              ? {
                  periodLabel: m.periodLabel,
                  display: m.display,
                  status: m.target?.status ?? null,
                  statusLabel: m.target?.statusLabel ?? null,
                  reason: m.target?.reason ?? null,
                }
              : null,
          };
        }),
      })),
    };
  });
  return {
    year,
    catalogue: catalogue ? { version: catalogue.version, title: catalogue.title } : null,
    plan: plan ? { id: plan.id, title: plan.title, period: `${plan.periodStartYear}–${plan.periodEndYear}` } : null,
    staffing: { staffRecorded: staffing.staffRecorded, current: staffing.current },
    rows,
    /** The plan's budget on LEPS objectives, each line once; the sum of the rows and what it counts more than once. */
    budget: { totalCents: budget.totalCents, rowsSumCents: budget.rowsSumCents, sharedCents: budget.sharedCents },
    /** How many of the evidence's indicators have at least one measurement. */
    measured: [...latest.values()].filter((m) => m.period !== null).length,
    indicatorCount: indicatorIds.length,
  };
}
