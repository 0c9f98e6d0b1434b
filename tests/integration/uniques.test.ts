// Business keys under concurrency (issue 16): the same request sent 20 times at once stores one record, and every other
// one is refused with the application's error (the command's own check, 400, or the unique index behind it, 409) —
// never a raw database error, which the pages would answer with a 500. On PostgreSQL the requests really run at once
// (a pool of 5 connections); PGlite has one connection and runs them one after the other, where the checks alone
// suffice: the assertions are the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { addMember, createAgreement, createBody, createPerson } from '../../app/modules/governance/governance.commands.ts';
import { agreements, bodyMembers } from '../../app/modules/governance/governance.schema.ts';
import { addSocialWorkerPost } from '../../app/modules/leps/leps.commands.ts';
import { socialWorkerPosts } from '../../app/modules/leps/leps.schema.ts';
import { createTable } from '../../app/modules/participation/participation.tables.commands.ts';
import { thematicTables } from '../../app/modules/participation/participation.schema.ts';
import { addAction, createObjective, createPlan } from '../../app/modules/planning/planning.commands.ts';
import { planActions } from '../../app/modules/planning/planning.schema.ts';
import { ambitoComuni, ambiti, comuni, regions } from '../../app/modules/territory/territory.schema.ts';
// Every table, so that every module's constraint messages are registered (as the application's registry does).
import '../../app/modules/schema.ts';
import { DuplicateError, ReferenceConflictError, registeredConstraints } from '../../app/shared/db/errors.ts';
import { AppError, ValidationError } from '../../app/shared/errors.ts';
import { formFailure } from '../../app/shared/http/request.server.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith } from '../support/fixtures.ts';

const TIMES = 20;

/** Runs `run` TIMES at once; the outcomes in order. */
const atOnce = <T>(run: (i: number) => Promise<T>, times = TIMES) => Promise.allSettled(Array.from({ length: times }, (_, i) => run(i)));

/** The refusals of a race: each must be the application's error, with the status and field expected. */
function refusals(outcomes: PromiseSettledResult<unknown>[], expected: { field: string; constraint: string }) {
  const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as unknown);
  for (const e of refused) {
    assert.ok(e instanceof AppError, `errore dell’applicazione atteso, non ${String(e)}`);
    if (e instanceof DuplicateError) {
      // The unique index answered (two requests passed the check at once): 409 with the module's message.
      assert.equal(e.status, 409);
      assert.equal(e.code, 'conflict.duplicate');
      assert.equal(e.constraint, expected.constraint);
      assert.equal(e.field, expected.field);
      assert.doesNotMatch(e.message, /duplicate key|violates|\{/);
    } else {
      // The command's own check answered (the first request had committed): 400 on the field.
      assert.ok(e instanceof ValidationError, `ValidationError o DuplicateError attesi, non ${e.name}`);
      assert.equal(e.issues[0]?.path, expected.field);
    }
  }
  return refused;
}

