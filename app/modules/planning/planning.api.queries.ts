// What the read API (app/modules/api) reads of the plans: set-based queries with explicit columns, one per list, keyset
// pagination on a unique order (`after` is the key of the last row of the previous page; `limit + 1` rows come back so
// that the caller knows whether there is a next page). No query per row. Internal work data (completeness, variations,
// snapshots, the adoption override reason) is never read here.
import { and, asc, count, desc, eq, inArray, sql, sum, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor, AmbitoScope } from '../../shared/auth/actor.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { hasControlCharacters } from '../../shared/validation.ts';
import { ambiti } from '../territory/index.server.ts';
import { PLAN_STATUSES, type PlanStatus } from './plan-document.schema.ts';
import { can } from './planning.policy.ts';
import { fundName } from './planning.queries.ts';
import { planActions, planBudgetLines, planIndicators, planObjectives, plans } from './planning.schema.ts';

/** A page of a keyset-paginated list: the key of the last row already given (null: from the start) and the page size. */
export interface KeysetPage<K> {
  after: K | null;
  limit: number;
}

/** `(columns…) > (values…)` (or `<` for a descending order): the rows after a key, in a row comparison the index can use. */
function afterKey(columns: readonly (AnyPgColumn | SQL)[], values: readonly unknown[] | null, direction: 'asc' | 'desc' = 'asc'): SQL | undefined {
  if (!values) return undefined;
  const op = direction === 'asc' ? sql`>` : sql`<`;
  return sql`(${sql.join([...columns], sql`, `)}) ${op} (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** The plan statuses of an Ambito the actor reads, by the planning policy (the public reads adopted plans, never drafts). */
export function readablePlanStatuses(actor: Actor, ambito: AmbitoScope): PlanStatus[] {
  return PLAN_STATUSES.filter((status) => can(actor, 'plan.read', { ...ambito, status }));
}

/** True when the actor reads the Ambito's plans from the inside (a draft too): a member of the Ambito or its reviewer. */
export const readsPlansInside = (actor: Actor, ambito: AmbitoScope) => can(actor, 'plan.read', { ...ambito, status: 'draft' });

const planColumns = {
  ...pick(plans, 'id', 'title', 'periodStartYear', 'periodEndYear', 'status', 'adoptionDate', 'adoptionAct', 'version', 'updatedAt'),
  ambitoCode: ambiti.code,
};

/** Key of the plans' order (newest period first): start and end year are unique within an Ambito. */
export type PlanKey = [startYear: number, endYear: number];

/** The Ambito's plans in the given statuses, newest period first. */
export async function listPlansForApi(db: DbOrTx, ambitoId: string, statuses: readonly string[], page: KeysetPage<PlanKey>) {
  if (statuses.length === 0) return [];
  return db
    .select(planColumns)
    .from(plans)
    .innerJoin(ambiti, eq(ambiti.id, plans.ambitoId))
    .where(and(eq(plans.ambitoId, ambitoId), inArray(plans.status, [...statuses]), afterKey([plans.periodStartYear, plans.periodEndYear], page.after, 'desc')))
    .orderBy(desc(plans.periodStartYear), desc(plans.periodEndYear))
    .limit(page.limit + 1);
}

/** A plan with what its policy is checked against (Ambito and status), or null. */
export async function getPlanScopeForApi(db: DbOrTx, planId: string) {
  const [row] = await db
    .select({ ...planColumns, ambitoId: plans.ambitoId, regionCode: ambiti.regionCode })
    .from(plans)
    .innerJoin(ambiti, eq(ambiti.id, plans.ambitoId))
    .where(eq(plans.id, planId));
  if (!row) return null;
  return { plan: row, scope: { id: row.ambitoId, regionCode: row.regionCode, status: row.status as PlanStatus } };
}

/** A plan's header with its template, predecessor and figures (objectives, actions, indicators, budget), in one query. */
export async function getPlanForApi(db: DbOrTx, planId: string) {
  const objectiveIds = db.select({ id: planObjectives.id }).from(planObjectives).where(eq(planObjectives.planId, planId));
  const [row] = await db
    .select({
      ...planColumns,
      ambitoId: plans.ambitoId,
      regionCode: ambiti.regionCode,
      templateId: plans.templateId,
      templateVersion: plans.templateVersion,
      predecessor: plans.predecessor,
      source: plans.source,
      objectives: sql<number>`(select count(*) from ${planObjectives} where ${planObjectives.planId} = ${plans.id})`.mapWith(Number),
      actions: sql<number>`(select count(*) from ${planActions} where ${planActions.objectiveId} in ${objectiveIds})`.mapWith(Number),
      indicators: sql<number>`(select count(*) from ${planIndicators} where ${planIndicators.objectiveId} in ${objectiveIds})`.mapWith(Number),
      budgetCents:
        sql<number>`(select coalesce(sum(${planBudgetLines.amountCents}), 0) from ${planBudgetLines} where ${planBudgetLines.objectiveId} in ${objectiveIds})`.mapWith(
          Number,
        ),
    })
    .from(plans)
    .innerJoin(ambiti, eq(ambiti.id, plans.ambitoId))
    .where(eq(plans.id, planId));
  if (!row) return null;
  return { plan: row, scope: { id: row.ambitoId, regionCode: row.regionCode, status: row.status as PlanStatus } };
}

const objectiveColumns = pick(
  planObjectives,
  'id',
  'code',
  'title',
  'kind',
  'macroArea',
  'policyAreas',
  'priority',
  'description',
  'position',
  'version',
  'updatedAt',
);

/** Key of the objectives' order: the plan's order (position), then the code (unique in the plan). */
export type ObjectiveKey = [position: number, code: string];

/** A plan's objectives in the plan's order, each with how many actions and indicators it has and its budget. */
export async function listObjectivesForApi(db: DbOrTx, planId: string, page: KeysetPage<ObjectiveKey>) {
  const actions = db
    .select({ objectiveId: planActions.objectiveId, n: count().as('actions_n') })
    .from(planActions)
    .groupBy(planActions.objectiveId)
    .as('a');
  const indicators = db
    .select({ objectiveId: planIndicators.objectiveId, n: count().as('indicators_n') })
    .from(planIndicators)
    .groupBy(planIndicators.objectiveId)
    .as('i');
  const budget = db
    .select({ objectiveId: planBudgetLines.objectiveId, cents: sum(planBudgetLines.amountCents).as('budget_cents') })
    .from(planBudgetLines)
    .groupBy(planBudgetLines.objectiveId)
    .as('b');
  return db
    .select({
      ...objectiveColumns,
      actions: sql<number>`coalesce(${actions.n}, 0)`.mapWith(Number),
      indicators: sql<number>`coalesce(${indicators.n}, 0)`.mapWith(Number),
      budgetCents: sql<number>`coalesce(${budget.cents}, 0)`.mapWith(Number),
    })
    .from(planObjectives)
    .leftJoin(actions, eq(actions.objectiveId, planObjectives.id))
    .leftJoin(indicators, eq(indicators.objectiveId, planObjectives.id))
    .leftJoin(budget, eq(budget.objectiveId, planObjectives.id))
    .where(and(eq(planObjectives.planId, planId), afterKey([planObjectives.position, planObjectives.code], page.after)))
    .orderBy(asc(planObjectives.position), asc(planObjectives.code))
    .limit(page.limit + 1);
}

const actionColumns = pick(
  planActions,
  'id',
  'number',
  'description',
  'systemObjective',
  'responsible',
  'startDate',
  'endDate',
  'status',
  'realisationPercent',
  'expectedResults',
  'note',
  'version',
  'updatedAt',
);

const indicatorColumns = pick(
  planIndicators,
  'id',
  'code',
  'label',
  'kind',
  'level',
  'unit',
  'source',
  'periodicity',
  'aggregation',
  'numeratorLabel',
  'denominatorLabel',
  'systemObjective',
  'targets',
  'version',
  'updatedAt',
);

const budgetColumns = pick(planBudgetLines, 'id', 'fund', 'year', 'amountCents', 'note', 'sharedAmong', 'version', 'updatedAt');

/** One objective of a plan by its code, with its card, links, actions, indicators (with targets) and budget lines. */
export async function getObjectiveForApi(db: DbOrTx, planId: string, code: string) {
  // A code from the address with a control character (`/obiettivi/%00`) names no objective: PostgreSQL could not compare it.
  if (hasControlCharacters(code)) return null;
  const [objective] = await db
    .select({ ...objectiveColumns, systemObjectives: planObjectives.systemObjectives, card: planObjectives.card, links: planObjectives.links })
    .from(planObjectives)
    .where(and(eq(planObjectives.planId, planId), eq(planObjectives.code, code)));
  if (!objective) return null;
  const [actions, indicators, budget] = await Promise.all([
    db
      .select({ ...actionColumns, objectiveCode: sql<string>`${code}` })
      .from(planActions)
      .where(eq(planActions.objectiveId, objective.id))
      .orderBy(asc(planActions.position), asc(planActions.number)),
    db
      .select({ ...indicatorColumns, objectiveCode: sql<string>`${code}`, actionNumber: planActions.number })
      .from(planIndicators)
      .leftJoin(planActions, eq(planActions.id, planIndicators.actionId))
      .where(eq(planIndicators.objectiveId, objective.id))
      .orderBy(asc(planIndicators.position), asc(planIndicators.code)),
    db
      .select(budgetColumns)
      .from(planBudgetLines)
      .where(eq(planBudgetLines.objectiveId, objective.id))
      .orderBy(asc(planBudgetLines.position), asc(planBudgetLines.id)),
  ]);
  return { objective, actions, indicators, budget: budget.map((b) => ({ ...b, fundName: fundName(b.fund) })) };
}

/** Key of the actions' order: the objective's place and code, then the action's place and number (unique in the objective). */
export type ActionKey = [objectivePosition: number, objectiveCode: string, position: number, number: string];

/** Every action of a plan, in the plan's order. */
export async function listActionsForApi(db: DbOrTx, planId: string, page: KeysetPage<ActionKey>) {
  return db
    .select({ ...actionColumns, objectiveCode: planObjectives.code, objectivePosition: planObjectives.position, position: planActions.position })
    .from(planActions)
    .innerJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId))
    .where(
      and(eq(planObjectives.planId, planId), afterKey([planObjectives.position, planObjectives.code, planActions.position, planActions.number], page.after)),
    )
    .orderBy(asc(planObjectives.position), asc(planObjectives.code), asc(planActions.position), asc(planActions.number))
    .limit(page.limit + 1);
}

/** Key of the indicators' order: the objective's place and code, then the indicator's place and code (unique in the objective). */
export type IndicatorKey = [objectivePosition: number, objectiveCode: string, position: number, code: string];

/** Every indicator of a plan with its yearly targets and the action it measures (null: the objective as a whole), in the plan's order. */
export async function listIndicatorsForApi(db: DbOrTx, planId: string, page: KeysetPage<IndicatorKey>) {
  return db
    .select({
      ...indicatorColumns,
      objectiveCode: planObjectives.code,
      objectivePosition: planObjectives.position,
      position: planIndicators.position,
      actionNumber: planActions.number,
    })
    .from(planIndicators)
    .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
    .leftJoin(planActions, eq(planActions.id, planIndicators.actionId))
    .where(
      and(
        eq(planObjectives.planId, planId),
        afterKey([planObjectives.position, planObjectives.code, planIndicators.position, planIndicators.code], page.after),
      ),
    )
    .orderBy(asc(planObjectives.position), asc(planObjectives.code), asc(planIndicators.position), asc(planIndicators.code))
    .limit(page.limit + 1);
}

/** Key of the budget lines' order: the plan's first year, the objective's place and code, the line's place and id. */
export type BudgetLineKey = [planStartYear: number, objectivePosition: number, objectiveCode: string, position: number, id: string];

/**
 * The budget lines of an Ambito's plans in the given statuses (optionally of one plan, of one year), with the objective's
 * macro-area and the fund, oldest plan first, each plan in its order.
 */
export async function listBudgetLinesForApi(
  db: DbOrTx,
  ambitoId: string,
  filter: { statuses: readonly string[]; planId: string | null; year: number | null },
  page: KeysetPage<BudgetLineKey>,
) {
  if (filter.statuses.length === 0) return [];
  const rows = await db
    .select({
      ...budgetColumns,
      position: planBudgetLines.position,
      planId: plans.id,
      planStartYear: plans.periodStartYear,
      planEndYear: plans.periodEndYear,
      objectiveCode: planObjectives.code,
      objectiveTitle: planObjectives.title,
      objectiveKind: planObjectives.kind,
      objectivePosition: planObjectives.position,
      area: planObjectives.macroArea,
    })
    .from(planBudgetLines)
    .innerJoin(planObjectives, eq(planObjectives.id, planBudgetLines.objectiveId))
    .innerJoin(plans, eq(plans.id, planObjectives.planId))
    .where(
      and(
        eq(plans.ambitoId, ambitoId),
        inArray(plans.status, [...filter.statuses]),
        filter.planId ? eq(plans.id, filter.planId) : undefined,
        filter.year !== null ? eq(planBudgetLines.year, filter.year) : undefined,
        afterKey([plans.periodStartYear, planObjectives.position, planObjectives.code, planBudgetLines.position, planBudgetLines.id], page.after),
      ),
    )
    .orderBy(asc(plans.periodStartYear), asc(planObjectives.position), asc(planObjectives.code), asc(planBudgetLines.position), asc(planBudgetLines.id))
    .limit(page.limit + 1);
  return rows.map((r) => ({ ...r, fundName: fundName(r.fund) }));
}
