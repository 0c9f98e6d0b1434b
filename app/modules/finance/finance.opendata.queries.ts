// Reads for the open-data module (app/modules/opendata): the Ambito's social spending and service users with the
// coverage of each year (the same rule as the spending dashboard), the funding-source and area catalogues, and a
// plan's budget status (planned lines, the latest budgeted / committed / paid records, carry-overs).
import { eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { getCatalogue } from './catalogue.queries.ts';
import { listServiceUsers, listSpendingFacts, loadPlanBudgetData, planBudgetStatus, spendingCoverageByYear } from './finance.queries.ts';
import { budgetCarryOvers, budgetCutOffs, serviceUsers, spendingFacts } from './finance.schema.ts';

/** The funding sources (code, names, kind) and the spending areas (code, name) of the installation's catalogue. */
export async function readFinanceCatalogue(db: DbOrTx) {
  const { fundingSources, areas } = await getCatalogue(db);
  return {
    sources: fundingSources.map((s) => ({ code: s.code, name: s.name, shortName: s.shortName, kind: s.kind as string })),
    areas: areas.map((a) => ({ code: a.code, name: a.name })),
  };
}

/**
 * Every spending and users row of the Ambito (comune's ISTAT code and name, null for the Ambito's own rows), the
 * coverage of every year with spending (members of the Ambito at the end of that year), and the latest change.
 */
export async function readSpendingForOpenData(db: DbOrTx, ambitoId: string) {
  const [facts, users, [factsAt], [usersAt]] = await Promise.all([
    listSpendingFacts(db, ambitoId),
    listServiceUsers(db, ambitoId),
    db
      .select({ at: max(spendingFacts.updatedAt) })
      .from(spendingFacts)
      .where(eq(spendingFacts.ambitoId, ambitoId)),
    db
      .select({ at: max(serviceUsers.updatedAt) })
      .from(serviceUsers)
      .where(eq(serviceUsers.ambitoId, ambitoId)),
  ]);
  const { coverage } = await spendingCoverageByYear(db, ambitoId, facts);
  return {
    facts: facts.map((f) => ({
      year: f.year,
      istatCode: f.istatCode,
      comuneName: f.comuneName,
      areaCode: f.areaCode,
      channelCode: f.channelCode,
      amountCents: f.amountCents,
    })),
    users: users.map((u) => ({
      year: u.year,
      istatCode: u.istatCode,
      comuneName: u.comuneName,
      areaCode: u.areaCode,
      users: u.users,
      spendCents: u.spendCents,
    })),
    coverage,
    spendingModified: factsAt?.at ?? null,
    usersModified: usersAt?.at ?? null,
  };
}

/**
 * A plan's budget by key (objective, action or none, fund, year or the whole period): planned amount, current budgeted,
 * committed and paid amounts and the last cut-off date, as the budget page computes them; and the latest change of its
 * finance records (cut-offs, carry-overs).
 */
export async function readPlanBudgetForOpenData(db: DbOrTx, planId: string) {
  const data = await loadPlanBudgetData(db, planId);
  if (!data) return null;
  const [[cutAt], [carryAt]] = await Promise.all([
    db
      .select({ at: max(budgetCutOffs.createdAt) })
      .from(budgetCutOffs)
      .where(eq(budgetCutOffs.planId, planId)),
    db
      .select({ at: max(budgetCarryOvers.createdAt) })
      .from(budgetCarryOvers)
      .where(eq(budgetCarryOvers.planId, planId)),
  ]);
  return {
    rows: planBudgetStatus(data).map((r) => ({
      objectiveId: r.objectiveId,
      actionId: r.actionId,
      fund: r.fund,
      year: r.year,
      plannedCents: r.plannedCents,
      budgetedCents: r.budgetedCents,
      budgetedSource: r.budgetedSource,
      committedCents: r.committedCents,
      paidCents: r.paidCents,
      lastCutOff: r.lastCutOff,
    })),
    modified: [cutAt?.at, carryAt?.at].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
  };
}
