import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { created, id, ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { registerConstraintMessages } from '../../shared/db/errors.ts';
import { ambiti } from '../territory/index.server.ts';

/** A list kept as JSON, empty unless given. */
const jsonList = <T>(name: string) => jsonb(name).$type<T[]>().notNull().default([]);

/**
 * A plan (Piano di Zona / Piano Sociale Territoriale) of an Ambito for a period, written on a regional template.
 * The columns mirror the plan exchange format (plan-document.schema.ts) so that export → import loses nothing.
 */
export const plans = pgTable(
  'plans',
  versionedColumns({
    ambitoId: ownerRef('ambito_id', () => ambiti.id),
    title: text('title').notNull(),
    periodStartYear: integer('period_start_year').notNull(),
    periodEndYear: integer('period_end_year').notNull(),
    templateId: text('template_id').notNull(),
    templateVersion: text('template_version').notNull(),
    status: text('status').notNull().default('draft'),
    adoptionDate: date('adoption_date', { mode: 'string' }),
    adoptionAct: text('adoption_act'),
    /** The decision of the mayors' body that adopted the plan, when recorded in the governance module. */
    adoptionDecisionId: uuid('adoption_decision_id'),
    /** When the coordinator adopted the plan although its template's completeness rules were not met: the written reason. */
    adoptionOverrideReason: text('adoption_override_reason'),
    /** The previous plan as the document names it (period and title). */
    predecessor: jsonb('predecessor'),
    source: text('source'),
  }),
  (t) => [uniqueIndex('plans_ambito_period_unique').on(t.ambitoId, t.periodStartYear, t.periodEndYear)],
);

/** The plan a chapter or an objective belongs to, and its place in the plan. */
const inPlan = () => ({ planId: ownerRef('plan_id', () => plans.id), position: integer('position').notNull() });

export const planChapters = pgTable(
  'plan_chapters',
  versionedColumns({
    ...inPlan(),
    number: text('number'),
    title: text('title').notNull(),
    /** The chapter's text in Markdown (app/shared/richtext): the one format written since rich text. */
    markdown: text('markdown'),
    /** Legacy: sanitised HTML of chapters written before Markdown, read (converted) while `markdown` is null. */
    html: text('html'),
  }),
  (t) => [index('plan_chapters_plan_idx').on(t.planId, t.position)],
);

export const planObjectives = pgTable(
  'plan_objectives',
  versionedColumns({
    ...inPlan(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    macroArea: text('macro_area'),
    policyAreas: jsonList<string>('policy_areas'),
    priority: boolean('priority').notNull().default(false),
    description: text('description'),
    systemObjectives: jsonList<{ number: number; text: string }>('system_objectives'),
    /** The regional card's fields, keyed by the template's field keys. */
    card: jsonb('card').$type<Record<string, unknown>>().notNull().default({}),
    /** LEPS codes, previous-plan objective, cooperating Ambiti, ASST involvement, Agenda 2030. */
    links: jsonb('links').notNull(),
    source: text('source'),
    /** Weight in the plan's progress roll-up (null = plain mean). */
    weight: doublePrecision('weight'),
  }),
  (t) => [uniqueIndex('plan_objectives_code_unique').on(t.planId, t.code), index('plan_objectives_plan_idx').on(t.planId, t.position)],
);

/** The objective an action, an indicator or a budget line belongs to, and its place in the objective. */
const inObjective = () => ({ objectiveId: ownerRef('objective_id', () => planObjectives.id), position: integer('position').notNull() });

export const planActions = pgTable(
  'plan_actions',
  versionedColumns({
    ...inObjective(),
    number: text('number').notNull(),
    description: text('description').notNull(),
    systemObjective: integer('system_objective'),
    responsible: text('responsible'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status').notNull().default('planned'),
    realisationPercent: doublePrecision('realisation_percent'),
    note: text('note'),
    expectedResults: jsonList<string>('expected_results'),
    weight: doublePrecision('weight'),
  }),
  (t) => [uniqueIndex('plan_actions_number_unique').on(t.objectiveId, t.number), index('plan_actions_objective_idx').on(t.objectiveId, t.position)],
);

/** Indicators of an action (or of the objective as a whole, actionId null), with their yearly targets as rules. */
export const planIndicators = pgTable(
  'plan_indicators',
  versionedColumns({
    ...inObjective(),
    actionId: uuid('action_id').references(() => planActions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    kind: text('kind').notNull(),
    numeratorLabel: text('numerator_label'),
    denominatorLabel: text('denominator_label'),
    level: text('level').notNull(),
    unit: text('unit'),
    source: text('source'),
    periodicity: text('periodicity'),
    /** flow | stock | stock_mean | rate (plan-document.schema.ts); null = the default of the kind. */
    aggregation: text('aggregation'),
    systemObjective: integer('system_objective'),
    /** Yearly targets: [{ year, rule, text }] (see plan-document.schema.ts Target). */
    targets: jsonList<{ year: number | null; rule: Record<string, unknown>; text: string }>('targets'),
  }),
  (t) => [uniqueIndex('plan_indicators_code_unique').on(t.objectiveId, t.code), index('plan_indicators_action_idx').on(t.actionId)],
);

export const planBudgetLines = pgTable(
  'plan_budget_lines',
  versionedColumns({
    ...inObjective(),
    fund: text('fund').notNull(),
    year: integer('year'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    note: text('note'),
    sharedAmong: jsonList<string>('shared_among'),
  }),
  (t) => [index('plan_budget_lines_objective_idx').on(t.objectiveId, t.position)],
);

/**
 * Frozen copies of a whole plan document: the approved baseline (taken once, at adoption; never updated) and a
 * snapshot at every status change — the plan's version history.
 */
export const planSnapshots = pgTable(
  'plan_snapshots',
  {
    id: id(),
    planId: ownerRef('plan_id', () => plans.id),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    label: text('label').notNull(),
    document: jsonb('document').notNull(),
    ...created(),
  },
  (t) => [index('plan_snapshots_plan_idx').on(t.planId, t.createdAt)],
);

/**
 * A variation of an adopted plan: the proposed changes (planning.rules.ts VariationChange) wait as a draft and are
 * applied to the plan only when approved — by a decision of the competent body, or by the coordinator when the
 * template counts every change as minor. Rejected or withdrawn variations change nothing.
 */
export const planVariations = pgTable(
  'plan_variations',
  versionedColumns({
    planId: ownerRef('plan_id', () => plans.id),
    number: integer('number').notNull(),
    /** draft | approved | rejected | withdrawn */
    status: text('status').notNull().default('draft'),
    changes: jsonList<unknown>('changes'),
    /** The approving decision (governance module), when approved by a decision. */
    decisionId: uuid('decision_id'),
    /** The coordinator's note when approving a minor variation, rejecting or withdrawing. */
    note: text('note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
  }),
  (t) => [uniqueIndex('plan_variations_number_unique').on(t.planId, t.number), index('plan_variations_plan_idx').on(t.planId, t.status)],
);

export type PlanObjective = typeof planObjectives.$inferSelect;
export type PlanAction = typeof planActions.$inferSelect;
export type PlanIndicator = typeof planIndicators.$inferSelect;
export type PlanBudgetLine = typeof planBudgetLines.$inferSelect;

registerConstraintMessages({
  plans_ambito_period_unique: { key: 'plan.dup.period', field: 'periodStartYear' },
  plan_objectives_code_unique: { key: 'plan.dup.objectiveCode', field: 'code' },
  plan_actions_number_unique: 'plan.dup.actionNumber',
  plan_indicators_code_unique: { key: 'plan.dup.indicatorCode', field: 'code' },
  plan_variations_number_unique: 'plan.dup.variation',
});
