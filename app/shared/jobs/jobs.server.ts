// The jobs queue (ADR 0015): background work queued by a request and done by a worker in any application process.
// A job is claimed with FOR UPDATE SKIP LOCKED (as the outbox is), so several processes share the queue on PostgreSQL
// and the same code runs on embedded PGlite. The handler of a kind is registered by its module (registry.server.ts);
// it reports its progress, sees a cancel request at its next progress report, and ends with a result or with the
// problems that stopped it (a ValidationError's issues, named by file, row and column). The web process keeps
// answering meanwhile: handlers give the event loop a turn between batches (`ctx.pause()`).
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { actorLabel } from '../auth/actor.ts';
import type { Db, DbOrTx, Tx } from '../db/client.ts';
import { AppError, ValidationError, type FieldIssue } from '../errors.ts';
import { log } from '../log.ts';
import { jobs, type JobRow } from './jobs.schema.ts';

export { jobs, type JobRow } from './jobs.schema.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed', 'cancelled'];
export const isFinished = (status: string) => status === 'done' || status === 'failed' || status === 'cancelled';

/** Thrown by `ctx.progress()` when the job's cancel was asked: the handler's transaction (if any) rolls back. */
export class JobCancelled extends Error {
  constructor() {
    super('lavoro annullato');
    this.name = 'JobCancelled';
  }
}

export interface JobContext {
  job: Omit<JobRow, 'input'>;
  /** The uploaded bytes the job was queued with (null when none). */
  input: Buffer | null;
  db: Db;
  /**
   * Records the progress (`done` of `total`, during `step`, a dictionary key of the owning module). Written to the
   * database at most every 500 ms, and never from inside `ctx.transaction` on PGlite (one connection: the page that
   * shows the job reads the process's live progress instead). Throws JobCancelled when a cancel was asked.
   */
  progress(done: number, total: number | null, step?: string): Promise<void>;
  /** Gives the event loop a turn, so that other requests are answered between two batches of work. */
  pause(): Promise<void>;
  /** The handler's one transaction (the job's writes are all or nothing); progress inside it stays in memory on PGlite. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown>>;

const handlers = new Map<string, JobHandler>();

/** Registers the handlers of the modules (the registry does it at start; registering the same kind twice replaces it). */
export function registerJobHandlers(list: Readonly<Record<string, JobHandler>>) {
  for (const [kind, handler] of Object.entries(list)) handlers.set(kind, handler);
}

/** Live state of the jobs this process is running (the job page reads it: on PGlite the transaction holds the database). */
const live = new Map<string, { done: number; total: number | null; step: string | null; cancel: boolean }>();

export interface EnqueueInput {
  kind: string;
  actor: Actor;
  ambitoId?: string | null;
  regionCode?: string | null;
  payload?: Record<string, unknown>;
  input?: Buffer | Uint8Array | null;
  total?: number | null;
  step?: string | null;
}

/** Queues a job (in the caller's transaction when given one) and wakes this process's worker. Returns the job's id. */
export async function enqueueJob(db: DbOrTx, input: EnqueueInput): Promise<string> {
  if (!handlers.has(input.kind)) throw new Error(`nessun gestore per i lavori «${input.kind}»`);
  const [row] = await db
    .insert(jobs)
    .values({
      kind: input.kind,
      ambitoId: input.ambitoId ?? null,
      regionCode: input.regionCode ?? null,
      payload: input.payload ?? {},
      // As base64 decoded by the database: PGlite binds a large bytea parameter byte by byte on the event loop (a 6 MB
      // upload held it for 0,8–1,7 s), a text parameter in about a tenth of that.
      input: input.input ? sql`decode(${Buffer.from(input.input).toString('base64')}, 'base64')` : null,
      total: input.total ?? null,
      step: input.step ?? null,
      requestedBy: actorLabel(input.actor),
      requestedByUserId: input.actor.kind === 'user' ? input.actor.userId : null,
    })
    .returning({ id: jobs.id });
  queueMicrotask(() => kickJobWorkers());
  return row!.id;
}

const JOB_COLUMNS = {
  id: jobs.id,
  kind: jobs.kind,
  ambitoId: jobs.ambitoId,
  regionCode: jobs.regionCode,
  status: jobs.status,
  payload: jobs.payload,
  done: jobs.done,
  total: jobs.total,
  step: jobs.step,
  cancelRequested: jobs.cancelRequested,
  result: jobs.result,
  issues: jobs.issues,
  error: jobs.error,
  requestedBy: jobs.requestedBy,
  requestedByUserId: jobs.requestedByUserId,
  createdAt: jobs.createdAt,
  startedAt: jobs.startedAt,
  heartbeatAt: jobs.heartbeatAt,
  finishedAt: jobs.finishedAt,
};

export type JobView = Omit<JobRow, 'input' | 'issues'> & {
  issues: FieldIssue[] | null;
  /** 0–100, from done/total (null while the total is not known). */
  percent: number | null;
};

function view(row: Omit<JobRow, 'input'>): JobView {
  const state = row.status === 'running' ? live.get(row.id) : undefined;
  const done = state?.done ?? row.done;
  const total = state ? state.total : row.total;
  const percent = row.status === 'done' ? 100 : total && total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : null;
  return {
    ...row,
    done,
    total,
    step: state?.step ?? row.step,
    cancelRequested: row.cancelRequested || (state?.cancel ?? false),
    issues: (row.issues as FieldIssue[] | null) ?? null,
    percent,
  };
}

/** One job as its page shows it (null when there is none with this id; the id must be a UUID). */
export async function getJob(db: DbOrTx, id: string): Promise<JobView | null> {
  const [row] = await db.select(JOB_COLUMNS).from(jobs).where(eq(jobs.id, id));
  return row ? view(row) : null;
}

/** The latest jobs of a kind for an Ambito (newest first). */
export async function listJobs(db: DbOrTx, where: { kind: string; ambitoId?: string | null; limit?: number }): Promise<JobView[]> {
  const rows = await db
    .select(JOB_COLUMNS)
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, where.kind),
        where.ambitoId === undefined ? undefined : where.ambitoId === null ? sql`${jobs.ambitoId} is null` : eq(jobs.ambitoId, where.ambitoId),
      ),
    )
    .orderBy(desc(jobs.createdAt))
    .limit(where.limit ?? 10);
  return rows.map(view);
}

