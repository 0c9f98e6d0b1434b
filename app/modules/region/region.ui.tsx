// The regional workspace's page (a Region's, or Italy's): filters, the table of the Ambiti in one of four views, the
// exports, the charts (distribution, ranking with the median, one Ambito against the median) and the refresh.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  Chart,
  DataTable,
  FilterField,
  FilterForm,
  IntentForm,
  Notice,
  PageHeader,
  Section,
  StatusBadge,
  selectClass,
  useI18n,
  type Column,
} from '../../shared/ui/kit.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { ACHIEVEMENT_BAND_LABELS, type AchievementBand } from '../monitoring/index.ts';
import { CHART_MEASURES, measureValue, perInhabitantCents, SIZE_CLASSES, type Measure, type SortKey, type WorkspaceRow } from './region.rules.ts';

/** What the loader gives the page (region.server.ts loadWorkspacePage, serialised). */
export interface WorkspacePageData {
  region: { code: string; name: string } | null;
  year: number;
  years: number[];
  view: 'sintesi' | 'leps' | 'spesa' | 'risorse';
  measure: Measure;
  sort: { key: SortKey; direction: 'asc' | 'desc' };
  filters: { province: string | null; healthAuthority: string | null; size: string | null; region: string | null };
  choices: { provinces: { code: string; name: string }[]; healthAuthorities: string[]; regions: { code: string; name: string }[] };
  pageRows: WorkspaceRow[];
  page: { number: number; pages: number; size: number };
  shownCount: number;
  compareChoices: { code: string; name: string }[];
  total: number;
  ambitiInScope: number;
  computedFrom: string | null;
  computedTo: string | null;
  stale: number;
  pending: { id: string; status: string; done: number; total: number | null } | null;
  autoRefresh: boolean;
  charts: {
    label: string;
    distribution: { svg: string | null; classes: { label: string; count: number }[]; missing: number; present: number; median: string };
    ranking: { svg: string | null; points: { name: string; code: string; value: string }[]; truncated: number | null; median: string };
    compare: {
      ambitoCode: string;
      ambitoName: string;
      svg: string | null;
      points: { measure: string; label: string; value: string; median: string; pct: string }[];
    } | null;
  };
  areas: { code: string; name: string }[];
  funds: { code: string; name: string }[];
}

const TABLE_ID = 'ambiti';
/** An area's spending per inhabitant, in cents (the same rule as every per-inhabitant figure). */
const perInhabitant = (r: WorkspaceRow, area: string) => perInhabitantCents(r.spendingByArea[area] ?? 0, r.population);

