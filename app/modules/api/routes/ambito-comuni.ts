import type { Route } from './+types/ambito-comuni';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { getActor, getServices } from '../../../shared/http/request.server.ts';
import { authorize } from '../../territory/index.ts';
import { getAmbitoByCode, listAmbitoComuni, today } from '../../territory/index.server.ts';
import { apiRead } from '../api.server.ts';
import { ComuneOfAmbito } from '../api.schemas.ts';
import { isIsoDateInRange } from '../../../shared/validation.ts';

export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async () => {
    const date = new URL(request.url).searchParams.get('date') ?? today();
    if (!isIsoDateInRange(date)) {
      throw new ValidationError([{ path: 'date', message: 'data non valida: usa il formato AAAA-MM-GG' }]);
    }
    const { db } = getServices(context);
    const ambito = await getAmbitoByCode(db, params.code);
    if (!ambito) throw new NotFoundError('L’Ambito');
    authorize(getActor(context), 'ambito.read', ambito);
    const rows = await listAmbitoComuni(db, ambito.id, date);
    return {
      date,
      data: rows.map((c) =>
        ComuneOfAmbito.parse({
          istatCode: c.istatCode,
          name: c.name,
          province: c.provinceName,
          isCapofila: c.isCapofila,
          memberSince: c.validFrom,
          population2011: c.population,
        }),
      ),
    };
  });
}
