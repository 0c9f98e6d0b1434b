import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type DocumentAction = 'document.read' | 'document.generate';

/** What a document action is checked against: the Ambito, and whether the document is the adoption's own. */
export interface DocumentScope extends AmbitoScope {
  /** A document of the text adopted by the mayors: public, as the adopted plan is. */
  adoption?: boolean;
}

/**
 * Plan documents. The Ufficio di Piano (coordinator, staff) generates them; every member role of the Ambito and the
 * Region's reviewer read them; anyone — citizens included — reads the document of the adopted text, which the
 * portal publishes. A document of a draft is never public.
 */
export function can(actor: Actor, action: DocumentAction, s: DocumentScope): boolean {
  switch (action) {
    case 'document.read':
      return s.adoption === true || hasAmbitoRole(actor, s, AMBITO_READERS);
    case 'document.generate':
      return hasAmbitoRole(actor, s, UFFICIO_DI_PIANO);
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, ['document.read', 'document.generate'] as const);
