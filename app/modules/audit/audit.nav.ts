import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { can } from './audit.policy.ts';

/** The activity log in the main menu: the Ambito's entries, or the whole log for who may read it. */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  if (!can(actor, 'audit.read', ambito)) return [];
  return [{ key: 'nav.audit', href: ambito ? `/registro?ambito=${ambito.code}` : '/registro', order: 90 }];
}
