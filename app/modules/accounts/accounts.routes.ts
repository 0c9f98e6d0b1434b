import { route } from '@react-router/dev/routes';

export const accountsRoutes = [
  route('accedi', 'modules/accounts/routes/sign-in.tsx'),
  route('accedi/password-dimenticata', 'modules/accounts/routes/forgot-password.tsx'),
  route('accedi/nuova-password/:secret', 'modules/accounts/routes/set-password.tsx'),
  route('accedi/oidc', 'modules/accounts/routes/oidc-start.ts'),
  route('accedi/oidc/ritorno', 'modules/accounts/routes/oidc-callback.ts'),
  route('amministrazione/utenti', 'modules/accounts/routes/users.tsx'),
  route('esci', 'modules/accounts/routes/sign-out.ts'),
  route('lingua', 'modules/accounts/routes/language.ts'),
  route('profilo', 'modules/accounts/routes/profile.tsx'),
];
