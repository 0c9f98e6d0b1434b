import { boolean, customType, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant, ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { plans } from '../planning/index.server.ts';
import { ambiti } from '../territory/index.server.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A generated document of a plan (DOCX or PDF): asked for by the Ufficio di Piano (or made at adoption), made in the
 * background (queued → running with its progress → done | failed), kept with the identity of the plan version it
 * shows (the SHA-256 of that version's exchange document) and its own bytes and hash. A document made from the
 * baseline frozen at adoption is the adoption's document (`adoption`), the one the portal publishes.
 */
export const planDocuments = pgTable(
  'plan_documents',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    planId: ownerRef('plan_id', () => plans.id),
    /** pdf | docx */
    format: text('format').notNull(),
    /** it | en: the language of the document's own words (the plan's text is as written). */
    locale: text('locale').notNull(),
    /** current | baseline */
    source: text('source').notNull(),
    /** The plan snapshot shown (the baseline), null for the current text. */
    snapshotId: uuid('snapshot_id'),
    adoption: boolean('adoption').notNull().default(false),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    /** 0–100 while running. */
    progress: integer('progress').notNull().default(0),
    /** What the generation is doing (dictionary key of the reports module). */
    step: text('step'),
    planVersionLabel: text('plan_version_label'),
    /** SHA-256 (hex) of the plan version's exchange document, as the plan export writes it. */
    planSha256: text('plan_sha256'),
    content: bytea('content'),
    bytes: integer('bytes'),
    /** SHA-256 (hex) of the file. */
    fileSha256: text('file_sha256'),
    pages: integer('pages'),
    error: text('error'),
    requestedBy: text('requested_by').notNull(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
  }),
  (t) => [index('plan_documents_plan_idx').on(t.planId, t.createdAt), index('plan_documents_status_idx').on(t.status, t.createdAt)],
);
