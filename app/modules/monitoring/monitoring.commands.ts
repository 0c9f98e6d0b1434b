import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { actorLabel, type Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, Tx } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { outbox } from '../../shared/mail/outbox.schema.ts';
import { roleAssignments, users } from '../accounts/index.server.ts';
import { authorize as authorizePlanning, type PlanStatus } from '../planning/index.ts';
import {
  carryIntoPlan,
  getPlanHeader,
  linkContinuity,
  planActions,
  recordActionProgress,
  planIndicators,
  planObjectives,
  plans,
} from '../planning/index.server.ts';
import { comuni, listAmbitoComuni } from '../territory/index.server.ts';
import { evaluationCitation, parseEvaluationGrid, spendingCoincidence } from './evaluation.rules.ts';
import { importFailed, parseMeasurementsCsv } from './monitoring.importers.ts';
import { authorize, authorizeMeasurementEntry, measurementRefusal, type MonitoringAction, type MonitoringScope } from './monitoring.policy.ts';
import { checkPeriodFor, granularityOf, periodName, periodWithin, readValue } from './monitoring.rules.ts';
import { periodText } from './components/value-text.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import { isMeasuredPerComune, listDue, listPlanIndicators, todayInRome } from './monitoring.queries.ts';
import { measurements, objectiveEvaluations, periodLocks } from './monitoring.schema.ts';
import { ActionProgressInput, CarryOverInput, EvaluationInput, LockInput, MeasurementInput, UnlockInput } from './monitoring.validation.ts';

/** The plan and the Ambito scope a monitoring write is checked against. */
async function planScope(tx: Tx | Db, planId: string) {
  const header = await getPlanHeader(tx, planId);
  if (!header) throw new NotFoundError('Il piano');
  return header;
}

async function indicatorScope(tx: Tx | Db, indicatorId: string) {
  const [row] = await tx
    .select({ indicator: planIndicators, objective: planObjectives })
    .from(planIndicators)
    .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
    .where(eq(planIndicators.id, indicatorId));
  if (!row) throw new NotFoundError('L’indicatore');
  return { ...row, ...(await planScope(tx, row.objective.planId)) };
}

/** An objective with the plan and scope it is checked against. */
async function objectiveScope(tx: Tx | Db, objectiveId: string) {
  const [objective] = await tx.select().from(planObjectives).where(eq(planObjectives.id, objectiveId));
  if (!objective) throw new NotFoundError('L’obiettivo');
  return { objective, ...(await planScope(tx, objective.planId)) };
}

/**
 * The pipeline of a monitoring write: authorise on the scope (read before the input, so that a refused actor learns
 * nothing from validation), validate with parseInput, then one transaction in which the scope is read again and
 * authorised again (it may have changed in the meantime) before `write` changes anything, with its audit.
 */
async function authorisedWrite<Input, Context extends { scope: Parameters<typeof authorize>[2] }, Result>(
  { db, actor, action, scopeOf }: { db: Db; actor: Actor; action: MonitoringAction; scopeOf: (tx: Tx | Db) => Promise<Context> },
  schema: Parameters<typeof parseInput<Input>>[0],
  input: unknown,
  write: (tx: Tx, v: Input, context: Context) => Promise<Result>,
): Promise<Result> {
  authorize(actor, action, (await scopeOf(db)).scope);
  const v = parseInput(schema, input);
  return db.transaction(async (tx) => {
    const context = await scopeOf(tx);
    authorize(actor, action, context.scope);
    return write(tx, v, context);
  });
}

/** The measurement of an indicator for a period: the Ambito's (comuneId null) or one comune's. */
function sameMeasurement(key: { indicatorId: string; period: string; comuneId: string | null }) {
  return and(
    eq(measurements.indicatorId, key.indicatorId),
    eq(measurements.period, key.period),
    key.comuneId ? eq(measurements.comuneId, key.comuneId) : isNull(measurements.comuneId),
  );
}

/** Authorises a measurement write, telling a comune referent why it is refused, in the request's language. */
function authorizeMeasurement(actor: Actor, s: MonitoringScope & { comuneName: string | null }): void {
  const refusal = measurementRefusal(actor, s);
  if (refusal === 'wholeAmbito') throw new ForbiddenError(tr('mon.cmd.referentWholeAmbito'));
  if (refusal === 'otherComune') {
    throw new ForbiddenError(s.comuneName ? tr('mon.cmd.referentNamedComune', { comune: s.comuneName }) : tr('mon.cmd.referentOtherComune'));
  }
  if (refusal === 'notPerComune') throw new ForbiddenError(tr('mon.cmd.notPerComune'));
  authorize(actor, 'measurement.write', s);
}

