import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { outbox } from '../../app/shared/mail/outbox.schema.ts';
import {
  carryOverObjective,
  importEvaluation,
  importMeasurements,
  lockPeriod,
  saveMeasurement,
  saveObjectiveEvaluation,
  sendDueReminders,
  unlockPeriod,
  updateActionProgress,
} from '../../app/modules/monitoring/monitoring.commands.ts';
import {
  getIndicatorMonitoring,
  getPlanDashboard,
  getPlanEvaluation,
  listDue,
  listLatestMeasurements,
} from '../../app/modules/monitoring/monitoring.queries.ts';
import { measurements } from '../../app/modules/monitoring/monitoring.schema.ts';
import { listPlans, listVariations } from '../../app/modules/planning/planning.queries.ts';
import { decideVariation } from '../../app/modules/planning/planning.commands.ts';
import { getTemplate } from '../../app/modules/planning/planning.templates.ts';
import { bodies, bodyMembers, decisions, decisionVotes } from '../../app/modules/governance/governance.schema.ts';
import { planActions, planIndicators, planObjectives } from '../../app/modules/planning/planning.schema.ts';
import { gradeIt, progressIt, realisationIt, reasonIt, spendingIt } from '../../app/modules/monitoring/monitoring.test-support.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const TODAY = '2026-11-26';

