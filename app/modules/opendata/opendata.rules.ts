// Pure rules of the open data: files and their names, money and dates as published, funding by source, the privacy
// guard for counts of people, what a publisher must declare before anything is published.
import { publishCount, PRIVACY_THRESHOLD } from '../../shared/privacy/suppress.ts';
import type { CsvValue } from '../../shared/exports/csv.ts';
import { DATASET_IDS, type DatasetDef, type DatasetId, type FundingColumn } from './opendata.datasets.ts';
import type { FormatKey } from './opendata.vocabulary.ts';

export { PRIVACY_THRESHOLD };

/** The separator of several values in one cell (codes of comuni, policy areas), as in OpenCoesione's files. */
export const MULTI = ':::';

/** A row of a dataset: its cells by column name. */
export type DatasetRow = Record<string, CsvValue>;

/** `obiettivi.csv` → { id: 'obiettivi', format: 'csv' }; anything else (unknown dataset or extension) → null. */
export function parseDatasetFile(file: string): { id: DatasetId; format: FormatKey } | null {
  const m = /^([a-z0-9-]+)\.(csv|json)$/.exec(file);
  if (!m) return null;
  const id = DATASET_IDS.find((d) => d === m[1]);
  return id ? { id, format: m[2] as FormatKey } : null;
}

/**
 * The identifier of a dataset in the national catalogue (dct:identifier): the publisher's IPA code, then the Ambito and
 * the dataset (`c_d869:gallarate-azioni`), unique even when one ente is capofila of two Ambiti.
 */
export const datasetIdentifier = (publisherIpaCode: string, ambitoCode: string, id: DatasetId) => `${publisherIpaCode}:${ambitoCode}-${id}`;

/** Integer cents as euros with a dot decimal (1234567 → 12345.67). */
export const euros = (cents: number | null | undefined): number | null => (cents === null || cents === undefined ? null : cents / 100);

const ROME_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The calendar day of an instant in Italy (ISO, YYYY-MM-DD). */
export const romeDay = (d: Date) => ROME_DAY.format(d);

/** The latest of some instants (null when there is none): the «modified» of a dataset is its latest changed record. */
export function latestInstant(values: readonly (Date | string | null | undefined)[]): Date | null {
  let best: Date | null = null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const d = v instanceof Date ? v : new Date(v);
    if (Number.isNaN(d.getTime())) continue;
    if (!best || d > best) best = d;
  }
  return best;
}

/**
 * The OpenCoesione funding column of a funding source, from the kind of the finance catalogue: EU programmes and the
 * PNRR (funded by Next Generation EU) → EU; national funds → State; regional → Region; the comuni's own funds and the
 * associated management → comune; users' co-payments → private; other public bodies → other public; mixed or unknown
 * sources (`FONTI_MISTE`, a code not in the catalogue) → not broken down. Never guessed further.
 */
export function fundingColumnOf(source: { code: string; kind: string | null }): FundingColumn {
  if (source.code === 'ALTRI_ENTI_PUBBLICI') return 'finanz_altro_pubblico';
  switch (source.kind) {
    case 'eu':
    case 'pnrr':
      return 'finanz_ue';
    case 'national':
      return 'finanz_stato';
    case 'regional':
      return 'finanz_regione';
    case 'local':
      return 'finanz_comune';
    case 'users':
      return 'finanz_privato';
    default:
      return 'finanz_non_ripartito';
  }
}

/**
 * Whether an indicator counts people (users, families, beneficiaries…), from its label and unit as written in the plan:
 * its counts of people go through the privacy guard. Counts of things (meetings, tables, protocols) do not.
 */
export function countsPeople(label: string, unit: string | null = null): boolean {
  const text = `${label} ${unit ?? ''}`.toLowerCase();
  return /\b(utent[ei]|person[ae]|beneficiar[io]|nucle[io]|famigli[ae]|minor[ei]|anzian[io]|disabil[ei]|pres[ei] in carico|destinatar[io]|donne|giovani|caregiver|ragazz[ie]|bambin[ie]|student[ie]|assistit[io]|ospit[ie]|richiedent[ie]|cittadin[io]|soggetti|casi|adolescent[ie]|genitori|madri|padri|lavorator[ei]|disoccupat[io]|detenut[io]|migrant[ie]|stranier[io]|vittime)\b/.test(
    text,
  );
}

/** A value of an indicator as a file publishes it: the figure, or nothing with the flag when it is a small count of people. */
export interface PublishedValue {
  value: number | string | null;
  suppressed: boolean;
}

/**
 * The privacy guard of an indicator's value (art. 26 c.4 D.Lgs. 33/2013): for an indicator that counts people, a
 * count below the threshold is suppressed, and so is a percentage whose denominator (the people it is computed over)
 * is below it; any other value is published as it is.
 */
export function publishIndicatorValue(value: number | boolean | string | { numerator: number; denominator: number } | null, people: boolean): PublishedValue {
  if (value === null) return { value: null, suppressed: false };
  if (typeof value === 'boolean') return { value: value ? 'true' : 'false', suppressed: false };
  if (typeof value === 'string') return { value, suppressed: false };
  if (typeof value === 'number') {
    if (!people) return { value, suppressed: false };
    const p = publishCount(value);
    return { value: p.value, suppressed: p.suppressed };
  }
  if (people && publishCount(value.denominator).suppressed) return { value: null, suppressed: true };
  return { value: value.denominator === 0 ? null : Math.round((value.numerator / value.denominator) * 10_000) / 100, suppressed: false };
}

/** What the publisher settings of an Ambito must declare before its catalogue is published. */
export const PUBLISHER_FIELDS = ['publisherName', 'publisherIpaCode', 'rightsHolderName', 'rightsHolderIpaCode', 'contactEmail', 'updateFrequency'] as const;
export type PublisherField = (typeof PUBLISHER_FIELDS)[number];

/** The fields still missing (all of them without settings): the catalogue is published only when none is. */
export function missingPublisherFields(p: Partial<Record<PublisherField, string | null>> | null): PublisherField[] {
  return PUBLISHER_FIELDS.filter((f) => !p || !p[f] || !String(p[f]).trim());
}

/** The cells of a row in the order of the dataset's columns (a column the row lacks is an empty cell). */
export const rowCells = (def: DatasetDef, row: DatasetRow): CsvValue[] => def.columns.map((col) => row[col.name] ?? null);

/** Several values in one cell, in order, without repeats (empty when there is none). */
export const joinMulti = (values: readonly (string | null | undefined)[]): string | null => {
  const list = [...new Set(values.filter((v): v is string => !!v))];
  return list.length ? list.join(MULTI) : null;
};
