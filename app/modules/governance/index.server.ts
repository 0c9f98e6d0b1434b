// The server face of governance.
export { listAmbitoDecisionOutcomes } from './governance.queries.ts';
export { governanceSteps as demoSteps } from './governance.demo.ts';
export { bodies, bodyMembers, meetings, organisations, people } from './governance.schema.ts';
// For participation (co-designed projects, participation figures): the registry's commands called with the caller's
// transaction, the organisations' list and the attendance of the tables' bodies.
export { addMember, createBody, createMeeting, createOrganisation, createPerson, recordAttendance } from './governance.commands.ts';
export { listBodiesAttendance, listOrganisations } from './governance.queries.ts';
