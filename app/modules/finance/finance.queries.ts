import { asc, eq, inArray } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { planActions, planBudgetLines, planObjectives, plans } from '../planning/index.server.ts';
import { comuni, listAmbitoComuni } from '../territory/index.server.ts';
import { budgetStatus, type CutOffRecord } from './budget-tracking.rules.ts';
import { budgetCarryOvers, budgetCutOffs, fundAllocations, serviceUsers, spendingFacts } from './finance.schema.ts';
import { spendingCoverage, type SpendingCoverage } from './spending-coverage.rules.ts';

/**
 * The rows of one of the Ambito's yearly tables (spending, users) with the chosen columns and the comune's ISTAT code
 * and name (null for the Ambito's own rows), by year.
 */
function yearlyRowsOfAmbito<T extends typeof spendingFacts | typeof serviceUsers, F extends Record<string, PgColumn>>(
  db: DbOrTx,
  table: T,
  columns: F,
  ambitoId: string,
) {
  return db
    .select({ ...columns, istatCode: comuni.istatCode, comuneName: comuni.name })
    .from<T>(table as never) // drizzle cannot check a generic table here; T is one of the two tables above
    .leftJoin(comuni, eq(comuni.id, table.comuneId))
    .where(eq(table.ambitoId, ambitoId))
    .orderBy(asc(table.year));
}

/** All spending rows of an Ambito, with the comune's ISTAT code and name (null for the Ambito's own rows). */
export const listSpendingFacts = (db: DbOrTx, ambitoId: string) =>
  yearlyRowsOfAmbito(db, spendingFacts, pick(spendingFacts, 'id', 'year', 'comuneId', 'areaCode', 'channelCode', 'amountCents', 'source'), ambitoId);

/** All users rows of an Ambito (users, spending and published figures by area), with the comune as above. */
export const listServiceUsers = (db: DbOrTx, ambitoId: string) =>
  yearlyRowsOfAmbito(db, serviceUsers, pick(serviceUsers, 'year', 'comuneId', 'areaCode', 'users', 'spendCents', 'published', 'note', 'source'), ambitoId);

export async function hasSpending(db: DbOrTx, ambitoId: string): Promise<boolean> {
  return (await db.select({ id: spendingFacts.id }).from(spendingFacts).where(eq(spendingFacts.ambitoId, ambitoId)).limit(1)).length > 0;
}

export async function listFundAllocations(db: DbOrTx, ambitoId: string) {
  return db
    .select()
    .from(fundAllocations)
    .where(eq(fundAllocations.ambitoId, ambitoId))
    .orderBy(asc(fundAllocations.fundCode), asc(fundAllocations.year), asc(fundAllocations.createdAt));
}

/** Everything the plan budget needs: objectives, actions, the plan's budget lines, cut-off records and carry-overs. */
export async function loadPlanBudgetData(db: DbOrTx, planId: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) return null;
  const objectives = await db
    .select(pick(planObjectives, 'id', 'code', 'title', 'kind', 'macroArea', 'position'))
    .from(planObjectives)
    .where(eq(planObjectives.planId, planId))
    .orderBy(asc(planObjectives.position));
  const ids = objectives.map((o) => o.id);
  const [actions, lines, cutOffs, carryOvers] = await Promise.all([
    ids.length
      ? db
          .select({ id: planActions.id, objectiveId: planActions.objectiveId, number: planActions.number, description: planActions.description })
          .from(planActions)
          .where(inArray(planActions.objectiveId, ids))
          .orderBy(asc(planActions.position))
      : Promise.resolve([]),
    ids.length
      ? db.select().from(planBudgetLines).where(inArray(planBudgetLines.objectiveId, ids)).orderBy(asc(planBudgetLines.position))
      : Promise.resolve([]),
    db.select().from(budgetCutOffs).where(eq(budgetCutOffs.planId, planId)).orderBy(asc(budgetCutOffs.cutOffDate), asc(budgetCutOffs.createdAt)),
    db.select().from(budgetCarryOvers).where(eq(budgetCarryOvers.planId, planId)).orderBy(asc(budgetCarryOvers.createdAt)),
  ]);
  return { plan, objectives, actions, lines, cutOffs, carryOvers };
}

/** The status of every budget key of the plan (planned, recorded, carried), from its loaded budget data. */
export function planBudgetStatus(data: NonNullable<Awaited<ReturnType<typeof loadPlanBudgetData>>>) {
  return budgetStatus({
    planned: data.lines.map((l) => ({ objectiveId: l.objectiveId, actionId: null, fund: l.fund, year: l.year, amountCents: l.amountCents })),
    cutOffs: data.cutOffs.map(toCutOffRecord),
    carryOvers: data.carryOvers.map((c) => ({
      objectiveId: c.objectiveId,
      actionId: c.actionId,
      fund: c.fundCode,
      fromYear: c.fromYear,
      toYear: c.toYear,
      amountCents: c.amountCents,
    })),
  });
}

/** A cut-off row as the budget rules read it. */
export function toCutOffRecord(r: typeof budgetCutOffs.$inferSelect): CutOffRecord {
  return {
    objectiveId: r.objectiveId,
    actionId: r.actionId,
    fund: r.fundCode,
    year: r.year,
    measure: r.measure as CutOffRecord['measure'],
    date: r.cutOffDate,
    amountCents: r.amountCents,
    reason: r.reason,
    sequence: r.createdAt.getTime(),
  };
}

/** The member comuni of an Ambito by ISTAT code (members at any time: past figures of a former member stay valid). */
export async function comuniByIstat(db: DbOrTx, istatCodes: readonly string[]) {
  if (istatCodes.length === 0) return new Map<string, { id: string; name: string }>();
  const rows = await db
    .select({ id: comuni.id, istatCode: comuni.istatCode, name: comuni.name })
    .from(comuni)
    .where(inArray(comuni.istatCode, [...istatCodes]));
  return new Map(rows.map((r) => [r.istatCode, { id: r.id, name: r.name }]));
}

/**
 * The coverage of every year of `facts` (spending rows of the Ambito): which member comuni have data against the
 * Ambito's composition at the end of that year (territory's membership by date), or the Ambito's own rows; and
 * those members by year.
 */
export async function spendingCoverageByYear(
  db: DbOrTx,
  ambitoId: string,
  facts: readonly { year: number; istatCode: string | null; comuneName: string | null }[],
): Promise<{ coverage: Map<number, SpendingCoverage>; membersByYear: Map<number, Awaited<ReturnType<typeof listAmbitoComuni>>> }> {
  const years = [...new Set(facts.map((f) => f.year))].sort((a, b) => a - b);
  const membersByYear = new Map(await Promise.all(years.map(async (y) => [y, await listAmbitoComuni(db, ambitoId, `${y}-12-31`)] as const)));
  const coverage = new Map(
    years.map((y) => {
      const ofYear = facts.filter((f) => f.year === y);
      const comuniWithData = [
        ...new Map(
          ofYear.filter((f) => f.istatCode !== null).map((f) => [f.istatCode!, { istatCode: f.istatCode!, name: f.comuneName ?? f.istatCode! }]),
        ).values(),
      ];
      return [
        y,
        spendingCoverage({
          year: y,
          hasAmbitoRows: ofYear.some((f) => f.istatCode === null),
          comuniWithData,
          members: membersByYear.get(y)!.map((m) => ({ istatCode: m.istatCode, name: m.name })),
        }),
      ] as const;
    }),
  );
  return { coverage, membersByYear };
}
