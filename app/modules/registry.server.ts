// The server half of the module registry: each module's demo steps, in the order they must run (territory first:
// the others refer to its Ambiti and comuni; governance before planning; the accounts before participation, which links
// the third-sector account to its organisation), and the identification of requests.
import type { DemoStep } from '../shared/demo/load-demo.ts';
import type { Identify } from '../shared/http/request.server.ts';
import { actorFromApiToken, actorFromSession, demoSteps as accounts } from './accounts/index.server.ts';
import { panelProviders as collectionPanels } from './collection/index.server.ts';
import { demoSteps as finance, spendingImportJobs } from './finance/index.server.ts';
import { demoSteps as governance } from './governance/index.server.ts';
import { demoSteps as leps } from './leps/index.server.ts';
import { demoSteps as monitoring } from './monitoring/index.server.ts';
import { demoSteps as participation, panelProviders as participationPanels } from './participation/index.server.ts';
import { registerPanelProviders } from '../shared/panels.server.ts';
import { registerGlossaryProvider } from '../shared/glossary.server.ts';
import { demoSteps as planning } from './planning/index.server.ts';
import { glossarySteps, glossaryTermsFor, impactSteps, panelProviders as reportsPanels, startDocumentWorker } from './reports/index.server.ts';
import { demoSteps as opendata } from './opendata/index.server.ts';
import { demoSteps as region, REFRESH_JOB, runRefreshJob, sweepStaleFigures } from './region/index.server.ts';
import { demoSteps as services } from './services/index.server.ts';
import { demoSteps as territory } from './territory/index.server.ts';
import type { Db } from '../shared/db/client.ts';
import { registerJobHandlers, startJobWorker } from '../shared/jobs/jobs.server.ts';
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
  ['services', services],
  ['reports', [...glossarySteps, ...impactSteps]],
  ['opendata', opendata],
  ['region', region],
];

/** Who is asking: the accounts module recognises API tokens and session cookies for the root middleware. */
export const IDENTIFY: Identify = { fromApiToken: actorFromApiToken, fromSession: actorFromSession };

/** The panels modules show on other modules' pages (app/shared/panels.server.ts). */
registerPanelProviders([...participationPanels, ...reportsPanels, ...collectionPanels]);

/** The Ambito's glossary for the rich texts of every page (app/shared/glossary.server.ts): kept by reports. */
registerGlossaryProvider(glossaryTermsFor);

/** The jobs of the modules (app/shared/jobs): the spending import, the refresh of the regional figures. */
registerJobHandlers({ ...spendingImportJobs, [REFRESH_JOB]: runRefreshJob });

/**
 * The work each server process does in the background: the plan documents' generation, and the jobs queue (with the
 * sweep that queues the refresh of stale regional figures).
 */
export function startBackgroundWorkers(db: Db, kind: 'pglite' | 'postgres'): { stop(): Promise<void> } {
  const workers = [startDocumentWorker(db), startJobWorker(db, { kind, periodic: [sweepStaleFigures] })];
  return { stop: () => Promise.all(workers.map((w) => w.stop())).then(() => undefined) };
}
