import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Actor, AmbitoScope, RoleGrant, UserActor } from '../../shared/auth/actor.ts';
import { hashPassword, verifyPassword } from '../../shared/auth/password.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, DbOrTx, Tx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { forgetOutboxSecrets } from '../../shared/mail/sender.server.ts';
import { outbox } from '../../shared/mail/outbox.schema.ts';
import { AppError, ForbiddenError, NotFoundError, ValidationError, issuesFromZod } from '../../shared/errors.ts';
import { requireRecordId } from '../../shared/validation.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { ambiti, comuni } from '../territory/index.server.ts';
import { authorize } from './accounts.policy.ts';
import { REQUEST_LIMITS, THROTTLE, allowanceDecision, formatWait, throttleDecision, type LimitedRequest } from './accounts.rules.ts';
import { accountLinks, apiTokens, calendarLinks, loginFailures, roleAssignments, sessions, users } from './accounts.schema.ts';
import { CreateTokenInput, CreateUserInput, Password, type RoleGrantInput } from './accounts.validation.ts';

export const SESSION_TTL_HOURS = 12;
/** The hex SHA-256 of a secret: what the accounts tables keep of tokens, links and calendar secrets. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');
/** A user's row as the audit log keeps it: never the password's hash. */
const withoutHash = <T extends { passwordHash: string }>({ passwordHash: _omit, ...rest }: T) => rest;

// ---------------------------------------------------------------- users

async function resolveGrant(tx: DbOrTx, g: RoleGrantInput) {
  let ambitoId: string | null = null;
  let comuneId: string | null = null;
  if (g.ambitoCode) {
    const [a] = await tx.select({ id: ambiti.id }).from(ambiti).where(eq(ambiti.code, g.ambitoCode));
    if (!a) throw new ValidationError([{ path: 'ambito', message: tr('accounts.grant.ambitoUnknown', { code: g.ambitoCode }) }]);
    ambitoId = a.id;
  }
  if (g.comuneIstatCode) {
    const [c] = await tx.select({ id: comuni.id }).from(comuni).where(eq(comuni.istatCode, g.comuneIstatCode));
    if (!c) throw new ValidationError([{ path: 'comune', message: tr('accounts.grant.comuneUnknown', { code: g.comuneIstatCode }) }]);
    comuneId = c.id;
  }
  return { role: g.role, ambitoId, comuneId, organisationName: g.organisationName ?? null, organisationId: null, regionCode: g.regionCode ?? null };
}

/** Creates a user with scoped roles (CLI, demo loader, administrators). One audit entry. */
export async function createUser({ db, actor, input }: { db: Db; actor: Actor; input: CreateUserInput }) {
  authorize(actor, 'user.manage', null);
  const parsed = CreateUserInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error));
  const { password, roles, ...fields } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => insertUser(tx, actor, { ...fields, passwordHash }, roles, 'accounts.user.created'));
}

/**
 * Writes a new user and its scoped roles in the caller's transaction (created with a password, or invited): refuses an
 * e-mail that already has an account. One audit entry, without the password's hash.
 */
