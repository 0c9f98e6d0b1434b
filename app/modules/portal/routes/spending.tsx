import { Link } from 'react-router';
import type { Route } from './+types/spending';
import { getServices } from '../../../shared/http/request.server.ts';
import { Chart, DataTable, EmptyState, moneyColumn, PageHeader, Section, useI18n, type Column } from '../../../shared/ui/kit.ts';
import { AmountTable } from '../portal.plan-ui.tsx';
import { getPortalSpending } from '../portal.queries.ts';
import { periodoOf, portalPlanOf, requirePortalAmbito } from '../portal.server.ts';
import { portalBase, PublishedCountText } from '../portal.ui.tsx';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  const { choice, query } = await portalPlanOf(db, ambito, periodoOf(request));
  return { ambito, query, ...(await getPortalSpending(db, ambito, choice?.plan ?? null)) };
}

type Data = Route.ComponentProps['loaderData'];
type Area = Data['areas'][number];
type User = Data['users'][number];

export default function PortalSpending({ loaderData: d }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const base = portalBase(d.ambito.code);
  const comuniOf = (n: number, of: number) => t(n === 1 ? 'portal.spending.coverageOne' : 'portal.spending.coverage', { n: f.count(n), of: f.count(of) });
  const coverage = (c: Data['years'][number]['coverage']) =>
    !c ? '—' : c.basis === 'ambito' ? t('portal.spending.ambitoData') : comuniOf(c.withData, c.members);
  const areaColumns: Column<Area>[] = [
    { key: 'area', header: t('portal.spending.area'), value: (a) => a.name, rowHeader: true },
    ...d.years.map((y, i) => moneyColumn<Area>(`y${y.year}`, String(y.year), (a) => a.byYear[i]!.cents, f.money)),
  ];
  return (
    <>
      <PageHeader title={t('portal.spending.title')} context={d.ambito.name} breadcrumb={[{ label: t('portal.nav.home'), to: base }]} />
      <p>{t('portal.spending.intro')}</p>

      <Section id="spesa-per-area" title={t('portal.spending.byAreaTitle')}>
        {d.years.length === 0 ? (
          <EmptyState title={t('portal.spending.none')}>{t('portal.spending.noneText')}</EmptyState>
        ) : (
          <>
            <ul className="list-unstyled" data-testid="portal-spending-coverage">
              {d.years.map((y) => (
                <li key={y.year}>
                  {t('portal.spending.yearTotal', { year: y.year, total: f.money(y.totalCents) })} · {coverage(y.coverage)}
                </li>
              ))}
            </ul>
            {d.stackedSvg ? (
              <Chart
                svg={d.stackedSvg}
                caption={t('portal.spending.chart')}
                summary={t('portal.spending.chartSummary', { years: d.years.map((y) => y.year).join(', ') })}
              >
                <DataTable
                  id="spesa-aree-anni"
                  caption={t('portal.spending.byAreaCaption')}
                  rows={d.areas}
                  rowKey={(a) => a.code}
                  columns={areaColumns}
                  csv="spesa-per-area-e-anno"
                  small
                  footer={
                    <tr>
                      <th scope="row">{t('portal.total')}</th>
                      {d.years.map((y) => (
                        <td key={y.year} className="num">
                          {f.money(y.totalCents)}
                        </td>
                      ))}
                    </tr>
                  }
                />
              </Chart>
            ) : null}
          </>
        )}
        {d.excluded.length > 0 ? (
          <p className="small">
            {t('portal.spending.excluded')} {d.excluded.map((e) => `${e.year} (${comuniOf(e.withData, e.members)})`).join('; ')}
          </p>
        ) : null}
        {d.sources.length > 0 ? (
          <p className="small text-break">
            {t('portal.spending.sources')}: <span translate="no">{d.sources.join('; ')}</span>
          </p>
        ) : null}
      </Section>

      {d.users.length > 0 && d.selectedYear !== null ? (
        <Section id="persone" title={t('portal.spending.usersTitle', { year: d.selectedYear })} lead={t('portal.spending.usersLead')}>
          <DataTable
            id="persone-per-area"
            caption={t('portal.spending.usersCaption', { year: d.selectedYear })}
            rows={d.users}
            rowKey={(u) => u.area}
            small
            columns={[
              { key: 'area', header: t('portal.spending.area'), value: (u: User) => u.name, rowHeader: true },
              {
                key: 'users',
                header: t('portal.spending.users'),
                numeric: true,
                value: (u: User) => u.users.value,
                render: (u: User) => <PublishedCountText count={u.users} />,
              },
              moneyColumn<User>('spend', t('portal.spending.spend'), (u) => u.spendCents, f.money),
            ]}
          />
        </Section>
      ) : null}

      <Section id="bilancio" title={t('portal.spending.budgetTitle')}>
        {!d.plan ? (
          <p>{t('portal.plan.none')}</p>
        ) : (
          <>
            <p>
              {t('portal.spending.budgetLead', { total: f.money(d.plan.totalCents) })}{' '}
              <Link to={`${base}/piano${d.query}`} translate="no">
                {d.plan.title}
              </Link>
            </p>
            {d.plan.fundSvg ? (
              <Chart
                svg={d.plan.fundSvg}
                caption={t('portal.spending.fundChart')}
                summary={t('portal.plan.resourcesTotal', { total: f.money(d.plan.totalCents) })}
                tableOpen
              >
                <AmountTable
                  id="bilancio-per-fondo"
                  caption={t('portal.spending.byFund')}
                  by="fund"
                  rows={d.plan.byFund}
                  rowKey={(r) => r.fund}
                  name={(r) => r.name}
                />
              </Chart>
            ) : (
              <p>{t('portal.plan.noResources')}</p>
            )}
            {d.plan.lepsCents > 0 ? <p className="small">{t('portal.plan.resourcesLeps', { total: f.money(d.plan.lepsCents) })}</p> : null}
          </>
        )}
      </Section>
    </>
  );
}