/** The lock that covers a measurement period, if any. */
async function lockCovering(tx: Tx | Db, planId: string, period: string) {
  const locks = await tx.select().from(periodLocks).where(eq(periodLocks.planId, planId));
  return locks.find((l) => periodWithin(period, l.period)) ?? null;
}

function lockedMessage(period: string, lock: { period: string; lockedBy: string; lockedAt: Date }) {
  return tr('mon.cmd.locked', {
    lock: periodText(lock.period, tr),
    by: lock.lockedBy,
    day: serverFormat().date(lock.lockedAt),
    period: periodText(period, tr),
  });
}

/**
 * Enters or corrects the measurement of an indicator for a period (for the Ambito or one of its comuni). A new
 * measurement is inserted; an existing one is changed only from the version the user saw. A locked period refuses.
 */
export async function saveMeasurement({
  db,
  actor,
  indicatorId,
  input,
  today = todayInRome(),
}: {
  db: Db;
  actor: Actor;
  indicatorId: string;
  input: unknown;
  today?: string;
}) {
  const first = await indicatorScope(db, indicatorId);
  authorizeMeasurementEntry(actor, first.scope);
  const v = parseInput(MeasurementInput, input);
  return db.transaction(async (tx) => {
    const { indicator, plan, scope } = await indicatorScope(tx, indicatorId);
    const [comune] = v.comuneId ? await tx.select({ name: comuni.name }).from(comuni).where(eq(comuni.id, v.comuneId)) : [];
    authorizeMeasurement(actor, { ...scope, comuneId: v.comuneId, perComune: await isMeasuredPerComune(tx, indicatorId), comuneName: comune?.name ?? null });
    const issues: FieldIssue[] = [];
    const periodProblem = checkPeriodFor(v.period, granularityOf(indicator.periodicity), plan, today);
    if (periodProblem) issues.push({ path: 'period', message: periodProblem });
    const { value, issues: valueIssues } = readValue(indicator.kind, v, (f) => f);
    issues.push(...valueIssues);
    // The membership is read only for a valid period (a malformed one would reach the database as a date).
    if (v.comuneId && !periodProblem) {
      const members = await listAmbitoComuni(tx, plan.ambitoId, `${v.period.slice(0, 4)}-12-31`);
      if (!members.some((c) => c.id === v.comuneId)) issues.push({ path: 'comuneId', message: tr('mon.cmd.comuneOutside') });
    }
    if (issues.length) throw new ValidationError(issues);
    const lock = await lockCovering(tx, plan.id, v.period);
    if (lock) throw new ValidationError([{ path: 'period', message: lockedMessage(v.period, lock) }], lockedMessage(v.period, lock));
    const [existing] = await tx
      .select()
      .from(measurements)
      .where(sameMeasurement({ indicatorId, period: v.period, comuneId: v.comuneId }));
    const patch = { ...value, note: v.note };
    if (existing) {
      if (v.version === null) {
        const message = tr(v.comuneId ? 'mon.cmd.hasValueComune' : 'mon.cmd.hasValue', { period: periodText(v.period, tr) });
        throw new ValidationError([{ path: 'period', message }]);
      }
      const { before, after } = await updateVersioned(tx, measurements, existing.id, v.version, patch, 'la misura');
      await recordAudit(tx, {
        actor,
        action: 'monitoring.measurement.updated',
        entityType: 'measurement',
        entityId: existing.id,
        ambitoId: plan.ambitoId,
        before,
        after,
      });
      return after;
    }
    const [row] = await tx
      .insert(measurements)
      .values({ planId: plan.id, indicatorId, period: v.period, comuneId: v.comuneId, ...patch })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'monitoring.measurement.created',
      entityType: 'measurement',
      entityId: row!.id,
      ambitoId: plan.ambitoId,
      after: row,
    });
    return row!;
  });
}

