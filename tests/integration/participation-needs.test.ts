import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, inArray, like } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../app/shared/errors.ts';
import { fromRoot } from '../../app/shared/paths.ts';
import { createMeeting } from '../../app/modules/governance/governance.commands.ts';
import { bodies, organisations } from '../../app/modules/governance/governance.schema.ts';
import { saveMeasurement } from '../../app/modules/monitoring/monitoring.commands.ts';
import { listLatestMeasurements } from '../../app/modules/monitoring/monitoring.queries.ts';
import { listPlans } from '../../app/modules/planning/planning.queries.ts';
import { planIndicators, planObjectives } from '../../app/modules/planning/planning.schema.ts';
import {
  linkNeedObjective,
  mergeNeeds,
  recordNeed,
  submitNeed,
  unlinkNeedObjective,
  updateNeed,
} from '../../app/modules/participation/participation.needs.commands.ts';
import { importNeeds } from '../../app/modules/participation/participation.needs.import.ts';
import { getNeed, listNeeds } from '../../app/modules/participation/participation.needs.queries.ts';
import { needObjectives, needs, thematicTables } from '../../app/modules/participation/participation.schema.ts';
import { needTrail, objectiveTrail } from '../../app/modules/participation/participation.trail.queries.ts';
import { needsStep } from '../../app/modules/participation/participation.needs.demo.ts';
import { demoContext } from '../../app/shared/demo/load-demo.ts';
import { systemActor } from '../../app/shared/auth/actor.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const TODAY = '2026-11-26';
const FIXTURE = fromRoot('fixtures/demo/gallarate/partecipazione/bisogni-2025-2027.csv');

