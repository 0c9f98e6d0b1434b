// Backup and restore, end to end: the demo Ambito is saved and restored into an empty place, then every table of every
// schema (the modules' and drizzle's migrations) and every sequence is compared, row counts and a checksum per table.
// On PGlite through `cantiere backup` / `cantiere restore`; on PostgreSQL (DATABASE_URL) through the pg_dump and
// pg_restore commands the README documents, which the CLI points to.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadDemo } from '../../app/modules/demo.server.ts';
import { backupDataDir, restoreDataDir } from '../../app/shared/db/backup.ts';
import { openDatabase, type Db } from '../../app/shared/db/client.ts';
import '../support/test-db.ts'; // the dictionaries and the quiet log, as in every integration test

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin/cantiere.ts');
const url = process.env.DATABASE_URL;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Every table of every schema (row count and md5 of its rows in order) and every sequence's last value. */
async function snapshot(db: Db): Promise<Map<string, string>> {
  const tables = rowsOf<{ s: string; t: string }>(
    await db.execute(sql`select table_schema as s, table_name as t from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`),
  );
  const out = new Map<string, string>();
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const { s, t } of tables) {
    const [r] = rowsOf<{ n: number; h: string }>(
      await db.execute(sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${quote(s)}.${quote(t)} x`)),
    );
    out.set(`${s}.${t}`, `${r!.n} righe, md5 ${r!.h}`);
  }
  for (const q of rowsOf<{ s: string; q: string; v: string | null }>(
    await db.execute(sql`select schemaname as s, sequencename as q, last_value::text as v from pg_sequences order by 1, 2`),
  )) {
    out.set(`sequenza ${q.s}.${q.q}`, String(q.v));
  }
  return out;
}

/** The snapshot must cover the demo: drizzle's journal and many tables with rows. */
function assertCoversTheDemo(tables: Map<string, string>) {
  assert.match(tables.get('drizzle.__drizzle_migrations') ?? '', /^[1-9]\d* righe/);
  const filled = [...tables.entries()].filter(([k, v]) => k.startsWith('public.') && !v.startsWith('0 righe'));
  assert.ok(filled.length >= 20, `solo ${filled.length} tabelle con righe`);
}

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

// Each run tests the database it is given: the embedded one by default, PostgreSQL with DATABASE_URL (CI runs both).
const describeEmbedded = url ? () => undefined : describe;
const describePostgres = url ? describe : () => undefined;

describeEmbedded('backup and restore of the embedded database (cantiere backup / restore)', () => {
  let base: string;
  before(() => {
    base = mkdtempSync(join(tmpdir(), 'cantiere-backup-'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  test('the demo, backed up and restored into an empty folder, is identical table by table', async (t) => {
    const source = join(base, 'dati');
    const target = join(base, 'ripristino');
    const file = join(base, 'cantiere.tar.gz');
    let t0 = performance.now();
    const database = await openDatabase({ dataDir: source });
    await database.migrate();
    await loadDemo(database.db);
    t.diagnostic(`demo caricata in ${seconds(t0)}`);

    // While the folder is open (a running server), the backup refuses and says what to do.
    t0 = performance.now();
    const [refused, original] = await Promise.all([runCli(['backup', file], { CANTIERE_DATA_DIR: source, DATABASE_URL: '' }), snapshot(database.db)]);
    await database.close();
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(refused.stderr, new RegExp(`in uso dal processo ${process.pid}`));
    assert.match(refused.stderr, /Ferma il server/);
    assert.equal(existsSync(file), false);
    assertCoversTheDemo(original);

    t0 = performance.now();
    const backup = await runCli(['backup', file], { CANTIERE_DATA_DIR: source, DATABASE_URL: '' });
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stdout, /Backup del database di .* scritto in/);
    t.diagnostic(`backup (processo cantiere) in ${seconds(t0)}: ${(statSync(file).size / 1e6).toFixed(1)} MB`);
    assert.deepEqual(
      readdirSync(base).filter((n) => n.endsWith('.tmp')),
      [],
      'nessun file temporaneo',
    );

    // An existing file is kept unless --force; a restore never writes into a folder that is not empty.
    const bytes = readFileSync(file);
    await assert.rejects(backupDataDir({ dataDir: source, file }), /esiste già: scegli un altro nome o aggiungi --force/);
    assert.deepEqual(readFileSync(file), bytes);
    const replaced = join(base, 'sostituito.tar.gz');
    copyFileSync(cli, replaced);
    const forced = await backupDataDir({ dataDir: source, file: replaced, force: true });
    assert.equal(forced.bytes, statSync(replaced).size);
    assert.deepEqual([...readFileSync(replaced).subarray(0, 2)], [0x1f, 0x8b], 'con --force il file è sostituito dal backup');
    await assert.rejects(restoreDataDir({ dataDir: source, file }), /non è vuota/);
    assert.deepEqual(
      readdirSync(base).filter((n) => n.endsWith('.tmp')),
      [],
      'nessun file temporaneo',
    );

    t0 = performance.now();
    const restore = await runCli(['restore', file], { CANTIERE_DATA_DIR: target, DATABASE_URL: '' });
    assert.equal(restore.status, 0, restore.stderr);
    t.diagnostic(`ripristino (processo cantiere) in ${seconds(t0)}`);

    const restored = await openDatabase({ dataDir: target });
    try {
      assert.equal((await restored.ready()).ok, true);
      assert.deepEqual(await snapshot(restored.db), original);
    } finally {
      await restored.close();
    }
    assert.deepEqual(readdirSync(target), ['pgdata'], 'il blocco è rilasciato');
  });

  test('a file that is not a backup is refused and leaves no folder behind', async () => {
    const target = join(base, 'da-file-sbagliato');
    await assert.rejects(restoreDataDir({ dataDir: target, file: cli }), /non è un backup del database incorporato/);
    assert.equal(existsSync(target), false);
  });
});

/** pg_dump and pg_restore: on the PATH, or the newest under /usr/lib/postgresql (Debian). */
function postgresTool(name: string): string | null {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(`/usr/lib/postgresql/${v}/bin/${name}`)) return `/usr/lib/postgresql/${v}/bin/${name}`;
  return null;
}

describePostgres('backup and restore on PostgreSQL (pg_dump -Fc / pg_restore)', () => {
  const names = [`cantiere_test_${randomBytes(6).toString('hex')}`, `cantiere_test_${randomBytes(6).toString('hex')}`];
  const urlOf = (name: string) => {
    const u = new URL(url!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  let base: string;
  async function admin(statement: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }
  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'cantiere-pgdump-'));
    for (const name of names) await admin(`create database ${name}`);
  });
  after(async () => {
    for (const name of names) await admin(`drop database if exists ${name} with (force)`);
    rmSync(base, { recursive: true, force: true });
  });

  test('the CLI points to pg_dump and pg_restore', async () => {
    const r = await runCli(['backup', join(base, 'x.tar.gz')], { DATABASE_URL: urlOf(names[0]!) });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /pg_dump -Fc --no-owner -d "\$DATABASE_URL" -f cantiere\.dump/);
    assert.match(r.stderr, /pg_restore --no-owner --exit-on-error --single-transaction/);
  });

  test('the demo, dumped with pg_dump -Fc and restored with pg_restore into an empty database, is identical', async (t) => {
    const pgDump = postgresTool('pg_dump');
    const pgRestore = postgresTool('pg_restore');
    assert.ok(pgDump && pgRestore, 'pg_dump e pg_restore servono a questa prova: installa il pacchetto postgresql');
    const [sourceUrl, targetUrl] = names.map(urlOf) as [string, string];
    const file = join(base, 'cantiere.dump');
    let t0 = performance.now();
    const source = await openDatabase({ url: sourceUrl, poolSize: 2 });
    let original: Map<string, string>;
    try {
      await source.migrate();
      await loadDemo(source.db);
      t.diagnostic(`demo caricata in ${seconds(t0)}`);
      original = await snapshot(source.db);
    } finally {
      await source.close();
    }
    assertCoversTheDemo(original);

    // The commands of the README, «Backup».
    t0 = performance.now();
    execFileSync(pgDump, ['-Fc', '--no-owner', '-d', sourceUrl, '-f', file]);
    t.diagnostic(`pg_dump in ${seconds(t0)}: ${(statSync(file).size / 1e6).toFixed(1)} MB`);
    t0 = performance.now();
    execFileSync(pgRestore, ['--no-owner', '--exit-on-error', '--single-transaction', '-d', targetUrl, file]);
    t.diagnostic(`pg_restore in ${seconds(t0)}`);

    const target = await openDatabase({ url: targetUrl, poolSize: 2 });
    try {
      await target.migrate();
      assert.equal((await target.ready()).ok, true);
      assert.deepEqual(await snapshot(target.db), original);
    } finally {
      await target.close();
    }
  });
});
