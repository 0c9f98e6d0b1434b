import { route } from '@react-router/dev/routes';

export const planningRoutes = [
  route('ambiti/:code/piani', 'modules/planning/routes/plans.tsx'),
  route('ambiti/:code/piani/:planId', 'modules/planning/routes/plan.tsx'),
  route('ambiti/:code/piani/:planId/esporta.json', 'modules/planning/routes/plan-export.ts'),
  route('ambiti/:code/piani/:planId/capitoli/:chapterId', 'modules/planning/routes/chapter.tsx'),
  route('ambiti/:code/piani/:planId/obiettivi/:objectiveId', 'modules/planning/routes/objective.tsx'),
  route('ambiti/:code/piani/:planId/obiettivi/:objectiveId/stampa', 'modules/planning/routes/objective-print.tsx'),
];
