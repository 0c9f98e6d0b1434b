// The server half of the module registry: each module's demo steps, in the order they must run (territory first:
// the others refer to its Ambiti and comuni; governance before planning; the accounts before participation, which links
// the third-sector account to its organisation), and the identification of requests.
import type { DemoStep } from '../shared/demo/load-demo.ts';
import type { Identify } from '../shared/http/request.server.ts';
import { actorFromApiToken, actorFromSession, demoSteps as accounts } from './accounts/index.server.ts';
import { demoSteps as finance } from './finance/index.server.ts';
import { demoSteps as governance } from './governance/index.server.ts';
import { demoSteps as leps } from './leps/index.server.ts';
import { demoSteps as monitoring } from './monitoring/index.server.ts';
import { demoSteps as participation, panelProviders as participationPanels } from './participation/index.server.ts';
import { registerPanelProviders } from '../shared/panels.server.ts';
import { demoSteps as planning } from './planning/index.server.ts';
import { demoSteps as territory } from './territory/index.server.ts';
import type { ModuleName } from './registry.ts';

export const DEMO_STEPS: readonly (readonly [ModuleName, DemoStep[]])[] = [
  ['territory', territory],
  ['governance', governance],
  ['accounts', accounts],
  ['planning', planning],
  ['monitoring', monitoring],
  ['participation', participation],
  ['leps', leps],
  ['finance', finance],
];

/** Who is asking: the accounts module recognises API tokens and session cookies for the root middleware. */
export const IDENTIFY: Identify = { fromApiToken: actorFromApiToken, fromSession: actorFromSession };

/** The panels modules show on other modules' pages (app/shared/panels.server.ts). */
registerPanelProviders([...participationPanels]);
