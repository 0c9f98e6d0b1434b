import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { cents, created, id, ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { planActions, planObjectives, plans } from '../planning/index.server.ts';
import { ambiti, comuni } from '../territory/index.server.ts';
import type { PublishedAreaFigures } from './finance.rules.ts';

/** An entry of a catalogue: its stable code, its place in the catalogue's order and its name. */
const catalogueEntry = () => ({ code: text('code').notNull(), position: integer('position').notNull(), name: text('name').notNull() });

/** Other names of a catalogue entry, as the files and the spreadsheets write it. */
const aliases = () => jsonb('aliases').$type<string[]>().notNull().default([]);

/** What a yearly figure is about: the Ambito, one member comune (null: the Ambito as a whole), the year and the area. */
const ambitoYearArea = () => ({
  ambitoId: ownerRef('ambito_id', () => ambiti.id),
  comuneId: uuid('comune_id').references(() => comuni.id),
  year: integer('year').notNull(),
  areaCode: text('area_code').notNull(),
});

/** The comune of a yearly figure in a unique index, the Ambito's own rows (null comune) counting as one. */
const comuneOrAmbito = (comuneId: AnyPgColumn) => sql`coalesce(${comuneId}, '00000000-0000-0000-0000-000000000000'::uuid)`;

/**
 * The funding-source catalogue of the installation ("canali di finanziamento"), loaded from
 * fixtures/catalogues/funding-sources.json and editable by the administrator. Codes are stable: spending rows,
 * allocations and budget records refer to them.
 */
export const fundingSources = pgTable(
  'funding_sources',
  versionedColumns({
    ...catalogueEntry(),
    shortName: text('short_name').notNull(),
    kind: text('kind').notNull(),
    parentCode: text('parent_code'),
    legalBasis: text('legal_basis'),
    activeFrom: date('active_from', { mode: 'string' }),
    activeTo: date('active_to', { mode: 'string' }),
    aliases: aliases(),
    notes: text('notes'),
  }),
  (t) => [uniqueIndex('funding_sources_code_unique').on(t.code)],
);

/** The areas of every spending classification (LOMBARDIA, ISTAT…) of the installation, in catalogue order. */
export const spendingAreas = pgTable(
  'spending_areas',
  versionedColumns({
    classificationCode: text('classification_code').notNull(),
    classificationName: text('classification_name').notNull(),
    ...catalogueEntry(),
    aliases: aliases(),
    description: text('description'),
  }),
  (t) => [uniqueIndex('spending_areas_code_unique').on(t.classificationCode, t.code)],
);

/** The mapping between two classifications: each area of `from` goes to one area of `to`. */
export const spendingAreaMappings = pgTable(
  'spending_area_mappings',
  versionedColumns({
    fromClassification: text('from_classification').notNull(),
    toClassification: text('to_classification').notNull(),
    fromArea: text('from_area').notNull(),
    toArea: text('to_area').notNull(),
    fit: text('fit').notNull(),
    note: text('note'),
  }),
  (t) => [uniqueIndex('spending_area_mappings_unique').on(t.fromClassification, t.toClassification, t.fromArea)],
);

/**
 * Annual social spending of an Ambito by area and funding channel: of one member comune (comuneId set) or of the
 * Ambito as a whole (comuneId null: associated management, or figures published only as Ambito totals). The
 * Ambito's spending is the sum of all its rows. Areas are codes of the LOMBARDIA classification.
 */
export const spendingFacts = pgTable(
  'spending_facts',
  versionedColumns({
    ...ambitoYearArea(),
    channelCode: text('channel_code').notNull(),
    /**
     * The ISTAT survey's macro-type of the spending: servizi (interventi e servizi), contributi (trasferimenti in
     * denaro), strutture. Null when the source does not state it (spending-nature.ts).
     */
    nature: text('nature'),
    amountCents: cents('amount_cents').notNull(),
    note: text('note'),
    /** The imported file (and sheet) the row comes from. */
    source: text('source').notNull(),
  }),
  (t) => [
    uniqueIndex('spending_facts_unique').on(t.ambitoId, comuneOrAmbito(t.comuneId), t.year, t.areaCode, t.channelCode, sql`coalesce(${t.nature}, '')`),
    check('spending_facts_nature', sql`${t.nature} is null or ${t.nature} in ('servizi', 'contributi', 'strutture')`),
    index('spending_facts_ambito_year_idx').on(t.ambitoId, t.year),
    check('spending_facts_amount_non_negative', sql`${t.amountCents} >= 0`),
  ],
);

/**
 * Users of each area in a year (null users = not recorded), with the spending, share and cost per user the source
 * publishes next to them (published figures: checked against the spending dataset, never mixed into it).
 */
export const serviceUsers = pgTable(
  'service_users',
  versionedColumns({
    ...ambitoYearArea(),
    users: integer('users'),
    spendCents: cents('spend_cents'),
    /** Share and cost per user as the source publishes them ({ sharePct, costPerUserCents, source }), kept to be checked. */
    published: jsonb('published').$type<PublishedAreaFigures>().notNull().default({}),
    note: text('note'),
    source: text('source').notNull(),
  }),
  (t) => [uniqueIndex('service_users_unique').on(t.ambitoId, comuneOrAmbito(t.comuneId), t.year, t.areaCode)],
);

/** A fund's allocation ("assegnazione", "riparto") to the Ambito for a year; several acts of one year are summed. */
export const fundAllocations = pgTable(
  'fund_allocations',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    fundCode: text('fund_code').notNull(),
    year: integer('year').notNull(),
    amountCents: cents('amount_cents').notNull(),
    /** The act that allocates the money (e.g. "DGR XII/1234/2025"). */
    act: text('act'),
    note: text('note'),
  }),
  (t) => [index('fund_allocations_ambito_idx').on(t.ambitoId, t.fundCode, t.year), check('fund_allocations_amount_non_negative', sql`${t.amountCents} >= 0`)],
);

