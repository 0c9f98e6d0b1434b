import { route } from '@react-router/dev/routes';

// Participation's routes (URLs in Italian). Public pages: the open call and the public questionnaire.
export const participationRoutes = [
  route('ambiti/:code/partecipazione', 'modules/participation/routes/home.tsx'),
  // The open call (manifestazione di interesse): the Ufficio di Piano's pages and the public page with the application.
  route('ambiti/:code/partecipazione/avvisi', 'modules/participation/routes/calls.tsx'),
  route('ambiti/:code/partecipazione/avvisi/:callId', 'modules/participation/routes/call.tsx'),
  route('ambiti/:code/avviso/:callId', 'modules/participation/routes/public-call.tsx'),
  // The planning path of a plan (its steps, where the plan stands; the Ufficio di Piano adapts it).
  route('ambiti/:code/piani/:planId/percorso', 'modules/participation/routes/path.tsx'),
  // Thematic tables, their meetings and members; a third-sector member's own page (part «tables»).
  route('ambiti/:code/partecipazione/tavoli', 'modules/participation/routes/tables.tsx'),
  route('ambiti/:code/partecipazione/tavoli/:tableId', 'modules/participation/routes/table.tsx'),
  route('ambiti/:code/partecipazione/mia', 'modules/participation/routes/mine.tsx'),
  // Needs, proposals and the trail (part «needs»).
  route('ambiti/:code/partecipazione/bisogni', 'modules/participation/routes/needs.tsx'),
  route('ambiti/:code/partecipazione/bisogni/:needId', 'modules/participation/routes/need.tsx'),
  route('ambiti/:code/partecipazione/proposte', 'modules/participation/routes/proposals.tsx'),
  route('ambiti/:code/partecipazione/proposte/:proposalId', 'modules/participation/routes/proposal.tsx'),
  route('ambiti/:code/partecipazione/obiettivi/:objectiveId', 'modules/participation/routes/objective-trail.tsx'),
  // Questionnaires
  route('ambiti/:code/partecipazione/questionari', 'modules/participation/routes/questionnaires.tsx'),
  route('ambiti/:code/partecipazione/questionari/:qid', 'modules/participation/routes/questionnaire.tsx'),
  route('ambiti/:code/partecipazione/questionari/:qid/rispondi', 'modules/participation/routes/questionnaire-answer.tsx'),
  route('ambiti/:code/partecipazione/questionari/:qid/risultati', 'modules/participation/routes/questionnaire-results.tsx'),
  route('ambiti/:code/partecipazione/questionari/:qid/risposte.csv', 'modules/participation/routes/questionnaire-responses-csv.ts'),
  route('ambiti/:code/questionario/:token', 'modules/participation/routes/questionnaire-public.tsx'),
  // Co-designed projects and the participation figures (part «projects»).
  route('ambiti/:code/partecipazione/progetti', 'modules/participation/routes/projects.tsx'),
  route('ambiti/:code/partecipazione/progetti/:projectId', 'modules/participation/routes/project.tsx'),
  route('ambiti/:code/partecipazione/cifre', 'modules/participation/routes/figures.tsx'),
  route('ambiti/:code/partecipazione/cifre.csv', 'modules/participation/routes/figures-csv.ts'),
];
