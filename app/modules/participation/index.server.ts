// The server face of participation.
export { participationSteps as demoSteps } from './participation.demo.ts';
export { panelProviders } from './participation.panels.ts';
export { getPathView, listPathSteps } from './participation.path.queries.ts';
