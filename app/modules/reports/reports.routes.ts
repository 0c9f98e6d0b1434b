import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const reportsRoutes: RouteConfigEntry[] = [
  route('ambiti/:code/piani/:planId/documento', 'modules/reports/routes/plan-documents.tsx'),
  route('ambiti/:code/piani/:planId/documento/:documentId/file', 'modules/reports/routes/plan-document-file.ts'),
  // The Ambito's glossary: public; the Ufficio di Piano edits it on the same page.
  route('ambiti/:code/glossario', 'modules/reports/routes/glossary.tsx'),
  // The social-impact report (bilancio sociale): public when published, its PDF, the coordinator's editor.
  route('ambiti/:code/bilancio-sociale', 'modules/reports/routes/impact.tsx'),
  route('ambiti/:code/bilancio-sociale/pdf', 'modules/reports/routes/impact-pdf.ts'),
  route('ambiti/:code/bilancio-sociale/modifica', 'modules/reports/routes/impact-edit.tsx'),
  // The national and regional returns (adempimenti) of a year, and each as a CSV file: Ufficio di Piano, mayors, Region.
  route('ambiti/:code/adempimenti', 'modules/reports/routes/returns.tsx'),
  route('ambiti/:code/adempimenti/:file', 'modules/reports/routes/returns-file.ts'),
];