export async function insertUser(
  tx: Tx,
  actor: Actor,
  fields: { email: string; name: string; locale: string; passwordHash: string; fiscalCode?: string | null },
  roles: readonly RoleGrantInput[],
  action: 'accounts.user.created' | 'accounts.user.invited',
) {
  const [clash] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${fields.email}`);
  if (clash) throw new ValidationError([{ path: 'email', message: tr('accounts.user.emailTaken', { email: fields.email }) }]);
  if (fields.fiscalCode) {
    const [same] = await tx
      .select({ email: users.email })
      .from(users)
      .where(sql`upper(${users.fiscalCode}) = ${fields.fiscalCode.toUpperCase()}`);
    if (same) throw new ValidationError([{ path: 'fiscalCode', message: tr('accounts.user.fiscalCodeTaken', { code: fields.fiscalCode, email: same.email }) }]);
  }
  const [user] = await tx.insert(users).values(fields).returning();
  const grants = [];
  for (const g of roles) grants.push(await resolveGrant(tx, g));
  if (grants.length) await tx.insert(roleAssignments).values(grants.map((g) => ({ ...g, userId: user!.id })));
  await recordAudit(tx, { actor, action, entityType: 'user', entityId: user!.id, after: { ...withoutHash(user!), roles: grants } });
  return user!;
}

/** An admitted organisation's account: its contact person signs in as a third-sector member acting for it. */
export interface MemberEnrolment {
  ambito: AmbitoScope;
  email: string;
  name: string;
  /** The hash of the password the contact chose when applying (a new account); ignored when the e-mail has an account. */
  passwordHash: string | null;
  organisationId: string;
  organisationName: string;
}

/**
 * Enrols the account of an organisation admitted by the Ufficio di Piano (participation's call), in the caller's
 * transaction: a new user with the third-sector role for that organisation, or the role added to the user who already
 * has this e-mail. One audit entry. Returns the user's id.
 */
export async function enrolMemberAccount(tx: Tx, actor: Actor, e: MemberEnrolment): Promise<{ userId: string; created: boolean }> {
  authorize(actor, 'member.enrol', e.ambito);
  const email = e.email.trim().toLowerCase();
  const [existing] = await tx
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .for('update');
  const grant = {
    role: 'third_sector' as const,
    ambitoId: e.ambito.id,
    comuneId: null,
    organisationName: e.organisationName,
    organisationId: e.organisationId,
    regionCode: null,
  };
  if (existing) {
    const held = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, existing.id), eq(roleAssignments.role, 'third_sector'), eq(roleAssignments.organisationId, e.organisationId)));
    if (!held.length) {
      await tx.insert(roleAssignments).values({ ...grant, userId: existing.id });
      await recordAudit(tx, {
        actor,
        action: 'accounts.user.role_added',
        entityType: 'user',
        entityId: existing.id,
        ambitoId: e.ambito.id,
        after: { roles: [grant] },
      });
    }
    return { userId: existing.id, created: false };
  }
  if (!e.passwordHash) throw new ValidationError([{ path: 'password', message: tr('accounts.member.passwordMissing') }]);
  const [user] = await tx.insert(users).values({ email, name: e.name, passwordHash: e.passwordHash }).returning();
  await tx.insert(roleAssignments).values({ ...grant, userId: user!.id });
  const { passwordHash: _omit, ...shown } = user!;
  await recordAudit(tx, {
    actor,
    action: 'accounts.user.enrolled',
    entityType: 'user',
    entityId: user!.id,
    ambitoId: e.ambito.id,
    after: { ...shown, roles: [grant] },
  });
  return { userId: user!.id, created: true };
}

/**
 * Links the third-sector grants of an Ambito that name an organisation (`organisationName`, as written when the account
 * was created) but are not linked yet to the organisation's record in the registry (`organisationId`), in the
 * caller's transaction. Authorised as the enrolment of members (the Ufficio di Piano; the system for the demo). One
 * audit entry per user linked. Returns how many grants were linked.
 */
export async function linkGrantsToOrganisation(tx: Tx, actor: Actor, ambito: AmbitoScope, organisationName: string, organisationId: string): Promise<number> {
  authorize(actor, 'member.enrol', ambito);
  const linked = await tx
    .update(roleAssignments)
    .set({ organisationId })
    .where(
      and(
        eq(roleAssignments.role, 'third_sector'),
        eq(roleAssignments.ambitoId, ambito.id),
        isNull(roleAssignments.organisationId),
        sql`lower(trim(${roleAssignments.organisationName})) = lower(trim(${organisationName}))`,
      ),
    )
    .returning({ id: roleAssignments.id, userId: roleAssignments.userId });
  for (const g of linked)
    await recordAudit(tx, {
      actor,
      action: 'accounts.user.grant_linked',
      entityType: 'user',
      entityId: g.userId,
      ambitoId: ambito.id,
      after: { grantId: g.id, organisationName, organisationId },
    });
  return linked.length;
}

/** Ends every session of a user, revokes every API token and calendar link and spends every account link still live, in the caller’s transaction. */
export async function closeCredentials(tx: Tx, userId: string, now = new Date()) {
  const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  const calendars = await tx
    .update(calendarLinks)
    .set({ revokedAt: now })
    .where(and(eq(calendarLinks.userId, userId), isNull(calendarLinks.revokedAt)))
    .returning({ id: calendarLinks.id });
  // Invitation and reset links still unused die too: enabling the account again must not bring them back.
  const links = await tx
    .update(accountLinks)
    .set({ usedAt: now })
    .where(and(eq(accountLinks.userId, userId), isNull(accountLinks.usedAt)))
    .returning({ id: accountLinks.id });
  await forgetSpentLinks(tx, now);
  return { sessionsEnded: ended.length, tokensRevoked: revoked.length, calendarLinksRevoked: calendars.length, linksSpent: links.length };
}

/**
 * Removes from the outbox the secrets of the invitation and reset links that can no longer be used (spent, superseded,
 * expired), in the caller's transaction: a message waiting for delivery, or kept once sent, never holds a live
 * credential longer than it must. The outbox keeps the secret itself; its SHA-256 finds the link.
 */
export async function forgetSpentLinks(tx: Tx, now = new Date()): Promise<number> {
  return forgetOutboxSecrets(
    tx,
    sql`${outbox.topic} like 'account:%' and not exists (
      select 1 from ${accountLinks}
      where ${accountLinks.tokenHash} = encode(sha256(convert_to(${outbox.secret}, 'UTF8')), 'hex')
        and ${accountLinks.usedAt} is null and ${accountLinks.expiresAt} > ${now.toISOString()}::timestamptz)`,
  );
}

/** The account with this e-mail (any case), locked for the rest of the transaction, or undefined. */
export async function userByEmailForUpdate(tx: Tx, email: string) {
  const [user] = await tx
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .for('update');
  return user;
}

/** The account with this e-mail (any case), locked for the rest of the transaction; NotFoundError if none. */
async function lockUserByEmail(tx: Tx, email: string) {
  const user = await userByEmailForUpdate(tx, email);
  if (!user) throw new NotFoundError(`L’utente ${email}`);
  return user;
}

/**
 * Disables or enables an account (CLI). Disabling ends its sessions and revokes its API tokens: enabling it again does
 * not bring them back.
 */
export async function setUserActive({ db, actor, email, active }: { db: Db; actor: Actor; email: string; active: boolean }) {
  authorize(actor, 'user.manage', null);
  return db.transaction(async (tx) => {
    const before = await lockUserByEmail(tx, email);
    const [after] = await tx
      .update(users)
      .set({ active, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, before.id))
      .returning();
    const closed = active ? {} : await closeCredentials(tx, before.id);
    await recordAudit(tx, {
      actor,
      action: active ? 'accounts.user.enabled' : 'accounts.user.disabled',
      entityType: 'user',
      entityId: before.id,
      before: withoutHash(before),
      after: { ...withoutHash(after!), ...closed },
    });
    return after!;
  });
}

/** Sets a new password (CLI "reset password"), ends every session of that user and revokes every API token. */
export async function resetPassword({ db, actor, email, password }: { db: Db; actor: Actor; email: string; password: string }) {
  authorize(actor, 'user.manage', null);
  const parsed = Password.safeParse(password);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error));
  const passwordHash = await hashPassword(parsed.data);
  return db.transaction(async (tx) => {
    const before = await lockUserByEmail(tx, email);
    const [after] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, before.id))
      .returning();
    const closed = await closeCredentials(tx, before.id);
    await recordAudit(tx, {
      actor,
      action: 'accounts.user.password_reset',
      entityType: 'user',
      entityId: before.id,
      before: withoutHash(before),
      after: { ...withoutHash(after!), ...closed },
    });
    return after!;
  });
}

export async function listUsers(db: DbOrTx) {
  const rows = await db.select({ id: users.id, email: users.email, name: users.name, active: users.active }).from(users).orderBy(users.email);
  const grants = await db.select().from(roleAssignments);
  return rows.map((u) => ({ ...u, roles: grants.filter((g) => g.userId === u.id).map((g) => g.role) }));
}

// ---------------------------------------------------------------- sign in / sessions

export class ThrottledError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('accounts.throttled', `Troppi tentativi di accesso non riusciti. Riprova tra ${formatWait(retryAfterSeconds)}.`, 429);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class BadCredentialsError extends AppError {
  constructor() {
    super('accounts.bad_credentials', 'E-mail o password non corrette.', 401);
  }
}

export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('accounts.too_many_requests', { key: 'recovery.tooMany', params: { minutes: Math.ceil(retryAfterSeconds / 60) } }, 429);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Counts a request anyone may send that makes the server write and work (a reset e-mail, an identity provider's
 * sign-in start) against its client address's allowance (REQUEST_LIMITS per THROTTLE.windowMinutes), atomically under
 * a lock per address; TooManyRequestsError (429, with the wait) once it is spent. The requests are kept with the failed
 * sign-ins, and cleared with them.
 */
export async function spendRequestAllowance(db: Db, kind: LimitedRequest, clientIp: string, now = new Date()): Promise<void> {
  const key = `${kind}-ip:${clientIp}`;
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'cantiere.signin:' + key}))`);
    const recent = await tx
      .select({ at: loginFailures.at })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
    const decision = allowanceDecision(
      recent.map((r) => r.at),
      now,
      REQUEST_LIMITS[kind],
    );
    if (!decision.allowed) throw new TooManyRequestsError(decision.retryAfterSeconds);
    await tx.insert(loginFailures).values({ key, at: now });
  });
}

