// Backup and restore of the embedded database (PGlite): the whole PostgreSQL data folder as one .tar.gz, taken
// with the folder locked, so that no server writes while it is read. PostgreSQL installations use pg_dump and
// pg_restore instead (README, "Backup").
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { AppError } from '../errors.ts';
import { committedMigrationCount, migrationsFolder, PGDATA } from './client.ts';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './lock.ts';

/** The commands documented for PostgreSQL, said by the CLI when DATABASE_URL is set. */
export const POSTGRES_BACKUP_HINT =
  'Con PostgreSQL (DATABASE_URL impostata) il backup si fa con gli strumenti di PostgreSQL:\n' +
  '  pg_dump -Fc --no-owner -d "$DATABASE_URL" -f cantiere.dump\n' +
  '  pg_restore --no-owner --exit-on-error --single-transaction -d "postgres://…/database_vuoto" cantiere.dump\n' +
  '(vedi la sezione «Backup» del README).';

function lockedForBackup(dir: string, error: DataDirLockedError, action: string): AppError {
  return new AppError(
    'backup.data_dir_in_use',
    `La cartella dei dati ${dir} è in uso dal processo ${error.pid} (il server di Cantiere?): ${action} del database ` +
      'incorporato si fa con il server fermo. Ferma il server e ripeti il comando; per copie senza fermarlo usa ' +
      'PostgreSQL (DATABASE_URL) con pg_dump.',
    409,
  );
}

function lock(dir: string, action: string): () => void {
  try {
    return lockDataDir(dir);
  } catch (error) {
    if (error instanceof DataDirLockedError) throw lockedForBackup(dir, error, action);
    throw error;
  }
}

/**
 * Writes `bytes` to `file` atomically: a temporary file in the same folder, flushed, then linked (refusing an
 * existing file) or — with `force` — renamed over it. A crash leaves either the old file or the new one, never half.
 */
function writeAtomically(file: string, bytes: Uint8Array, force: boolean): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (force) renameSync(temp, file);
    else {
      try {
        linkSync(temp, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw existingFile(file);
        throw error;
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
  try {
    const dirFd = openSync(dirname(file), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    /* not every platform can flush a folder */
  }
}

const existingFile = (file: string) =>
  new AppError('backup.file_exists', `Il file ${file} esiste già: scegli un altro nome o aggiungi --force per sostituirlo.`, 409);

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Backs up the embedded database of `dataDir` into `file` (a .tar.gz of its PostgreSQL data folder). The folder is
 * locked for the whole copy: with the server running the lock is refused, and so is the backup.
 */
export async function backupDataDir(options: { dataDir: string; file: string; force?: boolean }): Promise<BackupResult> {
  const dataDir = resolve(options.dataDir);
  const file = resolve(options.file);
  if (!options.force && existsSync(file)) throw existingFile(file);
  if (!existsSync(dirname(file))) throw new AppError('backup.no_folder', `La cartella ${dirname(file)} non esiste.`, 400);
  if (!existsSync(join(dataDir, PGDATA, 'PG_VERSION'))) {
    throw new AppError('backup.no_database', `Nella cartella ${dataDir} non c’è un database incorporato di Cantiere da salvare.`, 404);
  }
  const release = lock(dataDir, 'il backup');
  try {
    const client = await PGlite.create(join(dataDir, PGDATA));
    let tarball: Blob;
    try {
      // A checkpoint first: the copy then holds every change in the table files, not only in the write-ahead log.
      await client.exec('checkpoint');
      tarball = await client.dumpDataDir('gzip');
    } finally {
      await client.close();
    }
    const bytes = new Uint8Array(await tarball.arrayBuffer());
    writeAtomically(file, bytes, options.force ?? false);
    return { file, bytes: bytes.length };
  } finally {
    release();
  }
}

export interface RestoreResult {
  dataDir: string;
  migrations: number;
}

/**
 * Restores a backup written by backupDataDir into `dataDir`, which must be empty or not exist (a restore never
 * replaces a database). The restored database is then opened and migrated to this version of Cantiere; if any step
 * fails, what the restore wrote is removed and the folder is left as it was.
 */
export async function restoreDataDir(options: { dataDir: string; file: string }): Promise<RestoreResult> {
  const dataDir = resolve(options.dataDir);
  const file = resolve(options.file);
  if (!existsSync(file) || !statSync(file).isFile()) throw new AppError('backup.no_file', `Il file ${file} non esiste.`, 404);
  const bytes = readFileSync(file);
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const tar = bytes.subarray(257, 262).toString('latin1') === 'ustar';
  if (!gzip && !tar) {
    throw new AppError(
      'backup.not_a_backup',
      `Il file ${file} non è un backup del database incorporato (un archivio .tar.gz scritto da «cantiere backup»).`,
      400,
    );
  }
  const notEmpty = () =>
    new AppError(
      'backup.data_dir_not_empty',
      `La cartella ${dataDir} non è vuota: il ripristino scrive solo in una cartella vuota o che non esiste, per non sostituire un database. ` +
        'Indica un’altra cartella con CANTIERE_DATA_DIR (o sposta quella attuale).',
      409,
    );
  const created = !existsSync(dataDir);
  if (!created && (!statSync(dataDir).isDirectory() || readdirSync(dataDir).length > 0)) throw notEmpty();
  const release = lock(dataDir, 'il ripristino');
  let ok = false;
  try {
    // Another process may have written in the folder between the check and the lock.
    if (readdirSync(dataDir).some((name) => name !== LOCK_FILE)) throw notEmpty();
    const client = await PGlite.create({ dataDir: join(dataDir, PGDATA), loadDataDir: new Blob([bytes]) }).catch((error: Error) => {
      throw new AppError('backup.unreadable', `Il backup ${file} non si può aprire: ${error.message}`, 400);
    });
    try {
      const db = drizzle({ client });
      await migrate(db, { migrationsFolder: migrationsFolder() });
      const rows = await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      const applied = rows.rows[0]?.n ?? 0;
      const expected = committedMigrationCount();
      if (applied < expected) throw new AppError('backup.not_migrated', `Il database ripristinato ha ${applied} migrazioni su ${expected}.`, 500);
      ok = true;
      return { dataDir, migrations: applied };
    } finally {
      await client.close();
    }
  } finally {
    if (!ok) rmSync(join(dataDir, PGDATA), { recursive: true, force: true });
    release();
    if (!ok && created) rmSync(dataDir, { recursive: true, force: true });
  }
}
