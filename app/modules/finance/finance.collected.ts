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
  const result = { spendingRows: 0, replacedSpendingRows: 0, usersRows: 0, replacedUsersRows: 0 };
  if (input.spending) {
    const where = and(eq(spendingFacts.ambitoId, input.ambitoId), eq(spendingFacts.comuneId, input.comuneId), eq(spendingFacts.year, input.year));
    const before = await tx.delete(spendingFacts).where(where).returning();
    result.replacedSpendingRows = before.length;
    if (input.spending.length)
      await tx.insert(spendingFacts).values(
        input.spending.map((r) => ({
          ambitoId: input.ambitoId,
          comuneId: input.comuneId,
          year: input.year,
          areaCode: r.area,
          channelCode: r.channel,
          amountCents: r.amountCents,
          note: r.note,
          source: input.source,
        })),
      );
    result.spendingRows = input.spending.length;
    await recordAudit(tx, {
      actor,
      action: 'finance.spending.collected',
      entityType: 'spending_year',
      entityId: `${input.comuneId}:${input.year}`,
      ambitoId: input.ambitoId,
      before: before.map((r) => ({ area: r.areaCode, channel: r.channelCode, cents: r.amountCents, source: r.source })),
      after: input.spending.map((r) => ({ area: r.area, channel: r.channel, cents: r.amountCents, source: input.source })),
    });
  }
  if (input.users) {
    const where = and(eq(serviceUsers.ambitoId, input.ambitoId), eq(serviceUsers.comuneId, input.comuneId), eq(serviceUsers.year, input.year));
    const before = await tx.delete(serviceUsers).where(where).returning();
    result.replacedUsersRows = before.length;
    if (input.users.length)
      await tx.insert(serviceUsers).values(
        input.users.map((u) => ({
          ambitoId: input.ambitoId,
          comuneId: input.comuneId,
          year: input.year,
          areaCode: u.area,
          users: u.users,
          source: input.source,
        })),
      );
    result.usersRows = input.users.length;
    await recordAudit(tx, {
      actor,
      action: 'finance.users.collected',
      entityType: 'users_year',
      entityId: `${input.comuneId}:${input.year}`,
      ambitoId: input.ambitoId,
      before: before.map((r) => ({ area: r.areaCode, users: r.users, source: r.source })),
      after: input.users.map((u) => ({ area: u.area, users: u.users, source: input.source })),
    });
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
