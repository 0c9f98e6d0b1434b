// The comune referent (issue 10): enters its own comune's values of the indicators measured per comune and its
// comune's social workers, is refused for another comune or the Ambito, and reads what the Ufficio di Piano is
// waiting for from its comune. Demo data: Ambito di Gallarate, referent of Samarate (ISTAT 012118).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ForbiddenError } from '../../app/shared/errors.ts';
import { addSocialWorkerPost, deleteSocialWorkerPost } from '../../app/modules/leps/leps.commands.ts';
import { saveMeasurement } from '../../app/modules/monitoring/monitoring.commands.ts';
import { listPlans } from '../../app/modules/planning/planning.queries.ts';
import { planIndicators, planObjectives } from '../../app/modules/planning/planning.schema.ts';
import { getComuneTodo } from '../../app/modules/territory/comune-todo.server.ts';
import { listAmbitoComuni } from '../../app/modules/territory/territory.queries.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const TODAY = '2026-12-04';

describe('comune referent: own comune only, and its to-do', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambito: { id: string; code: string };
  let samarate: { id: string; name: string };
  let gallarate: { id: string; name: string };
  let indicatorId: string;
  let referent: ReturnType<typeof actorWith>;
  let staff: ReturnType<typeof actorWith>;
  const refusedWith = (pattern: RegExp) => (e: unknown) => {
    assert.ok(e instanceof ForbiddenError, String(e));
    assert.match(e.message, pattern);
    return true;
  };

  before(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    ambito = demo.gallarate;
    const comuni = await listAmbitoComuni(database.db, ambito.id, TODAY);
    samarate = comuni.find((c) => c.istatCode === '012118')!;
    gallarate = comuni.find((c) => c.name === 'Gallarate')!;
    const plan = (await listPlans(database.db, ambito.id)).find((p) => p.periodStartYear === 2025)!;
    // Objective D, indicator 1.3: «n. di persone/nuclei familiari presi in carico dai servizi SAD-SADH», semiannual.
    const [row] = await database.db
      .select({ id: planIndicators.id })
      .from(planIndicators)
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .where(and(eq(planObjectives.planId, plan.id), eq(planObjectives.code, 'D'), eq(planIndicators.code, '1.3')));
    indicatorId = row!.id;
    referent = actorWith('comune_referent', { ambitoId: ambito.id, comuneId: samarate.id });
    staff = actorWith('staff', { ambitoId: ambito.id });
  });
  after(() => database.close());

  test('an indicator not yet measured per comune: the referent is refused and told why', async () => {
    await assert.rejects(
      saveMeasurement({ db: database.db, actor: referent, indicatorId, input: { period: '2026-S1', comuneId: samarate.id, value: '7' } }),
      refusedWith(/non è rilevato per comune/),
    );
  });

  test('once the Ufficio di Piano measures it per comune, the referent enters Samarate’s value (audited) and nobody else’s', async () => {
    await saveMeasurement({ db: database.db, actor: staff, indicatorId, input: { period: '2026-S1', comuneId: gallarate.id, value: '12' } });
    const saved = await saveMeasurement({ db: database.db, actor: referent, indicatorId, input: { period: '2026-S1', comuneId: samarate.id, value: '7' } });
    assert.equal(saved.comuneId, samarate.id);
    assert.equal(saved.valueNumber, 7);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, saved.id), eq(auditLog.action, 'monitoring.measurement.created')));
    assert.match(entry!.actorLabel, /comune_referent/);
    await assert.rejects(
      saveMeasurement({ db: database.db, actor: referent, indicatorId, input: { period: '2026-S2', comuneId: gallarate.id, value: '3' } }),
      refusedWith(/solo i valori del tuo comune, non quelli di Gallarate/),
    );
    await assert.rejects(
      saveMeasurement({ db: database.db, actor: referent, indicatorId, input: { period: '2026-S2', value: '3' } }),
      refusedWith(/non quelli dell’intero Ambito/),
    );
  });

  test('the to-do lists the closed periods without Samarate’s value, the open one, the missing social workers and spending', async () => {
    const todo = await getComuneTodo(database.db, ambito, samarate, TODAY);
    const label = (d: { objectiveCode: string; code: string; period: string }) => `${d.objectiveCode} ${d.code} ${d.period}`;
    assert.deepEqual(todo.closed.map(label), ['D 1.3 2025-S1', 'D 1.3 2025-S2']);
    assert.deepEqual(todo.open.map(label), ['D 1.3 2026-S2']);
    assert.equal(todo.closed[0]!.href, `/ambiti/gallarate/monitoraggio/${todo.closed[0]!.planId}/indicatori/${indicatorId}#inserisci`);
    assert.deepEqual(todo.staff, { year: 2026, posts: 0, fte: 0, missing: true, href: '/ambiti/gallarate/leps/assistenti-sociali?anno=2026#nuovo' });
    // The demo spending is of 2022: 2025's is missing.
    assert.deepEqual(todo.spending, { year: 2025, missing: true, href: '/ambiti/gallarate/risorse/importa' });
    assert.equal(todo.count, 5);
    // Gallarate has its 2026-S1 value: its to-do does not list it.
    const other = await getComuneTodo(database.db, ambito, gallarate, TODAY);
    assert.deepEqual(other.closed.map(label), ['D 1.3 2025-S1', 'D 1.3 2025-S2']);
  });

  test('the referent records Samarate’s social workers; another comune’s or the Ambito’s are refused', async () => {
    const input = {
      code: 'AS-SAM-1',
      employerKind: 'comune',
      employerName: 'Comune di Samarate',
      contract: 'tempo_indeterminato',
      fte: '1',
      validFrom: '2024-03-01',
      fundingSources: [],
    };
    const post = await addSocialWorkerPost({ db: database.db, actor: referent, ambitoId: ambito.id, input: { ...input, comuneId: samarate.id } });
    await addSocialWorkerPost({
      db: database.db,
      actor: referent,
      ambitoId: ambito.id,
      input: { ...input, code: 'AS-SAM-2', weeklyHours: '25,7', fte: '', comuneId: samarate.id },
    });
    assert.equal(post.comuneId, samarate.id);
    await assert.rejects(
      addSocialWorkerPost({ db: database.db, actor: referent, ambitoId: ambito.id, input: { ...input, code: 'AS-GAL-1', comuneId: gallarate.id } }),
      refusedWith(/solo gli assistenti sociali del tuo comune/),
    );
    await assert.rejects(
      addSocialWorkerPost({ db: database.db, actor: referent, ambitoId: ambito.id, input: { ...input, code: 'AS-AMB-1' } }),
      refusedWith(/intero Ambito/),
    );
    const theirs = await addSocialWorkerPost({
      db: database.db,
      actor: staff,
      ambitoId: ambito.id,
      input: { ...input, code: 'AS-GAL-2', comuneId: gallarate.id },
    });
    await assert.rejects(
      deleteSocialWorkerPost({ db: database.db, actor: referent, postId: theirs.id, input: { version: String(theirs.version) } }),
      ForbiddenError,
    );
    const todo = await getComuneTodo(database.db, ambito, samarate, TODAY);
    assert.deepEqual({ missing: todo.staff.missing, posts: todo.staff.posts, fte: todo.staff.fte }, { missing: false, posts: 2, fte: 1.7139 });
    assert.equal(todo.count, 4);
  });
});