/**
 * Signs a user in: checks the throttle (per e-mail and per client address), verifies the password, and
 * opens a session — a new one, ending the one the browser had. Returns the session token for the cookie. Failures are
 * recorded for the throttle.
 */
export async function signIn({
  db,
  email,
  password,
  clientIp,
  userAgent,
  previousSession,
  now = new Date(),
}: {
  db: Db;
  email: string;
  password: string;
  clientIp: string;
  userAgent?: string | null;
  /** The session this browser had (its cookie), ended by the new sign-in whoever it belonged to. */
  previousSession?: string | null;
  now?: Date;
}) {
  const keys = [`email:${email.trim().toLowerCase()}`, `ip:${clientIp}`];
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  // The attempt is counted before the password is checked, atomically: under a lock per key (taken in a fixed order),
  // the recent failures are read and, when the attempt is allowed, recorded as a failure at once. Parallel attempts for
  // one address therefore see each other: no more than the free ones are ever checked. A right password removes its own
  // record afterwards.
  const attempt = await db.transaction(async (tx) => {
    for (const key of [...keys].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'cantiere.signin:' + key}))`);
    const failures = await tx
      .select({ key: loginFailures.key, at: loginFailures.at })
      .from(loginFailures)
      .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)));
    for (const key of keys) {
      const decision = throttleDecision(
        failures.filter((f) => f.key === key).map((f) => f.at),
        now,
      );
      if (!decision.allowed) throw new ThrottledError(decision.retryAfterSeconds);
    }
    return tx
      .insert(loginFailures)
      .values(keys.map((key) => ({ key, at: now })))
      .returning({ id: loginFailures.id });
  });
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  // Verify against a dummy hash when the user does not exist, so timing does not reveal which e-mails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) throw new BadCredentialsError();
  const token = await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(
      inArray(
        loginFailures.id,
        attempt.map((a) => a.id),
      ),
    );
    await tx.delete(loginFailures).where(inArray(loginFailures.key, [keys[0]!]));
    await tx.delete(loginFailures).where(lt(loginFailures.at, since));
    return openSession(tx, user, { userAgent, previousSession, now, method: 'password' });
  });
  return { token, user };
}

/** A person as the actor of their own sign-in or password change, for the audit log (no roles needed to record it). */
export const selfActor = (user: { id: string; email: string; name: string; locale: string }): UserActor => ({
  kind: 'user',
  userId: user.id,
  email: user.email,
  name: user.name,
  locale: user.locale,
  grants: [],
  via: 'session',
});

/**
 * Opens a session for a user whose identity has been proved (password, identity provider, reset link), in the
 * caller's transaction: ends the session the browser had (whoever it belonged to), records the sign-in in the audit log
 * with how it was proved, and returns the new session's token for the cookie.
 */
export async function openSession(
  tx: Tx,
  user: { id: string; email: string; name: string; locale: string },
  o: { userAgent?: string | null; previousSession?: string | null; now?: Date; method: 'password' | 'oidc' | 'reset' | 'invitation' },
): Promise<string> {
  const now = o.now ?? new Date();
  const token = randomToken();
  if (o.previousSession) await tx.delete(sessions).where(eq(sessions.id, sha256(o.previousSession)));
  await tx.insert(sessions).values({
    id: sha256(token),
    userId: user.id,
    expiresAt: new Date(now.getTime() + SESSION_TTL_HOURS * 3_600_000),
    userAgent: o.userAgent?.slice(0, 300) ?? null,
  });
  await recordAudit(tx, {
    actor: selfActor(user),
    action: 'accounts.session.created',
    entityType: 'user',
    entityId: user.id,
    after: { method: o.method },
  });
  return token;
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function signOut(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}

export async function loadActor(db: DbOrTx, userId: string, via: UserActor['via']): Promise<UserActor | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const grants = await db
    .select({
      role: roleAssignments.role,
      ambitoId: roleAssignments.ambitoId,
      comuneId: roleAssignments.comuneId,
      organisationName: roleAssignments.organisationName,
      organisationId: roleAssignments.organisationId,
      regionCode: roleAssignments.regionCode,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user.id));
  return { kind: 'user', userId: user.id, email: user.email, name: user.name, locale: user.locale, grants: grants as RoleGrant[], via };
}

/** The actor behind a session cookie, or null when the session is unknown or expired. Slides the expiry. */
export async function actorFromSession(db: Db, token: string, now = new Date()): Promise<UserActor | null> {
  const id = sha256(token);
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  if (!session) return null;
  // Refresh at most once a minute, so that page loads do not write on every request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_HOURS * 3_600_000) })
      .where(eq(sessions.id, id));
  }
  return loadActor(db, session.userId, 'session');
}

// ---------------------------------------------------------------- API tokens

export const TOKEN_PREFIX = 'cnt_';

/** Creates a personal API token. The secret is returned once and only its hash is kept. */
export async function createApiToken({ db, actor, input }: { db: Db; actor: Actor; input: unknown }) {
  authorize(actor, 'token.manage', null);
  // A token is made by a person signed in, never by another token: it could otherwise outlive the token that made it.
  if (actor.kind !== 'user' || actor.via !== 'session') throw new ForbiddenError({ key: 'accounts.token.notFromToken' });
  const parsed = { data: parseInput(CreateTokenInput, input) };
  const user = actor;
  const secret = TOKEN_PREFIX + randomToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: user.userId,
        name: parsed.data.name,
        tokenHash: sha256(secret),
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        expiresAt: parsed.data.expiresInDays ? new Date(Date.now() + parsed.data.expiresInDays * 86_400_000) : null,
      })
      .returning();
    await recordAudit(tx, { actor, action: 'accounts.token.created', entityType: 'api_token', entityId: row!.id, after: row });
    return { token: row!, secret };
  });
}

export async function revokeApiToken({ db, actor, tokenId }: { db: Db; actor: Actor; tokenId: string }) {
  requireRecordId(tokenId, 'tokenId', 'Token');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).for('update');
    if (!before) throw new NotFoundError('Il token');
    authorize(actor, 'token.manage', { userId: before.userId }, { hide: true });
    if (before.revokedAt) return before;
    const [after] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId)).returning();
    await recordAudit(tx, { actor, action: 'accounts.token.revoked', entityType: 'api_token', entityId: tokenId, before, after });
    return after!;
  });
}

export async function listApiTokens(db: DbOrTx, userId: string) {
  return db
    .select(pick(apiTokens, 'id', 'name', 'prefix', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'))
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** A token's or link's «last used» is written at most once a minute: reading with it must not be a write each time. */
export const lastUseIsStale = (lastUsedAt: Date | null, now: Date) => !lastUsedAt || now.getTime() - lastUsedAt.getTime() > 60_000;

/** The actor behind a bearer token, or null when unknown, revoked or expired. */

export async function actorFromApiToken(db: Db, secret: string, now = new Date()): Promise<UserActor | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(secret)), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))));
  if (!row) return null;
  if (lastUseIsStale(row.lastUsedAt, now)) await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return loadActor(db, row.userId, 'token');
}
