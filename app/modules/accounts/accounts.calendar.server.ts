// The secret calendar link of a user: a calendar app subscribes to the meetings feed with it (it can send neither a
// session nor a token). The link reads the meetings the user may see at the moment it is read (their roles then), and
// nothing else; it is revoked from the profile, by a new link, by a password reset and by a disabled account.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor, UserActor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, DbOrTx } from '../../shared/db/client.ts';
import { authorize } from './accounts.policy.ts';
import { lastUseIsStale, loadActor, sha256 } from './accounts.server.ts';
import { calendarLinks } from './accounts.schema.ts';

const CALENDAR_PREFIX = 'cal_';
export const calendarPath = (secret: string) => `/calendario/${secret}.ics`;

/** Makes the user's calendar link (the one before stops working). The secret is returned once. */
export async function createCalendarLink({ db, actor }: { db: Db; actor: Actor }) {
  authorize(actor, 'token.manage', null);
  const user = actor as UserActor;
  const secret = CALENDAR_PREFIX + randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(calendarLinks)
      .set({ revokedAt: now })
      .where(and(eq(calendarLinks.userId, user.userId), isNull(calendarLinks.revokedAt)));
    const [row] = await tx
      .insert(calendarLinks)
      .values({ userId: user.userId, secretHash: sha256(secret) })
      .returning();
    await recordAudit(tx, { actor, action: 'accounts.calendar_link.created', entityType: 'calendar_link', entityId: row!.id, after: { id: row!.id } });
    return { secret };
  });
}

/** Revokes the user's calendar link. */
export async function revokeCalendarLink({ db, actor }: { db: Db; actor: Actor }) {
  authorize(actor, 'token.manage', null);
  const user = actor as UserActor;
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarLinks.userId, user.userId), isNull(calendarLinks.revokedAt)))
      .returning({ id: calendarLinks.id });
    for (const r of revoked) await recordAudit(tx, { actor, action: 'accounts.calendar_link.revoked', entityType: 'calendar_link', entityId: r.id });
    return revoked.length;
  });
}

/** The user's live calendar link, for the profile (never its secret). */
export async function calendarLinkOf(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ createdAt: calendarLinks.createdAt, lastUsedAt: calendarLinks.lastUsedAt })
    .from(calendarLinks)
    .where(and(eq(calendarLinks.userId, userId), isNull(calendarLinks.revokedAt)))
    .orderBy(desc(calendarLinks.createdAt))
    .limit(1);
  return row ?? null;
}

/** Who a calendar link belongs to, with their roles now; null for an unknown or revoked link, or a disabled account. */
export async function actorFromCalendarSecret(db: Db, secret: string, now = new Date()): Promise<UserActor | null> {
  if (!secret.startsWith(CALENDAR_PREFIX) || secret.length > 100) return null;
  const [row] = await db
    .select()
    .from(calendarLinks)
    .where(and(eq(calendarLinks.secretHash, sha256(secret)), isNull(calendarLinks.revokedAt)));
  if (!row) return null;
  if (lastUseIsStale(row.lastUsedAt, now)) await db.update(calendarLinks).set({ lastUsedAt: now }).where(eq(calendarLinks.id, row.id));
  return loadActor(db, row.userId, 'calendar');
}
