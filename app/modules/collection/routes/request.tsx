import { Link, redirect } from 'react-router';
import type { Route } from './+types/request';
import { renderChartSvg } from '../../../shared/charts/charts.server.ts';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { Chart, DataTable, DoneNotice, IntentForm, KpiGrid, Notice, PageHeader, Section, StatusBadge, useI18n, type Column } from '../../../shared/ui/kit.ts';
import { today } from '../../territory/index.server.ts';
import { statesChart } from '../collection.charts.ts';
import { closeRequest } from '../collection.commands.ts';
import { abilitiesFor } from '../collection.policy.ts';
import { getRequestMatrix } from '../collection.queries.ts';
import { ENTRY_STATES, type CollectionItem, type EntryState } from '../collection.rules.ts';
import { openRequest, remindIntent } from '../collection.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito, request: req } = await openRequest(context, request, params);
  const day = today();
  const matrix = await getRequestMatrix(db, req, day);
  const chart = renderChartSvg(
    statesChart(
      matrix.items.map((i) => ({ label: tr(`coll.item.${i}` as MessageKey), counts: matrix.progress.byItem[i] })),
      Object.fromEntries(ENTRY_STATES.map((s) => [s, tr(`coll.state.${s}` as MessageKey)])) as Record<EntryState, string>,
    ),
    { width: 720, height: 80 + matrix.items.length * 48 },
  );
  return {
    ambito: { code: ambito.code, name: ambito.name },
    request: {
      id: req.id,
      title: req.title,
      year: req.year,
      deadline: req.deadline,
      status: req.status,
      message: req.message,
      version: req.version,
      overdue: req.deadline < day,
    },
    matrix,
    chart,
    can: abilitiesFor(actor, ambito),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db, ambito, request: req } = await openRequest(context, request, params);
  return intentAction(request, {
    remind: () => remindIntent(context, request, actor, ambito.id),
    close: async (form) => {
      await closeRequest({ db, actor, requestId: req.id, input: { version: form.version } });
      return redirect(`/ambiti/${ambito.code}/raccolte/${req.id}?esito=chiusa`);
    },
  });
}

const TONE: Record<EntryState, 'secondary' | 'info' | 'primary' | 'warning' | 'success'> = {
  da_compilare: 'secondary',
  bozza: 'info',
  inviato: 'primary',
  restituito: 'warning',
  validato: 'success',
};

export default function Request({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, request, matrix, chart, can } = loaderData;
  const base = `/ambiti/${ambito.code}/raccolte/${request.id}`;
  type R = (typeof matrix.recipients)[number];
  const coverage = t(matrix.progress.validatedRecipients === 1 ? 'coll.progress.one' : 'coll.progress', {
    n: f.count(matrix.progress.validatedRecipients),
    of: f.count(matrix.progress.recipients),
  });
  const count = (states: EntryState[]) => matrix.items.reduce((s, i) => s + states.reduce((x, st) => x + matrix.progress.byItem[i][st], 0), 0);
  const overdue = matrix.recipients.filter((r) => matrix.progress.overdue.includes(r.comuneId));
  const columns: Column<R>[] = [
    {
      key: 'comune',
      header: t('coll.request.comune'),
      rowHeader: true,
      value: (r) => r.name,
      render: (r) => <Link to={`${base}/comuni/${r.istat}`}>{r.name}</Link>,
    },
    ...matrix.items.map((item): Column<R> => ({
      key: item,
      header: t(`coll.item.${item as CollectionItem}`),
      data: false,
      value: (r) => t(`coll.state.${r.states[item as CollectionItem] ?? 'da_compilare'}`),
      render: (r) => {
        const s = r.states[item as CollectionItem] ?? 'da_compilare';
        return (
          <Link to={`${base}/comuni/${r.istat}#voce-${item}`} className="text-decoration-none">
            <StatusBadge tone={TONE[s]}>{t(`coll.state.${s}`)}</StatusBadge>
          </Link>
        );
      },
    })),
  ];
  return (
    <>
      <PageHeader
        title={request.title}
        titleIsData
        context={ambito.name}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('coll.list.title'), to: `/ambiti/${ambito.code}/raccolte` },
        ]}
        lead={t('coll.request.lead', { year: request.year, count: f.count(matrix.recipients.length), deadline: f.date(request.deadline) })}
      />
      <DoneNotice messages={{ aperta: 'coll.open.done.short', chiusa: 'coll.request.close.done' }} />
      {request.status === 'chiusa' && <Notice>{t('coll.request.closed')}</Notice>}
      {request.message && (
        <Notice title={t('coll.entry.message')}>
          <span translate="no">{request.message}</span>
        </Notice>
      )}
      <p className="fw-semibold" data-testid="completeness">
        {t('coll.request.completeness', { year: request.year, coverage })}{' '}
        <Link to={`/ambiti/${ambito.code}/risorse?anno=${request.year}`}>{t('coll.request.toFinance', { year: request.year })}</Link>
      </p>
      <KpiGrid
        items={[
          { label: t('coll.request.kpi.validated'), value: coverage, testId: 'kpi-validated' },
          { label: t('coll.request.kpi.sent'), value: f.count(count(['inviato'])) },
          { label: t('coll.request.kpi.pending'), value: f.count(count(['da_compilare', 'bozza', 'restituito'])) },
          { label: t('coll.request.kpi.overdue'), value: f.count(overdue.length), tone: overdue.length ? 'warning' : 'default' },
        ]}
      />
      <Section id="matrice" title={t('coll.request.matrix')} lead={t('coll.request.matrix.lead')}>
        <DataTable id="stati" caption={t('coll.request.matrix')} rows={matrix.recipients} rowKey={(r) => r.comuneId} columns={columns} csv="stati-raccolta" />
        <Chart svg={chart} caption={t('coll.request.chart')} summary={t('coll.request.chart.summary')} />
      </Section>
      <Section
        id="ritardi"
        title={t('coll.request.overdue')}
        lead={t(request.overdue ? 'coll.request.overdue.passed' : 'coll.request.overdue.open', { deadline: f.date(request.deadline) })}
      >
        {!request.overdue ? null : overdue.length === 0 ? (
          <p>{t('coll.request.overdue.none')}</p>
        ) : (
          <ul>
            {overdue.map((r) => (
              <li key={r.comuneId}>
                <Link to={`${base}/comuni/${r.istat}`} translate="no">
                  {r.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {can['request.manage'] && request.status === 'aperta' && (
        <>
          <Section id="promemoria" title={t('coll.request.remind')} lead={t('coll.request.remind.lead')}>
            <IntentForm intent="remind" actionData={actionData} submitLabel={t('coll.request.remind')} submitClassName="btn btn-outline-primary" />
          </Section>
          <Section id="chiudi" title={t('coll.request.close')} lead={t('coll.request.close.lead')}>
            <IntentForm intent="close" actionData={actionData} submitLabel={t('coll.request.close')} submitClassName="btn btn-outline-danger">
              <input type="hidden" name="version" value={request.version} />
            </IntentForm>
          </Section>
        </>
      )}
    </>
  );
}
