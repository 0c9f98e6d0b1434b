import { data, type RouterContextProvider } from 'react-router';
import { getActor, getServices, guard, siteBase } from '../../shared/http/request.server.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import type { Actor } from '../../shared/auth/actor.ts';
import { done } from '../../shared/http/forms.server.ts';
import { getAmbitoByCode, listAmbitoComuni, today } from '../territory/index.server.ts';
import { sendReminders } from './collection.commands.ts';
import { authorize, type CollectionAction } from './collection.policy.ts';
import { getRequest } from './collection.queries.ts';

/** The Ambito of the URL and an actor allowed `action` on it (the page is hidden from anyone else). */
export async function openAmbito(context: Readonly<RouterContextProvider>, request: Request, code: string, action: CollectionAction = 'request.read') {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data(tr('terr.notFound.ambito'), { status: 404 });
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, action, ambito, { hide: true }));
  return { db, actor, ambito };
}

/** The request of the URL, in the Ambito of the URL (404 otherwise). */
export async function openRequest(context: Readonly<RouterContextProvider>, request: Request, params: { code: string; id: string }) {
  const opened = await openAmbito(context, request, params.code);
  const found = await getRequest(opened.db, opened.ambito.id, params.id);
  if (!found) throw data(tr('coll.cmd.notFound.request'), { status: 404 });
  return { ...opened, request: found };
}

/** The request and the recipient comune of the URL, and an actor allowed to read its entries. */
export async function openEntry(context: Readonly<RouterContextProvider>, request: Request, params: { code: string; id: string; istat: string }) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data(tr('terr.notFound.ambito'), { status: 404 });
  const found = await getRequest(db, ambito.id, params.id);
  if (!found) throw data(tr('coll.cmd.notFound.request'), { status: 404 });
  const comune = (await listAmbitoComuni(db, ambito.id, `${found.year}-12-31`)).find((c) => c.istatCode === params.istat);
  if (!comune) throw data(tr('terr.notFound.comune'), { status: 404 });
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'entry.read', { ...ambito, comuneId: comune.id }, { hide: true }));
  return { db, actor, ambito, request: found, comune };
}

/**
 * The «send the reminders» form of the requests' pages: one digest per person for every open request of the Ambito.
 * Links use the configured public address (CANTIERE_PUBLIC_URL), else the request's origin.
 */
export async function remindIntent(context: Readonly<RouterContextProvider>, request: Request, actor: Actor, ambitoId: string) {
  const { db } = getServices(context);
  const r = await sendReminders({ db, actor, ambitoId, today: today(), baseUrl: siteBase(context, request) });
  return done('remind', r.written || r.skipped ? tr('coll.request.remind.done', { written: r.written, skipped: r.skipped }) : tr('coll.request.remind.none'));
}
