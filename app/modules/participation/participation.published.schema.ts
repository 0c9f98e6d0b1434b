import { sql } from 'drizzle-orm';
import { integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { plans } from '../planning/index.server.ts';
import { ambiti } from '../territory/index.server.ts';

/**
 * The participation figures an Ambito has published elsewhere (a plan, a public report) when the records behind them
 * are not in Cantiere — e.g. «25 incontri, 7 tavoli tematici, oltre 60 soggetti iscritti» without the dates of the
 * meetings or the names of the bodies. They are shown beside the figures computed from the records, never mixed into
 * them (as a questionnaire's published respondents are). One row per Ambito, plan and figure.
 */
export const publishedFigures = pgTable(
  'participation_published_figures',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'cascade' }),
    /** meetings | concertation_tables | thematic_tables | member_organisations (participation.published.rules.ts) */
    figure: text('figure').notNull(),
    value: integer('value').notNull(),
    /** exact | more_than («oltre 60») | about («circa 50») */
    qualifier: text('qualifier').notNull().default('exact'),
    /** Where the figure is published (document, page or line). */
    source: text('source').notNull(),
    note: text('note'),
  }),
  (t) => [
    uniqueIndex('participation_published_figures_unique').on(t.ambitoId, sql`coalesce(${t.planId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.figure),
  ],
);
