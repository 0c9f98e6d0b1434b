// The public portal's reads. The portal owns no table: every page is composed from the other modules' server faces
// (territory, planning, monitoring, governance, participation, finance, LEPS, reports), and only what may be published
// leaves this file: no completeness, draft, variation or history of a plan, no person, no applicant, and every count
// of people receiving a service goes through publishCount (app/shared/privacy/suppress.ts).
import type { DbOrTx } from '../../shared/db/client.ts';
import { measurePublishable, PRIVACY_THRESHOLD, publishCount } from '../../shared/privacy/suppress.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { getPublishedMinutes, listPublicMeetings } from '../governance/index.server.ts';
import { getStaffing } from '../leps/index.server.ts';
import { getPlanDashboard, listLatestMeasurements } from '../monitoring/index.server.ts';
import { getProject, listPortalCalls, listPortalQuestionnaires, listProjects } from '../participation/index.server.ts';
import { getSpendingDashboard } from '../finance/index.server.ts';
import { fundName, getObjectiveDetail, getPlanOverview, listObjectivesWithLinks, listPlans } from '../planning/index.server.ts';
import { can as canPlanning } from '../planning/index.ts';
import { planDocumentsFor } from '../reports/index.server.ts';
import { getAmbitoByCode, getAmbitoOverview } from '../territory/index.server.ts';
import { latestResult, latestResults, nextMeetings, sumBy } from './portal.rules.ts';

