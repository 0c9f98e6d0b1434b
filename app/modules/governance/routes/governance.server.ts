// What every governance page and file route does first, and how its forms answer.
import { data, type RouterContextProvider } from 'react-router';
import type { UserActor } from '../../../shared/auth/actor.ts';
import { ConflictError, ValidationError } from '../../../shared/errors.ts';
import { getServices, guard, requireUser, toHttpError } from '../../../shared/http/request.server.ts';
import { abilitiesFor, authorize } from '../governance.policy.ts';
import { getGovernanceAmbito } from '../governance.queries.ts';

type Ctx = Readonly<RouterContextProvider>;

/**
 * The signed-in reader of an Ambito's governance pages: anonymous visitors go to the sign-in page, users without a
 * role in the Ambito (or its Region, for the reviewer) get 403, an unknown Ambito 404.
 */
export async function readGovernance(context: Ctx, request: Request, code: string) {
  const actor: UserActor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await getGovernanceAmbito(db, code);
  if (!ambito) throw data('Ambito non trovato', { status: 404 });
  await guard(request, async () => authorize(actor, 'governance.read', ambito));
  return { actor, db, ambito, can: abilitiesFor(actor, ambito) };
}

/** A form's failure, tagged with the form (`intent`) it belongs to, for pages that hold several forms. */
export interface IntentFailure {
  ok: false;
  intent: string;
  formError: string;
  fieldErrors: Record<string, string>;
  conflict: boolean;
  /** What was submitted, for forms that put it back when the page is rendered again without JavaScript. */
  values: Record<string, string>;
}

/**
 * Runs one form's command like the shared formAction (validation → 400, stale version → 409), but remembers which
 * form failed so that the page shows the errors next to it, and what was submitted (`echo`, without the CSRF token)
 * so that large forms (attendance, votes) keep the user's answers even when rendered again by the server.
 */
export async function intentAction<T>(request: Request, intent: string, fn: () => Promise<T>, echo: Record<string, unknown> = {}) {
  const values = Object.fromEntries(Object.entries(echo).filter(([k, v]) => k !== '_csrf' && typeof v === 'string')) as Record<string, string>;
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ValidationError) {
      const fieldErrors: Record<string, string> = {};
      for (const i of error.issues) fieldErrors[i.path] ??= i.message;
      return data({ ok: false, intent, formError: error.message, fieldErrors, conflict: false, values } satisfies IntentFailure, { status: 400 });
    }
    if (error instanceof ConflictError) {
      return data({ ok: false, intent, formError: error.message, fieldErrors: {}, conflict: true, values } satisfies IntentFailure, { status: 409 });
    }
    toHttpError(error, request);
  }
}

/** A file download: the stored name (RFC 6266 / RFC 5987 for non-ASCII names), our MIME type, never sniffed. */
export function fileResponse(content: Uint8Array, fileName: string, mimeType: string, disposition: 'attachment' | 'inline' = 'attachment') {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(new Uint8Array(content), {
    headers: {
      'Content-Type': mimeType,
      'Content-Length': String(content.length),
      'Content-Disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The origin the user reached us at, for absolute links in e-mails and calendars. */
export function originOf(request: Request): string {
  return new URL(request.url).origin;
}
