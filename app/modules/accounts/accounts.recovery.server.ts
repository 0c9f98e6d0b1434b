// Invitations and password resets on the web: a single-use, expiring link sent by e-mail through the outbox. The link
// holds a random secret; the database keeps only its SHA-256. Asking for a reset says the same thing whether or not the
// address has an account (no enumeration). Using a link sets the password, spends every other link of the user, ends
// every session and revokes every API token of the account, and opens a new session.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../shared/auth/actor.ts';
import { hashPassword } from '../../shared/auth/password.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, Tx } from '../../shared/db/client.ts';
import { AppError, ValidationError, issuesFromZod } from '../../shared/errors.ts';
import { isLocale, translate, type MessageKey } from '../../shared/i18n/messages.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { outbox } from '../../shared/mail/outbox.schema.ts';
import { requireRecordId } from '../../shared/validation.ts';
import { authorize } from './accounts.policy.ts';
import { allowanceDecision } from './accounts.rules.ts';
import { closeCredentials, forgetSpentLinks, insertUser, openSession, selfActor, sha256, userByEmailForUpdate } from './accounts.server.ts';
import { accountLinks, roleAssignments, users } from './accounts.schema.ts';
import { InviteUserInput, Password } from './accounts.validation.ts';

type LinkPurpose = 'invitation' | 'reset';

/** How long a link lasts: an invitation a week (people are away), a reset an hour. */
const LINK_TTL_HOURS: Record<LinkPurpose, number> = { invitation: 7 * 24, reset: 1 };
/** At most this many reset messages per account per hour (a form anyone can post must not flood a mailbox). */
export const RESETS_PER_HOUR = 3;

const linkPath = (secret: string) => `/accedi/nuova-password/${secret}`;

export class LinkInvalidError extends AppError {
  constructor() {
    super('accounts.link_invalid', { key: 'recovery.link.invalid' }, 410);
  }
}

async function issueLink(tx: Tx, userId: string, purpose: LinkPurpose, createdBy: string | null, now: Date): Promise<string> {
  // A new link spends the ones sent before for the same purpose: only the latest message works.
  await tx
    .update(accountLinks)
    .set({ usedAt: now })
    .where(and(eq(accountLinks.userId, userId), eq(accountLinks.purpose, purpose), isNull(accountLinks.usedAt)));
  await forgetSpentLinks(tx, now);
  const secret = randomBytes(32).toString('base64url');
  await tx.insert(accountLinks).values({
    userId,
    purpose,
    tokenHash: sha256(secret),
    expiresAt: new Date(now.getTime() + LINK_TTL_HOURS[purpose] * 3_600_000),
    createdBy,
  });
  return secret;
}

async function queueMail(
  tx: Tx,
  to: { email: string; name: string; locale: string },
  purpose: LinkPurpose,
  url: string,
  secret: string,
  params: Record<string, string | number>,
) {
  const locale = isLocale(to.locale) ? to.locale : 'it';
  const t = (key: MessageKey) => translate(locale, key, { ...params, name: to.name, url, hours: LINK_TTL_HOURS[purpose], days: LINK_TTL_HOURS[purpose] / 24 });
  await tx.insert(outbox).values({
    ambitoId: null,
    toAddress: to.email,
    toName: to.name,
    subject: t(purpose === 'invitation' ? 'recovery.mail.invitation.subject' : 'recovery.mail.reset.subject'),
    body: t(purpose === 'invitation' ? 'recovery.mail.invitation.body' : 'recovery.mail.reset.body'),
    topic: `account:${purpose}`,
    // Removed from the body once sent, or once the link is spent, superseded or expired (forgetSpentLinks).
    secret,
  });
}

/** A new invitation link for the account, by e-mail through the outbox (earlier ones stop working); returns the link. */
async function sendInvitation(tx: Tx, actor: Actor, user: { id: string; email: string; name: string; locale: string }, baseUrl: string, now: Date) {
  const secret = await issueLink(tx, user.id, 'invitation', actor.kind === 'user' ? actor.userId : null, now);
  const url = baseUrl + linkPath(secret);
  await queueMail(tx, user, 'invitation', url, secret, { inviter: actor.kind === 'user' ? actor.name : 'Cantiere' });
  return url;
}

/**
 * Invites a person: creates the account with its roles and no usable password, and sends the invitation link. The
 * administrator's page shows the link too, for installations without outgoing mail. One audit entry for the account.
 */
export async function inviteUser({ db, actor, input, baseUrl, now = new Date() }: { db: Db; actor: Actor; input: unknown; baseUrl: string; now?: Date }) {
  authorize(actor, 'user.manage', null);
  const parsed = InviteUserInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error));
  const { roles, ...fields } = parsed.data;
  // Nobody knows this password: the account is entered through the invitation (or a reset).
  const unusable = await hashPassword(randomBytes(32).toString('base64url'));
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, actor, { ...fields, passwordHash: unusable }, roles, 'accounts.user.invited');
    return { user, url: await sendInvitation(tx, actor, user, baseUrl, now) };
  });
}

/** Sends a new invitation to an account that has not chosen its password yet (the earlier link stops working). */
export async function resendInvitation({
  db,
  actor,
  userId,
  baseUrl,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  userId: string;
  baseUrl: string;
  now?: Date;
}) {
  authorize(actor, 'user.manage', null);
  requireRecordId(userId, 'userId', tr('recovery.user.label'));
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new ValidationError([{ path: 'userId', message: tr('recovery.user.unknown') }]);
    // Only an invitation not yet accepted is sent again: a link that sets the password of an account in use would let
    // whoever resends it take that account over.
    const [pending] = await tx
      .select({ id: accountLinks.id })
      .from(accountLinks)
      .where(and(eq(accountLinks.userId, user.id), eq(accountLinks.purpose, 'invitation'), isNull(accountLinks.usedAt)))
      .limit(1);
    if (!user.active || !pending) throw new ValidationError([{ path: 'userId', message: tr('recovery.resend.notPending') }]);
    const url = await sendInvitation(tx, actor, user, baseUrl, now);
    await recordAudit(tx, { actor, action: 'accounts.user.invitation_sent', entityType: 'user', entityId: user.id, after: { email: user.email } });
    return { url };
  });
}

