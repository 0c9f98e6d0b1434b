// Every table of every module, for Drizzle's typed client and for drizzle-kit's migration generator.
export * from '../../modules/accounts/accounts.schema.ts';
export * from '../../modules/territory/territory.schema.ts';
export * from '../../modules/governance/governance.schema.ts';
export * from '../../modules/planning/planning.schema.ts';
export * from '../../modules/finance/finance.schema.ts';
export * from '../../modules/monitoring/monitoring.schema.ts';
export * from '../audit/audit.schema.ts';
export * from '../mail/outbox.schema.ts';
export * from '../../modules/leps/leps.schema.ts';
