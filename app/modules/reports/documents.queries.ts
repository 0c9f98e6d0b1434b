// Reads of the plan documents: the list of a plan (without the files' bytes), one file, and the adoption's
// documents the portal publishes.
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { getPlanHeader } from '../planning/index.server.ts';
import { planDocuments } from './documents.schema.ts';

const LISTED = pick(
  planDocuments,
  'id',
  'ambitoId',
  'planId',
  'format',
  'locale',
  'source',
  'adoption',
  'status',
  'progress',
  'step',
  'planVersionLabel',
  'planSha256',
  'bytes',
  'fileSha256',
  'pages',
  'error',
  'requestedBy',
  'createdAt',
  'startedAt',
  'finishedAt',
);

export type PlanDocumentRow = Awaited<ReturnType<typeof listPlanDocuments>>[number];

/** The documents of a plan, newest first, without their bytes. */
export async function listPlanDocuments(db: DbOrTx, planId: string) {
  return db.select(LISTED).from(planDocuments).where(eq(planDocuments.planId, planId)).orderBy(desc(planDocuments.createdAt));
}

/** One document of a plan without its bytes (null when it is not of this plan). */
export async function getPlanDocument(db: DbOrTx, planId: string, id: string) {
  const [row] = await db
    .select(LISTED)
    .from(planDocuments)
    .where(and(eq(planDocuments.planId, planId), eq(planDocuments.id, id)));
  return row ?? null;
}

/** The bytes of a finished document. */
export async function getPlanDocumentContent(db: DbOrTx, id: string): Promise<Buffer | null> {
  const [row] = await db.select({ content: planDocuments.content }).from(planDocuments).where(eq(planDocuments.id, id));
  return row?.content ?? null;
}

/** The download address of a document. */
export const documentHref = (ambitoCode: string, planId: string, id: string) => `/ambiti/${ambitoCode}/piani/${planId}/documento/${id}/file`;

/**
 * The published documents of a plan — those of the text adopted by the mayors, finished — newest first, one per
 * format: what the portal offers to everyone.
 */
export async function planDocumentsFor(db: DbOrTx, planId: string) {
  const header = await getPlanHeader(db, planId);
  if (!header) return [];
  const ambitoCode = header.ambitoCode;
  const rows = await db
    .select(LISTED)
    .from(planDocuments)
    .where(and(eq(planDocuments.planId, planId), eq(planDocuments.adoption, true), eq(planDocuments.status, 'done')))
    .orderBy(desc(planDocuments.createdAt));
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.format) && seen.add(r.format))
    .map((r) => ({
      id: r.id,
      format: r.format as 'pdf' | 'docx',
      href: documentHref(ambitoCode, planId, r.id),
      bytes: r.bytes ?? 0,
      sha256: r.fileSha256 ?? '',
      planSha256: r.planSha256 ?? '',
      planVersionLabel: r.planVersionLabel ?? '',
      pages: r.pages,
      createdAt: (r.finishedAt ?? r.createdAt).toISOString(),
      adoption: true,
    }));
}
