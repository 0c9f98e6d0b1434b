import { route } from '@react-router/dev/routes';

// Participation's routes (URLs in Italian). Public pages: the open call and the public questionnaire.
export const participationRoutes = [
  route('ambiti/:code/partecipazione', 'modules/participation/routes/home.tsx'),
  // Questionnaires
  route('ambiti/:code/partecipazione/questionari', 'modules/participation/routes/questionnaires.tsx'),
  route('ambiti/:code/partecipazione/questionari/:qid', 'modules/participation/routes/questionnaire.tsx'),
  route('ambiti/:code/partecipazione/questionari/:qid/rispondi', 'modules/participation/routes/questionnaire-answer.tsx'),
  route('ambiti/:code/partecipazione/questionari/:qid/risultati', 'modules/participation/routes/questionnaire-results.tsx'),
  route('ambiti/:code/partecipazione/questionari/:qid/risposte.csv', 'modules/participation/routes/questionnaire-responses-csv.ts'),
  route('ambiti/:code/questionario/:token', 'modules/participation/routes/questionnaire-public.tsx'),
];
