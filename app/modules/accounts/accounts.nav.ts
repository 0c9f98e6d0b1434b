import { type Actor, isAdmin } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';

/** Accounts' entry of the main menu: the users' page, for administrators. */
export function nav(actor: Actor, _ambito: NavAmbito): NavEntry[] {
  return isAdmin(actor) && actor.kind === 'user' ? [{ key: 'users.nav', href: '/amministrazione/utenti', order: 101 }] : [];
}
