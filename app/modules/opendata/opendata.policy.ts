import { type Actor, type AmbitoScope, hasAmbitoRole } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type OpendataAction = 'opendata.read' | 'publisher.edit';

/**
 * Open-data policy. What is published is public: anyone reads the datasets, the catalogue and the Ambito's open-data
 * page. Who publishes it (the publisher and rights holder with their IPA codes, the contact, the frequency) is declared
 * by the coordinator of the Ambito — the person answering for the Ufficio di Piano — and by the system administrator;
 * nobody else, not the staff nor the Region's reviewer.
 */
export function can(actor: Actor, action: OpendataAction, scope: AmbitoScope | null): boolean {
  switch (action) {
    case 'opendata.read':
      return true;
    case 'publisher.edit':
      return scope !== null && hasAmbitoRole(actor, scope, ['coordinator']);
  }
}

export const authorize = makeAuthorize(can);

export const abilitiesFor = makeAbilities(can, ['opendata.read', 'publisher.edit'] as const);
