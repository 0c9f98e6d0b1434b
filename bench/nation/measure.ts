// Measuring for bench/national.ts: pages with autocannon (exact percentiles from every response time, as bench/http.ts
// does), the SQL a page runs captured once with a drizzle logger and replayed directly on the same database, /healthz
// sampled every 10 ms, and the resident memory of a process.
import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import autocannon from 'autocannon';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import type { Database, Db } from '../../app/shared/db/client.ts';

/** Exact percentile of sorted latencies (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms2 = (v: number) => Math.round(v * 100) / 100;

export interface PageRun {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon on one URL: a 2 s warm-up, then `duration` seconds with `connections` connections. */
export async function measurePage(url: string, options: { connections: number; duration: number; headers?: Record<string, string> }): Promise<PageRun> {
  const { connections, duration, headers } = options;
  // A heavy page with 10 connections queues for seconds: a response is counted, not dropped at autocannon's 10 s default.
  const timeout = 120;
  await autocannon({ url, connections, duration: 2, headers, timeout });
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, headers, timeout }, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: ms2(percentile(times, 50)),
    p95: ms2(percentile(times, 95)),
    p99: ms2(percentile(times, 99)),
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The driver under the database's drizzle instance (PGlite, or the pg pool). */
function clientOf(database: Database): PGlite | pg.Pool {
  return (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
}

/**
 * A drizzle instance on the same driver that records every statement while `recording` is set: handed to the app's
 * request listener, it shows which statements a page runs.
 */
export function recordingDb(database: Database): { db: Db; record<T>(run: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> } {
  let recorded: Statement[] | null = null;
  const logger = { logQuery: (sql: string, params: unknown[]) => void recorded?.push({ sql, params: [...params] }) };
  const client = clientOf(database);
  const db = (database.kind === 'pglite'
    ? drizzlePglite({ client: client as PGlite, logger })
    : drizzleNodePg({ client: client as pg.Pool, logger })) as unknown as Db;
  return {
    db,
    async record(run) {
      recorded = [];
      try {
        const result = await run();
        return { result, statements: recorded };
      } finally {
        recorded = null;
      }
    },
  };
}

/** Whether a statement only reads (replaying it changes nothing). */
export const isRead = (s: Statement) => /^\s*(select|with)\b/i.test(s.sql) && !/\bfor\s+(update|share)\b/i.test(s.sql);

export interface SqlRun {
  runs: number;
  statements: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Runs a page's statements `runs` times directly on the driver, `concurrency` sets at a time (one set = the page's
 * statements in order, as its loader ran them); the latency of a set is the time of all its statements.
 */
export async function replay(database: Database, statements: readonly Statement[], runs: number, concurrency: number): Promise<SqlRun> {
  const client = clientOf(database) as { query(sql: string, params?: unknown[]): Promise<unknown> };
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < runs) {
      next++;
      const t0 = performance.now();
      for (const s of statements) await client.query(s.sql, s.params);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  return {
    runs,
    statements: statements.length,
    rps: Math.round((runs / elapsed) * 1000),
    p50: ms2(percentile(times, 50)),
    p95: ms2(percentile(times, 95)),
    p99: ms2(percentile(times, 99)),
  };
}

/** Requests `url` every `everyMs` until `stop` resolves (a new request only after the previous answer); the latencies. */
export async function sampleWhile(url: string, everyMs: number, stop: Promise<unknown>): Promise<number[]> {
  let stopped = false;
  void stop.finally(() => (stopped = true));
  const times: number[] = [];
  while (!stopped) {
    const t0 = performance.now();
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      times.push(performance.now() - t0);
    } catch {
      times.push(Number.POSITIVE_INFINITY);
    }
    const wait = everyMs - (performance.now() - t0);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  return times.sort((a, b) => a - b);
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}
