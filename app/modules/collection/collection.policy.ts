import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, isComuneReferentOf, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type CollectionAction = 'request.read' | 'request.manage' | 'entry.read' | 'entry.fill' | 'entry.review';

/** An Ambito, and for an entry the comune it is asked of. */
export type CollectionScope = AmbitoScope & { comuneId?: string | null };

/**
 * Data-requests policy. The Ufficio di Piano (coordinator, staff) opens, reminds and closes requests and reviews what
 * comes in (validates or sends back); every member of the Ambito and the Region's reviewer read the requests and their
 * state; a comune referent reads and fills the entries of its own comune — never another comune's, and never reviews.
 */
export function can(actor: Actor, action: CollectionAction, scope: CollectionScope | null): boolean {
  if (scope === null) return false;
  switch (action) {
    case 'request.read':
      return hasAmbitoRole(actor, scope, AMBITO_READERS);
    case 'request.manage':
    case 'entry.review':
      return hasAmbitoRole(actor, scope, UFFICIO_DI_PIANO);
    case 'entry.read':
      return hasAmbitoRole(actor, scope, [...UFFICIO_DI_PIANO, 'regional_reviewer']) || isComuneReferentOf(actor, scope, scope.comuneId);
    case 'entry.fill':
      return hasAmbitoRole(actor, scope, UFFICIO_DI_PIANO) || isComuneReferentOf(actor, scope, scope.comuneId);
  }
}

export const authorize = makeAuthorize(can);

export const abilitiesFor = makeAbilities(can, ['request.read', 'request.manage', 'entry.read', 'entry.fill', 'entry.review'] as const);
