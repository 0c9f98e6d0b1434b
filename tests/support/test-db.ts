import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../app/shared/db/client.ts';
import { configureLog } from '../../app/shared/log.ts';
// The dictionaries of every module, registered as the application does (commands write their messages with tr).
import '../../app/modules/registry.ts';

configureLog({ level: 'warn' });

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or — when DATABASE_URL is set —
 * a new database created on that PostgreSQL server and dropped afterwards. The same tests run on both.
 */
export async function createTestDatabase(options: { onQuery?: (query: string, params: unknown[]) => void } = {}): Promise<Database & { label: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ memory: true, onQuery: options.onQuery });
    await database.migrate();
    return { ...database, label: 'PGlite' };
  }
  const name = `cantiere_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ url: testUrl.toString(), poolSize: 5, onQuery: options.onQuery });
  await database.migrate();
  return {
    ...database,
    label: 'PostgreSQL',
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
