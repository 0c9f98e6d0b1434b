// What the national and regional returns (reports module) read of finance for one year: the catalogues (funds with
// their root fund, the Lombardy spending areas), the spending by area × channel with its coverage of the comuni, the
// funds' allocations, and the running totals of the plans' budget records (committed, paid) with their corrections.
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { planObjectives, plans } from '../planning/index.server.ts';
import { comuni } from '../territory/index.server.ts';
import { budgetKey, latestOf, TRACKED_MEASURES, type TrackedMeasure } from './budget-tracking.rules.ts';
import { getCatalogue } from './catalogue.queries.ts';
import { budgetCutOffs, fundAllocations, spendingFacts } from './finance.schema.ts';
import { toCutOffRecord, spendingCoverageByYear } from './finance.queries.ts';
import { buildSpendingMatrix, rootFund, type SpendingMatrix } from './finance.rules.ts';
import type { SpendingCoverage } from './spending-coverage.rules.ts';

export interface ReturnFund {
  code: string;
  name: string;
  shortName: string;
  parentCode: string | null;
  /** The top of the fund's hierarchy (a quota of the Fondo Povertà → FONDO_POVERTA). */
  rootCode: string;
}

export interface ReturnSpendingRow {
  id: string;
  istatCode: string | null;
  comuneName: string | null;
  areaCode: string;
  channelCode: string;
  amountCents: number;
  source: string;
}

/** One current total of a budget record (the latest of its key and measure). */
export interface ReturnBudgetTotal {
  fundCode: string;
  rootCode: string;
  measure: TrackedMeasure;
  /** Budget keys (objective × action × fund) with a record of this measure. */
  keys: number;
  amountCents: number;
}

/** A record that lowered an earlier value of its key, with the reason the platform asked for. */
export interface ReturnBudgetCorrection {
  id: string;
  fundCode: string;
  rootCode: string;
  measure: TrackedMeasure;
  planTitle: string;
  objectiveCode: string;
  objectiveTitle: string;
  cutOffDate: string;
  previousCents: number | null;
  amountCents: number;
  reason: string | null;
  note: string | null;
}

export interface FinanceReturnInput {
  year: number;
  funds: ReturnFund[];
  /** The Lombardy classification's areas, in catalogue order. */
  areas: { code: string; name: string }[];
  spending: ReturnSpendingRow[];
  /** Spending by area × channel of the year (every row: comuni and the Ambito's own). */
  matrix: SpendingMatrix;
  /** Which member comuni have spending rows for the year (null when the year has no spending row). */
  coverage: SpendingCoverage | null;
  allocations: { id: string; fundCode: string; rootCode: string; amountCents: number; act: string | null }[];
  budgetTotals: ReturnBudgetTotal[];
  /** Records of the year (every plan of the Ambito) read for the totals. */
  budgetRecords: number;
  /** Records for a plan's whole period (not split by year): not in the year's totals, counted to be said. */
  budgetRecordsWithoutYear: number;
  corrections: ReturnBudgetCorrection[];
}

