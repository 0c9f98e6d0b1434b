/**
 * Figures of one comune collected through a data request (app/modules/collection) and validated by the Ufficio di
 * Piano: they replace that comune's spending (and users) of the year, each row carrying its source (which request,
 * who sent it and when, who validated it). Runs in the caller's transaction; the validator must be allowed to write
 * the comune's spending. Before and after go to the audit log.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { DbOrTx, Tx } from '../../shared/db/client.ts';
import { ambiti } from '../territory/index.server.ts';
import { authorize } from './finance.policy.ts';
import { serviceUsers, spendingFacts } from './finance.schema.ts';
import { NotFoundError } from '../../shared/errors.ts';

export interface CollectedFigures {
  ambitoId: string;
  comuneId: string;
  year: number;
  /** Committed spending per area × channel (null: not part of this submission, left as it is). */
  spending: { area: string; channel: string; amountCents: number; note: string | null }[] | null;
  users: { area: string; users: number }[] | null;
  source: string;
}

export async function recordCollectedFigures(tx: Tx, actor: Actor, input: CollectedFigures) {
  const [ambito] = await tx.select({ id: ambiti.id, regionCode: ambiti.regionCode }).from(ambiti).where(eq(ambiti.id, input.ambitoId));
  if (!ambito) throw new NotFoundError('L’Ambito');
  authorize(actor, 'spending.write', { ...ambito, comuneId: input.comuneId });
  const key = { ambitoId: input.ambitoId, comuneId: input.comuneId, year: input.year };
  /** Replaces the comune's rows of the year in one table with the submitted ones, audited with before and after. */
  const replace = async <T extends typeof spendingFacts | typeof serviceUsers>(
    table: T,
    rows: T['$inferInsert'][],
    action: string,
    entityType: string,
    view: (r: { areaCode: string; source: string } & Record<string, unknown>) => Record<string, unknown>,
  ) => {
    const where = and(eq(table.ambitoId, key.ambitoId), eq(table.comuneId, key.comuneId), eq(table.year, key.year));
    const before = (await tx.delete(table).where(where).returning()) as ({ areaCode: string; source: string } & Record<string, unknown>)[];
    if (rows.length) await tx.insert(table).values(rows as never);
    const after = rows as unknown as ({ areaCode: string; source: string } & Record<string, unknown>)[];
    await recordAudit(tx, {
      actor,
      action,
      entityType,
      entityId: `${key.comuneId}:${key.year}`,
      ambitoId: key.ambitoId,
      before: before.map(view),
      after: after.map(view),
    });
    return before.length;
  };
  const result = { spendingRows: 0, replacedSpendingRows: 0, usersRows: 0, replacedUsersRows: 0 };
  if (input.spending) {
    result.replacedSpendingRows = await replace(
      spendingFacts,
      input.spending.map((r) => ({ ...key, areaCode: r.area, channelCode: r.channel, amountCents: r.amountCents, note: r.note, source: input.source })),
      'finance.spending.collected',
      'spending_year',
      (r) => ({ area: r.areaCode, channel: r.channelCode, cents: r.amountCents, source: r.source }),
    );
    result.spendingRows = input.spending.length;
  }
  if (input.users) {
    result.replacedUsersRows = await replace(
      serviceUsers,
      input.users.map((u) => ({ ...key, areaCode: u.area, users: u.users, source: input.source })),
      'finance.users.collected',
      'users_year',
      (r) => ({ area: r.areaCode, users: r.users, source: r.source }),
    );
    result.usersRows = input.users.length;
  }
  return result;
}

/**
 * A comune's recorded spending and users, year by year and per area, with their sources: the history the checks of
 * a data request compare with, and the year-over-year page shows.
 */
export async function comuneFigureHistory(db: DbOrTx, ambitoId: string, comuneId: string) {
  const [spending, users] = await Promise.all([
    db
      .select({
        year: spendingFacts.year,
        area: spendingFacts.areaCode,
        channel: spendingFacts.channelCode,
        amountCents: spendingFacts.amountCents,
        source: spendingFacts.source,
        updatedAt: spendingFacts.updatedAt,
      })
      .from(spendingFacts)
      .where(and(eq(spendingFacts.ambitoId, ambitoId), eq(spendingFacts.comuneId, comuneId))),
    db
      .select({
        year: serviceUsers.year,
        area: serviceUsers.areaCode,
        users: serviceUsers.users,
        source: serviceUsers.source,
        updatedAt: serviceUsers.updatedAt,
      })
      .from(serviceUsers)
      .where(and(eq(serviceUsers.ambitoId, ambitoId), eq(serviceUsers.comuneId, comuneId))),
  ]);
  return { spending, users };
}
