import type { Route } from './+types/ambiti';
import { getActor, getServices } from '../../../shared/http/request.server.ts';
import { authorize } from '../../territory/index.ts';
import { listAmbiti } from '../../territory/index.server.ts';
import { apiJson } from '../api.server.ts';
import { AmbitoSummary } from '../api.schemas.ts';

export function loader({ context }: Route.LoaderArgs) {
  return apiJson(context, async () => {
    const rows = await listAmbiti(getServices(context).db);
    const actor = getActor(context);
    for (const a of rows) authorize(actor, 'ambito.read', a);
    return { data: rows.map((a) => AmbitoSummary.parse({ code: a.code, name: a.name, region: { code: a.regionCode, name: a.regionName } })) };
  });
}
