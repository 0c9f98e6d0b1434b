// The server face of governance.
export { listAmbitoDecisionOutcomes } from './governance.queries.ts';
export { governanceSteps as demoSteps } from './governance.demo.ts';
export { bodies, bodyMembers, meetings, organisations, people } from './governance.schema.ts';
export { checkFiscalCode } from './fiscal-code.ts';
export { BODY_KINDS } from './governance.constants.ts';
// For participation: thematic tables are governance bodies and their meetings the bodies' meetings; an admission
// writes the registry and the memberships through these commands, with participation's transaction.
export { addMember, createBody, createMeeting, createOrganisation, createPerson, endMembership, recordAttendance } from './governance.commands.ts';
export { listBodies, listBodiesAttendance, listBodyMeetings, listMembers, listOrganisations, type BodyMeeting } from './governance.queries.ts';
// For the public portal (portal module): the meetings of the public bodies and the published minutes.
export { getPublishedMinutes, listPublicMeetings, PUBLIC_BODY_KINDS, type PublicMeeting } from './governance.portal.queries.ts';
// For the open data (app/modules/opendata): the meetings of the bodies as public facts, without personal data.
export { readPublicMeetings } from './governance.opendata.queries.ts';
