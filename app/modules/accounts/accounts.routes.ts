import { route } from '@react-router/dev/routes';

export const accountsRoutes = [
  route('accedi', 'modules/accounts/routes/sign-in.tsx'),
  route('esci', 'modules/accounts/routes/sign-out.ts'),
  route('lingua', 'modules/accounts/routes/language.ts'),
  route('profilo', 'modules/accounts/routes/profile.tsx'),
];
