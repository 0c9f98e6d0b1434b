import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { created, id, instant, ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { ambiti, comuni } from '../territory/index.server.ts';

/**
 * A data request (campagna di raccolta): the Ufficio di Piano asks the comuni of the Ambito for a set of figures of
 * one reference year (`items`: spending by area and channel, users by area, social workers) by a deadline. The file
 * templates carry `templateVersion`: a file made for another version is refused.
 */
export const dataRequests = pgTable(
  'data_requests',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    title: text('title').notNull(),
    /** The reference year of the figures asked (e.g. 2024 for the 2024 spending). */
    year: integer('year').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** The items asked, in order: codes of COLLECTION_ITEMS (collection.rules.ts). */
    items: jsonb('items').$type<string[]>().notNull(),
    /** A message to the recipients, shown on their form. */
    message: text('message'),
    /** 'aperta' while recipients may send, 'chiusa' once closed by the Ufficio di Piano. */
    status: text('status').notNull().default('aperta'),
    templateVersion: text('template_version').notNull(),
    openedBy: text('opened_by').notNull(),
  }),
  (t) => [index('data_requests_ambito_idx').on(t.ambitoId, t.year), check('data_requests_status', sql`${t.status} in ('aperta', 'chiusa')`)],
);

/** One recipient of a request: a member comune of the Ambito. */
export const dataRequestRecipients = pgTable(
  'data_request_recipients',
  versionedColumns({
    requestId: ownerRef('request_id', () => dataRequests.id),
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    comuneId: uuid('comune_id')
      .notNull()
      .references(() => comuni.id),
    /** Last digest reminder sent to the recipient's referents (null: never). */
    remindedAt: instant('reminded_at'),
  }),
  (t) => [uniqueIndex('data_request_recipients_unique').on(t.requestId, t.comuneId)],
);

/**
 * One item of a request for one recipient: its state (da_compilare → bozza → inviato → validato, or restituito with
 * a note and back to bozza/inviato), the figures as entered (`values`, the item's own shape), the reasons given for
 * the warnings of the checks, who sent and who validated it. Only a validated entry enters the Ambito's figures.
 */
export const dataRequestEntries = pgTable(
  'data_request_entries',
  versionedColumns({
    requestId: ownerRef('request_id', () => dataRequests.id),
    recipientId: ownerRef('recipient_id', () => dataRequestRecipients.id),
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    item: text('item').notNull(),
    state: text('state').notNull().default('da_compilare'),
    values: jsonb('values').$type<Record<string, unknown>>(),
    /** Warning id → the reason the sender gave for it. */
    reasons: jsonb('reasons').$type<Record<string, string>>().notNull().default({}),
    /** How the figures came in: 'modulo' (the form) or the file name. */
    channel: text('channel'),
    returnNote: text('return_note'),
    savedBy: text('saved_by'),
    submittedAt: instant('submitted_at'),
    submittedBy: text('submitted_by'),
    validatedAt: instant('validated_at'),
    validatedBy: text('validated_by'),
  }),
  (t) => [
    uniqueIndex('data_request_entries_unique').on(t.recipientId, t.item),
    index('data_request_entries_request_idx').on(t.requestId),
    check('data_request_entries_state', sql`${t.state} in ('da_compilare', 'bozza', 'inviato', 'restituito', 'validato')`),
  ],
);

/** The trail of an entry: every change of state with who, when and the note (sent back, validated, …). */
export const dataRequestEvents = pgTable(
  'data_request_events',
  {
    id: id(),
    entryId: ownerRef('entry_id', () => dataRequestEntries.id),
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    note: text('note'),
    ...created(),
  },
  (t) => [index('data_request_events_entry_idx').on(t.entryId)],
);

export type DataRequestRow = typeof dataRequests.$inferSelect;
export type DataRequestEntryRow = typeof dataRequestEntries.$inferSelect;
