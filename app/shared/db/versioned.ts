import { and, eq, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Tx } from './client.ts';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Updates one record protected by its version (optimistic locking): locks the row, checks that its
 * version is still the one the user started from, writes the patch and bumps the version.
 * Returns the row before and after, for the audit log. A stale version throws ConflictError; nothing is
 * written. Works the same on PGlite and PostgreSQL (SELECT … FOR UPDATE serialises concurrent editors).
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  id: string,
  expectedVersion: number,
  patch: Partial<T['$inferInsert']>,
  entityLabel: string,
): Promise<{ before: T['$inferSelect']; after: T['$inferSelect'] }> {
  const t = table as VersionedTable;
  const [before] = (await tx
    .select()
    .from(t as PgTable)
    .where(eq(t.id, id))
    .for('update')) as T['$inferSelect'][];
  if (!before) throw new NotFoundError(entityLabel);
  const current = (before as { version: number }).version;
  if (current !== expectedVersion) throw new ConflictError(entityLabel, current);
  const [after] = (await tx
    .update(t as PgTable)
    .set({ ...patch, version: sql`${t.version} + 1`, updatedAt: new Date() } as never)
    .where(and(eq(t.id, id), eq(t.version, expectedVersion)))
    .returning()) as T['$inferSelect'][];
  if (!after) throw new ConflictError(entityLabel, null);
  return { before, after };
}

export const tableName = (table: PgTable) => getTableName(table);
