// What every governance page and file route does first. Forms answer through app/shared/http/forms.server.ts.
import { data, type RouterContextProvider } from 'react-router';
import type { UserActor } from '../../../shared/auth/actor.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
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
  if (!ambito) throw data(tr('gov.notFound.ambito'), { status: 404 });
  await guard(request, async () => authorize(actor, 'governance.read', ambito));
  return { actor, db, ambito, can: abilitiesFor(actor, ambito) };
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

/** An iCalendar file: an invitation to download (METHOD:REQUEST, never cached) or a feed to subscribe to (cached five minutes). */
export function icsResponse(ics: string, fileName: string, kind: 'invitation' | 'feed') {
  const invitation = kind === 'invitation';
  return new Response(ics, {
    headers: {
      'Content-Type': `text/calendar; charset=utf-8${invitation ? '; method=REQUEST' : ''}`,
      'Content-Disposition': `${invitation ? 'attachment' : 'inline'}; filename="${fileName}"`,
      'Cache-Control': invitation ? 'private, no-store' : 'private, max-age=300',
    },
  });
}
