import { route } from '@react-router/dev/routes';

export const lepsRoutes = [
  route('leps/catalogo', 'modules/leps/routes/catalogue.tsx'),
  route('leps/catalogo/:lepsCode', 'modules/leps/routes/catalogue-entry.tsx'),
  route('leps/regione/:regionCode', 'modules/leps/routes/regional.tsx'),
  route('leps/regione/:regionCode/esporta.csv', 'modules/leps/routes/regional-export.ts'),
  route('ambiti/:code/leps', 'modules/leps/routes/dashboard.tsx'),
  route('ambiti/:code/leps/assistenti-sociali', 'modules/leps/routes/staffing.tsx'),
];
