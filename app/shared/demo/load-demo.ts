import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { systemActor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { fromRoot } from '../paths.ts';
import { log } from '../log.ts';
import { createUser } from '../../modules/accounts/accounts.server.ts';
import { users } from '../../modules/accounts/accounts.schema.ts';
import { importAmbitoComposition, importIstatComuni } from '../../modules/territory/territory.commands.ts';
import { getAmbitoByCode, hasComuni } from '../../modules/territory/territory.queries.ts';

const DemoAccounts = z.object({
  password: z.string(),
  users: z.array(z.object({ email: z.string(), name: z.string(), roles: z.array(z.any()) })),
});

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
}

/**
 * Loads the demo Ambito di Gallarate through the product's own importers, from the fixture files in
 * fixtures/ (the ISTAT comuni list, the Ambito composition CSV, the demo accounts). Idempotent: what is
 * already there is left alone, so a second start reuses the data.
 */
export async function loadDemo(db: Db, root = fromRoot('fixtures')): Promise<{ accounts: DemoAccount[]; password: string }> {
  const actor = systemActor('caricamento dati dimostrativi');
  if (!(await hasComuni(db))) {
    const file = `${root}/istat/comuni-2020.json`;
    const summary = await importIstatComuni({ db, actor, fileName: 'comuni-2020.json', text: readFileSync(file, 'utf8') });
    log.info('demo: elenco ISTAT dei comuni importato', { ...summary });
  }
  if (!(await getAmbitoByCode(db, 'gallarate'))) {
    const result = await importAmbitoComposition({ db, actor, fileName: 'ambiti.csv', text: readFileSync(`${root}/demo/ambiti.csv`, 'utf8') });
    log.info('demo: composizione degli Ambiti importata', { ambiti: result.map((r) => r.code) });
  }
  const accounts = DemoAccounts.parse(JSON.parse(readFileSync(`${root}/demo/accounts.json`, 'utf8')));
  for (const u of accounts.users) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, u.email));
    if (!existing) await createUser({ db, actor, input: { email: u.email, name: u.name, password: accounts.password, roles: u.roles } });
  }
  return {
    password: accounts.password,
    accounts: accounts.users.map((u) => ({ email: u.email, name: u.name, role: String(u.roles[0]?.role ?? '') })),
  };
}
