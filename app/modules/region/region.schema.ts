import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../shared/db/columns.ts';
import { ambiti } from '../territory/index.server.ts';

/**
 * The regional workspace's summary (ADR 0015): one row per Ambito × year with the figures every module gives for it
 * (region.figures.ts), computed by a background job from the modules' own reads and kept here so that a page across
 * 2 or 600 Ambiti reads one table. `auditMark` is the audit log's last id when the figures were computed: a later
 * write about the Ambito (or about no Ambito: a catalogue, the ISTAT comuni) makes the row stale, and the sweep queues
 * its refresh. Derived data: written only by the refresh, never by a form.
 */
export const regionAmbitoFigures = pgTable(
  'region_ambito_figures',
  {
    ambitoId: uuid('ambito_id')
      .notNull()
      .references(() => ambiti.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    figures: jsonb('figures').notNull(),
    auditMark: bigint('audit_mark', { mode: 'number' }).notNull(),
    computedAt: instant('computed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ambitoId, t.year] }),
    index('region_ambito_figures_region_idx').on(t.regionCode, t.year),
    index('region_ambito_figures_year_idx').on(t.year),
  ],
);

export type RegionAmbitoFiguresRow = typeof regionAmbitoFigures.$inferSelect;
