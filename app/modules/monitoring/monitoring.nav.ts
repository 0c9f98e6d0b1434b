import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { can } from './monitoring.policy.ts';

/** Monitoring's entry of the main menu. */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  return ambito && can(actor, 'monitoring.read', ambito) ? [{ key: 'nav.monitoring', href: `/ambiti/${ambito.code}/monitoraggio`, order: 40 }] : [];
}
