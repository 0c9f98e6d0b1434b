// The server face of participation.
export { participationSteps as demoSteps } from './participation.demo.ts';
export { panelProviders } from './participation.panels.ts';
