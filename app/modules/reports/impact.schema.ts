import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { registerConstraintMessages } from '../../shared/db/errors.ts';
import { plans } from '../planning/index.server.ts';
import { ambiti } from '../territory/index.server.ts';

/** One chosen section of a social-impact report, in the report's order, with the coordinator's introduction (Markdown). */
export interface ImpactSectionEntry {
  /** A key of IMPACT_SECTIONS (impact.rules.ts). */
  key: string;
  intro: string | null;
}

/**
 * A social-impact report (bilancio sociale) of an Ambito for a year: its title, the plan it gives account of, the years
 * its series run over, the sections chosen in order with an introduction each, and its state (draft → published).
 * The figures are never stored: each section is computed from the other modules' records when the report is read.
 */
export const impactReports = pgTable(
  'impact_reports',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    /** The plan the report gives account of (the one covering `year` when it was created). */
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** The year the report is about: its figures of people and its LEPS are of this year. */
    year: integer('year').notNull(),
    /** The first year of the series (spending, social workers) the report shows, up to `year`. */
    seriesFromYear: integer('series_from_year').notNull(),
    sections: jsonb('sections').$type<ImpactSectionEntry[]>().notNull().default([]),
    /** draft | published */
    status: text('status').notNull().default('draft'),
    publishedAt: instant('published_at'),
    publishedBy: text('published_by'),
  }),
  (t) => [uniqueIndex('impact_reports_ambito_year_unique').on(t.ambitoId, t.year), index('impact_reports_status_idx').on(t.ambitoId, t.status)],
);

export type ImpactReportRow = typeof impactReports.$inferSelect;

registerConstraintMessages({ impact_reports_ambito_year_unique: { key: 'rep.dup.impact', field: 'year' } });