/** One filter of the page: a select with «all» first (when `any` is given) and the choices (data as entered, or words). */
function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  any?: string;
  choices: { value: string; label: string; data?: boolean }[];
  col?: string;
}) {
  return (
    <FilterField id={props.id} label={props.label} col={props.col ?? 'col-sm-3'}>
      <select id={props.id} name={props.name} defaultValue={props.value} className={selectClass(undefined)}>
        {props.any !== undefined && <option value="">{props.any}</option>}
        {props.choices.map((c) => (
          <option key={c.value} value={c.value} translate={c.data ? 'no' : undefined}>
            {c.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
/** The evaluation's grades, best first (monitoring's bands go from the worst to the best). */
const GRADES = (Object.keys(ACHIEVEMENT_BAND_LABELS) as AchievementBand[]).reverse();
const LEPS_TONES: Record<string, 'success' | 'warning' | 'danger' | 'secondary' | 'info'> = {
  raggiunto: 'success',
  programmato: 'info',
  non_raggiunto: 'danger',
  non_programmato: 'warning',
  dati_mancanti: 'secondary',
};

export function Workspace({ data, actionData }: { data: WorkspacePageData; actionData: unknown }) {
  const { t, f } = useI18n();
  const { region, year, charts } = data;
  const rows = data.pageRows;
  const national = region === null;
  const base = national ? '/italia' : `/regioni/${region.code}`;
  const query = new URLSearchParams();
  query.set('anno', String(year));
  if (data.view !== 'sintesi') query.set('vista', data.view);
  if (data.filters.province) query.set('provincia', data.filters.province);
  if (data.filters.healthAuthority) query.set('ats', data.filters.healthAuthority);
  if (data.filters.size) query.set('dimensione', data.filters.size);
  if (data.filters.region) query.set('regione', data.filters.region);
  query.set(`${TABLE_ID}-ordina`, data.sort.key);
  query.set(`${TABLE_ID}-verso`, data.sort.direction === 'desc' ? 'disc' : 'asc');
  const working = data.pending !== null;
  const measureLabel = (m: Measure) => t(`region.measure.${m}` as MessageKey);

  const ambitoColumn: Column<WorkspaceRow> = {
    key: 'ambito',
    header: t('region.col.ambito'),
    value: (r) => r.ambitoName,
    rowHeader: true,
    data: false,
    render: (r) => (
      <>
        <Link to={`/ambiti/${r.ambitoCode}`} translate="no">
          {r.ambitoName}
        </Link>
        <span className="d-block small text-secondary" translate="no">
          {[national ? r.regionName : null, r.provinceName].filter(Boolean).join(' · ')}
        </span>
        {r.stale && (
          <span className="d-block small fst-italic" title={t('region.staleRowLabel')}>
            {t('region.staleRow')}
          </span>
        )}
      </>
    ),
  };
  const measureColumn = (m: Measure, render: (r: WorkspaceRow) => ReactNode): Column<WorkspaceRow> => ({
    key: m,
    header: t(`region.col.${m}` as MessageKey),
    numeric: true,
    value: (r) => measureValue(r, m),
    render,
  });
  const small = (text: ReactNode) => <span className="d-block small text-secondary">{text}</span>;

  const columns: Column<WorkspaceRow>[] =
    data.view === 'leps'
      ? [
          ambitoColumn,
          measureColumn('popolazione', (r) => (r.leps.population === null ? '—' : f.count(r.leps.population))),
          {
            key: 'etp',
            header: t('region.col.etp'),
            numeric: true,
            value: (r) => r.leps.fte,
            render: (r) => (r.leps.fte === null ? t('region.notRecorded') : f.fte(r.leps.fte)),
          },
          measureColumn('abitanti_per_as', (r) => (r.leps.inhabitantsPerWorker === null ? '—' : f.numberUpTo(r.leps.inhabitantsPerWorker, 1))),
          {
            key: 'servizio-sociale',
            header: t('region.col.servizioSociale'),
            data: false,
            render: (r) => <StatusBadge tone={LEPS_TONES[r.leps.lepsStatus] ?? 'secondary'}>{t(`leps.status.${r.leps.lepsStatus}` as MessageKey)}</StatusBadge>,
          },
          measureColumn('gap_leps', (r) => (r.leps.gapLepsFte === null ? '—' : t('region.gap', { fte: f.fte(r.leps.gapLepsFte), n: r.leps.toHireLeps ?? 0 }))),
          {
            key: 'leps_programmati',
            header: t('region.col.leps_programmati'),
            numeric: true,
            value: (r) => r.leps.programmedLeps,
            render: (r) => t('region.of', { n: r.leps.programmedLeps, of: r.leps.catalogueSize }),
          },
          {
            key: 'prioritari',
            header: t('region.col.prioritari'),
            numeric: true,
            value: (r) => r.leps.priorityWithTargets,
            render: (r) => t('region.of', { n: r.leps.priorityWithTargets, of: r.leps.prioritySize }),
          },
          {
            key: 'risorse-leps',
            header: t('region.col.risorseLeps'),
            numeric: true,
            value: (r) => r.leps.lepsBudgetCents / 100,
            render: (r) => f.money(r.leps.lepsBudgetCents),
          },
        ]
      : data.view === 'spesa'
        ? [
            ambitoColumn,
            measureColumn('spesa_per_abitante', (r) => (r.spendingPerInhabitantCents === null ? '—' : f.money(r.spendingPerInhabitantCents))),
            ...data.areas.map((a): Column<WorkspaceRow> => ({
              key: `area-${a.code}`,
              header: a.name,
              numeric: true,
              value: (r) => perInhabitant(r, a.code),
              render: (r) => {
                const cents = perInhabitant(r, a.code);
                return cents === null ? '—' : f.money(cents);
              },
            })),
            measureColumn('copertura', (r) => coverage(r)),
          ]
        : data.view === 'risorse'
          ? [
              ambitoColumn,
              {
                key: 'stato',
                header: t('region.col.stato'),
                data: false,
                render: (r) => (r.planTitle ? <span translate="no">{r.planTitle}</span> : t('region.noPlan')),
              },
              ...data.funds.map((s): Column<WorkspaceRow> => ({
                key: `fonte-${s.code}`,
                header: s.name,
                numeric: true,
                value: (r) => (r.budgetByFund[s.code] ?? 0) / 100,
                render: (r) => f.money(r.budgetByFund[s.code] ?? 0),
              })),
              { key: 'totale', header: t('region.col.totale'), numeric: true, value: (r) => r.budgetCents / 100, render: (r) => f.money(r.budgetCents) },
              measureColumn('risorse_per_abitante', (r) => (r.budgetPerInhabitantCents === null ? '—' : f.money(r.budgetPerInhabitantCents))),
            ]
          : [
              ambitoColumn,
              measureColumn('popolazione', (r) => (
                <>
                  {r.population === null ? '—' : f.count(r.population)}
                  {r.populationYear !== null && small(t('region.populationOf', { year: r.populationYear, n: r.populationComuni, of: r.comuni }))}
                </>
              )),
              {
                key: 'stato',
                header: t('region.col.stato'),
                value: (r) => r.planStatus,
                data: false,
                render: (r) =>
                  r.planTitle ? (
                    <>
                      <StatusBadge tone={r.adoptedOn ? 'success' : 'secondary'}>{t(`plan.planStatus.${r.planStatus}` as MessageKey)}</StatusBadge>
                      <span className="d-block small" translate="no">
                        {r.planTitle}
                      </span>
                      {small(
                        <>
                          {t('region.period', { period: r.planPeriod ?? '' })}
                          {r.adoptedOn ? `, ${t('region.adoptedOn', { date: f.date(r.adoptedOn) })}` : ''}
                        </>,
                      )}
                      {small(t('region.ofObjectives', { n: r.objectives, actions: r.actions, indicators: r.indicators }))}
                    </>
                  ) : (
                    t('region.noPlan')
                  ),
              },
              measureColumn('risorse_per_abitante', (r) => (
                <>
                  {r.budgetPerInhabitantCents === null ? '—' : f.money(r.budgetPerInhabitantCents)}
                  {small(t('region.totalOf', { amount: f.money(r.budgetCents) }))}
                  {r.budgetScope === 'period' && small(t('region.budgetPeriod'))}
                </>
              )),
              measureColumn('spesa_per_abitante', (r) => (
                <>
                  {r.spendingPerInhabitantCents === null ? t('region.noSpending') : f.money(r.spendingPerInhabitantCents)}
                  {small(coverage(r))}
                </>
              )),
              {
                key: 'valutazione',
                header: t('region.col.valutazione'),
                data: false,
                render: (r) =>
                  r.evaluation ? (
                    <>
                      {t('region.evaluation', { n: r.evaluation.evaluated, of: r.evaluation.objectives })}
                      {r.closedPlanTitle && (
                        <span className="d-block small text-secondary" translate="no">
                          {r.closedPlanTitle}
                        </span>
                      )}
                      {r.evaluation.evaluated > 0 &&
                        small(
                          GRADES.filter((g) => (r.evaluation!.byGrade[g] ?? 0) > 0)
                            .map((g) => `${t(`mon.band.${g}` as MessageKey)}: ${r.evaluation!.byGrade[g]}`)
                            .join(' · '),
                        )}
                    </>
                  ) : (
                    t('region.noEvaluation')
                  ),
              },
              measureColumn('target_raggiunti', (r) =>
                r.targets && r.targets.withTarget > 0 ? (
                  <>
                    {f.percent((r.onTrackShare ?? 0) * 100, 0)}
                    {small(t('region.targets', { n: r.targets.byStatus.raggiunto ?? 0, of: r.targets.withTarget }))}
                    {small(t('region.targetsMeasured', { n: r.targets.measured, of: r.targets.indicators }))}
                  </>
                ) : (
                  t('region.noTargets')
                ),
              ),
              measureColumn('abitanti_per_as', (r) => (
                <>
                  {r.leps.inhabitantsPerWorker === null ? t('region.notRecorded') : f.numberUpTo(r.leps.inhabitantsPerWorker, 0)}
                  {r.leps.gapLepsFte !== null && small(t('region.gap', { fte: f.fte(r.leps.gapLepsFte), n: r.leps.toHireLeps ?? 0 }))}
                </>
              )),
              measureColumn('partecipazione', (r) =>
                !r.participation.recorded
                  ? t('region.noParticipation')
                  : t('region.participation', {
                      tables: r.participation.tables,
                      needs: r.participation.needs,
                      proposals: r.participation.proposals,
                      projects: r.participation.projects,
                    }),
              ),
            ];

  function coverage(r: WorkspaceRow) {
    return r.coverageAmbitoRows ? t('region.coverageAmbito') : t('region.coverage', { n: r.coverageWithData, of: r.coverageMembers });
  }

  const computed =
    data.computedFrom && data.computedTo
      ? data.computedFrom.slice(0, 16) === data.computedTo.slice(0, 16)
        ? t('region.computedOne', { at: f.dateTime(data.computedTo) })
        : t('region.computed', { from: f.dateTime(data.computedFrom), to: f.dateTime(data.computedTo) })
      : null;
  const title = national ? t('region.national.title') : t('region.title');
  return (
    <>
      {working && data.autoRefresh && <meta httpEquiv="refresh" content="5" />}
      <PageHeader
        title={title}
        context={national ? t('region.national.context', { year }) : `${year} – ${region.name}`}
        lead={
          <>
            {!national && (
              <>
                <span translate="no">{region.name}</span>.{' '}
              </>
            )}
            {data.total > 0 ? t('region.lead', { n: data.total, of: data.ambitiInScope, year }) : t('region.lead.none', { year })}
          </>
        }
      />
      {computed && <p className="small text-secondary">{computed}</p>}
      {working && (
        <Notice>
          <p className="mb-1">
            {data.pending!.status === 'running' && data.pending!.total
              ? t('region.pending', { done: data.pending!.done, total: data.pending!.total })
              : t('region.pendingQueued')}
          </p>
          {data.pending!.total ? (
            <progress className="d-block w-100" max={data.pending!.total} value={data.pending!.done} aria-label={t('region.job.step.refresh')}>
              {data.pending!.done}
            </progress>
          ) : null}
          {data.autoRefresh ? (
            <p className="small mb-0">
              {t('region.refreshing')} <a href={`${base}?${query}`}>{t('region.refresh.stop')}</a>
            </p>
          ) : (
            <p className="small mb-0">
              <a href={`${base}?${query}`}>{t('region.refresh.reload')}</a>
            </p>
          )}
        </Notice>
      )}
      {data.stale > 0 && <Notice tone="warning">{t('region.stale', { n: data.stale })}</Notice>}
      {data.ambitiInScope > data.total && <Notice tone="warning">{t('region.missing', { n: data.ambitiInScope - data.total, year })}</Notice>}
      {!working && (
        <IntentForm
          intent="refresh"
          actionData={actionData}
          submitLabel={t('region.refresh', { year })}
          submitClassName="btn btn-outline-primary btn-sm"
          className="mb-3"
          label={t('region.refresh', { year })}
        />
      )}

      <FilterForm
        label={t('region.filters')}
        submitLabel={t('region.filter.show')}
        hidden={{ [`${TABLE_ID}-ordina`]: data.sort.key, [`${TABLE_ID}-verso`]: data.sort.direction === 'desc' ? 'disc' : 'asc', misura: data.measure }}
      >
        <FilterField id="f-anno" label={t('region.filter.year')} col="col-sm-2">
          <input id="f-anno" name="anno" type="number" min={2000} max={2100} defaultValue={year} className="form-control" list="f-anni" />
          <datalist id="f-anni">
            {data.years.map((y) => (
              <option key={y} value={y} />
            ))}
          </datalist>
        </FilterField>
        <FilterSelect
          id="f-vista"
          name="vista"
          label={t('region.filter.view')}
          value={data.view}
          choices={(['sintesi', 'leps', 'spesa', 'risorse'] as const).map((v) => ({ value: v, label: t(`region.view.${v}`) }))}
        />
        {national && (
          <FilterSelect
            id="f-regione"
            name="regione"
            label={t('region.filter.region')}
            value={data.filters.region ?? ''}
            any={t('region.filter.any')}
            choices={data.choices.regions.map((r) => ({ value: r.code, label: r.name, data: true }))}
          />
        )}
        <FilterSelect
          id="f-provincia"
          name="provincia"
          label={t('region.filter.province')}
          value={data.filters.province ?? ''}
          any={t('region.filter.any')}
          choices={data.choices.provinces.map((p) => ({ value: p.code, label: p.name, data: true }))}
        />
        <FilterSelect
          id="f-ats"
          name="ats"
          label={t('region.filter.healthAuthority')}
          value={data.filters.healthAuthority ?? ''}
          any={t('region.filter.any')}
          choices={data.choices.healthAuthorities.map((h) => ({ value: h, label: h, data: true }))}
        />
        <FilterSelect
          id="f-dimensione"
          name="dimensione"
          label={t('region.filter.size')}
          value={data.filters.size ?? ''}
          any={t('region.filter.any')}
          choices={SIZE_CLASSES.map((c) => ({ value: c, label: t(`region.size.${c}`) }))}
        />
      </FilterForm>

      <div className="d-flex flex-wrap gap-2 align-items-center mb-2">
        <span>
          {data.page.pages > 1
            ? t('region.shownPage', {
                from: (data.page.number - 1) * data.page.size + 1,
                to: (data.page.number - 1) * data.page.size + rows.length,
                n: data.shownCount,
                of: data.total,
              })
            : t('region.shown', { n: data.shownCount, of: data.total })}
        </span>
        <a className="btn btn-primary btn-sm ms-auto" href={`${base}/esporta.csv?${query}`} download>
          {t('region.export.csv')}
        </a>
        <a className="btn btn-outline-primary btn-sm" href={`${base}/esporta.xlsx?${query}`} download>
          {t('region.export.xlsx')}
        </a>
      </div>
      <DataTable
        id={TABLE_ID}
        caption={t(`region.caption.${data.view}`, { year })}
        rows={rows}
        rowKey={(r) => r.ambitoId}
        columns={columns}
        empty={<Notice>{t('region.empty')}</Notice>}
      />
      {data.page.pages > 1 && (
        <nav className="pagination-wrapper" aria-label={t('region.pages')}>
          <ul className="pagination flex-wrap">
            {Array.from({ length: data.page.pages }, (_, i) => i + 1).map((n) => {
              const q = new URLSearchParams(query);
              q.set('pagina', String(n));
              return (
                <li key={n} className={`page-item${n === data.page.number ? ' active' : ''}`}>
                  <a
                    className="page-link"
                    href={`${base}?${q}#${TABLE_ID}`}
                    aria-current={n === data.page.number ? 'page' : undefined}
                    aria-label={t('region.pageN', { n })}
                  >
                    {n}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <ul className="small text-secondary">
        <li>{t('region.formula.perInhabitant')}</li>
        <li>{t('region.formula.targets')}</li>
        <li>{t('region.formula.leps')}</li>
      </ul>

      <Section id="grafici" title={t('region.charts')}>
        <FilterForm
          label={t('region.filter.measure')}
          submitLabel={t('region.filter.show')}
          hidden={Object.fromEntries([...query.entries()].filter(([k]) => k !== 'misura' && k !== 'confronta'))}
        >
          <FilterSelect
            id="f-misura"
            name="misura"
            label={t('region.filter.measure')}
            value={data.measure}
            col="col-sm-5"
            choices={CHART_MEASURES.map((m) => ({ value: m, label: measureLabel(m) }))}
          />
          <FilterSelect
            id="f-confronta"
            name="confronta"
            label={t('region.chart.compare.choose')}
            value={charts.compare?.ambitoCode ?? ''}
            any="—"
            col="col-sm-5"
            choices={data.compareChoices.map((c) => ({ value: c.code, label: c.name, data: true }))}
          />
        </FilterForm>
        {charts.distribution.svg ? (
          <Chart
            svg={charts.distribution.svg}
            caption={t('region.chart.distribution', { measure: charts.label })}
            summary={t('region.chart.distribution.summary', {
              n: charts.distribution.present,
              missing: charts.distribution.missing,
              median: charts.distribution.median,
            })}
          >
            <DataTable
              id="distribuzione"
              caption={t('region.chart.distribution', { measure: charts.label })}
              rows={charts.distribution.classes}
              rowKey={(c, i) => `${i}-${c.label}`}
              columns={[
                { key: 'classe', header: t('region.chart.distribution.class'), render: (c) => c.label, rowHeader: true, data: false },
                { key: 'ambiti', header: t('region.chart.distribution.count'), numeric: true, render: (c) => f.count(c.count) },
              ]}
              small
            />
          </Chart>
        ) : (
          <Notice>{t('region.chart.noValues')}</Notice>
        )}
        {charts.ranking.svg && (
          <Chart
            svg={charts.ranking.svg}
            caption={t('region.chart.ranking', { measure: charts.label })}
            summary={t('region.chart.ranking.summary', { median: charts.ranking.median })}
          >
            <DataTable
              id="graduatoria"
              caption={t('region.chart.ranking', { measure: charts.label })}
              rows={charts.ranking.points}
              rowKey={(p) => p.code}
              columns={[
                { key: 'ambito', header: t('region.col.ambito'), render: (p) => p.name, rowHeader: true },
                { key: 'valore', header: charts.label, numeric: true, render: (p) => p.value, data: false },
              ]}
              small
            />
          </Chart>
        )}
        {charts.compare && (
          <Chart
            svg={charts.compare.svg ?? ''}
            caption={t('region.chart.compare', { ambito: charts.compare.ambitoName })}
            summary={t('region.chart.compare.summary')}
            tableOpen={charts.compare.svg === null}
          >
            <DataTable
              id="confronto"
              caption={t('region.chart.compare', { ambito: charts.compare.ambitoName })}
              rows={charts.compare.points}
              rowKey={(p) => p.measure}
              columns={[
                { key: 'misura', header: t('region.chart.compare.measure'), render: (p) => p.label, rowHeader: true, data: false },
                { key: 'valore', header: t('region.chart.compare.value'), numeric: true, render: (p) => p.value, data: false },
                { key: 'mediana', header: national ? t('region.median.national') : t('region.median'), numeric: true, render: (p) => p.median, data: false },
                { key: 'pct', header: t('region.chart.compare.pct'), numeric: true, render: (p) => p.pct, data: false },
              ]}
              small
            />
          </Chart>
        )}
      </Section>
    </>
  );
}
