import { type RouteConfig, route } from '@react-router/dev/routes';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { apiRoutes } from './modules/api/api.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { financeRoutes } from './modules/finance/finance.routes.ts';
import { governanceRoutes } from './modules/governance/governance.routes.ts';
import { lepsRoutes } from './modules/leps/leps.routes.ts';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.ts';
import { planningRoutes } from './modules/planning/planning.routes.ts';
import { territoryRoutes } from './modules/territory/territory.routes.ts';

// Each module declares its own routes; this file only puts them together.
export default [
  ...territoryRoutes,
  ...planningRoutes,
  ...monitoringRoutes,
  ...accountsRoutes,
  ...auditRoutes,
  ...governanceRoutes,
  ...lepsRoutes,
  ...financeRoutes,
  ...apiRoutes,
  route('accessibilita', 'shared/ui/routes/accessibility.tsx'),
  route('*', 'shared/ui/routes/not-found.tsx'),
] satisfies RouteConfig;
