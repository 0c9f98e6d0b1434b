// The regional workspace's page and exports (a Region's, or Italy's): what the loader reads, the refresh it can queue,
// the charts it draws and the table it exports. The route modules stay thin.
import { data, redirect } from 'react-router';
import type { RouterContextProvider } from 'react-router';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import { writeCsv, type CsvValue } from '../../shared/exports/csv.ts';
import { writeXlsx, XLSX_MIME } from '../../shared/exports/xlsx.ts';
import { formatterFor } from '../../shared/format/index.ts';
import { intentAction } from '../../shared/http/forms.server.ts';
import { getActor, getRequestState, getServices, guard } from '../../shared/http/request.server.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { readFinanceCatalogue } from '../finance/index.server.ts';
import { compareChart, histogramChart, rankingChart } from './region.charts.ts';
import { authorize } from './region.policy.ts';
import { getRegion, loadWorkspace } from './region.queries.ts';
import { queueRefresh } from './region.refresh.ts';
import {
  applyFilters,
  CHART_MEASURES,
  distribution,
  filterChoices,
  measureValue,
  medians,
  parseFilters,
  parseSort,
  sortRows,
  toRow,
  type Measure,
  type WorkspaceRow,
} from './region.rules.ts';

type Ctx = Readonly<RouterContextProvider>;

export const VIEWS = ['sintesi', 'leps', 'spesa', 'risorse'] as const;
export type View = (typeof VIEWS)[number];
export const TABLE_ID = 'ambiti';
/** Ambiti per page of the table. */
export const PAGE_SIZE = 50;

const yearParam = (url: URL): number | null => {
  const raw = url.searchParams.get('anno');
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
};

/** The scope of the URL (a Region, or Italy), authorised for the actor. */
async function openScope(context: Ctx, request: Request, regionCode: string | null) {
  const { db } = getServices(context);
  const region = regionCode ? await getRegion(db, regionCode) : null;
  if (regionCode && !region) throw data(tr('region.notFound'), { status: 404 });
  await guard(request, async () => authorize(getActor(context), regionCode ? 'region.read' : 'region.national', { regionCode }));
  return { db, region };
}

