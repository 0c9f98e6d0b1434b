import { route } from '@react-router/dev/routes';

export const collectionRoutes = [] as ReturnType<typeof route>[];