describe(`participation: needs register (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let plan2025: string;
  let orgA: string;
  let orgB: string;
  let anziani: { id: string; bodyId: string };
  let puaObjective: string;
  let puaIndicator: string;
  const db = () => database.db;
  const coordinator = () => actorWith('coordinator', { ambitoId });
  const member = (organisationId: string) => actorWith('third_sector', { ambitoId, organisationId });
  const ctx = (actor = coordinator()) => ({ db: db(), actor, ambitoId });
  const needCount = async () => (await db().select({ n: count() }).from(needs).where(eq(needs.ambitoId, ambitoId)))[0]!.n;

  before(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    ambitoId = demo.gallarate.id;
    plan2025 = (await listPlans(db(), ambitoId)).find((p) => p.periodStartYear === 2025)!.id;
    const orgs = await db()
      .select()
      .from(organisations)
      .where(and(eq(organisations.ambitoId, ambitoId), eq(organisations.kind, 'ets')));
    const all = orgs.length >= 2 ? orgs : await db().select().from(organisations).where(eq(organisations.ambitoId, ambitoId));
    orgA = all[0]!.id;
    orgB = all[1]!.id;
    // The four thematic tables of 2025-2027 on their governance bodies (the tables part creates them in the demo).
    const tavoli = await db()
      .select()
      .from(bodies)
      .where(and(eq(bodies.ambitoId, ambitoId), like(bodies.name, 'Tavolo Tematico%')));
    assert.equal(tavoli.length, 4);
    for (const b of tavoli) {
      // The demo's tables step has attached a table to each body; a database without it gets one here.
      const [existing] = await db().select().from(thematicTables).where(eq(thematicTables.bodyId, b.id));
      const [t] = existing
        ? [existing]
        : await db()
            .insert(thematicTables)
            .values({ ambitoId, planId: plan2025, periodStartYear: 2025, periodEndYear: 2027, kind: 'tavolo_tematico', name: b.name, bodyId: b.id })
            .returning();
      if (b.name === 'Tavolo Tematico Anziani') anziani = { id: t!.id, bodyId: b.id };
    }
    // The first session of the tables (seed 002, L3535): only the Anziani table's is recorded here.
    await createMeeting({
      db: db(),
      actor: coordinator(),
      ambitoId,
      bodyId: anziani.bodyId,
      input: { title: 'Prima sessione del Tavolo Anziani', date: '2024-10-09', startTime: '09:30', endTime: '12:30', place: 'Gallarate' },
    });
    const [pua] = await db()
      .select({ objectiveId: planObjectives.id, indicatorId: planIndicators.id })
      .from(planIndicators)
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .where(and(eq(planObjectives.planId, plan2025), eq(planObjectives.code, 'LEPS-PUA'), eq(planIndicators.code, '2.1')));
    puaObjective = pua!.objectiveId;
    puaIndicator = pua!.indicatorId;
  });
  after(() => database.close());

  test('the demo step imports every need of §4.2.3 by table and category and the 8 questionnaire dimensions; a second run adds nothing', async () => {
    await needsStep.run(demoContext(db()));
    const list = await listNeeds(db(), ambitoId);
    assert.equal(list.length, 72);
    assert.equal(list.filter((n) => n.sourceKind === 'incontro').length, 64);
    assert.equal(list.filter((n) => n.sourceKind === 'questionario').length, 8);
    const perTable = Object.fromEntries(
      ['Anziani', 'Persone con disabilità', 'Minori e Famiglie', 'Povertà Integrazione e Multietnicità, Salute Mentale, Prevenzione Dipendenze'].map((t) => [
        t,
        list.filter((n) => n.tableName === `Tavolo Tematico ${t}`).length,
      ]),
    );
    assert.deepEqual(perTable, {
      Anziani: 11,
      'Persone con disabilità': 21,
      'Minori e Famiglie': 10,
      'Povertà Integrazione e Multietnicità, Salute Mentale, Prevenzione Dipendenze': 22,
    });
    const relazionale = list.find((n) => n.statement === 'Bisogno relazionale')!;
    assert.equal(relazionale.category, 'A. PREVENZIONE DELL’ISOLAMENTO DEGLI ANZIANI SOLI E/O CON PATOLOGIE');
    assert.equal(relazionale.meetingDate, '2024-10-09', 'the Anziani need points to the recorded session');
    assert.equal(list.find((n) => n.statement === 'Formazione badanti')!.meetingId !== null, true);
    // The demo records the 9 October 2024 session of every Tavolo Tematico: the Povertà table's needs point to it too.
    assert.equal(list.find((n) => n.statement === 'Interventi mirati alle famiglie migranti.')!.meetingDate, '2024-10-09');
    assert.equal(list.filter((n) => n.objectives.length > 0).length, 0, 'the plan links no need explicitly');
    const again = await importNeeds(ctx(systemActor('test')), { fileName: 'bisogni-2025-2027.csv', text: readFileSync(FIXTURE, 'utf8'), planId: plan2025 });
    assert.deepEqual(again, { fileName: 'bisogni-2025-2027.csv', created: 0, skipped: 72, links: 0 });
    assert.equal(await needCount(), 72);
  });

  test('a bad CSV is refused whole, each problem by file, row and column; nothing is written', async () => {
    const before = await needCount();
    const text = [
      'tavolo;categoria;bisogno;destinatari;area;comuni;fonte;data_incontro;nota_fonte;evidenze;priorita;obiettivi',
      'Tavolo Tematico Anziani;Z. NUOVA;Un bisogno nuovo e valido;;;;incontro;;;;alta;',
      'Tavolo inesistente;A.;Un altro bisogno;;;Gallarate|Atlantide;sondaggio;9/10/2024;;;altissima;',
      ';;Un bisogno con un obiettivo;;;;comune;;;;;ZZ',
    ].join('\n');
    await assert.rejects(importNeeds(ctx(), { fileName: 'bisogni.csv', text, planId: plan2025 }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(
        e.issues.map((i) => i.path),
        [
          'bisogni.csv, riga 3, colonna fonte',
          'bisogni.csv, riga 3, colonna data_incontro',
          'bisogni.csv, riga 3, colonna priorita',
          'bisogni.csv, riga 4, colonna obiettivi',
        ],
      );
      return true;
    });
    await assert.rejects(
      importNeeds(ctx(), {
        fileName: 'bisogni.csv',
        text: text.split('\n').slice(0, 2).join('\n').replace('Tavolo Tematico Anziani', 'Tavolo inesistente'),
        planId: plan2025,
      }),
      (e: unknown) =>
        e instanceof ValidationError && e.issues[0]!.path === 'bisogni.csv, riga 2, colonna tavolo' && /Tavolo inesistente/.test(e.issues[0]!.message),
    );
    await assert.rejects(
      importNeeds(ctx(), { fileName: 'b.csv', text: 'bisogno;fonte\nx;incontro' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'b.csv, riga 1',
    );
    assert.equal(await needCount(), before);
  });

  test('the Ufficio di Piano records and edits a need, versioned and audited; a stale form is a conflict', async () => {
    const need = await recordNeed(ctx(), {
      statement: 'Mancano posti di sollievo per i caregiver familiari',
      targetGroup: 'Caregiver familiari',
      policyArea: 'Anziani',
      sourceKind: 'dati_servizi',
      priority: 'alta',
      tableId: anziani.id,
      category: 'B. ACCOMPAGNAMENTO DELL’ANZIANO NELLE ATTIVITÀ DI VITA QUOTIDIANA',
      evidence: 'Lista d’attesa del servizio',
    });
    assert.equal(need.version, 1);
    const edited = await updateNeed(ctx(), need.id, { ...need, version: '1', priority: 'media', comuneIds: [] });
    assert.equal(edited.version, 2);
    assert.equal(edited.priority, 'media');
    await assert.rejects(updateNeed(ctx(), need.id, { ...need, version: '1', priority: 'bassa' }), ConflictError);
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, need.id));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['need.record', 'need.update']);
  });

  test('bad input names the field and writes nothing', async () => {
    const before = await needCount();
    await assert.rejects(
      recordNeed(ctx(), { statement: '', sourceKind: 'incontro' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'statement',
    );
    await assert.rejects(
      recordNeed(ctx(), { statement: 'Un bisogno', sourceKind: 'sondaggio' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'sourceKind',
    );
    await assert.rejects(
      recordNeed(ctx(), { statement: 'Un bisogno', sourceKind: 'comune', comuneIds: ['00000000-0000-4000-8000-000000000000'] }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'comuneIds',
    );
    await assert.rejects(
      recordNeed(ctx(), { statement: 'Un bisogno', sourceKind: 'comune', tableId: '00000000-0000-4000-8000-000000000000' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'tableId',
    );
    assert.equal(await needCount(), before);
  });

  test('a third-sector member brings a need for its own organisation only; comune referent, reviewer and mayor are refused', async () => {
    const before = await needCount();
    const brought = await submitNeed(ctx(member(orgA)), { organisationId: orgA, statement: 'Servono più volontari per il trasporto', priority: 'alta' });
    assert.equal(brought.organisationId, orgA);
    assert.equal(brought.sourceKind, 'organizzazione');
    assert.equal(brought.priority, null, 'the Ufficio di Piano weighs the priority');
    await assert.rejects(submitNeed(ctx(member(orgA)), { organisationId: orgB, statement: 'Per un’altra organizzazione' }), ForbiddenError);
    await assert.rejects(recordNeed(ctx(member(orgA)), { statement: 'Registrato da un membro', sourceKind: 'incontro' }), ForbiddenError);
    for (const role of ['comune_referent', 'regional_reviewer', 'mayor'] as const) {
      const actor = actorWith(role, { ambitoId, regionCode: '03' });
      await assert.rejects(recordNeed(ctx(actor), { statement: 'Un bisogno', sourceKind: 'incontro' }), ForbiddenError, role);
      await assert.rejects(submitNeed(ctx(actor), { organisationId: orgA, statement: 'Un bisogno' }), ForbiddenError, role);
      await assert.rejects(linkNeedObjective(ctx(actor), brought.id, { objectiveId: puaObjective }), ForbiddenError, role);
    }
    assert.equal(await needCount(), before + 1);
  });

  test('merging B into A keeps both histories: B readable with its note, its links moved to A (union), both in the audit log', async () => {
    const a = await recordNeed(ctx(), { statement: 'Trasporto protetto insufficiente', sourceKind: 'incontro', tableId: anziani.id });
    const b = await recordNeed(ctx(), { statement: 'Pochi trasporti protetti disponibili', sourceKind: 'comune' });
    const objectives = await db().select({ id: planObjectives.id }).from(planObjectives).where(eq(planObjectives.planId, plan2025)).limit(3);
    const [o1, o2, o3] = objectives.map((o) => o.id) as [string, string, string];
    await linkNeedObjective(ctx(), a.id, { objectiveId: o1 });
    await linkNeedObjective(ctx(), b.id, { objectiveId: o1 });
    await linkNeedObjective(ctx(), b.id, { objectiveId: o2 });
    await assert.rejects(
      linkNeedObjective(ctx(), b.id, { objectiveId: o2 }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'objectiveId',
    );
    await assert.rejects(mergeNeeds(ctx(), a.id, { fromId: b.id, version: '9' }), ConflictError);
    await assert.rejects(
      mergeNeeds(ctx(), a.id, { fromId: a.id, version: '1' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'fromId',
    );
    const merged = await mergeNeeds(ctx(), a.id, { fromId: b.id, version: String(b.version) });
    assert.equal(merged.mergedIntoId, a.id);
    const links = await db()
      .select()
      .from(needObjectives)
      .where(inArray(needObjectives.needId, [a.id, b.id]));
    assert.deepEqual(
      links.map((l) => [l.needId, l.objectiveId]).sort(),
      [
        [a.id, o1],
        [a.id, o2],
      ].sort(),
    );
    const readB = (await getNeed(db(), ambitoId, b.id))!;
    assert.equal(readB.statement, 'Pochi trasporti protetti disponibili');
    assert.deepEqual(readB.mergedInto, { id: a.id, statement: 'Trasporto protetto insufficiente' });
    const readA = (await getNeed(db(), ambitoId, a.id))!;
    assert.deepEqual(
      readA.mergedFrom.map((m) => m.id),
      [b.id],
    );
    const auditB = (await db().select().from(auditLog).where(eq(auditLog.entityId, b.id))).map((x) => x.action).sort();
    const auditA = (await db().select().from(auditLog).where(eq(auditLog.entityId, a.id))).map((x) => x.action).sort();
    assert.deepEqual(auditB, ['need.link', 'need.link', 'need.merge', 'need.record']);
    assert.deepEqual(auditA, ['need.link', 'need.merge.received', 'need.record']);
    await assert.rejects(
      mergeNeeds(ctx(), b.id, { fromId: a.id, version: '1' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'fromId',
    );
    await assert.rejects(linkNeedObjective(ctx(), b.id, { objectiveId: o3 }), ValidationError);
    assert.equal((await listNeeds(db(), ambitoId)).find((n) => n.id === b.id)!.mergedIntoId, a.id);
    await unlinkNeedObjective(ctx(), a.id, { objectiveId: o2 });
    await assert.rejects(unlinkNeedObjective(ctx(), a.id, { objectiveId: o2 }), ValidationError);
    await assert.rejects(getNeedOrThrow('00000000-0000-4000-8000-000000000000'), NotFoundError);
  });

  async function getNeedOrThrow(id: string) {
    return updateNeed(ctx(), id, { statement: 'x y z', sourceKind: 'incontro', version: '1' });
  }

  test('the trail: from a need, its objective, the indicator’s latest measured value and target status; from the objective, the needs and who brought them', async () => {
    const need = await submitNeed(ctx(member(orgA)), { organisationId: orgA, statement: 'Accesso unico ai servizi sociali e sanitari' });
    await linkNeedObjective(ctx(), need.id, { objectiveId: puaObjective });
    const staff = actorWith('staff', { ambitoId });
    await saveMeasurement({ db: db(), actor: staff, indicatorId: puaIndicator, input: { period: '2025-S1', numerator: '12', denominator: '25' } });
    await saveMeasurement({ db: db(), actor: staff, indicatorId: puaIndicator, input: { period: '2025-S2', numerator: '12', denominator: '25' } });
    const trail = await needTrail(db(), need.id, TODAY);
    assert.equal(trail.length, 1);
    assert.equal(trail[0]!.id, puaObjective);
    const indicator = trail[0]!.indicators.find((i) => i.id === puaIndicator)!;
    const [latest] = await listLatestMeasurements(db(), [puaIndicator], TODAY);
    assert.equal(indicator.period, '2025-S2');
    assert.equal(indicator.period, latest!.period);
    assert.equal(indicator.value, latest!.display);
    assert.equal(indicator.targetStatus, 'non_raggiunto', '48 % < 50 % in 2025');
    const back = await objectiveTrail(db(), ambitoId, puaObjective);
    assert.deepEqual(
      back.needs.map((n) => n.statement),
      ['Accesso unico ai servizi sociali e sanitari'],
    );
    const [org] = await db().select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgA));
    assert.deepEqual(
      back.organisations.map((o) => o.name),
      [org!.name],
    );
  });
});
