import type { Route } from './+types/template';
import { guard } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { csvTemplate, XLSX_MIME, xlsxTemplate, type TemplateContext } from '../collection.files.ts';
import { authorize } from '../collection.policy.ts';
import { getEntryPage } from '../collection.queries.ts';
import { COLLECTION_ITEMS, type CollectionItem } from '../collection.rules.ts';
import { openEntry } from '../collection.server.ts';

/**
 * The templates of one recipient of a request, headed with the template version, the comune and the year and
 * pre-filled with what was entered: `modello.xlsx` (every item) or `modello-<item>.csv`.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito, request: req, comune } = await openEntry(context, request, params);
  await guard(request, async () => authorize(actor, 'entry.fill', { ...ambito, comuneId: comune.id }));
  const page = await getEntryPage(db, req, comune.id);
  if (!page) throw new Response(tr('coll.cmd.notFound.entry'), { status: 404 });
  const ctx: TemplateContext = {
    comuneIstat: comune.istatCode,
    year: req.year,
    items: req.items as CollectionItem[],
    values: Object.fromEntries(page.entries.map((e) => [e.item, e.values])),
    catalogue: page.catalogue,
    slots: page.slots,
  };
  const name = `raccolta-${req.year}-${comune.istatCode}`;
  const disposition = (file: string) => `attachment; filename="${file}"`;
  if (params.file === 'modello.xlsx') {
    return new Response((await xlsxTemplate(ctx)) as Uint8Array<ArrayBuffer>, {
      headers: { 'Content-Type': XLSX_MIME, 'Content-Disposition': disposition(`${name}.xlsx`) },
    });
  }
  const item = /^modello-(.+)\.csv$/.exec(params.file ?? '')?.[1] as CollectionItem | undefined;
  if (item && (COLLECTION_ITEMS as readonly string[]).includes(item) && ctx.items.includes(item)) {
    return new Response(csvTemplate(item, ctx), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition(`${name}-${item}.csv`) },
    });
  }
  throw new Response(tr('coll.cmd.notFound.entry'), { status: 404 });
}
