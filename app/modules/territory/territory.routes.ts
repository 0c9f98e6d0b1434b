import { index, route } from '@react-router/dev/routes';

export const territoryRoutes = [
  index('modules/territory/routes/home.tsx'),
  route('vai', 'modules/territory/routes/go.ts'),
  route('ambiti/:code', 'modules/territory/routes/ambito.tsx'),
  route('ambiti/:code/modifica', 'modules/territory/routes/ambito-edit.tsx'),
  route('ambiti/:code/territorio', 'modules/territory/routes/profile.tsx'),
  route('ambiti/:code/comuni/:istat/da-fare', 'modules/territory/routes/comune-todo.tsx'),
  route('ambiti/:code/comuni/:istat/dati', 'modules/territory/routes/comune-figures.tsx'),
  route('amministrazione/territorio', 'modules/territory/routes/admin.tsx'),
];
