import { index, route } from '@react-router/dev/routes';

// The public portal of an Ambito (no sign-in): /portale/<codice> and its sections, under one layout (sub-navigation,
// publication rules). The published minutes of a meeting are a text file.
export const portalRoutes = [
  route('portale/:code', 'modules/portal/routes/layout.tsx', [
    index('modules/portal/routes/home.tsx'),
    route('piano', 'modules/portal/routes/plan.tsx'),
    route('piano/obiettivi/:objectiveCode', 'modules/portal/routes/objective.tsx'),
    route('calendario', 'modules/portal/routes/calendar.tsx'),
    route('partecipa', 'modules/portal/routes/participate.tsx'),
    route('progetti', 'modules/portal/routes/projects.tsx'),
    route('servizi', 'modules/portal/routes/services.tsx'),
    route('spesa', 'modules/portal/routes/spending.tsx'),
    route('leps', 'modules/portal/routes/leps.tsx'),
  ]),
  route('portale/:code/calendario/:meetingId/verbale.txt', 'modules/portal/routes/minutes.ts'),
];