/** Everything the page shows, for a Region (regionCode) or for Italy (null). */
export async function loadWorkspacePage(context: Ctx, request: Request, regionCode: string | null) {
  const { db, region } = await openScope(context, request, regionCode);
  const url = new URL(request.url);
  const locale = getRequestState(context).locale;
  const f = formatterFor(locale === 'en' ? 'en' : 'it');
  // The year asked, else the default from the years with figures (read once, inside loadWorkspace).
  const workspace = await loadWorkspace(db, { regionCode, year: yearParam(url), currentYear: new Date().getFullYear() });
  const year = workspace.year;
  const catalogue = await readFinanceCatalogue(db);
  const all = workspace.rows.map(toRow);
  const filters = parseFilters(url.searchParams);
  if (regionCode) filters.region = null;
  const shown = applyFilters(all, filters);
  const sort = parseSort(url.searchParams.get(`${TABLE_ID}-ordina`), url.searchParams.get(`${TABLE_ID}-verso`));
  const rows = sortRows(shown, sort.key, sort.direction);
  // The table shows a page of PAGE_SIZE Ambiti (the rendering of 600 rows cost more than reading them); the charts,
  // the medians and the exports take every Ambito the filters keep.
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const pageNumber = Math.min(pages, Math.max(1, Number.parseInt(url.searchParams.get('pagina') ?? '1', 10) || 1));
  const view = (VIEWS as readonly string[]).includes(url.searchParams.get('vista') ?? '') ? (url.searchParams.get('vista') as View) : 'sintesi';
  const measureParam = url.searchParams.get('misura');
  const measure: Measure = CHART_MEASURES.includes(measureParam as Measure) ? (measureParam as Measure) : 'spesa_per_abitante';
  const med = medians(all);
  const charts = buildCharts({ rows, all, measure, medians: med, compareCode: url.searchParams.get('confronta'), f, national: regionCode === null });
  // Areas and funds that appear in the rows shown (columns of the «spesa» and «risorse» views).
  const areaCodes = [...new Set(rows.flatMap((r) => Object.keys(r.spendingByArea)))];
  const fundCodes = [...new Set(rows.flatMap((r) => Object.keys(r.budgetByFund)))];
  const areaName = new Map(catalogue.areas.map((a) => [a.code, a.name]));
  const fundName = new Map(catalogue.sources.map((s) => [s.code, s.shortName ?? s.name]));
  return {
    region: region ? { code: region.code, name: region.name } : null,
    year,
    years: workspace.years,
    view,
    measure,
    sort,
    filters,
    choices: filterChoices(all),
    /** Every Ambito the filters keep, sorted (the exports); the page shows `pageRows`. */
    rows,
    pageRows: rows.slice((pageNumber - 1) * PAGE_SIZE, pageNumber * PAGE_SIZE),
    shownCount: rows.length,
    /** The Ambiti one can compare with the median (the select of the charts). */
    compareChoices: [...rows].sort((a, b) => a.ambitoName.localeCompare(b.ambitoName, 'it')).map((r) => ({ code: r.ambitoCode, name: r.ambitoName })),
    page: { number: pageNumber, pages, size: PAGE_SIZE },
    total: all.length,
    ambitiInScope: workspace.ambitiInScope,
    computedFrom: workspace.computedFrom,
    computedTo: workspace.computedTo,
    stale: all.filter((r) => r.stale).length,
    pending: workspace.pending,
    /** The user asked for the refresh: the page reloads itself while it runs (a link stops it). */
    autoRefresh: url.searchParams.get('aggiorna') === '1',
    medians: med,
    charts,
    areas: areaCodes.map((code) => ({ code, name: areaName.get(code) ?? code })).sort((a, b) => a.code.localeCompare(b.code)),
    funds: fundCodes.map((code) => ({ code, name: fundName.get(code) ?? code })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** What the page itself receives: everything but the full list of rows (only the exports need it). */
export async function workspacePageData(context: Ctx, request: Request, regionCode: string | null) {
  const { rows: _all, ...page } = await loadWorkspacePage(context, request, regionCode);
  return page;
}

/** How a measure's value is written (money in cents, shares as percentages, counts, FTE). */
export function measureText(f: ReturnType<typeof formatterFor>, m: Measure, v: number | null): string {
  if (v === null) return '—';
  switch (m) {
    case 'risorse_per_abitante':
    case 'spesa_per_abitante':
      return f.money(v);
    case 'copertura':
    case 'target_raggiunti':
      return f.percent(v * 100, 1);
    case 'gap_leps':
      return f.fte(v);
    case 'abitanti_per_as':
      return f.numberUpTo(v, 0);
    default:
      return f.count(v);
  }
}

/** The value a chart draws: euro for money, percent for shares. */
const chartValue = (m: Measure, v: number) =>
  m === 'risorse_per_abitante' || m === 'spesa_per_abitante' ? v / 100 : m === 'copertura' || m === 'target_raggiunti' ? v * 100 : v;

const RANKING_MAX = 40;

function buildCharts(input: {
  rows: WorkspaceRow[];
  all: WorkspaceRow[];
  measure: Measure;
  medians: Record<Measure, number | null>;
  compareCode: string | null;
  f: ReturnType<typeof formatterFor>;
  national: boolean;
}) {
  const { rows, measure, f } = input;
  const label = tr(`region.measure.${measure}` as MessageKey);
  const values = rows.map((r) => measureValue(r, measure));
  const dist = distribution(values, 8);
  const text = (v: number) => measureText(f, measure, v);
  const classes = dist.classes.map((c) => ({ label: `${text(c.from)} – ${text(c.to)}`, count: c.count }));
  const median = input.medians[measure];
  const ranked = rows
    .map((r) => ({ name: r.ambitoName, code: r.ambitoCode, value: measureValue(r, measure) }))
    .filter((p): p is { name: string; code: string; value: number } => p.value !== null)
    .sort((a, b) => b.value - a.value);
  // Many Ambiti: the top and the bottom of the ranking (the table has them all).
  const shownRanking = ranked.length > RANKING_MAX ? [...ranked.slice(0, RANKING_MAX / 2), ...ranked.slice(-RANKING_MAX / 2)] : ranked;
  const medianLabel = tr(input.national ? 'region.median.national' : 'region.median');
  const compared = input.compareCode ? (input.all.find((r) => r.ambitoCode === input.compareCode) ?? null) : null;
  const comparePoints = compared
    ? CHART_MEASURES.map((m) => {
        const v = measureValue(compared, m);
        const med = input.medians[m];
        return {
          measure: m,
          label: tr(`region.measure.${m}` as MessageKey),
          value: measureText(f, m, v),
          median: measureText(f, m, med),
          pct: v !== null && med ? (v / med) * 100 : null,
        };
      })
    : [];
  return {
    label,
    distribution: {
      svg: dist.classes.length ? renderChartSvg(histogramChart({ classes, name: label }), { width: 720, height: 300 }) : null,
      classes,
      missing: dist.missing,
      present: values.length - dist.missing,
      median: median === null ? '—' : text(median),
    },
    ranking: {
      svg: shownRanking.length
        ? renderChartSvg(
            rankingChart({
              points: shownRanking.map((p) => ({ label: p.name, value: chartValue(measure, p.value) })),
              median: median === null ? null : chartValue(measure, median),
              medianLabel,
              format: (v) => f.numberUpTo(v, measure === 'gap_leps' ? 1 : 0),
            }),
            {
              width: 720,
              height: Math.max(160, 26 * shownRanking.length + 40),
            },
          )
        : null,
      points: shownRanking.map((p) => ({ name: p.name, code: p.code, value: text(p.value) })),
      truncated: ranked.length > shownRanking.length ? ranked.length : null,
      median: median === null ? '—' : text(median),
    },
    compare: compared
      ? {
          ambitoCode: compared.ambitoCode,
          ambitoName: compared.ambitoName,
          svg: comparePoints.some((p) => p.pct !== null)
            ? renderChartSvg(compareChart({ points: comparePoints.filter((p) => p.pct !== null).map((p) => ({ label: p.label, pct: p.pct! })) }), {
                width: 720,
                height: Math.max(160, 30 * comparePoints.length + 40),
              })
            : null,
          points: comparePoints.map((p) => ({
            measure: p.measure,
            label: p.label,
            value: p.value,
            median: p.median,
            pct: p.pct === null ? '—' : f.numberUpTo(p.pct, 0),
          })),
        }
      : null,
  };
}

/** The page's one form: ask for the figures of the year to be recomputed. */
export async function workspaceAction(context: Ctx, request: Request, regionCode: string | null) {
  const { db } = await openScope(context, request, regionCode);
  const year = yearParam(new URL(request.url)) ?? new Date().getFullYear();
  return intentAction(request, {
    refresh: async () => {
      await queueRefresh(db, { year, regionCode, onlyStale: false, actor: getActor(context) });
      // Back to the page, which follows the refresh by itself (`aggiorna=1`: a timed reload the user asked for and can stop).
      const back = new URL(request.url);
      back.searchParams.set('aggiorna', '1');
      return redirect(`${back.pathname}${back.search}`, 303);
    },
  });
}

// ——— Exports ——————————————————————————————————————————————————————————————————————————————————————————————

/** The exported table: one row per Ambito shown (filters and sort of the page), every figure in its own column. */
export async function exportWorkspace(context: Ctx, request: Request, regionCode: string | null, format: 'csv' | 'xlsx'): Promise<Response> {
  const page = await loadWorkspacePage(context, request, regionCode);
  const euro = (cents: number | null) => (cents === null ? null : cents / 100);
  const header: string[] = [
    'codice_ambito',
    'ambito',
    'codice_regione',
    'regione',
    'provincia',
    'agenzia_sanitaria',
    'comuni',
    'abitanti',
    'anno_popolazione',
    'comuni_con_popolazione',
    'piano',
    'stato_piano',
    'periodo_piano',
    'data_adozione',
    'obiettivi',
    'azioni',
    'indicatori',
    'risorse_piano_euro',
    'risorse_piano_per_abitante_euro',
    'risorse_piano_ambito_temporale',
    ...page.funds.map((s) => `risorse_fonte_${s.code}_euro`),
    'spesa_euro',
    'spesa_per_abitante_euro',
    'comuni_con_spesa',
    'comuni_membri',
    'spesa_dati_ambito',
    ...page.areas.map((a) => `spesa_area_${a.code}_euro`),
    'indicatori_con_target',
    'indicatori_misurati',
    'target_raggiunti',
    'target_non_raggiunti',
    'target_in_corso',
    'piano_chiuso',
    'obiettivi_valutati',
    'obiettivi_piano_chiuso',
    'assistenti_sociali_etp',
    'abitanti_per_assistente_sociale',
    'stato_leps_servizio_sociale',
    'scarto_leps_etp',
    'scarto_obiettivo_etp',
    'leps_programmati',
    'leps_catalogo',
    'risorse_leps_euro',
    'partecipazione_tavoli',
    'partecipazione_bisogni',
    'partecipazione_proposte',
    'partecipazione_progetti',
    'calcolato_il',
    'dati_cambiati_dopo_il_calcolo',
  ];
  const rows: CsvValue[][] = page.rows.map((r) => [
    r.ambitoCode,
    r.ambitoName,
    r.regionCode,
    r.regionName,
    r.provinceName,
    r.healthAuthority,
    r.comuni,
    r.population,
    r.populationYear,
    r.populationComuni,
    r.planTitle,
    r.planStatus,
    r.planPeriod,
    r.adoptedOn,
    r.objectives,
    r.actions,
    r.indicators,
    euro(r.budgetCents),
    euro(r.budgetPerInhabitantCents),
    r.budgetScope === 'year' ? 'anno' : 'periodo',
    ...page.funds.map((s) => euro(r.budgetByFund[s.code] ?? 0)),
    r.spendingCents ? euro(r.spendingCents) : null,
    euro(r.spendingPerInhabitantCents),
    r.coverageWithData,
    r.coverageMembers,
    r.coverageAmbitoRows,
    ...page.areas.map((a) => euro(r.spendingByArea[a.code] ?? 0)),
    r.targets?.withTarget ?? null,
    r.targets?.measured ?? null,
    r.targets?.byStatus.raggiunto ?? (r.targets ? 0 : null),
    r.targets?.byStatus.non_raggiunto ?? (r.targets ? 0 : null),
    r.targets?.byStatus.in_corso ?? (r.targets ? 0 : null),
    r.closedPlanTitle,
    r.evaluation?.evaluated ?? null,
    r.evaluation?.objectives ?? null,
    r.leps.fte,
    r.leps.inhabitantsPerWorker,
    r.leps.lepsStatus,
    r.leps.gapLepsFte,
    r.leps.gapObjectiveFte,
    r.leps.programmedLeps,
    r.leps.catalogueSize,
    euro(r.leps.lepsBudgetCents),
    r.participation.recorded ? r.participation.tables : null,
    r.participation.recorded ? r.participation.needs : null,
    r.participation.recorded ? r.participation.proposals : null,
    r.participation.recorded ? r.participation.projects : null,
    r.computedAt,
    r.stale,
  ]);
  const name = tr('region.csv.file', { scope: page.region ? page.region.code : 'italia', year: page.year });
  if (format === 'csv') {
    return new Response(writeCsv(header, rows), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"`, 'Cache-Control': 'no-store' },
    });
  }
  const body = await writeXlsx([{ name: 'ambiti', header, rows, freeze: { rows: 1, columns: 2 } }]);
  return new Response(body, {
    headers: {
      'Content-Type': XLSX_MIME,
      'Content-Disposition': `attachment; filename="${name}.xlsx"`,
      'Cache-Control': 'no-store',
    },
  });
}
