/**
 * Bulk writes that leave the event loop free. Embedded PGlite runs the database in this very thread: one INSERT of
 * 5.000 rows holds the event loop for a few hundred milliseconds, and every other request waits. On a PostgreSQL
 * server the same statement runs in another process and the event loop only waits (idle) for the answer. So the batch
 * size is chosen from what a statement actually costs the event loop — its *active* time, measured with
 * `performance.eventLoopUtilization()` — not from the kind of database: batches shrink until a statement holds the
 * loop for about `targetMs`, and grow up to `max` where the database works elsewhere.
 */
import { performance } from 'node:perf_hooks';

export interface BatchOptions {
  /** First batch size (rows). */
  initial?: number;
  min?: number;
  max?: number;
  /** Event-loop time one statement may take (ms). */
  targetMs?: number;
  /** After each batch, with the rows done so far (progress, a turn for the event loop, a cancel check). */
  after?: (done: number) => Promise<void>;
}

/**
 * Runs `step(size)` — one statement over at most `size` rows, answering how many it did — until a step does fewer
 * than it was asked, sizing each step as described above. Returns the rows done in all.
 */
export async function inBatches(step: (size: number) => Promise<number>, options: BatchOptions = {}): Promise<number> {
  const min = options.min ?? 100;
  const max = options.max ?? 5_000;
  const target = options.targetMs ?? 15;
  let size = Math.min(max, Math.max(min, options.initial ?? 500));
  let done = 0;
  for (;;) {
    const before = performance.eventLoopUtilization();
    const n = await step(size);
    const busy = performance.eventLoopUtilization(before).active;
    done += n;
    if (n > 0 && options.after) await options.after(done);
    if (n < size) return done;
    // Aim at the target, moving at most ×2 or ÷2 per batch (one slow statement — a checkpoint — does not collapse it).
    const ideal = busy > 0 ? (n * target) / busy : max;
    size = Math.round(Math.min(max, Math.max(min, size / 2, Math.min(size * 2, ideal))));
  }
}

/** Writes `rows` with `write(batch)` in batches sized by `inBatches`. Returns how many rows were written. */
export async function writeInBatches<T>(rows: readonly T[], write: (batch: readonly T[]) => Promise<unknown>, options: BatchOptions = {}): Promise<number> {
  let at = 0;
  return inBatches(async (size) => {
    const batch = rows.slice(at, at + size);
    if (batch.length > 0) await write(batch);
    at += batch.length;
    return batch.length;
  }, options);
}
