import { route } from '@react-router/dev/routes';

// Participation's routes (URLs in Italian). Public pages: the open call and the public questionnaire.
export const participationRoutes = [
  route('ambiti/:code/partecipazione', 'modules/participation/routes/home.tsx'),
  // Thematic tables, their meetings and members; a third-sector member's own page (part «tables»).
  route('ambiti/:code/partecipazione/tavoli', 'modules/participation/routes/tables.tsx'),
  route('ambiti/:code/partecipazione/tavoli/:tableId', 'modules/participation/routes/table.tsx'),
  route('ambiti/:code/partecipazione/mia', 'modules/participation/routes/mine.tsx'),
];
