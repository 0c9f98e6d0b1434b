// The refresh of the regional figures (ADR 0015). For each Ambito and year the figures are one read of each module's
// public face — the same functions, so the same numbers, as the Ambito's own pages — stored in region_ambito_figures
// with the audit log's last id at that moment. A later write about the Ambito (or about no Ambito in particular: a
// catalogue, the ISTAT comuni) makes the row stale; the sweep of the job worker queues a refresh of the stale rows, and
// a regional page shows when its figures were computed and which Ambiti are being recomputed.
import { and, eq, inArray, isNull, max, sql, type SQL } from 'drizzle-orm';
import { systemActor } from '../../shared/auth/actor.ts';
import { auditLog } from '../../shared/audit/audit.schema.ts';
import type { Db, DbOrTx } from '../../shared/db/client.ts';
import { enqueueJob, jobs, type JobContext } from '../../shared/jobs/jobs.server.ts';
import { readLepsForRegion } from '../leps/index.server.ts';
import { readMonitoringForRegion } from '../monitoring/index.server.ts';
import { readParticipationForRegion } from '../participation/index.server.ts';
import { readPlanForRegion } from '../planning/index.server.ts';
import { readSpendingForRegion } from '../finance/index.server.ts';
import { ambiti, readTerritoryForRegion } from '../territory/index.server.ts';
import { regionAmbitoFigures } from './region.schema.ts';
import type { AmbitoFigures } from './region.rules.ts';

export const REFRESH_JOB = 'region.refresh';

/** The figures of one Ambito for one year, each from its module's face. */
export async function computeAmbitoFigures(db: DbOrTx, ambitoId: string, year: number): Promise<AmbitoFigures> {
  const [territory, plan, spending, leps, participation] = await Promise.all([
    readTerritoryForRegion(db, ambitoId, year),
    readPlanForRegion(db, ambitoId, year),
    readSpendingForRegion(db, ambitoId, year),
    readLepsForRegion(db, ambitoId, year),
    readParticipationForRegion(db, ambitoId, year),
  ]);
  const monitoring = await readMonitoringForRegion(db, { planId: plan.plan?.id ?? null, closedPlanId: plan.closedPlan?.id ?? null, year });
  return { territory, plan, spending, monitoring, leps, participation };
}

/** The audit log's last id (0 when empty): the mark of what the figures computed now have seen. */
async function auditHighWater(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ id: max(auditLog.id) }).from(auditLog);
  return Number(row?.id ?? 0);
}

/** The Ambiti of a Region (or of Italy). */
async function ambitiIn(db: DbOrTx, regionCode: string | null) {
  return db
    .select({ id: ambiti.id, regionCode: ambiti.regionCode })
    .from(ambiti)
    .where(regionCode ? eq(ambiti.regionCode, regionCode) : undefined)
    .orderBy(ambiti.code);
}

/**
 * Writes that change no figure of the workspace: sign-ins, accounts and tokens (written with no Ambito at every
 * sign-in: counting them would recompute every Ambito of Italy after each one) and the generation of a plan's document.
 */
export const WRITES_WITHOUT_FIGURES = ['accounts.%', 'reports.document.%'];
const affectsFigures = (action: SQL) => and(...WRITES_WITHOUT_FIGURES.map((p) => sql`${action} not like ${p}`))!;

/**
 * The Ambiti × years whose stored figures are stale (a later write about the Ambito, or about no Ambito) — with a
 * fixed number of queries: the last audit id about no Ambito, and for each stored row its Ambito's last audit id.
 */
export async function staleFigures(db: DbOrTx, where: { year?: number; regionCode?: string | null } = {}): Promise<{ ambitoId: string; year: number }[]> {
  const [global] = await db
    .select({ id: max(auditLog.id) })
    .from(auditLog)
    .where(and(isNull(auditLog.ambitoId), affectsFigures(sql`${auditLog.action}`)));
  const globalMark = Number(global?.id ?? 0);
  const rows = await db
    .select({
      ambitoId: regionAmbitoFigures.ambitoId,
      year: regionAmbitoFigures.year,
      mark: regionAmbitoFigures.auditMark,
      // Qualified by hand: inside the subquery an unqualified «ambito_id» would be the audit log's own column.
      last: sql<
        number | null
      >`(select max(l.id) from ${auditLog} l where l.ambito_id = "region_ambito_figures"."ambito_id" and ${affectsFigures(sql`l.action`)})`,
    })
    .from(regionAmbitoFigures)
    .where(
      and(
        where.year === undefined ? undefined : eq(regionAmbitoFigures.year, where.year),
        where.regionCode ? eq(regionAmbitoFigures.regionCode, where.regionCode) : undefined,
      ),
    );
  return rows.filter((r) => Number(r.last ?? 0) > r.mark || globalMark > r.mark).map((r) => ({ ambitoId: r.ambitoId, year: r.year }));
}

/** Stores one Ambito's figures for a year (replacing the previous ones). */
async function storeFigures(db: DbOrTx, input: { ambitoId: string; regionCode: string; year: number; figures: AmbitoFigures; mark: number }) {
  await db
    .insert(regionAmbitoFigures)
    .values({ ambitoId: input.ambitoId, year: input.year, regionCode: input.regionCode, figures: input.figures, auditMark: input.mark, computedAt: new Date() })
    .onConflictDoUpdate({
      target: [regionAmbitoFigures.ambitoId, regionAmbitoFigures.year],
      set: { regionCode: input.regionCode, figures: input.figures, auditMark: input.mark, computedAt: new Date() },
    });
}

