import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import { getPlanHeader, planActions, planIndicators, planObjectives, plans, type PlanIndicator } from '../planning/index.server.ts';
import { comuni, listAmbitoComuni } from '../territory/index.server.ts';
import { achievementGrade, planMeanGrade, RESOURCE_ADEQUACY_LEVELS, spendingCoincidence, type SpendingClass } from './evaluation.rules.ts';
import { TARGETS_CHART_SIZE, targetsVsActualsChart } from './monitoring.charts.ts';
import { periodText, reasonText, statusKey, targetDescription, valueText } from './components/value-text.ts';
import { requestLocale, serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import { formatLocale } from '../../shared/i18n/messages.ts';

const serverLocale = () => formatLocale(requestLocale());
import {
  aggregationOf,
  ambitoSeries,
  cardResponsible,
  comuneDue,
  dueMeasurements,
  type DueList,
  measuredPerComune,
  evaluateIndicatorTargets,
  describeValue,
  granularityOf,
  lastClosedPeriod,
  periodChoices,
  periodsOfYear,
  shownValue,
  periodWithin,
  summaryStatus,
  yearlyRuleOf,
  type IndicatorTarget,
  type IndicatorTargetEvaluation,
} from './monitoring.rules.ts';
import { measurements, objectiveEvaluations, periodLocks } from './monitoring.schema.ts';
import { actionRealisation, countTargets, objectiveProgress, planProgress } from './progress.rules.ts';
import { parsePeriod, yearFigure, type MeasurementValue, type TargetStatus } from './targets.rules.ts';
import type { ShownValue } from './monitoring.rules.ts';

/** Today in Rome, YYYY-MM-DD (the loaders pass it to the pure rules). */
export const todayInRome = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

/** The dashboard's own areas (its grouping keys; the pages show them from the dictionary, see areaKey). */
const LEPS_AREA = 'Obiettivi LEPS';
const NO_AREA = 'Senza macro-area';

/** Plans whose measurements are kept (adopted and under way). */
export const UNDER_WAY_STATUSES = ['adopted', 'transmitted', 'implementation'];

type MeasurementRow = typeof measurements.$inferSelect;

function targetsOf(indicator: Pick<PlanIndicator, 'targets'>): IndicatorTarget[] {
  return indicator.targets as unknown as IndicatorTarget[];
}

function evaluate(
  indicator: Pick<PlanIndicator, 'kind' | 'aggregation' | 'targets'>,
  rows: readonly MeasurementRow[],
  plan: { periodStartYear: number; periodEndYear: number },
  today: string,
) {
  const series = ambitoSeries(indicator.kind, rows, indicator.aggregation);
  let evaluations: IndicatorTargetEvaluation[];
  try {
    evaluations = evaluateIndicatorTargets({ kind: indicator.kind, aggregation: indicator.aggregation, targets: targetsOf(indicator) }, series.measurements, {
      today,
      planStartYear: plan.periodStartYear,
      planEndYear: plan.periodEndYear,
    });
  } catch (error) {
    // A target that does not fit the indicator's values (e.g. a threshold on a yes/no) is shown, not hidden.
    const message =
      error instanceof Error && 'issues' in error ? ((error as { issues: { message: string }[] }).issues[0]?.message ?? error.message) : String(error);
    evaluations = targetsOf(indicator).map((t) => ({
      year: t.year,
      judgedYear: t.year ?? plan.periodEndYear,
      rule: t.rule,
      text: t.text,
      status: 'dati_mancanti' as const,
      reason: { period: String(t.year ?? plan.periodEndYear), kind: 'invalidTarget' as const, message },
    }));
  }
  return { series, evaluations, status: summaryStatus(evaluations.map((e) => e.status)) };
}

export interface LatestMeasurement {
  indicatorId: string;
  /** The latest measured period (Ambito level, or the sum of the comuni), null when nothing is measured yet. */
  period: string | null;
  periodLabel: string | null;
  value: MeasurementValue | null;
  /** The value as the pages show it, unformatted (components/value-text.tsx formats it). */
  shown: ShownValue;
  /** The value as a user reads it, in the request's language ("12", "48,00 % (12/25)", "sì"). */
  display: string | null;
  /** The evaluation of the target of that period's year (or of the target without a year), when there is one. */
  target: { status: TargetStatus; statusLabel: string; reason: string; description: string } | null;
}

/**
 * The latest value of each indicator with its period and the status of its target (for dashboards of other modules,
 * e.g. the LEPS dashboard). Every requested indicator is in the answer, in the order given.
 */
export async function listLatestMeasurements(db: DbOrTx, indicatorIds: readonly string[], today: string = todayInRome()): Promise<LatestMeasurement[]> {
  if (indicatorIds.length === 0) return [];
  const ids = [...new Set(indicatorIds)];
  const indicators = await db
    .select({ indicator: planIndicators, periodStartYear: plans.periodStartYear, periodEndYear: plans.periodEndYear })
    .from(planIndicators)
    .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
    .innerJoin(plans, eq(plans.id, planObjectives.planId))
    .where(inArray(planIndicators.id, ids));
  const rows = await db.select().from(measurements).where(inArray(measurements.indicatorId, ids));
  const byId = new Map(indicators.map((i) => [i.indicator.id, i]));
  return indicatorIds.map((id) => {
    const found = byId.get(id);
    if (!found) return { indicatorId: id, period: null, periodLabel: null, value: null, shown: { type: 'none' }, display: null, target: null };
    const own = rows.filter((r) => r.indicatorId === id);
    const { series, evaluations } = evaluate(found.indicator, own, found, today);
    const last = series.measurements[series.measurements.length - 1] ?? null;
    const year = last ? parsePeriod(last.period)!.year : null;
    const e = evaluations.find((x) => x.year === year) ?? evaluations.find((x) => x.year === null) ?? null;
    const shown = shownValue(last?.value ?? null);
    return {
      indicatorId: id,
      period: last?.period ?? null,
      periodLabel: last ? periodText(last.period, tr) : null,
      value: last?.value ?? null,
      shown,
      display: last ? valueText(shown, serverFormat(), tr) : null,
      target: e
        ? {
            status: e.status,
            statusLabel: tr(statusKey(e.status)),
            reason: reasonText(e.reason, serverFormat(), tr),
            description: targetDescription(e, found.periodEndYear, serverLocale(), tr),
          }
        : null,
    };
  });
}

/** The plans of an Ambito that monitoring shows, newest first. */
export async function listMonitoringPlans(db: DbOrTx, ambitoId: string) {
  const rows = await db.select().from(plans).where(eq(plans.ambitoId, ambitoId)).orderBy(desc(plans.periodStartYear));
  const evaluated = rows.length
    ? await db
        .selectDistinct({ planId: objectiveEvaluations.planId })
        .from(objectiveEvaluations)
        .where(
          inArray(
            objectiveEvaluations.planId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const withEvaluation = new Set(evaluated.map((e) => e.planId));
  return rows
    .filter((p) => p.status !== 'draft' && p.status !== 'consultation')
    .map((p) => ({ ...p, hasEvaluation: withEvaluation.has(p.id), underWay: UNDER_WAY_STATUSES.includes(p.status) }));
}

/** The indicators of a plan in the plan's order, with their objective and the responsible of their action. */
export async function listPlanIndicators(db: DbOrTx, planId: string) {
  return db
    .select({
      id: planIndicators.id,
      code: planIndicators.code,
      label: planIndicators.label,
      kind: planIndicators.kind,
      periodicity: planIndicators.periodicity,
      objectiveCode: planObjectives.code,
      objectiveTitle: planObjectives.title,
      card: planObjectives.card,
      actionResponsible: planActions.responsible,
    })
    .from(planIndicators)
    .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
    .leftJoin(planActions, eq(planActions.id, planIndicators.actionId))
    .where(eq(planObjectives.planId, planId))
    .orderBy(asc(planObjectives.position), asc(planIndicators.position));
}

/**
 * What is due at `today` (see dueMeasurements): values of closed periods still missing (overdue), grouped by
 * responsible — the action's, else the objective's as its plan card records it — and by objective; and the values
 * of the period under way («da rilevare»). Empty for a plan not under way.
 */
export async function listDue(db: DbOrTx, planId: string, today: string): Promise<DueList> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan || !UNDER_WAY_STATUSES.includes(plan.status)) return dueMeasurements([], new Set(), { periodStartYear: 0, periodEndYear: -1 }, today);
  const rows = await listPlanIndicators(db, planId);
  const measured = new Set(
    (await db.select({ indicatorId: measurements.indicatorId, period: measurements.period }).from(measurements).where(eq(measurements.planId, planId))).map(
      (m) => `${m.indicatorId}|${m.period}`,
    ),
  );
  return dueMeasurements(
    rows.map((r) => ({
      indicatorId: r.id,
      objectiveCode: r.objectiveCode,
      objectiveTitle: r.objectiveTitle,
      code: r.code,
      label: r.label,
      periodicity: r.periodicity,
      responsible: r.actionResponsible?.trim() || cardResponsible(r.card),
    })),
    measured,
    plan,
    today,
  );
}

/** The locks of a plan, by period. */
export async function listLocks(db: DbOrTx, planId: string) {
  return db.select().from(periodLocks).where(eq(periodLocks.planId, planId)).orderBy(asc(periodLocks.period));
}

/** The periods a coordinator can lock for a plan: every semester and year of the plan up to the current one. */
export function lockablePeriods(plan: { periodStartYear: number; periodEndYear: number }, today: string): string[] {
  const out: string[] = [];
  const currentYear = Number(today.slice(0, 4));
  for (let y = plan.periodStartYear; y <= Math.min(plan.periodEndYear, currentYear); y++) out.push(...periodsOfYear(y, 'semester'), String(y));
  return out;
}

/** Figures of an indicator year by year (value, target threshold) for the targets-vs-actuals chart and its table. */
function yearlyFigures(
  indicator: Pick<PlanIndicator, 'kind' | 'aggregation' | 'targets'>,
  series: { period: string; value: MeasurementValue }[],
  years: number[],
) {
  const targets = targetsOf(indicator);
  const aggregation = aggregationOf(indicator.kind, indicator.aggregation);
  const numeric = indicator.kind === 'count' || indicator.kind === 'duration' || indicator.kind === 'ratio';
  return years.map((year) => {
    let actual: number | null = null;
    let complete = false;
    if (numeric && series.some((m) => parsePeriod(m.period)?.year === year)) {
      const f = yearFigure(series, year, aggregation);
      actual = typeof f.value === 'number' ? f.value : null;
      complete = f.completeness === 'complete';
    }
    const t = targets.find((x) => x.year === year) ?? (year === Math.max(...years) ? targets.find((x) => x.year === null) : undefined);
    const rule = t?.rule;
    const target = rule && (rule.type === 'gte' || rule.type === 'gte_percent' || rule.type === 'lte') ? rule.value : null;
    return { year, actual, complete, target, targetText: t ? t.text : null };
  });
}

/**
 * The targets-vs-actuals chart of an indicator as SVG, in the request's language (null when no year has a value).
 * Its figures are the rows of `yearly`, which the pages show as the chart's data table.
 */
function targetsChart(yearly: ReturnType<typeof yearlyFigures>, years: number[], percent: boolean): string | null {
  if (!yearly.some((y) => y.actual !== null)) return null;
  const words = {
    actual: tr('mon.chart.actual'),
    target: tr('mon.chart.target'),
    xAxis: tr('mon.chart.year'),
    yAxis: tr(percent ? 'mon.chart.percent' : 'mon.chart.value'),
  };
  const option = targetsVsActualsChart({
    years,
    actual: yearly.map((y) => y.actual),
    target: yearly.map((y) => y.target),
    percent,
    words,
    locale: serverFormat().locale,
  });
  return renderChartSvg(option, TARGETS_CHART_SIZE);
}

/** The entry screen of an indicator: the indicator, its target rules and their evaluation, the values so far. */
export async function getIndicatorMonitoring(db: DbOrTx, indicatorId: string, today: string) {
  const [row] = await db
    .select({ indicator: planIndicators, objective: planObjectives, action: planActions })
    .from(planIndicators)
    .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
    .leftJoin(planActions, eq(planActions.id, planIndicators.actionId))
    .where(eq(planIndicators.id, indicatorId));
  if (!row) return null;
  const header = (await getPlanHeader(db, row.objective.planId))!;
  const rows = await db
    .select({ m: measurements, comuneName: comuni.name, comuneIstat: comuni.istatCode })
    .from(measurements)
    .leftJoin(comuni, eq(comuni.id, measurements.comuneId))
    .where(eq(measurements.indicatorId, indicatorId))
    .orderBy(asc(measurements.period), asc(comuni.name));
  const plan = header.plan;
  const { series, evaluations, status } = evaluate(
    row.indicator,
    rows.map((r) => r.m),
    plan,
    today,
  );
  const years = Array.from({ length: plan.periodEndYear - plan.periodStartYear + 1 }, (_, i) => plan.periodStartYear + i);
  const yearly = yearlyFigures(row.indicator, series.measurements, years);
  const percent = row.indicator.kind === 'ratio';
  const chartSvg = series.measurements.length ? targetsChart(yearly, years, percent) : null;
  const granularity = granularityOf(row.indicator.periodicity);
  const choices = periodChoices(row.indicator.periodicity, plan, today);
  const lastClosed = lastClosedPeriod(today, granularity);
  const locks = await listLocks(db, plan.id);
  const comuniList = await listAmbitoComuni(db, plan.ambitoId);
  return {
    ...header,
    indicator: row.indicator,
    yearlyRule: yearlyRuleOf(row.indicator),
    objective: { id: row.objective.id, code: row.objective.code, title: row.objective.title },
    action: row.action ? { id: row.action.id, number: row.action.number, description: row.action.description, responsible: row.action.responsible } : null,
    granularity,
    periodChoices: choices,
    suggestedPeriod: choices.some((c) => c.key === lastClosed) ? lastClosed : (choices[choices.length - 1]?.key ?? null),
    measurements: rows.map((r) => ({
      id: r.m.id,
      period: r.m.period,
      comuneId: r.m.comuneId,
      comuneName: r.comuneName,
      shown: describeValue(row.indicator.kind, r.m),
      raw: {
        value: r.m.valueNumber ?? r.m.valueText ?? (r.m.valueBoolean === null ? null : r.m.valueBoolean ? 'sì' : 'no'),
        numerator: r.m.numerator,
        denominator: r.m.denominator,
      },
      note: r.m.note,
      version: r.m.version,
      locked: locks.some((l) => periodWithin(r.m.period, l.period)),
      updatedAt: r.m.updatedAt,
    })),
    summedPeriods: series.summedPeriods,
    evaluations,
    status,
    yearly,
    chartSvg,
    locks,
    comuni: comuniList.map((c) => ({ id: c.id, name: c.name, istatCode: c.istatCode })),
    /** Measured per comune (monitoring.rules.ts measuredPerComune): comune referents enter their own comune's value. */
    perComune: measuredPerComune(rows.map((r) => r.m)).has(row.indicator.id),
  };
}

/**
 * The plan dashboard: progress (actions → objectives → areas → plan), targets met / not met / missing by area,
 * overdue measurements, locks, and a targets-vs-actuals chart for each indicator with measurements.
 */
export async function getPlanDashboard(db: DbOrTx, planId: string, today: string) {
  const header = await getPlanHeader(db, planId);
  if (!header) return null;
  const plan = header.plan;
  const objectives = await db.select().from(planObjectives).where(eq(planObjectives.planId, planId)).orderBy(asc(planObjectives.position));
  const ids = objectives.map((o) => o.id);
  const [actions, indicators, rows, locks, due] = await Promise.all([
    ids.length ? db.select().from(planActions).where(inArray(planActions.objectiveId, ids)).orderBy(asc(planActions.position)) : Promise.resolve([]),
    ids.length ? db.select().from(planIndicators).where(inArray(planIndicators.objectiveId, ids)).orderBy(asc(planIndicators.position)) : Promise.resolve([]),
    db.select().from(measurements).where(eq(measurements.planId, planId)),
    listLocks(db, planId),
    listDue(db, planId, today),
  ]);
  const evaluated = new Map(
    indicators.map((i) => {
      const own = rows.filter((r) => r.indicatorId === i.id);
      return [i.id, { ...evaluate(i, own, plan, today), count: own.length }] as const;
    }),
  );
  const area = (o: (typeof objectives)[number]) => (o.kind === 'leps' ? LEPS_AREA : (o.macroArea ?? NO_AREA));
  const objectiveRows = objectives.map((o) => {
    const acts = actions.filter((a) => a.objectiveId === o.id);
    const actionRows = acts.map((a) => {
      const targets = indicators.filter((i) => i.actionId === a.id).flatMap((i) => evaluated.get(i.id)!.evaluations);
      const r = actionRealisation({ declaredPercent: a.realisationPercent, targets }, `azione ${a.number}`);
      return {
        id: a.id,
        number: a.number,
        description: a.description,
        responsible: a.responsible,
        status: a.status,
        realisationPercent: a.realisationPercent,
        version: a.version,
        realisation: r,
        weight: a.weight,
      };
    });
    const allWeighted = actionRows.length > 0 && actionRows.every((a) => a.weight !== null);
    const progress = objectiveProgress(
      actionRows.map((a) => ({ code: a.number, value: a.realisation.value, weight: allWeighted ? a.weight : null })),
      o.code,
    );
    const objectiveIndicators = indicators.filter((i) => i.objectiveId === o.id);
    const statuses = objectiveIndicators.flatMap((i) => evaluated.get(i.id)!.evaluations);
    return {
      id: o.id,
      code: o.code,
      title: o.title,
      kind: o.kind,
      area: area(o),
      weight: o.weight,
      actions: actionRows,
      progress,
      counts: countTargets(statuses),
      indicators: objectiveIndicators.length,
    };
  });
  const objectivesWeighted = objectiveRows.length > 0 && objectiveRows.every((o) => o.weight !== null);
  const progress = planProgress(
    objectiveRows.map((o) => ({ code: o.code, area: o.area, value: o.progress.value, weight: objectivesWeighted ? o.weight : null })),
  );
  const dueByIndicator = new Set(due.groups.flatMap((g) => g.items.map((i) => i.indicatorId)));
  const areas = [...new Set(objectiveRows.map((o) => o.area))].map((name) => {
    const inArea = objectiveRows.filter((o) => o.area === name);
    const areaIndicators = indicators.filter((i) => inArea.some((o) => o.id === i.objectiveId));
    return {
      name,
      /** An area of the plan (its macro-area, data as entered) or one the dashboard makes (LEPS objectives, none). */
      kind: inArea[0]!.kind === 'leps' ? ('leps' as const) : inArea[0]!.area === NO_AREA ? ('none' as const) : ('macro' as const),
      objectives: inArea.map((o) => o.code),
      counts: countTargets(areaIndicators.flatMap((i) => evaluated.get(i.id)!.evaluations)),
      overdue: areaIndicators.filter((i) => dueByIndicator.has(i.id)).length,
      progress: progress.areas.find((a) => a.area === name)!,
    };
  });
  const years = Array.from({ length: plan.periodEndYear - plan.periodStartYear + 1 }, (_, i) => plan.periodStartYear + i);
  const measured = indicators
    .filter((i) => evaluated.get(i.id)!.count > 0)
    .map((i) => {
      const e = evaluated.get(i.id)!;
      const o = objectives.find((x) => x.id === i.objectiveId)!;
      const yearly = yearlyFigures(i, e.series.measurements, years);
      const svg = targetsChart(yearly, years, i.kind === 'ratio');
      return {
        id: i.id,
        objectiveCode: o.code,
        code: i.code,
        label: i.label,
        status: e.status,
        evaluations: e.evaluations,
        yearly,
        svg,
      };
    });
  return {
    ...header,
    objectives: objectiveRows,
    areas,
    progress: progress.plan,
    totals: countTargets([...evaluated.values()].flatMap((e) => e.evaluations)),
    indicatorCount: indicators.length,
    measurementCount: rows.length,
    measured,
    years,
    locks,
    lockable: lockablePeriods(plan, today).filter((p) => !locks.some((l) => periodWithin(p, l.period))),
    due,
  };
}

/** A plan's objectives with the regional grid (grade computed from the actions), and the plan's mean grade. */
export async function getPlanEvaluation(db: DbOrTx, planId: string) {
  const header = await getPlanHeader(db, planId);
  if (!header) return null;
  const objectives = await db.select().from(planObjectives).where(eq(planObjectives.planId, planId)).orderBy(asc(planObjectives.position));
  const ids = objectives.map((o) => o.id);
  const [actions, evaluations] = await Promise.all([
    ids.length ? db.select().from(planActions).where(inArray(planActions.objectiveId, ids)).orderBy(asc(planActions.position)) : Promise.resolve([]),
    db.select().from(objectiveEvaluations).where(eq(objectiveEvaluations.planId, planId)),
  ]);
  const rows = objectives.map((o) => {
    const acts = actions.filter((a) => a.objectiveId === o.id);
    const graded = acts.length > 0 && acts.every((a) => a.realisationPercent !== null);
    const grade = graded ? achievementGrade(acts.map((a, i) => ({ number: i + 1, realisationPercent: a.realisationPercent! }))) : null;
    const evaluation = evaluations.find((e) => e.objectiveId === o.id) ?? null;
    const published = evaluation?.publishedGrade ?? null;
    return {
      id: o.id,
      code: o.code,
      title: o.title,
      macroArea: o.macroArea,
      priority: o.priority,
      links: o.links as { continuesObjective: string | null },
      actions: acts.map((a) => ({ id: a.id, number: a.number, description: a.description, realisationPercent: a.realisationPercent, status: a.status })),
      grade,
      evaluation,
      spending: evaluation ? spendingOf(evaluation) : null,
      published,
      publishedMatches: published && grade ? published.percent === grade.percent && published.band === grade.band : null,
    };
  });
  const counted = rows.filter((r) => r.evaluation && r.grade);
  const mean = counted.length ? planMeanGrade(counted.map((r) => ({ code: r.code, percent: r.grade!.percent }))) : null;
  return { ...header, objectives: rows, mean, evaluatedCount: counted.length, adequacyLevels: RESOURCE_ADEQUACY_LEVELS };
}

function spendingOf(e: typeof objectiveEvaluations.$inferSelect) {
  if (e.spendingBudgetedCents !== null && e.spendingPaidCents !== null) {
    const s = spendingCoincidence({ budgetedCents: e.spendingBudgetedCents, paidCents: e.spendingPaidCents });
    return {
      label: s.label,
      computed: { budgetedCents: s.budgetedCents, paidCents: s.paidCents, percent: s.percent },
      percent: s.percent,
      spendingClass: s.spendingClass,
    };
  }
  const cls = e.spendingClass as SpendingClass | null;
  return { computed: null, percent: e.spendingPercent, spendingClass: cls };
}

/** One objective's grid with what the carry-over form needs (the next plan and its objectives). */
export async function getObjectiveEvaluation(db: DbOrTx, objectiveId: string) {
  const [objective] = await db.select().from(planObjectives).where(eq(planObjectives.id, objectiveId));
  if (!objective) return null;
  const evaluation = (await getPlanEvaluation(db, objective.planId))!;
  const row = evaluation.objectives.find((o) => o.id === objectiveId)!;
  const plan = evaluation.plan;
  const candidates = await db.select().from(plans).where(eq(plans.ambitoId, plan.ambitoId));
  const next = candidates.filter((p) => p.periodStartYear > plan.periodEndYear).sort((a, b) => a.periodStartYear - b.periodStartYear)[0] ?? null;
  const nextObjectives = next
    ? await db
        .select({ id: planObjectives.id, code: planObjectives.code, title: planObjectives.title, links: planObjectives.links })
        .from(planObjectives)
        .where(eq(planObjectives.planId, next.id))
        .orderBy(asc(planObjectives.position))
    : [];
  return {
    ...evaluation,
    objective: { ...row, description: objective.description },
    next: next ? { id: next.id, title: next.title, status: next.status, periodStartYear: next.periodStartYear, periodEndYear: next.periodEndYear } : null,
    nextObjectives: nextObjectives.map((o) => ({
      id: o.id,
      code: o.code,
      title: o.title,
      continues: (o.links as { continuesObjective: string | null }).continuesObjective,
    })),
  };
}

/** Whether an indicator is measured per comune (at least one value recorded for a comune). */
export async function isMeasuredPerComune(db: DbOrTx, indicatorId: string): Promise<boolean> {
  const rows = await db
    .select({ indicatorId: measurements.indicatorId, comuneId: measurements.comuneId })
    .from(measurements)
    .where(and(eq(measurements.indicatorId, indicatorId), isNotNull(measurements.comuneId)))
    .limit(1);
  return measuredPerComune(rows).size > 0;
}

/**
 * What the Ufficio di Piano is waiting for from a comune in monitoring: for each plan under way of the Ambito, the
 * indicators measured per comune with the periods ended without the comune's value and the current period still
 * to be entered (monitoring.rules.ts comuneDue), in the order of the plan.
 */
export async function listComuneDue(db: DbOrTx, ambitoId: string, comuneId: string, today: string) {
  const underWay = (await listMonitoringPlans(db, ambitoId)).filter((p) => p.underWay);
  const out: {
    planId: string;
    planTitle: string;
    indicatorId: string;
    objectiveCode: string;
    code: string;
    label: string;
    period: string;
    periodLabel: string;
    state: 'closed' | 'open';
    locked: boolean;
  }[] = [];
  for (const plan of underWay) {
    const indicators = await listPlanIndicators(db, plan.id);
    const values = await db
      .select({ indicatorId: measurements.indicatorId, period: measurements.period, comuneId: measurements.comuneId })
      .from(measurements)
      .where(eq(measurements.planId, plan.id));
    const locks = (await listLocks(db, plan.id)).map((l) => l.period);
    const byId = new Map(indicators.map((i) => [i.id, i]));
    for (const d of comuneDue({ indicators, values, comuneId, plan, locks, today })) {
      const i = byId.get(d.indicatorId)!;
      out.push({
        planId: plan.id,
        planTitle: plan.title,
        indicatorId: i.id,
        objectiveCode: i.objectiveCode,
        code: i.code,
        label: i.label,
        period: d.period,
        periodLabel: periodText(d.period, tr),
        state: d.state,
        locked: d.locked,
      });
    }
  }
  return out;
}
