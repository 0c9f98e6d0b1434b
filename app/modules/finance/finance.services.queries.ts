// What the services catalogue (app/modules/services) reads of finance: the codes of the funding sources (the funds a
// service's yearly spending is funded by) and the areas of the Lombardy spending classification (a service's area).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { SPENDING_CLASSIFICATION } from './catalogue.queries.ts';
import { fundingSources, spendingAreas } from './finance.schema.ts';

export interface FundReference {
  code: string;
  name: string;
  shortName: string;
  aliases: string[];
}

export interface SpendingAreaReference {
  code: string;
  name: string;
  aliases: string[];
}

/** Every funding source of the catalogue, in the catalogue's order. */
export async function listFundsForServices(db: DbOrTx): Promise<FundReference[]> {
  return db
    .select({ code: fundingSources.code, name: fundingSources.name, shortName: fundingSources.shortName, aliases: fundingSources.aliases })
    .from(fundingSources)
    .orderBy(asc(fundingSources.position));
}

/** The areas of the classification the spending files use (LOMBARDIA), in their order. */
export async function listSpendingAreasForServices(db: DbOrTx): Promise<SpendingAreaReference[]> {
  return db
    .select({ code: spendingAreas.code, name: spendingAreas.name, aliases: spendingAreas.aliases })
    .from(spendingAreas)
    .where(eq(spendingAreas.classificationCode, SPENDING_CLASSIFICATION))
    .orderBy(asc(spendingAreas.position));
}