/**
 * Imports measurements of a plan from CSV (columns obiettivo, indicatore, periodo, comune_istat, valore, numeratore,
 * denominatore, nota). All or nothing: every row is checked against its indicator (kind, periodicity), the Ambito's
 * comuni and the locked periods; one bad row refuses the file. Existing values of the same period are replaced.
 * One audit entry for the file.
 */
export async function importMeasurements({
  db,
  actor,
  planId,
  fileName,
  text,
  today = todayInRome(),
}: {
  db: Db;
  actor: Actor;
  planId: string;
  fileName: string;
  text: string;
  today?: string;
}) {
  const { plan, scope } = await planScope(db, planId);
  authorize(actor, 'measurement.write', scope);
  const rows = parseMeasurementsCsv(fileName, text);
  return db.transaction(async (tx) => {
    const indicators = await listPlanIndicators(tx, planId);
    const byCode = new Map(indicators.map((i) => [`${i.objectiveCode}|${i.code}`, i]));
    const locks = await tx.select().from(periodLocks).where(eq(periodLocks.planId, planId));
    const comuniByYear = new Map<string, Map<string, string>>();
    const issues: FieldIssue[] = [];
    const ready: { indicatorId: string; period: string; comuneId: string | null; values: ReturnType<typeof readValue>['value']; note: string | null }[] = [];
    for (const r of rows) {
      const at = (column: string) => `${fileName}, riga ${r.line}, colonna ${column}`;
      const ind = byCode.get(`${r.objective}|${r.indicator}`);
      if (!ind) {
        issues.push({ path: at('indicatore'), message: tr('mon.cmd.import.noIndicator', { objective: r.objective, indicator: r.indicator }) });
        continue;
      }
      const periodProblem = checkPeriodFor(r.period, granularityOf(ind.periodicity), plan, today);
      if (periodProblem) {
        issues.push({ path: at('periodo'), message: periodProblem });
        continue;
      }
      const lock = locks.find((l) => periodWithin(r.period, l.period));
      if (lock) {
        issues.push({ path: at('periodo'), message: tr('mon.cmd.import.locked', { period: periodText(lock.period, tr), by: lock.lockedBy }) });
        continue;
      }
      let comuneId: string | null = null;
      if (r.comuneIstat) {
        const day = `${r.period.slice(0, 4)}-12-31`;
        let members = comuniByYear.get(day);
        if (!members) {
          members = new Map((await listAmbitoComuni(tx, plan.ambitoId, day)).map((c) => [c.istatCode, c.id]));
          comuniByYear.set(day, members);
        }
        comuneId = members.get(r.comuneIstat) ?? null;
        if (!comuneId) {
          issues.push({ path: at('comune_istat'), message: tr('mon.cmd.import.comuneOutside', { comune: r.comuneIstat, year: r.period.slice(0, 4) }) });
          continue;
        }
      }
      const columns = { value: 'valore', numerator: 'numeratore', denominator: 'denominatore' } as const;
      const { value, issues: valueIssues } = readValue(ind.kind, r, (f) => at(columns[f]));
      if (valueIssues.length) {
        issues.push(...valueIssues);
        continue;
      }
      ready.push({ indicatorId: ind.id, period: r.period, comuneId, values: value, note: r.note });
    }
    if (issues.length) throw new ValidationError(issues.slice(0, 50), importFailed(fileName, issues.length));
    let created = 0;
    let replaced = 0;
    for (const m of ready) {
      const [existing] = await tx.select({ id: measurements.id }).from(measurements).where(sameMeasurement(m));
      if (existing) {
        await tx
          .update(measurements)
          .set({ ...m.values, note: m.note, version: sql`${measurements.version} + 1`, updatedAt: new Date() })
          .where(eq(measurements.id, existing.id));
        replaced++;
      } else {
        await tx.insert(measurements).values({ planId, indicatorId: m.indicatorId, period: m.period, comuneId: m.comuneId, ...m.values, note: m.note });
        created++;
      }
    }
    const summary = { file: fileName, rows: ready.length, created, replaced, periods: [...new Set(ready.map((m) => m.period))].sort() };
    await recordAudit(tx, { actor, action: 'monitoring.measurements.imported', entityType: 'plan', entityId: planId, ambitoId: plan.ambitoId, after: summary });
    return summary;
  });
}

