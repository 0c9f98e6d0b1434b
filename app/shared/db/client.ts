import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { log } from '../log.ts';
import { fromRoot } from '../paths.ts';
import { translateTransactionErrors } from './errors.ts';
import { lockDataDir } from './lock.ts';
// The tables are imported where they are used (no relational queries): the client needs no schema, and shared code lists no module.
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Repository functions take either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies the committed SQL migrations (idempotent; serialised across processes on PostgreSQL). */
  migrate(): Promise<void>;
  /** True when the database answers and every committed migration is applied. */
  ready(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}

export type DatabaseOptions = ({ url: string; poolSize?: number } | { dataDir: string } | { memory: true }) & {
  /** Called with every SQL statement drizzle sends (tests count the queries of a page; benchmarks capture them). */
  onQuery?: (query: string, params: unknown[]) => void;
};

export const migrationsFolder = () => fromRoot('db', 'migrations');

/** The PostgreSQL data folder inside CANTIERE_DATA_DIR. */
export const PGDATA = 'pgdata';

/** How many migrations this version of Cantiere ships (db/migrations/meta/_journal.json). */
export function committedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

async function readiness(db: Db): Promise<{ ok: boolean; detail: string }> {
  try {
    const expected = committedMigrationCount();
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const applied = Number((rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
    return applied >= expected
      ? { ok: true, detail: `migrazioni applicate: ${applied}/${expected}` }
      : { ok: false, detail: `migrazioni applicate: ${applied}/${expected}` };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

/** An arbitrary constant that names Cantiere's migration advisory lock on PostgreSQL. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Opens the database: a PostgreSQL server when a URL is given, otherwise embedded PGlite in a data folder
 * (locked against a second process) or in memory (tests). The same schema and migrations serve all three.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection closed by the server (restart, failover, a terminated backend) must not crash the process:
    // the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => log.warn('connessione al database chiusa dal server', { error: error.message }));
    const logger = options.onQuery ? { logQuery: options.onQuery } : undefined;
    // A refusal of the database in a command's transaction comes out as the application's error (errors.ts).
    const db = translateTransactionErrors(drizzleNodePg({ client: pool, logger }) as unknown as Db);
    return {
      db,
      kind: 'postgres',
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
          await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder: migrationsFolder() });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
          client.release();
        }
      },
      ready: () => readiness(db),
      close: async () => {
        if (!pool.ended) await pool.end();
      },
    };
  }
  let release = () => {};
  let client: PGlite;
  if ('dataDir' in options) {
    release = lockDataDir(options.dataDir);
    try {
      client = await PGlite.create(join(options.dataDir, PGDATA));
    } catch (error) {
      release();
      throw error;
    }
  } else {
    client = await PGlite.create();
  }
  // Without this PGlite fills each new 16 MB WAL segment with zeros on the event loop (80–170 ms every ~25.000 rows
  // written by an import); the segments are recycled files in the data folder, which do not need the zero fill.
  await client.exec('set wal_init_zero = off');
  const db = translateTransactionErrors(drizzlePglite({ client, logger: options.onQuery ? { logQuery: options.onQuery } : undefined }) as unknown as Db);
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
    },
    ready: () => readiness(db),
    async close() {
      if (!client.closed) await client.close();
      release();
    },
  };
}
