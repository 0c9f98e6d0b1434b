import { getTableColumns, type Table } from 'drizzle-orm';
import { type AnyPgColumn, bigint, integer, type PgColumnBuilderBase, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The column blocks every table repeats. Each helper makes exactly the SQL its inline form made (names, types,
// defaults, nullability, references): changing one changes the schema, so `npx drizzle-kit generate` must stay
// silent after any refactor that uses them.

/** Primary key: a random UUID made by the database, so rows made by imports and by forms look alike. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** An instant (timestamptz, read as a Date): `instant('expires_at')`, null until it happens unless `.notNull()`. */
export const instant = (name: string) => timestamp(name, { withTimezone: true });

/** When the row was written (set by the database). */
export const createdAt = () => instant('created_at').notNull().defaultNow();

/**
 * Optimistic-lock version: every update must name the version it started from and bumps it by one.
 * A stale version is a conflict (see shared/db/versioned.ts), never a silent overwrite.
 */
export const version = () => integer('version').notNull().default(1);

/** Creation and last-update instants (timestamptz, UTC). */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: instant('updated_at').notNull().defaultNow() });

/** The closing columns of an editable row: its timestamps and its optimistic-lock version. Spread it last. */
export const versioned = () => ({ ...timestamps(), version: version() });

/** The closing columns of an insert-only row (a snapshot, a cut-off record): when and by whom it was written. */
export const created = () => ({ createdAt: createdAt(), createdBy: text('created_by').notNull() });

/** An amount of money in integer euro cents (bigint, read as a number: cents stay far below 2^53). */
export const cents = (name: string) => bigint(name, { mode: 'number' });

/** A required reference to the row that owns this one (an Ambito, a plan, a body…): deleting the owner deletes it. */
export const ownerRef = (name: string, target: () => AnyPgColumn) => uuid(name).notNull().references(target, { onDelete: 'cascade' });

/**
 * The columns of a table of editable rows: `id` first, then the table's own columns, then the timestamps and the
 * optimistic-lock version (the house convention for every row a form or an importer can change):
 * `pgTable('plans', versionedColumns({ title: text('title').notNull() }), (t) => [...])`.
 */
export const versionedColumns = <TColumns extends Record<string, PgColumnBuilderBase>>(columns: TColumns) => ({ id: id(), ...columns, ...versioned() });

/** Some columns of a table by their names, for a select: `db.select(pick(people, 'id', 'fullName'))`. */
export function pick<T extends Table, K extends keyof T['_']['columns'] & string>(table: T, ...names: K[]): Pick<T['_']['columns'], K> {
  const columns = getTableColumns(table);
  return Object.fromEntries(names.map((name) => [name, columns[name]])) as Pick<T['_']['columns'], K>;
}
