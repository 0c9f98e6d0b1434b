import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { hasControlCharacters } from '../../shared/validation.ts';
import { ambitoComuni, ambiti, comuni, populationFacts, regions } from './territory.schema.ts';
import { headlinePopulation, populationTotal } from './territory.rules.ts';

export const today = () => new Date().toISOString().slice(0, 10);

export async function listAmbiti(db: DbOrTx) {
  return db
    .select({ id: ambiti.id, code: ambiti.code, name: ambiti.name, regionCode: ambiti.regionCode, regionName: regions.name })
    .from(ambiti)
    .innerJoin(regions, eq(regions.code, ambiti.regionCode))
    .orderBy(asc(ambiti.name));
}

export async function getAmbitoByCode(db: DbOrTx, code: string) {
  // A code from an address (`/ambiti/%00`) with a control character names no Ambito: PostgreSQL could not even compare it.
  if (hasControlCharacters(code)) return null;
  const [row] = await db
    .select({
      ...pick(ambiti, 'id', 'code', 'name', 'regionCode'),
      regionName: regions.name,
      ...pick(ambiti, 'managementForm', 'healthDistrict', 'healthAuthority', 'healthTrust', 'description', 'version', 'updatedAt'),
    })
    .from(ambiti)
    .innerJoin(regions, eq(regions.code, ambiti.regionCode))
    .where(eq(ambiti.code, code));
  return row ?? null;
}

export async function getAmbitoById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(ambiti).where(eq(ambiti.id, id));
  return row ?? null;
}

/** The comuni that are members of an Ambito on a given day, capofila first, then by name. */
export async function listAmbitoComuni(db: DbOrTx, ambitoId: string, day = today()) {
  const rows = await db
    .select({
      ...pick(comuni, 'id', 'istatCode', 'name', 'provinceName', 'carPlate'),
      population: comuni.population2011,
      ...pick(ambitoComuni, 'isCapofila', 'validFrom'),
    })
    .from(ambitoComuni)
    .innerJoin(comuni, eq(comuni.id, ambitoComuni.comuneId))
    .where(and(eq(ambitoComuni.ambitoId, ambitoId), lte(ambitoComuni.validFrom, day), or(isNull(ambitoComuni.validTo), gte(ambitoComuni.validTo, day))))
    .orderBy(asc(comuni.name));
  return rows.sort((a, b) => Number(b.isCapofila) - Number(a.isCapofila));
}

/**
 * The Ambito home page's read model: the Ambito, its comuni with their 2011 census population and its total (the
 * table), and the headline population: the most recent figure recorded for the Ambito (see headlinePopulation).
 */
export async function getAmbitoOverview(db: DbOrTx, code: string, day = today()) {
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) return null;
  const [members, series, facts] = await Promise.all([
    listAmbitoComuni(db, ambito.id, day),
    listAmbitoPopulation(db, ambito.id),
    listComuniPopulation(db, ambito.id, day),
  ]);
  const { total, missing } = populationTotal(members);
  const capofila = members.find((m) => m.isCapofila) ?? null;
  const headline = headlinePopulation({
    ambitoSeries: series,
    comuni: members,
    comuniFacts: facts.map((f) => ({ comuneId: f.comuneId!, year: f.year, total: f.total, referenceDate: f.referenceDate, source: f.source })),
    day,
  });
  return { ambito, comuni: members, populationTotal: total, populationMissing: missing, headline, capofila, day };
}

export async function hasComuni(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: comuni.id }).from(comuni).limit(1);
  return rows.length > 0;
}

export async function hasPopulationFacts(db: DbOrTx, ambitoId: string): Promise<boolean> {
  const rows = await db.select({ id: populationFacts.id }).from(populationFacts).where(eq(populationFacts.ambitoId, ambitoId)).limit(1);
  return rows.length > 0;
}

/** The yearly population series of the Ambito as a whole (published Ambito totals), oldest first. */
export async function listAmbitoPopulation(db: DbOrTx, ambitoId: string) {
  return db.select().from(populationFacts).where(eq(populationFacts.ambitoId, ambitoId)).orderBy(asc(populationFacts.year));
}

/** The yearly population facts of the member comuni of an Ambito (as of `day`), oldest first. */
export async function listComuniPopulation(db: DbOrTx, ambitoId: string, day = today()) {
  const members = await listAmbitoComuni(db, ambitoId, day);
  if (members.length === 0) return [];
  const rows = await db
    .select()
    .from(populationFacts)
    .where(
      inArray(
        populationFacts.comuneId,
        members.map((m) => m.id),
      ),
    )
    .orderBy(asc(populationFacts.year));
  return rows.map((r) => ({ ...r, comune: members.find((m) => m.id === r.comuneId)! }));
}
