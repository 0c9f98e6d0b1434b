import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { ambiti, comuni } from '../territory/index.server.ts';

export const users = pgTable(
  'users',
  versionedColumns({
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('it'),
    active: boolean('active').notNull().default(true),
    /**
     * The person's codice fiscale (16 characters, uppercase), when known: an identity provider that proves it (SPID,
     * CIE, a regional one) signs the person in to this account (CANTIERE_OIDC_MATCH=fiscal_code).
     */
    fiscalCode: text('fiscal_code'),
  }),
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    uniqueIndex('users_fiscal_code_unique')
      .on(sql`upper(${t.fiscalCode})`)
      .where(sql`${t.fiscalCode} is not null`),
  ],
);

/**
 * A role held by a user, scoped: to an Ambito (Ufficio di Piano, mayor), to one comune of an Ambito
 * (comune referent), to an organisation within an Ambito (third-sector member), to a Region
 * (regional reviewer), or to nothing (system administrator).
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: id(),
    userId: ownerRef('user_id', () => users.id),
    role: text('role').notNull(),
    ambitoId: uuid('ambito_id').references(() => ambiti.id, { onDelete: 'cascade' }),
    comuneId: uuid('comune_id').references(() => comuni.id),
    organisationName: text('organisation_name'),
    /** For a third-sector member: the organisation of the Ambito's registry it acts for (governance's organisations). */
    organisationId: uuid('organisation_id'),
    regionCode: text('region_code'),
    createdAt: createdAt(),
  },
  (t) => [index('role_assignments_user_idx').on(t.userId)],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: ownerRef('user_id', () => users.id),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Personal API tokens: shown once at creation, stored as SHA-256, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: ownerRef('user_id', () => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at'),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/**
 * Failed sign-in attempts, and the requests anyone may send that are limited per client address (reset e-mails, identity
 * provider starts: key `reset-ip:…`, `oidc-ip:…`), kept in the database so that every application process sees them.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: id(),
    key: text('key').notNull(),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

/**
 * Single-use links sent by e-mail: an invitation (a new account chooses its first password) or a password reset. The
 * link carries a random secret; the table keeps only its SHA-256. A link expires, and is spent by its first use (or
 * by any later link of the same purpose for the same user).
 */
export const accountLinks = pgTable(
  'account_links',
  {
    id: id(),
    userId: ownerRef('user_id', () => users.id),
    purpose: text('purpose').notNull().$type<'invitation' | 'reset'>(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    /** Who sent an invitation (null for a reset the user asked for). */
    createdBy: uuid('created_by'),
  },
  (t) => [index('account_links_user_idx').on(t.userId, t.purpose)],
);

/**
 * A user's secret calendar link: calendar apps subscribe to the meetings feed with it, since they can send neither a
 * session nor a token. Read-only, one live link per user, revocable from the profile; only its SHA-256 is kept.
 */
export const calendarLinks = pgTable(
  'calendar_links',
  {
    id: id(),
    userId: ownerRef('user_id', () => users.id),
    secretHash: text('secret_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('calendar_links_user_idx').on(t.userId)],
);

/**
 * A sign-in with the OpenID Connect provider in progress: the browser keeps a random id in a short-lived HttpOnly
 * cookie, the table its SHA-256 with what the provider's answer must match (state, nonce, PKCE verifier) and where to
 * go afterwards. Used once (deleted when the browser comes back), expires after a few minutes.
 */
export const oidcRequests = pgTable(
  'oidc_requests',
  {
    id: text('id').primaryKey(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    redirectTo: text('redirect_to').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('oidc_requests_expires_idx').on(t.expiresAt)],
);
