import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { data, redirect, type MiddlewareFunction, type RouterContextProvider } from 'react-router';
import type { Actor, UserActor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { dbErrorToAppError, DuplicateError, ReferenceConflictError } from '../db/errors.ts';
import { AppError, ConflictError, UnauthenticatedError, ValidationError } from '../errors.ts';
import { isLocale, isUiLocale, type Locale } from '../i18n/messages.ts';
import { tr } from '../i18n/tr.server.ts';
import { setRequestLocale } from '../log.ts';
import { COOKIE, parseCookies, serializeCookie } from './cookies.ts';
import { requestContext, servicesContext, type RequestState } from './context.ts';
import { isUuid } from '../validation.ts';

type Ctx = Readonly<RouterContextProvider>;

export const getServices = (context: Ctx) => context.get(servicesContext);

/**
 * The base of the absolute addresses a page shows or gives to another site (open data, the calendar link on one's own
 * profile, an identity provider's return address, which the provider checks): CANTIERE_PUBLIC_URL, or the origin of
 * the request. Links sent by e-mail to someone else use the stricter linkBase of the accounts module.
 */
export const siteBase = (context: Ctx, request: Request): string => getServices(context).config.publicUrl ?? new URL(request.url).origin;
export const getRequestState = (context: Ctx) => context.get(requestContext);
export const getActor = (context: Ctx): Actor => context.get(requestContext).actor;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export class CsrfError extends AppError {
  constructor() {
    super('auth.csrf', { key: 'error.app.csrf' }, 403);
  }
}

/**
 * The root middleware: who is asking (bearer token or session cookie), in which language, and — for every
 * request that changes something and is not made with a token — whether it carries this browser's CSRF
 * token (double-submit: cookie and form field or X-CSRF-Token header) and comes from our own origin.
 * Adds the cookies it or the route set to the response.
 */
const CSRF_COOKIE_VALUE = /^[\w-]{32,}$/;
const isApiPath = (pathname: string) => pathname === '/api/v1' || pathname.startsWith('/api/v1/');
const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/** A signed-in browser's CSRF token: derived from its session token (which stays in an HttpOnly cookie), so bound to it. */
export const sessionCsrfToken = (sessionToken: string) => createHash('sha256').update(`cantiere-csrf\0${sessionToken}`).digest('base64url');

/**
 * At sign-in and sign-out: the pre-sign-in CSRF cookie is replaced, so that a token seen before (or planted in the
 * browser by someone else) is worth nothing afterwards.
 */
export function rotateCsrf(context: Ctx) {
  const state = context.get(requestContext);
  state.cookies.push(serializeCookie(COOKIE.csrf, randomBytes(24).toString('base64url'), { secure: state.https }));
}

/** Route parameters named `…Id` are record ids (UUIDs); anything else in their place can only be a page that does not exist. */
export function malformedIdParam(params: Readonly<Record<string, string | undefined>>): string | null {
  for (const [name, value] of Object.entries(params)) if (name.endsWith('Id') && value !== undefined && !isUuid(value)) return name;
  return null;
}

/** The pseudo-language of the tests is served only by a server started with CANTIERE_PSEUDO_LOCALE=1. */
export const pseudoLocaleAllowed = () => process.env.CANTIERE_PSEUDO_LOCALE === '1';

/** How the root middleware recognises who is asking; given by the app (the accounts module), so that shared code imports no module. */
export interface Identify {
  fromApiToken(db: Db, token: string): Promise<Actor | null | undefined>;
  fromSession(db: Db, token: string): Promise<Actor | null | undefined>;
}

export const makeRootMiddleware =
  (identify: Identify): MiddlewareFunction<Response> =>
  async ({ request, context, params }, next) => {
    // A malformed id in the URL is a 404 here, once, rather than a database error in every loader that uses it.
    if (malformedIdParam(params)) {
      if (new URL(request.url).pathname.startsWith('/api/'))
        return Response.json({ error: { code: 'not_found', message: 'Risorsa inesistente.' } }, { status: 404 });
      throw data('Pagina non trovata', { status: 404 });
    }
    const { db } = context.get(servicesContext);
    const state = context.get(requestContext);
    const cookies = parseCookies(request.headers.get('cookie'));

    const authorization = request.headers.get('authorization');
    const pathname = new URL(request.url).pathname;
    let actor: Actor = state.actor;
    let sessionToken: string | null = null;
    if (authorization?.startsWith('Bearer ')) {
      // A token is a key to the API and nothing else: never to a page or a form, which are protected by the session's
      // CSRF token instead.
      if (!isApiPath(pathname)) {
        return Response.json(
          { error: { code: 'auth.token_not_here', message: 'I token personali valgono solo per l’API (/api/v1); le pagine si usano accedendo.' } },
          { status: 401, headers: { 'Cache-Control': 'no-store' } },
        );
      }
      const found = await identify.fromApiToken(db, authorization.slice(7).trim());
      if (!found) {
        return Response.json(
          { error: { code: 'auth.invalid_token', message: 'Token non valido, revocato o scaduto.' } },
          { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
        );
      }
      actor = found;
    } else {
      const token = cookies.get(COOKIE.session);
      if (token) {
        const found = await identify.fromSession(db, token);
        if (found) {
          actor = found;
          sessionToken = token;
        } else state.cookies.push(serializeCookie(COOKIE.session, '', { maxAgeSeconds: 0, secure: state.https }));
      }
    }
    state.actor = actor;

    const lang = cookies.get(COOKIE.lang);
    state.locale = isUiLocale(lang, pseudoLocaleAllowed()) ? lang : actor.kind === 'user' && isLocale(actor.locale) ? actor.locale : 'it';
    setRequestLocale(state.locale);

    // The CSRF token: for a signed-in browser, derived from its session (bound to it, and new with every sign-in); before
    // signing in, a random one kept in a cookie (double submit), replaced at sign-in and sign-out (see rotateCsrf).
    const cookieCsrf = cookies.get(COOKIE.csrf);
    const hasCookieCsrf = !!cookieCsrf && CSRF_COOKIE_VALUE.test(cookieCsrf);
    let csrf: string;
    if (sessionToken) csrf = sessionCsrfToken(sessionToken);
    else if (hasCookieCsrf) csrf = cookieCsrf;
    else {
      csrf = randomBytes(24).toString('base64url');
      // The API sets no CSRF cookie: its public answers may be kept by shared caches (Cache-Control: public), which must
      // never hand one browser's token to every other; the API has no form to protect.
      if (!isApiPath(pathname)) state.cookies.push(serializeCookie(COOKIE.csrf, csrf, { secure: state.https }));
    }
    state.csrfToken = csrf;

    if (!SAFE_METHODS.has(request.method) && !(actor.kind === 'user' && actor.via === 'token')) {
      const origin = request.headers.get('origin');
      const host = request.headers.get('host');
      if (origin && origin !== 'null' && host && hostOf(origin) !== host) throw data(new CsrfError().message, { status: 403 });
      // Without a session and without the cookie, no token sent can match: refused before the body is read.
      if (!sessionToken && !hasCookieCsrf) throw data(new CsrfError().message, { status: 403 });
      let sent = request.headers.get('x-csrf-token');
      const type = request.headers.get('content-type') ?? '';
      if (!sent && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))) {
        const form = await request.clone().formData();
        const field = form.get('_csrf');
        sent = typeof field === 'string' ? field : null;
      }
      if (!sent || !sameToken(sent, csrf)) throw data(new CsrfError().message, { status: 403 });
    }

    const response = await next();
    for (const c of state.cookies) response.headers.append('Set-Cookie', c);
    // Every 429 says when to try again (RFC 9110 § 10.2.3): the wait the route gave, or a minute.
    if (response.status === 429 && !response.headers.has('Retry-After')) response.headers.set('Retry-After', String(state.retryAfterSeconds ?? 60));
    return response;
  };

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(context: Ctx, request: Request): UserActor {
  const actor = getActor(context);
  if (actor.kind === 'user') return actor;
  const url = new URL(request.url);
  throw redirect(`/accedi?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Turns an expected failure of a command into an HTTP answer for a page (401 becomes a sign-in redirect). */
export function toHttpError(caught: unknown, request: Request): never {
  // A refusal of the database (a duplicate, a reference gone, a value out of range) is an expected failure too.
  const error = dbErrorToAppError(caught) ?? caught;
  if (error instanceof UnauthenticatedError) {
    const url = new URL(request.url);
    throw redirect(`/accedi?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (error instanceof AppError) throw data(messageOf(error), { status: error.status });
  throw error;
}

/** What an error says to the person asking: its dictionary entry in the request's language, or its text as written. */
export const messageOf = (error: AppError) => (error.messageRef ? tr(error.messageRef.key, error.messageRef.params) : error.message);

/** Runs a loader's work, mapping the commands' errors to HTTP answers. */
export async function guard<T>(request: Request, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    toHttpError(error, request);
  }
}

