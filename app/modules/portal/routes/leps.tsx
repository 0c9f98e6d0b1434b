import { Link } from 'react-router';
import type { Route } from './+types/leps';
import { getServices } from '../../../shared/http/request.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { Chart, DataTable, EmptyState, figureColumn, PageHeader, Section, StatusBadge, useI18n, type Column } from '../../../shared/ui/kit.ts';
import { todayInRome } from '../../monitoring/index.server.ts';
import { getPortalLeps } from '../portal.queries.ts';
import { requirePortalAmbito } from '../portal.server.ts';
import { portalBase } from '../portal.ui.tsx';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  return { ambito, ...(await getPortalLeps(db, ambito, Number(todayInRome().slice(0, 4)))) };
}

type Year = Route.ComponentProps['loaderData']['history'][number];

function Reached({ status }: { status: string }) {
  const { t } = useI18n();
  const tone = status === 'raggiunto' ? 'success' : status === 'non_raggiunto' ? 'danger' : 'secondary';
  return <StatusBadge tone={tone}>{t(`portal.leps.status.${status}` as MessageKey)}</StatusBadge>;
}

export default function PortalLeps({ loaderData: d }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const columns: Column<Year>[] = [
    { key: 'year', header: t('portal.leps.year'), value: (y) => y.year, rowHeader: true, data: false },
    {
      key: 'population',
      header: t('portal.leps.population'),
      numeric: true,
      value: (y) => y.population,
      // A year without its own figure uses the latest earlier one, and says which.
      render: (y) =>
        y.population === null
          ? '—'
          : y.populationYear !== null && y.populationYear !== y.year
            ? t('portal.leps.populationOf', { population: f.count(y.population), year: y.populationYear })
            : f.count(y.population),
    },
    figureColumn<Year>('fte', t('portal.leps.fte'), (y) => y.fte, f.fte, { empty: t('portal.leps.noStaff') }),
    figureColumn<Year>(
      'ratio',
      t('portal.leps.ratio'),
      (y) => y.inhabitantsPerWorker,
      (n) => f.number(n, 0),
    ),
    figureColumn<Year>('leps', t('portal.leps.lepsRequired'), (y) => y.lepsRequired, f.fte),
    { key: 'lepsStatus', header: t('portal.leps.lepsStatus'), data: false, value: (y) => y.lepsStatus, render: (y) => <Reached status={y.lepsStatus} /> },
    figureColumn<Year>('objective', t('portal.leps.objectiveRequired'), (y) => y.objectiveRequired, f.fte),
    {
      key: 'objectiveStatus',
      header: t('portal.leps.objectiveStatus'),
      data: false,
      value: (y) => y.objectiveStatus,
      render: (y) => <Reached status={y.objectiveStatus} />,
    },
  ];
  const last = d.history.at(-1) ?? null;
  const table = (
    <DataTable
      id="rapporto-per-anno"
      caption={t('portal.leps.caption')}
      rows={d.history}
      rowKey={(y) => String(y.year)}
      columns={columns}
      csv="assistenti-sociali-per-anno"
      small
    />
  );
  return (
    <>
      <PageHeader title={t('portal.leps.title')} context={d.ambito.name} breadcrumb={[{ label: t('portal.nav.home'), to: portalBase(d.ambito.code) }]} />
      <p>{t('portal.leps.intro')}</p>
      <p className="small">{t('portal.leps.rule')}</p>
      <Section id="assistenti-sociali" title={t('portal.leps.ratioTitle')}>
        {!d.staffRecorded ? (
          <EmptyState title={t('portal.leps.noStaffTitle')}>{t('portal.leps.noStaffText')}</EmptyState>
        ) : last ? (
          <p data-testid="portal-leps-current">
            {t('portal.leps.current', {
              year: last.year,
              fte: f.fte(last.fte ?? 0),
              ratio: last.inhabitantsPerWorker === null ? f.na : f.number(last.inhabitantsPerWorker, 0),
            })}
          </p>
        ) : null}
        {d.history.length > 0 ? (
          d.chartSvg ? (
            <Chart svg={d.chartSvg} caption={t('portal.leps.chart')} summary={t('portal.leps.chartSummary')} tableOpen>
              {table}
            </Chart>
          ) : (
            table
          )
        ) : null}
      </Section>
      <p>
        <Link to="/leps/catalogo">{t('portal.leps.catalogue')}</Link>
      </p>
    </>
  );
}
