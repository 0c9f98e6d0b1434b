import { type Actor, isAdmin } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { reviewedRegions } from './region.policy.ts';

/** The workspace across Ambiti: the Region under review for its reviewers, Italy for the administrator. */
export function nav(actor: Actor, _ambito: NavAmbito): NavEntry[] {
  if (actor.kind !== 'user') return [];
  if (isAdmin(actor)) return [{ key: 'nav.national', href: '/italia', order: 95 }];
  const [region] = reviewedRegions(actor);
  return region ? [{ key: 'nav.region', href: `/regioni/${region}`, order: 95 }] : [];
}
