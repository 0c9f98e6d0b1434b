import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { can } from './collection.policy.ts';

/** The data requests of the Ambito, for its members. */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  return ambito && can(actor, 'request.read', ambito) ? [{ key: 'nav.collection', href: `/ambiti/${ambito.code}/raccolte`, order: 82 }] : [];
}
