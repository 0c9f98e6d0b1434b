import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { cents, ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { registerConstraintMessages } from '../../shared/db/errors.ts';
import { ambiti, comuni } from '../territory/index.server.ts';

/**
 * The national nomenclature of social interventions and services (the SIOSS macro-activities and their entries),
 * loaded from fixtures/catalogues/nomenclatore-servizi.json. Codes are stable: services refer to them.
 */
export const serviceTypes = pgTable(
  'service_types',
  versionedColumns({
    code: text('code').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    macroCode: text('macro_code').notNull(),
    macroName: text('macro_name').notNull(),
    description: text('description'),
    /** The FNPS service goal the entry counts under in the FNPS matrix (accesso, presa_in_carico, …; null: none). */
    fnpsGoal: text('fnps_goal'),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
  }),
  (t) => [uniqueIndex('service_types_code_unique').on(t.code)],
);

/**
 * A service or intervention of the Ambito's offer (carta dei servizi): its national type, area, target group, how it
 * is managed and by whom, where it is accessed, and the LEPS it serves.
 */
export const services = pgTable(
  'services',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    /** The Ambito's own code for the service, unique in the Ambito. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    typeCode: text('type_code').notNull(),
    /** Area of intervention: a code of the LOMBARDIA spending classification (finance's spending areas). */
    areaCode: text('area_code').notNull(),
    targetGroup: text('target_group').notNull(),
    /** associata_ambito | singolo_comune | delega_asl | affidamento_terzo_settore | altro */
    management: text('management').notNull(),
    /** For a service run by a single comune: which one. */
    comuneId: uuid('comune_id').references(() => comuni.id),
    providerName: text('provider_name').notNull(),
    /** The provider's fiscal code or IPA code, when known. */
    providerCode: text('provider_code'),
    accessPoint: text('access_point'),
    contact: text('contact'),
    description: text('description'),
    lepsCodes: jsonb('leps_codes').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    source: text('source').notNull(),
  }),
  (t) => [
    uniqueIndex('services_ambito_code_unique').on(t.ambitoId, t.code),
    check('services_management', sql`${t.management} in ('associata_ambito', 'singolo_comune', 'delega_asl', 'affidamento_terzo_settore', 'altro')`),
  ],
);

/** Users and spending of a service in a year (null = not recorded). */
export const serviceYears = pgTable(
  'service_years',
  versionedColumns({
    serviceId: ownerRef('service_id', () => services.id),
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    year: integer('year').notNull(),
    users: integer('users'),
    spendCents: cents('spend_cents'),
    note: text('note'),
    source: text('source').notNull(),
  }),
  (t) => [
    uniqueIndex('service_years_unique').on(t.serviceId, t.year),
    index('service_years_ambito_idx').on(t.ambitoId, t.year),
    check('service_years_users_non_negative', sql`${t.users} is null or ${t.users} >= 0`),
    check('service_years_spend_non_negative', sql`${t.spendCents} is null or ${t.spendCents} >= 0`),
  ],
);

/**
 * How a service's spending of a year was funded: the amount of each funding source (codes of finance's catalogue:
 * FNPS, FNA, FONDO_POVERTA, DOPO_DI_NOI, comuni's own funds…). The national funds' returns are built from these rows.
 */
export const serviceYearFunds = pgTable(
  'service_year_funds',
  versionedColumns({
    serviceYearId: ownerRef('service_year_id', () => serviceYears.id),
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    fundCode: text('fund_code').notNull(),
    amountCents: cents('amount_cents').notNull(),
    /** Users reached with this fund, when the source splits them (null: not split). */
    users: integer('users'),
  }),
  (t) => [
    uniqueIndex('service_year_funds_unique').on(t.serviceYearId, t.fundCode),
    index('service_year_funds_ambito_idx').on(t.ambitoId, t.fundCode),
    check('service_year_funds_amount_non_negative', sql`${t.amountCents} >= 0`),
  ],
);

export type ServiceTypeRow = typeof serviceTypes.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type ServiceYearRow = typeof serviceYears.$inferSelect;
export type ServiceYearFundRow = typeof serviceYearFunds.$inferSelect;

registerConstraintMessages({
  services_ambito_code_unique: { key: 'svc.dup.code', field: 'code' },
  service_years_unique: { key: 'svc.dup.year', field: 'year' },
});
