// What the read API (app/modules/api) reads of the monitoring: the measurements of a plan, one set-based query with
// explicit columns plus the plan's locked periods, keyset-paginated on a unique order (`limit + 1` rows come back).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor, AmbitoScope } from '../../shared/auth/actor.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import { planIndicators, planObjectives } from '../planning/index.server.ts';
import { comuni } from '../territory/index.server.ts';
import { can } from './monitoring.policy.ts';
import { describeValue, periodWithin, type ShownValue } from './monitoring.rules.ts';
import { measurements, periodLocks } from './monitoring.schema.ts';

/** True when the actor reads the Ambito's monitoring from the inside (exact figures and notes), by the monitoring policy. */
export const readsMonitoringInside = (actor: Actor, ambito: AmbitoScope) => can(actor, 'monitoring.read', ambito);

/** Key of the measurements' order: the objective's place and code, the indicator's place and code, the period, the row's id. */
export type MeasurementKey = [objectivePosition: number, objectiveCode: string, indicatorPosition: number, indicatorCode: string, period: string, id: string];

export interface ApiMeasurement {
  id: string;
  objectiveCode: string;
  indicatorCode: string;
  indicatorKind: string;
  period: string;
  comune: { istatCode: string; name: string } | null;
  value: ShownValue;
  /** `approvato` when the period lies within a period the coordinator locked, otherwise `provvisorio`. */
  status: 'approvato' | 'provvisorio';
  note: string | null;
  version: number;
  updatedAt: Date;
  key: MeasurementKey;
}

/** The measurements of a plan (for the Ambito or one comune), in the plan's order of indicators, then by period. */
export async function listMeasurementsForApi(db: DbOrTx, planId: string, page: { after: MeasurementKey | null; limit: number }): Promise<ApiMeasurement[]> {
  const key = [planObjectives.position, planObjectives.code, planIndicators.position, planIndicators.code, measurements.period, measurements.id];
  const [rows, locks] = await Promise.all([
    db
      .select({
        id: measurements.id,
        period: measurements.period,
        valueNumber: measurements.valueNumber,
        valueBoolean: measurements.valueBoolean,
        valueText: measurements.valueText,
        numerator: measurements.numerator,
        denominator: measurements.denominator,
        note: measurements.note,
        version: measurements.version,
        updatedAt: measurements.updatedAt,
        indicatorCode: planIndicators.code,
        indicatorKind: planIndicators.kind,
        indicatorPosition: planIndicators.position,
        objectiveCode: planObjectives.code,
        objectivePosition: planObjectives.position,
        istatCode: comuni.istatCode,
        comuneName: comuni.name,
      })
      .from(measurements)
      .innerJoin(planIndicators, eq(planIndicators.id, measurements.indicatorId))
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .leftJoin(comuni, eq(comuni.id, measurements.comuneId))
      .where(
        and(
          eq(measurements.planId, planId),
          page.after
            ? sql`(${sql.join(key, sql`, `)}) > (${sql.join(
                page.after.map((v) => sql`${v}`),
                sql`, `,
              )})`
            : undefined,
        ),
      )
      .orderBy(...key.map((c) => asc(c)))
      .limit(page.limit + 1),
    db.select({ period: periodLocks.period }).from(periodLocks).where(eq(periodLocks.planId, planId)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    objectiveCode: r.objectiveCode,
    indicatorCode: r.indicatorCode,
    indicatorKind: r.indicatorKind,
    period: r.period,
    comune: r.istatCode !== null && r.comuneName !== null ? { istatCode: r.istatCode, name: r.comuneName } : null,
    value: describeValue(r.indicatorKind, r),
    status: locks.some((l) => periodWithin(r.period, l.period)) ? 'approvato' : 'provvisorio',
    note: r.note,
    version: r.version,
    updatedAt: r.updatedAt,
    key: [r.objectivePosition, r.objectiveCode, r.indicatorPosition, r.indicatorCode, r.period, r.id],
  }));
}
