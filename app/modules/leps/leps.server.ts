import { data, type RouterContextProvider } from 'react-router';
import type { Db } from '../../shared/db/client.ts';
import { getActor, getServices, guard } from '../../shared/http/request.server.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { authorize } from './leps.policy.ts';

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

/**
 * What an Ambito's LEPS page starts from: the Ambito of the URL, a reader allowed to see its LEPS (the page is hidden
 * from anyone else) and the year of `?anno=`.
 */
export async function openAmbitoLeps(context: Readonly<RouterContextProvider>, request: Request, code: string) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'leps.read', ambito, { hide: true }));
  return { db, actor, ambito, year: yearFromUrl(request) };
}
