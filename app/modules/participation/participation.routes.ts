import { route } from '@react-router/dev/routes';

// Participation's routes (URLs in Italian). Public pages: the open call and the public questionnaire.
export const participationRoutes = [
  route('ambiti/:code/partecipazione', 'modules/participation/routes/home.tsx'),
  // Needs, proposals and the trail (part «needs»).
  route('ambiti/:code/partecipazione/bisogni', 'modules/participation/routes/needs.tsx'),
  route('ambiti/:code/partecipazione/bisogni/:needId', 'modules/participation/routes/need.tsx'),
  route('ambiti/:code/partecipazione/proposte', 'modules/participation/routes/proposals.tsx'),
  route('ambiti/:code/partecipazione/proposte/:proposalId', 'modules/participation/routes/proposal.tsx'),
  route('ambiti/:code/partecipazione/obiettivi/:objectiveId', 'modules/participation/routes/objective-trail.tsx'),
];
