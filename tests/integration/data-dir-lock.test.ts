import assert from 'node:assert/strict';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../app/shared/db/client.ts';
import { lockDataDir } from '../../app/shared/db/lock.ts';

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

// Three processes race for a folder whose lock was left by a dead process: exactly one must win every time.
// The children stay alive across trials (tests/support/lock-racer.ts), so each trial costs milliseconds, not a start-up.
describe('taking over a stale lock is atomic between processes', () => {
  const TRIALS = 60;
  type Reply = { ready?: true; got?: boolean; error?: string; pid?: number; released?: true; held?: string };
  interface Racer {
    child: ChildProcess;
    next(): Promise<Reply>;
  }
  const racers: Racer[] = [];
  let base: string;

  function startRacer(): Promise<Racer> {
    const child = fork(join(root, 'tests/support/lock-racer.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const queue: Reply[] = [];
    const waiting: ((reply: Reply) => void)[] = [];
    child.on('message', (reply: Reply) => {
      const w = waiting.shift();
      if (w) w(reply);
      else queue.push(reply);
    });
    const next = () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise<Reply>((r) => waiting.push(r)));
    return next().then(() => ({ child, next }));
  }

  /** The content of a lock whose process was killed (kill -9): a genuine stale lock. */
  async function staleLockContent(): Promise<{ content: string; pid: number }> {
    const holder = await startRacer();
    const dir = mkdtempSync(join(base, 'holder-'));
    holder.child.send({ hold: dir });
    const { held } = await holder.next();
    const exited = new Promise((r) => holder.child.once('exit', r));
    holder.child.kill('SIGKILL');
    await exited;
    return { content: held!, pid: holder.child.pid! };
  }

  async function race(dir: string): Promise<{ winners: number[]; losers: string[] }> {
    const at = Date.now() + 40;
    for (const r of racers) r.child.send({ race: dir, at });
    const replies = await Promise.all(racers.map((r) => r.next()));
    return {
      winners: replies.filter((r) => r.got).map((r) => r.pid!),
      losers: replies.filter((r) => !r.got).map((r) => r.error!),
    };
  }

  async function releaseAll() {
    for (const r of racers) r.child.send({ release: true });
    await Promise.all(racers.map((r) => r.next()));
  }

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'cantiere-lock-race-'));
    racers.push(...(await Promise.all([startRacer(), startRacer(), startRacer()])));
  });
  after(() => {
    for (const r of racers) r.child.kill();
    rmSync(base, { recursive: true, force: true });
  });

  test(`${TRIALS} trials: exactly one of three processes takes over a stale lock, the others are refused`, async () => {
    const stale = await staleLockContent();
    const bad: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = join(base, `trial-${trial}`);
      mkdirSync(dir);
      // Every other trial uses the bare-pid format written by earlier versions of Cantiere.
      writeFileSync(join(dir, 'cantiere.lock'), trial % 2 ? String(stale.pid) : stale.content);
      const { winners, losers } = await race(dir);
      const refusedCleanly = losers.every((e) => e === 'DataDirLockedError');
      if (winners.length !== 1 || !refusedCleanly) bad.push(`prova ${trial}: ${winners.length} vincitori, altri: ${losers.join(', ')}`);
      else assert.match(readFileSync(join(dir, 'cantiere.lock'), 'utf8'), new RegExp(`\\b${winners[0]}\\b`), `prova ${trial}`);
      await releaseAll();
      if (!bad.length) assert.deepEqual(readdirSync(dir), [], `prova ${trial}: il rilascio lascia la cartella pulita`);
    }
    assert.deepEqual(bad, [], `${bad.length} prove su ${TRIALS} senza esattamente un vincitore e due rifiuti`);
  });

  test('a takeover left half-done by a killed process (its marker) is itself taken over', async () => {
    const stale = await staleLockContent();
    const deadTaker = await staleLockContent();
    for (let trial = 0; trial < 10; trial++) {
      const dir = join(base, `marker-${trial}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'cantiere.lock'), stale.content);
      writeFileSync(join(dir, `cantiere.lock.takeover-${stale.pid}`), deadTaker.content);
      const { winners } = await race(dir);
      assert.equal(winners.length, 1, `prova ${trial}: ${winners.length} vincitori`);
      await releaseAll();
      assert.deepEqual(readdirSync(dir), [], `prova ${trial}: il rilascio lascia la cartella pulita`);
    }
  });

  test('a lock whose pid now belongs to another process (pid reuse) is stale', async () => {
    const stale = await staleLockContent();
    const dir = mkdtempSync(join(base, 'reuse-'));
    // The same record, but for a pid that is alive now (this test's process) and started at another time.
    const record = JSON.parse(stale.content) as { pid: number };
    writeFileSync(join(dir, 'cantiere.lock'), JSON.stringify({ ...record, pid: process.pid }));
    const { winners } = await race(dir);
    assert.equal(winners.length, 1);
    await releaseAll();
  });

  test('the release removes the lock only if it still holds this process’s record', async () => {
    const dir = mkdtempSync(join(base, 'release-'));
    racers[0]!.child.send({ hold: dir });
    const { held } = await racers[0]!.next();
    // The same pid in another record (a later process that reused the pid and took over the lock).
    const other = held!.startsWith('{') ? JSON.stringify({ ...(JSON.parse(held!) as object), nonce: 'un altro' }) : `${held} `;
    assert.notEqual(other, held);
    writeFileSync(join(dir, 'cantiere.lock'), other);
    racers[0]!.child.send({ release: true });
    await racers[0]!.next();
    assert.equal(readFileSync(join(dir, 'cantiere.lock'), 'utf8'), other);
    // With its own record still there, the release does remove it.
    racers[1]!.child.send({ hold: join(dir, 'again') });
    await racers[1]!.next();
    racers[1]!.child.send({ release: true });
    await racers[1]!.next();
    assert.deepEqual(readdirSync(join(dir, 'again')), []);
  });

  test('the same process cannot lock a folder twice', () => {
    const dir = mkdtempSync(join(base, 'twice-'));
    const release = lockDataDir(dir);
    try {
      assert.throws(() => lockDataDir(dir), { name: 'DataDirLockedError' });
    } finally {
      release();
    }
    assert.deepEqual(readdirSync(dir), []);
  });
});
