import { data, Link } from 'react-router';
import type { Route } from './+types/indicator';
import { referentComuneIds } from '../../../shared/auth/actor.ts';
import { formatNumberUpTo } from '../../../shared/format/index.ts';
import { done, runIntent } from '../../../shared/http/forms.server.ts';
import { getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { DataTable, Facts, IntentForm, PageHeader, rowHeaderColumn, Section, useFormResult, useI18n, SelectField, TextField } from '../../../shared/ui/kit.ts';
import { saveMeasurement } from '../monitoring.commands.ts';
import { abilitiesFor, can } from '../monitoring.policy.ts';
import { getIndicatorMonitoring, todayInRome } from '../monitoring.queries.ts';
import { isUuid, pagePlan, readablePlan, recordOfPlan, requireMonitoringPlan } from '../monitoring.server.ts';
import { StatusBadge } from '../components/status-badge.tsx';
import { MeasuredValue, usePeriods } from '../components/measured-value.tsx';
import { periodText, reasonsText, reasonText, targetDescription } from '../components/value-text.ts';
import { YearlyFigures } from '../components/tables.tsx';
import { formatLocale } from '../../../shared/i18n/messages.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, header } = await readablePlan({ params, context, request });
  const d = await recordOfPlan(
    params.indicatorId,
    (id) => getIndicatorMonitoring(db, id, todayInRome()),
    (r) => r.plan.id,
    header.plan.id,
    'mon.ind.notFound',
  );
  const url = new URL(request.url);
  const editPeriod = url.searchParams.get('periodo');
  const editComune = url.searchParams.get('comune') || null;
  const editing = editPeriod ? (d.measurements.find((m) => m.period === editPeriod && m.comuneId === editComune) ?? null) : null;
  // A comune referent writes only its own comune's values, and only for an indicator measured per comune.
  const canWrite = (comuneId: string | null) => can(actor, 'measurement.write', { ...header.scope, comuneId, perComune: d.perComune });
  const abilities = abilitiesFor(actor, header.scope);
  const ambitoEntry = canWrite(null);
  const comuniChoices = ambitoEntry ? d.comuni : d.comuni.filter((c) => referentComuneIds(actor, header.scope.id).includes(c.id) && canWrite(c.id));
  return {
    code: params.code,
    plan: pagePlan(d.plan),
    indicator: {
      id: d.indicator.id,
      code: d.indicator.code,
      label: d.indicator.label,
      kind: d.indicator.kind,
      periodicity: d.indicator.periodicity,
      aggregationDefault: !d.indicator.aggregation,
      yearlyRule: { aggregation: d.yearlyRule.aggregation, engine: d.yearlyRule.engine },
      numeratorLabel: d.indicator.numeratorLabel,
      denominatorLabel: d.indicator.denominatorLabel,
      unit: d.indicator.unit,
      source: d.indicator.source,
    },
    objective: d.objective,
    action: d.action,
    granularity: d.granularity,
    suggestedPeriod: d.suggestedPeriod,
    periodChoices: d.periodChoices.map((c) => ({ key: c.key, state: c.state, baseline: c.baseline })),
    measurements: d.measurements.map((m) => ({ ...m, updatedAt: m.updatedAt.toISOString(), canEdit: canWrite(m.comuneId) })),
    summedPeriods: d.summedPeriods,
    evaluations: d.evaluations.map((e) => ({ year: e.year, rule: e.rule, text: e.text, status: e.status, reason: e.reason })),
    status: d.status,
    yearly: d.yearly,
    chartSvg: d.chartSvg,
    comuni: comuniChoices,
    ambitoEntry,
    editing: editing && canWrite(editing.comuneId) ? editing : null,
    can: { ...abilities, 'measurement.write': ambitoEntry || comuniChoices.length > 0 },
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requireMonitoringPlan(db, params.code, params.planId);
  if (!isUuid(params.indicatorId)) throw data(tr('mon.ind.notFound'), { status: 404 });
  // The page's only form: it is run whatever the submitted intent (a request without one is still the measurement).
  const form = Object.fromEntries(await request.formData());
  return runIntent(request, 'measurement', async () => {
    const m = await saveMeasurement({ db, actor, indicatorId: params.indicatorId, input: form, today: todayInRome() });
    return done('measurement', tr('mon.ind.saved', { period: periodText(m.period, tr) }));
  });
}

const CADENCE = { semester: 'mon.ind.cadence.semester', year: 'mon.ind.cadence.year', quarter: 'mon.ind.cadence.quarter' } as const satisfies Record<
  string,
  MessageKey
>;
const YEARLY: Record<string, MessageKey> = { flow: 'mon.yearly.flow', stock: 'mon.yearly.stock', stock_mean: 'mon.yearly.stock_mean', rate: 'mon.yearly.rate' };

/** A stored number as the entry form shows it again: Italian notation, which is what the form reads back. */
const raw = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? formatNumberUpTo('it', v, 6) : String(v));

