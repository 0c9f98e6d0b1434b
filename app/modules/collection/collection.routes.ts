import { route } from '@react-router/dev/routes';

export const collectionRoutes = [
  route('ambiti/:code/raccolte', 'modules/collection/routes/requests.tsx'),
  route('ambiti/:code/raccolte/:id', 'modules/collection/routes/request.tsx'),
  route('ambiti/:code/raccolte/:id/comuni/:istat', 'modules/collection/routes/entry.tsx'),
  route('ambiti/:code/raccolte/:id/comuni/:istat/:file', 'modules/collection/routes/template.ts'),
];
