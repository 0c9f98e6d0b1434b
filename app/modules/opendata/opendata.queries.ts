import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { ambiti, regions } from '../territory/index.server.ts';
import { opendataPublishers } from './opendata.schema.ts';

/** The publisher settings of an Ambito, or null when the coordinator has not declared them yet. */
export async function getPublisher(db: DbOrTx, ambitoId: string) {
  const [row] = await db.select().from(opendataPublishers).where(eq(opendataPublishers.ambitoId, ambitoId));
  return row ?? null;
}

/** Every Ambito with publisher settings (the ones that publish), with its Region, by name. */
export async function listPublishingAmbiti(db: DbOrTx) {
  return db
    .select({
      id: ambiti.id,
      code: ambiti.code,
      name: ambiti.name,
      regionCode: ambiti.regionCode,
      regionName: regions.name,
      publisher: opendataPublishers,
    })
    .from(opendataPublishers)
    .innerJoin(ambiti, eq(ambiti.id, opendataPublishers.ambitoId))
    .innerJoin(regions, eq(regions.code, ambiti.regionCode))
    .orderBy(asc(ambiti.name));
}
