// Read for the regional workspace (app/modules/region): the territory figures of one Ambito for one year — its member
// comuni on 31 December of the year (the membership rule every yearly figure uses: finance's coverage, LEPS), their
// provinces, the health references, and the population the Ambito's home page shows on that day (headlinePopulation).
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { headlinePopulation, isInForce } from './territory.rules.ts';
import { ambitoComuni, ambiti, comuni, populationFacts } from './territory.schema.ts';
import { listAmbitoPopulation } from './territory.queries.ts';

export interface TerritoryRegionFigures {
  /** Member comuni on 31 December of the year (membership valid on that day). */
  comuni: number;
  /** The provinces of those comuni with how many each, most comuni first (then by name). */
  provinces: { code: string; name: string; comuni: number }[];
  healthAuthority: string | null;
  healthTrust: string | null;
  healthDistrict: string | null;
  /**
   * The population the Ambito's home page shows on 31 December of the year: the Ambito's own series (latest figure
   * referring to a day up to then), else the sum of the comuni for the latest year every member has, else the 2011
   * census; null when there is none (no series, no member).
   */
  population: number | null;
  populationYear: number | null;
  /** How the population is made: the Ambito's published total, the sum of its comuni, or the 2011 census. */
  populationBasis: 'ambito' | 'comuni' | 'census' | null;
  /** Members the population covers («8 comuni su 9»): all of them for an Ambito total or a complete sum; for the census, those with a figure. */
  populationComuni: number;
}

/** The territory figures of an Ambito for `year` (4 queries, 3 of them in parallel). */
export async function readTerritoryForRegion(db: DbOrTx, ambitoId: string, year: number): Promise<TerritoryRegionFigures> {
  const day = `${year}-12-31`;
  const [[ambito], memberships, series] = await Promise.all([
    db
      .select({ healthAuthority: ambiti.healthAuthority, healthTrust: ambiti.healthTrust, healthDistrict: ambiti.healthDistrict })
      .from(ambiti)
      .where(eq(ambiti.id, ambitoId)),
    db
      .select({
        id: comuni.id,
        provinceCode: comuni.provinceCode,
        provinceName: comuni.provinceName,
        population: comuni.population2011,
        validFrom: ambitoComuni.validFrom,
        validTo: ambitoComuni.validTo,
      })
      .from(ambitoComuni)
      .innerJoin(comuni, eq(comuni.id, ambitoComuni.comuneId))
      .where(eq(ambitoComuni.ambitoId, ambitoId)),
    listAmbitoPopulation(db, ambitoId),
  ]);
  // The same membership as listAmbitoComuni(db, ambitoId, day), one row per comune.
  const members = [...new Map(memberships.filter((m) => isInForce(m, day)).map((m) => [m.id, m])).values()];
  const facts = members.length
    ? await db
        .select({
          comuneId: populationFacts.comuneId,
          year: populationFacts.year,
          total: populationFacts.total,
          referenceDate: populationFacts.referenceDate,
          source: populationFacts.source,
        })
        .from(populationFacts)
        .where(
          inArray(
            populationFacts.comuneId,
            members.map((m) => m.id),
          ),
        )
        .orderBy(asc(populationFacts.year))
    : [];

  const provinces = new Map<string, { code: string; name: string; comuni: number }>();
  for (const m of members) {
    const p = provinces.get(m.provinceCode) ?? { code: m.provinceCode, name: m.provinceName, comuni: 0 };
    p.comuni++;
    provinces.set(m.provinceCode, p);
  }

  const headline = headlinePopulation({
    ambitoSeries: series,
    comuni: members,
    comuniFacts: facts.map((f) => ({ ...f, comuneId: f.comuneId! })),
    day,
  });
  // A census sum over no comune is no population.
  const none = headline.level === 'census' && headline.covered === 0;
  return {
    comuni: members.length,
    provinces: [...provinces.values()].sort((a, b) => b.comuni - a.comuni || a.name.localeCompare(b.name, 'it')),
    healthAuthority: ambito?.healthAuthority ?? null,
    healthTrust: ambito?.healthTrust ?? null,
    healthDistrict: ambito?.healthDistrict ?? null,
    population: none ? null : headline.total,
    populationYear: none ? null : headline.year,
    populationBasis: none ? null : headline.level,
    populationComuni: none ? 0 : headline.covered,
  };
}
