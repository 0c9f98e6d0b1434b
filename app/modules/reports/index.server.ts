// The server face of the reports module.
export { planDocumentsFor } from './documents.queries.ts';
export { kickDocumentWorker, runDocumentQueue, startDocumentWorker, sweepAdoptionDocuments } from './documents.worker.server.ts';
export { panelProviders } from './reports.panels.ts';
// The glossary: its demo step (wired by the registry), the terms for other modules' pages and the plan document.
export { glossarySteps } from './glossary.demo.ts';
export { glossaryTermsFor } from './glossary.queries.ts';
// The social-impact report: its demo step (the Fano report 2022, wired by the registry).
export { fanoReportsSteps as impactSteps } from './reports.fano.demo.ts';
export { latestPublishedReport } from './impact.queries.ts';
