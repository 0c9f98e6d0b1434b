// Names of the organisations a member acts for (the choices of its forms).
import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { organisations } from '../governance/index.server.ts';

export async function organisationNames(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]))
    .orderBy(asc(organisations.name));
}
