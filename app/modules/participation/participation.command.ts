// The one pipeline of participation's writes: a transaction that loads the Ambito and authorises the actor
// (participation.policy.ts) before the input is read, then validation (parseInput), the write under the record's
// version (updateVersioned: a stale form is a conflict, never a silent overwrite) and one audit entry with the
// record before and after. Any error rolls everything back. Writes to governance's and accounts' tables go through
// their commands, called with this transaction.
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, DbOrTx, Tx } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { registerMessages } from '../../shared/i18n/messages.ts';
import { ambiti } from '../territory/index.server.ts';
import * as messages from './participation.messages.ts';
import { authorize, type ParticipationAction } from './participation.policy.ts';

// The commands' messages (tr) also where the app's module registry is not loaded (scripts, tests).
registerMessages(messages);

export interface ParticipationScope {
  id: string;
  code: string;
  name: string;
  regionCode: string;
}

export interface CommandContext {
  db: Db;
  actor: Actor;
  ambitoId: string;
}

export async function loadScope(tx: DbOrTx, ambitoId: string): Promise<ParticipationScope> {
  const [scope] = await tx
    .select({ id: ambiti.id, code: ambiti.code, name: ambiti.name, regionCode: ambiti.regionCode })
    .from(ambiti)
    .where(eq(ambiti.id, ambitoId));
  if (!scope) throw new NotFoundError('L’Ambito');
  return scope;
}

/**
 * The command's one transaction: the actor is authorised for `action` on the Ambito (and, for an organisation's own
 * acts, on that organisation: `organisationId`) before anything else is parsed.
 */
export function command<T>(
  ctx: CommandContext,
  action: ParticipationAction,
  run: (tx: Tx, scope: ParticipationScope) => Promise<T>,
  options: { organisationId?: string | null } = {},
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const scope = await loadScope(tx, ctx.ambitoId);
    authorize(ctx.actor, action, { ...scope, organisationId: options.organisationId ?? null });
    return run(tx, scope);
  });
}

/** Authorises a further action inside a running command (e.g. the organisation of a record read in the transaction). */
export function authorizeAlso(ctx: CommandContext, scope: ParticipationScope, action: ParticipationAction, organisationId: string | null) {
  authorize(ctx.actor, action, { ...scope, organisationId });
}

export function invalid(path: string, message: string): never {
  throw new ValidationError([{ path, message }]);
}

/** The record a command works on: it must exist (in the Ambito, checked by the caller's query), else 404 naming it. */
export async function found<T>(row: Promise<T | null | undefined> | T | null | undefined, what: string): Promise<T> {
  const r = await row;
  if (!r) throw new NotFoundError(what);
  return r;
}

/** What the audit log keeps of a record: everything but secrets (an applicant's future password hash). */
export function auditable<T>(row: T): T {
  if (!row || typeof row !== 'object' || !('passwordHash' in row)) return row;
  const { passwordHash, ...rest } = row as T & { passwordHash: unknown };
  return { ...rest, passwordHash: passwordHash ? '[nascosta]' : null } as T;
}

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export interface AuditOf {
  action: string;
  entityType: string;
  entityId?: string;
}

/** Inserts one record and logs it (its `after`), in the command's transaction. */
export async function insertAudited<T extends PgTable>(
  tx: Tx,
  ctx: CommandContext,
  table: T,
  values: T['$inferInsert'],
  audit: AuditOf,
): Promise<T['$inferSelect']> {
  const [row] = (await tx
    .insert(table)
    .values(values as never)
    .returning()) as T['$inferSelect'][];
  await recordAudit(tx, {
    actor: ctx.actor,
    action: audit.action,
    entityType: audit.entityType,
    entityId: audit.entityId ?? (row as { id: string }).id,
    ambitoId: ctx.ambitoId,
    after: auditable(row),
  });
  return row!;
}

/** Edits one record under its version (`what` names it in a conflict) and logs it before and after. */
export async function updateAudited<T extends VersionedTable>(
  tx: Tx,
  ctx: CommandContext,
  table: T,
  id: string,
  change: AuditOf & { version: number; patch: Partial<T['$inferInsert']>; what: string },
): Promise<T['$inferSelect']> {
  const { before, after } = await updateVersioned(tx, table, id, change.version, change.patch, change.what);
  await recordAudit(tx, {
    actor: ctx.actor,
    action: change.action,
    entityType: change.entityType,
    entityId: id,
    ambitoId: ctx.ambitoId,
    before: auditable(before),
    after: auditable(after),
  });
  return after;
}

/** Logs a write that is not one record's (a link, a merge): what it was and the values that describe it. */
export async function auditFact(tx: Tx, ctx: CommandContext, audit: AuditOf & { entityId: string; before?: unknown; after?: unknown }) {
  await recordAudit(tx, { actor: ctx.actor, ambitoId: ctx.ambitoId, ...audit });
}
