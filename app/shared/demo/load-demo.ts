import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { systemActor, type Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { fromRoot } from '../paths.ts';
import { log } from '../log.ts';
import { createUser } from '../../modules/accounts/accounts.server.ts';
import { users } from '../../modules/accounts/accounts.schema.ts';
import { importAmbitoComposition, importIstatComuni, importPopulation } from '../../modules/territory/territory.commands.ts';
import { getAmbitoByCode, hasComuni, hasPopulationFacts } from '../../modules/territory/territory.queries.ts';
import { governanceSteps } from '../../modules/governance/governance.demo.ts';
import { planningSteps } from '../../modules/planning/planning.demo.ts';
import { lepsSteps } from '../../modules/leps/leps.demo.ts';
import { financeSteps } from '../../modules/finance/finance.demo.ts';
import { monitoringSteps } from '../../modules/monitoring/monitoring.demo.ts';

const DemoAccounts = z.object({
  password: z.string(),
  users: z.array(z.object({ email: z.string(), name: z.string(), roles: z.array(z.any()) })),
});

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
}

/** What a demo step receives: the database, the system actor, and a reader for files under fixtures/. */
export interface DemoContext {
  db: Db;
  actor: Actor;
  read: (relativePath: string) => string;
}

/**
 * One step of the demo: each module contributes the steps that load its fixture files through its own
 * importers. A step must be idempotent (check first, then import), so that a second start reuses the data.
 */
export interface DemoStep {
  name: string;
  run: (ctx: DemoContext) => Promise<void>;
}

const territorySteps: DemoStep[] = [
  {
    name: 'elenco ISTAT dei comuni',
    async run({ db, actor, read }) {
      if (await hasComuni(db)) return;
      const summary = await importIstatComuni({ db, actor, fileName: 'comuni-2020.json', text: read('istat/comuni-2020.json') });
      log.info('demo: elenco ISTAT dei comuni importato', { ...summary });
    },
  },
  {
    name: 'composizione degli Ambiti',
    async run({ db, actor, read }) {
      if (await getAmbitoByCode(db, 'gallarate')) return;
      const result = await importAmbitoComposition({ db, actor, fileName: 'ambiti.csv', text: read('demo/ambiti.csv') });
      log.info('demo: composizione degli Ambiti importata', { ambiti: result.map((r) => r.code) });
    },
  },
  {
    name: 'popolazione dell’Ambito di Gallarate (Tabella 2.1)',
    async run({ db, actor, read }) {
      const ambito = await getAmbitoByCode(db, 'gallarate');
      if (!ambito || (await hasPopulationFacts(db, ambito.id))) return;
      const summary = await importPopulation({
        db,
        actor,
        ambitoId: ambito.id,
        fileName: 'ambito-serie.csv',
        text: read('demo/gallarate/population/ambito-serie.csv'),
      });
      log.info('demo: popolazione importata', { ...summary });
    },
  },
];

/** The demo steps of every module, in order (territory first: the others refer to its Ambiti and comuni). */
export const DEMO_STEPS: DemoStep[] = [...territorySteps, ...governanceSteps, ...planningSteps, ...monitoringSteps, ...lepsSteps, ...financeSteps];

/**
 * Loads the demo Ambito di Gallarate through the product's own importers, from the fixture files in
 * fixtures/ (ISTAT comuni, Ambito composition, population, the modules' demo data, demo accounts).
 * Idempotent: what is already there is left alone, so a second start reuses the data.
 */
export async function loadDemo(db: Db, root = fromRoot('fixtures')): Promise<{ accounts: DemoAccount[]; password: string }> {
  const ctx: DemoContext = { db, actor: systemActor('caricamento dati dimostrativi'), read: (p) => readFileSync(`${root}/${p}`, 'utf8') };
  for (const step of DEMO_STEPS) await step.run(ctx);
  const accounts = DemoAccounts.parse(JSON.parse(ctx.read('demo/accounts.json')));
  for (const u of accounts.users) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, u.email));
    if (!existing) await createUser({ db, actor: ctx.actor, input: { email: u.email, name: u.name, password: accounts.password, roles: u.roles } });
  }
  return {
    password: accounts.password,
    accounts: accounts.users.map((u) => ({ email: u.email, name: u.name, role: String(u.roles[0]?.role ?? '') })),
  };
}
