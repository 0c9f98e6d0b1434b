// Every table, for drizzle-kit's migration generator (drizzle.config.ts). drizzle-kit needs the tables as named
// exports and must load them without the server code of the faces, so this app-level file — and only this one —
// reads the modules' schema files directly (allowed by .dependency-cruiser.cjs). One line per module of the registry.
export * from './accounts/accounts.schema.ts';
export * from './territory/territory.schema.ts';
export * from './governance/governance.schema.ts';
export * from './planning/planning.schema.ts';
export * from './finance/finance.schema.ts';
export * from './monitoring/monitoring.schema.ts';
export * from './leps/leps.schema.ts';
export * from './participation/participation.schema.ts';
export * from './participation/participation.published.schema.ts';
export * from './opendata/opendata.schema.ts';
export * from './reports/documents.schema.ts';
export * from './reports/impact.schema.ts';
export * from './reports/glossary.schema.ts';
export * from './services/services.schema.ts';
export * from './collection/collection.schema.ts';
export * from './region/region.schema.ts';
export * from '../shared/audit/audit.schema.ts';
export * from '../shared/mail/outbox.schema.ts';
export * from '../shared/jobs/jobs.schema.ts';
