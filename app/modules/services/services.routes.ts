import { route } from '@react-router/dev/routes';

export const servicesRoutes = [
  route('servizi/nomenclatore', 'modules/services/routes/nomenclature.tsx'),
  route('ambiti/:code/servizi', 'modules/services/routes/list.tsx'),
  route('ambiti/:code/servizi/modello-servizi.csv', 'modules/services/routes/template.ts'),
  route('ambiti/:code/servizi/:serviceCode', 'modules/services/routes/detail.tsx'),
];
