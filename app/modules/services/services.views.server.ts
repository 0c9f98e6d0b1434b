// The read model of the catalogue page: the Ambito's services with their names resolved, the page's figures and the
// chart of the latest year's spending by macro-activity (rendered here, on the server, as SVG).
import { barChart } from '../../shared/charts/charts.ts';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { listAmbitoServices } from './services.public.queries.ts';
import { serviceReferences } from './services.queries.ts';
import { catalogueSummary, filterServices } from './services.rules.ts';

export interface CatalogueFilters {
  area: string | null;
  management: string | null;
  macro: string | null;
}

/** The filters of the page's address (`?area=&gestione=&macro=`). */
export function filtersOf(url: URL): CatalogueFilters {
  const get = (name: string) => url.searchParams.get(name)?.trim() || null;
  return { area: get('area'), management: get('gestione'), macro: get('macro') };
}

export async function getCataloguePage(db: DbOrTx, ambitoId: string, filters: CatalogueFilters) {
  const [records, refs] = await Promise.all([listAmbitoServices(db, ambitoId), serviceReferences(db, ambitoId)]);
  const areaName = new Map(refs.areas.map((a) => [a.code, a.name]));
  const summary = catalogueSummary(records);
  const latest = summary.latestYear;
  const rows = filterServices(records, filters).map((s) => {
    const y = s.years.find((x) => x.year === latest);
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      typeCode: s.typeCode,
      typeName: s.typeName,
      macroCode: s.macroCode,
      areaCode: s.areaCode,
      areaName: areaName.get(s.areaCode) ?? s.areaCode,
      management: s.management,
      comuneName: s.comuneName,
      providerName: s.providerName,
      active: s.active,
      users: y?.users ?? null,
      spendCents: y?.spendCents ?? null,
    };
  });
  const macroLabel = (m: { macroCode: string | null; macroName: string | null }) => (m.macroCode ? `${m.macroCode} – ${m.macroName}` : tr('svc.list.noType'));
  const chartSvg =
    summary.spendByMacro.length > 0
      ? renderChartSvg(
          barChart({
            name: tr('svc.list.chart.series'),
            points: summary.spendByMacro.map((m) => ({ label: macroLabel(m), value: Math.round(m.cents / 100) })),
          }),
          { width: 760, height: 60 + 44 * summary.spendByMacro.length },
        )
      : null;
  const macros = [...new Map(refs.types.map((t) => [t.macroCode, t.macroName])).entries()].map(([code, name]) => ({ code, name }));
  return {
    rows,
    total: records.length,
    summary,
    spendByMacro: summary.spendByMacro.map((m) => ({ ...m, label: macroLabel(m) })),
    chartSvg,
    refs: { ...refs, macros },
  };
}
