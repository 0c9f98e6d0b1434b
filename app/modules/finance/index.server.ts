// The server face of finance.
export { listSpendingFacts } from './finance.queries.ts';
export { financeSteps as demoSteps } from './finance.demo.ts';
