import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db, Tx } from '../db/client.ts';
import { log } from '../log.ts';
import { outbox } from './outbox.schema.ts';

/** What delivering needs from a mail transport (nodemailer's shape; tests pass their own). */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    icalEvent?: { method: string; content: string; filename: string };
  }): Promise<unknown>;
}

export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url) as unknown as MailTransport;
}

/**
 * Sends the messages waiting in the outbox, oldest first, at most `limit` per call. Each message is claimed with
 * SELECT … FOR UPDATE SKIP LOCKED, so several application processes never send the same one; a message is marked
 * sent, or keeps the error and is retried on the next call. Returns how many were sent and how many failed.
 */
export async function deliverOutbox({ db, transport, from, limit = 20 }: { db: Db; transport: MailTransport; from: string; limit?: number }) {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.transaction(async (tx) => {
      const [message] = await tx.select().from(outbox).where(isNull(outbox.sentAt)).orderBy(asc(outbox.createdAt)).limit(1).for('update', { skipLocked: true });
      if (!message) return null;
      try {
        await transport.sendMail({
          from,
          to: message.toName ? `"${message.toName.replaceAll('"', '')}" <${message.toAddress}>` : message.toAddress,
          subject: message.subject,
          text: message.body,
          ...(message.ics
            ? { icalEvent: { method: /METHOD:CANCEL/.test(message.ics) ? 'CANCEL' : 'REQUEST', content: message.ics, filename: 'invito.ics' } }
            : {}),
        });
        // Sent: the secret it carried (a sign-in link's) has left with it and is not kept here.
        await tx
          .update(outbox)
          .set({ sentAt: new Date(), error: null, ...(message.secret ? { body: withoutSecret(message.body, message.secret), secret: null } : {}) })
          .where(eq(outbox.id, message.id));
        return 'sent' as const;
      } catch (error) {
        // Keep the message for the next attempt, with the reason visible in the outbox page.
        await tx
          .update(outbox)
          .set({ error: (error as Error).message.slice(0, 500) })
          .where(and(eq(outbox.id, message.id), isNull(outbox.sentAt)));
        log.warn('invio e-mail non riuscito', { outboxId: message.id, error: (error as Error).message });
        return 'failed' as const;
      }
    });
    if (done === null) break;
    if (done === 'sent') sent++;
    else {
      failed++;
      break; // the server is probably unreachable: try again at the next round
    }
  }
  return { sent, failed };
}

/** What stands in a message's body for the secret it carried, once it is sent or no longer usable. */
export const SECRET_REMOVED = '•••';

const withoutSecret = (body: string, secret: string) => body.replaceAll(secret, SECRET_REMOVED);

/**
 * Removes from the outbox the secrets chosen by `where` (the module that wrote them decides which ones can no longer be
 * used), in the caller's transaction: each body keeps its text with «•••» in place of the secret. Returns how many.
 */
export async function forgetOutboxSecrets(tx: Tx, where: SQL): Promise<number> {
  const done = await tx
    .update(outbox)
    .set({ body: sql`replace(${outbox.body}, ${outbox.secret}, ${SECRET_REMOVED})`, secret: null })
    .where(and(isNotNull(outbox.secret), where))
    .returning({ id: outbox.id });
  return done.length;
}

/** Messages still waiting (for the readiness of the sender and the outbox page). */
export async function countUnsent(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(isNull(outbox.sentAt));
  return Number(row?.n ?? 0);
}
