import { type Actor, isAdmin } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type RegionAction = 'region.read' | 'region.national';

/** A Region (ISTAT code, «03» = Lombardia), or Italy (null) for the national view. */
export interface RegionScope {
  regionCode: string | null;
}

/** The Regions whose Ambiti this actor reviews (its regional reviewer grants). */
export function reviewedRegions(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.grants.filter((g) => g.role === 'regional_reviewer' && g.regionCode).map((g) => g.regionCode!))];
}

/**
 * The regional workspace is read-only on the Ambiti. A Region's workspace is for that Region's reviewers (and the
 * administrator); the national view across every Region is for the administrator. Asking for the figures to be
 * recomputed is part of reading them (it changes no Ambito's data).
 */
export function can(actor: Actor, action: RegionAction, scope: RegionScope | null): boolean {
  if (isAdmin(actor)) return true;
  switch (action) {
    case 'region.read':
      return scope !== null && scope.regionCode !== null && reviewedRegions(actor).includes(scope.regionCode);
    case 'region.national':
      return false;
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, ['region.read', 'region.national'] as const);