export interface RefreshOptions {
  year: number;
  /** A Region's Ambiti, or every Ambito of Italy when null/absent. */
  regionCode?: string | null;
  /** Only the Ambiti whose figures are missing or stale (the default recomputes them all). */
  onlyStale?: boolean;
  /** Only these Ambiti (the sweep's stale ones). */
  ambitoIds?: readonly string[];
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

/**
 * Computes and stores the figures of the Ambiti of a Region (or of Italy) for a year, one Ambito at a time (each in
 * its own short write, so that a long refresh never holds the database). Returns how many Ambiti were computed.
 */
export async function refreshRegionalFigures(db: Db, options: RefreshOptions): Promise<{ ambiti: number }> {
  let list = await ambitiIn(db, options.regionCode ?? null);
  if (options.ambitoIds) {
    const wanted = new Set(options.ambitoIds);
    list = list.filter((a) => wanted.has(a.id));
  }
  if (options.onlyStale) {
    const stored = await db
      .select({ ambitoId: regionAmbitoFigures.ambitoId })
      .from(regionAmbitoFigures)
      .where(and(eq(regionAmbitoFigures.year, options.year), options.regionCode ? eq(regionAmbitoFigures.regionCode, options.regionCode) : undefined));
    const have = new Set(stored.map((r) => r.ambitoId));
    const stale = new Set((await staleFigures(db, { year: options.year, regionCode: options.regionCode ?? null })).map((s) => s.ambitoId));
    list = list.filter((a) => !have.has(a.id) || stale.has(a.id));
  }
  let done = 0;
  for (const a of list) {
    // The mark is taken before reading: a write that lands while the figures are read leaves the row stale.
    const mark = await auditHighWater(db);
    const figures = await computeAmbitoFigures(db, a.id, options.year);
    await storeFigures(db, { ambitoId: a.id, regionCode: a.regionCode, year: options.year, figures, mark });
    done++;
    await options.onProgress?.(done, list.length);
  }
  return { ambiti: done };
}

/** The job that refreshes figures (payload: year, regionCode, onlyStale, ambitoIds). */
export async function runRefreshJob(ctx: JobContext): Promise<Record<string, unknown>> {
  const p = ctx.job.payload as { year?: unknown; regionCode?: unknown; onlyStale?: unknown; ambitoIds?: unknown };
  const year = Number(p.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`anno non valido: ${String(p.year)}`);
  const r = await refreshRegionalFigures(ctx.db, {
    year,
    regionCode: typeof p.regionCode === 'string' ? p.regionCode : null,
    onlyStale: p.onlyStale === true,
    ambitoIds: Array.isArray(p.ambitoIds) ? p.ambitoIds.filter((x): x is string => typeof x === 'string') : undefined,
    onProgress: async (done, total) => {
      await ctx.progress(done, total, 'region.job.step.refresh');
      await ctx.pause();
    },
  });
  return { year, regionCode: typeof p.regionCode === 'string' ? p.regionCode : null, ambiti: r.ambiti };
}

/** A refresh job not yet finished for this scope and year (to show it and not to queue a second one). */
export async function pendingRefresh(db: DbOrTx, year: number, regionCode: string | null) {
  const rows = await db
    .select({ id: jobs.id, status: jobs.status, done: jobs.done, total: jobs.total, payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.kind, REFRESH_JOB), inArray(jobs.status, ['queued', 'running'])));
  return (
    rows.find((r) => {
      const p = r.payload as { year?: number; regionCode?: string | null };
      return p.year === year && (p.regionCode ?? null) === (regionCode ?? null);
    }) ??
    rows.find((r) => {
      const p = r.payload as { year?: number; regionCode?: string | null };
      return p.year === year && (p.regionCode ?? null) === null;
    }) ??
    null
  );
}

/** Queues the refresh of a scope and year unless one is waiting or running already. Returns the job's id. */
export async function queueRefresh(
  db: Db,
  input: { year: number; regionCode: string | null; onlyStale: boolean; actor?: Parameters<typeof enqueueJob>[1]['actor'] },
) {
  const pending = await pendingRefresh(db, input.year, input.regionCode);
  if (pending) return pending.id;
  return enqueueJob(db, {
    kind: REFRESH_JOB,
    actor: input.actor ?? systemActor('aggiornamento delle cifre regionali'),
    regionCode: input.regionCode,
    payload: { year: input.year, regionCode: input.regionCode, onlyStale: input.onlyStale },
  });
}

/**
 * The sweep (every round of the job worker): for each year with stored figures, when some are stale, queues one
 * refresh of the stale rows of that year (unless one is pending). Returns how many it queued.
 */
export async function sweepStaleFigures(db: Db): Promise<number> {
  const stale = await staleFigures(db);
  const years = [...new Set(stale.map((s) => s.year))];
  let queued = 0;
  for (const year of years) {
    const pending = await pendingRefresh(db, year, null);
    if (pending) continue;
    queued++;
    await enqueueJob(db, {
      kind: REFRESH_JOB,
      actor: systemActor('aggiornamento delle cifre regionali'),
      payload: { year, regionCode: null, onlyStale: true, ambitoIds: stale.filter((s) => s.year === year).map((s) => s.ambitoId) },
    });
  }
  return queued;
}
