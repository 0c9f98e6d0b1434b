import type { Route } from './+types/ambiti';
import { getActor, getServices } from '../../../shared/http/request.server.ts';
import { authorize } from '../../territory/index.ts';
import { listAmbiti } from '../../territory/index.server.ts';
import { apiRead } from '../api.server.ts';
import { AmbitoSummary } from '../api.schemas.ts';

export function loader({ context, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async () => {
    const rows = await listAmbiti(getServices(context).db);
    const actor = getActor(context);
    for (const a of rows) authorize(actor, 'ambito.read', a);
    return { data: rows.map((a) => AmbitoSummary.parse({ code: a.code, name: a.name, region: { code: a.regionCode, name: a.regionName } })) };
  });
}