/** The coordinator locks an approved period: its measurements can no longer be entered or changed. */
export async function lockPeriod({ db, actor, planId, input }: { db: Db; actor: Actor; planId: string; input: unknown }) {
  const scopeOf = (tx: Tx | Db) => planScope(tx, planId);
  return authorisedWrite({ db, actor, action: 'period.lock', scopeOf }, LockInput, input, async (tx, v, { plan }) => {
    const year = Number(v.period.slice(0, 4));
    if (year < plan.periodStartYear - 1 || year > plan.periodEndYear) {
      throw new ValidationError([{ path: 'period', message: tr('mon.cmd.outsidePlan', { start: plan.periodStartYear, end: plan.periodEndYear }) }]);
    }
    const existing = await tx.select().from(periodLocks).where(eq(periodLocks.planId, planId));
    const covering = existing.find((l) => periodWithin(v.period, l.period));
    if (covering)
      throw new ValidationError([
        { path: 'period', message: tr('mon.cmd.alreadyLocked', { period: periodText(v.period, tr), lock: periodText(covering.period, tr) }) },
      ]);
    const [row] = await tx
      .insert(periodLocks)
      .values({ planId, period: v.period, lockedBy: actorLabel(actor), note: v.note })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'monitoring.period.locked',
      entityType: 'monitoring_period_lock',
      entityId: row!.id,
      ambitoId: plan.ambitoId,
      after: row,
    });
    return row!;
  });
}

/** Unlocks a period (the reason is required and stays in the audit log). */
export async function unlockPeriod({ db, actor, planId, input }: { db: Db; actor: Actor; planId: string; input: unknown }) {
  const scopeOf = (tx: Tx | Db) => planScope(tx, planId);
  return authorisedWrite({ db, actor, action: 'period.lock', scopeOf }, UnlockInput, input, async (tx, v, { plan }) => {
    const [lock] = await tx
      .select()
      .from(periodLocks)
      .where(and(eq(periodLocks.planId, planId), eq(periodLocks.period, v.period)))
      .for('update');
    if (!lock) throw new ValidationError([{ path: 'period', message: tr('mon.cmd.notLocked', { period: periodText(v.period, tr) }) }]);
    await tx.delete(periodLocks).where(eq(periodLocks.id, lock.id));
    await recordAudit(tx, {
      actor,
      action: 'monitoring.period.unlocked',
      entityType: 'monitoring_period_lock',
      entityId: lock.id,
      ambitoId: plan.ambitoId,
      before: lock,
      after: { period: v.period, reason: v.reason },
    });
    return lock;
  });
}

/**
 * Updates an action's status and realisation percentage (the figures the progress roll-up and the grade use). The
 * action is planning's: monitoring authorises and validates, planning writes it (recordActionProgress).
 */
export async function updateActionProgress({ db, actor, actionId, input }: { db: Db; actor: Actor; actionId: string; input: unknown }) {
  const [action] = await db.select({ objectiveId: planActions.objectiveId }).from(planActions).where(eq(planActions.id, actionId));
  if (!action) throw new NotFoundError('L’azione');
  const scopeOf = (tx: Tx | Db) => objectiveScope(tx, action.objectiveId);
  return authorisedWrite({ db, actor, action: 'progress.write', scopeOf }, ActionProgressInput, input, (tx, v) => recordActionProgress(tx, actor, actionId, v));
}

/**
 * Imports the filled regional evaluation grid of a plan (JSON, see evaluation.rules.ts). All or nothing: every
 * objective must exist in the plan with the same actions and the same realisation percentages (the grade is computed
 * from the plan's actions, so the two must agree). Existing evaluations are replaced. One audit entry.
 */
