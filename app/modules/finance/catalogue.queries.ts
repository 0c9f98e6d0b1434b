import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import type { FundingSource, SpendingAreaCatalogue, SpendingArea } from './catalogues.ts';
import { fundingSources, spendingAreaMappings, spendingAreas } from './finance.schema.ts';

// Reads of the installation's catalogues (funding sources, spending areas and their mappings): the same for every Ambito.

/** The classification the spending files and the dashboard use (the areas of the Lombardy Piani di Zona). */
export const SPENDING_CLASSIFICATION = 'LOMBARDIA';

/** The installation's catalogues as the pure rules and the importer expect them. */
export async function getCatalogue(db: DbOrTx): Promise<{ fundingSources: FundingSource[]; areaCatalogue: SpendingAreaCatalogue; areas: SpendingArea[] }> {
  const [sources, areas, mappings] = await Promise.all([
    db.select().from(fundingSources).orderBy(asc(fundingSources.position)),
    db.select().from(spendingAreas).orderBy(asc(spendingAreas.classificationCode), asc(spendingAreas.position)),
    db.select().from(spendingAreaMappings).orderBy(asc(spendingAreaMappings.fromClassification), asc(spendingAreaMappings.fromArea)),
  ]);
  const fs: FundingSource[] = sources.map((s) => ({
    code: s.code,
    name: s.name,
    shortName: s.shortName,
    kind: s.kind as FundingSource['kind'],
    parent: s.parentCode,
    legalBasis: s.legalBasis,
    activeFrom: s.activeFrom,
    activeTo: s.activeTo,
    aliases: s.aliases,
    notes: s.notes,
  }));
  const classifications = [...new Map(areas.map((a) => [a.classificationCode, a.classificationName])).entries()].map(([code, name]) => ({
    code,
    name,
    description: null,
    areas: areas.filter((a) => a.classificationCode === code).map((a) => ({ code: a.code, name: a.name, aliases: a.aliases, description: a.description })),
  }));
  const pairs = [...new Set(mappings.map((m) => `${m.fromClassification}|${m.toClassification}`))];
  const areaCatalogue: SpendingAreaCatalogue = {
    classifications,
    mappings: pairs.map((p) => {
      const [from, to] = p.split('|') as [string, string];
      return {
        from,
        to,
        entries: mappings
          .filter((m) => m.fromClassification === from && m.toClassification === to)
          .map((m) => ({ from: m.fromArea, to: m.toArea, fit: m.fit as 'exact' | 'approximate', note: m.note })),
      };
    }),
  };
  return { fundingSources: fs, areaCatalogue, areas: classifications.find((c) => c.code === SPENDING_CLASSIFICATION)?.areas ?? [] };
}

export async function listFundingSourceRows(db: DbOrTx) {
  return db.select().from(fundingSources).orderBy(asc(fundingSources.position));
}

export async function hasCatalogue(db: DbOrTx): Promise<boolean> {
  return (await db.select({ id: fundingSources.id }).from(fundingSources).limit(1)).length > 0;
}

export async function getFundingSourceRow(db: DbOrTx, code: string) {
  const [row] = await db.select().from(fundingSources).where(eq(fundingSources.code, code));
  return row ?? null;
}
