import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { can } from './participation.policy.ts';

/** Participation in the main menu: the Ambito's participation home, for who may read it. */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  if (!ambito || !can(actor, 'participation.read', ambito)) return [];
  return [{ key: 'part.nav', href: `/ambiti/${ambito.code}/partecipazione`, order: 35 }];
}
