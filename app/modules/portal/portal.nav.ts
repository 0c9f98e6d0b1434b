import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';

/** The portal in the main menu: the Ambito's public portal, for everyone (signed in or not). */
export function nav(_actor: Actor, ambito: NavAmbito): NavEntry[] {
  return ambito ? [{ key: 'portal.name', href: `/portale/${encodeURIComponent(ambito.code)}`, order: 15 }] : [];
}
