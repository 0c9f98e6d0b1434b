import { type RouteConfig, route } from '@react-router/dev/routes';
import { MODULE_ROUTES } from './modules/registry.routes.ts';

// Each module declares its own routes; the registry lists the modules; this file only puts them together.
export default [
  ...Object.values(MODULE_ROUTES).flat(),
  route('accessibilita', 'shared/ui/routes/accessibility.tsx'),
  route('*', 'shared/ui/routes/not-found.tsx'),
] satisfies RouteConfig;
