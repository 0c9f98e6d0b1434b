import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { can } from './leps.policy.ts';

/** LEPS's entry of the main menu: the Ambito's LEPS, else the region under review, else the catalogue. */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  if (ambito) return can(actor, 'leps.read', ambito) ? [{ key: 'nav.leps', href: `/ambiti/${ambito.code}/leps`, order: 70 }] : [];
  const reviewedRegion = actor.kind === 'user' ? actor.grants.find((g) => g.role === 'regional_reviewer' && g.regionCode)?.regionCode : undefined;
  return [{ key: 'nav.leps', href: reviewedRegion ? `/regioni/${reviewedRegion}?vista=leps` : '/leps/catalogo', order: 70 }];
}
