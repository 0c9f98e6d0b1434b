import { data, redirect } from 'react-router';
import type { Route } from './+types/oidc-start';
import { serializeCookie } from '../../../shared/http/cookies.ts';
import { getActor, getRequestState, getServices, messageOf, setCookie, setRetryAfter, siteBase } from '../../../shared/http/request.server.ts';
import { safeLocalPath } from '../../../shared/http/redirect.ts';
import { spendRequestAllowance, TooManyRequestsError } from '../accounts.server.ts';
import { OIDC_CALLBACK_PATH, OIDC_COOKIE, OIDC_REQUEST_TTL_MINUTES, OidcRefusal, startOidcSignIn } from '../accounts.oidc.server.ts';

/**
 * `/accedi/oidc?redirectTo=…` — the link «Accedi con …» of the sign-in page: sends the browser to the identity provider.
 *
 * A GET (a link), not a form: the Content-Security-Policy's `form-action 'self'` stops a form whose answer redirects to
 * another origin (browsers apply it to the redirect too). Starting changes no account: it only keeps, for this browser,
 * a single-use state, nonce and PKCE verifier, tied to it by a short-lived HttpOnly cookie (SameSite=Lax, so that the
 * provider's redirect back carries it). What protects the sign-in from forgery is the return, which must match them.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { config, db } = getServices(context);
  const redirectTo = safeLocalPath(new URL(request.url).searchParams.get('redirectTo'));
  if (!config.oidc) return redirect('/accedi?oidc=off');
  if (getActor(context).kind === 'user') return redirect(redirectTo);
  try {
    // Each start writes a row until it expires: a limit per client address keeps anonymous links from filling the table.
    await spendRequestAllowance(db, 'oidc', getRequestState(context).clientIp);
    const { authorizationUrl, requestId } = await startOidcSignIn({
      db,
      settings: config.oidc,
      redirectUri: siteBase(context, request) + OIDC_CALLBACK_PATH,
      redirectTo,
    });
    setCookie(context, serializeCookie(OIDC_COOKIE, requestId, { maxAgeSeconds: OIDC_REQUEST_TTL_MINUTES * 60, secure: getRequestState(context).https }));
    return redirect(authorizationUrl.href);
  } catch (error) {
    if (error instanceof TooManyRequestsError) {
      setRetryAfter(context, error.retryAfterSeconds);
      throw data(messageOf(error), { status: 429 });
    }
    if (error instanceof OidcRefusal) {
      const back = redirectTo === '/' ? '' : `&redirectTo=${encodeURIComponent(redirectTo)}`;
      return redirect(`/accedi?oidc=${error.reason}${back}`);
    }
    throw error;
  }
}
