// Writes of the plan documents: a request (validated, authorised, one transaction, audited) queues a generation; the
// worker (documents.worker.server.ts) claims queued rows with FOR UPDATE SKIP LOCKED — several processes never make
// the same document — and records each step, the result or the error.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, lt, or } from 'drizzle-orm';
import { type Actor, actorLabel, systemActor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db } from '../../shared/db/client.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { registerMessages, translate } from '../../shared/i18n/messages.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { z } from '../../shared/validation.ts';
import { getPlanHeader, loadPlanVersion } from '../planning/index.server.ts';
import { authorize } from './reports.policy.ts';
import { planDocuments } from './documents.schema.ts';
import * as messages from './reports.messages.ts';

registerMessages(messages);

export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const RequestInput = z.object({
  format: z.enum(DOCUMENT_FORMATS, { message: 'formato non previsto: scegli PDF o DOCX' }),
  source: z.enum(['current', 'baseline'], { message: 'versione del piano non prevista: testo corrente o testo adottato' }),
  locale: z.enum(['it', 'en'], { message: 'lingua non prevista: italiano o inglese' }).default('it'),
});

/** Queues the generation of a plan document; returns the new document's id. */
export async function requestPlanDocument(args: { db: Db; actor: Actor; planId: string; input: unknown }): Promise<string> {
  const header = await getPlanHeader(args.db, args.planId);
  if (!header) throw new NotFoundError('Il piano');
  authorize(args.actor, 'document.generate', header.scope);
  const input = parseInput(RequestInput, args.input);
  return args.db.transaction(async (tx) => {
    let snapshotId: string | null = null;
    if (input.source === 'baseline') {
      const baseline = await loadPlanVersion(tx, args.planId, 'baseline');
      if (!baseline) throw new ValidationError([{ path: 'source', message: translate(input.locale, 'rep.documents.noBaseline') }]);
      snapshotId = baseline.snapshotId;
    }
    const [row] = await tx
      .insert(planDocuments)
      .values({
        ambitoId: header.plan.ambitoId,
        planId: args.planId,
        format: input.format,
        locale: input.locale,
        source: input.source,
        snapshotId,
        adoption: false,
        requestedBy: actorLabel(args.actor),
        step: 'queued',
      })
      .returning();
    await recordAudit(tx, {
      actor: args.actor,
      action: 'reports.document.requested',
      entityType: 'plan_document',
      entityId: row.id,
      ambitoId: header.plan.ambitoId,
      after: withoutContent(row),
    });
    return row.id;
  });
}

/**
 * Queues the adoption's document (PDF, Italian) of every adopted plan whose frozen baseline has none yet: the adopted
 * plan's document is kept with the adoption, whoever adopted it and however (form, import). Returns how many.
 */
export async function queueAdoptionDocuments(db: Db, baselines: { planId: string; ambitoId: string; snapshotId: string }[]): Promise<number> {
  if (baselines.length === 0) return 0;
  const existing = await db
    .select({ snapshotId: planDocuments.snapshotId })
    .from(planDocuments)
    .where(and(eq(planDocuments.adoption, true), inArray(planDocuments.status, ['queued', 'running', 'done'])));
  const have = new Set(existing.map((e) => e.snapshotId));
  const missing = baselines.filter((b) => !have.has(b.snapshotId));
  if (missing.length === 0) return 0;
  const actor = systemActor('Cantiere (documento dell’adozione)');
  await db.transaction(async (tx) => {
    for (const b of missing) {
      const [row] = await tx
        .insert(planDocuments)
        .values({
          ambitoId: b.ambitoId,
          planId: b.planId,
          format: 'pdf',
          locale: 'it',
          source: 'baseline',
          snapshotId: b.snapshotId,
          adoption: true,
          requestedBy: actorLabel(actor),
          step: 'queued',
        })
        .returning();
      await recordAudit(tx, {
        actor,
        action: 'reports.document.requested',
        entityType: 'plan_document',
        entityId: row.id,
        ambitoId: b.ambitoId,
        after: withoutContent(row),
      });
    }
  });
  return missing.length;
}

/** A generation taken by a worker: its row, claimed and marked running. Stale runs (a process died) are taken again. */
export async function claimNextDocument(db: Db, staleAfterMs = 10 * 60_000) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(planDocuments)
      .where(or(eq(planDocuments.status, 'queued'), and(eq(planDocuments.status, 'running'), lt(planDocuments.startedAt, new Date(Date.now() - staleAfterMs)))))
      .orderBy(asc(planDocuments.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!row) return null;
    const [claimed] = await tx
      .update(planDocuments)
      .set({ status: 'running', progress: 5, step: 'model', startedAt: new Date(), updatedAt: new Date(), version: row.version + 1 })
      .where(eq(planDocuments.id, row.id))
      .returning();
    return claimed;
  });
}

/** Records a step of a running generation (no audit: progress is not a change of the record's meaning). */
export async function recordProgress(db: Db, id: string, progress: number, step: string) {
  await db
    .update(planDocuments)
    .set({ progress: Math.max(0, Math.min(99, Math.round(progress))), step, updatedAt: new Date() })
    .where(and(eq(planDocuments.id, id), eq(planDocuments.status, 'running')));
}

/** Stores the finished file with its identity; one audit entry. */
export async function completeDocument(db: Db, id: string, result: { content: Buffer; planSha256: string; planVersionLabel: string; pages: number | null }) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(planDocuments).where(eq(planDocuments.id, id)).for('update');
    if (!before) return;
    const [after] = await tx
      .update(planDocuments)
      .set({
        status: 'done',
        progress: 100,
        step: 'done',
        content: result.content,
        bytes: result.content.length,
        fileSha256: createHash('sha256').update(result.content).digest('hex'),
        planSha256: result.planSha256,
        planVersionLabel: result.planVersionLabel,
        pages: result.pages,
        error: null,
        finishedAt: new Date(),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(planDocuments.id, id))
      .returning();
    await recordAudit(tx, {
      actor: systemActor('Cantiere (generazione documenti)'),
      action: 'reports.document.generated',
      entityType: 'plan_document',
      entityId: id,
      ambitoId: after.ambitoId,
      before: withoutContent(before),
      after: withoutContent(after),
    });
  });
}

/** Records a failed generation with its reason; one audit entry. */
export async function failDocument(db: Db, id: string, error: string) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(planDocuments).where(eq(planDocuments.id, id)).for('update');
    if (!before) return;
    const [after] = await tx
      .update(planDocuments)
      .set({ status: 'failed', step: 'failed', error: error.slice(0, 2000), finishedAt: new Date(), updatedAt: new Date(), version: before.version + 1 })
      .where(eq(planDocuments.id, id))
      .returning();
    await recordAudit(tx, {
      actor: systemActor('Cantiere (generazione documenti)'),
      action: 'reports.document.failed',
      entityType: 'plan_document',
      entityId: id,
      ambitoId: after.ambitoId,
      before: withoutContent(before),
      after: withoutContent(after),
    });
  });
}

/** What the audit log keeps of a document row: everything but the file's bytes. */
function withoutContent<T extends { content?: unknown }>(row: T): Omit<T, 'content'> {
  const { content: _content, ...rest } = row;
  return rest;
}
