import { data, redirect } from 'react-router';
import type { Route } from './+types/evaluation-objective';
import { formatNumber } from '../../../shared/format/index.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { columnsOf, DataTable, IntentField, IntentForm, PageHeader, Section, useFormResult, useI18n, SelectField, TextField } from '../../../shared/ui/kit.ts';
import { can as canPlanning, type PlanStatus } from '../../planning/index.ts';
import { RESOURCE_ADEQUACY_LEVELS, SPENDING_CLASSES } from '../evaluation.rules.ts';
import { carryOverObjective, saveObjectiveEvaluation } from '../monitoring.commands.ts';
import { abilitiesFor } from '../monitoring.policy.ts';
import { getObjectiveEvaluation } from '../monitoring.queries.ts';
import { isUuid, pagePlan, readablePlan, recordOfPlan, requireMonitoringPlan } from '../monitoring.server.ts';
import { useGrade } from '../components/measured-value.tsx';
import { gradeFormula, spendingFormula } from '../components/value-text.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, header } = await readablePlan({ params, context, request });
  const d = await recordOfPlan(
    params.objectiveId,
    (id) => getObjectiveEvaluation(db, id),
    (r) => r.plan.id,
    header.plan.id,
    'mon.obj.notFound',
  );
  const o = d.objective;
  const e = o.evaluation;
  return {
    code: params.code,
    plan: pagePlan(d.plan),
    objective: {
      id: o.id,
      code: o.code,
      title: o.title,
      macroArea: o.macroArea,
      actions: o.actions,
      grade: o.grade ? { percent: o.grade.percent, band: o.grade.band, realised: o.grade.realised, planned: o.grade.planned, value: o.grade.value } : null,
      noActions: o.actions.length === 0,
      spending: o.spending?.computed ?? null,
      published: o.published,
      publishedMatches: o.publishedMatches,
    },
    evaluation: e
      ? {
          version: e.version,
          realisationStatements: e.realisationStatements,
          realisationNotes: e.realisationNotes,
          usersEvaluation: e.usersEvaluation,
          resourceAdequacyText: e.resourceAdequacyText,
          resourceAdequacyLevel: e.resourceAdequacyLevel,
          spendingText: e.spendingText,
          spendingClass: e.spendingClass,
          spendingPercent: e.spendingPercent,
          spendingBudgetedCents: e.spendingBudgetedCents,
          spendingPaidCents: e.spendingPaidCents,
          criticalIssues: e.criticalIssues,
          needAnswered: e.needAnswered,
          needAnsweredText: e.needAnsweredText,
          continuityWithPrevious: e.continuityWithPrevious,
          reproposed: e.reproposed,
          reproposedText: e.reproposedText,
          source: e.source,
        }
      : null,
    next: d.next,
    nextObjectives: d.nextObjectives,
    canEditNext: d.next ? canPlanning(actor, 'plan.edit', { ...header.scope, status: d.next.status as PlanStatus }) : false,
    can: abilitiesFor(actor, header.scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requireMonitoringPlan(db, params.code, params.planId);
  if (!isUuid(params.objectiveId)) throw data(tr('mon.obj.notFound'), { status: 404 });
  const objectiveId = params.objectiveId;
  return intentAction(request, {
    evaluation: async (form) => {
      await saveObjectiveEvaluation({ db, actor, objectiveId, input: form });
      return done('evaluation', tr('mon.evo.saved'));
    },
    carryover: async (form, raw) => {
      const r = await carryOverObjective({ db, actor, objectiveId, input: { ...form, actionIds: raw.getAll('actionIds').map(String) } });
      // Into an adopted plan the carry-over is a proposal of its draft variation, shown on the plan's page.
      return redirect(
        r.objective
          ? `/ambiti/${params.code}/piani/${r.nextPlanId}/obiettivi/${r.objective.id}`
          : `/ambiti/${params.code}/piani/${r.nextPlanId}#variations-title`,
      );
    },
  });
}

const ANSWERS = ['yes', 'no', 'not_applicable'] as const;

/** An amount in cents as the form shows it again: Italian notation, which is what the form reads back. */
const cents = (c: number | null | undefined) => (c === null || c === undefined ? '' : formatNumber('it', c / 100, c % 100 ? 2 : 0));

export default function EvaluationObjective({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const grade = useGrade();
  const d = loaderData;
  const e = d.evaluation;
  const o = d.objective;
  const base = `/ambiti/${d.code}/monitoraggio/${d.plan.id}`;
  const self = `${base}/valutazione/${o.id}`;
  const editable = d.can['evaluation.write'];
  const { errors } = useFormResult(actionData, 'evaluation');
  const carry = useFormResult(actionData, 'carryover').errors;
  const nextYears = d.next ? f.years(d.next.periodStartYear, d.next.periodEndYear) : '';
  const area = (name: string, label: MessageKey, value: string | null | undefined) => (
    <IntentField intent="evaluation" name={name} label={t(label)} error={errors[name]}>
      {(p) => <textarea {...p} rows={3} defaultValue={value ?? ''} readOnly={!editable} translate="no" />}
    </IntentField>
  );
  const amount = (name: string, label: MessageKey, value: string, hint?: string) => (
    <TextField
      intent="evaluation"
      name={name}
      label={t(label)}
      error={errors[name]}
      hint={hint}
      inputMode="decimal"
      defaultValue={value}
      readOnly={!editable}
    />
  );
  const select = (
    name: string,
    label: MessageKey,
    value: string | null | undefined,
    options: readonly (readonly [value: string, label: string, data?: boolean])[],
  ) => (
    <SelectField
      intent="evaluation"
      name={name}
      label={t(label)}
      error={errors[name]}
      defaultValue={value ?? ''}
      disabled={!editable}
      choices={options.map(([v, l, data]) => ({ value: v, label: l, data }))}
    />
  );
  const yesNo = (values: readonly string[]) => [['', '—'] as const, ...values.map((v) => [v, t(`mon.answer.${v as (typeof ANSWERS)[number]}`)] as const)];
  const gridFields = (
    <>
      <input type="hidden" name="version" value={e?.version ?? 0} />
      {area('usersEvaluation', 'mon.evo.usersEvaluation', e?.usersEvaluation)}
      <div className="row">
        <div className="col-12 col-md-4">
          {select('resourceAdequacyLevel', 'mon.evo.adequacyLevel', e?.resourceAdequacyLevel, [
            ['', '—'],
            // The levels are the regional grid's own words (stored as such).
            ...RESOURCE_ADEQUACY_LEVELS.map((l) => [l, l, true] as const),
          ])}
        </div>
        <div className="col-12 col-md-8">{area('resourceAdequacyText', 'mon.evo.adequacyText', e?.resourceAdequacyText)}</div>
      </div>
      <fieldset className="mb-3">
        <legend className="h6">{t('mon.evo.spending')}</legend>
        <div className="row">
          <div className="col-12 col-md-3">
            {amount('spendingBudgetedCents', 'mon.evo.budgeted', cents(e?.spendingBudgetedCents), t('mon.evo.budgeted.hint'))}
          </div>
          <div className="col-12 col-md-3">{amount('spendingPaidCents', 'mon.evo.paid', cents(e?.spendingPaidCents))}</div>
          <div className="col-12 col-md-4">
            {select('spendingClass', 'mon.evo.spendingClass', e?.spendingClass, [
              ['', '—'],
              ...SPENDING_CLASSES.map((c) => [c, t(`mon.spending.${c}`)] as const),
            ])}
          </div>
          <div className="col-12 col-md-2">{amount('spendingPercent', 'mon.evo.spendingPercent', String(e?.spendingPercent ?? ''))}</div>
        </div>
        {o.spending && <p className="small">{spendingFormula(o.spending, f, t)}</p>}
        {area('spendingText', 'mon.evo.spendingText', e?.spendingText)}
      </fieldset>
      {area('criticalIssues', 'mon.evo.criticalIssues', e?.criticalIssues)}
      <div className="row">
        <div className="col-12 col-md-4">{select('needAnswered', 'mon.evo.needAnswered', e?.needAnswered, yesNo(ANSWERS))}</div>
        <div className="col-12 col-md-8">{area('needAnsweredText', 'mon.evo.why', e?.needAnsweredText)}</div>
      </div>
      <div className="row">
        <div className="col-12 col-md-4">{select('continuityWithPrevious', 'mon.evo.continuity', e?.continuityWithPrevious, yesNo(['yes', 'no']))}</div>
        <div className="col-12 col-md-4">{select('reproposed', 'mon.evo.reproposed', e?.reproposed, yesNo(ANSWERS))}</div>
        <div className="col-12 col-md-4">{area('reproposedText', 'mon.evo.reproposedWhy', e?.reproposedText)}</div>
      </div>
      {e?.source && (
        <p className="small">
          {t('mon.evo.source')} <span translate="no">{e.source}</span>
        </p>
      )}
    </>
  );
  const continuing = d.nextObjectives.filter((n) => n.continues === o.code);
  return (
    <>
      <PageHeader
        title={t('mon.evo.title', { code: o.code, title: o.title })}
        context={d.plan.title}
        breadcrumb={[
          { label: t('nav.monitoring'), to: `/ambiti/${d.code}/monitoraggio` },
          { label: d.plan.title, data: true, to: base },
          { label: t('mon.evo.crumb', { years: f.years(d.plan.start, d.plan.end) }), to: `${base}/valutazione` },
        ]}
        lead={o.macroArea ? <span translate="no">{o.macroArea}</span> : undefined}
      />

      <Section id="grado" title={t('mon.evo.grade')}>
        {o.grade ? (
          <p>
            <strong data-testid="grade">{grade(o.grade.percent, o.grade.band, 0)}</strong>
            <br />
            <span className="small">{gradeFormula(o.grade, f, t)}</span>
          </p>
        ) : (
          <p>{t('mon.evo.ungraded', { reason: t(o.noActions ? 'mon.eval.ungraded.noActions' : 'mon.eval.ungraded.missing') })}</p>
        )}
        {o.published && (
          <p className="small">
            {t('mon.evo.published', { grade: grade(o.published.percent, o.published.band, 0) })} —{' '}
            {t(o.publishedMatches ? 'mon.evo.publishedSame' : 'mon.evo.publishedDiffers')}
          </p>
        )}
        <DataTable
          id="azioni"
          small
          caption={t('mon.evo.actions.caption')}
          rows={o.actions}
          rowKey={(a) => a.id}
          columns={[
            { key: 'azione', header: t('mon.evo.col.action'), rowHeader: true, value: (a) => a.number },
            { key: 'descrizione', header: t('mon.evo.col.description'), value: (a) => a.description },
            columnsOf(o.actions).figure(
              'realizzazione',
              t('mon.evo.col.realisation'),
              (a) => a.realisationPercent,
              (n) => f.percent(n, 0),
            ),
          ]}
        />
        {e && e.realisationStatements.length > 0 && (
          <p className="small">
            {t('mon.evo.asWritten')}{' '}
            <span translate="no">
              {e.realisationStatements.join('; ')}
              {e.realisationNotes ? `. ${e.realisationNotes}` : ''}
            </span>
          </p>
        )}
      </Section>

      <Section id="griglia" title={t('mon.evo.grid')}>
        {editable ? (
          <IntentForm
            key={`${e?.version ?? 0}`}
            intent="evaluation"
            actionData={actionData}
            submitLabel={t('mon.evo.save')}
            label={t('mon.evo.grid.form', { code: o.code })}
            reloadHref={self}
          >
            {gridFields}
          </IntentForm>
        ) : (
          <div role="group" aria-label={t('mon.evo.grid.form', { code: o.code })}>
            {gridFields}
          </div>
        )}
      </Section>

      {d.next && (
        <Section id="riporta" title={t('mon.evo.carry', { years: nextYears })}>
          {continuing.length > 0 && (
            <p>
              {t('mon.evo.already')} <span translate="no">{continuing.map((n) => `${n.code} – ${n.title}`).join('; ')}</span>
            </p>
          )}
          {!e ? (
            <p>{t('mon.evo.saveFirst')}</p>
          ) : d.can.carryover && d.canEditNext ? (
            <IntentForm
              intent="carryover"
              actionData={actionData}
              submitLabel={t('mon.evo.carry', { years: nextYears })}
              submitClassName="btn btn-outline-primary"
              label={t('mon.evo.carry.form')}
            >
              <fieldset className="mb-3">
                <legend className="h6">{t('mon.evo.how')}</legend>
                <div className="form-check">
                  <input className="form-check-input" type="radio" name="mode" id="mode-link" value="link" defaultChecked />
                  <label className="form-check-label" htmlFor="mode-link">
                    {t('mon.evo.mode.link')}
                  </label>
                </div>
                <div className="form-check">
                  <input className="form-check-input" type="radio" name="mode" id="mode-new" value="new" />
                  <label className="form-check-label" htmlFor="mode-new">
                    {t('mon.evo.mode.new')}
                  </label>
                </div>
              </fieldset>
              <SelectField
                intent="carryover"
                name="targetObjectiveId"
                label={t('mon.evo.target')}
                error={carry.targetObjectiveId}
                defaultValue=""
                choices={[
                  { value: '', label: t('mon.evo.choose') },
                  ...d.nextObjectives.map((n) => ({
                    value: n.id,
                    label: (
                      <>
                        {n.code} – {n.title.slice(0, 90)}
                        {n.continues ? ` ${t('mon.evo.continues', { code: n.continues })}` : ''}
                      </>
                    ),
                  })),
                ]}
              />
              <fieldset className="mb-3">
                <legend className="h6">{t('mon.evo.copyWhat')}</legend>
                <div className="row">
                  <div className="col-12 col-md-3">
                    <TextField intent="carryover" name="code" label={t('mon.evo.code')} error={carry.code} />
                  </div>
                  <div className="col-12 col-md-9">
                    <TextField intent="carryover" name="title" label={t('mon.evo.newTitle')} error={carry.title} />
                  </div>
                </div>
                {(
                  [
                    ['copyTitle', 'mon.evo.copyTitle', o.title],
                    ['copyMacroArea', 'mon.evo.copyMacroArea', null],
                    ['copyDescription', 'mon.evo.copyDescription', null],
                    ['copyCriticalIssues', 'mon.evo.copyCriticalIssues', null],
                  ] as const
                ).map(([name, label, quoted]) => (
                  <div className="form-check" key={name}>
                    <input className="form-check-input" type="checkbox" name={name} id={name} />
                    <label className="form-check-label" htmlFor={name}>
                      {t(label)}
                      {quoted ? <span translate="no"> («{quoted}»)</span> : null}
                    </label>
                  </div>
                ))}
                <p className="mt-2 mb-1">{t('mon.evo.actionsToCarry')}</p>
                {o.actions.map((a) => (
                  <div className="form-check" key={a.id}>
                    <input className="form-check-input" type="checkbox" name="actionIds" value={a.id} id={`carry-${a.id}`} />
                    <label className="form-check-label" htmlFor={`carry-${a.id}`}>
                      {t('mon.evo.actionChoice', { number: a.number, percent: a.realisationPercent === null ? '—' : f.percent(a.realisationPercent, 0) })}:{' '}
                      <span translate="no">
                        {a.description.slice(0, 140)}
                        {a.description.length > 140 ? '…' : ''}
                      </span>
                    </label>
                  </div>
                ))}
              </fieldset>
            </IntentForm>
          ) : (
            <p className="small">{t('mon.evo.onlyOffice')}</p>
          )}
        </Section>
      )}
    </>
  );
}
