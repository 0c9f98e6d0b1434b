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
  }),
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
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

/** Failed sign-in attempts, kept in the database so that every application process sees them. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: id(),
    key: text('key').notNull(),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);
