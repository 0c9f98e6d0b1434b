import type { Db } from '../shared/db/client.ts';
import { demoContext, runDemoSteps, type DemoAccount } from '../shared/demo/load-demo.ts';
import { demoAccountList } from './accounts/index.server.ts';
import { DEMO_STEPS } from './registry.server.ts';

/**
 * Loads the demo Ambito di Gallarate through the product's own importers, from the fixture files in
 * fixtures/ (ISTAT comuni, Ambito composition, population, the modules' demo data, demo accounts).
 * Idempotent: what is already there is left alone, so a second start reuses the data.
 */
export async function loadDemo(db: Db, root?: string): Promise<{ accounts: DemoAccount[]; password: string }> {
  const ctx = demoContext(db, root);
  await runDemoSteps(
    ctx,
    DEMO_STEPS.flatMap(([, steps]) => steps),
  );
  // The accounts are created by their own demo step (registry.server.ts); here they are only listed.
  return demoAccountList(ctx);
}
