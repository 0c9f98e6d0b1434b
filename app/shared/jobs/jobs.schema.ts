import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../db/columns.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Background work (ADR 0015): an import, a refresh of the regional figures… queued by a request and done by a worker
 * of any application process (claimed with FOR UPDATE SKIP LOCKED, as the outbox is), with its progress, a cancel
 * request, and the result or the problems at the end. The module that queued a job shows it and decides who sees it.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    /** What to do: `<module>.<work>`, e.g. "finance.spending-import"; a handler is registered per kind. */
    kind: text('kind').notNull(),
    /** The Ambito the work is about (null for work across Ambiti). */
    ambitoId: uuid('ambito_id'),
    /** The Region the work is about, when it is about one. */
    regionCode: text('region_code'),
    /** queued | running | done | failed | cancelled */
    status: text('status').notNull().default('queued'),
    /** What the job was asked to do (validated by its handler). */
    payload: jsonb('payload').notNull().default({}),
    /** The uploaded file(s), kept only until the job ends. */
    input: bytea('input'),
    /** Work done of the total (rows, Ambiti…), and the step under way (a dictionary key of the owning module). */
    done: integer('done').notNull().default(0),
    total: integer('total'),
    step: text('step'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    /** The handler's summary when done. */
    result: jsonb('result'),
    /** The problems that stopped it (file, row, column, message) when failed. */
    issues: jsonb('issues'),
    error: text('error'),
    requestedBy: text('requested_by').notNull(),
    /** The user who asked (null for the system's own work). */
    requestedByUserId: uuid('requested_by_user_id'),
    createdAt: createdAt(),
    startedAt: instant('started_at'),
    /** Written with the progress: a running job whose heartbeat is old belonged to a process that stopped. */
    heartbeatAt: instant('heartbeat_at'),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    index('jobs_queue_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'queued'`),
    index('jobs_ambito_idx').on(t.ambitoId, t.kind, t.createdAt),
    index('jobs_kind_idx').on(t.kind, t.status),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