describe('monitoring: measurements, targets, locks, evaluation grid, carry-over', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let samarateId: string;
  let plan2025: string;
  let plan2021: string;
  const indicator = async (objectiveCode: string, code: string) => {
    const [row] = await database.db
      .select({ id: planIndicators.id })
      .from(planIndicators)
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .where(and(eq(planObjectives.planId, plan2025), eq(planObjectives.code, objectiveCode), eq(planIndicators.code, code)));
    return row!.id;
  };
  before(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    ambitoId = demo.gallarate.id;
    samarateId = demo.samarate.id;
    const list = await listPlans(database.db, ambitoId);
    plan2025 = list.find((p) => p.periodStartYear === 2025)!.id;
    plan2021 = list.find((p) => p.periodStartYear === 2021)!.id;
  });
  after(() => database.close());

  test('the demo evaluation of 2021-2023 reproduces every published grade and the mean 76,56% (sufficiente)', async () => {
    const e = (await getPlanEvaluation(database.db, plan2021))!;
    assert.equal(e.evaluatedCount, 16);
    const grades = Object.fromEntries(e.objectives.map((o) => [o.code, o.grade!.label]));
    assert.deepEqual(grades, {
      1: '100% (ottimo)',
      2: '75% (sufficiente)',
      A: '80% (buono)',
      B: '75% (sufficiente)',
      C: '75% (sufficiente)',
      D: '100% (ottimo)',
      E: '20% (insufficiente)',
      F: '100% (ottimo)',
      G: '67% (sufficiente)',
      H: '100% (ottimo)',
      I: '100% (ottimo)',
      L: '100% (ottimo)',
      M: '33% (insufficiente)',
      N: '67% (sufficiente)',
      O: '33% (insufficiente)',
      P: '100% (ottimo)',
    });
    assert.ok(
      e.objectives.every((o) => o.publishedMatches === true),
      'every computed grade equals the published one',
    );
    assert.equal(e.mean!.label, '76,56% (sufficiente)');
    assert.equal(e.mean!.numerator, 1225);
    assert.equal(e.mean!.denominator, 16);
    const g = e.objectives.find((o) => o.code === 'G')!;
    assert.equal(gradeIt(g.grade!), '(n. azioni realizzate*100)/n. azioni programmate = (4*100)/6 = 66,67% → 67%');
    const b = e.objectives.find((o) => o.code === 'B')!;
    assert.equal(b.spending!.spendingClass, 'below_100');
    assert.equal(b.evaluation!.resourceAdequacyLevel, 'Sufficientemente adeguato');
    // Regression: objective E's page cited "…, vedi README-evaluation.md, L1916-L2018" (fixture line numbers).
    const eRow = e.objectives.find((o) => o.code === 'E')!;
    assert.match(
      eRow.evaluation!.source!,
      /^Ambito Territoriale di Gallarate, Piano di Zona 2025-2027 .*§1\.3 «Valutazione degli obiettivi di piano», obiettivo E «/,
    );
    for (const o of e.objectives) {
      assert.doesNotMatch(o.evaluation!.source ?? '', /\bL\d+|\.md\b|\.json\b/, `objective ${o.code}`);
      assert.deepEqual(Object.keys(o.published ?? {}).sort(), ['band', 'percent'], `objective ${o.code}: no line numbers with the published grade`);
    }
  });

  test('the grid import refuses a file whose percentages disagree with the plan, naming objective and action', async () => {
    const text = readFileSync(new URL('../../fixtures/demo/gallarate/evaluation-2021-2023.json', import.meta.url), 'utf8');
    const grid = JSON.parse(text);
    grid.objectives.find((o: { code: string }) => o.code === 'E').actions[0].realisationPercent = 40;
    await assert.rejects(
      importEvaluation({
        db: database.db,
        actor: actorWith('coordinator', { ambitoId }),
        planId: plan2021,
        fileName: 'griglia.json',
        text: JSON.stringify(grid),
      }),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.issues.length === 1 &&
        e.issues[0]!.path === 'griglia.json, obiettivo E, azione 1, campo realisationPercent' &&
        e.issues[0]!.message === 'nella griglia 40%, nel piano 0%',
    );
    assert.equal((await getPlanEvaluation(database.db, plan2021))!.mean!.label, '76,56% (sufficiente)');
  });

  test('editing one objective of the grid is versioned, audited and keeps the computed grade', async () => {
    const staff = actorWith('staff', { ambitoId });
    const e = (await getPlanEvaluation(database.db, plan2021))!;
    const m = e.objectives.find((o) => o.code === 'M')!;
    const input = {
      version: String(m.evaluation!.version),
      usersEvaluation: 'Buona la partecipazione ai gruppi.',
      resourceAdequacyLevel: 'Adeguato',
      spendingBudgetedCents: '16.000',
      spendingPaidCents: '16.600',
      needAnswered: 'yes',
      reproposed: 'yes',
      continuityWithPrevious: 'yes',
    };
    const saved = await saveObjectiveEvaluation({ db: database.db, actor: staff, objectiveId: m.id, input });
    assert.equal(saved.spendingClass, 'above_100');
    assert.equal(saved.spendingPercent, 103.75);
    await assert.rejects(saveObjectiveEvaluation({ db: database.db, actor: staff, objectiveId: m.id, input }), ConflictError);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, saved.id), eq(auditLog.action, 'monitoring.evaluation.updated')));
    assert.equal(audit.length, 1);
    const again = (await getPlanEvaluation(database.db, plan2021))!;
    assert.equal(again.objectives.find((o) => o.code === 'M')!.grade!.label, '33% (insufficiente)');
    assert.equal(
      spendingIt(again.objectives.find((o) => o.code === 'M')!.spending!.computed!),
      '(pagato*100)/preventivato = (€ 16.600,00*100)/€ 16.000,00 = 103,75%',
    );
  });

  test('a measurement per semester turns the 2026 target from in progress to reached; the reason is in words', async () => {
    const staff = actorWith('staff', { ambitoId });
    const pua = await indicator('LEPS-PUA', '2.1'); // ratio: 2025 ≥ 50 %, 2026 ≥ 75 %, 2027 = 100 %
    await saveMeasurement({ db: database.db, actor: staff, indicatorId: pua, input: { period: '2025-S1', numerator: '12', denominator: '25' } });
    await saveMeasurement({ db: database.db, actor: staff, indicatorId: pua, input: { period: '2025-S2', numerator: '12', denominator: '25' } });
    let detail = (await getIndicatorMonitoring(database.db, pua, TODAY))!;
    assert.deepEqual(
      detail.evaluations.map((e) => [e.year, e.status, reasonIt(e.reason)]),
      [
        [2025, 'non_raggiunto', '2025: 48 % < 50 % → non raggiunto'],
        [2026, 'in_corso', '2026: periodo in corso (nessun dato ancora)'],
        [2027, 'in_corso', '2027: periodo non ancora iniziato'],
      ],
    );
    await saveMeasurement({ db: database.db, actor: staff, indicatorId: pua, input: { period: '2026-S1', numerator: '20', denominator: '25' } });
    detail = (await getIndicatorMonitoring(database.db, pua, TODAY))!;
    assert.equal(reasonIt(detail.evaluations[1]!.reason), '2026: periodo in corso (dato del 1° semestre: 80 %)');
    await saveMeasurement({ db: database.db, actor: staff, indicatorId: pua, input: { period: '2026-S2', numerator: '19', denominator: '25' } });
    detail = (await getIndicatorMonitoring(database.db, pua, '2027-01-15'))!;
    assert.equal(detail.evaluations[1]!.status, 'raggiunto');
    assert.equal(reasonIt(detail.evaluations[1]!.reason), '2026: 78 % > 75 % → raggiunto');
    assert.ok(detail.chartSvg?.startsWith('<svg aria-hidden="true"'));
    const [latest] = await listLatestMeasurements(database.db, [pua], '2027-01-15');
    assert.equal(latest!.period, '2026-S2');
    assert.equal(latest!.display, '76,00 % (19/25)'); // the shared percent format (two decimals), same figure
    assert.equal(latest!.target!.status, 'raggiunto');
  });

  test('year-on-year targets compare with the previous year; a count broken down by comune sums to the Ambito', async () => {
    const staff = actorWith('staff', { ambitoId });
    const tools = await indicator('LEPS-PUA', '3.1'); // 2025 ≥ 1, 2026 > 2025, 2027 > 2026
    for (const [period, value] of [
      ['2025-S1', '1'],
      ['2025-S2', '1'],
      ['2026-S1', '1'],
      ['2026-S2', '1'],
    ] as const) {
      await saveMeasurement({ db: database.db, actor: staff, indicatorId: tools, input: { period, value } });
    }
    let detail = (await getIndicatorMonitoring(database.db, tools, '2027-02-01'))!;
    assert.equal(reasonIt(detail.evaluations[1]!.reason), '2026: 2 = 2 (2025) → non raggiunto');
    const s2 = detail.measurements.find((m) => m.period === '2026-S2')!;
    await saveMeasurement({ db: database.db, actor: staff, indicatorId: tools, input: { period: '2026-S2', value: '2', version: String(s2.version) } });
    detail = (await getIndicatorMonitoring(database.db, tools, '2027-02-01'))!;
    assert.equal(reasonIt(detail.evaluations[1]!.reason), '2026: 3 > 2 (2025) → raggiunto');
    // The same period again as a new value is refused (no silent overwrite); a stale version is a conflict.
    await assert.rejects(
      saveMeasurement({ db: database.db, actor: staff, indicatorId: tools, input: { period: '2026-S2', value: '5' } }),
      (e: unknown) =>
        e instanceof ValidationError && e.issues[0]!.message === 'Il 2° semestre 2026 ha già un valore: per cambiarlo usa «Correggi» nella tabella dei valori.',
    );
    await assert.rejects(
      saveMeasurement({ db: database.db, actor: staff, indicatorId: tools, input: { period: '2026-S2', value: '5', version: String(s2.version) } }),
      ConflictError,
    );

    const meetings = await indicator('F', '1.1'); // ≥ 2 per year
    await saveMeasurement({ db: database.db, actor: staff, indicatorId: meetings, input: { period: '2025-S1', comuneId: samarateId, value: '1' } });
    await saveMeasurement({ db: database.db, actor: staff, indicatorId: meetings, input: { period: '2025-S2', comuneId: samarateId, value: '1' } });
    detail = (await getIndicatorMonitoring(database.db, meetings, TODAY))!;
    assert.deepEqual(detail.summedPeriods, ['2025-S1', '2025-S2']);
    assert.equal(reasonIt(detail.evaluations[0]!.reason), '2025: 2 = 2 → raggiunto');
  });

  test('bad values are refused with the field and an Italian message; a period of the wrong rhythm too', async () => {
    const staff = actorWith('staff', { ambitoId });
    const pua = await indicator('LEPS-PUA', '2.1');
    await assert.rejects(
      saveMeasurement({ db: database.db, actor: staff, indicatorId: pua, input: { period: '2026', numerator: 'abc', denominator: '10' } }),
      (e: unknown) =>
        e instanceof ValidationError &&
        JSON.stringify(e.issues) ===
          JSON.stringify([
            { path: 'period', message: 'l’indicatore si misura con cadenza semestrale: scegli uno dei suoi periodi, come 2026-S1, non «2026»' },
            { path: 'numerator', message: 'numeratore non valido: «abc» (scrivi un numero, es. 12 o 1.234,5)' },
          ]),
    );
    // A period outside the indicator's periods offered by the select (not yet started at `now`) is refused too.
    const detail = (await getIndicatorMonitoring(database.db, pua, '2025-09-15'))!;
    assert.deepEqual(
      detail.periodChoices.map((c) => c.key),
      ['2024-S1', '2024-S2', '2025-S1', '2025-S2'],
    );
    assert.equal(detail.suggestedPeriod, '2025-S1');
    await assert.rejects(
      saveMeasurement({ db: database.db, actor: staff, indicatorId: pua, input: { period: '2026-S1', numerator: '1', denominator: '2' }, today: '2025-09-15' }),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.issues[0]!.path === 'period' &&
        e.issues[0]!.message === 'il periodo 1° semestre 2026 non è ancora iniziato: il suo valore si inserisce quando è in corso o chiuso',
    );
  });

  test('a locked period refuses edits with a clear message until the coordinator unlocks it (audited)', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const staff = actorWith('staff', { ambitoId });
    const pua = await indicator('LEPS-PUA', '2.1');
    await assert.rejects(lockPeriod({ db: database.db, actor: staff, planId: plan2025, input: { period: '2026-S1' } }), ForbiddenError);
    await lockPeriod({ db: database.db, actor: coordinator, planId: plan2025, input: { period: '2026-S1' } });
    const detail = (await getIndicatorMonitoring(database.db, pua, TODAY))!;
    const s1 = detail.measurements.find((m) => m.period === '2026-S1')!;
    assert.equal(s1.locked, true);
    await assert.rejects(
      saveMeasurement({
        db: database.db,
        actor: staff,
        indicatorId: pua,
        input: { period: '2026-S1', numerator: '21', denominator: '25', version: String(s1.version) },
      }),
      (e: unknown) =>
        e instanceof ValidationError &&
        /^Il periodo 1° semestre 2026 è stato approvato e bloccato da Test coordinator <coordinator@test.example> il .*: la misura del 1° semestre 2026 non si può modificare\./.test(
          e.message,
        ),
    );
    await assert.rejects(
      importMeasurements({
        db: database.db,
        actor: staff,
        planId: plan2025,
        fileName: 'misure.csv',
        text: 'obiettivo;indicatore;periodo;comune_istat;valore;numeratore;denominatore;nota\nLEPS-PUA;2.1;2026-S1;;;21;25;\n',
      }),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.issues[0]!.path === 'misure.csv, riga 2, colonna periodo' &&
        e.issues[0]!.message.startsWith('il periodo 1° semestre 2026 è bloccato'),
    );
    await assert.rejects(unlockPeriod({ db: database.db, actor: coordinator, planId: plan2025, input: { period: '2026-S1', reason: '' } }), ValidationError);
    await unlockPeriod({ db: database.db, actor: coordinator, planId: plan2025, input: { period: '2026-S1', reason: 'Correzione del dato di Samarate' } });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'monitoring.period.unlocked'));
    assert.deepEqual(entry!.after, { period: '2026-S1', reason: 'Correzione del dato di Samarate' });
    await saveMeasurement({
      db: database.db,
      actor: staff,
      indicatorId: pua,
      input: { period: '2026-S1', numerator: '21', denominator: '25', version: String(s1.version) },
    });
  });

  test('the CSV import is all or nothing, with errors by row and column', async () => {
    const staff = actorWith('staff', { ambitoId });
    const before = (await database.db.select().from(measurements)).length;
    const bad = [
      'obiettivo;indicatore;periodo;comune_istat;valore;numeratore;denominatore;nota',
      'I;2.1;2025-S1;;6;;;',
      'I;2.1;2025-S2;;sei;;;',
      'I;9.9;2025-S1;;1;;;',
      'I;2.1;2025-S1;999999;1;;;',
    ].join('\n');
    await assert.rejects(
      importMeasurements({ db: database.db, actor: staff, planId: plan2025, fileName: 'misure.csv', text: bad }),
      (e: unknown) =>
        e instanceof ValidationError &&
        JSON.stringify(e.issues.map((i) => [i.path, i.message])) ===
          JSON.stringify([
            ['misure.csv, riga 3, colonna valore', 'numero non valido: «sei» (scrivi ad esempio 12 o 1.234,5)'],
            ['misure.csv, riga 4, colonna indicatore', 'l’obiettivo «I» del piano non ha l’indicatore «9.9»'],
            ['misure.csv, riga 5, colonna comune_istat', 'il comune 999999 non fa parte dell’Ambito nel 2025'],
          ]),
    );
    assert.equal((await database.db.select().from(measurements)).length, before, 'nothing was written');
    const good = 'obiettivo,indicatore,periodo,comune_istat,valore,numeratore,denominatore,nota\nI,2.1,2025-S1,,6,,,\nI,2.1,2025-S2,,5,,,primo anno\n';
    const r = await importMeasurements({ db: database.db, actor: staff, planId: plan2025, fileName: 'misure.csv', text: good });
    assert.deepEqual([r.created, r.replaced], [2, 0]);
    const detail = (await getIndicatorMonitoring(database.db, await indicator('I', '2.1'), TODAY))!;
    assert.equal(reasonIt(detail.evaluations[0]!.reason), '2025: 11 > 10 → raggiunto');
  });

  test('action progress rolls up into the dashboard by area; what is due goes to the outbox once', async () => {
    const staff = actorWith('staff', { ambitoId });
    const [d] = await database.db
      .select()
      .from(planObjectives)
      .where(and(eq(planObjectives.planId, plan2025), eq(planObjectives.code, 'D')));
    const acts = await database.db.select().from(planActions).where(eq(planActions.objectiveId, d!.id)).orderBy(planActions.position);
    await updateActionProgress({
      db: database.db,
      actor: staff,
      actionId: acts[0]!.id,
      input: { version: String(acts[0]!.version), status: 'completed', realisationPercent: '100' },
    });
    await updateActionProgress({
      db: database.db,
      actor: staff,
      actionId: acts[1]!.id,
      input: { version: String(acts[1]!.version), status: 'in_progress', realisationPercent: '50' },
    });
    await assert.rejects(
      updateActionProgress({
        db: database.db,
        actor: staff,
        actionId: acts[2]!.id,
        input: { version: String(acts[2]!.version), status: 'completed', realisationPercent: '60' },
      }),
      ValidationError,
    );
    const dash = (await getPlanDashboard(database.db, plan2025, TODAY))!;
    const dRow = dash.objectives.find((o) => o.code === 'D')!;
    assert.equal(dRow.progress.value, 75);
    assert.equal(progressIt(dRow.progress), '(100 + 50)/2 = 75 % (senza dati: 3)');
    const lepsArea = dash.areas.find((a) => a.name === 'Obiettivi LEPS')!;
    assert.ok(lepsArea.counts.raggiunto >= 2 && lepsArea.counts.non_raggiunto >= 1);
    assert.ok(dash.measured.some((m) => m.code === '2.1' && m.objectiveCode === 'LEPS-PUA' && m.svg));

    const due = await listDue(database.db, plan2025, TODAY);
    // Every closed period without a value is overdue (before: only the last closed one, so 2025's semesters vanished).
    assert.deepEqual(
      due.periods,
      ['2025', '2025-S1', '2025-S2', '2026-S1'],
      'annual indicators are overdue for 2025, semiannual ones for every closed semester',
    );
    assert.deepEqual(due.toCollect.periods, ['2026', '2026-S2'], 'the periods under way are to be collected, not overdue');
    assert.ok(due.indicators > 250, `${due.indicators} indicators have overdue values`);
    assert.ok(
      !due.groups.flatMap((g) => g.items).some((i) => i.objectiveCode === 'LEPS-PUA' && i.code === '2.1' && i.period === '2026-S1'),
      'a measured period is not due',
    );
    const first = await sendDueReminders({ db: database.db, actor: staff, planId: plan2025, today: TODAY, baseUrl: 'https://cantiere.example' });
    assert.ok(first.written >= 2, 'coordinator and staff of the demo Ambito');
    const second = await sendDueReminders({ db: database.db, actor: staff, planId: plan2025, today: TODAY, baseUrl: 'https://cantiere.example' });
    assert.equal(second.written, 0);
    const mails = await database.db.select().from(outbox).where(eq(outbox.ambitoId, ambitoId));
    const reminder = mails.find((m) => m.topic.startsWith('monitoring-due:'))!;
    assert.match(reminder.subject, /^Monitoraggio del Piano di Zona 2025-2027 – Ambito Territoriale di Gallarate: \d+ misure da inserire$/);
    assert.match(reminder.body, /1° semestre 2026/);
  });

  test('on the first day of the plan nothing is overdue: every indicator is «da rilevare» for its first period', async () => {
    const dayOne = await listDue(database.db, plan2025, '2025-01-01');
    assert.equal(dayOne.total, 0);
    assert.deepEqual(dayOne.groups, []);
    const indicators = await database.db
      .select({ id: planIndicators.id })
      .from(planIndicators)
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .where(eq(planObjectives.planId, plan2025));
    const firstPeriod = await database.db
      .selectDistinct({ id: measurements.indicatorId })
      .from(measurements)
      .where(and(eq(measurements.planId, plan2025), inArray(measurements.period, ['2025', '2025-S1'])));
    assert.equal(dayOne.toCollect.total, indicators.length - firstPeriod.length, 'every indicator not yet measured for its first period');
    assert.deepEqual(dayOne.toCollect.periods, ['2025', '2025-S1']);
    // The day after the first semester closes, the semiannual indicators without a value are overdue; the annual ones are not yet.
    const july = await listDue(database.db, plan2025, '2025-07-01');
    assert.deepEqual(july.periods, ['2025-S1']);
    assert.ok(
      july.groups.every((g) => !g.named && g.responsible === 'Responsabile non indicato nel piano'),
      'the Gallarate plan names no responsible: said so, once',
    );
    assert.deepEqual(july.byObjective.map((g) => g.objectiveCode).slice(0, 2), ['1', '2']);
  });

  test('a plan with no measured figure shows n.d., not 0 %, for every objective and the plan (closed years without data included)', async () => {
    const plan = (await getPlanDashboard(database.db, plan2025, '2026-11-26'))!;
    // Objective L has yearly targets for 2025 (closed, no data: «dati mancanti») — before, its actions were at 0 %.
    const l = plan.objectives.find((o) => o.code === 'L')!;
    assert.ok(l.counts.dati_mancanti > 0);
    assert.equal(l.progress.value, null, 'objective L has no measured value: n.d.');
    assert.ok(
      l.actions.every((a) => a.realisation.value === null),
      l.actions.map((a) => realisationIt(a.realisation)).join(' | '),
    );
    assert.ok(
      l.actions.every((a) => /^n\.d\.: 0 di \d+ target valutat/.test(realisationIt(a.realisation))),
      l.actions.map((a) => realisationIt(a.realisation)).join(' | '),
    );
    assert.equal(l.counts.met.value, null, 'no target evaluated: the share met is n.d.');
  });

  test('a stock ("nuclei presi in carico", objective A 3.1) is its last value of the year in the target check and the chart, not the sum', async () => {
    const staff = actorWith('staff', { ambitoId });
    const a31 = await indicator('A', '3.1');
    for (const [period, value] of [
      ['2025-S1', '12'],
      ['2025-S2', '14'],
    ] as const) {
      await saveMeasurement({ db: database.db, actor: staff, indicatorId: a31, input: { period, value }, today: '2026-02-01' });
    }
    const d = (await getIndicatorMonitoring(database.db, a31, '2026-02-01'))!;
    assert.equal(d.yearlyRule.aggregation, 'stock');
    assert.equal(d.yearly.find((y) => y.year === 2025)!.actual, 14, 'not 26');
    // "Almeno 20 nuclei" over the triennium: as a flow 12 + 14 = 26 would be «raggiunto»; as a stock it is 14, in progress.
    assert.equal(d.evaluations[0]!.status, 'in_corso');
    assert.match(reasonIt(d.evaluations[0]!.reason), /2025: 14 < 20/);
  });

  test('carry-over: links the continuity in the next plan or creates the objective with the chosen actions', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const e = (await getPlanEvaluation(database.db, plan2021))!;
    const m = e.objectives.find((o) => o.code === 'M')!;
    const next = await database.db.select().from(planObjectives).where(eq(planObjectives.planId, plan2025));
    // 2025-2027 objective M already continues M; objective 3 continues nothing.
    const three = next.find((o) => o.code === '3')!;
    await assert.rejects(
      carryOverObjective({
        db: database.db,
        actor: coordinator,
        objectiveId: m.id,
        input: { mode: 'link', targetObjectiveId: next.find((o) => o.code === 'D')!.id },
      }),
      (err: unknown) => err instanceof ValidationError && err.issues[0]!.message === 'L’obiettivo D continua già l’obiettivo D del piano precedente.',
    );
    // The 2025-2027 plan is adopted: both carry-overs are proposals of its draft variation; the plan is unchanged.
    const linked = await carryOverObjective({ db: database.db, actor: coordinator, objectiveId: m.id, input: { mode: 'link', targetObjectiveId: three.id } });
    assert.equal(linked.proposed, true);
    const created = await carryOverObjective({
      db: database.db,
      actor: coordinator,
      objectiveId: m.id,
      input: { mode: 'new', code: 'S', copyTitle: 'on', copyMacroArea: 'on', copyCriticalIssues: 'on', actionIds: [m.actions[0]!.id, m.actions[1]!.id] },
    });
    assert.equal(created.proposed, true);
    assert.equal(created.objective, null);
    const unchanged = await database.db.select().from(planObjectives).where(eq(planObjectives.planId, plan2025));
    assert.equal(unchanged.length, next.length, 'no objective is added to the adopted plan before approval');
    assert.equal((unchanged.find((o) => o.code === '3')!.links as { continuesObjective: string | null }).continuesObjective, null);
    const p2025 = (await listPlans(database.db, ambitoId)).find((p) => p.id === plan2025)!;
    const draft = (await listVariations(database.db, plan2025, getTemplate(p2025.templateId))).find((v) => v.status === 'draft')!;
    assert.deepEqual(
      draft.items.map((i) => [i.objectiveCode, i.what]),
      [
        ['3', 'collegamenti'],
        ['S', 'nuovo obiettivo riportato dall’obiettivo M del piano precedente'],
      ],
    );
    assert.equal(draft.minor, false, 'a new objective needs the deliberation of the mayors');
    // Approved by a deliberation of the Assemblea dei Sindaci: now the plan has both.
    const [body] = await database.db
      .select()
      .from(bodies)
      .where(and(eq(bodies.ambitoId, ambitoId), eq(bodies.type, 'assemblea_sindaci')));
    const members = await database.db.select().from(bodyMembers).where(eq(bodyMembers.bodyId, body!.id));
    const [yes] = await database.db
      .insert(decisions)
      .values({
        bodyId: body!.id,
        ambitoId,
        number: 'R-1/2026',
        date: '2026-03-30',
        subject: 'Variazione del Piano di Zona 2025-2027: obiettivi riportati',
        votingRule: { type: 'majority_present' },
      })
      .returning();
    await database.db
      .insert(decisionVotes)
      .values(members.map((mb, i) => ({ decisionId: yes!.id, memberId: mb.id, label: `componente ${i + 1}`, attendance: 'present', vote: 'for' })));
    await decideVariation({
      db: database.db,
      actor: coordinator,
      planId: plan2025,
      variationId: draft.id,
      input: { version: draft.version, decision: 'approve', adoptionDecisionId: yes!.id },
    });
    const after = await database.db.select().from(planObjectives).where(eq(planObjectives.planId, plan2025));
    assert.equal((after.find((o) => o.code === '3')!.links as { continuesObjective: string }).continuesObjective, 'M');
    const s = after.find((o) => o.code === 'S')!;
    assert.equal(s.title, 'Sostegno ai caregiver');
    assert.equal((s.links as { continuesObjective: string }).continuesObjective, 'M');
    const newActions = await database.db.select().from(planActions).where(eq(planActions.objectiveId, s.id)).orderBy(planActions.position);
    assert.deepEqual(
      newActions.map((a) => [a.number, a.status]),
      [
        ['1', 'planned'],
        ['2', 'planned'],
      ],
    );
    assert.equal(newActions[0]!.description, m.actions[0]!.description);
    await assert.rejects(
      carryOverObjective({ db: database.db, actor: actorWith('mayor', { ambitoId }), objectiveId: m.id, input: { mode: 'new', code: 'T', copyTitle: 'on' } }),
      ForbiddenError,
    );
  });
});