export interface PortalAmbito {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

/** The Ambito of a portal address, or null. */
export async function findPortalAmbito(db: DbOrTx, code: string): Promise<PortalAmbito | null> {
  const a = await getAmbitoByCode(db, code);
  return a ? { id: a.id, code: a.code, name: a.name, regionCode: a.regionCode, regionName: a.regionName } : null;
}

export interface PublicPlan {
  id: string;
  ambitoId: string;
  title: string;
  status: string;
  periodStartYear: number;
  periodEndYear: number;
  adoptionDate: string | null;
  adoptionAct: string | null;
}

/** The Ambito's public plans (planning's rule `plan.public`: adopted or later), the latest period first. */
export async function listPublicPlans(db: DbOrTx, ambitoId: string): Promise<PublicPlan[]> {
  const rows = await listPlans(db, ambitoId);
  return rows
    .filter((p) => canPlanning({ kind: 'anonymous' }, 'plan.public', { id: ambitoId, regionCode: '', status: p.status as never }))
    .map((p) => ({
      id: p.id,
      ambitoId: p.ambitoId,
      title: p.title,
      status: p.status,
      periodStartYear: p.periodStartYear,
      periodEndYear: p.periodEndYear,
      adoptionDate: p.adoptionDate,
      adoptionAct: p.adoptionAct,
    }));
}

/** A result of an indicator as the portal shows it: its latest value, its period and the status of that year's target. */
export interface PortalResult {
  indicatorId: string;
  objectiveCode: string;
  indicatorLabel: string;
  period: string | null;
  periodLabel: string | null;
  /** The value in the reader's language ("12", "48,00 % (12/25)", "sì"), from monitoring. */
  display: string | null;
  targetStatus: string | null;
  targetLabel: string | null;
}

/** The latest value of every indicator of a plan, in the plan's order (measured or not). */
async function planResults(db: DbOrTx, planId: string, today: string) {
  const objectives = await listObjectivesWithLinks(db, planId);
  const indicators = objectives.flatMap((o) => o.indicators.map((i) => ({ ...i, objectiveCode: o.code })));
  const latest = await listLatestMeasurements(
    db,
    indicators.map((i) => i.id),
    today,
  );
  const results: PortalResult[] = latest.map((m, k) => ({
    indicatorId: m.indicatorId,
    objectiveCode: indicators[k]!.objectiveCode,
    indicatorLabel: indicators[k]!.label,
    period: m.period,
    periodLabel: m.periodLabel,
    // The same privacy rule as the API: a small count of people (or a ratio with a small part) is not shown.
    display:
      m.display !== null && !measurePublishable(indicators[k]!.kind, m.shown) ? tr('portal.count.suppressed', { threshold: PRIVACY_THRESHOLD }) : m.display,
    targetStatus: m.target?.status ?? null,
    targetLabel: m.target?.statusLabel ?? null,
  }));
  return { objectives, results };
}

/** A progress figure as the pages show it: the percentage and what it rests on (null value: not available yet). */
const progressOf = (p: { value: number | null; included: string[]; missing: string[] }) => ({
  value: p.value,
  counted: p.included.length,
  missing: p.missing.length,
});

/** The plan's documents (PDF, DOCX of the adopted text) as the reports module publishes them; none yet: empty. */
async function documentsOf(db: DbOrTx, planId: string) {
  const docs = await planDocumentsFor(db, planId);
  return docs.map((d) => ({ format: d.format, href: d.href, bytes: d.bytes, sha256: d.sha256, createdAt: d.createdAt }));
}

/** The portal's home page: the Ambito, its comuni and population, the plan, key figures and what is new. */
export async function getPortalHome(db: DbOrTx, ambito: PortalAmbito, plan: PublicPlan | null, today: string, now: Date) {
  const [overview, meetings, calls, questionnaires] = await Promise.all([
    getAmbitoOverview(db, ambito.code, today),
    listPublicMeetings(db, ambito.id),
    listPortalCalls(db, ambito.id, today),
    listPortalQuestionnaires(db, ambito.id, today),
  ]);
  let planPart = null;
  if (plan) {
    const [planOverview, dashboard, { results }, documents] = await Promise.all([
      getPlanOverview(db, plan.id),
      getPlanDashboard(db, plan.id, today),
      planResults(db, plan.id, today),
      documentsOf(db, plan.id),
    ]);
    planPart = {
      ...plan,
      documents,
      objectives: planOverview?.counts.objectives ?? 0,
      actions: planOverview?.counts.actions ?? 0,
      budgetCents: (planOverview?.ordinary.total ?? 0) + (planOverview?.leps.total ?? 0),
      progress: dashboard ? progressOf(dashboard.progress) : null,
      latest: latestResults(results, 5),
    };
  }
  return {
    ambito,
    comuni: (overview?.comuni ?? []).map((c) => ({ id: c.id, name: c.name, istatCode: c.istatCode, provinceName: c.provinceName, isCapofila: c.isCapofila })),
    population: overview
      ? {
          total: overview.headline.total,
          year: overview.headline.year,
          referenceDate: overview.headline.referenceDate,
          source: overview.headline.source,
          covered: overview.headline.covered,
          of: overview.headline.of,
        }
      : null,
    plan: planPart,
    meetings: nextMeetings(meetings, now, 3),
    calls: calls.filter((c) => c.state === 'aperto'),
    questionnaires: questionnaires.filter((q) => q.window === 'open'),
  };
}

/** The plan page: objectives by area, each with its progress (monitoring) and latest result; resources by area. */
export async function getPortalPlan(db: DbOrTx, plan: PublicPlan, today: string) {
  const [overview, dashboard, { results }, documents] = await Promise.all([
    getPlanOverview(db, plan.id),
    getPlanDashboard(db, plan.id, today),
    planResults(db, plan.id, today),
    documentsOf(db, plan.id),
  ]);
  const progressByCode = new Map((dashboard?.objectives ?? []).map((o) => [o.code, o.progress]));
  const objectives = (overview?.objectives ?? []).map((o) => {
    const p = progressByCode.get(o.code);
    return {
      code: o.code,
      title: o.title,
      kind: o.kind,
      priority: o.priority,
      area: o.kind === 'leps' ? null : (o.macroArea ?? null),
      budgetCents: o.budgetCents,
      actions: o.actions,
      progress: p ? progressOf(p) : null,
      latest: latestResult(results.filter((r) => r.objectiveCode === o.code)),
    };
  });
  // The areas in the plan's order: its macro-areas, objectives without one, then the LEPS cards.
  const areaNames = [...new Set(objectives.filter((o) => o.kind !== 'leps').map((o) => o.area))];
  const areaProgress = (codes: string[]) => dashboard?.areas.find((a) => a.objectives.length === codes.length && codes.every((c) => a.objectives.includes(c)));
  const areas = [
    ...areaNames.map((name) => ({
      kind: name === null ? ('none' as const) : ('macro' as const),
      name,
      rows: objectives.filter((o) => o.kind !== 'leps' && o.area === name),
    })),
    ...(objectives.some((o) => o.kind === 'leps') ? [{ kind: 'leps' as const, name: null, rows: objectives.filter((o) => o.kind === 'leps') }] : []),
  ].map((a) => {
    const found = areaProgress(a.rows.map((r) => r.code));
    return { ...a, progress: found ? progressOf(found.progress) : null };
  });
  return {
    plan,
    documents,
    counts: overview?.counts ?? { objectives: 0, actions: 0, indicators: 0 },
    progress: dashboard ? progressOf(dashboard.progress) : null,
    areas,
    measuredIndicators: results.filter((r) => r.period !== null).length,
    indicators: results.length,
    budget: {
      totalCents: overview?.ordinary.total ?? 0,
      lepsCents: overview?.leps.total ?? 0,
      byArea: (overview?.ordinary.byArea ?? []).map(([area, cents]) => ({ area, cents })),
      areaSvg: overview?.areaSvg ?? null,
    },
  };
}

/** One objective in plain words: its actions with status, its indicators with yearly targets and values, its budget. */
export async function getPortalObjective(db: DbOrTx, plan: PublicPlan, objectiveCode: string, today: string) {
  const objectives = await listObjectivesWithLinks(db, plan.id);
  const found = objectives.find((o) => o.code === objectiveCode);
  if (!found) return null;
  const [detail, dashboard, latest] = await Promise.all([
    getObjectiveDetail(db, found.id),
    getPlanDashboard(db, plan.id, today),
    listLatestMeasurements(
      db,
      found.indicators.map((i) => i.id),
      today,
    ),
  ]);
  if (!detail) return null;
  const o = detail.objective;
  const fromDashboard = dashboard?.objectives.find((x) => x.id === o.id) ?? null;
  const years = Array.from({ length: plan.periodEndYear - plan.periodStartYear + 1 }, (_, i) => plan.periodStartYear + i);
  const measured = new Map((dashboard?.measured ?? []).map((m) => [m.id, m]));
  const position = objectives.findIndex((x) => x.id === o.id);
  return {
    plan,
    objective: {
      code: o.code,
      title: o.title,
      kind: o.kind,
      description: o.description,
      macroArea: o.macroArea,
      policyAreas: o.policyAreas,
      priority: o.priority,
    },
    previous: position > 0 ? { code: objectives[position - 1]!.code, title: objectives[position - 1]!.title } : null,
    next: position < objectives.length - 1 ? { code: objectives[position + 1]!.code, title: objectives[position + 1]!.title } : null,
    progress: fromDashboard ? progressOf(fromDashboard.progress) : null,
    actions: detail.actions.map((a) => {
      const r = fromDashboard?.actions.find((x) => x.id === a.id)?.realisation ?? null;
      return {
        id: a.id,
        number: a.number,
        description: a.description,
        status: a.status,
        startDate: a.startDate,
        endDate: a.endDate,
        realisation: r ? { value: r.value, source: r.source, met: r.met, targets: r.targets } : null,
      };
    }),
    years,
    // The objective's own indicators first, then each action's, in the order of the actions (then of the plan).
    indicators: [...detail.indicators]
      .map((i, k) => ({ i, k, a: i.actionId === null ? -1 : detail.actions.findIndex((a) => a.id === i.actionId) }))
      .sort((x, y) => x.a - y.a || x.k - y.k)
      .map(({ i }) => {
        const m = measured.get(i.id);
        const action = detail.actions.find((a) => a.id === i.actionId);
        const found = latest.find((x) => x.indicatorId === i.id);
        const l = found
          ? {
              ...found,
              display:
                found.display !== null && !measurePublishable(i.kind, found.shown)
                  ? tr('portal.count.suppressed', { threshold: PRIVACY_THRESHOLD })
                  : found.display,
            }
          : { period: null, periodLabel: null, display: null, target: null };
        return {
          id: i.id,
          code: i.code,
          label: i.label,
          kind: i.kind,
          unit: i.unit,
          actionNumber: action?.number ?? null,
          latest: l.period
            ? { periodLabel: l.periodLabel, display: l.display, targetStatus: l.target?.status ?? null, targetLabel: l.target?.statusLabel ?? null }
            : null,
          /** Each year of the plan: the target as the plan words it and the value achieved (null: not measured yet). */
          years: years.map((year) => {
            const target = i.targets.find((t) => t.year === year) ?? null;
            const y = m?.yearly.find((x) => x.year === year) ?? null;
            const evaluation = m?.evaluations.find((e) => e.year === year) ?? null;
            // A yearly count of people below the threshold is not published (the same rule as the latest value).
            const hidden = y?.actual != null && !measurePublishable(i.kind, { type: 'number', value: y.actual });
            return {
              year,
              target: target?.text ?? null,
              actual: hidden ? null : (y?.actual ?? null),
              suppressed: hidden,
              complete: y?.complete ?? false,
              status: evaluation?.status ?? null,
            };
          }),
          /** Targets for the whole period (no year), as the plan words them. */
          periodTargets: i.targets.filter((t) => t.year === null).map((t) => t.text),
        };
      }),
    budget: {
      totalCents: detail.budget.reduce((s, b) => s + b.amountCents, 0),
      byFund: sumBy(
        detail.budget,
        (b) => b.fund,
        (b) => b.amountCents,
      ).map((r) => ({ fund: r.key, name: fundName(r.key), cents: r.cents })),
      byYear: sumBy(
        detail.budget,
        (b) => (b.year === null ? '' : String(b.year)),
        (b) => b.amountCents,
      )
        .map((r) => ({ year: r.key === '' ? null : Number(r.key), cents: r.cents }))
        .sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999)),
    },
  };
}

