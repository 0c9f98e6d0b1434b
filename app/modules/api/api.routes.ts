import { prefix, route } from '@react-router/dev/routes';

export const apiRoutes = prefix('api/v1', [
  route('openapi.json', 'modules/api/routes/openapi.ts'),
  route('me', 'modules/api/routes/me.ts'),
  route('ambiti', 'modules/api/routes/ambiti.ts'),
  route('ambiti/:code', 'modules/api/routes/ambito.ts'),
  route('ambiti/:code/comuni', 'modules/api/routes/ambito-comuni.ts'),
  route('*', 'modules/api/routes/not-found.ts'),
]);
