// What the open-data routes share: the Ambito and its publisher, the datasets as files (CSV and
// JSON) and the catalogue, and the HTTP answer of a published file (content type, ETag, Last-Modified, 304, CORS).
import { createHash } from 'node:crypto';
import { data } from 'react-router';
import { writeCsv } from '../../shared/exports/csv.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import { translate, type MessageKey } from '../../shared/i18n/messages.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { PRIVACY_THRESHOLD } from '../../shared/privacy/suppress.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { buildDatasets, type BuiltDataset } from './opendata.build.server.ts';
import { DATASET_IDS, DATASETS, type DatasetDef, type DatasetId } from './opendata.datasets.ts';
import { ambitoPage, catalogueNodes, type CatalogueDataset, type CatalogueInput, type RdfNode } from './opendata.dcat.ts';
import { getPublisher } from './opendata.queries.ts';
import { latestInstant, missingPublisherFields, romeDay, rowCells, type DatasetRow } from './opendata.rules.ts';
import type { OpendataPublisherRow } from './opendata.schema.ts';
import { LICENCE, type FormatKey, type Frequency } from './opendata.vocabulary.ts';

/** What the open data need of an Ambito. */
export interface OpendataAmbito {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

/** The Ambito of the URL (404 when unknown) and its publisher settings (null when not declared yet). */
export async function ambitoAndPublisher(db: DbOrTx, code: string) {
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data(tr('od.notFound.ambito'), { status: 404 });
  return { ambito, publisher: await getPublisher(db, ambito.id) };
}

/** An Ambito that publishes: complete settings, or a 404 that says the catalogue is not published. */
export async function publishingAmbito(db: DbOrTx, code: string) {
  const { ambito, publisher } = await ambitoAndPublisher(db, code);
  if (!publisher || missingPublisherFields(publisher).length) throw data(tr('od.notFound.notPublished', { ambito: ambito.name }), { status: 404 });
  return { ambito, publisher };
}

/** Both languages of a dictionary entry (the catalogue carries Italian and English). */
const bilingual = (key: MessageKey, params?: Record<string, string | number>) => ({ it: translate('it', key, params), en: translate('en', key, params) });

/** The privacy rule as every dataset's description states it. */
export const privacyRule = () => bilingual('od.privacy.rule', { threshold: PRIVACY_THRESHOLD });

/** A dataset's title, description (with the privacy rule) and keywords, in both languages. */
export function datasetWords(id: DatasetId, ambitoName: string) {
  const title = bilingual(`od.ds.${id}.title` as MessageKey, { ambito: ambitoName });
  const description = bilingual(`od.ds.${id}.description` as MessageKey);
  const rule = privacyRule();
  return {
    title,
    description: { it: `${description.it} ${rule.it}`, en: `${description.en} ${rule.en}` },
    keywords: translate('it', `od.ds.${id}.keywords` as MessageKey)
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  };
}

/**
 * The «modified» of a dataset: the day its records last changed; a dataset without records yet takes the day the
 * publisher settings were declared (when it entered the catalogue). A day in Italy, ISO.
 */
export const modifiedOf = (built: BuiltDataset, publisher: OpendataPublisherRow) => built.modified ?? publisher.createdAt;

/** Everything an Ambito publishes: its datasets built, and the catalogue's content. */
export async function ambitoCatalogue(db: DbOrTx, ambito: OpendataAmbito, publisher: OpendataPublisherRow, base: string, now = new Date()) {
  const built = await buildDatasets({ db, ambito, publisher, base, now }, DATASET_IDS);
  const datasets: CatalogueDataset[] = DATASETS.map((def) => ({
    def,
    ...datasetWords(def.id, ambito.name),
    modified: romeDay(modifiedOf(built.get(def.id)!, publisher)),
    frequency: (def.frequency ?? publisher.updateFrequency) as Frequency,
  }));
  const lastChange = latestInstant([publisher.updatedAt, ...DATASETS.map((d) => modifiedOf(built.get(d.id)!, publisher))])!;
  const input: CatalogueInput = {
    base,
    ambito: { code: ambito.code, name: ambito.name },
    publisher: { name: publisher.publisherName, ipaCode: publisher.publisherIpaCode },
    rightsHolder: { name: publisher.rightsHolderName, ipaCode: publisher.rightsHolderIpaCode },
    contactEmail: publisher.contactEmail,
    title: bilingual('od.cat.title', { ambito: ambito.name }),
    description: bilingual('od.cat.description', { ambito: ambito.name }),
    modified: romeDay(lastChange),
    datasets,
  };
  return { built, input, nodes: catalogueNodes(input), lastChange };
}

/** A dataset as a CSV file: UTF-8 with BOM, `;`, one header row with the column names, then the rows. */
export const datasetCsv = (def: DatasetDef, rows: readonly DatasetRow[]) =>
  writeCsv(
    def.columns.map((c) => c.name),
    rows.map((r) => rowCells(def, r)),
  );

/** A dataset as JSON: `{ dataset, licence, modified, columns, rows }`, the columns documented in Italian. */
export function datasetJson(
  def: DatasetDef,
  rows: readonly DatasetRow[],
  meta: { ambito: OpendataAmbito; publisher: OpendataPublisherRow; modified: string; base: string },
) {
  const words = datasetWords(def.id, meta.ambito.name);
  return {
    dataset: {
      id: def.id,
      title: words.title.it,
      description: words.description.it,
      ambito: meta.ambito.code,
      publisher: { name: meta.publisher.publisherName, ipaCode: meta.publisher.publisherIpaCode },
      rightsHolder: { name: meta.publisher.rightsHolderName, ipaCode: meta.publisher.rightsHolderIpaCode },
      page: `${ambitoPage(meta.base, meta.ambito.code)}#dataset-${def.id}`,
    },
    licence: { name: LICENCE.short, url: LICENCE.uri },
    modified: meta.modified,
    columns: def.columns.map((c) => ({
      name: c.name,
      type: c.type,
      unit: c.unit ?? null,
      description: c.doc ? translate('it', c.doc.key as MessageKey, c.doc.params) : translate('it', `od.col.${c.name}` as MessageKey),
    })),
    rows: rows.map((r) => Object.fromEntries(def.columns.map((c) => [c.name, r[c.name] ?? null]))),
  };
}

export const CONTENT_TYPES: Record<FormatKey | 'jsonld' | 'ttl', string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json',
  ttl: 'text/turtle; charset=utf-8',
};

