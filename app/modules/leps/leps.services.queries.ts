// What the services catalogue (app/modules/services) reads of the LEPS module: the codes and names of the LEPS of the
// catalogue in use, so that a service can say which LEPS it serves.
import { getCurrentCatalogue } from './leps.queries.ts';
import type { DbOrTx } from '../../shared/db/client.ts';

export interface LepsReference {
  code: string;
  name: string;
}

/** The LEPS of the catalogue version in use, in the order of the guidelines (empty when no catalogue is loaded). */
export async function listLepsForServices(db: DbOrTx): Promise<LepsReference[]> {
  const catalogue = await getCurrentCatalogue(db);
  return (catalogue?.entries ?? []).map((e) => ({ code: e.code, name: e.name }));
}
