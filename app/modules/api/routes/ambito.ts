import type { Route } from './+types/ambito';
import { NotFoundError } from '../../../shared/errors.ts';
import { getActor, getServices } from '../../../shared/http/request.server.ts';
import { authorize } from '../../territory/index.ts';
import { getAmbitoOverview } from '../../territory/index.server.ts';
import { apiRead } from '../api.server.ts';
import { AmbitoDetail } from '../api.schemas.ts';

export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async () => {
    const o = await getAmbitoOverview(getServices(context).db, params.code);
    if (!o) throw new NotFoundError('L’Ambito');
    authorize(getActor(context), 'ambito.read', o.ambito);
    return {
      data: AmbitoDetail.parse({
        code: o.ambito.code,
        name: o.ambito.name,
        region: { code: o.ambito.regionCode, name: o.ambito.regionName },
        managementForm: o.ambito.managementForm,
        healthDistrict: o.ambito.healthDistrict,
        description: o.ambito.description,
        capofila: o.capofila?.istatCode ?? null,
        comuniCount: o.comuni.length,
        population: { total: o.populationTotal, missing: o.populationMissing, source: 'ISTAT, censimento 2011 (CC BY 3.0 IT)' },
        version: o.ambito.version,
        updatedAt: o.ambito.updatedAt.toISOString(),
      }),
    };
  });
}