/**
 * A published file: its content type, a strong ETag of its bytes, Last-Modified from its records, open to every
 * origin (CORS) and revalidated by harvesters; a conditional GET whose copy is current gets 304 without the body.
 */
export function fileResponse(request: Request, body: string, options: { contentType: string; lastModified: Date; fileName: string }) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  const lastModified = new Date(Math.floor(options.lastModified.getTime() / 1000) * 1000);
  const headers = new Headers({
    ETag: etag,
    'Last-Modified': lastModified.toUTCString(),
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag, Last-Modified',
    'Cache-Control': 'public, no-cache',
  });
  const ifNoneMatch = request.headers.get('if-none-match');
  const ifModifiedSince = request.headers.get('if-modified-since');
  const matches = ifNoneMatch
    ? ifNoneMatch.split(',').some((t) => {
        const tag = t.trim();
        return tag === '*' || tag === etag || tag === `W/${etag}`;
      })
    : ifModifiedSince !== null && !Number.isNaN(Date.parse(ifModifiedSince)) && lastModified.getTime() <= Date.parse(ifModifiedSince);
  if (matches) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', options.contentType);
  headers.set('Content-Disposition', `inline; filename="${options.fileName}"`);
  return new Response(body, { status: 200, headers });
}

export type { RdfNode };
