import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { registerConstraintMessages } from '../../shared/db/errors.ts';

/** Italian Regions, keyed by their ISTAT code ("03" = Lombardia). */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

/** The Region a comune or an Ambito belongs to. */
const regionCode = () =>
  text('region_code')
    .notNull()
    .references(() => regions.code);

/** Comuni, as published by ISTAT. population2011 is the legal population at the 2011 census. */
export const comuni = pgTable(
  'comuni',
  versionedColumns({
    istatCode: text('istat_code').notNull(),
    name: text('name').notNull(),
    regionCode: regionCode(),
    provinceCode: text('province_code').notNull(),
    provinceName: text('province_name').notNull(),
    carPlate: text('car_plate'),
    cadastralCode: text('cadastral_code'),
    population2011: integer('population_2011'),
    areaKm2: doublePrecision('area_km2'),
  }),
  (t) => [uniqueIndex('comuni_istat_code_unique').on(t.istatCode), index('comuni_region_idx').on(t.regionCode)],
);

/** An Ambito Territoriale Sociale (L. 328/2000 art. 8): the comuni that plan social services together. */
export const ambiti = pgTable(
  'ambiti',
  versionedColumns({
    code: text('code').notNull(),
    name: text('name').notNull(),
    regionCode: regionCode(),
    managementForm: text('management_form'),
    /** Free-text health reference (ASST, distretto, ATS) as the Ambito names it. */
    healthDistrict: text('health_district'),
    /** Agenzia di tutela della salute / azienda sanitaria di riferimento (e.g. "ATS Insubria"). */
    healthAuthority: text('health_authority'),
    /** Azienda socio-sanitaria territoriale / distretto (e.g. "ASST Valle Olona"). */
    healthTrust: text('health_trust'),
    description: text('description'),
  }),
  (t) => [uniqueIndex('ambiti_code_unique').on(t.code)],
);

/** Membership of a comune in an Ambito, with validity dates so that history stays correct. */
export const ambitoComuni = pgTable(
  'ambito_comuni',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    comuneId: uuid('comune_id')
      .notNull()
      .references(() => comuni.id),
    isCapofila: boolean('is_capofila').notNull().default(false),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  }),
  (t) => [
    index('ambito_comuni_ambito_idx').on(t.ambitoId),
    index('ambito_comuni_comune_idx').on(t.comuneId),
    // Periods of a comune in an Ambito must not overlap (the composition import checks them); the backstop for the same one twice.
    uniqueIndex('ambito_comuni_comune_from_unique').on(t.ambitoId, t.comuneId, t.validFrom),
  ],
);

/**
 * Yearly population facts of a comune or of a whole Ambito (when only Ambito totals are published).
 * Exactly one of comuneId / ambitoId is set. Counts are persons; migrationBalance may be negative.
 */
export const populationFacts = pgTable(
  'population_facts',
  versionedColumns({
    comuneId: uuid('comune_id').references(() => comuni.id, { onDelete: 'cascade' }),
    ambitoId: uuid('ambito_id').references(() => ambiti.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    total: integer('total').notNull(),
    males: integer('males'),
    females: integer('females'),
    age0to14: integer('age_0_14'),
    age15to64: integer('age_15_64'),
    age65plus: integer('age_65_plus'),
    age75plus: integer('age_75_plus'),
    age0to17: integer('age_0_17'),
    births: integer('births'),
    deaths: integer('deaths'),
    migrationBalance: integer('migration_balance'),
    foreigners: integer('foreigners'),
    olderAlone: integer('older_alone'),
    areaKm2: doublePrecision('area_km2'),
    /** The date the stock refers to (e.g. 2023-12-31 or 2024-01-01). */
    referenceDate: date('reference_date', { mode: 'string' }),
    /** Indicators as printed by the source ({ key: { value, decimals } }), kept to check and show against the facts. */
    published: jsonb('published').notNull().default({}),
    /** Where the figures come from: the imported file and its format. */
    source: text('source').notNull(),
  }),
  (t) => [
    uniqueIndex('population_facts_comune_year_unique')
      .on(t.comuneId, t.year)
      .where(sql`${t.comuneId} is not null`),
    uniqueIndex('population_facts_ambito_year_unique')
      .on(t.ambitoId, t.year)
      .where(sql`${t.ambitoId} is not null`),
    check('population_facts_one_subject', sql`(${t.comuneId} is null) <> (${t.ambitoId} is null)`),
  ],
);

export type PopulationFactsRow = typeof populationFacts.$inferSelect;
export type Region = typeof regions.$inferSelect;
export type Comune = typeof comuni.$inferSelect;
export type Ambito = typeof ambiti.$inferSelect;
export type AmbitoComune = typeof ambitoComuni.$inferSelect;

registerConstraintMessages({
  ambiti_code_unique: 'terr.dup.ambitoCode',
  ambito_comuni_comune_from_unique: 'terr.dup.membership',
});
