import type { RouterContextProvider } from 'react-router';
import { isLoopback } from '../../shared/config.ts';
import { AppError } from '../../shared/errors.ts';
import { COOKIE, serializeCookie } from '../../shared/http/cookies.ts';
import { getRequestState, getServices, rotateCsrf, setCookie } from '../../shared/http/request.server.ts';
import { SESSION_TTL_HOURS } from './accounts.server.ts';

/**
 * The base of the links sent by e-mail: the installation's public address (CANTIERE_PUBLIC_URL). Never the address the
 * request says it was sent to: its Host header is the sender's to write, and a reset link built on it would carry the
 * secret to the sender's site. Without a public address only a server reached on loopback (development, a laptop)
 * builds links on its own address; anywhere else the links are refused with a message for the administrator.
 */
export function linkBase(context: Readonly<RouterContextProvider>, request: Request): string {
  const configured = getServices(context).config.publicUrl;
  if (configured) return configured;
  if (isLoopback(request.url)) return new URL(request.url).origin;
  throw new AppError('recovery.not_configured', { key: 'recovery.notConfigured' }, 503);
}

/**
 * The browser's session after a sign-in (password, identity provider, e-mailed link) — its cookie, for SESSION_TTL_HOURS
 * — or after signing out (null: the cookie cleared); either way a new CSRF token, so that no form rendered before stays
 * valid.
 */
export function setSessionCookie(context: Readonly<RouterContextProvider>, token: string | null): void {
  const secure = getRequestState(context).https;
  setCookie(context, serializeCookie(COOKIE.session, token ?? '', { maxAgeSeconds: token ? SESSION_TTL_HOURS * 3600 : 0, secure }));
  rotateCsrf(context);
}
