import { date, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { registerConstraintMessages } from '../../shared/db/errors.ts';
import { ambiti, comuni } from '../territory/index.server.ts';

/** The funding source codes of a LEPS or a post (see FUNDING_SOURCES in leps.vocabulary.ts), none by default. */
const fundingSourceCodes = () => jsonb('funding_sources').$type<string[]>().notNull().default([]);

/**
 * The LEPS catalogue (L. 234/2021, art. 1, cc. 159-171; Regione Lombardia, DGR XII/2167/2024): one row per LEPS and
 * catalogue version. Rows are loaded from the catalogue file (fixtures/leps/catalogo-leps.json) and edited by the
 * system administrator; every change bumps `version` and leaves before/after in the audit log (the entry's history).
 */
export const lepsCatalogue = pgTable(
  'leps_catalogue',
  versionedColumns({
    /** Catalogue version, e.g. «lombardia-2025-2027.1». */
    catalogueVersion: text('catalogue_version').notNull(),
    /** The title of the catalogue file. */
    catalogueTitle: text('catalogue_title').notNull(),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    legalReference: text('legal_reference').notNull(),
    planningAct: text('planning_act').notNull(),
    fundingText: text('funding_text').notNull(),
    fundingSources: fundingSourceCodes(),
    /** Policy areas whose LEPS table lists it: [{ code, lines }]. */
    policyAreas: jsonb('policy_areas').$type<{ code: string; lines: string }[]>().notNull().default([]),
    /** The priority card number, for the priority LEPS: { number, lines }. */
    priority: jsonb('priority').$type<{ number: number; lines: string } | null>(),
    note: text('note'),
    source: text('source').notNull(),
  }),
  (t) => [
    uniqueIndex('leps_catalogue_version_code_unique').on(t.catalogueVersion, t.code),
    uniqueIndex('leps_catalogue_version_name_unique').on(t.catalogueVersion, t.name),
    index('leps_catalogue_position_idx').on(t.catalogueVersion, t.position),
  ],
);

/**
 * Social workers (assistenti sociali) of an Ambito's services, one row per person or post and period, in
 * full-time equivalents (L. 178/2020, art. 1, c. 797). A change of hours or contract closes the row and starts a
 * new one with the same code. The comune is set when the worker serves one comune of the Ambito.
 */
export const socialWorkerPosts = pgTable(
  'social_worker_posts',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    comuneId: uuid('comune_id').references(() => comuni.id),
    code: text('code').notNull(),
    /** Fraction of a full-time post, 0 < fte ≤ 1, four decimals at most. */
    fte: doublePrecision('fte').notNull(),
    employerKind: text('employer_kind').notNull(),
    employerName: text('employer_name').notNull(),
    contract: text('contract').notNull(),
    fundingSources: fundingSourceCodes(),
    assignment: text('assignment'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    /** Where the row comes from: the form, or the imported file and its row. */
    source: text('source').notNull(),
  }),
  (t) => [
    index('social_worker_posts_ambito_idx').on(t.ambitoId, t.code),
    // Periods of one code must not overlap (checked by the commands under lockBusinessKey); the index is the backstop
    // for the same period recorded twice.
    uniqueIndex('social_worker_posts_code_from_unique').on(t.ambitoId, t.code, t.validFrom),
  ],
);

registerConstraintMessages({
  leps_catalogue_version_code_unique: 'leps.dup.catalogueCode',
  leps_catalogue_version_name_unique: { key: 'leps.dup.catalogueName', field: 'name' },
  social_worker_posts_code_from_unique: { key: 'leps.dup.post', field: 'code' },
});

export type LepsCatalogueRow = typeof lepsCatalogue.$inferSelect;
export type SocialWorkerPostRow = typeof socialWorkerPosts.$inferSelect;
