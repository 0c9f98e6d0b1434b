import type { RouterContextProvider } from 'react-router';
import type { Actor } from '../../shared/auth/actor.ts';
import type { Db } from '../../shared/db/client.ts';
import { dbErrorToAppError } from '../../shared/db/errors.ts';
import { AppError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { getActor, getServices, messageOf } from '../../shared/http/request.server.ts';
import { log } from '../../shared/log.ts';
import { isUuid } from '../../shared/validation.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { cacheHeaders, etagMatches, strongEtag } from './api.http.ts';

type Ctx = Readonly<RouterContextProvider>;

/** An expected failure as the API's JSON error (401 stays 401: the API never redirects); anything else a 500 without internals. */
function errorResponse(caught: unknown, headers: Record<string, string> = {}): Response {
  if (caught instanceof Response) throw caught;
  // A refusal of the database (a duplicate, a reference gone, a value out of range) is an expected failure too.
  const error = dbErrorToAppError(caught) ?? caught;
  if (error instanceof AppError) {
    return Response.json(
      { error: { code: error.code, message: messageOf(error), ...(error instanceof ValidationError ? { issues: error.issues } : {}) } },
      { status: error.status, headers: { 'Cache-Control': 'no-store', ...headers, ...(error.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}) } },
    );
  }
  log.error('errore API', { error });
  return Response.json({ error: { code: 'internal', message: 'Errore del sistema.' } }, { status: 500, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/**
 * Runs an API handler and answers JSON, never cached (`/me`). Expected failures become `{ error: { code, message,
 * issues? } }` with their status.
 */
export async function apiJson(_context: Ctx, fn: () => Promise<unknown>): Promise<Response> {
  try {
    const body = await fn();
    return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** What a read handler works with: the database, who is asking and the URL asked. */
export interface ReadContext {
  db: Db;
  actor: Actor;
  url: URL;
}

/**
 * Runs a read of the API: the answer is JSON with a strong ETag of its body (api.http.ts), a `Link: <…>; rel="next"`
 * header when the body has a next page, caching by who is asking, and a 304 without body when `If-None-Match` names the
 * ETag. Errors as in apiJson (never cached).
 */
export async function apiRead(args: { request: Request; context: Ctx }, fn: (read: ReadContext) => Promise<unknown>): Promise<Response> {
  const { request, context } = args;
  const actor = getActor(context);
  const caching = cacheHeaders(actor);
  try {
    const body = await fn({ db: getServices(context).db, actor, url: new URL(request.url) });
    const text = JSON.stringify(body);
    const etag = strongEtag(text);
    const headers: Record<string, string> = { ETag: etag, ...caching };
    const next = (body as { page?: { next?: string | null } } | null)?.page?.next;
    if (next) headers.Link = `<${next}>; rel="next"`;
    if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    return new Response(text, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
  } catch (error) {
    return errorResponse(error, { Vary: caching.Vary });
  }
}

/** The Ambito of the URL, or a 404. */
export async function requireAmbito(db: Db, code: string) {
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw new NotFoundError('L’Ambito');
  return ambito;
}

/** A record id of the URL (`/piani/:plan`): a UUID, otherwise a 400 naming the parameter. */
export function uuidParam(name: string, value: string | undefined): string {
  if (!isUuid(value))
    throw new ValidationError(
      [{ path: name, message: 'identificativo non valido: serve un UUID (es. 2c16833a-0000-4000-8000-0123456789ab)' }],
      `Parametro «${name}» non valido.`,
    );
  return value;
}

/** An optional UUID of the query string (`?piano=`), or a 400 naming it. */
export function uuidQuery(url: URL, name: string): string | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  return uuidParam(name, raw);
}

/** An optional year of the query string (`?anno=`, 1900–2100), or a 400 naming it. */
export function yearQuery(url: URL, name = 'anno'): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  if (!/^\d{4}$/.test(raw) || Number(raw) < 1900 || Number(raw) > 2100) {
    throw new ValidationError([{ path: name, message: 'anno non valido: usa quattro cifre, es. 2025' }], `Parametro «${name}» non valido.`);
  }
  return Number(raw);
}

/** An optional code of the query string (`?area=`: letters, digits, `_`, `-`, `.`), or a 400 naming it. */
export function codeQuery(url: URL, name: string): string | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  if (!/^[A-Za-z0-9_.-]{1,60}$/.test(raw)) {
    throw new ValidationError(
      [{ path: name, message: 'codice non valido: lettere, cifre, «_», «-» o «.», es. MINORI_FAMIGLIA' }],
      `Parametro «${name}» non valido.`,
    );
  }
  return raw;
}