export interface FormFailure {
  ok: false;
  formError: string;
  fieldErrors: Record<string, string>;
  conflict: boolean;
}

/**
 * A refused form as data for the form: invalid input (400, its problems by field, or by file, row and column), an
 * edit conflict, a duplicate or a linked record gone (409; the database's refusals included, app/shared/db/errors.ts);
 * null for any other failure, which becomes an error page.
 */
export function formFailure(caught: unknown): { failure: FormFailure; status: 400 | 409 } | null {
  const error = dbErrorToAppError(caught) ?? caught;
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const i of error.issues) fieldErrors[i.path] ??= i.message;
    return { failure: { ok: false, formError: messageOf(error), fieldErrors, conflict: false }, status: 400 };
  }
  if (error instanceof ConflictError) return { failure: { ok: false, formError: messageOf(error), fieldErrors: {}, conflict: true }, status: 409 };
  // The same record saved twice (two requests at once), or a linked record deleted meanwhile: the form keeps its input.
  if (error instanceof DuplicateError) {
    const message = messageOf(error);
    return { failure: { ok: false, formError: message, fieldErrors: error.field ? { [error.field]: message } : {}, conflict: false }, status: 409 };
  }
  if (error instanceof ReferenceConflictError) return { failure: { ok: false, formError: messageOf(error), fieldErrors: {}, conflict: true }, status: 409 };
  return null;
}

/**
 * Runs a form action. Validation errors and edit conflicts come back as data for the form (400 / 409),
 * keeping what the user typed; other failures become error pages.
 */
export async function formAction<T>(request: Request, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (error) {
    const refused = formFailure(error);
    if (refused) return data(refused.failure, { status: refused.status });
    toHttpError(error, request);
  }
}

/** Sets the Retry-After of the current response, when it is a 429 (through the root middleware). */
export function setRetryAfter(context: Ctx, seconds: number) {
  context.get(requestContext).retryAfterSeconds = Math.max(1, Math.ceil(seconds));
}

/** Adds a Set-Cookie to the current response (through the root middleware). */
export function setCookie(context: Ctx, cookie: string) {
  context.get(requestContext).cookies.push(cookie);
}

export type { RequestState, Locale };
