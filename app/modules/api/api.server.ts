import type { RouterContextProvider } from 'react-router';
import { AppError, ValidationError } from '../../shared/errors.ts';
import { messageOf } from '../../shared/http/request.server.ts';
import { log } from '../../shared/log.ts';

/**
 * Runs an API handler and answers JSON. Expected failures become `{ error: { code, message, issues? } }` with
 * their status (401 stays 401: the API never redirects); anything else is a 500 without internals.
 */
export async function apiJson(_context: Readonly<RouterContextProvider>, fn: () => Promise<unknown>): Promise<Response> {
  try {
    const body = await fn();
    return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof Response) throw error;
    if (error instanceof AppError) {
      return Response.json(
        { error: { code: error.code, message: messageOf(error), ...(error instanceof ValidationError ? { issues: error.issues } : {}) } },
        { status: error.status, headers: error.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : undefined },
      );
    }
    log.error('errore API', { error });
    return Response.json({ error: { code: 'internal', message: 'Errore del sistema.' } }, { status: 500 });
  }
}
