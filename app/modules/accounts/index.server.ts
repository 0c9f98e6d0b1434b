// The server face of accounts: identification of requests, user creation, its tables, its demo.
export { actorFromApiToken, actorFromSession, createUser, enrolMemberAccount, linkGrantsToOrganisation, type MemberEnrolment } from './accounts.server.ts';
export { roleAssignments, users } from './accounts.schema.ts';
export { actorFromCalendarSecret } from './accounts.calendar.server.ts';
export { demoAccountList, demoSteps } from './accounts.demo.ts';
