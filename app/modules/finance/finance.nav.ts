import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { can } from './finance.policy.ts';

/** Finance's entry of the main menu. */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  return ambito && can(actor, 'finance.read', ambito) ? [{ key: 'nav.finance', href: `/ambiti/${ambito.code}/risorse`, order: 80 }] : [];
}
