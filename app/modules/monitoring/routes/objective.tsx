import type { Route } from './+types/objective';
import type { Db } from '../../../shared/db/client.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DataTable, Facts, IntentField, IntentForm, KpiGrid, PageHeader, selectClass, useFormResult, useI18n } from '../../../shared/ui/kit.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { ACTION_STATUSES } from '../../planning/index.ts';
import { getObjectiveDetail } from '../../planning/index.server.ts';
import { updateActionProgress } from '../monitoring.commands.ts';
import { abilitiesFor } from '../monitoring.policy.ts';
import { getPlanDashboard, listLatestMeasurements, todayInRome } from '../monitoring.queries.ts';
import { pagePlan, pageProgress, readablePlan, recordOfPlan, requireMonitoringPlan } from '../monitoring.server.ts';
import type { ShownValue } from '../monitoring.rules.ts';
import type { TargetStatus } from '../targets.rules.ts';
import { StatusBadge } from '../components/status-badge.tsx';
import { MeasuredValue } from '../components/measured-value.tsx';
import { coverageText, periodText, progressFormula, realisationFormula } from '../components/value-text.ts';
import { codeLinkColumn } from '../components/tables.tsx';

/** The objective of the URL, with its indicators (404 when it is not of the URL's plan). */
const objectiveOf = (db: Db, objectiveId: string, planId: string) =>
  recordOfPlan(
    objectiveId,
    (id) => getObjectiveDetail(db, id),
    (r) => r.objective.planId,
    planId,
    'mon.obj.notFound',
  );

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, header } = await readablePlan({ params, context, request });
  const detail = await objectiveOf(db, params.objectiveId, header.plan.id);
  const today = todayInRome();
  const dashboard = (await getPlanDashboard(db, header.plan.id, today))!;
  const row = dashboard.objectives.find((o) => o.id === detail.objective.id)!;
  const latest = await listLatestMeasurements(
    db,
    detail.indicators.map((i) => i.id),
    today,
  );
  const indicatorRow = (i: (typeof detail.indicators)[number]): IndicatorRow => {
    const l = latest.find((x) => x.indicatorId === i.id)!;
    return {
      id: i.id,
      code: i.code,
      label: i.label,
      period: l.period,
      shown: l.shown,
      target: l.target ? { status: l.target.status, reason: l.target.reason } : null,
    };
  };
  return {
    code: params.code,
    plan: pagePlan(header.plan),
    objective: { id: detail.objective.id, code: detail.objective.code, title: detail.objective.title, macroArea: detail.objective.macroArea },
    progress: pageProgress(row.progress),
    counts: row.counts,
    actions: row.actions.map(({ weight: _weight, ...a }) => ({ ...a, indicators: detail.indicators.filter((i) => i.actionId === a.id).map(indicatorRow) })),
    objectiveIndicators: detail.indicators.filter((i) => i.actionId === null).map(indicatorRow),
    can: abilitiesFor(actor, header.scope),
  };
}

/** One form per action: its intent names the action (`progress-<id>`), so that its result shows next to it. */
export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const { header } = await requireMonitoringPlan(db, params.code, params.planId);
  const detail = await objectiveOf(db, params.objectiveId, header.plan.id);
  return intentAction(
    request,
    Object.fromEntries(
      detail.actions.map((a) => [
        `progress-${a.id}`,
        async (form) => {
          const updated = await updateActionProgress({ db, actor, actionId: a.id, input: form });
          return done(`progress-${a.id}`, tr('mon.obj.updated', { number: updated.number }));
        },
      ]),
    ),
  );
}

interface IndicatorRow {
  id: string;
  code: string;
  label: string;
  period: string | null;
  shown: ShownValue;
  target: { status: TargetStatus; reason: string } | null;
}

