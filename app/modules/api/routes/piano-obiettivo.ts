import type { Route } from './+types/piano-obiettivo';
import { NotFoundError } from '../../../shared/errors.ts';
import { planningApi } from '../../planning/index.server.ts';
import { objectiveFields, readablePlan, toAction, toBudgetLine, toIndicator } from '../api.plans.server.ts';
import { ObjectiveDetail } from '../api.schemas.ts';
import { apiRead } from '../api.server.ts';

/** One objective of a plan by its code, with its regional card, links, actions, indicators (with targets) and budget lines. */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async (read) => {
    const { plan } = await readablePlan(read, params.plan);
    const found = await planningApi.getObjectiveForApi(read.db, plan.id, params.objective);
    if (!found) throw new NotFoundError('L’obiettivo');
    const o = found.objective;
    return {
      data: ObjectiveDetail.parse({
        ...objectiveFields(o),
        budgetCents: found.budget.reduce((s, b) => s + b.amountCents, 0),
        systemObjectives: o.systemObjectives,
        card: o.card,
        links: (o.links ?? {}) as Record<string, unknown>,
        actions: found.actions.map(toAction),
        indicators: found.indicators.map(toIndicator),
        budgetLines: found.budget.map(toBudgetLine),
      }),
    };
  });
}
