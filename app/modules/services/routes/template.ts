import type { Route } from './+types/template';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { servicesCsvTemplate } from '../services.import.ts';
import { authorize } from '../services.policy.ts';
import { requireAmbito } from '../services.server.ts';

/** The template of the catalogue CSV (header and one example row), for the Ufficio di Piano. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  await guard(request, async () => authorize(getActor(context), 'services.write', ambito));
  return new Response(servicesCsvTemplate(), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="modello-servizi.csv"' },
  });
}
