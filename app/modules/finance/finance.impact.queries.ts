// What the social-impact report (reports module) reads of finance: the Ambito's spending summed by year, area and
// nature (servizi, contributi, strutture, or not stated), with the areas' names.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { SPENDING_CLASSIFICATION } from './catalogue.queries.ts';
import { spendingAreas, spendingFacts } from './finance.schema.ts';
import type { SpendingNature } from './spending-nature.ts';

export interface ImpactSpendingRow {
  year: number;
  areaCode: string;
  areaName: string;
  /** null: the source does not state the nature. */
  nature: SpendingNature | null;
  amountCents: number;
}

/** Every spending row of the Ambito (all comuni and the Ambito's own) summed by year, area and nature. */
export async function listSpendingForImpact(db: DbOrTx, ambitoId: string): Promise<ImpactSpendingRow[]> {
  const rows = await db
    .select({
      year: spendingFacts.year,
      areaCode: spendingFacts.areaCode,
      areaName: spendingAreas.name,
      nature: spendingFacts.nature,
      amountCents: sql<string>`sum(${spendingFacts.amountCents})`,
    })
    .from(spendingFacts)
    .leftJoin(spendingAreas, and(eq(spendingAreas.code, spendingFacts.areaCode), eq(spendingAreas.classificationCode, SPENDING_CLASSIFICATION)))
    .where(eq(spendingFacts.ambitoId, ambitoId))
    .groupBy(spendingFacts.year, spendingFacts.areaCode, spendingAreas.name, spendingAreas.position, spendingFacts.nature)
    .orderBy(asc(spendingFacts.year), asc(spendingAreas.position), asc(spendingFacts.nature));
  return rows.map((r) => ({
    year: r.year,
    areaCode: r.areaCode,
    areaName: r.areaName ?? r.areaCode,
    nature: (r.nature as SpendingNature | null) ?? null,
    amountCents: Number(r.amountCents),
  }));
}
