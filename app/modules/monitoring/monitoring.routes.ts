import { route } from '@react-router/dev/routes';

export const monitoringRoutes = [
  route('ambiti/:code/monitoraggio', 'modules/monitoring/routes/index.tsx'),
  route('ambiti/:code/monitoraggio/:planId', 'modules/monitoring/routes/dashboard.tsx'),
  route('ambiti/:code/monitoraggio/:planId/indicatori/:indicatorId', 'modules/monitoring/routes/indicator.tsx'),
  route('ambiti/:code/monitoraggio/:planId/obiettivi/:objectiveId', 'modules/monitoring/routes/objective.tsx'),
  route('ambiti/:code/monitoraggio/:planId/valutazione', 'modules/monitoring/routes/evaluation.tsx'),
  route('ambiti/:code/monitoraggio/:planId/valutazione/:objectiveId', 'modules/monitoring/routes/evaluation-objective.tsx'),
];
