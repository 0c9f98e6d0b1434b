import { route } from '@react-router/dev/routes';

// Participation's routes (URLs in Italian). Public pages: the open call and the public questionnaire.
export const participationRoutes = [
  route('ambiti/:code/partecipazione', 'modules/participation/routes/home.tsx'),
  // Co-designed projects and the participation figures (part «projects»).
  route('ambiti/:code/partecipazione/progetti', 'modules/participation/routes/projects.tsx'),
  route('ambiti/:code/partecipazione/progetti/:projectId', 'modules/participation/routes/project.tsx'),
  route('ambiti/:code/partecipazione/cifre', 'modules/participation/routes/figures.tsx'),
  route('ambiti/:code/partecipazione/cifre.csv', 'modules/participation/routes/figures-csv.ts'),
];
