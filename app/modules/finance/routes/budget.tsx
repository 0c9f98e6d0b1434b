import type { InputHTMLAttributes, ReactNode } from 'react';
import type { Route } from './+types/budget';
import { NotFoundError } from '../../../shared/errors.ts';
import { done, intentAction, type FormFields } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { serverFormat, tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import {
  Chart,
  DataTable,
  EmptyState,
  IntentField,
  IntentForm,
  KpiGrid,
  Notice,
  PageHeader,
  Section,
  selectClass,
  useFormResult,
  useI18n,
  type Column,
  type TFunction,
  columnsOf,
  moneyColumn,
  FilterField,
  FilterForm,
} from '../../../shared/ui/kit.ts';
import { listPlans } from '../../planning/index.server.ts';
import { carryOver, recordCutOff, recordFundAllocation } from '../finance.commands.ts';
import { abilitiesFor, authorize } from '../finance.policy.ts';
import { DECREASE_REASONS } from '../finance.rules.ts';
import { requireAmbito } from '../finance.server.ts';
import { TRACKED_MEASURES } from '../budget-tracking.rules.ts';
import { getPlanBudgetView } from '../finance.views.server.ts';
import { fundPeriodSentence } from '../finance.sentences.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'finance.read', ambito));
  const plans = await listPlans(db, ambito.id);
  const wanted = new URL(request.url).searchParams.get('piano');
  const plan = plans.find((p) => p.id === wanted) ?? plans[0] ?? null;
  const view = plan ? await getPlanBudgetView(db, plan.id) : null;
  return {
    ambito: { code: ambito.code, name: ambito.name },
    plans: plans.map((p) => ({ id: p.id, title: p.title, period: `${p.periodStartYear}-${p.periodEndYear}` })),
    view,
    can: abilitiesFor(actor, ambito),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  /** The plan of the form, which must be one of this Ambito's. */
  const planOf = async (form: FormFields) => {
    const planId = String(form.planId ?? '');
    if (!(await listPlans(db, ambito.id)).some((p) => p.id === planId)) throw new NotFoundError('Il piano');
    return planId;
  };
  return intentAction(request, {
    cutoff: async (form) => {
      authorize(actor, 'budget.record', ambito);
      const recorded = await recordCutOff({ db, actor, planId: await planOf(form), input: form });
      const over = recorded.paidOverCommitted;
      return done('cutoff', tr('finance.budget.cutoff.done'), over ? paidOverCommittedText(tr, serverFormat().money, over) : null);
    },
    carryover: async (form) => {
      authorize(actor, 'budget.record', ambito);
      await carryOver({ db, actor, planId: await planOf(form), input: form });
      return done('carryover', tr('finance.budget.carryover.done'));
    },
    allocation: async (form) => {
      authorize(actor, 'allocation.write', ambito);
      await recordFundAllocation({ db, actor, ambitoId: ambito.id, input: form });
      return done('allocation', tr('finance.budget.allocation.done'));
    },
  });
}

/** «liquidato superiore all’impegnato di …»: the warning on the save and on the line, from the rule's figures. */
function paidOverCommittedText(
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  money: (cents: number) => string,
  o: { excessCents: number; paidCents: number; committedCents: number | null },
) {
  const detail =
    o.committedCents === null
      ? t('finance.budget.paidOverCommitted.noCommitted', { paid: money(o.paidCents) })
      : t('finance.budget.paidOverCommitted.detail', { paid: money(o.paidCents), committed: money(o.committedCents) });
  return t('finance.budget.paidOverCommitted', { excess: money(o.excessCents), detail });
}

const MEASURE_KEYS: Record<(typeof TRACKED_MEASURES)[number], MessageKey> = {
  budgeted: 'finance.measure.budgeted',
  committed: 'finance.measure.committed',
  paid: 'finance.measure.paid',
};
const REASON_KEYS: Record<(typeof DECREASE_REASONS)[number], MessageKey> = {
  correzione_errore: 'finance.reason.correzione_errore',
  disimpegno: 'finance.reason.disimpegno',
};

type View = NonNullable<Route.ComponentProps['loaderData']['view']>;

export default function PlanBudget({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, plans, view: v, can } = loaderData;
  const base = `/ambiti/${ambito.code}/risorse`;
  const years = v ? Array.from({ length: v.plan.periodEndYear - v.plan.periodStartYear + 1 }, (_, i) => v.plan.periodStartYear + i) : [];
  const overs = v?.allocationChecks.filter((c) => c.status === 'over' && c.budgetedCents > 0) ?? [];
  const missing = v?.allocationChecks.filter((c) => c.status === 'no_allocation' && c.budgetedCents > 0) ?? [];
  const when = (year: number | null) => (year === null ? t('finance.budget.inWholePeriod') : String(year));
  const totals = v?.rollUp.total;
  const col = {
    fund: columnsOf(v?.rollUp.byFund ?? []),
    row: columnsOf(v?.rows ?? []),
    allocation: columnsOf(v?.allocations ?? []),
    history: columnsOf(v?.history ?? []),
  };
  const key = keyColumns(t);

  return (
    <>
      <PageHeader
        title={t('finance.budget.title')}
        context={ambito.name}
        lead={<span translate="no">{ambito.name}</span>}
        breadcrumb={[{ label: t('finance.home'), to: base }]}
      />
      {!v || !totals ? (
        <EmptyState title={t('finance.budget.noPlan')} />
      ) : (
        <>
          {plans.length > 1 && (
            <FilterForm label={t('finance.budget.choosePlan')} submitLabel={t('finance.show')}>
              <FilterField id="piano" label={t('finance.budget.plan')} col="col-md-6">
                <select id="piano" name="piano" className="form-select" defaultValue={v.plan.id} translate="no">
                  {plans.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title} ({p.period})
                    </option>
                  ))}
                </select>
              </FilterField>
            </FilterForm>
          )}
          <p>
            <span translate="no">{v.plan.title}</span>, {f.years(v.plan.periodStartYear, v.plan.periodEndYear)}. {t('finance.budget.intro')}
          </p>
          <KpiGrid
            items={[
              { label: t('finance.measure.budgeted'), value: f.money(totals.budgetedCents) },
              {
                label: t('finance.measure.committed'),
                value: f.money(totals.committedCents),
                hint: t('finance.budget.shareOfBudgeted', { share: f.percent(totals.committedShare.value, 1) }),
              },
              {
                label: t('finance.measure.paid'),
                value: f.money(totals.paidCents),
                hint: t('finance.budget.shareOfBudgeted', { share: f.percent(totals.paidShare.value, 1) }),
              },
            ]}
          />

          <Section title={t('finance.budget.byFund.title')}>
            {v.fundSvg && (
              <Chart
                svg={v.fundSvg}
                caption={t('finance.budget.byFund.chart')}
                summary={t('finance.budget.byFund.summary', {
                  funds: v.rollUp.byFund.length,
                  overs: v.allocationChecks.filter((c) => c.overAllocated).length,
                  missing: missing.length,
                })}
                tableId="tabella-fondi"
              />
            )}
            <DataTable
              id="tabella-fondi"
              caption={t('finance.budget.byFund.caption')}
              csv="bilancio-fondi"
              small
              rows={v.rollUp.byFund}
              rowKey={(r) => r.fund}
              columns={[
                { key: 'fondo', header: t('finance.fund'), value: (r) => r.name, rowHeader: true },
                col.fund.money('assegnato', t('finance.measure.allocated'), (r) => r.allocatedCents, f.money, { empty: t('finance.budget.noAllocation') }),
                ...moneyColumns(t, f.money),
                col.fund.percent(
                  'quota',
                  t('finance.budget.paidShare'),
                  (r) => r.paidShare.value,
                  (v) => f.percent(v, 1),
                ),
              ]}
            />
            {overs.length > 0 && (
              <Notice tone="warning" id="avvisi-assegnazioni" title={t('finance.budget.over.title')}>
                <ul className="mb-0">
                  {overs.map((c) => (
                    <li key={`${c.fund}-${c.year}`}>
                      {t('finance.budget.over.item', {
                        fund: c.fundName,
                        when: when(c.year),
                        budgeted: f.money(c.budgetedCents),
                        allocated: f.money(c.allocatedCents),
                        excess: f.money(c.excessCents),
                      })}
                    </li>
                  ))}
                </ul>
              </Notice>
            )}
            {missing.length > 0 && (
              <Notice tone="info" id="stanziamenti-mancanti" title={t('finance.budget.missing.title')}>
                <p className="mb-1 small">{t('finance.budget.missing.lead')}</p>
                <ul className="mb-0">
                  {missing.map((c) => (
                    <li key={`${c.fund}-${c.year}`}>
                      {c.missingYears.length > 0
                        ? t('finance.budget.missing.someYears', {
                            fund: c.fundName,
                            when: when(c.year),
                            years: c.missingYears.join(', '),
                            allocated: f.money(c.allocatedCents),
                            budgeted: f.money(c.budgetedCents),
                          })
                        : t('finance.budget.missing.item', { fund: c.fundName, when: when(c.year), budgeted: f.money(c.budgetedCents) })}
                    </li>
                  ))}
                </ul>
              </Notice>
            )}
            {v.periodIssues.length > 0 && (
              <Notice tone="info" title={t('finance.budget.periods.title')}>
                <ul className="mb-0">
                  {v.periodIssues.map((i, k) => (
                    <li key={k}>
                      <span translate="no">{i.label}</span>: {fundPeriodSentence(t, f, i)}
                    </li>
                  ))}
                </ul>
              </Notice>
            )}
          </Section>

          <div className="row">
            <div className="col-12 col-lg-7">
              <Section title={t('finance.budget.byArea.title')}>
                <DataTable
                  id="tabella-aree"
                  caption={t('finance.budget.byArea.caption')}
                  small
                  rows={v.rollUp.byArea}
                  rowKey={(r) => r.area ?? '-'}
                  columns={[
                    {
                      key: 'area',
                      header: t('finance.budget.macroArea'),
                      value: (r) => r.area ?? t('finance.budget.noArea'),
                      rowHeader: true,
                    },
                    ...moneyColumns(t, f.money),
                  ]}
                />
              </Section>
            </div>
            <div className="col-12 col-lg-5">
              <Section title={t('finance.budget.byYear.title')}>
                <DataTable
                  id="tabella-anni"
                  caption={t('finance.budget.byYear.caption')}
                  small
                  rows={v.rollUp.byYear}
                  rowKey={(r) => r.year ?? '-'}
                  columns={[key.year({ rowHeader: true }), ...moneyColumns(t, f.money)]}
                />
              </Section>
            </div>
          </div>

          <Section title={t('finance.budget.rows.title')}>
            <DataTable
              id="tabella-voci"
              caption={t('finance.budget.rows.caption')}
              csv="bilancio-voci"
              small
              rows={v.rows}
              rowKey={(r) => r.key}
              columns={[
                key.objective({ rowHeader: true }),
                key.fund(),
                key.year(),
                col.row.money('preventivato', t('finance.measure.budgeted'), (r) => r.budgetedCents, f.money),
                {
                  key: 'riporti',
                  header: t('finance.budget.carried'),
                  numeric: true,
                  render: (r) => (r.carriedInCents || r.carriedOutCents ? `+${f.money(r.carriedInCents)} / −${f.money(r.carriedOutCents)}` : '—'),
                },
                col.row.money('impegnato', t('finance.measure.committed'), (r) => r.committedCents, f.money),
                {
                  ...col.row.money('liquidato', t('finance.measure.paid'), (r) => r.paidCents, f.money),
                  render: (r) => (
                    <>
                      {r.paidCents === null ? '—' : f.money(r.paidCents)}
                      {r.paidOverCommitted && (
                        <span className="d-block small text-danger-emphasis fw-semibold" data-testid="liquidato-oltre-impegnato">
                          {paidOverCommittedText(t, f.money, r.paidOverCommitted)}
                        </span>
                      )}
                    </>
                  ),
                },
                col.row.money('non-impegnato', t('finance.budget.unspent'), (r) => r.unspentCents, f.money),
                { key: 'data', header: t('finance.budget.lastDate'), value: (r) => r.lastCutOff, render: (r) => f.date(r.lastCutOff), data: false },
              ]}
            />
          </Section>

          {can['budget.record'] &&
            (['cutoff', 'carryover'] as const).map((intent) => (
              <Section key={intent} id={ENTRY_FORMS[intent].anchor} title={t(ENTRY_FORMS[intent].title)} lead={t(ENTRY_FORMS[intent].lead)}>
                <BudgetEntryForm intent={intent} v={v} years={ENTRY_FORMS[intent].lastYear ? years : years.slice(0, -1)} actionData={actionData} />
              </Section>
            ))}

          <Section id="assegnazioni" title={t('finance.budget.allocations.title')}>
            <DataTable
              id="tabella-assegnazioni"
              caption={t('finance.budget.allocations.caption')}
              small
              rows={v.allocations}
              rowKey={(r) => r.id}
              empty={<EmptyState title={t('finance.budget.allocations.none')} />}
              columns={[
                key.fund({ rowHeader: true }),
                key.year(),
                col.allocation.money('importo', t('finance.amount'), (r) => r.amountCents, f.money),
                { key: 'atto', header: t('finance.budget.act'), value: (r) => r.act ?? '—' },
              ]}
            />
            {can['allocation.write'] && <AllocationForm v={v} actionData={actionData} />}
          </Section>

          <Section id="storico" title={t('finance.budget.history.title')}>
            <DataTable
              id="tabella-storico"
              caption={t('finance.budget.history.caption')}
              small
              rows={v.history}
              rowKey={(r) => r.id}
              empty={<EmptyState title={t('finance.budget.history.none')} />}
              columns={[
                { key: 'data', header: t('finance.date'), value: (r) => r.date, render: (r) => f.date(r.date), rowHeader: true, data: false },
                key.objective(),
                key.fund(),
                key.year(),
                { key: 'valore', header: t('finance.budget.measure'), value: (r) => t(MEASURE_KEYS[r.measure]), data: false },
                col.history.money('importo', t('finance.amount'), (r) => r.amountCents, f.money),
                col.history.money('precedente', t('finance.budget.previous'), (r) => r.previousCents, f.money),
                {
                  key: 'motivo',
                  header: t('finance.budget.reason'),
                  data: false,
                  render: (r) => (
                    <>
                      {r.reason ? t(REASON_KEYS[r.reason]) : '—'}
                      {r.note ? <span translate="no">{` · ${r.note}`}</span> : ''}
                    </>
                  ),
                },
                { key: 'autore', header: t('finance.budget.recordedBy'), value: (r) => r.createdBy, className: 'small' },
              ]}
            />
            {v.carryOvers.length > 0 && (
              <ul id="elenco-riporti">
                {v.carryOvers.map((c) => (
                  <li key={c.id}>
                    <span translate="no">
                      {c.label}, {c.fundName}
                    </span>
                    :{' '}
                    {t('finance.budget.carryover.item', {
                      amount: f.money(c.amountCents),
                      from: c.fromYear,
                      to: c.toYear,
                      date: f.date(c.decisionDate),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </>
  );
}

/** The columns that say what a line of the budget is about, alike in every table of the page: objective, fund, year. */
function keyColumns(t: TFunction) {
  const wholePeriod = t('finance.budget.wholePeriod');
  return {
    objective: <R extends { label: string }>(extra?: Partial<Column<R>>): Column<R> => ({
      key: 'obiettivo',
      header: t('finance.objective'),
      value: (r) => r.label,
      ...extra,
    }),
    fund: <R extends { fundName: string }>(extra?: Partial<Column<R>>): Column<R> => ({
      key: 'fondo',
      header: t('finance.fund'),
      value: (r) => r.fundName,
      ...extra,
    }),
    year: <R extends { year: number | string | null }>(extra?: Partial<Column<R>>): Column<R> => ({
      key: 'anno',
      header: t('finance.year'),
      value: (r) => r.year ?? wholePeriod,
      data: false,
      ...extra,
    }),
  };
}

/** Budgeted, committed and paid: the three money columns of the roll-up tables. */
function moneyColumns<R extends { budgetedCents: number; committedCents: number; paidCents: number }>(t: TFunction, money: (cents: number) => string) {
  return (['budgeted', 'committed', 'paid'] as const).map((m) => moneyColumn(m, t(MEASURE_KEYS[m]), (r: R) => r[`${m}Cents`], money));
}

type EntryFieldsProps = { intent: string; errors: Record<string, string | undefined> };

/** Which value, when, how much and why it went down: the fields of a cut-off after its budget key. */
function CutOffFields({ intent, errors: e }: EntryFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <SelectField intent={intent} name="measure" label={t('finance.budget.measure')} error={e.measure} col="col-md-4" required>
        {TRACKED_MEASURES.map((m) => (
          <option key={m} value={m}>
            {t(MEASURE_KEYS[m])}
          </option>
        ))}
      </SelectField>
      <DateField intent={intent} label={t('finance.budget.cutoffDate')} error={e.date} />
      <InputField
        intent={intent}
        name="amountEuro"
        inputMode="decimal"
        label={t('finance.budget.amountEuro')}
        hint={t('finance.hint.amount')}
        error={e.amountEuro}
        col="col-md-4"
        required
      />
      <SelectField
        intent={intent}
        name="reason"
        label={t('finance.budget.decreaseReason')}
        hint={t('finance.budget.decreaseReason.hint')}
        error={e.reason}
        col="col-md-4"
      >
        <option value="">{t('finance.budget.noReason')}</option>
        {DECREASE_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(REASON_KEYS[r])}
          </option>
        ))}
      </SelectField>
      <InputField intent={intent} name="note" label={t('finance.note')} error={e.note} col="col-md-8" />
    </>
  );
}

/** How much is carried over and the date of the decision. */
function CarryOverFields({ intent, errors: e }: EntryFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <InputField intent={intent} name="amountEuro" inputMode="decimal" label={t('finance.budget.carryAmount')} error={e.amountEuro} col="col-md-4" required />
      <DateField intent={intent} label={t('finance.budget.decisionDate')} error={e.date} />
      <InputField intent={intent} name="note" label={t('finance.note')} error={e.note} col="col-md-4" />
    </>
  );
}

/** The two entries on the plan's budget: a value at a cut-off date, and a carry-over to the next year (from a year that has one). */
const ENTRY_FORMS = {
  cutoff: {
    anchor: 'registra',
    title: 'finance.budget.cutoff.title',
    lead: 'finance.budget.cutoff.lead',
    submit: 'finance.budget.cutoff.submit',
    submitClassName: undefined,
    yearName: 'year',
    yearLabel: 'finance.year',
    noPeriod: false,
    lastYear: true,
    Fields: CutOffFields,
  },
  carryover: {
    anchor: 'riporta',
    title: 'finance.budget.carryover.title',
    lead: 'finance.budget.carryover.lead',
    submit: 'finance.budget.carryover.submit',
    submitClassName: 'btn btn-outline-primary',
    yearName: 'fromYear',
    yearLabel: 'finance.budget.fromYear',
    noPeriod: true,
    /** A carry-over goes to the next year of the plan: none from its last year. */
    lastYear: false,
    Fields: CarryOverFields,
  },
} as const;

/** A form that records a value on the plan's budget: the plan, the budget key (objective, action, fund, year), then the entry's fields. */
function BudgetEntryForm({ intent, v, years, actionData }: { intent: keyof typeof ENTRY_FORMS; v: View; years: number[]; actionData: unknown }) {
  const { t } = useI18n();
  const { errors } = useFormResult(actionData, intent);
  const form = ENTRY_FORMS[intent];
  return (
    <IntentForm
      intent={intent}
      actionData={actionData}
      submitLabel={t(form.submit)}
      submitClassName={form.submitClassName}
      className="row g-3"
      label={t(form.title)}
    >
      <input type="hidden" name="planId" value={v.plan.id} />
      <BudgetKeyFields intent={intent} v={v} errors={errors} years={years} yearName={form.yearName} yearLabel={t(form.yearLabel)} noPeriod={form.noPeriod} />
      <form.Fields intent={intent} errors={errors} />
    </IntentForm>
  );
}

/** The date of a budget entry (ISO, with the format hint). */
function DateField({ intent, label, error }: { intent: string; label: string; error?: string }) {
  const { t } = useI18n();
  return <InputField intent={intent} name="date" type="date" label={label} hint={t('finance.hint.date')} error={error} col="col-md-4" required />;
}

/** The allocation form: fund, year, amount and act. */
function AllocationForm({ v, actionData }: { v: View; actionData: unknown }) {
  const { t } = useI18n();
  const intent = 'allocation';
  const { errors: e } = useFormResult(actionData, intent);
  return (
    <IntentForm
      intent={intent}
      actionData={actionData}
      submitLabel={t('finance.budget.allocation.submit')}
      submitClassName="btn btn-outline-primary"
      className="row g-3 align-items-end"
      label={t('finance.budget.allocation.submit')}
    >
      <FundField intent={intent} v={v} error={e.fund} col="col-md-4" />
      <InputField intent={intent} name="year" type="number" min={1990} max={2100} label={t('finance.year')} error={e.year} col="col-md-2" required />
      <InputField intent={intent} name="amountEuro" inputMode="decimal" label={t('finance.budget.amountEuro')} error={e.amountEuro} col="col-md-3" required />
      <InputField intent={intent} name="act" label={t('finance.budget.allocationAct')} error={e.act} col="col-md-3" />
    </IntentForm>
  );
}

/** Objective, action, fund and year of a budget entry (shared by the cut-off and carry-over forms). */
function BudgetKeyFields({
  intent,
  v,
  years,
  errors: e,
  yearName,
  yearLabel,
  noPeriod,
}: {
  intent: string;
  v: View;
  years: number[];
  errors: Record<string, string | undefined>;
  yearName: string;
  yearLabel: string;
  noPeriod?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <SelectField intent={intent} name="objectiveId" label={t('finance.objective')} error={e.objectiveId} col="col-md-6" required data>
        {v.objectives.map((o) => (
          <option key={o.id} value={o.id}>
            {o.code} – {o.title.length > 70 ? `${o.title.slice(0, 69)}…` : o.title}
          </option>
        ))}
      </SelectField>
      <SelectField intent={intent} name="actionId" label={t('finance.budget.actionOptional')} error={e.actionId} col="col-md-6">
        <option value="">{t('finance.budget.wholeObjective')}</option>
        {v.actions.map((a) => (
          <option key={a.id} value={a.id} translate="no">
            {v.objectives.find((o) => o.id === a.objectiveId)?.code} · {t('finance.budget.actionN', { n: a.number })} –{' '}
            {a.description.length > 60 ? `${a.description.slice(0, 59)}…` : a.description}
          </option>
        ))}
      </SelectField>
      <FundField intent={intent} v={v} error={e.fund} col="col-md-6" />
      <SelectField intent={intent} name={yearName} label={yearLabel} error={e[yearName]} col="col-md-6" required={noPeriod}>
        {!noPeriod && <option value="">{t('finance.budget.wholePeriod')}</option>}
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
    </>
  );
}

function FundField({ intent, v, error, col }: { intent: string; v: View; error?: string; col: string }) {
  const { t } = useI18n();
  return (
    <SelectField intent={intent} name="fund" label={t('finance.fund')} error={error} col={col} required data>
      {v.funds.map((f) => (
        <option key={f.code} value={f.code}>
          {f.shortName}
        </option>
      ))}
    </SelectField>
  );
}

/** A select of one of the page's forms in its grid column (full width on a phone). */
function SelectField({
  intent,
  name,
  label,
  hint,
  error,
  col,
  required,
  data,
  children,
}: {
  intent: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  col: string;
  required?: boolean;
  /** The options are data (names, codes), not interface words. */
  data?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`col-12 ${col}`}>
      <IntentField intent={intent} name={name} label={label} hint={hint} error={error}>
        {(p) => (
          <select {...p} className={selectClass(error)} required={required} defaultValue={required ? undefined : ''} translate={data ? 'no' : undefined}>
            {children}
          </select>
        )}
      </IntentField>
    </div>
  );
}

/** A text, number or date input of one of the page's forms in its grid column. */
function InputField({
  intent,
  name,
  label,
  hint,
  error,
  col,
  ...input
}: {
  intent: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  col: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'required' | 'min' | 'max'>) {
  return (
    <div className={`col-12 ${col}`}>
      <IntentField intent={intent} name={name} label={label} hint={hint} error={error}>
        {(p) => <input {...p} {...input} />}
      </IntentField>
    </div>
  );
}
