import { randomUUID } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dir: string, pid: number) {
    super(
      `La cartella dei dati ${dir} è già in uso dal processo ${pid}. ` +
        'Un solo processo alla volta può aprire il database incorporato: chiudi l’altra istanza di Cantiere ' +
        'oppure scegli un’altra cartella con CANTIERE_DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

/**
 * Who holds a lock: the pid, and — where /proc exists — the boot and the start time of that process, so that a pid
 * reused by another process (after a reboot, or a container that restarts as pid 1) is not taken for the owner;
 * the nonce makes every record unique, so a release removes only its own.
 */
interface Owner {
  pid: number;
  boot?: string;
  start?: string;
  nonce?: string;
}

/** The start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or null where unknown. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

let bootIdCache: string | null | undefined;
function bootId(): string | null {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}

function newRecord(): string {
  const owner: Owner = { pid: process.pid, boot: bootId() ?? undefined, start: startTime(process.pid) ?? undefined, nonce: randomUUID() };
  return JSON.stringify(owner);
}

/** The owner written in a lock file: this version's JSON record, or the bare pid written by earlier versions. */
function parseRecord(record: string): Owner | null {
  const text = record.trim();
  if (/^[1-9]\d*$/.test(text)) return { pid: Number(text) };
  try {
    const owner = JSON.parse(text) as Owner;
    return Number.isSafeInteger(owner?.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null;
  }
}

/** The exact records of the locks this process holds. */
const held = new Set<string>();

function isAlive(owner: Owner): boolean {
  const start = owner.start && owner.boot === bootId() ? startTime(owner.pid) : null;
  if (owner.pid === process.pid) {
    // Our pid but not one of our records: another thread of this process if it started when we did, otherwise a
    // previous process that had the same pid (a container restarted after a crash runs as the same pid).
    return start !== null && start === owner.start;
  }
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // no such process
  }
  if (owner.boot && bootId() && owner.boot !== bootId()) return false; // it ran before the last reboot
  return start === null || start === owner.start; // a different start time: the pid now belongs to another process
}

type Liveness = 'alive' | 'stale' | 'unreadable';

function liveness(record: string, path: string): Liveness {
  if (held.has(record)) return 'alive';
  const owner = parseRecord(record);
  if (owner) return isAlive(owner) ? 'alive' : 'stale';
  // Records appear whole (a hard link to a file already written), but an earlier version or a file system without
  // hard links writes after creating: give a record being written a moment, then treat it as debris.
  try {
    return Date.now() - statSync(path).mtimeMs < 2000 ? 'unreadable' : 'stale';
  } catch {
    return 'unreadable';
  }
}

function readRecord(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes a record to a new temporary file beside `path` and returns the file's name. */
function writeTemp(path: string, record: string): string {
  const temp = `${path}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, record);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/** Creates `path` holding `record` only if it does not exist; false if it does. The file appears with its content. */
function createExclusive(path: string, record: string): boolean {
  const temp = writeTemp(path, record);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code ?? '')) throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  // A file system without hard links: O_EXCL, then the content (readers wait for it: see liveness).
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, record);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes `path` if it still holds `record` (nobody else replaces a record whose owner is alive). */
function removeIfOwn(path: string, record: string): void {
  try {
    if (readFileSync(path, 'utf8') === record) rmSync(path);
  } catch {
    /* already gone */
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** How deep markers of markers go: each level needs a taker killed in the middle of a takeover. */
const MAX_DEPTH = 4;
const MAX_ROUNDS = 500;

/**
 * Takes the lock file `path` for `record`, taking over a stale one. Returns null when taken, otherwise the record
 * of the live owner.
 *
 * A stale record is replaced only by the process that holds the takeover marker of that owner
 * (`<path>.takeover-<pid>`, itself a lock taken by this same function): under it the taker checks that the file still
 * holds the stale record and renames its own record over it, atomically. Without the marker two takers could both
 * see the stale record, and the second would delete or overwrite the lock the first had just taken. A marker left
 * by a taker that died is stale in turn and is taken over the same way, one level deeper.
 */
function acquire(path: string, record: string, depth: number): string | null {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (createExclusive(path, record)) return null;
    const current = readRecord(path);
    if (current === null) continue; // released in the meantime
    const state = liveness(current, path);
    if (state === 'alive') return current;
    if (state === 'unreadable') {
      pause(5);
      continue;
    }
    if (depth >= MAX_DEPTH) break;
    const marker = `${path}.takeover-${parseRecord(current)?.pid ?? 'x'}`;
    if (acquire(marker, record, depth + 1) !== null) {
      pause(1 + round); // another live process is taking over right now: look again once it is done
      continue;
    }
    try {
      if (readRecord(path) !== current) continue; // taken over or released meanwhile: look again
      renameSync(writeTemp(path, record), path);
      return null;
    } finally {
      removeIfOwn(marker, record);
    }
  }
  throw new Error(`Impossibile acquisire il blocco ${path}: altri processi lo stanno prendendo in carico`);
}

/** The lock's file inside CANTIERE_DATA_DIR. */
export const LOCK_FILE = 'cantiere.lock';

/**
 * Takes the exclusive lock on an embedded-database folder: the file `cantiere.lock`, created atomically with the
 * record of its owner (pid, boot, start time, a nonce). A lock left by a process that no longer exists (a crash, a
 * kill -9) is taken over — by exactly one process when several start together; a live one refuses. Returns the
 * function that releases the lock, which removes the file only if it still holds this process's record.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const record = newRecord();
  const holder = acquire(file, record, 0);
  if (holder !== null) throw new DataDirLockedError(dir, parseRecord(holder)?.pid ?? 0);
  held.add(record);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    held.delete(record);
    removeIfOwn(file, record);
  };
  process.once('exit', release);
  return release;
}