/** The calendar: the meetings of the public bodies (soonest coming first, then the past ones, newest first). */
export async function getPortalCalendar(db: DbOrTx, ambito: PortalAmbito, now: Date) {
  const meetings = await listPublicMeetings(db, ambito.id);
  const upcoming = nextMeetings(meetings, now, Number.MAX_SAFE_INTEGER);
  const ids = new Set(upcoming.map((m) => m.id));
  return { upcoming, past: meetings.filter((m) => !ids.has(m.id)) };
}

/** The published minutes of a meeting (null when not published). */
export const getPortalMinutes = (db: DbOrTx, ambito: PortalAmbito, meetingId: string) => getPublishedMinutes(db, ambito.id, meetingId);

/** «Partecipa»: the calls open or coming (and the closed ones), the public questionnaires taking answers. */
export async function getPortalParticipation(db: DbOrTx, ambito: PortalAmbito, today: string) {
  const [calls, questionnaires] = await Promise.all([listPortalCalls(db, ambito.id, today), listPortalQuestionnaires(db, ambito.id, today)]);
  return {
    calls: calls.filter((c) => c.state !== 'chiuso'),
    closedCalls: calls.filter((c) => c.state === 'chiuso'),
    questionnaires: questionnaires.filter((q) => q.window === 'open' || q.window === 'notYet'),
  };
}