export default function IndicatorPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f, locale } = useI18n();
  const periods = usePeriods();
  const d = loaderData;
  const base = `/ambiti/${d.code}/monitoraggio/${d.plan.id}`;
  const self = `${base}/indicatori/${d.indicator.id}`;
  const e = d.editing;
  const { errors, success } = useFormResult(actionData, 'measurement');
  const formKey = `${e?.id ?? 'new'}-${e?.version ?? 0}-${success?.message ?? ''}`;
  const yearlyKey =
    d.indicator.yearlyRule.aggregation === 'rate' && d.indicator.yearlyRule.engine === 'last'
      ? 'mon.yearly.rateLast'
      : YEARLY[d.indicator.yearlyRule.aggregation]!;
  const choiceLabel = (c: (typeof d.periodChoices)[number]) =>
    t(c.baseline ? 'mon.ind.choice.baseline' : c.state === 'open' ? 'mon.ind.choice.open' : 'mon.ind.choice.closed', { period: periodText(c.key, t) });
  const dataText = (text: string | null | undefined) => <span translate="no">{text}</span>;
  return (
    <>
      <PageHeader
        title={t('mon.ind.title', { objective: d.objective.code, code: d.indicator.code })}
        context={d.plan.title}
        breadcrumb={[
          { label: t('nav.monitoring'), to: `/ambiti/${d.code}/monitoraggio` },
          { label: d.plan.title, data: true, to: base },
          { label: t('mon.ind.crumbObjective', { code: d.objective.code }), to: `${base}/obiettivi/${d.objective.id}` },
        ]}
        lead={dataText(d.indicator.label)}
      />
      <Facts
        className="small"
        items={[
          {
            term: t('mon.ind.objective'),
            value: dataText(`${d.objective.code} – ${d.objective.title}`),
          },
          ...(d.action
            ? [
                { term: t('mon.ind.action'), value: dataText(`${d.action.number}. ${d.action.description}`) },
                { term: t('mon.ind.responsible'), value: d.action.responsible ? dataText(d.action.responsible) : t('mon.ind.noResponsible') },
              ]
            : []),
          { term: t('mon.ind.kind'), value: t(`plan.indicatorKind.${d.indicator.kind}` as MessageKey) },
          ...(d.indicator.kind === 'ratio'
            ? [
                { term: t('mon.ind.numerator'), value: dataText(d.indicator.numeratorLabel) },
                { term: t('mon.ind.denominator'), value: dataText(d.indicator.denominatorLabel) },
              ]
            : []),
          {
            term: t('mon.ind.periodicity'),
            value: d.indicator.periodicity
              ? t(`plan.periodicity.${d.indicator.periodicity}` as MessageKey)
              : t('mon.ind.periodicityDefault', { periodicity: t('plan.periodicity.semiannual') }),
          },
          {
            term: t('mon.ind.yearly'),
            value: `${t(`plan.aggregation.${d.indicator.yearlyRule.aggregation}`)}${d.indicator.aggregationDefault ? ` ${t('mon.ind.aggregationDefault')}` : ''} — ${t(yearlyKey)}`,
            testId: 'yearly-rule',
          },
          ...(d.indicator.unit ? [{ term: t('mon.ind.unit'), value: dataText(d.indicator.unit) }] : []),
          ...(d.indicator.source ? [{ term: t('mon.ind.source'), value: dataText(d.indicator.source) }] : []),
        ]}
      />

      <Section id="target" title={t('mon.ind.targets')}>
        <div data-testid="targets">
          <DataTable
            id="target-stato"
            empty={<p>{t('mon.ind.targets.none')}</p>}
            small
            caption={t('mon.ind.targets.caption')}
            rows={d.evaluations}
            rowKey={(_, i) => String(i)}
            columns={[
              {
                key: 'regola',
                header: t('mon.ind.col.rule'),
                rowHeader: true,
                data: false,
                value: (x) => targetDescription(x, d.plan.end, formatLocale(locale), t),
              },
              { key: 'testo', header: t('mon.ind.col.asWritten'), value: (x) => x.text, className: 'small' },
              { key: 'stato', header: t('mon.ind.col.status'), data: false, value: (x) => x.status, render: (x) => <StatusBadge status={x.status} /> },
              { key: 'perche', header: t('mon.ind.col.why'), data: false, value: (x) => reasonText(x.reason, f, t) },
            ]}
          />
        </div>
        {(d.chartSvg || d.yearly.some((y) => y.actual !== null)) && (
          <YearlyFigures
            id="tabella-anni"
            caption={t('mon.ind.yearly.caption')}
            rows={d.yearly}
            valueHeader={d.indicator.kind === 'ratio' ? `${t('mon.chart.col.value')} (%)` : t('mon.chart.col.value')}
            chart={{
              svg: d.chartSvg,
              caption: t('mon.ind.chart.caption'),
              summary: reasonsText(
                d.evaluations.map((x) => x.reason),
                f,
                t,
              ),
              tableOpen: true,
            }}
          />
        )}
      </Section>

      <Section id="valori" title={t('mon.ind.values')}>
        <div data-testid="values">
          <DataTable
            id="valori-periodo"
            empty={<p>{t('mon.ind.values.none')}</p>}
            small
            caption={t('mon.ind.values.caption')}
            rows={d.measurements}
            rowKey={(m) => m.id}
            columns={[
              rowHeaderColumn<(typeof d.measurements)[number]>('periodo', t('mon.ind.col.period'), {
                value: (m) => m.period,
                render: (m) => (
                  <>
                    {periodText(m.period, t)}
                    {m.locked && <span className="badge bg-secondary ms-2">{t('mon.ind.locked')}</span>}
                  </>
                ),
              }),
              {
                key: 'territorio',
                header: t('mon.ind.col.territory'),
                data: false,
                value: (m) => m.comuneName ?? '',
                render: (m) => (m.comuneName ? dataText(m.comuneName) : t('mon.ind.ambito')),
              },
              { key: 'valore', header: t('mon.ind.col.value'), data: false, sortable: false, render: (m) => <MeasuredValue value={m.shown} /> },
              { key: 'nota', header: t('mon.ind.col.note'), value: (m) => m.note ?? '', className: 'small' },
              ...(d.can['measurement.write']
                ? [
                    {
                      key: 'modifica',
                      header: t('mon.ind.col.edit'),
                      data: false,
                      render: (m: (typeof d.measurements)[number]) =>
                        m.canEdit ? (
                          <Link
                            to={`${self}?periodo=${m.period}${m.comuneId ? `&comune=${m.comuneId}` : ''}#inserisci`}
                            aria-label={
                              m.comuneName
                                ? t('mon.ind.correctLabelComune', { period: periodText(m.period, t), comune: m.comuneName })
                                : t('mon.ind.correctLabel', { period: periodText(m.period, t) })
                            }
                          >
                            {t('mon.ind.correct')}
                          </Link>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </div>
        {d.summedPeriods.length > 0 && <p className="small">{t('mon.ind.summed', { periods: periods(d.summedPeriods) })}</p>}
      </Section>

      {d.can['measurement.write'] && (
        <section className="my-4" aria-labelledby="inserisci">
          <h2 className="h3" id="inserisci">
            {e ? (
              <>
                {t('mon.ind.correctTitle', { period: periodText(e.period, t) })}
                {e.comuneName ? <span translate="no"> ({e.comuneName})</span> : null}
              </>
            ) : (
              t('mon.ind.enter')
            )}
          </h2>
          <IntentForm
            key={formKey}
            intent="measurement"
            action={self}
            actionData={actionData}
            submitLabel={t('mon.ind.save')}
            label={t('mon.ind.form')}
            reloadHref={self}
            className="row g-3 align-items-end"
          >
            <input type="hidden" name="version" value={e ? e.version : ''} />
            <div className="col-12 col-md-3">
              {e ? (
                <>
                  <input type="hidden" name="period" value={e.period} />
                  <TextField intent="measurement" name="periodShown" label={t('mon.ind.period')} value={periodText(e.period, t)} />
                </>
              ) : (
                <SelectField
                  intent="measurement"
                  name="period"
                  label={t('mon.ind.period')}
                  error={errors.period}
                  hint={t('mon.ind.period.hint', { cadence: t(CADENCE[d.granularity]) })}
                  defaultValue={d.suggestedPeriod ?? ''}
                  choices={d.periodChoices.map((c) => ({ value: c.key, label: choiceLabel(c) }))}
                />
              )}
            </div>
            <div className="col-12 col-md-3">
              {e ? (
                <>
                  <input type="hidden" name="comuneId" value={e.comuneId ?? ''} />
                  <TextField intent="measurement" name="territory" label={t('mon.ind.territory')} value={e.comuneName ?? t('mon.ind.wholeAmbito')} />
                </>
              ) : (
                <SelectField
                  intent="measurement"
                  name="comuneId"
                  label={t('mon.ind.territory')}
                  error={errors.comuneId}
                  defaultValue={d.ambitoEntry ? '' : (d.comuni[0]?.id ?? '')}
                  choices={[
                    ...(d.ambitoEntry ? [{ value: '', label: t('mon.ind.wholeAmbito') }] : []),
                    ...d.comuni.map((c) => ({ value: c.id, label: c.name, data: true })),
                  ]}
                />
              )}
            </div>
            {d.indicator.kind === 'ratio' ? (
              (
                [
                  ['numerator', 'mon.ind.numeratorField', d.indicator.numeratorLabel],
                  ['denominator', 'mon.ind.denominatorField', d.indicator.denominatorLabel],
                ] as const
              ).map(([name, field, named]) => (
                <div className="col-12 col-md-3" key={name}>
                  <TextField
                    intent="measurement"
                    name={name}
                    label={named ? `${t(field)}: ${named}` : t(field)}
                    error={errors[name]}
                    inputMode="decimal"
                    defaultValue={raw(e?.raw[name])}
                  />
                </div>
              ))
            ) : d.indicator.kind === 'boolean' ? (
              <div className="col-12 col-md-3">
                <SelectField
                  intent="measurement"
                  name="value"
                  label={t('mon.ind.valueYesNo')}
                  error={errors.value}
                  defaultValue={raw(e?.raw.value)}
                  choices={[
                    { value: '', label: t('mon.ind.choose') },
                    { value: 'sì', label: t('mon.value.yes') },
                    { value: 'no', label: t('mon.value.no') },
                  ]}
                />
              </div>
            ) : (
              <div className="col-12 col-md-3">
                <TextField
                  intent="measurement"
                  name="value"
                  label={t(d.indicator.kind === 'category' ? 'mon.ind.stage' : 'mon.ind.value')}
                  error={errors.value}
                  inputMode={d.indicator.kind !== 'category' ? 'decimal' : undefined}
                  defaultValue={raw(e?.raw.value)}
                />
              </div>
            )}
            <div className="col-12">
              <TextField intent="measurement" name="note" label={t('mon.ind.note')} error={errors.note} defaultValue={e?.note ?? ''} />
            </div>
          </IntentForm>
          {e && (
            <p>
              <Link to={`${self}#inserisci`}>{t('mon.ind.newInstead')}</Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}
