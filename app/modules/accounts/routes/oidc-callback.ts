import { redirect } from 'react-router';
import type { Route } from './+types/oidc-callback';
import { COOKIE, parseCookies, serializeCookie } from '../../../shared/http/cookies.ts';
import { getRequestState, getServices, setCookie } from '../../../shared/http/request.server.ts';
import { finishOidcSignIn, OIDC_COOKIE, OidcRefusal } from '../accounts.oidc.server.ts';
import { setSessionCookie } from '../accounts.links.server.ts';

/**
 * `/accedi/oidc/ritorno` — where the identity provider sends the browser back, with a code (or an error). The sign-in
 * in progress (this browser's cookie) is used up whatever happens; on success the session cookie is set as the
 * password sign-in does, the pre-sign-in CSRF token replaced, and the browser sent where it was going; on refusal, to
 * the sign-in page, which says why.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { config, db } = getServices(context);
  const state = getRequestState(context);
  const cookies = parseCookies(request.headers.get('cookie'));
  setCookie(context, serializeCookie(OIDC_COOKIE, '', { maxAgeSeconds: 0, secure: state.https }));
  if (!config.oidc) return redirect('/accedi?oidc=off');
  try {
    const { token, redirectTo } = await finishOidcSignIn({
      db,
      settings: config.oidc,
      requestId: cookies.get(OIDC_COOKIE),
      callbackUrl: new URL(request.url),
      userAgent: request.headers.get('user-agent'),
      previousSession: cookies.get(COOKIE.session) ?? null,
    });
    setSessionCookie(context, token);
    return redirect(redirectTo);
  } catch (error) {
    if (error instanceof OidcRefusal) return redirect(`/accedi?oidc=${error.reason}`);
    throw error;
  }
}