/**
 * Asks a job to stop (the caller has authorised the actor): a queued job is cancelled at once; a running one stops
 * at its next progress report and its transaction rolls back. A finished job is left as it is (returns false).
 */
export async function requestCancel(db: Db, id: string): Promise<boolean> {
  const state = live.get(id);
  if (state) state.cancel = true;
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, id)).for('update');
    if (!row || isFinished(row.status)) return false;
    if (row.status === 'queued') {
      await tx.update(jobs).set({ status: 'cancelled', cancelRequested: true, input: null, finishedAt: new Date() }).where(eq(jobs.id, id));
    } else {
      await tx.update(jobs).set({ cancelRequested: true }).where(eq(jobs.id, id));
    }
    return true;
  });
}

/** Claims the oldest queued job (SKIP LOCKED: another process's claim is never taken twice). */
async function claimNextJob(db: Db): Promise<JobRow | null> {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.status, 'queued'), inArray(jobs.kind, [...handlers.keys()])))
      .orderBy(jobs.createdAt)
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return null;
    const now = new Date();
    const [row] = await tx.update(jobs).set({ status: 'running', startedAt: now, heartbeatAt: now }).where(eq(jobs.id, next.id)).returning(JOB_COLUMNS);
    if (!row) return null;
    // The uploaded bytes as base64 (see enqueueJob): returning the bytea itself held PGlite's event loop for 0,3–0,5 s.
    const [file] = await tx
      .select({ b64: sql<string | null>`encode(${jobs.input}, 'base64')` })
      .from(jobs)
      .where(eq(jobs.id, next.id));
    return { ...row, input: file?.b64 ? Buffer.from(file.b64, 'base64') : null };
  });
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs one claimed job to its end (done, failed or cancelled). */
async function runJob(db: Db, row: JobRow, kind: 'pglite' | 'postgres'): Promise<void> {
  const handler = handlers.get(row.kind)!;
  const state = { done: row.done, total: row.total, step: row.step, cancel: row.cancelRequested };
  live.set(row.id, state);
  let inTransaction = false;
  let lastWrite = 0;
  let lastCancelCheck = Date.now();
  const { input, ...job } = row;
  const ctx: JobContext = {
    job,
    input: input ?? null,
    db,
    async progress(done, total, step) {
      state.done = done;
      state.total = total;
      if (step !== undefined) state.step = step;
      const now = Date.now();
      const canWrite = !(inTransaction && kind === 'pglite');
      if (canWrite && now - lastCancelCheck > 1000) {
        lastCancelCheck = now;
        const [r] = await db.select({ cancel: jobs.cancelRequested }).from(jobs).where(eq(jobs.id, row.id));
        if (r?.cancel) state.cancel = true;
      }
      if (state.cancel) throw new JobCancelled();
      if (canWrite && now - lastWrite > 500) {
        lastWrite = now;
        await db
          .update(jobs)
          .set({ done, total, step: state.step, heartbeatAt: new Date() })
          .where(and(eq(jobs.id, row.id), eq(jobs.status, 'running')));
      }
    },
    pause,
    async transaction(fn) {
      inTransaction = true;
      try {
        return await db.transaction(fn);
      } finally {
        inTransaction = false;
      }
    },
  };
  const finish = (set: Partial<JobRow>) =>
    db
      .update(jobs)
      .set({ ...set, input: null, finishedAt: new Date(), heartbeatAt: new Date() })
      .where(eq(jobs.id, row.id));
  try {
    const result = await handler(ctx);
    await finish({ status: 'done', result, done: state.total ?? state.done, total: state.total, step: state.step });
  } catch (error) {
    if (error instanceof JobCancelled) {
      await finish({ status: 'cancelled', done: state.done, total: state.total, step: state.step });
    } else if (error instanceof ValidationError) {
      await finish({ status: 'failed', issues: error.issues, error: error.message, done: state.done, total: state.total, step: state.step });
    } else {
      if (!(error instanceof AppError)) log.error('lavoro in background non riuscito', { error, jobId: row.id, kind: row.kind });
      await finish({ status: 'failed', error: (error as Error).message.slice(0, 2000), done: state.done, total: state.total, step: state.step });
    }
  } finally {
    live.delete(row.id);
  }
}

