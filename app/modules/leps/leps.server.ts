import { data } from 'react-router';
import type { Db } from '../../shared/db/client.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';

/** The Ambito of the URL (404 when unknown). */
export async function requireAmbito(db: Db, code: string) {
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data('Ambito non trovato', { status: 404 });
  return ambito;
}

/** The year of `?anno=` (2000-2100), or the current year. */
export function yearFromUrl(request: Request): number {
  const raw = new URL(request.url).searchParams.get('anno');
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : new Date().getFullYear();
}