export async function importEvaluation({ db, actor, planId, fileName, text }: { db: Db; actor: Actor; planId: string; fileName: string; text: string }) {
  const { plan, scope } = await planScope(db, planId);
  authorize(actor, 'evaluation.write', scope);
  const grid = parseEvaluationGrid(fileName, text);
  return db.transaction(async (tx) => {
    const issues: FieldIssue[] = [];
    if (grid.plan.from !== plan.periodStartYear || grid.plan.to !== plan.periodEndYear) {
      issues.push({
        path: `${fileName}, campo plan`,
        message: `la griglia è del piano ${grid.plan.from}-${grid.plan.to}, non del ${plan.periodStartYear}-${plan.periodEndYear}`,
      });
    }
    const objectives = await tx.select().from(planObjectives).where(eq(planObjectives.planId, planId));
    const byCode = new Map(objectives.map((o) => [o.code, o]));
    const actions = objectives.length
      ? await tx
          .select()
          .from(planActions)
          .where(
            inArray(
              planActions.objectiveId,
              objectives.map((o) => o.id),
            ),
          )
      : [];
    const values: (typeof objectiveEvaluations.$inferInsert)[] = [];
    for (const g of grid.objectives) {
      const where = `${fileName}, obiettivo ${g.code}`;
      const o = byCode.get(g.code);
      if (!o) {
        issues.push({ path: `${where}, campo code`, message: `il piano non ha l’obiettivo ${g.code}` });
        continue;
      }
      const own = actions.filter((a) => a.objectiveId === o.id).sort((a, b) => a.position - b.position);
      if (own.length !== g.actions.length) {
        issues.push({ path: `${where}, campo actions`, message: `la griglia ha ${g.actions.length} azioni, il piano ${own.length}` });
        continue;
      }
      g.actions.forEach((a, i) => {
        const p = own[i]!.realisationPercent;
        if (p !== a.realisationPercent) {
          issues.push({
            path: `${where}, azione ${a.number}, campo realisationPercent`,
            message: `nella griglia ${a.realisationPercent}%, nel piano ${p === null ? 'non indicata' : `${p}%`}`,
          });
        }
      });
      values.push({
        planId,
        objectiveId: o.id,
        realisationStatements: g.realisation.statements,
        realisationNotes: g.realisation.notes,
        publishedGrade: g.publishedGrade ? { percent: g.publishedGrade.percent, band: g.publishedGrade.band } : null,
        usersEvaluation: g.usersEvaluation,
        resourceAdequacyText: g.resourceAdequacy.text,
        resourceAdequacyLevel: g.resourceAdequacy.level,
        spendingText: g.spendingCoincidence.text,
        spendingClass: g.spendingCoincidence.spendingClass,
        spendingPercent: g.spendingCoincidence.percent,
        criticalIssues: g.criticalIssues,
        needAnswered: g.needAnswered.answer,
        needAnsweredText: g.needAnswered.text,
        continuityWithPrevious: g.continuityWithPrevious,
        reproposed: g.reproposed.answer,
        reproposedText: g.reproposed.text,
        // A public citation only: the line numbers of the file are provenance notes, not a reference for readers.
        source: grid.source ? evaluationCitation(grid.source, g) : `griglia importata dal file «${fileName}»`,
      });
    }
    if (issues.length) {
      throw new ValidationError(issues.slice(0, 50), `La griglia di valutazione ${fileName} non è stata caricata: correggi gli errori indicati e riprova.`);
    }
    await tx.delete(objectiveEvaluations).where(
      inArray(
        objectiveEvaluations.objectiveId,
        values.map((v) => v.objectiveId),
      ),
    );
    await tx.insert(objectiveEvaluations).values(values);
    const summary = { file: fileName, objectives: values.length, publishedMean: grid.publishedMean?.label ?? null };
    await recordAudit(tx, { actor, action: 'monitoring.evaluation.imported', entityType: 'plan', entityId: planId, ambitoId: plan.ambitoId, after: summary });
    return summary;
  });
}

