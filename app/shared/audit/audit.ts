import type { DbOrTx } from '../db/client.ts';
import type { Actor } from '../auth/actor.ts';
import { actorLabel } from '../auth/actor.ts';
import { auditLog } from './audit.schema.ts';
import { currentRequestId } from '../log.ts';

export interface AuditInput {
  actor: Actor;
  /** What happened, as module.entity.verb: "territory.ambito.updated". */
  action: string;
  entityType: string;
  entityId: string;
  ambitoId?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set(['passwordHash', 'tokenHash', 'password']);

/** Removes secrets and makes values JSON-safe (dates as ISO strings) before they are written to the log. */
export function auditSnapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? '[nascosto]' : v)));
}

/**
 * Writes one audit entry. Call it inside the command's transaction, once per write, so that the entry
 * exists if and only if the change does.
 */
export async function recordAudit(tx: DbOrTx, input: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: input.actor.kind === 'user' ? input.actor.userId : null,
    actorLabel: actorLabel(input.actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    ambitoId: input.ambitoId ?? null,
    before: auditSnapshot(input.before),
    after: auditSnapshot(input.after),
    requestId: currentRequestId() ?? null,
  });
}
