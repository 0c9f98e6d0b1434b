import { data } from 'react-router';
import type { Db } from '../../shared/db/client.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';

/** The Ambito of the URL as a finance scope, or 404. */
export async function requireAmbito(db: Db, code: string) {
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data('Ambito non trovato', { status: 404 });
  return ambito;
}
