// Reads for the open-data module (app/modules/opendata): a plan's results as the monitoring computes them —
// each indicator's yearly targets and Ambito-level figures, each objective's progress, target statuses and latest
// result — without the pages' charts and words. The same rules as the plan dashboard (getPlanDashboard).
import { asc, eq, inArray, max } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { planActions, planIndicators, planObjectives, plans } from '../planning/index.server.ts';
import {
  aggregationOf,
  ambitoSeries,
  evaluateIndicatorTargets,
  summaryStatus,
  type IndicatorTarget,
  type IndicatorTargetEvaluation,
} from './monitoring.rules.ts';
import { measurements } from './monitoring.schema.ts';
import { actionRealisation, countTargets, objectiveProgress } from './progress.rules.ts';
import { parsePeriod, yearFigure, type MeasurementValue, type TargetStatus } from './targets.rules.ts';

export interface IndicatorYear {
  year: number;
  /** The Ambito-level figure of the year (counts, durations, ratios as numerator/denominator), null when not measured. */
  value: MeasurementValue | null;
  /** Every period of the year is measured. */
  complete: boolean;
  /** The target of the year (or the plan's target without a year, on the last year): its text and threshold. */
  targetText: string | null;
  targetValue: number | null;
  status: TargetStatus | null;
}

export interface ObjectiveResult {
  progress: number | null;
  status: TargetStatus | null;
  counts: Record<TargetStatus, number>;
  /** The latest measured value among the objective's indicators (its actions' included). */
  latest: { indicatorId: string; period: string; value: MeasurementValue } | null;
}

