import { route } from '@react-router/dev/routes';

// Participation's routes (URLs in Italian). Public pages: the open call and the public questionnaire.
export const participationRoutes = [route('ambiti/:code/partecipazione', 'modules/participation/routes/home.tsx')];
