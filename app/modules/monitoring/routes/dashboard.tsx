import { Link } from 'react-router';
import type { Route } from './+types/dashboard';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getServices, requireUser, siteBase } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  columnsOf,
  DataTable,
  EmptyState,
  IntentForm,
  KpiGrid,
  PageHeader,
  rowHeaderColumn,
  Section,
  useFormResult,
  UploadForm,
  useI18n,
  SelectField,
  TextField,
} from '../../../shared/ui/kit.ts';
import { statusLabel } from '../../planning/index.server.ts';
import type { PlanStatus } from '../../planning/index.ts';
import { importMeasurements, lockPeriod, sendDueReminders, unlockPeriod } from '../monitoring.commands.ts';
import { MEASUREMENT_CSV_COLUMNS } from '../monitoring.importers.ts';
import { abilitiesFor } from '../monitoring.policy.ts';
import { getPlanDashboard, todayInRome } from '../monitoring.queries.ts';
import { pagePlan, pageProgress, readablePlan, requireMonitoringPlan, uploadedText } from '../monitoring.server.ts';
import { StatusBadge } from '../components/status-badge.tsx';
import { codeLinkColumn, YearlyFigures } from '../components/tables.tsx';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { usePeriods } from '../components/measured-value.tsx';
import { areaKey, countText, metFormula, periodText, progressFormula, reasonsText } from '../components/value-text.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, header } = await readablePlan({ params, context, request });
  const today = todayInRome();
  const d = (await getPlanDashboard(db, params.planId, today))!;
  return {
    code: params.code,
    today,
    plan: { ...pagePlan(d.plan), status: statusLabel(d.plan.templateId, d.plan.status as PlanStatus) },
    ambitoName: d.ambitoName,
    objectives: d.objectives.map((o) => ({
      id: o.id,
      code: o.code,
      title: o.title,
      progress: pageProgress(o.progress),
      counts: o.counts,
    })),
    areas: d.areas.map((a) => ({
      name: a.name,
      kind: a.kind,
      objectives: a.objectives,
      counts: a.counts,
      overdue: a.overdue,
      progress: pageProgress(a.progress),
    })),
    progress: pageProgress(d.progress),
    totals: d.totals,
    indicatorCount: d.indicatorCount,
    measurementCount: d.measurementCount,
    measured: d.measured.map((m) => ({
      ...m,
      reasons: m.evaluations.map((e) => e.reason),
    })),
    locks: d.locks.map((l) => ({ id: l.id, period: l.period, lockedBy: l.lockedBy, lockedAt: l.lockedAt.toISOString(), note: l.note })),
    lockable: d.lockable,
    due: d.due,
    can: abilitiesFor(actor, header.scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requireMonitoringPlan(db, params.code, params.planId);
  const planId = params.planId;
  return intentAction(request, {
    lock: async (form) => {
      const l = await lockPeriod({ db, actor, planId, input: form });
      return done('lock', tr('mon.dash.lock.done', { period: periodText(l.period, tr) }));
    },
    unlock: async (form) => {
      const l = await unlockPeriod({ db, actor, planId, input: form });
      return done('unlock', tr('mon.dash.unlock.done', { period: periodText(l.period, tr) }));
    },
    import: async (_form, raw) => {
      const file = await uploadedText(raw, 'file', tr('mon.dash.import.what'), 5 * 1024 * 1024);
      const r = await importMeasurements({ db, actor, planId, fileName: file.name, text: file.text });
      return done('import', tr('mon.dash.import.done', { rows: r.rows, file: r.file, created: r.created, replaced: r.replaced }), file.notice);
    },
    remind: async () => {
      const r = await sendDueReminders({ db, actor, planId, today: todayInRome(), baseUrl: siteBase(context, request) });
      if (r.total === 0) return done('remind', tr('mon.dash.remind.none'));
      return done(
        'remind',
        r.skipped ? tr('mon.dash.remind.doneSkipped', { written: r.written, skipped: r.skipped }) : tr('mon.dash.remind.done', { written: r.written }),
      );
    },
  });
}

type DueItem = { indicatorId: string; objectiveCode: string; code: string; label: string; period: string };

/** One line per indicator with its overdue periods, in the order given. */
function byIndicator(items: readonly DueItem[]) {
  const out = new Map<string, Omit<DueItem, 'period'> & { periods: string[] }>();
  for (const i of items) {
    const row = out.get(i.indicatorId) ?? { indicatorId: i.indicatorId, objectiveCode: i.objectiveCode, code: i.code, label: i.label, periods: [] };
    row.periods.push(i.period);
    out.set(i.indicatorId, row);
  }
  return [...out.values()];
}

/** Locks or unlocks a period: the period, and a note (or the reason, for an unlock) that stays in the audit log. */
function PeriodForm({
  intent,
  actionData,
  reloadHref,
  periods,
  texts,
  note,
  submitClassName,
}: {
  intent: 'lock' | 'unlock';
  actionData: unknown;
  reloadHref: string;
  periods: readonly string[];
  texts: { form: MessageKey; period: MessageKey; submit: MessageKey };
  note: { name: string; label: string; hint?: string };
  submitClassName?: string;
}) {
  const { t } = useI18n();
  const { errors } = useFormResult(actionData, intent);
  return (
    <IntentForm
      intent={intent}
      actionData={actionData}
      submitLabel={t(texts.submit)}
      submitClassName={submitClassName}
      label={t(texts.form)}
      className="row g-3 align-items-end my-3"
      reloadHref={reloadHref}
    >
      <div className="col-12 col-md-4">
        <SelectField
          intent={intent}
          name="period"
          label={t(texts.period)}
          error={errors.period}
          choices={periods.map((p) => ({ value: p, label: periodText(p, t) }))}
        />
      </div>
      <div className="col-12 col-md-8">
        <TextField intent={intent} name={note.name} label={note.label} hint={note.hint} error={errors[note.name]} />
      </div>
    </IntentForm>
  );
}

export default function Dashboard({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const periods = usePeriods();
  const d = loaderData;
  const base = `/ambiti/${d.code}/monitoraggio/${d.plan.id}`;
  const years = f.years(d.plan.start, d.plan.end);
  const values = (n: number) => countText(t, f, 'values', n);
  return (
    <>
      <PageHeader
        title={t('mon.dash.title', { plan: d.plan.title })}
        context={d.ambitoName}
        breadcrumb={[{ label: t('nav.monitoring'), to: `/ambiti/${d.code}/monitoraggio` }]}
        lead={
          <>
            <span translate="no">{d.ambitoName}</span> · {years} · {t('mon.dash.statusLine', { status: d.plan.status })}
          </>
        }
      />
      <p>
        <Link to={`/ambiti/${d.code}/piani/${d.plan.id}`}>{t('mon.dash.toPlan')}</Link> · <Link to={`${base}/valutazione`}>{t('mon.dash.toGrid')}</Link>
      </p>

      <KpiGrid
        label={t('mon.dash.kpi.label')}
        items={[
          { label: t('mon.dash.kpi.progress'), value: f.percent(d.progress.value), testId: 'plan-progress' },
          { label: t('mon.dash.kpi.met'), value: f.count(d.totals.raggiunto), testId: 'targets-met' },
          { label: t('mon.dash.kpi.notMet'), value: f.count(d.totals.non_raggiunto), testId: 'targets-not-met' },
          { label: t('mon.dash.kpi.overdue'), value: f.count(d.due.total), testId: 'due-total', tone: d.due.total ? 'warning' : 'default' },
        ]}
      />
      <p className="small">
        {t('mon.dash.summary', {
          formula: progressFormula(d.progress, f, t),
          indicators: d.indicatorCount,
          measurements: d.measurementCount,
          met: metFormula(d.totals, f, t),
        })}
      </p>

      <Section id="aree" title={t('mon.dash.areas')}>
        <DataTable
          id="per-area"
          small
          caption={t('mon.dash.areas.caption')}
          rows={d.areas}
          rowKey={(a) => a.name}
          csv="avanzamento-per-area"
          columns={[
            rowHeaderColumn<(typeof d.areas)[number]>('area', t('mon.dash.col.area'), {
              value: (a) => a.name,
              render: (a) => (
                <>
                  {a.kind === 'macro' ? <span translate="no">{a.name}</span> : t(areaKey(a.kind))}
                  <div className="small text-secondary">{t('mon.dash.areaObjectives', { codes: a.objectives.join(', ') })}</div>
                </>
              ),
            }),
            {
              key: 'avanzamento',
              header: t('mon.dash.col.progress'),
              numeric: true,
              value: (a) => a.progress.value,
              render: (a) => <span title={progressFormula(a.progress, f, t)}>{f.percent(a.progress.value)}</span>,
            },
            { key: 'raggiunti', header: t('mon.dash.col.met'), numeric: true, value: (a) => a.counts.raggiunto },
            { key: 'non-raggiunti', header: t('mon.dash.col.notMet'), numeric: true, value: (a) => a.counts.non_raggiunto },
            { key: 'dati-mancanti', header: t('mon.dash.col.missing'), numeric: true, value: (a) => a.counts.dati_mancanti },
            { key: 'in-corso', header: t('mon.dash.col.inProgress'), numeric: true, value: (a) => a.counts.in_corso },
            { key: 'arretrato', header: t('mon.dash.col.overdue'), numeric: true, value: (a) => a.overdue },
          ]}
        />
      </Section>

      <Section id="obiettivi" title={t('mon.dash.objectives')}>
        <DataTable
          id="per-obiettivo"
          small
          caption={t('mon.dash.objectives.caption')}
          rows={d.objectives}
          rowKey={(o) => o.id}
          csv="avanzamento-obiettivi"
          columns={[
            codeLinkColumn<(typeof d.objectives)[number]>(
              t('mon.dash.col.code'),
              (o) => `${base}/obiettivi/${o.id}`,
              (o) => t('mon.dash.objectiveLink', { code: o.code }),
            ),
            { key: 'obiettivo', header: t('mon.dash.col.objective'), value: (o) => o.title },
            columnsOf(d.objectives).percent('avanzamento', t('mon.dash.col.progress'), (o) => o.progress.value, f.percent),
            {
              key: 'formula',
              header: t('mon.dash.col.how'),
              value: (o) => progressFormula(o.progress, f, t),
              sortable: false,
              data: false,
              className: 'small',
            },
            {
              key: 'raggiunti',
              header: t('mon.dash.col.targetsMet'),
              numeric: true,
              value: (o) => o.counts.raggiunto,
              render: (o) => `${f.count(o.counts.raggiunto)}/${f.count(o.counts.total)}`,
            },
          ]}
        />
      </Section>

      <Section id="da-misurare" title={t('mon.dash.due')}>
        <p data-testid="to-collect">
          {d.due.toCollect.total === 0
            ? t('mon.dash.toCollectNone')
            : t('mon.dash.toCollect', { periods: periods(d.due.toCollect.periods), values: values(d.due.toCollect.total) })}
        </p>
        {d.due.total === 0 ? (
          <p data-testid="overdue-none">{t('mon.dash.overdueNone')}</p>
        ) : (
          <>
            <p data-testid="overdue-summary">
              {t('mon.dash.overdue', {
                values: values(d.due.total),
                indicators: countText(t, f, 'indicators', d.due.indicators),
                periods: periods(d.due.periods),
              })}
            </p>
            <h3 className="h5">{t('mon.dash.byObjective')}</h3>
            {d.due.byObjective.map((g) => (
              <details key={g.objectiveCode} className="mb-2">
                <summary>
                  {t('mon.dash.byObjective.summary', { code: g.objectiveCode, count: f.count(g.items.length) })}{' '}
                  <span translate="no">
                    – {g.objectiveTitle} ({g.responsible})
                  </span>
                </summary>
                <ul className="small mt-2">
                  {byIndicator(g.items).map((i) => (
                    <li key={i.indicatorId}>
                      <Link to={`${base}/indicatori/${i.indicatorId}`} translate="no">
                        {i.objectiveCode} · {i.code}
                      </Link>{' '}
                      <span translate="no">{i.label}</span> ({periods(i.periods)})
                    </li>
                  ))}
                </ul>
              </details>
            ))}
            <h3 className="h5">{t('mon.dash.byResponsible')}</h3>
            <ul>
              {d.due.groups.map((g) => (
                <li key={g.responsible}>
                  {g.named ? <span translate="no">{g.responsible}</span> : t('mon.dash.noResponsible')}:{' '}
                  {t('mon.dash.byResponsible.line', { values: values(g.items.length), codes: [...new Set(g.items.map((i) => i.objectiveCode))].join(', ') })}
                </li>
              ))}
            </ul>
            {d.can['reminder.send'] && (
              <IntentForm
                intent="remind"
                actionData={actionData}
                submitLabel={t('mon.dash.remind')}
                submitClassName="btn btn-outline-primary"
                className="my-3"
              />
            )}
          </>
        )}
      </Section>

      <Section id="periodi" title={t('mon.dash.locks')}>
        <DataTable
          id="periodi-bloccati"
          small
          caption={t('mon.dash.locks.caption')}
          rows={d.locks}
          rowKey={(l) => l.id}
          empty={<p>{t('mon.dash.locks.none')}</p>}
          columns={[
            { key: 'periodo', header: t('mon.dash.col.period'), rowHeader: true, data: false, value: (l) => l.period, render: (l) => periodText(l.period, t) },
            { key: 'da', header: t('mon.dash.col.lockedBy'), value: (l) => l.lockedBy },
            { key: 'il', header: t('mon.dash.col.lockedAt'), value: (l) => l.lockedAt, render: (l) => f.dateTime(l.lockedAt), data: false },
            { key: 'nota', header: t('mon.dash.col.note'), value: (l) => l.note ?? '' },
          ]}
        />
        {d.can['period.lock'] && d.locks.length > 0 && (
          <PeriodForm
            intent="unlock"
            actionData={actionData}
            reloadHref={base}
            periods={d.locks.map((l) => l.period)}
            texts={{ form: 'mon.dash.unlock.form', period: 'mon.dash.unlock.period', submit: 'mon.dash.unlock.submit' }}
            submitClassName="btn btn-outline-danger"
            note={{ name: 'reason', label: t('mon.dash.unlock.reason'), hint: t('mon.dash.unlock.reasonHint') }}
          />
        )}
        {d.can['period.lock'] && d.lockable.length > 0 && (
          <PeriodForm
            intent="lock"
            actionData={actionData}
            reloadHref={base}
            periods={d.lockable}
            texts={{ form: 'mon.dash.lock.form', period: 'mon.dash.lock.period', submit: 'mon.dash.lock.submit' }}
            note={{ name: 'note', label: t('mon.dash.lock.note') }}
          />
        )}
      </Section>

      {d.can['measurement.write'] && (
        <Section id="importa" title={t('mon.dash.import')}>
          <UploadForm
            intent="import"
            actionData={actionData}
            formLabel={t('mon.dash.import')}
            label={t('mon.dash.import.file')}
            hint={t('mon.dash.import.hint', { columns: MEASUREMENT_CSV_COLUMNS.join(', ') })}
            accept=".csv,text/csv"
            submitLabel={t('mon.dash.import.submit')}
          />
        </Section>
      )}

      <Section id="target" title={t('mon.dash.measured')}>
        {d.measured.length === 0 ? (
          <EmptyState title={t('mon.dash.measured.none')} />
        ) : (
          d.measured.map((m) => {
            const name = `${m.objectiveCode} · ${m.code}`;
            return (
              <section key={m.id} className="mb-4" aria-labelledby={`ind-${m.id}`}>
                <h3 className="h5" id={`ind-${m.id}`}>
                  <Link to={`${base}/indicatori/${m.id}`} translate="no">
                    {name}
                  </Link>{' '}
                  <span translate="no">{m.label}</span> {m.status && <StatusBadge status={m.status} />}
                </h3>
                <YearlyFigures
                  id={`tabella-${m.id}`}
                  caption={t('mon.chart.table', { indicator: name })}
                  rows={m.yearly}
                  chart={{ svg: m.svg, caption: t('mon.chart.caption', { indicator: name }), summary: reasonsText(m.reasons, f, t) }}
                />
              </section>
            );
          })
        )}
      </Section>
    </>
  );
}
