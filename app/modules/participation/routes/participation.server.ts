// What every participation page does first. Forms answer through app/shared/http/forms.server.ts.
import { data, type RouterContextProvider } from 'react-router';
import type { Actor, UserActor } from '../../../shared/auth/actor.ts';
import { memberOrganisationIds } from '../../../shared/auth/actor.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { getAmbitoByCode } from '../../territory/index.server.ts';
import { abilitiesFor, authorize } from '../participation.policy.ts';

type Ctx = Readonly<RouterContextProvider>;

async function ambitoOf(context: Ctx, code: string) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data(tr('part.notFound.ambito'), { status: 404 });
  return { db, ambito: { id: ambito.id, code: ambito.code, name: ambito.name, regionCode: ambito.regionCode } };
}

/**
 * The signed-in reader of an Ambito's participation pages: anonymous visitors go to the sign-in page, users without a
 * role in the Ambito (or its Region, for the reviewer) get 403, an unknown Ambito 404. `organisations` are the ones
 * the actor acts for (a third-sector member), `can` the abilities on the Ambito as such.
 */
export async function readParticipation(context: Ctx, request: Request, code: string) {
  const actor: UserActor = requireUser(context, request);
  const { db, ambito } = await ambitoOf(context, code);
  await guard(request, async () => authorize(actor, 'participation.read', ambito));
  return { actor, db, ambito, can: abilitiesFor(actor, ambito), organisations: memberOrganisationIds(actor, ambito.id) };
}

/** A public page of the Ambito (the open call, a public questionnaire): anyone, signed in or not. */
export async function readPublic(
  context: Ctx,
  code: string,
): Promise<{ actor: Actor; db: ReturnType<typeof getServices>['db']; ambito: Awaited<ReturnType<typeof ambitoOf>>['ambito'] }> {
  const { db, ambito } = await ambitoOf(context, code);
  return { actor: getActor(context), db, ambito };
}
