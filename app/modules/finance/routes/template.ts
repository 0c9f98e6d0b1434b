import type { Route } from './+types/template';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { authorize } from '../finance.policy.ts';
import { getCatalogue } from '../catalogue.queries.ts';
import { requireAmbito } from '../finance.server.ts';
import { buildSpendingTemplate, spendingCsvTemplate, XLSX_MIME } from '../spending-xlsx.ts';

/** The downloadable templates of the spending import: XLSX (two sheets and the allowed codes) and the two CSV headers. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  await guard(request, async () => authorize(getActor(context), 'spending.import', ambito));
  const disposition = (name: string) => `attachment; filename="${name}"`;
  switch (params.file) {
    case 'modello-spesa.xlsx': {
      const catalogue = await getCatalogue(db);
      const body = await buildSpendingTemplate({ areas: catalogue.areas, fundingSources: catalogue.fundingSources });
      return new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': XLSX_MIME, 'Content-Disposition': disposition(params.file) } });
    }
    case 'modello-spesa.csv':
      return new Response(spendingCsvTemplate('spesa'), {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition(params.file) },
      });
    case 'modello-utenti.csv':
      return new Response(spendingCsvTemplate('utenti'), {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition(params.file) },
      });
    default:
      throw new Response('Modello non trovato', { status: 404 });
  }
}
