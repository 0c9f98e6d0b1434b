import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';
import type { PlanStatus } from './plan-document.schema.ts';
import { isEditable } from './planning.rules.ts';

export type PlanningAction = 'plan.read' | 'plan.public' | 'plan.internal' | 'plan.create' | 'plan.edit' | 'plan.status' | 'plan.export';

/** What a planning action is checked against: the Ambito, and the plan's status when there is a plan. */
export interface PlanScope extends AmbitoScope {
  status?: PlanStatus;
}

/** A plan is public once adopted (adopted, transmitted, under way, closed): never as a draft or in consultation. */
const isPublic = (s: PlanScope) => s.status !== undefined && !['draft', 'consultation'].includes(s.status);

/**
 * Planning policy. Every member role of the Ambito and the Region's reviewer read its plans (a comune referent
 * reads the plan); the public reads a plan once it is adopted (`plan.read`, e.g. through the API; `plan.public`: the
 * Ambito's public portal). The internal work pages (completeness, variations, drafts, history) and the JSON export
 * are for signed-in users only (`plan.internal`, `plan.export`): the Ambito's members, and any signed-in user once the
 * plan is adopted; an anonymous visitor is sent to the portal. Only the Ufficio di Piano (coordinator, staff) writes,
 * and never a closed plan; only the coordinator changes the status. The frozen baseline has no write path at all.
 */
export function can(actor: Actor, action: PlanningAction, s: PlanScope): boolean {
  switch (action) {
    case 'plan.public':
      return isPublic(s);
    case 'plan.read':
      return hasAmbitoRole(actor, s, AMBITO_READERS) || isPublic(s);
    case 'plan.internal':
    case 'plan.export':
      return hasAmbitoRole(actor, s, AMBITO_READERS) || (actor.kind === 'user' && isPublic(s));
    case 'plan.create':
      return hasAmbitoRole(actor, s, UFFICIO_DI_PIANO);
    case 'plan.edit':
      return hasAmbitoRole(actor, s, UFFICIO_DI_PIANO) && (s.status === undefined || isEditable(s.status));
    case 'plan.status':
      return hasAmbitoRole(actor, s, ['coordinator']);
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, [
  'plan.read',
  'plan.public',
  'plan.internal',
  'plan.create',
  'plan.edit',
  'plan.status',
  'plan.export',
] as const);
