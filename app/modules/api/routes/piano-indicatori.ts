import type { Route } from './+types/piano-indicatori';
import { z } from 'zod';
import { planningApi } from '../../planning/index.server.ts';
import { intKey, pageOf, readPage, textKey } from '../api.paging.ts';
import { readablePlan, toIndicator } from '../api.plans.server.ts';
import { apiRead } from '../api.server.ts';

const KEY = z.tuple([intKey, textKey, intKey, textKey]);

/** Every indicator of a plan with its yearly targets, in the plan's order (objective, then indicator). */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async (read) => {
    const page = readPage(read.url, 'indicatori', KEY);
    const { plan } = await readablePlan(read, params.plan);
    const rows = await planningApi.listIndicatorsForApi(read.db, plan.id, page);
    return pageOf(read.url, 'indicatori', page.limit, rows, (i) => [i.objectivePosition, i.objectiveCode, i.position, i.code], toIndicator);
  });
}