/** The co-designed projects with partners, resources by source and SDG goals; beneficiaries through publishCount. */
export async function getPortalProjects(db: DbOrTx, ambito: PortalAmbito) {
  const { projects, totals } = await listProjects(db, ambito.id);
  const details = await Promise.all(projects.map((p) => getProject(db, ambito.id, p.id)));
  return {
    totalCents: totals.totalCents,
    bySource: totals.bySource,
    projects: projects.map((p, k) => {
      const d = details[k]!;
      return {
        id: p.id,
        title: p.title,
        status: p.status,
        procedure: p.procedure,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        sdgGoals: [...(p.sdgGoals ?? [])].sort((a, b) => a - b),
        leadName: p.leadName,
        partners: (d?.partners ?? []).map((x) => ({ name: x.name, role: x.role })),
        resourcesCents: p.resourcesCents,
        bySource: d?.totals.bySource ?? [],
        objectives: (d?.objectives ?? []).map((o) => ({ code: o.code, title: o.title, planId: o.planId })),
        beneficiaries: publishCount(p.beneficiariesCount),
      };
    }),
  };
}

/**
 * The spending page: the Ambito's spending by area and year (the finance module's one dataset per year, complete
 * figures only, with its coverage «N comuni su M»), users by area through publishCount, and the plan's budget by fund.
 */
