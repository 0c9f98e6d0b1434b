import { type Actor, type AmbitoScope, hasAmbitoRole, isAdmin } from '../../shared/auth/actor.ts';
import { makeAuthorize } from '../../shared/auth/policy.ts';

export type AuditAction = 'audit.read';

/**
 * Who reads the activity log: the system administrator reads all of it; an Ufficio di Piano coordinator
 * reads the entries of the Ambito they coordinate (subject = that Ambito; null = the whole log).
 */
export function can(actor: Actor, _action: AuditAction, ambito: AmbitoScope | null): boolean {
  if (isAdmin(actor)) return true;
  return ambito !== null && actor.kind === 'user' && hasAmbitoRole(actor, ambito, ['coordinator']);
}

export const authorize = makeAuthorize(can);
