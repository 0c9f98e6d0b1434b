// The server face of finance.
export { listSpendingFacts } from './finance.queries.ts';
export { financeSteps as demoSteps } from './finance.demo.ts';
// For the public portal (portal module): the spending of an Ambito by area and year, with its coverage.
export { getSpendingDashboard } from './finance.views.server.ts';
export * as financeApi from './finance.api.queries.ts';
// For the open data (app/modules/opendata): spending and users with coverage, the catalogues, a plan's budget status.
export { readFinanceCatalogue, readPlanBudgetForOpenData, readSpendingForOpenData } from './finance.opendata.queries.ts';
// For the social-impact report (reports module): spending by year, area and nature.
export { listSpendingForImpact, type ImpactSpendingRow } from './finance.impact.queries.ts';
export { SPENDING_NATURES, type SpendingNature } from './spending-nature.ts';
// For the data requests (app/modules/collection): a comune's validated figures, and its history for the checks.
export { comuneFigureHistory, recordCollectedFigures, type CollectedFigures } from './finance.collected.ts';
// For the national and regional returns (reports module): one year's spending, allocations and budget running totals.
export {
  readFinanceForReturns,
  type FinanceReturnInput,
  type ReturnBudgetCorrection,
  type ReturnBudgetTotal,
  type ReturnFund,
  type ReturnSpendingRow,
} from './finance.returns.queries.ts';
// For the services catalogue (services module): the funds and the spending areas a service refers to.
export { listFundsForServices, listSpendingAreasForServices, type FundReference, type SpendingAreaReference } from './finance.services.queries.ts';
// For territory's page of a comune's figures across years: the Ambito's spending and users with coverage and sources.
export { readAmbitoFiguresForComparison, type SpendingCoverage } from './finance.comparison.queries.ts';
export { readSpendingForRegion, type SpendingRegionFigures } from './finance.region.queries.ts';
// The handlers of finance's background jobs (the spending import), registered by registry.server.ts.
export { spendingImportJobs } from './finance.jobs.ts';
