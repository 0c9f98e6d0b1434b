// Panels: what one module shows on another module's page without the owner importing it (the dependency rule forbids
// cycles between modules). Planning's plan and objective pages ask for the panels of their subject; participation
// (the plan's path; the needs, proposals and meetings behind an objective) provides them. The app-level registry
// (app/modules/registry.server.ts) registers the providers; shared code imports no module.
import type { Actor } from './auth/actor.ts';
import type { DbOrTx } from './db/client.ts';
import type { Panel, PanelSubject } from './panels.ts';

export type { Panel, PanelItem, PanelItemState, PanelSubject } from './panels.ts';

export type PanelProvider = (db: DbOrTx, subject: PanelSubject, actor: Actor) => Promise<Panel | null>;

const providers: PanelProvider[] = [];

/** Registers the providers once (the registry does it at start; registering the same provider twice is harmless). */
export function registerPanelProviders(list: readonly PanelProvider[]) {
  for (const p of list) if (!providers.includes(p)) providers.push(p);
}

/** The panels every registered module has for this subject, as this actor may see them (null answers are left out). */
export async function panelsFor(db: DbOrTx, subject: PanelSubject, actor: Actor): Promise<Panel[]> {
  const panels = await Promise.all(providers.map((p) => p(db, subject, actor)));
  return panels.filter((p): p is Panel => p !== null);
}
