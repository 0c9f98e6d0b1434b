// What the social-impact report (reports module) reads of monitoring: the yearly value of a plan's count indicators —
// the people a service reached — from the measurements of that year.
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { indicatorAggregation } from '../planning/index.ts';
import { planIndicators, planObjectives } from '../planning/index.server.ts';
import { parsePeriod } from './targets.rules.ts';
import { measurements } from './monitoring.schema.ts';

export interface ImpactCount {
  indicatorId: string;
  objectiveCode: string;
  objectiveTitle: string;
  indicatorCode: string;
  label: string;
  unit: string | null;
  /** The Ambito's value for the year: its own measurement, else the sum of its comuni's; null when none. */
  value: number | null;
}

/**
 * The count indicators of a plan measured in `year`, one value each for the Ambito. The periods of the year make the
 * year's value as the indicator's aggregation says: summed for a flow, the last period's value for a stock (the mean
 * of the periods for `stock_mean`). Indicators without a measurement in the year are left out.
 */
export async function listYearCounts(db: DbOrTx, planId: string, year: number): Promise<ImpactCount[]> {
  const indicators = await db
    .select({
      id: planIndicators.id,
      code: planIndicators.code,
      label: planIndicators.label,
      unit: planIndicators.unit,
      kind: planIndicators.kind,
      aggregation: planIndicators.aggregation,
      objectiveCode: planObjectives.code,
      objectiveTitle: planObjectives.title,
    })
    .from(planIndicators)
    .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
    .where(and(eq(planObjectives.planId, planId), eq(planIndicators.kind, 'count')))
    .orderBy(asc(planObjectives.position), asc(planIndicators.position));
  if (indicators.length === 0) return [];
  const rows = await db
    .select({ indicatorId: measurements.indicatorId, period: measurements.period, comuneId: measurements.comuneId, value: measurements.valueNumber })
    .from(measurements)
    .where(
      and(
        eq(measurements.planId, planId),
        inArray(
          measurements.indicatorId,
          indicators.map((i) => i.id),
        ),
        like(measurements.period, `${year}%`),
      ),
    );
  const out: ImpactCount[] = [];
  for (const ind of indicators) {
    const own = rows.filter((r) => r.indicatorId === ind.id && r.value !== null && parsePeriod(r.period)?.year === year);
    if (own.length === 0) continue;
    const aggregation = indicatorAggregation(ind);
    // One value per period for the Ambito: its own row, else the sum of the comuni's rows of that period.
    const periods = [...new Set(own.map((r) => r.period))].sort();
    const perPeriod = periods.map((p) => {
      const at = own.filter((r) => r.period === p);
      const ambito = at.find((r) => r.comuneId === null);
      return ambito ? ambito.value! : at.reduce((s, r) => s + r.value!, 0);
    });
    const value =
      aggregation === 'flow'
        ? perPeriod.reduce((s, v) => s + v, 0)
        : aggregation === 'stock_mean'
          ? perPeriod.reduce((s, v) => s + v, 0) / perPeriod.length
          : perPeriod[perPeriod.length - 1]!;
    out.push({
      indicatorId: ind.id,
      objectiveCode: ind.objectiveCode,
      objectiveTitle: ind.objectiveTitle,
      indicatorCode: ind.code,
      label: ind.label,
      unit: ind.unit,
      value: Math.round(value),
    });
  }
  return out;
}
