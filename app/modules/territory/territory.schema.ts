import { date, index, integer, pgTable, text, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { id, timestamps, version } from '../../shared/db/columns.ts';

/** Italian Regions, keyed by their ISTAT code ("03" = Lombardia). */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

/** Comuni, as published by ISTAT. population2011 is the legal population at the 2011 census. */
export const comuni = pgTable(
  'comuni',
  {
    id: id(),
    istatCode: text('istat_code').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull().references(() => regions.code),
    provinceCode: text('province_code').notNull(),
    provinceName: text('province_name').notNull(),
    carPlate: text('car_plate'),
    cadastralCode: text('cadastral_code'),
    population2011: integer('population_2011'),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex('comuni_istat_code_unique').on(t.istatCode), index('comuni_region_idx').on(t.regionCode)],
);

/** An Ambito Territoriale Sociale (L. 328/2000 art. 8): the comuni that plan social services together. */
export const ambiti = pgTable(
  'ambiti',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull().references(() => regions.code),
    managementForm: text('management_form'),
    healthDistrict: text('health_district'),
    description: text('description'),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex('ambiti_code_unique').on(t.code)],
);

/** Membership of a comune in an Ambito, with validity dates so that history stays correct. */
export const ambitoComuni = pgTable(
  'ambito_comuni',
  {
    id: id(),
    ambitoId: uuid('ambito_id').notNull().references(() => ambiti.id, { onDelete: 'cascade' }),
    comuneId: uuid('comune_id').notNull().references(() => comuni.id),
    isCapofila: boolean('is_capofila').notNull().default(false),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    ...timestamps(),
    version: version(),
  },
  (t) => [index('ambito_comuni_ambito_idx').on(t.ambitoId), index('ambito_comuni_comune_idx').on(t.comuneId)],
);

export type Region = typeof regions.$inferSelect;
export type Comune = typeof comuni.$inferSelect;
export type Ambito = typeof ambiti.$inferSelect;
export type AmbitoComune = typeof ambitoComuni.$inferSelect;
