import type { Route } from './+types/ambito-bilancio';
import { z } from 'zod';
import { planningApi } from '../../planning/index.server.ts';
import { intKey, pageOf, readPage, textKey, uuidKey } from '../api.paging.ts';
import { toBudgetLine } from '../api.plans.server.ts';
import { AmbitoBudgetLine } from '../api.schemas.ts';
import { apiRead, requireAmbito, uuidQuery, yearQuery } from '../api.server.ts';

const KEY = z.tuple([intKey, intKey, textKey, intKey, uuidKey]);

/**
 * The budget lines of the Ambito's plans the caller reads (the public: adopted plans only) with the objective's
 * macro-area and the fund (filters `piano`, `anno`), oldest plan first, each plan in its order.
 */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async ({ db, actor, url }) => {
    const page = readPage(url, 'bilancio', KEY);
    const filter = { planId: uuidQuery(url, 'piano'), year: yearQuery(url) };
    const ambito = await requireAmbito(db, params.code);
    const statuses = planningApi.readablePlanStatuses(actor, ambito);
    const rows = await planningApi.listBudgetLinesForApi(db, ambito.id, { ...filter, statuses }, page);
    return pageOf(
      url,
      'bilancio',
      page.limit,
      rows,
      (b) => [b.planStartYear, b.objectivePosition, b.objectiveCode, b.position, b.id],
      (b) =>
        AmbitoBudgetLine.parse({
          ...toBudgetLine(b),
          plan: { id: b.planId, periodStartYear: b.planStartYear, periodEndYear: b.planEndYear },
          objective: { code: b.objectiveCode, title: b.objectiveTitle, kind: b.objectiveKind },
          area: b.area,
        }),
    );
  });
}
