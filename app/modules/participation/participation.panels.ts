// Participation's panels on planning's pages (app/shared/panels.server.ts): the plan's path on the plan page, and the
// needs, proposals, meetings and organisations behind an objective on the objective page.
import type { PanelProvider } from '../../shared/panels.server.ts';

/** The providers the registry registers, in the order their panels appear. */
export const panelProviders: PanelProvider[] = [];
