import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from '../db/columns.ts';

/**
 * Outgoing e-mail. Every message is written here first (in the transaction of the change that causes it);
 * a sender delivers it when SMTP is configured. Without SMTP the outbox is what users see in the application.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    ambitoId: uuid('ambito_id'),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Optional iCalendar attachment (text/calendar). */
    ics: text('ics'),
    /**
     * A secret the body carries (a sign-in link's): replaced by «•••» in the body once the message is sent, or once the
     * link can no longer be used, so that the table (and its backups) does not keep a live credential.
     */
    secret: text('secret'),
    /** What caused the message, e.g. "meeting:<uuid>". */
    topic: text('topic').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [index('outbox_ambito_idx').on(t.ambitoId, t.createdAt), index('outbox_unsent_idx').on(t.sentAt)],
);

export type OutboxMessage = typeof outbox.$inferSelect;
