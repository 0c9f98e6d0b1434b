/**
 * Values of indicators measured per comune, asked through a data request (app/modules/collection): which indicator ×
 * period a comune owes for a year, and the writing of the validated values (in the caller's transaction, each value
 * with its source in the note, refused in a locked period). Like saveMeasurement, but for many values at once.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import type { DbOrTx, Tx } from '../../shared/db/client.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { ambiti } from '../territory/index.server.ts';
import { periodText } from './components/value-text.ts';
import { authorize } from './monitoring.policy.ts';
import { listLocks, listMonitoringPlans, listPlanIndicators } from './monitoring.queries.ts';
import { granularityOf, measuredPerComune, periodsOfYear, periodWithin, readValue, type RawValue } from './monitoring.rules.ts';
import { measurements } from './monitoring.schema.ts';

export interface ComuneIndicatorSlot {
  indicatorId: string;
  planId: string;
  planTitle: string;
  objectiveCode: string;
  code: string;
  label: string;
  kind: string;
  period: string;
  periodLabel: string;
  locked: boolean;
  /** The comune's value recorded now, as text («12», «3/40»), or null. */
  current: string | null;
}

/**
 * The indicator × period a comune owes for a year: the indicators of the Ambito's plans covering the year that the
 * Ufficio di Piano measures per comune (at least one comune's value recorded), each period of the year.
 */
export async function comuneIndicatorSlots(db: DbOrTx, ambitoId: string, comuneId: string, year: number): Promise<ComuneIndicatorSlot[]> {
  const plans = (await listMonitoringPlans(db, ambitoId)).filter((p) => p.periodStartYear <= year && year <= p.periodEndYear);
  const out: ComuneIndicatorSlot[] = [];
  for (const plan of plans) {
    const [indicators, values, locks] = await Promise.all([
      listPlanIndicators(db, plan.id),
      db
        .select({
          indicatorId: measurements.indicatorId,
          period: measurements.period,
          comuneId: measurements.comuneId,
          valueNumber: measurements.valueNumber,
          numerator: measurements.numerator,
          denominator: measurements.denominator,
        })
        .from(measurements)
        .where(eq(measurements.planId, plan.id)),
      listLocks(db, plan.id),
    ]);
    const perComune = measuredPerComune(values);
    for (const ind of indicators.filter((i) => perComune.has(i.id))) {
      for (const period of periodsOfYear(year, granularityOf(ind.periodicity))) {
        const own = values.find((v) => v.indicatorId === ind.id && v.period === period && v.comuneId === comuneId);
        out.push({
          indicatorId: ind.id,
          planId: plan.id,
          planTitle: plan.title,
          objectiveCode: ind.objectiveCode,
          code: ind.code,
          label: ind.label,
          kind: ind.kind,
          period,
          periodLabel: periodText(period, tr),
          locked: locks.some((l) => periodWithin(period, l.period)),
          current: own ? (own.numerator !== null ? `${own.numerator}/${own.denominator}` : own.valueNumber === null ? null : String(own.valueNumber)) : null,
        });
      }
    }
  }
  return out;
}

/** The problems of a typed value for an indicator of this kind (empty when it reads). */
export function indicatorValueProblems(kind: string, raw: RawValue): string[] {
  return readValue(kind, raw, (f) => f).issues.map((i) => i.message);
}

/** Writes a comune's validated values (in the caller's transaction): new ones inserted, existing ones replaced. */
export async function recordCollectedMeasurements(
  tx: Tx,
  actor: Actor,
  input: { ambitoId: string; comuneId: string; year: number; rows: readonly ({ indicatorId: string; period: string } & RawValue)[]; source: string },
) {
  const [ambito] = await tx.select({ id: ambiti.id, regionCode: ambiti.regionCode }).from(ambiti).where(eq(ambiti.id, input.ambitoId));
  authorize(actor, 'measurement.write', { ...ambito!, comuneId: input.comuneId, perComune: true });
  const slots = await comuneIndicatorSlots(tx, input.ambitoId, input.comuneId, input.year);
  const issues: FieldIssue[] = [];
  const written: { indicatorId: string; period: string; before: unknown; after: unknown }[] = [];
  for (const [i, row] of input.rows.entries()) {
    const slot = slots.find((s) => s.indicatorId === row.indicatorId && s.period === row.period);
    const where = tr('mon.collected.row', { row: i + 1 });
    if (!slot) {
      issues.push({ path: where, message: tr('mon.collected.notOwed', { period: row.period }) });
      continue;
    }
    if (slot.locked) {
      issues.push({ path: where, message: tr('mon.collected.locked', { period: slot.periodLabel }) });
      continue;
    }
    const { value, issues: problems } = readValue(slot.kind, row, () => where);
    if (problems.length) {
      issues.push(...problems);
      continue;
    }
    const key = and(eq(measurements.indicatorId, row.indicatorId), eq(measurements.period, row.period), eq(measurements.comuneId, input.comuneId));
    const [existing] = await tx.select().from(measurements).where(key);
    if (existing) {
      const { after } = await updateVersioned(tx, measurements, existing.id, existing.version, { ...value, note: input.source }, 'la misura');
      written.push({ indicatorId: row.indicatorId, period: row.period, before: existing, after });
    } else {
      const [after] = await tx
        .insert(measurements)
        .values({ planId: slot.planId, indicatorId: row.indicatorId, period: row.period, comuneId: input.comuneId, ...value, note: input.source })
        .returning();
      written.push({ indicatorId: row.indicatorId, period: row.period, before: null, after });
    }
  }
  if (issues.length) throw new ValidationError(issues);
  await recordAudit(tx, {
    actor,
    action: 'monitoring.measurements.collected',
    entityType: 'measurements_year',
    entityId: `${input.comuneId}:${input.year}`,
    ambitoId: input.ambitoId,
    before: written.map((w) => w.before),
    after: written.map((w) => w.after),
  });
  return { written: written.length };
}
