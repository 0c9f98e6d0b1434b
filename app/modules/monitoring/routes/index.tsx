import { data, Link } from 'react-router';
import type { Route } from './+types/index';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DataTable, EmptyState, PageHeader, rowHeaderColumn, useI18n } from '../../../shared/ui/kit.ts';
import { getAmbitoByCode } from '../../territory/index.server.ts';
import { statusLabel } from '../../planning/index.server.ts';
import type { PlanStatus } from '../../planning/index.ts';
import { authorize } from '../monitoring.policy.ts';
import { listDue, listMonitoringPlans, todayInRome } from '../monitoring.queries.ts';
import { usePeriods } from '../components/measured-value.tsx';
import { countText } from '../components/value-text.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data(tr('mon.notFound.ambito'), { status: 404 });
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'monitoring.read', { id: ambito.id, regionCode: ambito.regionCode }, { hide: true }));
  const today = todayInRome();
  const plans = await listMonitoringPlans(db, ambito.id);
  const due = await Promise.all(plans.filter((p) => p.underWay).map(async (p) => ({ planId: p.id, due: await listDue(db, p.id, today) })));
  return {
    ambito: { code: ambito.code, name: ambito.name },
    today,
    plans: plans.map((p) => ({
      id: p.id,
      title: p.title,
      start: p.periodStartYear,
      end: p.periodEndYear,
      status: statusLabel(p.templateId, p.status as PlanStatus),
      underWay: p.underWay,
      closed: p.status === 'closed',
      hasEvaluation: p.hasEvaluation,
      due: due.find((d) => d.planId === p.id)?.due ?? null,
    })),
  };
}

type Due = NonNullable<Route.ComponentProps['loaderData']['plans'][number]['due']>;

export default function MonitoringIndex({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const periods = usePeriods();
  const { ambito, plans } = loaderData;
  const base = `/ambiti/${ambito.code}/monitoraggio`;
  const dueText = (due: Due) =>
    (due.total === 0
      ? t('mon.index.nothingOverdue')
      : t('mon.index.overdue', {
          values: countText(t, f, 'values', due.total),
          indicators: countText(t, f, 'indicators', due.indicators),
          periods: periods(due.periods),
        })) + (due.toCollect.total ? t('mon.index.toCollect', { count: f.count(due.toCollect.total), periods: periods(due.toCollect.periods) }) : '');
  return (
    <>
      <PageHeader title={t('mon.index.title')} context={ambito.name} lead={<span translate="no">{ambito.name}</span>} />
      <p>{t('mon.index.intro')}</p>
      <DataTable
        id="piani"
        caption={t('mon.index.caption')}
        rows={plans}
        rowKey={(p) => p.id}
        empty={<EmptyState title={t('mon.index.none')} />}
        columns={[
          rowHeaderColumn<(typeof plans)[number]>('piano', t('mon.index.col.plan'), {
            value: (p) => p.title,
            render: (p) => (
              <Link to={`${base}/${p.id}`} translate="no">
                {p.title}
              </Link>
            ),
          }),
          { key: 'periodo', header: t('mon.index.col.period'), value: (p) => p.start, render: (p) => f.years(p.start, p.end), data: false },
          { key: 'stato', header: t('mon.index.col.status'), value: (p) => p.status },
          { key: 'da-misurare', header: t('mon.index.col.due'), data: false, render: (p) => (p.due === null ? '—' : dueText(p.due)) },
          {
            key: 'valutazione',
            header: t('mon.index.col.evaluation'),
            data: false,
            render: (p) => (
              <Link to={`${base}/${p.id}/valutazione`} aria-label={t('mon.index.gridLabel', { plan: p.title })}>
                {t(p.hasEvaluation ? 'mon.index.grid' : p.closed ? 'mon.index.gridFill' : 'mon.index.gridLater')}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
