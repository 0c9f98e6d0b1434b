import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';
import type { PlanStatus } from './plan-document.schema.ts';
import { isEditable } from './planning.rules.ts';

export type PlanningAction = 'plan.read' | 'plan.create' | 'plan.edit' | 'plan.status' | 'plan.export';

/** What a planning action is checked against: the Ambito, and the plan's status when there is a plan. */
export interface PlanScope extends AmbitoScope {
  status?: PlanStatus;
}

/**
 * Planning policy. Every member role of the Ambito and the Region's reviewer read its plans (a comune referent
 * reads the plan); the public reads a plan once it is adopted. Only the Ufficio di Piano (coordinator, staff)
 * writes, and never a closed plan; only the coordinator changes the status. The frozen baseline has no write
 * path at all.
 */
export function can(actor: Actor, action: PlanningAction, s: PlanScope): boolean {
  switch (action) {
    case 'plan.read':
    case 'plan.export':
      return hasAmbitoRole(actor, s, AMBITO_READERS) || (s.status !== undefined && !['draft', 'consultation'].includes(s.status));
    case 'plan.create':
      return hasAmbitoRole(actor, s, UFFICIO_DI_PIANO);
    case 'plan.edit':
      return hasAmbitoRole(actor, s, UFFICIO_DI_PIANO) && (s.status === undefined || isEditable(s.status));
    case 'plan.status':
      return hasAmbitoRole(actor, s, ['coordinator']);
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, ['plan.read', 'plan.create', 'plan.edit', 'plan.status', 'plan.export'] as const);