export async function getPortalSpending(db: DbOrTx, ambito: PortalAmbito, plan: PublicPlan | null) {
  const [spending, overview] = await Promise.all([
    getSpendingDashboard(db, { id: ambito.id, code: ambito.code, name: ambito.name }),
    plan ? getPlanOverview(db, plan.id) : Promise.resolve(null),
  ]);
  const areas = [...new Set(spending.series.flatMap((s) => Object.keys(s.byArea)))].filter((a) => spending.series.some((s) => (s.byArea[a] ?? 0) !== 0));
  const areaName = (code: string) => spending.areaNames[code] ?? code;
  const coverageOf = (year: number) => spending.yearOptions.find((y) => y.year === year)?.coverage ?? null;
  return {
    years: spending.series.map((s) => {
      const c = coverageOf(s.year);
      return {
        year: s.year,
        totalCents: s.total,
        coverage: c ? { basis: c.basis, withData: c.withData.length, members: c.members.length, complete: c.complete } : null,
      };
    }),
    areas: areas.map((code) => ({ code, name: areaName(code), byYear: spending.series.map((s) => ({ year: s.year, cents: s.byArea[code] ?? 0 })) })),
    stackedSvg: spending.stackedSvg,
    /** The years left out because their figure is partial (only some comuni), with their coverage. */
    excluded: spending.excludedYears.map((c) => ({ year: c.year, withData: c.withData.length, members: c.members.length })),
    selectedYear: spending.year,
    users: spending.costs.filter((c) => c.users !== null).map((c) => ({ area: c.area, name: c.name, users: publishCount(c.users), spendCents: c.spendCents })),
    sources: spending.sources,
    plan: plan
      ? {
          ...plan,
          totalCents: overview?.ordinary.total ?? 0,
          lepsCents: overview?.leps.total ?? 0,
          byFund: (overview?.ordinary.byFund ?? []).map(([fund, name, cents]) => ({ fund, name, cents })),
          fundSvg: overview?.fundSvg ?? null,
        }
      : null,
  };
}

/** The LEPS page: social workers per inhabitants year by year against 1:5.000 (LEPS) and 1:4.000 (service objective). */
export async function getPortalLeps(db: DbOrTx, ambito: PortalAmbito, year: number) {
  const s = await getStaffing(db, ambito.id, year);
  return {
    year,
    staffRecorded: s.staffRecorded,
    /** In service (when recorded), needed for 1:5.000 and for 1:4.000, year by year. */
    chartSvg: s.chartSvg,
    history: s.history.map((h) => ({
      year: h.year,
      population: h.population,
      populationYear: h.populationYear,
      fte: s.staffRecorded ? h.fte : null,
      inhabitantsPerWorker: s.staffRecorded ? (h.assessment.inhabitantsPerWorker?.value ?? null) : null,
      lepsRequired: h.assessment.leps.requiredFte?.value ?? null,
      lepsStatus: s.staffRecorded ? h.assessment.leps.status : 'dati_mancanti',
      objectiveRequired: h.assessment.serviceObjective.requiredFte?.value ?? null,
      objectiveStatus: s.staffRecorded ? h.assessment.serviceObjective.status : 'dati_mancanti',
    })),
  };
}
