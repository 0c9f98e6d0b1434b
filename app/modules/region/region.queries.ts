// What the regional workspace reads: the stored figures of the Ambiti of a Region (or of Italy) for a year, with a
// fixed number of queries whatever the number of Ambiti (tested by tests/integration/region.test.ts).
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { ambiti, regions } from '../territory/index.server.ts';
import { pendingRefresh, staleFigures } from './region.refresh.ts';
import { defaultYear, type AmbitoFigures, type StoredFigures } from './region.rules.ts';
import { regionAmbitoFigures } from './region.schema.ts';

export async function getRegion(db: DbOrTx, code: string) {
  const [r] = await db.select().from(regions).where(eq(regions.code, code));
  return r ?? null;
}

export interface WorkspaceData {
  year: number;
  rows: StoredFigures[];
  /** Ambiti of the scope, with or without figures for the year. */
  ambitiInScope: number;
  /** The oldest and newest computation of the rows shown. */
  computedFrom: string | null;
  computedTo: string | null;
  /** The years with figures in this scope (for the year filter). */
  years: number[];
  /** A refresh waiting or under way for this scope and year. */
  pending: { id: string; status: string; done: number; total: number | null } | null;
}

/**
 * The figures of every Ambito of the Region (or of Italy when regionCode is null) for the year — or, without a year,
 * for the default one (defaultYear: the latest with figures up to `currentYear`).
 */
export async function loadWorkspace(db: DbOrTx, input: { regionCode: string | null; year: number | null; currentYear?: number }): Promise<WorkspaceData> {
  const inScope = input.regionCode ? eq(ambiti.regionCode, input.regionCode) : undefined;
  const years = (
    await db
      .selectDistinct({ year: regionAmbitoFigures.year })
      .from(regionAmbitoFigures)
      .where(input.regionCode ? eq(regionAmbitoFigures.regionCode, input.regionCode) : undefined)
      .orderBy(sql`1 desc`)
  ).map((y) => y.year);
  const year = input.year ?? defaultYear(years, input.currentYear ?? new Date().getFullYear());
  const [stored, total, stale, pending] = await Promise.all([
    db
      .select({
        ambitoId: regionAmbitoFigures.ambitoId,
        ambitoCode: ambiti.code,
        ambitoName: ambiti.name,
        regionCode: ambiti.regionCode,
        regionName: regions.name,
        figures: regionAmbitoFigures.figures,
        computedAt: regionAmbitoFigures.computedAt,
      })
      .from(regionAmbitoFigures)
      .innerJoin(ambiti, eq(ambiti.id, regionAmbitoFigures.ambitoId))
      .innerJoin(regions, eq(regions.code, ambiti.regionCode))
      .where(and(eq(regionAmbitoFigures.year, year), inScope))
      .orderBy(asc(ambiti.name)),
    db.select({ n: count() }).from(ambiti).where(inScope),
    staleFigures(db, { year, regionCode: input.regionCode }),
    pendingRefresh(db, year, input.regionCode),
  ]);
  const staleIds = new Set(stale.map((s) => s.ambitoId));
  const rows: StoredFigures[] = stored.map((r) => ({
    ambitoId: r.ambitoId,
    ambitoCode: r.ambitoCode,
    ambitoName: r.ambitoName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    figures: r.figures as AmbitoFigures,
    computedAt: r.computedAt.toISOString(),
    stale: staleIds.has(r.ambitoId),
  }));
  const times = rows.map((r) => r.computedAt).sort();
  return {
    year,
    rows,
    ambitiInScope: Number(total[0]?.n ?? 0),
    computedFrom: times[0] ?? null,
    computedTo: times.at(-1) ?? null,
    years,
    pending: pending ? { id: pending.id, status: pending.status, done: pending.done, total: pending.total } : null,
  };
}
