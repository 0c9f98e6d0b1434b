// What the social-impact report's pages do first: the Ambito of the URL, the report asked for (the year of `?anno=`, else
// the latest published), the reader's right to see it (a draft is hidden from anyone outside the Ambito), and the view.
import { data, type RouterContextProvider } from 'react-router';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import { getActor, getServices, guard } from '../../shared/http/request.server.ts';
import { requestLocale, tr } from '../../shared/i18n/tr.server.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { buildImpactView } from './impact.build.ts';
import { getImpactReportOfYear, latestPublishedReport, listImpactReports, readImpactInput } from './impact.queries.ts';
import { authorize, can, abilitiesFor } from './reports.policy.ts';

/** The year of `?anno=` (2000-2100), or null when absent or not a year. */
export function yearParam(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get('anno');
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
}

/** The Ambito of the URL, or 404. */
export async function impactAmbito(context: Readonly<RouterContextProvider>, code: string) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data(tr('rep.impact.notFound'), { status: 404 });
  return { db, ambito, scope: { id: ambito.id, regionCode: ambito.regionCode } };
}

/**
 * The report a page shows and its view: the year of `?anno=` (404 when there is none, or when it is a draft the reader
 * may not see), else the latest published one (null when none is published). The other years the reader may open are
 * listed too.
 */
export async function openImpactReport(context: Readonly<RouterContextProvider>, request: Request, code: string) {
  const { db, ambito, scope } = await impactAmbito(context, code);
  const actor = getActor(context);
  const year = yearParam(request);
  const report = year !== null ? await getImpactReportOfYear(db, ambito.id, year) : await latestPublishedReport(db, ambito.id);
  if (year !== null && !report) throw data(tr('rep.impact.notFound'), { status: 404 });
  if (report) await guard(request, async () => authorize(actor, 'impact.read', { ...scope, published: report.status === 'published' }, { hide: true }));
  const readable = (await listImpactReports(db, ambito.id)).filter((r) => can(actor, 'impact.read', { ...scope, published: r.status === 'published' }));
  const view = report ? buildImpactView(await readImpactInput(db, ambito, report), { locale: requestLocale(), renderSvg: renderChartSvg }) : null;
  return {
    db,
    actor,
    ambito,
    view,
    can: abilitiesFor(actor, { ...scope, published: report?.status === 'published' }),
    years: readable.map((r) => ({ year: r.year, published: r.status === 'published' })),
  };
}
