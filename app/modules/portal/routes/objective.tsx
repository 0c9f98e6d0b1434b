import { data, Link } from 'react-router';
import type { Route } from './+types/objective';
import { getServices } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { PRIVACY_THRESHOLD } from '../../../shared/privacy/suppress.ts';
import { DataTable, Facts, KpiGrid, PageHeader, Section, StatusBadge, useI18n, type Column } from '../../../shared/ui/kit.ts';
import { AmountTable } from '../portal.plan-ui.tsx';
import { getPortalObjective } from '../portal.queries.ts';
import { periodoOf, portalPlanOf, requirePortalAmbito } from '../portal.server.ts';
import { portalBase, ProgressText, ResultText, TargetStatus } from '../portal.ui.tsx';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  const { today, choice, query } = await portalPlanOf(db, ambito, periodoOf(request));
  const objective = choice ? await getPortalObjective(db, choice.plan, params.objectiveCode, today) : null;
  if (!objective) throw data(tr('portal.notFound.objective', { code: params.objectiveCode }), { status: 404 });
  return { ambito, query, ...objective };
}

const ACTION_STATUSES = ['planned', 'in_progress', 'completed', 'partially_completed', 'not_realised', 'cancelled'];

type Data = Route.ComponentProps['loaderData'];
type Action = Data['actions'][number];
type Indicator = Data['indicators'][number];

/** One indicator: its label (data), its latest value, and a table of the plan's years: target as worded, value achieved. */
function IndicatorCard({ indicator: i, index }: { indicator: Indicator; index: number }) {
  const { t, f } = useI18n();
  type Year = Indicator['years'][number];
  const actual = (y: Year) => {
    if (y.suppressed) return t('portal.count.suppressed', { threshold: PRIVACY_THRESHOLD });
    if (y.actual === null) return t('portal.indicator.notMeasured');
    const n = i.kind === 'ratio' ? f.percent(y.actual, 2) : f.numberUpTo(y.actual, 2);
    return y.complete ? n : t('portal.indicator.partialYear', { value: n });
  };
  const columns: Column<Year>[] = [
    { key: 'year', header: t('portal.indicator.year'), value: (y) => y.year, rowHeader: true, data: false, sortable: false },
    { key: 'target', header: t('portal.indicator.target'), value: (y) => y.target ?? '—', sortable: false, className: 'text-break' },
    {
      key: 'actual',
      header: t('portal.indicator.actual'),
      value: (y) => y.actual,
      numeric: true,
      sortable: false,
      render: (y) => actual(y),
    },
    { key: 'status', header: t('portal.indicator.status'), data: false, sortable: false, render: (y) => <TargetStatus status={y.status} /> },
  ];
  return (
    <div className="border rounded p-3 mb-3">
      <h3 className="h5 text-break">
        <span translate="no">{i.code}</span> · <span translate="no">{i.label}</span>
      </h3>
      <p className="small mb-1">
        {i.actionNumber ? t('portal.indicator.ofAction', { number: i.actionNumber }) : t('portal.indicator.ofObjective')}
        {i.unit ? (
          <>
            {' · '}
            {t('portal.indicator.unit')}: <span translate="no">{i.unit}</span>
          </>
        ) : null}
      </p>
      <p className="mb-1">
        {t('portal.indicator.latest')}: <ResultText result={i.latest} />
      </p>
      {i.periodTargets.length > 0 ? (
        <p className="small mb-1 text-break">
          {t('portal.indicator.periodTarget')}: <span translate="no">{i.periodTargets.join('; ')}</span>
        </p>
      ) : null}
      <DataTable
        id={`indicatore-${index + 1}`}
        caption={t('portal.indicator.caption', { code: i.code })}
        rows={i.years}
        rowKey={(y) => String(y.year)}
        columns={columns}
        small
      />
    </div>
  );
}

