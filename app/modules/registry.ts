// The module registry (client-safe): every module of Cantiere, once, in the order of the main menu and of the
// dictionaries. The root layout builds the menu from it; the dictionary is assembled from it. The server half
// (demo steps) is registry.server.ts, the routes are registry.routes.ts, the tables schema.ts — each keyed by
// the names listed here.
import type { Actor } from '../shared/auth/actor.ts';
import { registerMessages } from '../shared/i18n/messages.ts';
import type { NavAmbito, NavEntry } from '../shared/nav.ts';
import * as accounts from './accounts/index.ts';
import * as audit from './audit/index.ts';
import * as collection from './collection/index.ts';
import * as finance from './finance/index.ts';
import * as governance from './governance/index.ts';
import * as leps from './leps/index.ts';
import * as monitoring from './monitoring/index.ts';
import * as opendata from './opendata/index.ts';
import * as participation from './participation/index.ts';
import * as planning from './planning/index.ts';
import * as portal from './portal/index.ts';
import * as region from './region/index.ts';
import * as reports from './reports/index.ts';
import * as services from './services/index.ts';
import * as territory from './territory/index.ts';

export const MODULES = [
  { name: 'territory', messages: territory.messages, nav: territory.nav },
  { name: 'planning', messages: planning.messages, nav: planning.nav },
  { name: 'monitoring', messages: monitoring.messages, nav: monitoring.nav },
  { name: 'accounts', messages: accounts.messages, nav: accounts.nav },
  { name: 'audit', messages: audit.messages, nav: audit.nav },
  { name: 'governance', messages: governance.messages, nav: governance.nav },
  { name: 'participation', messages: participation.messages, nav: participation.nav },
  { name: 'leps', messages: leps.messages, nav: leps.nav },
  { name: 'finance', messages: finance.messages, nav: finance.nav },
  { name: 'services', messages: services.messages, nav: services.nav },
  { name: 'collection', messages: collection.messages, nav: collection.nav },
  { name: 'reports', messages: reports.messages, nav: reports.nav },
  { name: 'region', messages: region.messages, nav: region.nav },
  { name: 'portal', messages: portal.messages, nav: portal.nav },
  { name: 'opendata', messages: opendata.messages },
  { name: 'api' },
] as const;

export type ModuleName = (typeof MODULES)[number]['name'];

type KeysOf<M> = M extends { messages: { it: infer D } } ? keyof D : never;
type ModuleKey = KeysOf<(typeof MODULES)[number]>;

declare module '../shared/i18n/messages.ts' {
  // The keys of every module's dictionary belong to MessageKey: a missing key stays a type error.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<ModuleKey, string> {}
}

for (const m of MODULES) if ('messages' in m) registerMessages(m.messages);

/** The main menu for this actor and Ambito: every module's entries, in their order. */
export function buildNav(actor: Actor, ambito: NavAmbito): { key: NavEntry['key']; href: string }[] {
  return MODULES.flatMap((m) => ('nav' in m ? m.nav(actor, ambito) : []))
    .sort((a, b) => a.order - b.order)
    .map(({ key, href }) => ({ key, href }));
}
