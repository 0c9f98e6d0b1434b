import { data } from 'react-router';
import type { Route } from './+types/regional-export';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { parseRegionalSort, regionalCsv, sortRegionalRows } from '../leps.dashboard.ts';
import { authorize } from '../leps.policy.ts';
import { getRegion, getRegionalLepsRows } from '../leps.queries.ts';
import { yearFromUrl } from '../leps.server.ts';

/** The regional LEPS table as CSV (same rows and order as the page). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const region = await getRegion(db, params.regionCode);
  if (!region) throw data('Regione non trovata', { status: 404 });
  await guard(request, async () => authorize(getActor(context), 'leps.regional', { regionCode: region.code }));
  const url = new URL(request.url);
  const year = yearFromUrl(request);
  const sort = parseRegionalSort(url.searchParams.get('ordina'), url.searchParams.get('verso'));
  const rows = sortRegionalRows(await getRegionalLepsRows(db, region.code, year), sort.key, sort.direction);
  return new Response(regionalCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="leps-regione-${region.code}-${year}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
