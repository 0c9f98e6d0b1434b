import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, isAdmin, isComuneReferentOf, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type TerritoryAction = 'ambito.read' | 'ambito.edit' | 'territory.import' | 'population.import' | 'comune.todo' | 'comune.figures';

/**
 * Territory policy. The Ambito and its comuni are public information (anonymous citizens read them);
 * the Ambito's details are edited by its Ufficio di Piano coordinator; the ISTAT list and Ambito
 * compositions are imported by the system administrator; population figures by the Ambito's Ufficio di Piano.
 * What the Ufficio di Piano is waiting for from a comune (its to-do) is read by the comune's referent and by the
 * Ufficio di Piano itself. A comune's figures across years beside the Ambito's (spending, users, social workers, with
 * their sources) are read by every member of the Ambito and the Region's reviewer, like the money and LEPS pages.
 */
export function can(actor: Actor, action: TerritoryAction, ambito: (AmbitoScope & { comuneId?: string | null }) | null): boolean {
  switch (action) {
    case 'ambito.read':
      return true;
    case 'ambito.edit':
      return ambito !== null && hasAmbitoRole(actor, ambito, ['coordinator']);
    case 'territory.import':
      return isAdmin(actor);
    case 'population.import':
      return ambito !== null && hasAmbitoRole(actor, ambito, UFFICIO_DI_PIANO);
    case 'comune.todo':
      return ambito !== null && !!ambito.comuneId && (hasAmbitoRole(actor, ambito, UFFICIO_DI_PIANO) || isComuneReferentOf(actor, ambito, ambito.comuneId));
    case 'comune.figures':
      return ambito !== null && !!ambito.comuneId && hasAmbitoRole(actor, ambito, AMBITO_READERS);
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, ['ambito.read', 'ambito.edit', 'territory.import', 'population.import'] as const);
