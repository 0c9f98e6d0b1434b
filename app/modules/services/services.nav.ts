import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { can } from './services.policy.ts';

/** The Ambito's services catalogue, for its members. */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  return ambito && can(actor, 'services.read', ambito) ? [{ key: 'nav.services', href: `/ambiti/${ambito.code}/servizi`, order: 75 }] : [];
}
