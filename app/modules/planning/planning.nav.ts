import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';

/** Planning's entry of the main menu: the Ambito's plans (internal pages: anonymous visitors read the plan on the portal). */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  return ambito && actor.kind !== 'anonymous' ? [{ key: 'nav.plans', href: `/ambiti/${ambito.code}/piani`, order: 30 }] : [];
}
