import { data } from 'react-router';
import type { Route } from './+types/returns-file';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { areaChannelCsv, fnpsMatrixCsv, fundCorrectionsCsv, fundsCsv, siossBodiesCsv, siossOfferCsv, socialWorkerReturnCsv } from '../returns.csv.ts';
import { RETURN_FILES, type ReturnFile } from '../returns.files.ts';
import { openReturns } from '../returns.server.ts';

/**
 * One return of the year as a CSV file (`;`, UTF-8 with BOM) to upload or copy into the national or regional form:
 * `/ambiti/<code>/adempimenti/<file>?anno=<year>`, the files named in returns.files.ts. Same readers as the page.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const file = params.file as ReturnFile;
  if (!(RETURN_FILES as readonly string[]).includes(file)) throw data(tr('rep.returns.notFound'), { status: 404 });
  const { ambito, year, view } = await openReturns(context, request, params.code);
  const ctx = { ambitoCode: ambito.code, ambitoName: ambito.name, generatedAt: new Date().toISOString() };
  const areaName = (code: string) => view.areaNames.find((a) => a.code === code)?.name ?? code;
  const csv: Record<ReturnFile, () => string> = {
    'assistenti-sociali-l178.csv': () => socialWorkerReturnCsv(view.socialWorkers, ctx),
    'sioss-servizi.csv': () => siossOfferCsv(view.sioss, ctx),
    'sioss-enti-attuatori.csv': () => siossBodiesCsv(view.sioss, ctx),
    'fondi-nazionali.csv': () => fundsCsv(view.funds, year, ctx, areaName),
    'fondi-rettifiche.csv': () => fundCorrectionsCsv(view.funds, year, ctx),
    'spesa-area-canale.csv': () => areaChannelCsv(view.areaChannel, year, ctx),
    'fnps-matrice.csv': () => fnpsMatrixCsv(view.fnps, year, ctx),
  };
  const body = csv[file]();
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${ambito.code}-${year}-${file}"`,
      'Cache-Control': 'private, no-cache',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
