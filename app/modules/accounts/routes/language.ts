import { redirect } from 'react-router';
import type { Route } from './+types/language';
import { COOKIE, serializeCookie } from '../../../shared/http/cookies.ts';
import { isUiLocale } from '../../../shared/i18n/messages.ts';
import { getRequestState, pseudoLocaleAllowed, setCookie } from '../../../shared/http/request.server.ts';
import { safeLocalPath } from '../../../shared/http/redirect.ts';

/** The language switch: a plain link that stores the choice in a cookie and goes back. */
export function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const lang = url.searchParams.get('lang');
  if (isUiLocale(lang, pseudoLocaleAllowed())) {
    setCookie(context, serializeCookie(COOKIE.lang, lang, { maxAgeSeconds: 365 * 86400, secure: getRequestState(context).https, httpOnly: false }));
  }
  throw redirect(safeLocalPath(url.searchParams.get('redirectTo')));
}
