// The routes of every module of the registry (read at build time by app/routes.ts). Route configuration is build-time
// data, not module code, so this app-level file — and only this one — reads the modules' `<m>.routes.ts` directly
// (allowed by .dependency-cruiser.cjs). The type checks that every registered module gives its routes.
import type { RouteConfigEntry } from '@react-router/dev/routes';
import { accountsRoutes } from './accounts/accounts.routes.ts';
import { apiRoutes } from './api/api.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { collectionRoutes } from './collection/collection.routes.ts';
import { financeRoutes } from './finance/finance.routes.ts';
import { governanceRoutes } from './governance/governance.routes.ts';
import { lepsRoutes } from './leps/leps.routes.ts';
import { opendataRoutes } from './opendata/opendata.routes.ts';
import { monitoringRoutes } from './monitoring/monitoring.routes.ts';
import { participationRoutes } from './participation/participation.routes.ts';
import { planningRoutes } from './planning/planning.routes.ts';
import { portalRoutes } from './portal/portal.routes.ts';
import { regionRoutes } from './region/region.routes.ts';
import { reportsRoutes } from './reports/reports.routes.ts';
import { servicesRoutes } from './services/services.routes.ts';
import { territoryRoutes } from './territory/territory.routes.ts';
import type { ModuleName } from './registry.ts';

export const MODULE_ROUTES = {
  territory: territoryRoutes,
  planning: planningRoutes,
  monitoring: monitoringRoutes,
  accounts: accountsRoutes,
  audit: auditRoutes,
  governance: governanceRoutes,
  participation: participationRoutes,
  leps: lepsRoutes,
  finance: financeRoutes,
  services: servicesRoutes,
  collection: collectionRoutes,
  reports: reportsRoutes,
  region: regionRoutes,
  portal: portalRoutes,
  opendata: opendataRoutes,
  api: apiRoutes,
} satisfies Record<ModuleName, RouteConfigEntry[]>;
