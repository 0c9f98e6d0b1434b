import { route } from '@react-router/dev/routes';

export const auditRoutes = [route('registro', 'modules/audit/routes/audit-log.tsx')];
