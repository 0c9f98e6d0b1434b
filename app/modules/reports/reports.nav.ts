import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { can } from './reports.policy.ts';

/** The reports module's entry of the main menu: the Ambito's returns (adempimenti), for those who read them. */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  return ambito && can(actor, 'returns.read', ambito) ? [{ key: 'rep.returns.nav', href: `/ambiti/${ambito.code}/adempimenti`, order: 84 }] : [];
}
