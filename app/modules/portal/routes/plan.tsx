import { Link } from 'react-router';
import type { Route } from './+types/plan';
import { getActor, getServices } from '../../../shared/http/request.server.ts';
import { panelsFor } from '../../../shared/panels.server.ts';
import {
  Chart,
  DataTable,
  EmptyState,
  Facts,
  KpiGrid,
  linkColumn,
  moneyColumn,
  PageHeader,
  Panels,
  Section,
  StatusBadge,
  useI18n,
  type Column,
} from '../../../shared/ui/kit.ts';
import { getPortalPlan } from '../portal.queries.ts';
import { periodoOf, portalPlanOf, requirePortalAmbito } from '../portal.server.ts';
import { AmountTable, PlanDocuments, PlanStatusWords } from '../portal.plan-ui.tsx';
import { portalBase, progressBasis, ProgressText, ResultText } from '../portal.ui.tsx';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  const { today, choice, query, others } = await portalPlanOf(db, ambito, periodoOf(request));
  if (!choice) return { ambito, plan: null, query, others, panels: [] };
  // What other modules publish about the plan (participation: where it stands on its path; reports: its documents),
  // as this visitor may see it.
  const subject = { kind: 'plan' as const, planId: choice.plan.id, ambitoId: ambito.id, ambitoCode: ambito.code };
  const [plan, panels] = await Promise.all([getPortalPlan(db, choice.plan, today), panelsFor(db, subject, getActor(context))]);
  return { ambito, query, others, plan, panels };
}

type Data = NonNullable<Route.ComponentProps['loaderData']['plan']>;
type Row = Data['areas'][number]['rows'][number];

export default function PortalPlan({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, query, others } = loaderData;
  const base = portalBase(ambito.code);
  const crumbs = [{ label: t('portal.nav.home'), to: base }];
  if (!loaderData.plan)
    return (
      <>
        <PageHeader title={t('portal.plan.title')} context={ambito.name} breadcrumb={crumbs} />
        <EmptyState title={t('portal.plan.none')}>{t('portal.plan.noneText')}</EmptyState>
      </>
    );
  const d = loaderData.plan;
  const columns: Column<Row>[] = [
    linkColumn<Row>('code', t('portal.plan.code'), (o) => ({ text: o.code, to: `${base}/piano/obiettivi/${encodeURIComponent(o.code)}${query}` }), {
      className: 'text-nowrap',
    }),
    {
      key: 'title',
      header: t('portal.plan.objective'),
      value: (o) => o.title,
      data: false,
      render: (o) => (
        <>
          <span translate="no">{o.title}</span>
          {o.priority ? (
            <span className="ms-2">
              <StatusBadge tone="primary">{t('portal.plan.priority')}</StatusBadge>
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'progress',
      header: t('portal.plan.progress'),
      value: (o) => o.progress?.value ?? null,
      numeric: true,
      className: 'text-wrap',
      render: (o) => <ProgressText progress={o.progress} of="actions" />,
    },
    {
      key: 'latest',
      header: t('portal.plan.latest'),
      value: (o) => o.latest?.display ?? null,
      data: false,
      sortable: false,
      render: (o) => <ResultText result={o.latest} />,
    },
    moneyColumn<Row>('budget', t('portal.plan.budget'), (o) => o.budgetCents, f.money),
  ];
  const areaCaption = (a: Data['areas'][number]) =>
    a.kind === 'leps' ? t('portal.plan.lepsArea') : a.kind === 'none' ? t('portal.plan.noArea') : <span translate="no">{a.name}</span>;
  return (
    <>
      <PageHeader
        title={d.plan.title}
        titleIsData
        context={ambito.name}
        breadcrumb={crumbs}
        lead={
          <>
            {f.years(d.plan.periodStartYear, d.plan.periodEndYear)} · <PlanStatusWords status={d.plan.status} />
          </>
        }
      />
      <p>{t('portal.plan.intro')}</p>
      <Facts
        items={[
          { term: t('portal.plan.adoptedOn'), value: f.date(d.plan.adoptionDate) },
          ...(d.plan.adoptionAct ? [{ term: t('portal.plan.adoptionAct'), value: <span translate="no">{d.plan.adoptionAct}</span> }] : []),
        ]}
      />
      {d.documents.length === 0 ? <PlanDocuments documents={d.documents} /> : null}

      <KpiGrid
        label={t('portal.home.keyFigures')}
        items={[
          { label: t('portal.plan.objectives'), value: f.count(d.counts.objectives), testId: 'portal-plan-objectives' },
          { label: t('portal.plan.actions'), value: f.count(d.counts.actions) },
          {
            label: t('portal.plan.measured'),
            value: `${f.count(d.measuredIndicators)} / ${f.count(d.indicators)}`,
            hint: t('portal.plan.measuredHint'),
          },
          {
            label: t('portal.plan.progress'),
            value: d.progress?.value === null || !d.progress ? t('portal.progress.none') : f.percent(d.progress.value, 1),
            hint: d.progress && d.progress.value !== null ? progressBasis(t, f.count, d.progress, 'objectives') : undefined,
            testId: 'portal-plan-progress',
          },
        ]}
      />
      <p className="small">{t('portal.plan.progressRule')}</p>

      <Panels panels={loaderData.panels} />

      <Section id="obiettivi" title={t('portal.plan.byArea')}>
        {d.areas.map((a, i) => (
          <div key={`${a.kind}-${a.name ?? i}`}>
            <DataTable
              id={`area-${i + 1}`}
              caption={areaCaption(a)}
              rows={a.rows}
              rowKey={(o) => o.code}
              columns={columns}
              small
              csv={`obiettivi-area-${i + 1}`}
            />
            <p className="small">
              {t('portal.plan.areaProgress')}: <ProgressText progress={a.progress} of="objectives" />
            </p>
          </div>
        ))}
      </Section>

      <Section id="risorse" title={t('portal.plan.resources')}>
        <p>
          {t('portal.plan.resourcesTotal', { total: f.money(d.budget.totalCents) })}
          {d.budget.lepsCents > 0 ? ` ${t('portal.plan.resourcesLeps', { total: f.money(d.budget.lepsCents) })}` : ''}
        </p>
        {d.budget.areaSvg ? (
          <Chart
            svg={d.budget.areaSvg}
            caption={t('portal.plan.resourcesChart')}
            summary={t('portal.plan.resourcesTotal', { total: f.money(d.budget.totalCents) })}
          >
            <AmountTable
              id="risorse-per-area"
              caption={t('portal.plan.resourcesByArea')}
              by="area"
              rows={d.budget.byArea}
              rowKey={(r) => r.area}
              name={(r) => r.area}
            />
          </Chart>
        ) : (
          <p>{t('portal.plan.noResources')}</p>
        )}
        <p className="small">
          <Link to={`${base}/spesa`}>{t('portal.plan.spendingLink')}</Link>
        </p>
      </Section>

      {others.length > 0 ? (
        <Section id="altri-piani" title={t('portal.plan.others')}>
          <ul>
            {others.map((p) => (
              <li key={p.id}>
                <Link to={`${base}/piano${p.query}`} translate="no">
                  {p.title}
                </Link>{' '}
                (<PlanStatusWords status={p.status} />)
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
