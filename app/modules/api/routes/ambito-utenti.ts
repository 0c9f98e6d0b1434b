import type { Route } from './+types/ambito-utenti';
import { z } from 'zod';
import { financeApi } from '../../finance/index.server.ts';
import { intKey, pageOf, readPage, textKey, uuidKey } from '../api.paging.ts';
import { serviceUsersFigures } from '../api.privacy.ts';
import { ServiceUsersRow } from '../api.schemas.ts';
import { apiRead, codeQuery, requireAmbito, yearQuery } from '../api.server.ts';

const KEY = z.tuple([intKey, textKey, uuidKey]);

/**
 * The users of an Ambito's services by comune × area × year, with the area's spending and the cost per user (filters
 * `anno`, `area`). Counts of people: exact for who reads the Ambito's money pages, through publishCount for everyone else.
 */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async ({ db, actor, url }) => {
    const page = readPage(url, 'utenti', KEY);
    const filter = { year: yearQuery(url), area: codeQuery(url, 'area') };
    const ambito = await requireAmbito(db, params.code);
    const inside = financeApi.readsFinanceInside(actor, ambito);
    const rows = await financeApi.listServiceUsersForApi(db, ambito.id, filter, page);
    return pageOf(
      url,
      'utenti',
      page.limit,
      rows,
      (r) => [r.year, r.areaCode, r.id],
      (r) =>
        ServiceUsersRow.parse({
          id: r.id,
          year: r.year,
          comune: r.istatCode !== null && r.comuneName !== null ? { istatCode: r.istatCode, name: r.comuneName } : null,
          area: { code: r.areaCode, name: r.areaName },
          ...serviceUsersFigures(r.users, r.spendCents, !inside),
          spendCents: r.spendCents,
          ...(inside ? { note: r.note, source: r.source } : {}),
          version: r.version,
          updatedAt: r.updatedAt.toISOString(),
        }),
    );
  });
}
