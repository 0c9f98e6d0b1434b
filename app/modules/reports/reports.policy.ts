import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type GlossaryAction = 'glossary.read' | 'glossary.edit';

/**
 * The glossary of an Ambito. It is public: anyone, signed in or not, reads it (it explains the words of the plan the
 * portal publishes). The Ufficio di Piano of the Ambito (coordinator, staff) — and the administrator — writes it:
 * adds, corrects and removes terms, and loads them from a file.
 */
export function can(actor: Actor, action: GlossaryAction, scope: AmbitoScope): boolean {
  switch (action) {
    case 'glossary.read':
      return true;
    case 'glossary.edit':
      return hasAmbitoRole(actor, scope, UFFICIO_DI_PIANO);
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, ['glossary.read', 'glossary.edit'] as const);

// ——— The social-impact report (bilancio sociale) ————————————————————————————————————————————————————————
// A separate block of the reports policy: its own actions and scope, its own `can`, so the glossary's stays as it is.

export type ImpactAction = 'impact.read' | 'impact.edit' | 'impact.publish';

/** What an impact action is checked against: the Ambito, and whether the report is published. */
export interface ImpactScope extends AmbitoScope {
  published?: boolean;
}

/**
 * The social-impact report of an Ambito. Anyone, signed in or not, reads a published report (it is the Ambito's public
 * account); a draft is read only by the members of the Ambito (every member role) and the Region's reviewer. The
 * Ufficio di Piano (coordinator, staff) — and the administrator — creates it, chooses and orders its sections, writes
 * their introductions, publishes it and withdraws it.
 */
export function canImpact(actor: Actor, action: ImpactAction, scope: ImpactScope): boolean {
  switch (action) {
    case 'impact.read':
      return scope.published === true || hasAmbitoRole(actor, scope, AMBITO_READERS);
    case 'impact.edit':
    case 'impact.publish':
      return hasAmbitoRole(actor, scope, UFFICIO_DI_PIANO);
  }
}

export const authorizeImpact = makeAuthorize(canImpact);
export const impactAbilitiesFor = makeAbilities(canImpact, ['impact.read', 'impact.edit', 'impact.publish'] as const);