/** Saves the grid of one objective (creates it from version 0, otherwise from the version the user saw). */
export async function saveObjectiveEvaluation({ db, actor, objectiveId, input }: { db: Db; actor: Actor; objectiveId: string; input: unknown }) {
  const scopeOf = (tx: Tx | Db) => objectiveScope(tx, objectiveId);
  return authorisedWrite({ db, actor, action: 'evaluation.write', scopeOf }, EvaluationInput, input, async (tx, v, { plan }) => {
    const actions = await tx.select().from(planActions).where(eq(planActions.objectiveId, objectiveId));
    if (actions.length === 0) throw new ValidationError([{ path: 'objective', message: tr('mon.cmd.noActions') }]);
    const { version, ...fields } = v;
    const patch = { ...fields };
    if (v.spendingBudgetedCents !== null && v.spendingPaidCents !== null) {
      const s = spendingCoincidence({ budgetedCents: v.spendingBudgetedCents, paidCents: v.spendingPaidCents });
      patch.spendingClass = s.spendingClass;
      patch.spendingPercent = s.percent;
    } else if (v.spendingPercent !== null) {
      const expected = v.spendingPercent < 100 ? 'below_100' : v.spendingPercent === 100 ? 'equal_100' : 'above_100';
      if (v.spendingClass !== expected)
        throw new ValidationError([
          {
            path: 'spendingClass',
            message: tr('mon.cmd.spendingClass', {
              percent: v.spendingPercent,
              class: { below_100: '<100%', equal_100: '100%', above_100: '>100%' }[expected],
            }),
          },
        ]);
    }
    const [existing] = await tx.select().from(objectiveEvaluations).where(eq(objectiveEvaluations.objectiveId, objectiveId));
    if (!existing) {
      if (version !== 0) throw new ConflictError('la valutazione dell’obiettivo', null);
      const [row] = await tx
        .insert(objectiveEvaluations)
        .values({ planId: plan.id, objectiveId, ...patch })
        .returning();
      await recordAudit(tx, {
        actor,
        action: 'monitoring.evaluation.created',
        entityType: 'objective_evaluation',
        entityId: row!.id,
        ambitoId: plan.ambitoId,
        after: row,
      });
      return row!;
    }
    const { before, after } = await updateVersioned(tx, objectiveEvaluations, existing.id, version, patch, 'la valutazione dell’obiettivo');
    await recordAudit(tx, {
      actor,
      action: 'monitoring.evaluation.updated',
      entityType: 'objective_evaluation',
      entityId: existing.id,
      ambitoId: plan.ambitoId,
      before,
      after,
    });
    return after;
  });
}

/** The plan of the same Ambito that follows a plan (the first one starting after it ends). */
export async function nextPlanOf(tx: Tx | Db, plan: { ambitoId: string; periodEndYear: number }) {
  const candidates = await tx.select().from(plans).where(eq(plans.ambitoId, plan.ambitoId));
  return candidates.filter((p) => p.periodStartYear > plan.periodEndYear).sort((a, b) => a.periodStartYear - b.periodStartYear)[0] ?? null;
}

/**
 * Carries an evaluated objective into the next plan: either links an objective already in the next plan (sets its
 * continuity with this one) or creates a new objective there, copying what the user chose (title, macro-area,
 * description, critical issues as a note, the chosen actions, re-numbered 1, 2, …). One audit entry on each side.
 */
export async function carryOverObjective({ db, actor, objectiveId, input }: { db: Db; actor: Actor; objectiveId: string; input: unknown }) {
  const scopeOf = (tx: Tx | Db) => objectiveScope(tx, objectiveId);
  return authorisedWrite({ db, actor, action: 'carryover', scopeOf }, CarryOverInput, input, async (tx, v, { objective: source, plan }) => {
    const [evaluation] = await tx.select().from(objectiveEvaluations).where(eq(objectiveEvaluations.objectiveId, objectiveId));
    if (!evaluation) throw new ValidationError([{ path: 'objective', message: tr('mon.cmd.evaluateFirst') }]);
    const next = await nextPlanOf(tx, plan);
    if (!next) throw new ValidationError([{ path: 'mode', message: tr('mon.cmd.noNextPlan') }]);
    const nextScope = await planScope(tx, next.id);
    authorizePlanning(actor, 'plan.edit', { ...nextScope.scope, status: next.status as PlanStatus });
    // The next plan's objectives are planning's: written through its commands, which turn the change into a
    // proposal of the draft variation when the next plan is already adopted.
    let target: { id: string; code: string } | null;
    let outcome: string;
    if (v.mode === 'link') {
      const [o] = await tx
        .select({ id: planObjectives.id })
        .from(planObjectives)
        .where(and(eq(planObjectives.id, v.targetObjectiveId!), eq(planObjectives.planId, next.id)));
      if (!o) throw new ValidationError([{ path: 'targetObjectiveId', message: tr('mon.cmd.notNextPlan') }]);
      const r = await linkContinuity(tx, actor, o.id, source.code);
      target = r.objective;
      outcome = r.outcome;
    } else {
      const description = [
        v.copyDescription ? source.description : null,
        v.copyCriticalIssues && evaluation.criticalIssues
          ? `Criticità emerse nella valutazione ${plan.periodStartYear}-${plan.periodEndYear}: ${evaluation.criticalIssues}`
          : null,
      ]
        .filter(Boolean)
        .join('\n\n');
      const chosen = v.actionIds.length
        ? await tx
            .select()
            .from(planActions)
            .where(and(eq(planActions.objectiveId, source.id), inArray(planActions.id, v.actionIds)))
        : [];
      if (chosen.length !== v.actionIds.length) throw new ValidationError([{ path: 'actionIds', message: tr('mon.cmd.foreignActions') }]);
      chosen.sort((a, b) => a.position - b.position);
      const r = await carryIntoPlan(tx, actor, next.id, {
        code: v.code,
        title: v.copyTitle ? source.title : v.title!,
        macroArea: v.copyMacroArea ? source.macroArea : null,
        description: description || null,
        continuesObjective: source.code,
        source: `Riportato dall’obiettivo ${source.code} del piano ${plan.periodStartYear}-${plan.periodEndYear}`,
        actions: chosen.map((a) => ({ description: a.description, responsible: a.responsible })),
      });
      target = r.objective;
      outcome = r.outcome;
    }
    const proposed = outcome === 'proposed';
    const summary = {
      from: { plan: `${plan.periodStartYear}-${plan.periodEndYear}`, objective: source.code },
      to: { plan: `${next.periodStartYear}-${next.periodEndYear}`, objective: target?.code ?? v.code },
      mode: v.mode,
      actions: v.actionIds.length,
      proposed,
    };
    await recordAudit(tx, {
      actor,
      action: 'monitoring.objective.carried_over',
      entityType: 'plan_objective',
      entityId: target?.id ?? source.id,
      ambitoId: plan.ambitoId,
      after: summary,
    });
    return { objective: proposed ? null : target, nextPlanId: next.id, ...summary };
  });
}

