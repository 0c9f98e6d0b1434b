import type { Route } from './+types/piano-azioni';
import { z } from 'zod';
import { planningApi } from '../../planning/index.server.ts';
import { intKey, pageOf, readPage, textKey } from '../api.paging.ts';
import { readablePlan, toAction } from '../api.plans.server.ts';
import { apiRead } from '../api.server.ts';

const KEY = z.tuple([intKey, textKey, intKey, textKey]);

/** Every action of a plan, in the plan's order (objective, then action). */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async (read) => {
    const page = readPage(read.url, 'azioni', KEY);
    const { plan } = await readablePlan(read, params.plan);
    const rows = await planningApi.listActionsForApi(read.db, plan.id, page);
    return pageOf(read.url, 'azioni', page.limit, rows, (a) => [a.objectivePosition, a.objectiveCode, a.position, a.number], toAction);
  });
}
