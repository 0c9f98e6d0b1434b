import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';

/** Planning's entry of the main menu: the Ambito's plans. */
export function nav(_actor: Actor, ambito: NavAmbito): NavEntry[] {
  return ambito ? [{ key: 'nav.plans', href: `/ambiti/${ambito.code}/piani`, order: 30 }] : [];
}
