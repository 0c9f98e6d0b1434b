import { redirect } from 'react-router';
import type { Route } from './+types/sign-out';
import { COOKIE, parseCookies } from '../../../shared/http/cookies.ts';
import { getServices } from '../../../shared/http/request.server.ts';
import { signOut } from '../accounts.server.ts';
import { setSessionCookie } from '../accounts.links.server.ts';

/** Signing out is a POST (with the CSRF token); a GET just goes home. */
export function loader() {
  throw redirect('/');
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = parseCookies(request.headers.get('cookie')).get(COOKIE.session);
  if (token) await signOut(getServices(context).db, token);
  setSessionCookie(context, null);
  return redirect('/accedi?uscito=1');
}
