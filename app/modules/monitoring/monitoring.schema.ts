import { bigint, boolean, doublePrecision, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { id, ownerRef, versionedColumns } from '../../shared/db/columns.ts';
import { registerConstraintMessages } from '../../shared/db/errors.ts';
import { planIndicators, planObjectives, plans } from '../planning/index.server.ts';
import { comuni } from '../territory/index.server.ts';

/**
 * One measured value of a plan indicator for a period (`2026-S1` by default, `2026` or `2026-Q3` when the
 * indicator's periodicity says so), for the whole Ambito (comune null) or for one comune of it. Exactly one value
 * column is filled, according to the indicator's kind: a number (counts, durations), a yes/no, a text (the stage a
 * process reached) or — for ratios — numerator and denominator (the percentage is never stored).
 */
export const measurements = pgTable(
  'measurements',
  versionedColumns({
    planId: ownerRef('plan_id', () => plans.id),
    indicatorId: ownerRef('indicator_id', () => planIndicators.id),
    period: text('period').notNull(),
    comuneId: uuid('comune_id').references(() => comuni.id),
    valueNumber: doublePrecision('value_number'),
    valueBoolean: boolean('value_boolean'),
    valueText: text('value_text'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    note: text('note'),
  }),
  (t) => [
    unique('measurements_indicator_period_comune_unique').on(t.indicatorId, t.period, t.comuneId).nullsNotDistinct(),
    index('measurements_plan_period_idx').on(t.planId, t.period),
  ],
);

/**
 * A monitoring period approved and locked by the coordinator: measurements whose period lies within it can be
 * neither entered nor changed until it is unlocked (both are audited).
 */
export const periodLocks = pgTable(
  'monitoring_period_locks',
  {
    id: id(),
    planId: ownerRef('plan_id', () => plans.id),
    period: text('period').notNull(),
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text('locked_by').notNull(),
    note: text('note'),
  },
  (t) => [unique('monitoring_period_locks_unique').on(t.planId, t.period)],
);

/**
 * The regional evaluation grid (DGR XII/2167/2024, «Schema di valutazione») filled for one objective of a closing
 * plan. The achievement grade is never stored: it is computed from the realisation percentage of the objective's
 * actions (plan_actions). Spending coincidence is computed from the amounts when both are given, otherwise the
 * stated class and percentage are kept as the evaluator wrote them.
 */
export const objectiveEvaluations = pgTable(
  'objective_evaluations',
  versionedColumns({
    planId: ownerRef('plan_id', () => plans.id),
    objectiveId: ownerRef('objective_id', () => planObjectives.id),
    realisationStatements: jsonb('realisation_statements').$type<string[]>().notNull().default([]),
    realisationNotes: text('realisation_notes'),
    /** The grade the document prints, when the evaluation was imported from a published plan (checked against ours). */
    publishedGrade: jsonb('published_grade').$type<{ percent: number; band: string } | null>(),
    usersEvaluation: text('users_evaluation'),
    resourceAdequacyText: text('resource_adequacy_text'),
    resourceAdequacyLevel: text('resource_adequacy_level'),
    spendingText: text('spending_text'),
    spendingClass: text('spending_class'),
    spendingPercent: doublePrecision('spending_percent'),
    spendingBudgetedCents: bigint('spending_budgeted_cents', { mode: 'number' }),
    spendingPaidCents: bigint('spending_paid_cents', { mode: 'number' }),
    criticalIssues: text('critical_issues'),
    needAnswered: text('need_answered'),
    needAnsweredText: text('need_answered_text'),
    continuityWithPrevious: text('continuity_with_previous'),
    reproposed: text('reproposed'),
    reproposedText: text('reproposed_text'),
    source: text('source'),
  }),
  (t) => [unique('objective_evaluations_objective_unique').on(t.objectiveId), index('objective_evaluations_plan_idx').on(t.planId)],
);

export type Measurement = typeof measurements.$inferSelect;
export type PeriodLock = typeof periodLocks.$inferSelect;
export type ObjectiveEvaluationRow = typeof objectiveEvaluations.$inferSelect;

registerConstraintMessages({
  measurements_indicator_period_comune_unique: { key: 'mon.dup.measurement', field: 'period' },
  monitoring_period_locks_unique: { key: 'mon.dup.lock', field: 'period' },
  objective_evaluations_objective_unique: 'mon.dup.evaluation',
});
