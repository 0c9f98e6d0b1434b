import { type Actor, type AmbitoScope, hasAmbitoRole, isAdmin } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type TerritoryAction = 'ambito.read' | 'ambito.edit' | 'territory.import';

/**
 * Territory policy. The Ambito and its comuni are public information (anonymous citizens read them);
 * the Ambito's details are edited by its Ufficio di Piano coordinator; the ISTAT list and Ambito
 * compositions are imported by the system administrator.
 */
export function can(actor: Actor, action: TerritoryAction, ambito: AmbitoScope | null): boolean {
  switch (action) {
    case 'ambito.read':
      return true;
    case 'ambito.edit':
      return ambito !== null && hasAmbitoRole(actor, ambito, ['coordinator']);
    case 'territory.import':
      return isAdmin(actor);
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, ['ambito.read', 'ambito.edit', 'territory.import'] as const);
