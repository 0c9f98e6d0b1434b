// What the read API (app/modules/api) reads of the LEPS module: the social-worker ratio of an Ambito year by year, as
// aggregated figures (no post, no employer, no person): a fixed number of set-based reads (the staff list and the
// population series), the rest computed by the pure rules of leps.rules.ts.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { ambitoPopulationSeries } from './leps.queries.ts';
import {
  socialWorkerHistory,
  STAFF_BASES,
  type ContractKind,
  type EmployerKind,
  type StaffBasis,
  type ThresholdCheck,
  type ThresholdStatus,
} from './leps.rules.ts';
import { socialWorkerPosts } from './leps.schema.ts';

export interface ApiLepsYear {
  year: number;
  /** The population the ratio is computed on, and the year of that figure (the latest one up to `year`). */
  population: number | null;
  populationYear: number | null;
  /** Social-worker FTE in service on 31 December by basis (null when the Ambito has recorded no staff at all). */
  fte: Record<StaffBasis, number> | null;
  /** Inhabitants per FTE on the basis of the law (permanent staff of the Ambito and its comuni). */
  inhabitantsPerWorker: number | null;
  /** The LEPS (1:5.000) and the service objective (1:4.000) against the FTE of the year. */
  targets: ApiLepsTarget[];
}

export interface ApiLepsTarget {
  kind: ThresholdCheck['kind'];
  inhabitantsPerWorker: number;
  /** FTE needed: population / inhabitants per worker (null without population). */
  requiredFte: number | null;
  requiredPersons: number | null;
  /** `dati_mancanti` without population or when the Ambito has recorded no staff. */
  status: ThresholdStatus;
  gapFte: number | null;
  toHire: number | null;
}

/**
 * The social-worker ratio of an Ambito for every year from its first population figure or staff record up to `lastYear`
 * (L. 178/2020, art. 1, c. 797: 1 FTE every 5.000 inhabitants, service objective 1 every 4.000), on the basis of the law.
 */
export async function lepsRatioByYearForApi(db: DbOrTx, ambitoId: string, lastYear: number): Promise<ApiLepsYear[]> {
  const [posts, population] = await Promise.all([
    db
      .select({
        code: socialWorkerPosts.code,
        fte: socialWorkerPosts.fte,
        employerKind: socialWorkerPosts.employerKind,
        contract: socialWorkerPosts.contract,
        validFrom: socialWorkerPosts.validFrom,
        validTo: socialWorkerPosts.validTo,
      })
      .from(socialWorkerPosts)
      .where(eq(socialWorkerPosts.ambitoId, ambitoId)),
    ambitoPopulationSeries(db, ambitoId, `${lastYear}-12-31`),
  ]);
  const firstYears = [...population.map((p) => p.year), ...posts.map((p) => Number(p.validFrom.slice(0, 4)))];
  if (firstYears.length === 0) return [];
  const years: { year: number; population: number | null; populationYear: number | null }[] = [];
  for (let y = Math.min(lastYear, ...firstYears); y <= lastYear; y++) {
    const p = [...population].reverse().find((x) => x.year <= y) ?? null;
    years.push({ year: y, population: p?.population ?? null, populationYear: p?.year ?? null });
  }
  const rulePosts = posts.map((p) => ({
    id: p.code,
    fte: p.fte,
    employerKind: p.employerKind as EmployerKind,
    employerName: '',
    contract: p.contract as ContractKind,
    fundingSources: [],
    from: p.validFrom,
    to: p.validTo,
  }));
  const recorded = posts.length > 0;
  return socialWorkerHistory(rulePosts, years).map((h, i) => {
    const a = h.assessment;
    const check = (c: ThresholdCheck): ApiLepsTarget => ({
      kind: c.kind,
      inhabitantsPerWorker: c.inhabitantsPerWorker,
      requiredFte: c.requiredFte?.value ?? null,
      status: recorded ? c.status : 'dati_mancanti',
      requiredPersons: c.requiredPersons,
      gapFte: recorded ? c.gapFte : null,
      toHire: recorded ? c.toHire : null,
    });
    return {
      year: h.year,
      population: h.population,
      populationYear: years[i]!.populationYear,
      fte: recorded ? (Object.fromEntries(STAFF_BASES.map((b) => [b, h.staff.fte[b]])) as Record<StaffBasis, number>) : null,
      inhabitantsPerWorker: recorded ? (a.inhabitantsPerWorker?.value ?? null) : null,
      targets: [check(a.leps), check(a.serviceObjective)],
    };
  });
}
