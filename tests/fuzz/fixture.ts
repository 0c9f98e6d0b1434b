// The database of the fuzzing suite: a fresh migrated test database (PGlite, or PostgreSQL with DATABASE_URL) with the
// demo loaded through the product's own importers, and a counter of the rows written: every table gets a row trigger
// that adds one to `fuzz_writes` in the same transaction, so a command that is refused (its transaction rolled back)
// leaves the counter as it was, and one that wrote anything committed moves it. The check of the suite: a random input
// is either done, or refused with one of the application's errors that the pages and the API answer with a 4xx —
// never another exception (a TypeError, a database error: a 500) — and a refused input writes nothing.
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { loadActor } from '../../app/modules/accounts/accounts.server.ts';
import type { UserActor } from '../../app/shared/auth/actor.ts';
import type { Db } from '../../app/shared/db/client.ts';
import { dbErrorToAppError, pgErrorOf } from '../../app/shared/db/errors.ts';
import { AppError, ValidationError } from '../../app/shared/errors.ts';
import { seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

export type FuzzDatabase = Awaited<ReturnType<typeof openFuzzDatabase>>;

/** Rows of a query, on both drivers. */
export async function rows<T = Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** Adds the write counter (see the top of the file) to every table of the database. */
async function installWriteCounter(db: Db) {
  await db.execute(sql`create table fuzz_writes (n bigint not null)`);
  await db.execute(sql`insert into fuzz_writes values (0)`);
  await db.execute(
    sql.raw(`create function fuzz_count_write() returns trigger language plpgsql as $$ begin update fuzz_writes set n = n + 1; return null; end $$`),
  );
  await db.execute(
    sql.raw(`do $$ declare t record; begin
      for t in select schemaname, tablename from pg_tables
               where schemaname not in ('pg_catalog', 'information_schema') and tablename <> 'fuzz_writes' loop
        execute format('create trigger fuzz_count_write after insert or update or delete on %I.%I for each row execute function fuzz_count_write()',
                       t.schemaname, t.tablename);
      end loop;
    end $$`),
  );
}

/** What the properties read of the database, on `db`: the whole database, or one transaction of it (rolledBack). */
function boundTo(db: Db) {
  return {
    db,
    /** The rows written so far (committed, or written in the transaction), in every table. */
    async writes(): Promise<number> {
      return Number((await rows<{ n: string | number }>(db, sql`select n from fuzz_writes`))[0]!.n);
    },
    /** The ids of a table (a few, in a stable order), to give commands real records among the random ones. */
    async ids(table: string, where = 'true', limit = 8): Promise<string[]> {
      return (await rows<{ id: string }>(db, sql.raw(`select id::text as id from ${table} where ${where} order by id limit ${limit}`))).map((r) => r.id);
    },
    /** A demo user (fixtures/demo/accounts.json) as the pages see them after signing in. */
    async user(email: string): Promise<UserActor> {
      const [row] = await rows<{ id: string }>(db, sql`select id from users where email = ${email}`);
      const actor = row ? await loadActor(db, row.id, 'session') : null;
      assert.ok(actor, `utente dimostrativo ${email}`);
      return actor;
    },
  };
}

/** A migrated test database with the demo and the write counter. */
export async function openFuzzDatabase() {
  const database = await createTestDatabase();
  const demo = await seedDemo(database.db);
  const db = database.db;
  const ambito = async (code: string) => (await rows<{ id: string }>(db, sql`select id from ambiti where code = ${code}`))[0]!.id;
  const fuzz = {
    database,
    label: database.label,
    gallarateId: demo.gallarate.id,
    samarateId: demo.samarate.id,
    sebinoId: await ambito('sebino'),
    fanoId: await ambito('fano'),
    ...boundTo(db),
    close: () => database.close(),
  };
  await installWriteCounter(db);
  return fuzz;
}

const ROLL_BACK = Symbol('rolled back');

/**
 * Runs `work` on the fuzzing database seen through one transaction, rolled back afterwards whatever happened: for an
 * importer that accepts a file once only (the records it creates clash with a second import of the same file), so
 * that every run starts from the same database and an accepted file does not make the next ones duplicates. The
 * command's own transaction is then a savepoint of this one: a refusal rolls back only the command's writes, so the
 * write counter read in the transaction still tells a refused command that wrote anything (doneOrRefused).
 */
export async function rolledBack<T>(fuzz: FuzzDatabase, work: (fuzz: FuzzDatabase) => Promise<T>): Promise<T> {
  let result: { value: T } | null = null;
  try {
    await fuzz.db.transaction(async (tx) => {
      result = { value: await work({ ...fuzz, ...boundTo(tx) }) };
      throw ROLL_BACK;
    });
  } catch (error) {
    if (error !== ROLL_BACK) throw error;
  }
  return result!.value;
}

/**
 * The application's error for a failure, when the pages and the API answer it with a 4xx (as formFailure,
 * toHttpError and the API's errorResponse do: a refusal of the database is translated first); null for anything that
 * would be a 500. A refusal that only the database's types caught (a value out of its column, a character it cannot
 * store: dbErrorToAppError's safety net) counts as a hole in the input's validation, not as a refusal.
 */
export function knownRefusal(error: unknown): AppError | null {
  const mapped = dbErrorToAppError(error) ?? error;
  if (!(mapped instanceof AppError) || mapped.status < 400 || mapped.status >= 500) return null;
  if (mapped instanceof ValidationError && pgErrorOf(mapped.cause) !== null) return null;
  return mapped;
}

const describeError = (error: unknown) => {
  if (!(error instanceof Error)) return String(error);
  const pg = pgErrorOf(error) ?? pgErrorOf((error as { cause?: unknown }).cause);
  return `${error.name}: ${error.message}${pg ? ` [SQLSTATE ${pg.code}${pg.constraint ? `, ${pg.constraint}` : ''}: ${pg.message}${pg.detail ? `; ${pg.detail}` : ''}]` : ''}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
};

export interface Outcome {
  ok: boolean;
  error: AppError | null;
  value?: unknown;
}

/**
 * Runs one random input of a command: it must be done, or refused with a known error (knownRefusal) having written
 * nothing. Fails the property otherwise, naming the command, the input and the error.
 */
export async function doneOrRefused(fuzz: FuzzDatabase, label: string, input: unknown, run: () => Promise<unknown>): Promise<Outcome> {
  const before = await fuzz.writes();
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    const refusal = knownRefusal(error);
    const shown =
      typeof input === 'string'
        ? input.slice(0, 1500)
        : JSON.stringify(input, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v))?.slice(0, 1500);
    assert.ok(refusal, `${label}: errore inatteso (sarebbe un 500) con l’input ${shown}\n${describeError(error)}`);
    assert.equal(await fuzz.writes(), before, `${label}: rifiutato (${refusal.code}) ma ha scritto nel database; input ${shown}`);
    return { ok: false, error: refusal };
  }
  return { ok: true, error: null, value };
}
