import { z } from 'zod';
import { ValidationError } from '../../shared/errors.ts';

/**
 * Cursor pagination of the API lists. A list is read in a stable order by a unique key (e.g. objective position and
 * code); the cursor is the key of the last row of the page, as opaque base64url JSON naming the list it belongs to,
 * so that the next page starts right after it (keyset: no row twice, none skipped, however deep the page). A page
 * reads `limit + 1` rows: the extra one only says that there is a next page.
 */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** The values a sort key is made of. */
export type KeyValue = string | number;

/** What a list answers: its rows and where the next page is (null on the last page). */
export interface Paged<T> {
  data: T[];
  page: { limit: number; next: string | null };
}

/** An integer column of a key (PostgreSQL `integer`). */
export const intKey = z.number().int().min(-2_147_483_648).max(2_147_483_647);
/**
 * A text column of a key: never the null character nor half a surrogate pair, which no stored text holds (a forged
 * cursor with them would reach the database as a value it cannot even compare: a 400 left to its safety net).
 */
export const textKey = z
  .string()
  .max(500)
  .refine((s) => !s.includes('\u0000') && s.isWellFormed());
/** A UUID column of a key (checked, so that it never reaches the database malformed). */
export const uuidKey = z.uuid();

function invalid(parameter: 'limit' | 'cursor', message: string): ValidationError {
  return new ValidationError([{ path: parameter, message }], `Parametro «${parameter}» non valido: ${message}`);
}

/** `?limit=`: an integer from 1 to 1000, 100 when absent. */
export function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') return DEFAULT_LIMIT;
  const n = /^\d{1,7}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw invalid('limit', `usa un numero intero da 1 a ${MAX_LIMIT} (ricevuto «${raw.slice(0, 20)}»)`);
  return n;
}

/** The opaque cursor of a list (`list`) after the row with this key. */
export function encodeCursor(list: string, key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify({ l: list, k: key }), 'utf8').toString('base64url');
}

/**
 * The key inside `?cursor=` of a list, checked against the list's key schema; null when absent. A cursor that was not
 * given by this list (tampered, truncated, of another list) is refused with a 400 naming the parameter.
 */
export function decodeCursor<K>(list: string, raw: string | null, key: z.ZodType<K>): K | null {
  if (raw === null || raw === '') return null;
  const refused = () => invalid('cursor', 'usa il valore di page.next della risposta precedente, senza modificarlo');
  if (raw.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw refused();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const shape = z.object({ l: z.literal(list), k: key }).safeParse(parsed);
  if (!shape.success) throw refused();
  return shape.data.k;
}

/** The page request of a list: `limit` and the key after which it starts. */
export function readPage<K>(url: URL, list: string, key: z.ZodType<K>): { limit: number; after: K | null } {
  return { limit: parseLimit(url.searchParams.get('limit')), after: decodeCursor(list, url.searchParams.get('cursor'), key) };
}

/** The URL of the next page: the same request with `cursor` set to the key of the last row shown. */
export function nextUrl(url: URL, list: string, key: readonly KeyValue[]): string {
  const next = new URL(url);
  next.searchParams.set('cursor', encodeCursor(list, key));
  return next.toString();
}

/**
 * A page from the rows a query read (at most `limit + 1`): the first `limit`, shaped by `shape`, and the URL of the next
 * page when there was one more row.
 */
export function pageOf<R, T>(
  url: URL,
  list: string,
  limit: number,
  rows: readonly R[],
  keyOf: (row: R) => readonly KeyValue[],
  shape: (row: R) => T,
): Paged<T> {
  const shown = rows.slice(0, limit);
  const more = rows.length > limit && shown.length > 0;
  return { data: shown.map(shape), page: { limit, next: more ? nextUrl(url, list, keyOf(shown[shown.length - 1]!)) : null } };
}
