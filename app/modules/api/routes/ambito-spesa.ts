import type { Route } from './+types/ambito-spesa';
import { z } from 'zod';
import { financeApi } from '../../finance/index.server.ts';
import { intKey, pageOf, readPage, textKey, uuidKey } from '../api.paging.ts';
import { SpendingRow } from '../api.schemas.ts';
import { apiRead, codeQuery, requireAmbito, yearQuery } from '../api.server.ts';

const KEY = z.tuple([intKey, textKey, textKey, uuidKey]);

/**
 * The social spending of an Ambito by comune × area × channel × year (filters `anno`, `area`). The amounts are public
 * aggregated figures; the notes and the imported file of each row only for who reads the Ambito's money pages.
 */
export function loader({ context, params, request }: Route.LoaderArgs) {
  return apiRead({ context, request }, async ({ db, actor, url }) => {
    const page = readPage(url, 'spesa', KEY);
    const filter = { year: yearQuery(url), area: codeQuery(url, 'area') };
    const ambito = await requireAmbito(db, params.code);
    const inside = financeApi.readsFinanceInside(actor, ambito);
    const rows = await financeApi.listSpendingForApi(db, ambito.id, filter, page);
    return pageOf(
      url,
      'spesa',
      page.limit,
      rows,
      (r) => [r.year, r.areaCode, r.channelCode, r.id],
      (r) =>
        SpendingRow.parse({
          id: r.id,
          year: r.year,
          comune: r.istatCode !== null && r.comuneName !== null ? { istatCode: r.istatCode, name: r.comuneName } : null,
          area: { code: r.areaCode, name: r.areaName },
          channel: { code: r.channelCode, name: r.channelName },
          amountCents: r.amountCents,
          ...(inside ? { note: r.note, source: r.source } : {}),
          version: r.version,
          updatedAt: r.updatedAt.toISOString(),
        }),
    );
  });
}
