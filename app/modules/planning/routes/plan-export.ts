import type { Route } from './+types/plan-export';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { exportPlan } from '../planning.commands.ts';
import { serializePlanDocument } from '../plan-document.schema.ts';
import { requirePlanInAmbito } from '../planning.server.ts';

/** The whole plan as the canonical exchange document (JSON v1), as a download. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requirePlanInAmbito(db, params.code, params.planId);
  const doc = await guard(request, () => exportPlan({ db, actor: getActor(context), planId: params.planId }));
  const name = `piano-${header.ambitoCode}-${header.plan.periodStartYear}-${header.plan.periodEndYear}.json`;
  return new Response(serializePlanDocument(doc), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' },
  });
}
