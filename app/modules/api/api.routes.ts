import { prefix, route } from '@react-router/dev/routes';

// Every path here is described in the OpenAPI document (openapi.ts; openapi.test.ts checks it). A record id in a path is
// named without the `Id` suffix (`:plan`) so that the API itself answers a malformed one with a 400 naming the parameter.
export const apiRoutes = prefix('api/v1', [
  route('openapi.json', 'modules/api/routes/openapi.ts'),
  route('me', 'modules/api/routes/me.ts'),
  route('ambiti', 'modules/api/routes/ambiti.ts'),
  route('ambiti/:code', 'modules/api/routes/ambito.ts'),
  route('ambiti/:code/comuni', 'modules/api/routes/ambito-comuni.ts'),
  route('ambiti/:code/piani', 'modules/api/routes/ambito-piani.ts'),
  route('ambiti/:code/bilancio', 'modules/api/routes/ambito-bilancio.ts'),
  route('ambiti/:code/spesa', 'modules/api/routes/ambito-spesa.ts'),
  route('ambiti/:code/utenti', 'modules/api/routes/ambito-utenti.ts'),
  route('ambiti/:code/leps', 'modules/api/routes/ambito-leps.ts'),
  route('piani/:plan', 'modules/api/routes/piano.ts'),
  route('piani/:plan/obiettivi', 'modules/api/routes/piano-obiettivi.ts'),
  route('piani/:plan/obiettivi/:objective', 'modules/api/routes/piano-obiettivo.ts'),
  route('piani/:plan/azioni', 'modules/api/routes/piano-azioni.ts'),
  route('piani/:plan/indicatori', 'modules/api/routes/piano-indicatori.ts'),
  route('piani/:plan/misure', 'modules/api/routes/piano-misure.ts'),
  route('*', 'modules/api/routes/not-found.ts'),
]);
