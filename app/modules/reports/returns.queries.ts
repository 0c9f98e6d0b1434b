// The returns of one Ambito and year, built from the records other modules keep, read through their faces: LEPS (the
// social-worker posts and the population), services (the offer with users, spending and funds by year), finance
// (spending by area × channel, allocations, budget records), territory (the comuni of the Ambito that year).
import type { DbOrTx } from '../../shared/db/client.ts';
import { readFinanceForReturns } from '../finance/index.server.ts';
import { readSocialWorkerReturnInput } from '../leps/index.server.ts';
import { listAmbitoServices } from '../services/index.server.ts';
import { listAmbitoComuni } from '../territory/index.server.ts';
import {
  buildAreaChannelTable,
  buildFnpsMatrix,
  buildFundReturns,
  buildSiossReturn,
  buildSocialWorkerReturn,
  comuniCoverage,
  type ReturnService,
} from './returns.rules.ts';

export interface ReturnsAmbito {
  id: string;
  code: string;
  name: string;
  regionCode: string;
}

/** Every return of the year, with what the page needs to say where each comes from. */
export async function readReturns(db: DbOrTx, ambito: ReturnsAmbito, year: number) {
  const [staff, services, finance, members] = await Promise.all([
    readSocialWorkerReturnInput(db, ambito.id, [year, year + 1]),
    listAmbitoServices(db, ambito.id),
    readFinanceForReturns(db, ambito.id, year),
    listAmbitoComuni(db, ambito.id, `${year}-12-31`),
  ]);
  const memberNames = members.map((m) => m.name);
  const returnServices: ReturnService[] = services.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    typeCode: s.typeCode,
    typeName: s.typeName,
    macroCode: s.macroCode,
    macroName: s.macroName,
    fnpsGoal: s.fnpsGoal,
    areaCode: s.areaCode,
    management: s.management,
    comuneName: s.comuneName,
    providerName: s.providerName,
    providerCode: s.providerCode,
    active: s.active,
    years: s.years.map((y) => ({ year: y.year, users: y.users, spendCents: y.spendCents, funds: y.funds })),
  }));

  const socialWorkers = buildSocialWorkerReturn({
    year,
    records: staff.posts,
    population: staff.population.get(year) ?? null,
    forecastPopulation: staff.population.get(year + 1) ?? null,
  });
  const sioss = buildSiossReturn({ year, services: returnServices });
  const funds = buildFundReturns({
    year,
    services: returnServices,
    funds: finance.funds,
    allocations: finance.allocations,
    budgetTotals: finance.budgetTotals,
    corrections: finance.corrections,
  });
  const areaChannel = buildAreaChannelTable({ matrix: finance.matrix, spending: finance.spending, areaNames: finance.areas, funds: finance.funds });
  const fnps = buildFnpsMatrix({ year, services: returnServices, funds: finance.funds, regionCode: ambito.regionCode });

  // Services with figures for the year but no split by fund: the funds' returns cannot place their spending.
  const withoutFundSplit = returnServices
    .filter((s) => s.years.some((y) => y.year === year && (y.spendCents ?? 0) > 0 && y.funds.length === 0))
    .map((s) => s.code);
  const spendingCoverage = finance.coverage;
  return {
    year,
    members: memberNames,
    socialWorkers,
    socialWorkersComuni: comuniCoverage(memberNames, socialWorkers.sources.comuni),
    sioss,
    funds,
    fundSources: {
      services: returnServices.filter((s) => s.years.some((y) => y.year === year)).length,
      withoutFundSplit,
      budgetRecords: finance.budgetRecords,
      budgetRecordsWithoutYear: finance.budgetRecordsWithoutYear,
      allocations: finance.allocations.length,
    },
    areaChannel,
    spendingCoverage: spendingCoverage
      ? {
          basis: spendingCoverage.basis,
          complete: spendingCoverage.complete,
          members: spendingCoverage.members.length,
          withData: spendingCoverage.withData.length,
          missing: spendingCoverage.missing.map((c) => c.name),
          outside: spendingCoverage.outside.map((c) => c.name),
        }
      : null,
    areaNames: finance.areas,
    fnps,
    years: {
      posts: [...new Set(staff.posts.map((p) => Number(p.post.from.slice(0, 4))))],
      services: [...new Set(returnServices.flatMap((s) => s.years.map((y) => y.year)))],
    },
  };
}

export type ReturnsView = Awaited<ReturnType<typeof readReturns>>;