export default function PortalObjective({ loaderData: d }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const base = portalBase(d.ambito.code);
  const o = d.objective;
  const statusWord = (s: string) => (ACTION_STATUSES.includes(s) ? t(`portal.actionStatus.${s}` as MessageKey) : t('portal.actionStatus.other'));
  const actionColumns: Column<Action>[] = [
    { key: 'number', header: t('portal.action.number'), value: (a) => a.number, rowHeader: true, className: 'text-nowrap' },
    { key: 'description', header: t('portal.action.description'), value: (a) => a.description, className: 'text-break' },
    { key: 'status', header: t('portal.action.status'), value: (a) => statusWord(a.status), data: false },
    {
      key: 'realisation',
      header: t('portal.action.realisation'),
      value: (a) => a.realisation?.value ?? null,
      numeric: true,
      className: 'text-wrap',
      render: (a) =>
        a.realisation?.value === null || !a.realisation ? (
          <span className="text-secondary">{t('portal.progress.none')}</span>
        ) : (
          <>
            {f.percent(a.realisation.value, 1)}
            <span className="d-block small text-secondary">
              {a.realisation.source === 'declared'
                ? t('portal.action.declared')
                : t('portal.action.fromTargets', { met: f.count(a.realisation.met), targets: f.count(a.realisation.targets) })}
            </span>
          </>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('portal.objective.title', { code: o.code, title: o.title })}
        context={d.ambito.name}
        breadcrumb={[
          { label: t('portal.nav.home'), to: base },
          { label: d.plan.title, data: true, to: `${base}/piano${d.query}` },
        ]}
        lead={
          <>
            {o.kind === 'leps' ? t('portal.plan.lepsArea') : o.macroArea ? <span translate="no">{o.macroArea}</span> : t('portal.plan.noArea')}
            {o.priority ? (
              <span className="ms-2">
                <StatusBadge tone="primary">{t('portal.plan.priority')}</StatusBadge>
              </span>
            ) : null}
          </>
        }
      />
      {o.description ? (
        <p className="text-break" translate="no" style={{ whiteSpace: 'pre-line' }}>
          {o.description}
        </p>
      ) : null}
      <Facts
        items={[
          ...(o.policyAreas.length ? [{ term: t('portal.objective.policyAreas'), value: <span translate="no">{o.policyAreas.join(', ')}</span> }] : []),
          { term: t('portal.plan.progress'), value: <ProgressText progress={d.progress} of="actions" />, testId: 'portal-objective-progress' },
        ]}
      />
      <KpiGrid
        label={t('portal.home.keyFigures')}
        items={[
          { label: t('portal.plan.actions'), value: f.count(d.actions.length) },
          { label: t('portal.objective.indicators'), value: f.count(d.indicators.length) },
          { label: t('portal.plan.budget'), value: f.money(d.budget.totalCents), testId: 'portal-objective-budget' },
        ]}
      />

      <Section id="azioni" title={t('portal.objective.actions')}>
        <DataTable
          id="tabella-azioni"
          caption={t('portal.objective.actionsCaption')}
          rows={d.actions}
          rowKey={(a) => a.id}
          columns={actionColumns}
          small
          empty={<p>{t('portal.objective.noActions')}</p>}
        />
      </Section>

      <Section id="indicatori" title={t('portal.objective.indicatorsTitle')} lead={t('portal.objective.indicatorsLead')}>
        {d.indicators.length === 0 ? (
          <p>{t('portal.objective.noIndicators')}</p>
        ) : (
          d.indicators.map((i, k) => <IndicatorCard key={i.id} indicator={i} index={k} />)
        )}
      </Section>

      <Section id="risorse" title={t('portal.objective.budgetTitle')}>
        <AmountTable
          id="risorse-per-fondo"
          caption={t('portal.objective.byFund')}
          by="fund"
          rows={d.budget.byFund}
          rowKey={(r) => r.fund}
          name={(r) => r.name}
          empty={<p>{t('portal.objective.noBudget')}</p>}
          footer={
            d.budget.byFund.length > 1 ? (
              <tr>
                <th scope="row">{t('portal.total')}</th>
                <td className="num">{f.money(d.budget.totalCents)}</td>
              </tr>
            ) : undefined
          }
        />
        {d.budget.byYear.length > 1 ? (
          <p className="small">
            {t('portal.objective.byYear')}:{' '}
            {d.budget.byYear.map((y) => `${y.year === null ? t('portal.objective.wholePeriod') : y.year} ${f.money(y.cents)}`).join(' · ')}
          </p>
        ) : null}
      </Section>

      <nav aria-label={t('portal.objective.around')} className="d-flex flex-wrap justify-content-between gap-2 mt-4">
        {d.previous ? (
          <Link to={`${base}/piano/obiettivi/${encodeURIComponent(d.previous.code)}${d.query}`}>
            ← {t('portal.objective.short', { code: d.previous.code })}
          </Link>
        ) : (
          <span />
        )}
        {d.next ? (
          <Link to={`${base}/piano/obiettivi/${encodeURIComponent(d.next.code)}${d.query}`}>{t('portal.objective.short', { code: d.next.code })} →</Link>
        ) : null}
      </nav>
    </>
  );
}
