import { route } from '@react-router/dev/routes';

// Participation's routes (URLs in Italian). Public pages: the open call and the public questionnaire.
export const participationRoutes = [
  route('ambiti/:code/partecipazione', 'modules/participation/routes/home.tsx'),
  // The planning path of a plan (its steps, where the plan stands; the Ufficio di Piano adapts it).
  route('ambiti/:code/piani/:planId/percorso', 'modules/participation/routes/path.tsx'),
];
