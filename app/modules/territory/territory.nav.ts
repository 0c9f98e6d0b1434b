import { type Actor, isAdmin } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { can } from './territory.policy.ts';

/** Territory's entries of the main menu: the Ambito's home, territory and data; the territory administration for admins. */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  const entries: NavEntry[] = [];
  if (ambito) {
    entries.push({ key: 'nav.home', href: `/ambiti/${ambito.code}`, order: 10 });
    entries.push({ key: 'nav.territory', href: `/ambiti/${ambito.code}/territorio`, order: 20 });
    if (can(actor, 'ambito.edit', ambito)) entries.push({ key: 'nav.edit', href: `/ambiti/${ambito.code}/modifica`, order: 50 });
  }
  if (isAdmin(actor) && actor.kind === 'user') entries.push({ key: 'nav.territoryAdmin', href: '/amministrazione/territorio', order: 100 });
  return entries;
}