function IndicatorTable({ id, rows, caption, base }: { id: string; rows: IndicatorRow[]; caption: string; base: string }) {
  const { t } = useI18n();
  return (
    <DataTable
      id={id}
      small
      caption={caption}
      rows={rows}
      rowKey={(i) => i.id}
      columns={[
        codeLinkColumn<IndicatorRow>(
          t('mon.obj.col.code'),
          (i) => `${base}/indicatori/${i.id}`,
          (i) => t('mon.obj.indicatorLink', { code: i.code }),
        ),
        { key: 'indicatore', header: t('mon.obj.col.indicator'), value: (i) => i.label },
        {
          key: 'ultimo',
          header: t('mon.obj.col.latest'),
          data: false,
          value: (i) => i.period,
          render: (i) =>
            i.period ? (
              <>
                <MeasuredValue value={i.shown} /> ({periodText(i.period, t)})
              </>
            ) : (
              '—'
            ),
        },
        {
          key: 'target',
          header: t('mon.obj.col.target'),
          data: false,
          value: (i) => i.target?.status ?? null,
          render: (i) =>
            i.target ? (
              <>
                <StatusBadge status={i.target.status} /> <span className="small">{i.target.reason}</span>
              </>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

export default function ObjectiveMonitoring({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const d = loaderData;
  const base = `/ambiti/${d.code}/monitoraggio/${d.plan.id}`;
  const self = `${base}/obiettivi/${d.objective.id}`;
  return (
    <>
      <PageHeader
        title={`${d.objective.code} – ${d.objective.title}`}
        titleIsData
        context={d.plan.title}
        breadcrumb={[
          { label: t('nav.monitoring'), to: `/ambiti/${d.code}/monitoraggio` },
          { label: d.plan.title, data: true, to: base },
        ]}
        lead={d.objective.macroArea ? <span translate="no">{d.objective.macroArea}</span> : undefined}
      />
      <KpiGrid
        label={t('mon.obj.kpi')}
        items={[
          {
            label: t('mon.obj.progress'),
            value: f.percent(d.progress.value),
            hint: progressFormula(d.progress, f, t),
            testId: 'objective-progress',
          },
          {
            label: t('mon.obj.targets'),
            value: `${f.count(d.counts.raggiunto)}/${f.count(d.counts.total)}`,
            hint: t('mon.obj.targetsLine', {
              met: f.count(d.counts.raggiunto),
              notMet: f.count(d.counts.non_raggiunto),
              missing: f.count(d.counts.dati_mancanti),
              inProgress: f.count(d.counts.in_corso),
            }),
          },
        ]}
      />
      {d.objectiveIndicators.length > 0 && (
        <IndicatorTable id="indicatori-obiettivo" rows={d.objectiveIndicators} caption={t('mon.obj.indicators')} base={base} />
      )}
      {d.actions.map((a) => (
        <ActionSection key={a.id} action={a} base={base} self={self} canWrite={d.can['progress.write']} actionData={actionData} />
      ))}
    </>
  );
}

type ActionRow = Route.ComponentProps['loaderData']['actions'][number];

function ActionSection({
  action: a,
  base,
  self,
  canWrite,
  actionData,
}: {
  action: ActionRow;
  base: string;
  self: string;
  canWrite: boolean;
  actionData: unknown;
}) {
  const { t, f } = useI18n();
  const intent = `progress-${a.id}`;
  const { errors } = useFormResult(actionData, intent);
  return (
    <article className="border-top pt-3 mt-3" aria-labelledby={`azione-${a.id}`}>
      <h2 className="h4" id={`azione-${a.id}`}>
        {t('mon.obj.action', { number: a.number })}
      </h2>
      <p translate="no">{a.description}</p>
      <Facts
        className="small"
        items={[
          { term: t('mon.obj.responsible'), value: a.responsible ? <span translate="no">{a.responsible}</span> : t('mon.obj.noResponsible') },
          { term: t('mon.obj.status'), value: t(`plan.actionStatus.${a.status}` as MessageKey) },
          {
            term: t('mon.obj.realisation'),
            value: (
              <>
                <span data-testid={`realisation-${a.number}`}>{f.percent(a.realisation.value)}</span>
                {a.realisation.source === 'targets' ? ` (${coverageText(a.realisation.evaluated, a.realisation.targets, f, t)})` : ''}
              </>
            ),
          },
          { term: t('mon.obj.how'), value: realisationFormula(a.realisation, f, t) },
        ]}
      />
      {canWrite && (
        <IntentForm
          key={`${a.id}-${a.version}`}
          intent={intent}
          actionData={actionData}
          submitLabel={t('mon.obj.submit', { number: a.number })}
          submitClassName="btn btn-outline-primary"
          label={t('mon.obj.form', { number: a.number })}
          reloadHref={self}
          className="row g-2 align-items-end mb-3"
        >
          <input type="hidden" name="version" value={a.version} />
          <div className="col-12 col-md-5">
            <IntentField intent={intent} name="status" label={t('mon.obj.statusField', { number: a.number })} error={errors.status}>
              {(p) => (
                <select {...p} className={selectClass(errors.status)} defaultValue={a.status}>
                  {ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`plan.actionStatus.${s}` as MessageKey)}
                    </option>
                  ))}
                </select>
              )}
            </IntentField>
          </div>
          <div className="col-12 col-md-4">
            <IntentField intent={intent} name="realisationPercent" label={t('mon.obj.percentField', { number: a.number })} error={errors.realisationPercent}>
              {(p) => <input {...p} type="number" min={0} max={100} step="any" defaultValue={a.realisationPercent ?? ''} />}
            </IntentField>
          </div>
        </IntentForm>
      )}
      {a.indicators.length > 0 && (
        <IndicatorTable id={`indicatori-azione-${a.id}`} rows={a.indicators} caption={t('mon.obj.actionIndicators', { number: a.number })} base={base} />
      )}
    </article>
  );
}
