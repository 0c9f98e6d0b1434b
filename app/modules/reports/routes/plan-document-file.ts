import { data } from 'react-router';
import type { Route } from './+types/plan-document-file';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { authorize } from '../reports.policy.ts';
import { getPlanDocument, getPlanDocumentContent } from '../documents.queries.ts';
import { planOfUrl } from '../reports.server.ts';
import { isUuid } from '../../../shared/validation.ts';

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * A finished plan document. The adoption's documents are public (the portal links them); the others need a role in
 * the Ambito. The ETag is the file's SHA-256, so a browser or a harvester revalidates without downloading again.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const header = await planOfUrl(db, params.code, params.planId);
  const doc = isUuid(params.documentId) ? await getPlanDocument(db, params.planId, params.documentId) : null;
  if (!doc || doc.status !== 'done') throw data(tr('rep.documents.notFound'), { status: 404 });
  await guard(request, async () => authorize(getActor(context), 'document.read', { ...header.scope, adoption: doc.adoption }, { hide: true }));
  const etag = `"${doc.fileSha256}"`;
  const cache = doc.adoption ? 'public, max-age=300' : 'private, no-cache';
  if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cache } });
  const content = await getPlanDocumentContent(db, doc.id);
  if (!content) throw data(tr('rep.documents.notFound'), { status: 404 });
  const format = doc.format === 'docx' ? 'docx' : 'pdf';
  const name = `piano-${params.code}-${header.plan.periodStartYear}-${header.plan.periodEndYear}${doc.adoption ? '-adottato' : ''}-${doc.createdAt.toISOString().slice(0, 10)}.${format}`;
  return new Response(new Uint8Array(content), {
    headers: {
      'Content-Type': MIME[format],
      'Content-Length': String(content.length),
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': cache,
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
