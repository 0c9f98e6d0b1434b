import type { Actor } from '../../shared/auth/actor.ts';
import type { NavAmbito, NavEntry } from '../../shared/nav.ts';
import { can } from './governance.policy.ts';

/** Governance's entries of the main menu: bodies, organisations, the programme agreement. */
export function nav(actor: Actor, ambito: NavAmbito): NavEntry[] {
  if (!ambito || !can(actor, 'governance.read', ambito)) return [];
  return [
    { key: 'nav.governance', href: `/ambiti/${ambito.code}/organi`, order: 60 },
    { key: 'nav.organisations', href: `/ambiti/${ambito.code}/organizzazioni`, order: 61 },
    { key: 'nav.agreement', href: `/ambiti/${ambito.code}/accordo`, order: 62 },
  ];
}
