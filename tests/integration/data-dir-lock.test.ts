import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../app/shared/db/client.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the embedded database folder is locked', () => {
  let dir: string;
  let database: Database;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cantiere-lock-'));
    database = await openDatabase({ dataDir: dir });
    await database.migrate();
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a second process on the same folder exits non-zero with a clear message', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/cantiere.ts'), 'user', 'list'], {
      env: { ...process.env, CANTIERE_DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`La cartella dei dati ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} è già in uso dal processo ${process.pid}`));
    assert.match(r.stderr, /Un solo processo alla volta/);
  });

  test('once the first process closes it, the folder opens again and keeps its data', async () => {
    await database.close();
    const r = spawnSync(process.execPath, [join(root, 'bin/cantiere.ts'), 'migrate'], {
      env: { ...process.env, CANTIERE_DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 0, r.stderr);
    database = await openDatabase({ dataDir: dir });
    assert.equal((await database.ready()).ok, true);
  });
});
