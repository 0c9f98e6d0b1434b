import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Route } from './+types/dashboard';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { Chart, DataTable, EmptyState, KpiGrid, Notice, PageHeader, Section, useI18n, columnsOf, FilterField, FilterForm } from '../../../shared/ui/kit.ts';
import { abilitiesFor, authorize } from '../finance.policy.ts';
import type { PublishedCheck } from '../finance.rules.ts';
import { requireAmbito } from '../finance.server.ts';
import { coverageLabel, coverageMessage } from '../spending-coverage.text.ts';
import { getSpendingDashboard } from '../finance.views.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'finance.read', ambito));
  const url = new URL(request.url);
  const year = Number(url.searchParams.get('anno')) || null;
  const ente = url.searchParams.get('ente') || null;
  // "Mostra comunque i dati parziali": a GET parameter, so the choice works without JavaScript and can be linked.
  const showPartial = url.searchParams.get('parziali') === '1';
  const dashboard = await getSpendingDashboard(db, { id: ambito.id, code: ambito.code, name: ambito.name }, { year, ente, showPartial });
  return { ...dashboard, can: abilitiesFor(actor, ambito) };
}

type Data = Route.ComponentProps['loaderData'];

export default function SpendingDashboard({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const d = loaderData;
  const base = `/ambiti/${d.ambito.code}/risorse`;
  const m = d.matrix;
  const query = (partial: boolean) => {
    const q = new URLSearchParams();
    if (d.year !== null) q.set('anno', String(d.year));
    if (d.ente) q.set('ente', d.ente);
    if (partial) q.set('parziali', '1');
    return `${base}?${q.toString()}`;
  };
  const cov = d.coverage;
  const covLabel = cov ? coverageLabel(t, cov) : '';
  const partialBadge = d.partial && cov ? t('finance.partial.badge', { coverage: covLabel }) : null;
  const checks = [...d.shareChecks, ...d.costs.flatMap((c) => c.checks), ...(d.totalCheck ? [d.totalCheck] : [])];
  const span = d.series.length ? f.years(d.series[0]!.year, d.series.at(-1)!.year) : '';
  const withPartial = d.series.some((x) => x.partial) ? t('finance.dashboard.withPartialYears') : '';
  const pct = (v: number | null, decimals = 2) => f.percent(v, decimals);
  const shares = d.areaShares.map((s) => ({ ...s, cost: d.costs.find((x) => x.area === s.key) }));
  const col = { changes: columnsOf(d.changes), shares: columnsOf(shares) };
  /** A published figure or a difference in its unit: euro, or percent (the difference in percentage points). */
  const checkValue = (c: PublishedCheck, v: number, signed = false) => {
    const sign = signed && v > 0 ? '+' : '';
    if (c.unit === 'money') return `${sign}${f.money(v)}`;
    return signed ? `${sign}${f.number(v, c.decimals)} ${t('finance.checks.points')}` : f.percent(v, c.decimals);
  };

  return (
    <>
      <PageHeader
        title={t('finance.home')}
        context={d.ambito.name}
        lead={<span translate="no">{d.ambito.name}</span>}
        breadcrumb={[{ label: t('nav.home'), to: `/ambiti/${d.ambito.code}` }]}
        actions={
          <>
            <Link className="btn btn-outline-primary" to={`${base}/bilancio`}>
              {t('finance.budget.title')}
            </Link>
            {d.can['spending.import'] && (
              <Link className="btn btn-primary" to={`${base}/importa`}>
                {t('finance.import.link')}
              </Link>
            )}
          </>
        }
      >
        <p className="small">
          <Link to="/fonti-di-finanziamento">{t('finance.sources.catalogueLink')}</Link>
        </p>
      </PageHeader>

      {d.year === null ? (
        <EmptyState title={t('finance.dashboard.noData')}>{d.can['spending.import'] ? t('finance.dashboard.noData.import') : null}</EmptyState>
      ) : (
        <>
          <FilterForm label={t('finance.dashboard.choose')} submitLabel={t('finance.show')}>
            <FilterField id="anno" label={t('finance.year')} col="col-sm-4 col-lg-3">
              <select id="anno" name="anno" className="form-select" defaultValue={String(d.year)}>
                {d.yearOptions.map((o) => (
                  <option key={o.year} value={o.year}>
                    {o.coverage && !o.coverage.complete ? t('finance.coverage.yearOption', { year: o.year, coverage: coverageLabel(t, o.coverage) }) : o.year}
                  </option>
                ))}
              </select>
            </FilterField>
            <FilterField id="ente" label={t('finance.ente')} col="col-sm-8 col-lg-5">
              <select id="ente" name="ente" className="form-select" defaultValue={d.ente ?? ''}>
                <option value="">{t('finance.ente.all')}</option>
                {d.enti.map((e) => (
                  <option key={e.code} value={e.code} translate="no">
                    {e.label}
                  </option>
                ))}
              </select>
            </FilterField>
            <div className="col-12 col-sm-8 col-lg-3">
              <div className="form-check">
                <input className="form-check-input" type="checkbox" id="parziali" name="parziali" value="1" defaultChecked={d.showPartial} />
                <label className="form-check-label" htmlFor="parziali">
                  {t('finance.partial.toggle')}
                </label>
              </div>
            </div>
          </FilterForm>

          {cov && (
            // The coverage of the year: a note with its own heading, the missing comuni on demand (no JavaScript).
            <section
              className={`alert ${cov.complete ? 'alert-light border' : d.partial ? 'alert-warning' : 'alert-info'}`}
              role="note"
              aria-labelledby="titolo-copertura"
              id="copertura"
            >
              <h2 className="h5" id="titolo-copertura">
                {t('finance.coverage.title', { year: cov.year })}: {covLabel}
              </h2>
              <p className="mb-1">{coverageMessage(t, cov)}</p>
              {!cov.complete && cov.withData.length > 0 && (
                <p className="mb-1">{t('finance.coverage.withDataList', { names: cov.withData.map((c) => c.name).join(', ') })}</p>
              )}
              {cov.basis === 'comuni' && cov.missing.length > 0 && (
                <details className="mb-1">
                  <summary>{t('finance.coverage.missingList', { count: cov.missing.length })}</summary>
                  <ul className="mb-0" id="comuni-mancanti" translate="no">
                    {cov.missing.map((c) => (
                      <li key={c.istatCode}>
                        {c.name} ({c.istatCode})
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {cov.basis === 'ambito' && cov.withData.length > 0 && (
                <p className="mb-1 small">
                  {t('finance.coverage.alsoComuni', {
                    year: cov.year,
                    coverage: t(cov.withData.length === 1 ? 'finance.coverage.countOne' : 'finance.coverage.countMany', {
                      n: cov.withData.length,
                      of: cov.members.length,
                    }),
                  })}
                </p>
              )}
              {cov.outside.length > 0 && (
                <p className="mb-1 small">{t('finance.coverage.outside', { year: cov.year, names: cov.outside.map((c) => c.name).join(', ') })}</p>
              )}
              {d.withheld && <p className="mb-1">{t('finance.coverage.withheld', { year: cov.year })}</p>}
              {!cov.complete && (
                <p className="mb-0">
                  <Link to={query(!d.showPartial)} id="interruttore-parziali">
                    {d.showPartial ? t('finance.partial.hide') : t('finance.partial.toggle')}
                  </Link>
                </p>
              )}
            </section>
          )}

          {d.withheld || !m ? (
            <EnteTable d={d} caption={t('finance.byEnte.caption', { year: d.year ?? '' })} />
          ) : (
            <>
              {partialBadge && (
                <p className="fw-semibold border-start border-4 border-warning ps-2 my-3" id="etichetta-parziali">
                  {partialBadge}
                </p>
              )}
              <KpiGrid
                items={[
                  {
                    value: f.money(m.grandTotal),
                    testId: 'spending-total',
                    label:
                      d.partial && cov
                        ? t('finance.dashboard.kpi.totalPartial', { year: d.year, coverage: covLabel })
                        : t('finance.dashboard.kpi.total', { year: d.year }),
                  },
                  {
                    value: f.money(d.perCapita?.valueCents ?? null),
                    label: d.population
                      ? t('finance.dashboard.kpi.perCapitaOf', { residents: f.count(d.population.total) })
                      : t('finance.dashboard.kpi.perCapita'),
                  },
                  { value: pct(d.comuniShare?.value ?? null, 1), label: t('finance.dashboard.kpi.comuniShare') },
                  { value: f.count(d.years.length), label: t(d.years.length === 1 ? 'finance.dashboard.kpi.yearOne' : 'finance.dashboard.kpi.years') },
                ]}
              />
              <p className="small text-secondary">
                {d.perCapita ? (
                  <>
                    {t('finance.dashboard.perCapitaFormula')}: <span translate="no">{d.perCapita.formula}</span>
                    {d.partial ? ` ${t('finance.dashboard.partialData')}` : ''}.{' '}
                  </>
                ) : d.ente ? (
                  `${t('finance.dashboard.perCapitaAmbitoOnly')} `
                ) : (
                  `${t('finance.dashboard.perCapitaMissing', { reason: d.populationMissing ?? t('finance.population.missing', { year: d.year }) })} `
                )}
                {d.comuniShare ? (
                  <>
                    {t('finance.dashboard.comuniShareFormula')}: <span translate="no">{d.comuniShare.formula}</span>.{' '}
                  </>
                ) : null}
                {t('finance.dashboard.sources')}: <span translate="no">{d.sources.join('; ')}</span>.
              </p>

              {d.series.length < 2 && (
                <Notice id="avviso-andamento">
                  {t(d.excludedYears.length ? 'finance.dashboard.oneCompleteYear' : 'finance.dashboard.oneYear', { year: d.series[0]?.year ?? '' })}
                </Notice>
              )}
              {d.excludedLabels.length > 0 && (
                <p className="small" id="anni-esclusi">
                  {t('finance.coverage.excluded', { years: d.excludedLabels.map((c) => `${c.year} (${c.coverage})`).join('; ') })}{' '}
                  <Link to={query(true)}>{t('finance.partial.toggle')}</Link>
                </p>
              )}

              <Section id="aree-anni" title={t('finance.dashboard.areasYears.title')}>
                <Chart
                  svg={d.stackedSvg ?? ''}
                  caption={t('finance.dashboard.areasYears.chart', { span, partial: withPartial })}
                  summary={t(d.partial ? 'finance.dashboard.areasYears.summaryPartial' : 'finance.dashboard.areasYears.summary', {
                    year: d.year,
                    total: f.money(m.grandTotal),
                    area: [...d.areaShares].sort((a, b) => b.amountCents - a.amountCents)[0]?.name ?? '—',
                  })}
                >
                  <AreaMatrix
                    id="tabella-aree-anni"
                    caption={t('finance.dashboard.areasYears.caption')}
                    csv="spesa-aree-anni"
                    areas={m.areas}
                    columns={d.series.map((s) => ({
                      key: String(s.year),
                      header: s.partial ? t('finance.coverage.yearOption', { year: s.year, coverage: s.coverage ?? '' }) : String(s.year),
                      cents: (a) => s.byArea[a.code] ?? 0,
                      totalCents: s.total,
                    }))}
                  />
                </Chart>
              </Section>

              {d.trendSvg && (
                <Section id="andamento" title={t('finance.dashboard.trend.title')}>
                  <Chart
                    svg={d.trendSvg}
                    caption={t('finance.dashboard.trend.chart', { span, partial: withPartial })}
                    summary={d.changes
                      .map((c) =>
                        t(c.partial ? 'finance.dashboard.trend.itemPartial' : 'finance.dashboard.trend.item', {
                          year: c.current.year,
                          change: pct(c.change.value),
                          previous: c.previous.year,
                        }),
                      )
                      .join('; ')}
                  >
                    <DataTable
                      id="tabella-variazioni"
                      caption={t('finance.dashboard.changes.caption')}
                      small
                      rows={d.changes}
                      rowKey={(c) => String(c.current.year)}
                      columns={[
                        {
                          key: 'anno',
                          header: t('finance.year'),
                          value: (c) => c.current.year,
                          render: (c) => (c.partial ? t('finance.dashboard.partialYearData', { year: c.current.year }) : c.current.year),
                          rowHeader: true,
                          data: false,
                        },
                        col.changes.money('spesa', t('finance.spending'), (c) => c.current.amountCents, f.money),
                        col.changes.money('differenza', t('finance.checks.difference'), (c) => c.differenceCents, f.money),
                        col.changes.percent('variazione', t('finance.dashboard.change'), (c) => c.change.value, pct),
                        { key: 'formula', header: t('finance.formula'), value: (c) => c.change.formula, className: 'small' },
                      ]}
                    />
                  </Chart>
                </Section>
              )}

              <Section id="quote-aree" title={t('finance.dashboard.shares.title', { year: d.year })}>
                <DataTable
                  id="tabella-quote-aree"
                  caption={t('finance.dashboard.shares.caption')}
                  csv="spesa-quote-aree"
                  small
                  rows={shares}
                  rowKey={(s) => s.key}
                  columns={[
                    { key: 'area', header: t('finance.area'), value: (s) => s.name, rowHeader: true },
                    col.shares.money('spesa', t('finance.spending'), (s) => s.amountCents, f.money),
                    col.shares.percent('quota', t('finance.share'), (s) => s.share.value, pct),
                    {
                      key: 'utenti',
                      header: t('finance.dashboard.users'),
                      numeric: true,
                      value: (s) => s.cost?.users ?? null,
                      render: (s) => (s.cost ? (s.cost.users === null ? t('finance.dashboard.notRecorded') : f.count(s.cost.users)) : '—'),
                    },
                    col.shares.money('costo', t('finance.dashboard.costPerUser'), (s) => s.cost?.cost.valueCents ?? null, f.money),
                  ]}
                />
                {d.costs.length > 0 && (
                  <ul className="small text-secondary">
                    {d.costs
                      .filter((c) => c.cost.valueCents !== null)
                      .map((c) => (
                        <li key={c.area}>
                          {t('finance.dashboard.costPerUserOf', { area: c.name })}: <span translate="no">{c.cost.formula}</span>.
                        </li>
                      ))}
                  </ul>
                )}
              </Section>

              {checks.length > 0 && (
                <Section
                  id="controllo-pubblicati"
                  title={t('finance.checks.title', { year: d.year ?? '' })}
                  lead={t('finance.checks.lead', { sources: d.sources.join('; ') })}
                >
                  {checks.every((c) => c.matches) && <p>{t('finance.checks.allMatch')}</p>}
                  <DataTable
                    id="tabella-controllo-pubblicati"
                    caption={t('finance.checks.caption')}
                    small
                    rows={checks}
                    rowKey={(c) => c.what}
                    rowClassName={(c) => (c.matches ? undefined : 'table-warning')}
                    columns={[
                      { key: 'valore', header: t('finance.checks.what'), value: (c) => c.what, rowHeader: true, data: false },
                      {
                        key: 'pubblicato',
                        header: t('finance.checks.published'),
                        numeric: true,
                        value: (c) => c.published,
                        render: (c) => checkValue(c, c.published),
                      },
                      {
                        key: 'calcolato',
                        header: t('finance.checks.computed'),
                        numeric: true,
                        value: (c) => c.computed,
                        render: (c) => checkValue(c, c.computed),
                      },
                      {
                        key: 'differenza',
                        header: t('finance.checks.difference'),
                        numeric: true,
                        value: (c) => c.difference,
                        render: (c) => (c.matches ? '—' : checkValue(c, c.difference, true)),
                      },
                      { key: 'fonte', header: t('finance.checks.source'), value: (c) => `${c.source}; ${c.formula}`, className: 'small' },
                    ]}
                  />
                </Section>
              )}

              <Section id="canali" title={t('finance.dashboard.channels.title', { year: d.year })}>
                <ChannelChart d={d} />
              </Section>

              <Section id="controllo" title={t('finance.dashboard.check.title', { year: d.year })}>
                {m.rowSumsMatch && m.columnSumsMatch && m.totalsMatch ? (
                  <Notice tone="success" id="esito-controllo">
                    {t('finance.dashboard.check.ok', { total: f.money(m.grandTotal) })}
                  </Notice>
                ) : (
                  <Notice tone="warning" id="esito-controllo">
                    {t('finance.dashboard.check.ko')}
                  </Notice>
                )}
                <AreaMatrix
                  id="tabella-controllo"
                  caption={t('finance.dashboard.check.caption')}
                  csv="spesa-aree-canali"
                  areas={m.areas}
                  columns={m.channels.map((c) => ({
                    key: c.code,
                    header: <span translate="no">{c.name}</span>,
                    cents: (a) => m.cells[a.code]![c.code] ?? 0,
                    totalCents: m.columnTotals[c.code] ?? 0,
                  }))}
                  rowTotal={{ cents: (a) => m.rowTotals[a.code] ?? 0, totalCents: m.grandTotal }}
                />
              </Section>

              {d.byEnte.length > 1 && <EnteTable d={d} caption={t('finance.byEnte.caption', { year: d.year ?? '' })} />}

              <Section id="servizi-contributi" title={t('finance.dashboard.services.title')}>
                <p>{t('finance.dashboard.services.text')}</p>
              </Section>
            </>
          )}
        </>
      )}
    </>
  );
}

/** The share of each funding channel: the chart with its table, or the table alone when there is nothing to draw. */
function ChannelChart({ d }: { d: Data }) {
  const { t, f } = useI18n();
  const col = columnsOf(d.channelShares);
  const table = (
    <DataTable
      id="tabella-canali"
      caption={t('finance.dashboard.channels.caption')}
      csv="spesa-canali"
      small
      rows={d.channelShares}
      rowKey={(s) => s.key}
      columns={[
        { key: 'canale', header: t('finance.channel'), value: (s) => s.name, rowHeader: true },
        col.money('importo', t('finance.amount'), (s) => s.amountCents, f.money),
        col.percent(
          'quota',
          t('finance.share'),
          (s) => s.share.value,
          (v) => f.percent(v),
        ),
      ]}
    />
  );
  if (!d.channelSvg) return table;
  return (
    <Chart
      svg={d.channelSvg}
      caption={t('finance.dashboard.channels.chart', { year: d.year ?? '' })}
      summary={d.channelShares.map((s, i) => (
        <Fragment key={s.key}>
          {i > 0 ? ', ' : ''}
          <span translate="no">{s.name}</span> {f.percent(s.share.value, 1)}
        </Fragment>
      ))}
    >
      {table}
    </Chart>
  );
}

/** Each ente's own figure of the year: a comune's figure is complete for that comune, whatever the coverage. */
function EnteTable({ d, caption }: { d: Data; caption: string }) {
  const { t, f } = useI18n();
  if (d.byEnte.length === 0) return null;
  return (
    <DataTable
      id="tabella-enti"
      caption={caption}
      small
      rows={d.byEnte}
      rowKey={(e) => e.code}
      columns={[
        { key: 'ente', header: t('finance.ente'), value: (e) => e.label, rowHeader: true },
        columnsOf(d.byEnte).money('spesa', t('finance.spending'), (e) => e.totalCents, f.money),
      ]}
    />
  );
}

type Area = NonNullable<Data['matrix']>['areas'][number];

/**
 * Spending areas by year or by channel: one money column per year or channel, its total in the footer, and (for the
 * check of the sums) each area's total at the end of the row.
 */
function AreaMatrix({
  id,
  caption,
  csv,
  areas,
  columns,
  rowTotal,
}: {
  id: string;
  caption: string;
  csv: string;
  areas: Area[];
  columns: { key: string; header: ReactNode; cents: (a: Area) => number; totalCents: number }[];
  rowTotal?: { cents: (a: Area) => number; totalCents: number };
}) {
  const { t, f } = useI18n();
  const col = columnsOf(areas);
  const totals = [...columns, ...(rowTotal ? [{ key: 'totale', totalCents: rowTotal.totalCents }] : [])];
  return (
    <DataTable
      id={id}
      caption={caption}
      csv={csv}
      small
      rows={areas}
      rowKey={(a) => a.code}
      columns={[
        { key: 'area', header: t('finance.area'), value: (a) => a.name, rowHeader: true },
        ...columns.map((c) => col.money(c.key, c.header, c.cents, f.money)),
        ...(rowTotal ? [col.money('totale', t('finance.total'), rowTotal.cents, f.money, { className: 'fw-bold' })] : []),
      ]}
      footer={
        <tr>
          <th scope="row">{t('finance.total')}</th>
          {totals.map((c) => (
            <td className="num fw-bold" key={c.key}>
              {f.money(c.totalCents)}
            </td>
          ))}
        </tr>
      }
    />
  );
}