/** What a budget record is about: an objective of a plan of the Ambito (and one of its actions, when given) × a fund. */
const objectiveFundKey = () => ({
  ambitoId: ownerRef('ambito_id', () => ambiti.id),
  planId: ownerRef('plan_id', () => plans.id),
  objectiveId: ownerRef('objective_id', () => planObjectives.id),
  actionId: uuid('action_id').references(() => planActions.id, { onDelete: 'cascade' }),
  fundCode: text('fund_code').notNull(),
});

/**
 * Cut-off records of a plan's budget: the budgeted (preventivato), committed (impegnato) or paid (liquidato) amount
 * of an objective (and action, when given) × fund × year (null = the whole plan period) at a cut-off date. Rows are
 * never updated or deleted: the latest record of a key and measure is the current value, the earlier ones its history.
 * A value lower than the previous one carries its reason (correzione_errore, disimpegno).
 */
export const budgetCutOffs = pgTable(
  'budget_cut_offs',
  {
    id: id(),
    ...objectiveFundKey(),
    year: integer('year'),
    measure: text('measure').notNull(),
    cutOffDate: date('cut_off_date', { mode: 'string' }).notNull(),
    amountCents: cents('amount_cents').notNull(),
    previousCents: cents('previous_cents'),
    reason: text('reason'),
    note: text('note'),
    ...created(),
  },
  (t) => [
    index('budget_cut_offs_plan_idx').on(t.planId, t.objectiveId, t.fundCode, t.year, t.measure, t.cutOffDate),
    check('budget_cut_offs_measure', sql`${t.measure} in ('budgeted', 'committed', 'paid')`),
    check('budget_cut_offs_amount_non_negative', sql`${t.amountCents} >= 0`),
  ],
);

/** Unspent amounts of an objective × fund carried over from one year to the next ("riporto delle economie"). */
export const budgetCarryOvers = pgTable(
  'budget_carry_overs',
  {
    id: id(),
    ...objectiveFundKey(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    amountCents: cents('amount_cents').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    note: text('note'),
    ...created(),
  },
  (t) => [index('budget_carry_overs_plan_idx').on(t.planId, t.objectiveId, t.fundCode), check('budget_carry_overs_amount_positive', sql`${t.amountCents} > 0`)],
);
