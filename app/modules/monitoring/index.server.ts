// The server face of monitoring.
export { listComuneDue, listLatestMeasurements, todayInRome } from './monitoring.queries.ts';
export { monitoringSteps as demoSteps } from './monitoring.demo.ts';
// For the public portal (portal module): the progress of a plan (actions → objectives → areas) and its measured indicators.
export { getPlanDashboard } from './monitoring.queries.ts';
export * as monitoringApi from './monitoring.api.queries.ts';
// For the open data (app/modules/opendata): a plan's results by indicator and objective.
export { readPlanResults, type PlanResults } from './monitoring.opendata.queries.ts';
// For the social-impact report (reports module): the yearly value of a plan's count indicators.
export { listYearCounts, type ImpactCount } from './monitoring.impact.queries.ts';
// For the data requests (app/modules/collection): the indicator values a comune owes for a year, and their writing.
export { comuneIndicatorSlots, indicatorValueProblems, recordCollectedMeasurements, type ComuneIndicatorSlot } from './monitoring.collected.ts';
export { readMonitoringForRegion, type MonitoringRegionFigures } from './monitoring.region.queries.ts';
