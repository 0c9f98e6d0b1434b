// The server face of governance.
export { listAmbitoDecisionOutcomes, listBodies } from './governance.queries.ts';
export { governanceSteps as demoSteps } from './governance.demo.ts';
export { bodies, bodyMembers, meetings, organisations, people } from './governance.schema.ts';
// For participation's admission of an applicant organisation (called with participation's transaction).
export { addMember, createOrganisation, createPerson } from './governance.commands.ts';
export { checkFiscalCode } from './fiscal-code.ts';
// For participation (thematic tables are governance bodies; their meetings are the bodies' meetings).
export { addMember, createBody, createMeeting, createOrganisation, createPerson, endMembership } from './governance.commands.ts';
export { getBodyRow, listBodies, listBodyMeetings, listMembers, listOrganisations, listPeople, type BodyMeeting } from './governance.queries.ts';
export { BODY_KINDS, MEETING_TIME_ZONE } from './governance.constants.ts';
// For participation (co-designed projects, participation figures): the registry's commands called with the caller's
// transaction, the organisations' list and the attendance of the tables' bodies.
export { addMember, createBody, createMeeting, createOrganisation, createPerson, recordAttendance } from './governance.commands.ts';
export { listBodiesAttendance, listOrganisations } from './governance.queries.ts';
