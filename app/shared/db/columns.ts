import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Primary key: a random UUID made by the database, so rows made by imports and by forms look alike. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** Creation and last-update instants (timestamptz, UTC). */
export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * Optimistic-lock version: every update must name the version it started from and bumps it by one.
 * A stale version is a conflict (see shared/db/versioned.ts), never a silent overwrite.
 */
export const version = () => integer('version').notNull().default(1);
