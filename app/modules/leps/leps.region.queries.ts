// Read for the regional workspace (app/modules/region): one Ambito's LEPS row for one year, from its LEPS dashboard
// (getLepsDashboard) — the figures the workspace's LEPS view shows for every Ambito of a Region.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { ambiti } from '../territory/index.server.ts';
import { SOCIAL_SERVICE_LEPS_CODE, type RegionalRow } from './leps.dashboard.ts';
import { getLepsDashboard } from './leps.queries.ts';

/** The regional LEPS row of an Ambito without its code and name (see RegionalRow for each field). */
export type LepsRegionFigures = Omit<RegionalRow, 'ambitoCode' | 'ambitoName'>;

/**
 * The LEPS figures of an Ambito for `year`: the Ambito's LEPS dashboard (catalogue, plan covering the year and its
 * evidence, social-worker staffing) summed up as a row of the regional table. 14 queries with a plan, none per LEPS or
 * per objective.
 */
export async function readLepsForRegion(db: DbOrTx, ambitoId: string, year: number): Promise<LepsRegionFigures> {
  const d = await getLepsDashboard(db, ambitoId, year);
  const s = d.staffing.current;
  const recorded = d.staffing.staffRecorded;
  const social = d.rows.find((r) => r.code === SOCIAL_SERVICE_LEPS_CODE);
  const priority = d.rows.filter((r) => r.priority !== null);
  return {
    planTitle: d.plan?.title ?? null,
    population: s.population,
    populationYear: s.populationYear,
    fte: recorded ? s.fte : null,
    inhabitantsPerWorker: recorded ? (s.assessment.inhabitantsPerWorker?.value ?? null) : null,
    lepsStatus: social?.summary.status ?? 'dati_mancanti',
    requiredLepsFte: s.assessment.leps.requiredFte?.value ?? null,
    requiredObjectiveFte: s.assessment.serviceObjective.requiredFte?.value ?? null,
    gapLepsFte: recorded ? s.assessment.leps.gapFte : null,
    gapObjectiveFte: recorded ? s.assessment.serviceObjective.gapFte : null,
    toHireLeps: recorded ? s.assessment.leps.toHire : null,
    toHireObjective: recorded ? s.assessment.serviceObjective.toHire : null,
    programmedLeps: d.rows.filter((r) => r.summary.objectives > 0).length,
    catalogueSize: d.rows.length,
    priorityWithTargets: priority.filter((r) => r.summary.status === 'programmato').length,
    prioritySize: priority.length,
    lepsBudgetCents: d.budget.totalCents,
  };
}

/**
 * One row per Ambito of the Region for `year` (see RegionalRow), by name: the Ambito-by-Ambito reading (one dashboard
 * each) that the regional workspace's refresh job does in the background. Tests compare the workspace with it.
 */
export async function getRegionalLepsRows(db: DbOrTx, regionCode: string, year: number): Promise<RegionalRow[]> {
  const list = await db
    .select({ id: ambiti.id, code: ambiti.code, name: ambiti.name })
    .from(ambiti)
    .where(eq(ambiti.regionCode, regionCode))
    .orderBy(asc(ambiti.name));
  const rows: RegionalRow[] = [];
  for (const a of list) rows.push({ ambitoCode: a.code, ambitoName: a.name, ...(await readLepsForRegion(db, a.id, year)) });
  return rows;
}
