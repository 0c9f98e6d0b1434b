// Read for the regional workspace (app/modules/region): the status of a plan's targets for one year, judged as the plan
// dashboard judges them (getPlanDashboard: the Ambito-level series of each indicator, its targets evaluated at today),
// and the grades of the evaluation of the plan that closed before (getPlanEvaluation, the evaluation page).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { planIndicators, planObjectives, plans, type PlanIndicator } from '../planning/index.server.ts';
import { ACHIEVEMENT_BAND_LABELS, type AchievementBand } from './evaluation.rules.ts';
import { ambitoSeries, evaluateIndicatorTargets, summaryStatus, type IndicatorTarget, type IndicatorTargetEvaluation } from './monitoring.rules.ts';
import { getPlanEvaluation, todayInRome } from './monitoring.queries.ts';
import { measurements } from './monitoring.schema.ts';
import { parsePeriod, TARGET_STATUSES, type TargetStatus } from './targets.rules.ts';

export interface MonitoringRegionFigures {
  /**
   * The plan's indicators for the year (null without a plan): how many, how many have at least one value (the
   * dashboard's «measured»), how many have a value in a period of the year, how many have a target for the year
   * (a target of that year, else a target without a year), and those by the status of that target (every status of
   * TARGET_STATUSES, 0 when none).
   */
  targets: {
    indicators: number;
    measured: number;
    measuredInYear: number;
    withTarget: number;
    byStatus: Record<TargetStatus, number>;
  } | null;
  /**
   * The evaluation of the plan closed before the year (null without one): its objectives, those evaluated with a grade
   * (the evaluation page's count), those by band (every band of ACHIEVEMENT_BAND_LABELS, worst to best, 0 when none)
   * and the plan's mean grade (null when no objective is evaluated).
   */
  evaluation: {
    objectives: number;
    evaluated: number;
    byGrade: Record<AchievementBand, number>;
    mean: { percent: number; band: AchievementBand } | null;
  } | null;
}

type MeasurementRow = typeof measurements.$inferSelect;

/**
 * An indicator's targets evaluated as the plan dashboard evaluates them (monitoring.queries.ts `evaluate`): on its
 * Ambito-level series, at `today`; a target that does not fit the indicator's values is «dati mancanti», not an error.
 */
function evaluateTargets(
  indicator: Pick<PlanIndicator, 'kind' | 'aggregation' | 'targets'>,
  rows: readonly MeasurementRow[],
  plan: { periodStartYear: number; periodEndYear: number },
  today: string,
): { evaluations: { year: number | null; status: TargetStatus }[]; years: Set<number> } {
  const series = ambitoSeries(indicator.kind, rows, indicator.aggregation);
  const targets = indicator.targets as unknown as IndicatorTarget[];
  let evaluations: Pick<IndicatorTargetEvaluation, 'year' | 'status'>[];
  try {
    evaluations = evaluateIndicatorTargets({ kind: indicator.kind, aggregation: indicator.aggregation, targets }, series.measurements, {
      today,
      planStartYear: plan.periodStartYear,
      planEndYear: plan.periodEndYear,
    });
  } catch {
    evaluations = targets.map((t) => ({ year: t.year, status: 'dati_mancanti' as const }));
  }
  return { evaluations, years: new Set(series.measurements.map((m) => parsePeriod(m.period)?.year).filter((y): y is number => y !== undefined)) };
}

/** Indicators' target figures: 2 queries in parallel. */
async function readTargets(db: DbOrTx, planId: string, year: number, today: string): Promise<NonNullable<MonitoringRegionFigures['targets']>> {
  const [indicators, rows] = await Promise.all([
    db
      .select({
        id: planIndicators.id,
        kind: planIndicators.kind,
        aggregation: planIndicators.aggregation,
        targets: planIndicators.targets,
        periodStartYear: plans.periodStartYear,
        periodEndYear: plans.periodEndYear,
      })
      .from(planIndicators)
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .innerJoin(plans, eq(plans.id, planObjectives.planId))
      .where(eq(planObjectives.planId, planId)),
    db.select().from(measurements).where(eq(measurements.planId, planId)),
  ]);
  const byIndicator = new Map<string, MeasurementRow[]>();
  for (const r of rows) byIndicator.set(r.indicatorId, [...(byIndicator.get(r.indicatorId) ?? []), r]);
  const byStatus = Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>;
  let measured = 0;
  let measuredInYear = 0;
  let withTarget = 0;
  for (const i of indicators) {
    const own = byIndicator.get(i.id) ?? [];
    if (own.length > 0) measured++;
    const { evaluations, years } = evaluateTargets(i, own, i, today);
    if (years.has(year)) measuredInYear++;
    // The target of the year; else a target without a year (judged on the plan's latest measured year, or its end).
    const ofYear = evaluations.filter((e) => e.year === year);
    const status = summaryStatus((ofYear.length ? ofYear : evaluations.filter((e) => e.year === null)).map((e) => e.status));
    if (status === null) continue;
    withTarget++;
    byStatus[status]++;
  }
  return { indicators: indicators.length, measured, measuredInYear, withTarget, byStatus };
}

/** The evaluation's grades, through the evaluation page's own read (getPlanEvaluation: 4 queries). */
async function readEvaluation(db: DbOrTx, planId: string): Promise<MonitoringRegionFigures['evaluation']> {
  const e = await getPlanEvaluation(db, planId);
  if (!e) return null;
  const byGrade = Object.fromEntries(Object.keys(ACHIEVEMENT_BAND_LABELS).map((b) => [b, 0])) as Record<AchievementBand, number>;
  for (const o of e.objectives) if (o.evaluation && o.grade) byGrade[o.grade.band]++;
  return {
    objectives: e.objectives.length,
    evaluated: e.evaluatedCount,
    byGrade,
    mean: e.mean ? { percent: e.mean.percent, band: e.mean.band } : null,
  };
}

/**
 * The monitoring figures for the regional workspace: the targets of `planId` for `year` and the evaluation of
 * `closedPlanId` (each null when its plan is null). At most 6 queries. `today` (ISO, default today in Rome) is the day
 * the targets are judged at, as on the dashboard.
 */
export async function readMonitoringForRegion(
  db: DbOrTx,
  input: { planId: string | null; closedPlanId: string | null; year: number; today?: string },
): Promise<MonitoringRegionFigures> {
  const [targets, evaluation] = await Promise.all([
    input.planId ? readTargets(db, input.planId, input.year, input.today ?? todayInRome()) : null,
    input.closedPlanId ? readEvaluation(db, input.closedPlanId) : null,
  ]);
  return { targets, evaluation };
}
