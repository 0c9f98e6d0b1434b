import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, isAdmin, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type ServicesAction = 'nomenclature.read' | 'nomenclature.edit' | 'services.read' | 'services.write' | 'services.public';

/**
 * Services-catalogue policy. The national nomenclature is public and only the administrator loads it. The Ambito's
 * offer is public (the portal lists it); its internal page is read by every member of the Ambito and the Region's
 * reviewer, and kept by the Ufficio di Piano.
 */
export function can(actor: Actor, action: ServicesAction, scope: AmbitoScope | null): boolean {
  switch (action) {
    case 'nomenclature.read':
    case 'services.public':
      return true;
    case 'nomenclature.edit':
      return isAdmin(actor);
    case 'services.read':
      return scope !== null && hasAmbitoRole(actor, scope, AMBITO_READERS);
    case 'services.write':
      return scope !== null && hasAmbitoRole(actor, scope, UFFICIO_DI_PIANO);
  }
}

export const authorize = makeAuthorize(can);

export const abilitiesFor = makeAbilities(can, ['nomenclature.read', 'nomenclature.edit', 'services.read', 'services.write', 'services.public'] as const);
