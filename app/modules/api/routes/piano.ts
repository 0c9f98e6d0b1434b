import type { Route } from './+types/piano';
import { NotFoundError } from '../../../shared/errors.ts';
import { can as canPlan } from '../../planning/index.ts';
import { planningApi } from '../../planning/index.server.ts';
import { planFields } from '../api.plans.server.ts';
import { PlanDetail } from '../api.schemas.ts';
import { apiRead, uuidParam } from '../api.server.ts';

/** A plan with its template, predecessor and figures; 404 for a plan the caller may not read (a draft, to the public). */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async ({ db, actor }) => {
    const found = await planningApi.getPlanForApi(db, uuidParam('plan', params.plan));
    if (!found || !canPlan(actor, 'plan.read', found.scope)) throw new NotFoundError('Il piano');
    const p = found.plan;
    const predecessor = p.predecessor as { periodStartYear: number; periodEndYear: number; title?: string | null } | null;
    return {
      data: PlanDetail.parse({
        ...planFields(p),
        template: { id: p.templateId, version: p.templateVersion },
        predecessor: predecessor
          ? { periodStartYear: predecessor.periodStartYear, periodEndYear: predecessor.periodEndYear, title: predecessor.title ?? null }
          : null,
        source: p.source,
        figures: { objectives: p.objectives, actions: p.actions, indicators: p.indicators, budgetCents: p.budgetCents },
      }),
    };
  });
}
