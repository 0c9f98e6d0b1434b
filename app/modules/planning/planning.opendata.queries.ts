// Reads for the open-data module (app/modules/opendata): the public plans of an Ambito with their objectives,
// actions, indicators and budget lines, each with the instant of its last change. Only plans the public may read
// (planning.policy.ts: not while draft or in consultation).
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { planActions, planBudgetLines, planIndicators, planObjectives, plans } from './planning.schema.ts';

/** Plan statuses that are not public yet. */
const NOT_PUBLIC = ['draft', 'consultation'];

export async function readPublicPlans(db: DbOrTx, ambitoId: string) {
  const planRows = await db
    .select(pick(plans, 'id', 'title', 'periodStartYear', 'periodEndYear', 'status', 'adoptionDate', 'updatedAt'))
    .from(plans)
    .where(and(eq(plans.ambitoId, ambitoId), notInArray(plans.status, NOT_PUBLIC)))
    .orderBy(asc(plans.periodStartYear), asc(plans.title));
  const planIds = planRows.map((p) => p.id);
  const objectives = planIds.length
    ? await db
        .select(pick(planObjectives, 'id', 'planId', 'code', 'title', 'kind', 'macroArea', 'policyAreas', 'priority', 'position', 'weight', 'updatedAt'))
        .from(planObjectives)
        .where(inArray(planObjectives.planId, planIds))
        .orderBy(asc(planObjectives.position))
    : [];
  const objectiveIds = objectives.map((o) => o.id);
  const [actions, indicators, budgetLines] = objectiveIds.length
    ? await Promise.all([
        db
          .select(
            pick(
              planActions,
              'id',
              'objectiveId',
              'number',
              'description',
              'responsible',
              'startDate',
              'endDate',
              'status',
              'realisationPercent',
              'expectedResults',
              'position',
              'updatedAt',
            ),
          )
          .from(planActions)
          .where(inArray(planActions.objectiveId, objectiveIds))
          .orderBy(asc(planActions.position)),
        db
          .select(
            pick(
              planIndicators,
              'id',
              'objectiveId',
              'actionId',
              'code',
              'label',
              'kind',
              'unit',
              'level',
              'periodicity',
              'aggregation',
              'targets',
              'position',
              'updatedAt',
            ),
          )
          .from(planIndicators)
          .where(inArray(planIndicators.objectiveId, objectiveIds))
          .orderBy(asc(planIndicators.position)),
        db
          .select(pick(planBudgetLines, 'id', 'objectiveId', 'fund', 'year', 'amountCents', 'note', 'sharedAmong', 'position', 'updatedAt'))
          .from(planBudgetLines)
          .where(inArray(planBudgetLines.objectiveId, objectiveIds))
          .orderBy(asc(planBudgetLines.position)),
      ])
    : [[], [], []];
  return { plans: planRows, objectives, actions, indicators, budgetLines };
}

export type PublicPlans = Awaited<ReturnType<typeof readPublicPlans>>;