describe(`business keys under concurrency (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  const db = () => database.db;
  const admin = actorWith('admin');
  let coordinator: ReturnType<typeof actorWith>;

  before(async () => {
    database = await createTestDatabase();
    // A small Ambito of its own: one Region, two comuni.
    await db().insert(regions).values({ code: '03', name: 'Lombardia' });
    const made = await db()
      .insert(comuni)
      .values([
        { istatCode: '999001', name: 'Comune Uno', regionCode: '03', provinceCode: '999', provinceName: 'Prova' },
        { istatCode: '999002', name: 'Comune Due', regionCode: '03', provinceCode: '999', provinceName: 'Prova' },
      ])
      .returning({ id: comuni.id });
    const [ambito] = await db().insert(ambiti).values({ code: 'prova-uniques', name: 'Ambito di prova', regionCode: '03' }).returning({ id: ambiti.id });
    ambitoId = ambito!.id;
    await db()
      .insert(ambitoComuni)
      .values(made.map((c, i) => ({ ambitoId, comuneId: c.id, isCapofila: i === 0, validFrom: '2020-01-01' })));
    coordinator = actorWith('coordinator', { ambitoId });
  });
  after(() => database.close());

  test(`${TIMES} «add social worker» at once with the same code and period store one row (its FTE counted once)`, async () => {
    const input = {
      code: 'AS-RACE',
      employerKind: 'comune',
      employerName: 'Comune Uno',
      contract: 'tempo_indeterminato',
      fte: '1',
      validFrom: '2025-01-01',
    };
    const outcomes = await atOnce(() => addSocialWorkerPost({ db: db(), actor: admin, ambitoId, input }));
    const rows = await db()
      .select({ fte: socialWorkerPosts.fte })
      .from(socialWorkerPosts)
      .where(and(eq(socialWorkerPosts.ambitoId, ambitoId), eq(socialWorkerPosts.code, 'AS-RACE')));
    assert.equal(rows.length, 1);
    assert.equal(refusals(outcomes, { field: 'validFrom', constraint: 'social_worker_posts_code_from_unique' }).length, TIMES - 1);

    // Overlapping periods of one code are not a unique key: the lock serialises them, the check refuses all but one.
    const overlapping = await atOnce((i) =>
      addSocialWorkerPost({
        db: db(),
        actor: admin,
        ambitoId,
        input: { ...input, code: 'AS-OVERLAP', validFrom: `2025-${String((i % 12) + 1).padStart(2, '0')}-01` },
      }),
    );
    const stored = await db().select().from(socialWorkerPosts).where(eq(socialWorkerPosts.code, 'AS-OVERLAP'));
    assert.equal(stored.length, 1, 'periodi sovrapposti dello stesso codice');
    assert.equal(refusals(overlapping, { field: 'validFrom', constraint: 'social_worker_posts_code_from_unique' }).length, TIMES - 1);
  });

  test(`${TIMES} «add member» at once of the same person store one membership`, async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    const person = await createPerson({ ...ctx, input: { fullName: 'Sindaca del Comune Uno' } });
    // With a start date, and without (a member «pro tempore»: an unknown start counts as one date).
    for (const validFrom of ['2025-01-01', '']) {
      const body = await createBody({
        ...ctx,
        input: { name: `Assemblea dei Sindaci ${validFrom || 'pro tempore'}`, type: 'assemblea_sindaci', kind: 'politico' },
      });
      const outcomes = await atOnce(() => addMember({ ...ctx, bodyId: body.id, input: { personId: person.id, position: 'componente', validFrom } }));
      const rows = await db().select().from(bodyMembers).where(eq(bodyMembers.bodyId, body.id));
      assert.equal(rows.length, 1);
      assert.equal(refusals(outcomes, { field: 'personId', constraint: 'governance_body_members_person_from_unique' }).length, TIMES - 1);
    }
  });

  test(`${TIMES} Accordi di programma at once for the same period store one`, async () => {
    const input = { title: 'Accordo di programma 2025-2027', periodStartYear: '2025', periodEndYear: '2027', validFrom: '2025-01-01', validTo: '2027-12-31' };
    const outcomes = await atOnce(() => createAgreement({ db: db(), actor: coordinator, ambitoId, input }));
    const rows = await db().select({ id: agreements.id }).from(agreements).where(eq(agreements.ambitoId, ambitoId));
    assert.equal(rows.length, 1);
    assert.equal(refusals(outcomes, { field: 'periodStartYear', constraint: 'agreements_ambito_period_unique' }).length, TIMES - 1);
  });

  test(`${TIMES} thematic tables at once with the same name (spaces and case aside) store one`, async () => {
    const outcomes = await atOnce((i) =>
      createTable({
        db: db(),
        actor: coordinator,
        ambitoId,
        input: { kind: 'tavolo_tematico', name: i % 2 ? 'Tavolo anziani' : ' TAVOLO ANZIANI ', periodStartYear: '2025', periodEndYear: '2027' },
      }),
    );
    const rows = await db().select({ id: thematicTables.id }).from(thematicTables).where(eq(thematicTables.ambitoId, ambitoId));
    assert.equal(rows.length, 1);
    assert.equal(refusals(outcomes, { field: 'name', constraint: 'participation_tables_name_unique' }).length, TIMES - 1);
  });

  test('actions added at once to one objective are all stored, numbered one after the other', async () => {
    const plan = await createPlan({
      db: db(),
      actor: coordinator,
      ambitoId,
      input: { title: 'Piano di Zona di prova', periodStartYear: '2025', periodEndYear: '2027', templateId: 'lombardia-dgr-xii-2167-2024' },
    });
    const objective = (await createObjective({ db: db(), actor: coordinator, planId: plan.id, input: { code: 'A', title: 'Domiciliarità' } }))!;
    const outcomes = await atOnce((i) => addAction({ db: db(), actor: coordinator, objectiveId: objective.id, input: { description: `Azione ${i + 1}` } }), 10);
    assert.deepEqual(
      outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason).split('\n')[0]),
      [],
    );
    const numbers = (await db().select({ number: planActions.number }).from(planActions).where(eq(planActions.objectiveId, objective.id))).map((a) =>
      Number(a.number),
    );
    assert.deepEqual(
      numbers.sort((a, b) => a - b),
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
  });

  test('the database’s refusals reach the forms as 400 and 409 with a message, never as a raw error', async () => {
    // A value the validation let through: a data exception in a command's transaction is a 400.
    await assert.rejects(
      db().transaction((tx) => tx.execute(sql`select ${'not-a-uuid'}::uuid`)),
      (e: unknown) => e instanceof ValidationError && e.status === 400 && e.messageRef?.key === 'error.db.invalidText',
    );
    await assert.rejects(
      db().transaction((tx) => tx.execute(sql`select ${'99999999999'}::int`)),
      (e: unknown) => e instanceof ValidationError && e.messageRef?.key === 'error.db.outOfRange',
    );
    // A record referred to that is gone: 409.
    await assert.rejects(
      db().transaction((tx) =>
        tx.insert(socialWorkerPosts).values({
          ambitoId: '00000000-0000-4000-8000-000000000000',
          code: 'X',
          fte: 1,
          employerKind: 'comune',
          employerName: 'X',
          contract: 'tempo_indeterminato',
          validFrom: '2025-01-01',
          source: 'test',
        }),
      ),
      (e: unknown) => e instanceof ReferenceConflictError && e.status === 409 && e.messageRef?.key === 'error.db.missingReference',
    );
    // Outside a transaction the driver's error is raw; the forms' mapping still answers 409 with the module's message.
    const raw = await db()
      .insert(socialWorkerPosts)
      .values({
        ambitoId,
        code: 'AS-RACE',
        fte: 1,
        employerKind: 'comune',
        employerName: 'X',
        contract: 'tempo_indeterminato',
        validFrom: '2025-01-01',
        source: 'test',
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    assert.ok(raw && !(raw instanceof AppError));
    const refused = formFailure(raw);
    assert.equal(refused?.status, 409);
    assert.match(refused!.failure.formError, /stessa data di inizio/);
    assert.equal(refused!.failure.fieldErrors.code, refused!.failure.formError);
  });

  test('the migration that adds the indexes does not stop on duplicates stored before it: exact copies go, others are kept and the index waits', async () => {
    const statements = readFileSync(new URL('../../db/migrations/0019_hardening_identity.sql', import.meta.url), 'utf8')
      .split('--> statement-breakpoint')
      .filter((statement) => statement.includes('"social_worker_posts"'));
    assert.equal(statements.length, 2, 'the clean-up and the index');
    const migrate = async () => {
      for (const statement of statements) await db().execute(sql.raw(statement));
    };
    const indexExists = async () => {
      const result = await db().execute(sql`select 1 from pg_indexes where indexname = 'social_worker_posts_code_from_unique'`);
      return (result as unknown as { rows: unknown[] }).rows.length === 1;
    };
    const post = {
      ambitoId,
      code: 'AS-OLD',
      fte: 0.5,
      employerKind: 'comune',
      employerName: 'Comune Uno',
      contract: 'tempo_indeterminato',
      validFrom: '2019-01-01',
      source: 'prima',
    };
    const copies = () => db().select({ fte: socialWorkerPosts.fte }).from(socialWorkerPosts).where(eq(socialWorkerPosts.code, 'AS-OLD'));

    await db().execute(sql`drop index social_worker_posts_code_from_unique`);
    await db().insert(socialWorkerPosts).values([post, post, post]);
    await migrate();
    assert.equal((await copies()).length, 1, 'identical copies removed, the oldest kept');
    assert.ok(await indexExists());

    await db().execute(sql`drop index social_worker_posts_code_from_unique`);
    await db()
      .insert(socialWorkerPosts)
      .values({ ...post, fte: 0.25 });
    await migrate();
    assert.deepEqual((await copies()).map((c) => c.fte).sort(), [0.25, 0.5], 'different data: both kept for a person to decide');
    assert.equal(await indexExists(), false, 'the index is left out (with a warning), the migration goes on');

    await db().delete(socialWorkerPosts).where(eq(socialWorkerPosts.code, 'AS-OLD'));
    await migrate();
    assert.ok(await indexExists());
  });

  test('every constraint with a registered message is an index of the database', async () => {
    const result = await db().execute<{ name: string }>(sql`select indexname as name from pg_indexes where schemaname = 'public'`);
    const indexes = new Set((result as unknown as { rows: { name: string }[] }).rows.map((r) => r.name));
    const missing = registeredConstraints().filter((name) => !indexes.has(name));
    assert.deepEqual(missing, []);
    assert.ok(registeredConstraints().length >= 20);
  });
});
