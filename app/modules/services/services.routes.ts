import { route } from '@react-router/dev/routes';

export const servicesRoutes = [] as ReturnType<typeof route>[];
