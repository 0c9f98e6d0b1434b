import { route } from '@react-router/dev/routes';

export const regionRoutes = [
  route('regioni/:regionCode', 'modules/region/routes/regional.tsx'),
  route('regioni/:regionCode/esporta.csv', 'modules/region/routes/export-regional-csv.ts'),
  route('regioni/:regionCode/esporta.xlsx', 'modules/region/routes/export-regional-xlsx.ts'),
  route('italia', 'modules/region/routes/national.tsx'),
  route('italia/esporta.csv', 'modules/region/routes/export-national-csv.ts'),
  route('italia/esporta.xlsx', 'modules/region/routes/export-national-xlsx.ts'),
];