/**
 * Writes a reminder of what is overdue (values of closed periods still missing, see dueMeasurements, grouped by
 * responsible) to the outbox, one message per coordinator and staff member of the Ambito with an address.
 * A second reminder for the same period to the same person is not written again.
 */
export async function sendDueReminders({ db, actor, planId, today, baseUrl }: { db: Db; actor: Actor; planId: string; today: string; baseUrl: string }) {
  const { plan, ambitoCode, scope } = await planScope(db, planId);
  authorize(actor, 'reminder.send' satisfies MonitoringAction, scope);
  const due = await listDue(db, planId, today);
  if (due.total === 0) return { written: 0, skipped: 0, total: 0 };
  return db.transaction(async (tx) => {
    const recipients = await tx
      .selectDistinct({ email: users.email, name: users.name })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.ambitoId, plan.ambitoId), inArray(roleAssignments.role, ['coordinator', 'staff'])));
    const topic = `monitoring-due:${planId}:${due.periods.join(',')}`;
    const already = new Set((await tx.select({ to: outbox.toAddress }).from(outbox).where(eq(outbox.topic, topic))).map((r) => r.to));
    const lines = due.groups.flatMap((g) => [
      `${g.responsible} (${g.items.length}):`,
      ...g.items.map((i) => `  - obiettivo ${i.objectiveCode}, indicatore ${i.code} «${i.label}»: ${periodName(i.period)}`),
      '',
    ]);
    const subject = `Monitoraggio del ${plan.title}: ${due.total} ${due.total === 1 ? 'misura da inserire' : 'misure da inserire'}`;
    const body = [
      'Buongiorno,',
      '',
      `queste misure del piano ${plan.periodStartYear}-${plan.periodEndYear} riguardano periodi già chiusi e non sono ancora state inserite:`,
      '',
      ...lines,
      `Inseriscile da ${baseUrl}/ambiti/${ambitoCode}/monitoraggio/${planId}`,
      '',
      'Messaggio automatico di Cantiere.',
    ].join('\n');
    const fresh = recipients.filter((r) => !already.has(r.email));
    if (fresh.length) await tx.insert(outbox).values(fresh.map((r) => ({ ambitoId: plan.ambitoId, toAddress: r.email, toName: r.name, subject, body, topic })));
    await recordAudit(tx, {
      actor,
      action: 'monitoring.reminders.sent',
      entityType: 'plan',
      entityId: planId,
      ambitoId: plan.ambitoId,
      after: { topic, written: fresh.length, skipped: recipients.length - fresh.length, due: due.total },
    });
    return { written: fresh.length, skipped: recipients.length - fresh.length, total: due.total };
  });
}
