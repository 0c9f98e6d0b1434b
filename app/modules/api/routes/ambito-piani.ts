import type { Route } from './+types/ambito-piani';
import { planningApi } from '../../planning/index.server.ts';
import { intKey, pageOf, readPage } from '../api.paging.ts';
import { planFields } from '../api.plans.server.ts';
import { PlanSummary } from '../api.schemas.ts';
import { apiRead, requireAmbito } from '../api.server.ts';
import { z } from 'zod';

const KEY = z.tuple([intKey, intKey]);

/** The Ambito's plans the caller reads (the public: adopted ones only), newest period first. */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async ({ db, actor, url }) => {
    const page = readPage(url, 'piani', KEY);
    const ambito = await requireAmbito(db, params.code);
    const statuses = planningApi.readablePlanStatuses(actor, ambito);
    const rows = await planningApi.listPlansForApi(db, ambito.id, statuses, page);
    return pageOf(
      url,
      'piani',
      page.limit,
      rows,
      (p) => [p.periodStartYear, p.periodEndYear],
      (p) => PlanSummary.parse(planFields(p)),
    );
  });
}
