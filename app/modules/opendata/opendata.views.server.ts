// The read models of the open-data pages: the national list of the Ambiti that publish, and an Ambito's page (its
// datasets documented, their files and catalogue when published, what is missing when not, the publisher form).
import type { Actor } from '../../shared/auth/actor.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import { DATASETS } from './opendata.datasets.ts';
import { catalogueUrl, distributionUrl } from './opendata.dcat.ts';
import { can } from './opendata.policy.ts';
import { listPublishingAmbiti } from './opendata.queries.ts';
import { datasetIdentifier, missingPublisherFields, romeDay } from './opendata.rules.ts';
import { ambitoAndPublisher, ambitoCatalogue, modifiedOf } from './opendata.server.ts';
import { FREQUENCIES, LICENCE } from './opendata.vocabulary.ts';

/** The Ambiti that publish (complete settings), with their catalogues; and the combined catalogue. */
export async function nationalView(db: DbOrTx, base: string) {
  const rows = await listPublishingAmbiti(db);
  return {
    ambiti: rows
      .filter((r) => missingPublisherFields(r.publisher).length === 0)
      .map((r) => ({
        code: r.code,
        name: r.name,
        regionName: r.regionName,
        publisherName: r.publisher.publisherName,
        publisherIpaCode: r.publisher.publisherIpaCode,
        jsonld: catalogueUrl(base, r.code, 'jsonld'),
        ttl: catalogueUrl(base, r.code, 'ttl'),
      })),
    catalogue: { jsonld: catalogueUrl(base, null, 'jsonld'), ttl: catalogueUrl(base, null, 'ttl') },
  };
}

/** An Ambito's open-data page: documentation always; files, figures and catalogue once its settings are complete. */
export async function ambitoView(db: DbOrTx, actor: Actor, code: string, base: string, now = new Date()) {
  const { ambito, publisher } = await ambitoAndPublisher(db, code);
  const missing = missingPublisherFields(publisher);
  const published = publisher !== null && missing.length === 0;
  const built = published ? (await ambitoCatalogue(db, ambito, publisher, base, now)).built : null;
  return {
    ambito: { id: ambito.id, code: ambito.code, name: ambito.name, regionName: ambito.regionName },
    canEdit: can(actor, 'publisher.edit', ambito),
    publisher,
    missing,
    published,
    frequencies: FREQUENCIES,
    licence: { name: LICENCE.short, url: LICENCE.uri },
    catalogue: published ? { jsonld: catalogueUrl(base, ambito.code, 'jsonld'), ttl: catalogueUrl(base, ambito.code, 'ttl') } : null,
    datasets: DATASETS.map((def) => {
      const b = built?.get(def.id);
      return {
        id: def.id,
        themes: def.themes,
        frequency: def.frequency ?? publisher?.updateFrequency ?? null,
        columns: def.columns,
        identifier: published ? datasetIdentifier(publisher.publisherIpaCode, ambito.code, def.id) : null,
        modified: b && publisher ? romeDay(modifiedOf(b, publisher)) : null,
        rows: b ? b.rows.length : null,
        csv: published ? distributionUrl(base, ambito.code, def.id, 'csv') : null,
        json: published ? distributionUrl(base, ambito.code, def.id, 'json') : null,
      };
    }),
  };
}
