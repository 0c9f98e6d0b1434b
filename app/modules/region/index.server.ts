// The server face of the regional workspace: the refresh of its figures (for the job worker, the demo and the benchmark).
export { computeAmbitoFigures, refreshRegionalFigures, REFRESH_JOB, runRefreshJob, sweepStaleFigures } from './region.refresh.ts';
export { regionSteps as demoSteps } from './region.demo.ts';
export { loadWorkspace } from './region.queries.ts';
export { regionAmbitoFigures } from './region.schema.ts';