export async function readFinanceForReturns(db: DbOrTx, ambitoId: string, year: number): Promise<FinanceReturnInput> {
  const catalogue = await getCatalogue(db);
  const funds: ReturnFund[] = catalogue.fundingSources.map((s) => ({
    code: s.code,
    name: s.name,
    shortName: s.shortName,
    parentCode: s.parent,
    rootCode: rootFund(catalogue.fundingSources, s.code),
  }));
  const root = (code: string) => funds.find((f) => f.code === code)?.rootCode ?? code;

  const spending = await db
    .select({
      id: spendingFacts.id,
      istatCode: comuni.istatCode,
      comuneName: comuni.name,
      areaCode: spendingFacts.areaCode,
      channelCode: spendingFacts.channelCode,
      amountCents: spendingFacts.amountCents,
      source: spendingFacts.source,
    })
    .from(spendingFacts)
    .leftJoin(comuni, eq(comuni.id, spendingFacts.comuneId))
    .where(and(eq(spendingFacts.ambitoId, ambitoId), eq(spendingFacts.year, year)))
    .orderBy(asc(spendingFacts.areaCode), asc(spendingFacts.channelCode), asc(comuni.name));
  const matrix = buildSpendingMatrix(
    spending.map((r) => ({ area: r.areaCode, channel: r.channelCode, amountCents: r.amountCents })),
    { areas: catalogue.areas.map((a) => a.code), channels: funds.map((f) => f.code).filter((c) => spending.some((r) => r.channelCode === c)) },
  );
  const coverage = spending.length
    ? ((
        await spendingCoverageByYear(
          db,
          ambitoId,
          spending.map((r) => ({ year, istatCode: r.istatCode, comuneName: r.comuneName })),
        )
      ).coverage.get(year) ?? null)
    : null;

  const allocations = await db
    .select()
    .from(fundAllocations)
    .where(and(eq(fundAllocations.ambitoId, ambitoId), eq(fundAllocations.year, year)))
    .orderBy(asc(fundAllocations.fundCode), asc(fundAllocations.createdAt));

  const rows = await db
    .select({ r: budgetCutOffs, planTitle: plans.title, objectiveCode: planObjectives.code, objectiveTitle: planObjectives.title })
    .from(budgetCutOffs)
    .innerJoin(plans, eq(plans.id, budgetCutOffs.planId))
    .innerJoin(planObjectives, eq(planObjectives.id, budgetCutOffs.objectiveId))
    .where(eq(budgetCutOffs.ambitoId, ambitoId))
    .orderBy(asc(budgetCutOffs.cutOffDate), asc(budgetCutOffs.createdAt));
  const ofYear = rows.filter((x) => x.r.year === year);
  const records = ofYear.map((x) => toCutOffRecord(x.r));
  const totals = new Map<string, ReturnBudgetTotal>();
  const seen = new Set<string>();
  for (const rec of records) {
    for (const measure of TRACKED_MEASURES) {
      const k = `${budgetKey(rec)}|${measure}`;
      if (seen.has(k)) continue;
      const latest = latestOf(records, rec, measure);
      if (!latest) continue;
      seen.add(k);
      const t = totals.get(`${rec.fund}|${measure}`) ?? { fundCode: rec.fund, rootCode: root(rec.fund), measure, keys: 0, amountCents: 0 };
      t.keys++;
      t.amountCents += latest.amountCents;
      totals.set(`${rec.fund}|${measure}`, t);
    }
  }
  const corrections = ofYear
    .filter((x) => x.r.reason !== null || (x.r.previousCents !== null && x.r.amountCents < x.r.previousCents))
    .map((x) => ({
      id: x.r.id,
      fundCode: x.r.fundCode,
      rootCode: root(x.r.fundCode),
      measure: x.r.measure as TrackedMeasure,
      planTitle: x.planTitle,
      objectiveCode: x.objectiveCode,
      objectiveTitle: x.objectiveTitle,
      cutOffDate: x.r.cutOffDate,
      previousCents: x.r.previousCents,
      amountCents: x.r.amountCents,
      reason: x.r.reason,
      note: x.r.note,
    }));

  return {
    year,
    funds,
    areas: catalogue.areas.map((a) => ({ code: a.code, name: a.name })),
    spending,
    matrix,
    coverage,
    allocations: allocations.map((a) => ({ id: a.id, fundCode: a.fundCode, rootCode: root(a.fundCode), amountCents: a.amountCents, act: a.act })),
    budgetTotals: [...totals.values()].sort(
      (a, b) => a.fundCode.localeCompare(b.fundCode) || TRACKED_MEASURES.indexOf(a.measure) - TRACKED_MEASURES.indexOf(b.measure),
    ),
    budgetRecords: ofYear.length,
    budgetRecordsWithoutYear: rows.filter((x) => x.r.year === null).length,
    corrections,
  };
}
