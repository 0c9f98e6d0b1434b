import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, isAdmin, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type FinanceAction = 'finance.read' | 'spending.import' | 'spending.write' | 'allocation.write' | 'budget.record' | 'catalogue.edit';

/**
 * What a finance action is checked against: the Ambito and, for spending figures, the comune they belong to
 * (`comuneId` null = figures of the Ambito as a whole). `catalogue.edit` is checked against null (installation-wide).
 */
export interface FinanceScope extends AmbitoScope {
  comuneId?: string | null;
}

/** True when the actor is the comune referent of this very comune in this Ambito. */
function isReferentOf(actor: Actor, s: FinanceScope): boolean {
  if (actor.kind !== 'user' || !s.comuneId) return false;
  return actor.grants.some((g) => g.role === 'comune_referent' && g.ambitoId === s.id && g.comuneId === s.comuneId);
}

/**
 * Finance policy. Members of the Ambito and the Region's reviewer read its money pages. The Ufficio di Piano
 * (coordinator, staff) enters the Ambito's figures, the fund allocations and the plan budget's cut-off values; a
 * comune referent enters only the figures of its own comune (never the Ambito's, never another comune's) and may
 * therefore open the import page. The catalogues of funding sources and areas belong to the installation: only
 * the administrator edits them.
 */
export function can(actor: Actor, action: FinanceAction, s: FinanceScope | null): boolean {
  switch (action) {
    case 'finance.read':
      return s !== null && hasAmbitoRole(actor, s, AMBITO_READERS);
    case 'spending.import':
      return (
        s !== null &&
        (hasAmbitoRole(actor, s, UFFICIO_DI_PIANO) ||
          (actor.kind === 'user' && actor.grants.some((g) => g.role === 'comune_referent' && g.ambitoId === s.id && g.comuneId !== null)))
      );
    case 'spending.write':
      if (s === null) return false;
      if (hasAmbitoRole(actor, s, UFFICIO_DI_PIANO)) return true;
      return isReferentOf(actor, s);
    case 'allocation.write':
    case 'budget.record':
      return s !== null && hasAmbitoRole(actor, s, UFFICIO_DI_PIANO);
    case 'catalogue.edit':
      return isAdmin(actor);
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, [
  'finance.read',
  'spending.import',
  'spending.write',
  'allocation.write',
  'budget.record',
  'catalogue.edit',
] as const);
