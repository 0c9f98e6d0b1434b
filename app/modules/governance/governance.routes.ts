import { route } from '@react-router/dev/routes';

// Pages of the governance module (organisations and people, bodies, meetings, decisions, Accordo di programma,
// outbox) and its files (iCalendar, attachments, signed Accordo).
export const governanceRoutes = [
  route('ambiti/:code/organi', 'modules/governance/routes/bodies.tsx'),
  route('ambiti/:code/organi/:bodyId', 'modules/governance/routes/body.tsx'),
  route('ambiti/:code/organi/:bodyId/componenti/:memberId', 'modules/governance/routes/member.tsx'),
  route('ambiti/:code/riunioni/:meetingId', 'modules/governance/routes/meeting.tsx'),
  route('ambiti/:code/riunioni/:meetingId/invito.ics', 'modules/governance/routes/meeting-ics.ts'),
  route('ambiti/:code/riunioni/:meetingId/allegati/:attachmentId', 'modules/governance/routes/attachment.ts'),
  route('ambiti/:code/decisioni/:decisionId', 'modules/governance/routes/decision.tsx'),
  route('ambiti/:code/organizzazioni', 'modules/governance/routes/organisations.tsx'),
  route('ambiti/:code/organizzazioni/:organisationId', 'modules/governance/routes/organisation.tsx'),
  route('ambiti/:code/persone/:personId', 'modules/governance/routes/person.tsx'),
  route('ambiti/:code/accordo', 'modules/governance/routes/agreement.tsx'),
  route('ambiti/:code/accordo/:agreementId/accordo-firmato.pdf', 'modules/governance/routes/agreement-file.ts'),
  route('ambiti/:code/posta', 'modules/governance/routes/outbox.tsx'),
  route('ambiti/:code/posta/:messageId/invito.ics', 'modules/governance/routes/outbox-ics.ts'),
  route('ambiti/:code/calendario.ics', 'modules/governance/routes/calendar.ts'),
  route('calendario/:feed', 'modules/governance/routes/personal-calendar.ts'),
];
