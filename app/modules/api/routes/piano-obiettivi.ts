import type { Route } from './+types/piano-obiettivi';
import { z } from 'zod';
import { planningApi } from '../../planning/index.server.ts';
import { intKey, pageOf, readPage, textKey } from '../api.paging.ts';
import { objectiveFields, readablePlan } from '../api.plans.server.ts';
import { ObjectiveSummary } from '../api.schemas.ts';
import { apiRead } from '../api.server.ts';

const KEY = z.tuple([intKey, textKey]);

/** A plan's objectives in the plan's order, with how many actions and indicators each has and its budget. */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async (read) => {
    const page = readPage(read.url, 'obiettivi', KEY);
    const { plan } = await readablePlan(read, params.plan);
    const rows = await planningApi.listObjectivesForApi(read.db, plan.id, page);
    return pageOf(
      read.url,
      'obiettivi',
      page.limit,
      rows,
      (o) => [o.position, o.code],
      (o) =>
        ObjectiveSummary.parse({
          ...objectiveFields(o),
          actions: o.actions,
          indicators: o.indicators,
          budgetCents: o.budgetCents,
        }),
    );
  });
}