/** Runs every queued job now, one after the other (tests, the worker's rounds). Returns how many ran. */
export async function runJobQueue(db: Db, kind: 'pglite' | 'postgres' = 'postgres'): Promise<number> {
  let n = 0;
  for (let row = await claimNextJob(db); row; row = await claimNextJob(db)) {
    await runJob(db, row, kind);
    n++;
  }
  return n;
}

/** A running job whose heartbeat is older than this belonged to a process that stopped: it is marked failed. */
export const STALE_AFTER_MS = 5 * 60_000;

/**
 * Marks as failed the running jobs no process is doing any more (their process stopped: the job's transaction was
 * rolled back by the database, so nothing of it was written). On PGlite only this process can run jobs, so at start
 * every running job is such a one.
 */
export async function failAbandonedJobs(db: Db, olderThan: Date): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      error: 'Interrotto: il processo che lo eseguiva si è fermato. Nulla è stato scritto; si può ripetere.',
      input: null,
      finishedAt: new Date(),
    })
    .where(and(eq(jobs.status, 'running'), lt(jobs.heartbeatAt, olderThan)))
    .returning({ id: jobs.id });
  return rows.length;
}

export interface JobWorker {
  kick(): void;
  stop(): Promise<void>;
}

const workers = new Set<{ kick(): void }>();

function kickJobWorkers() {
  for (const w of workers) w.kick();
}

/**
 * The process's job worker: one job at a time, a round at every kick (a job was queued in this process) and every
 * `pollEveryMs` (jobs queued by another process; abandoned jobs). `periodic` work (e.g. the sweep that queues the
 * refresh of stale regional figures) runs at each poll.
 */
export function startJobWorker(
  db: Db,
  options: { kind: 'pglite' | 'postgres'; pollEveryMs?: number; periodic?: readonly ((db: Db) => Promise<unknown>)[] },
): JobWorker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let first = true;
  const round = async () => {
    do {
      again = false;
      if (first) {
        first = false;
        await failAbandonedJobs(db, options.kind === 'pglite' ? new Date(Date.now() + 1000) : new Date(Date.now() - STALE_AFTER_MS));
      }
      for (const p of options.periodic ?? []) await p(db);
      for (let row = await claimNextJob(db); row && !stopped; row = await claimNextJob(db)) await runJob(db, row, options.kind);
    } while (again && !stopped);
  };
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((error) => log.error('coda dei lavori non riuscita', { error }))
      .finally(() => {
        running = null;
      });
  };
  const entry = { kick };
  workers.add(entry);
  const timer = setInterval(kick, options.pollEveryMs ?? 15_000);
  timer.unref();
  kick();
  return {
    kick,
    stop() {
      stopped = true;
      clearInterval(timer);
      workers.delete(entry);
      for (const state of live.values()) state.cancel = true;
      return running ?? Promise.resolve();
    },
  };
}
