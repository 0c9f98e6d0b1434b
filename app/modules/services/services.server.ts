import { data } from 'react-router';
import type { Db } from '../../shared/db/client.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';

/** The Ambito of the URL as a services scope, or 404. */
export async function requireAmbito(db: Db, code: string) {
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data(tr('svc.notFound.ambito', { code }), { status: 404 });
  return ambito;
}
