import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, isAdmin, isComuneReferentOf, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type LepsAction = 'catalogue.read' | 'catalogue.edit' | 'leps.read' | 'staff.write' | 'leps.regional';

/** The Region a regional view is checked against (ISTAT code, «03» = Lombardia). */
export interface RegionScope {
  regionCode: string;
}

/**
 * LEPS policy. The catalogue is public (it reproduces the regional guidelines) and only the system administrator
 * edits it. An Ambito's LEPS dashboard and its social-worker staff list are internal: every member role of the
 * Ambito and the Region's reviewer read them; the Ufficio di Piano (coordinator, staff) keeps the staff list, and a
 * comune referent keeps the rows of its own comune (never the Ambito's, never another comune's). The
 * regional table across all Ambiti of a Region is for that Region's reviewer (and the administrator).
 */
/** An Ambito, and for a staff-list row the comune it serves (null or absent = the Ambito as a whole). */
export type LepsAmbitoScope = AmbitoScope & { comuneId?: string | null };

export function can(actor: Actor, action: LepsAction, scope: LepsAmbitoScope | RegionScope | null): boolean {
  switch (action) {
    case 'catalogue.read':
      return true;
    case 'catalogue.edit':
      return isAdmin(actor);
    case 'leps.read':
      return isAmbito(scope) && hasAmbitoRole(actor, scope, AMBITO_READERS);
    case 'staff.write':
      return isAmbito(scope) && (hasAmbitoRole(actor, scope, UFFICIO_DI_PIANO) || isComuneReferentOf(actor, scope, scope.comuneId));
    case 'leps.regional':
      if (scope === null) return false;
      if (isAdmin(actor)) return true;
      return actor.kind === 'user' && actor.grants.some((g) => g.role === 'regional_reviewer' && g.regionCode === scope.regionCode);
  }
}

function isAmbito(scope: LepsAmbitoScope | RegionScope | null): scope is LepsAmbitoScope {
  return scope !== null && 'id' in scope;
}

export const authorize = makeAuthorize(can);

export const abilitiesFor = makeAbilities(can, ['catalogue.read', 'catalogue.edit', 'leps.read', 'staff.write', 'leps.regional'] as const);