/**
 * Someone asks to reset the password of an address. Whatever the address, the caller answers the same; when it
 * belongs to an active account (and fewer than RESETS_PER_HOUR were sent in the last hour), a reset link is sent.
 * Returns nothing the caller could tell apart.
 */
export async function requestPasswordReset({ db, email, baseUrl, now = new Date() }: { db: Db; email: string; baseUrl: string; now?: Date }): Promise<void> {
  const address = email.trim().toLowerCase();
  if (!address || address.length > 320) return;
  await db.transaction(async (tx) => {
    const user = await userByEmailForUpdate(tx, address);
    if (!user || !user.active) return;
    const recent = await tx
      .select({ at: accountLinks.createdAt })
      .from(accountLinks)
      .where(and(eq(accountLinks.userId, user.id), eq(accountLinks.purpose, 'reset'), gt(accountLinks.createdAt, new Date(now.getTime() - 3_600_000))));
    const allowance = allowanceDecision(
      recent.map((r) => r.at),
      now,
      RESETS_PER_HOUR,
      60,
    );
    if (!allowance.allowed) return;
    const secret = await issueLink(tx, user.id, 'reset', null, now);
    await queueMail(tx, user, 'reset', baseUrl + linkPath(secret), secret, {});
    await recordAudit(tx, {
      actor: systemActor('richiesta di nuova password dalla pagina di accesso'),
      action: 'accounts.user.reset_requested',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

async function liveLink(db: Db | Tx, secret: string, now: Date, lock = false) {
  if (!/^[\w-]{20,100}$/.test(secret)) return null;
  const query = db
    .select({ link: accountLinks, user: users })
    .from(accountLinks)
    .innerJoin(users, eq(users.id, accountLinks.userId))
    .where(and(eq(accountLinks.tokenHash, sha256(secret)), isNull(accountLinks.usedAt), gt(accountLinks.expiresAt, now), eq(users.active, true)));
  const [row] = lock ? await query.for('update', { of: accountLinks }) : await query;
  return row ?? null;
}

/** What a link is for and whose it is, for its page; null when it is unknown, spent or expired. */
export async function describeLink(db: Db, secret: string, now = new Date()) {
  const row = await liveLink(db, secret, now);
  return row ? { purpose: row.link.purpose, email: row.user.email, name: row.user.name, expiresAt: row.link.expiresAt } : null;
}

/**
 * Uses a link: sets the password chosen (checked like every password), spends every link of the account, ends all its
 * sessions and revokes all its API tokens, then opens a session for this browser. Returns the session token.
 */
export async function redeemLink({
  db,
  secret,
  password,
  confirm,
  userAgent,
  previousSession,
  now = new Date(),
}: {
  db: Db;
  secret: string;
  password: unknown;
  confirm: unknown;
  userAgent?: string | null;
  previousSession?: string | null;
  now?: Date;
}) {
  const parsed = Password.safeParse(password);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error).map((i) => ({ ...i, path: 'password' })));
  if (confirm !== password) throw new ValidationError([{ path: 'confirm', message: tr('recovery.confirm.mismatch') }]);
  // The link first (a read, no lock): a secret that opens nothing never costs an argon2 hash to whoever sends it.
  if (!(await liveLink(db, secret, now))) throw new LinkInvalidError();
  const passwordHash = await hashPassword(parsed.data);
  return db.transaction(async (tx) => {
    const row = await liveLink(tx, secret, now, true);
    if (!row) throw new LinkInvalidError();
    const { link, user } = row;
    await tx
      .update(accountLinks)
      .set({ usedAt: now })
      .where(and(eq(accountLinks.userId, user.id), isNull(accountLinks.usedAt)));
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    const closed = await closeCredentials(tx, user.id, now);
    await recordAudit(tx, {
      actor: selfActor(user),
      action: link.purpose === 'invitation' ? 'accounts.user.invitation_accepted' : 'accounts.user.password_reset',
      entityType: 'user',
      entityId: user.id,
      after: { via: 'link', ...closed },
    });
    const token = await openSession(tx, user, { userAgent, previousSession, now, method: link.purpose === 'invitation' ? 'invitation' : 'reset' });
    return { token, user: { id: user.id, email: user.email, name: user.name }, purpose: link.purpose };
  });
}

/** The administrators' list of users: their roles (with the Ambito's name), whether active, whether an invitation waits. */
export async function listUsersForAdmin(db: Db, actor: Actor) {
  authorize(actor, 'user.manage', null);
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, active: users.active, locale: users.locale })
    .from(users)
    .orderBy(users.name);
  const grants = await db.select().from(roleAssignments);
  const waiting = new Set(
    (
      await db
        .select({ userId: accountLinks.userId })
        .from(accountLinks)
        .where(and(eq(accountLinks.purpose, 'invitation'), isNull(accountLinks.usedAt)))
    ).map((r) => r.userId),
  );
  return rows.map((u) => ({
    ...u,
    invitationPending: waiting.has(u.id),
    roles: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({ role: g.role, ambitoId: g.ambitoId, organisationName: g.organisationName, regionCode: g.regionCode })),
  }));
}
