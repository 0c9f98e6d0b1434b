// The server face of governance.
export { listAmbitoDecisionOutcomes, listBodies } from './governance.queries.ts';
export { governanceSteps as demoSteps } from './governance.demo.ts';
export { bodies, bodyMembers, meetings, organisations, people } from './governance.schema.ts';
