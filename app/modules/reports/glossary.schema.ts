import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { registerConstraintMessages } from '../../shared/db/errors.ts';
import { ambiti } from '../territory/index.server.ts';

/**
 * The glossary of an Ambito (glossario sociale essenziale): the terms of social policy its documents use, each with
 * its definition (Markdown, app/shared/richtext) and where it comes from (a law, a regional act). A term is known by
 * its slug (the anchor of its entry on the glossary page, `#<slug>`), unique in the Ambito; rich texts link the first
 * mention of each term to it, and the plan document prints the glossary as an annex.
 */
export const glossaryTerms = pgTable(
  'glossary_terms',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    term: text('term').notNull(),
    slug: text('slug').notNull(),
    definition: text('definition').notNull(),
    source: text('source'),
  }),
  (t) => [uniqueIndex('glossary_terms_ambito_slug_unique').on(t.ambitoId, t.slug)],
);

export type GlossaryTerm = typeof glossaryTerms.$inferSelect;

registerConstraintMessages({ glossary_terms_ambito_slug_unique: { key: 'rep.dup.glossary', field: 'term' } });
