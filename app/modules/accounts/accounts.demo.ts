import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DemoAccount, DemoContext, DemoStep } from '../../shared/demo/load-demo.ts';
import { users } from './accounts.schema.ts';
import { createUser } from './accounts.server.ts';

const DemoAccounts = z.object({
  password: z.string(),
  users: z.array(z.object({ email: z.string(), name: z.string(), roles: z.array(z.any()) })),
});

/** The accounts' demo step: after governance (its grants name the Ambito; participation links the third-sector
 *  account's grant to the demo cooperative when it imports the tables). */
export const demoSteps: DemoStep[] = [
  {
    name: 'account dimostrativi',
    run: loadDemoAccounts,
  },
];

const readAccountsFile = (ctx: DemoContext) => DemoAccounts.parse(JSON.parse(ctx.read('demo/accounts.json')));

/** Creates the demo accounts of fixtures/demo/accounts.json that do not exist yet. */
async function loadDemoAccounts(ctx: DemoContext): Promise<void> {
  const { db } = ctx;
  const accounts = readAccountsFile(ctx);
  for (const u of accounts.users) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, u.email));
    if (!existing) await createUser({ db, actor: ctx.actor, input: { email: u.email, name: u.name, password: accounts.password, roles: u.roles } });
  }
}

/** The demo accounts listed in the fixture (for the start-up message), without touching the database. */
export function demoAccountList(ctx: DemoContext): { accounts: DemoAccount[]; password: string } {
  const accounts = readAccountsFile(ctx);
  return {
    password: accounts.password,
    accounts: accounts.users.map((u) => ({ email: u.email, name: u.name, role: String(u.roles[0]?.role ?? '') })),
  };
}
