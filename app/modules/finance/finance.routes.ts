import { route } from '@react-router/dev/routes';

export const financeRoutes = [
  route('ambiti/:code/risorse', 'modules/finance/routes/dashboard.tsx'),
  route('ambiti/:code/risorse/importa', 'modules/finance/routes/import.tsx'),
  route('ambiti/:code/risorse/modelli/:file', 'modules/finance/routes/template.ts'),
  route('ambiti/:code/risorse/bilancio', 'modules/finance/routes/budget.tsx'),
  route('fonti-di-finanziamento', 'modules/finance/routes/funding-sources.tsx'),
  route('fonti-di-finanziamento/:fundCode', 'modules/finance/routes/funding-source-edit.tsx'),
];