/** A plan's results for the open data: by indicator (every plan year) and by objective; `modified`: latest measurement. */
export async function readPlanResults(db: DbOrTx, planId: string, today: string) {
  const [plan] = await db.select({ periodStartYear: plans.periodStartYear, periodEndYear: plans.periodEndYear }).from(plans).where(eq(plans.id, planId));
  if (!plan) return null;
  const objectives = await db.select().from(planObjectives).where(eq(planObjectives.planId, planId)).orderBy(asc(planObjectives.position));
  const ids = objectives.map((o) => o.id);
  const [actions, indicators, rows, [last]] = await Promise.all([
    ids.length ? db.select().from(planActions).where(inArray(planActions.objectiveId, ids)).orderBy(asc(planActions.position)) : Promise.resolve([]),
    ids.length ? db.select().from(planIndicators).where(inArray(planIndicators.objectiveId, ids)).orderBy(asc(planIndicators.position)) : Promise.resolve([]),
    db.select().from(measurements).where(eq(measurements.planId, planId)),
    db
      .select({ at: max(measurements.updatedAt) })
      .from(measurements)
      .where(eq(measurements.planId, planId)),
  ]);
  const years = Array.from({ length: plan.periodEndYear - plan.periodStartYear + 1 }, (_, i) => plan.periodStartYear + i);
  const byIndicator = new Map<
    string,
    { years: IndicatorYear[]; evaluations: IndicatorTargetEvaluation[]; last: { period: string; value: MeasurementValue } | null }
  >();
  for (const i of indicators) {
    const targets = i.targets as unknown as IndicatorTarget[];
    const series = ambitoSeries(
      i.kind,
      rows.filter((r) => r.indicatorId === i.id),
      i.aggregation,
    );
    let evaluations: IndicatorTargetEvaluation[] = [];
    try {
      evaluations = evaluateIndicatorTargets({ kind: i.kind, aggregation: i.aggregation, targets }, series.measurements, {
        today,
        planStartYear: plan.periodStartYear,
        planEndYear: plan.periodEndYear,
      });
    } catch {
      // A target that does not fit the indicator (the dashboard shows it as missing data): no status here either.
      evaluations = targets.map((t) => ({
        year: t.year,
        judgedYear: t.year ?? plan.periodEndYear,
        rule: t.rule,
        text: t.text,
        status: 'dati_mancanti' as const,
        reason: { period: String(t.year ?? plan.periodEndYear), kind: 'invalidTarget' as const, message: '' },
      }));
    }
    const aggregation = aggregationOf(i.kind, i.aggregation);
    const numeric = i.kind === 'count' || i.kind === 'duration' || i.kind === 'ratio';
    const lastYear = Math.max(...years);
    const yearRows = years.map((year): IndicatorYear => {
      const inYear = series.measurements.filter((m) => parsePeriod(m.period)?.year === year);
      let value: MeasurementValue | null = null;
      let complete = false;
      if (inYear.length) {
        if (numeric) {
          const f = yearFigure(series.measurements, year, aggregation);
          value = f.ratio ? { numerator: f.ratio.numerator, denominator: f.ratio.denominator } : typeof f.value === 'number' ? f.value : null;
          complete = f.completeness === 'complete';
        } else {
          value = inYear.at(-1)!.value;
          complete = true;
        }
      }
      const t = targets.find((x) => x.year === year) ?? (year === lastYear ? targets.find((x) => x.year === null) : undefined);
      const rule = t?.rule as { type?: string; value?: number } | undefined;
      const e = evaluations.find((x) => x.judgedYear === year && (x.year === year || (x.year === null && year === lastYear)));
      return {
        year,
        value,
        complete,
        targetText: t?.text ?? null,
        targetValue: rule && (rule.type === 'gte' || rule.type === 'gte_percent' || rule.type === 'lte') && typeof rule.value === 'number' ? rule.value : null,
        status: e?.status ?? null,
      };
    });
    byIndicator.set(i.id, { years: yearRows, evaluations, last: series.measurements.at(-1) ?? null });
  }
  const objectiveResults = new Map<string, ObjectiveResult>();
  for (const o of objectives) {
    const acts = actions.filter((a) => a.objectiveId === o.id);
    const realisations = acts.map((a) => ({
      code: a.number,
      weight: a.weight,
      value: actionRealisation(
        { declaredPercent: a.realisationPercent, targets: indicators.filter((i) => i.actionId === a.id).flatMap((i) => byIndicator.get(i.id)!.evaluations) },
        `azione ${a.number}`,
      ).value,
    }));
    const allWeighted = realisations.length > 0 && realisations.every((a) => a.weight !== null);
    const progress = objectiveProgress(
      realisations.map((a) => ({ code: a.code, value: a.value, weight: allWeighted ? a.weight : null })),
      o.code,
    );
    const own = indicators.filter((i) => i.objectiveId === o.id);
    const statuses = own.flatMap((i) => byIndicator.get(i.id)!.evaluations);
    const counts = countTargets(statuses);
    let latest: ObjectiveResult['latest'] = null;
    for (const i of own) {
      const l = byIndicator.get(i.id)!.last;
      if (l && (!latest || comparePeriods(l.period, latest.period) > 0)) latest = { indicatorId: i.id, period: l.period, value: l.value };
    }
    objectiveResults.set(o.id, {
      progress: progress.value,
      status: summaryStatus(statuses.map((s) => s.status)),
      counts: {
        raggiunto: counts.raggiunto,
        non_raggiunto: counts.non_raggiunto,
        in_corso: counts.in_corso,
        baseline: counts.baseline,
        dati_mancanti: counts.dati_mancanti,
      },
      latest,
    });
  }
  return {
    indicators: new Map([...byIndicator].map(([id, v]) => [id, { years: v.years, last: v.last }])),
    objectives: objectiveResults,
    modified: last?.at ?? null,
  };
}

/** Periods in time order: a year, its semesters and quarters by where they end (2026-S1 < 2026-Q3 < 2026). */
function comparePeriods(a: string, b: string): number {
  const end = (p: string) => {
    const x = parsePeriod(p);
    if (!x) return 0;
    const months = x.granularity === 'year' ? 12 : x.granularity === 'semester' ? x.index * 6 : x.index * 3;
    return x.year * 100 + months;
  };
  return end(a) - end(b);
}

export type PlanResults = NonNullable<Awaited<ReturnType<typeof readPlanResults>>>;
