// The server face of monitoring.
export { listComuneDue, listLatestMeasurements, todayInRome } from './monitoring.queries.ts';
export { monitoringSteps as demoSteps } from './monitoring.demo.ts';
