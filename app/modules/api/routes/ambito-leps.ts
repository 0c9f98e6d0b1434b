import type { Route } from './+types/ambito-leps';
import { z } from 'zod';
import { lepsApi } from '../../leps/index.server.ts';
import { todayInRome } from '../../monitoring/index.server.ts';
import { intKey, pageOf, readPage } from '../api.paging.ts';
import { LepsYear } from '../api.schemas.ts';
import { apiRead, requireAmbito } from '../api.server.ts';

const KEY = z.tuple([intKey]);

/**
 * The social-worker ratio of an Ambito year by year up to the current year: FTE, population, inhabitants per FTE and
 * the two targets of L. 178/2020. Aggregated figures (no post, employer or person): public, as on the portal.
 */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async ({ db, url }) => {
    const page = readPage(url, 'leps', KEY);
    const ambito = await requireAmbito(db, params.code);
    const years = await lepsApi.lepsRatioByYearForApi(db, ambito.id, Number(todayInRome().slice(0, 4)));
    const after = page.after?.[0];
    const rows = years.filter((y) => after === undefined || y.year > after).slice(0, page.limit + 1);
    return pageOf(
      url,
      'leps',
      page.limit,
      rows,
      (y) => [y.year],
      (y) => LepsYear.parse(y),
    );
  });
}
