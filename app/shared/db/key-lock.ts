import { sql } from 'drizzle-orm';
import type { Tx } from './client.ts';

/**
 * Serialises the transactions that check a business key and then write it, until the transaction ends
 * (pg_advisory_xact_lock on a 64-bit hash of the key). For keys a unique index cannot state — a period that must not
 * overlap another with the same code — a check with a plain select lets two requests at once both pass: with the
 * key locked first, the second waits for the first to commit and its check then sees the first's row. Lock several
 * keys in a stable order (sorted) to avoid deadlocks. Keys are named by table and values, e.g.
 * `lockBusinessKey(tx, 'social_worker_posts', ambitoId, code)`; a hash collision only makes two writes wait. A
 * transaction only: outside one, the lock would end with its own statement.
 */
export async function lockBusinessKey(tx: Tx, table: string, ...values: string[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${[table, ...values].join('\u001f')}, 0))`);
}

/** Locks several keys of one table, in sorted order (each key is the list of its values). */
export async function lockBusinessKeys(tx: Tx, table: string, keys: readonly (readonly string[])[]): Promise<void> {
  const unique = [...new Set(keys.map((k) => k.join('\u001f')))].sort();
  for (const key of unique) await lockBusinessKey(tx, table, key);
}
