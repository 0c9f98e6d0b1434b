import { and, count, desc, eq, gte, ilike, inArray, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditFilter {
  /** Restrict to these Ambiti; null = the whole log (administrators only). */
  ambitoIds: string[] | null;
  actor?: string;
  entityType?: string;
  /** ISO dates, inclusive, Europe/Rome days approximated in UTC. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function listAuditEntries(db: DbOrTx, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.ambitoIds) where.push(f.ambitoIds.length ? inArray(auditLog.ambitoId, f.ambitoIds) : eq(auditLog.id, -1));
  if (f.actor) where.push(ilike(auditLog.actorLabel, `%${f.actor.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
  if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
  if (f.from) where.push(gte(auditLog.at, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) where.push(lt(auditLog.at, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(auditLog).where(condition).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(auditLog).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function listAuditEntityTypes(db: DbOrTx) {
  const rows = await db.selectDistinct({ entityType: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType);
  return rows.map((r) => r.entityType);
}
