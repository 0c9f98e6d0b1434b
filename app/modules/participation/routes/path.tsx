import { data, redirect } from 'react-router';
import type { Route } from './+types/path';
import { intentAction, type FormFields } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import {
  DataTable,
  DoneNotice,
  EmptyState,
  FieldGroup,
  IntentForm,
  KpiGrid,
  namedChoices,
  Notice,
  PageHeader,
  ResultAlert,
  RowButtonForm,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
  type Column,
  type FieldRows,
} from '../../../shared/ui/kit.ts';
import { addStep, adoptTemplatePath, closeStep, editStep, moveStep, removeStep, reopenStep, startStep } from '../participation.path.commands.ts';
import { closingBodyChoices, getPathView, planInAmbito, proposedPath, type PathStepView } from '../participation.path.queries.ts';
import type { StepState } from '../participation.path.rules.ts';
import { readParticipation } from './participation.server.ts';

/**
 * The planning path of a plan: for the Ambito's members and the Region's reviewer (the plan page shows everyone, once
 * the plan is adopted, where the plan stands); the Ufficio di Piano adopts the template's proposal and adapts it.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readParticipation(context, request, params.code);
  const plan = await planInAmbito(db, ambito.id, params.planId);
  if (!plan) throw data(tr('error.app.notFound', { what: tr('part.path.what.plan') }), { status: 404 });
  const view = await getPathView(db, ambito.id, plan.id);
  const proposal = view.steps.length === 0 ? proposedPath(plan.templateId) : null;
  const bodies = can['path.write'] ? await closingBodyChoices(db, ambito.id) : [];
  return {
    ambito,
    plan: { id: plan.id, title: plan.title },
    can: { write: can['path.write'] },
    ...view,
    proposal: proposal && { templateName: proposal.templateName, steps: proposal.steps },
    bodies,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  const plan = await planInAmbito(db, ambito.id, params.planId);
  if (!plan) throw data(tr('error.app.notFound', { what: tr('part.path.what.plan') }), { status: 404 });
  const base = { db, actor, ambitoId: ambito.id };
  const page = `/ambiti/${ambito.code}/piani/${plan.id}/percorso`;
  const back = (esito: string, anchor = '') => redirect(`${page}?esito=${esito}${anchor}`);
  const { steps } = await getPathView(db, ambito.id, plan.id);
  // One form per step and per act: the intent names the step («edit-<id>»), so that each form keeps its own errors.
  const perStep = Object.fromEntries(
    steps.flatMap((s) => {
      const anchor = `#fase-${s.number}`;
      return [
        [`edit-${s.id}`, async (input: FormFields) => (await editStep(base, { stepId: s.id, input }), back('salvata', anchor))],
        [`start-${s.id}`, async (input: FormFields) => (await startStep(base, { stepId: s.id, input }), back('avviata', anchor))],
        [`close-${s.id}`, async (input: FormFields) => (await closeStep(base, { stepId: s.id, input }), back('chiusa', anchor))],
        [`move-${s.id}`, async (input: FormFields) => (await moveStep(base, { stepId: s.id, input }), back('spostata', '#fasi'))],
        [`remove-${s.id}`, async (input: FormFields) => (await removeStep(base, { stepId: s.id, input }), back('rimossa', '#fasi'))],
        [`reopen-${s.id}`, async (input: FormFields) => (await reopenStep(base, { stepId: s.id, input }), back('riaperta', anchor))],
      ];
    }),
  );
  return intentAction(
    request,
    {
      adopt: async (input) => (await adoptTemplatePath(base, { planId: plan.id, input }), back('adottato', '#fasi')),
      add: async (input) => (await addStep(base, { planId: plan.id, input }), back('aggiunta', '#fasi')),
      ...perStep,
    },
    { echo: true },
  );
}

const TONE: Record<StepState, 'success' | 'primary' | 'secondary' | 'danger'> = { done: 'success', current: 'primary', todo: 'secondary', late: 'danger' };

type LoaderData = Route.ComponentProps['loaderData'];

function useDates() {
  const { t, f } = useI18n();
  return {
    planned: (s: { plannedFrom: string | null; plannedTo: string | null }) =>
      s.plannedFrom && s.plannedTo
        ? t('part.path.fromTo', { from: f.date(s.plannedFrom), to: f.date(s.plannedTo) })
        : s.plannedFrom
          ? t('part.path.fromOnly', { from: f.date(s.plannedFrom) })
          : s.plannedTo
            ? t('part.path.toOnly', { to: f.date(s.plannedTo) })
            : t('part.path.none'),
    day: (iso: string | null) => (iso ? f.date(iso) : t('part.path.none')),
  };
}

/** A disclosed form of one step: open when it was the one just refused. */
function StepForm({
  intent,
  summary,
  submitLabel,
  actionData,
  version,
  fields,
  values,
  reloadHref,
  number,
}: {
  intent: string;
  reloadHref: string;
  number: number;
  summary: string;
  submitLabel: string;
  actionData: unknown;
  version: number;
  fields: FieldRows;
  values: Record<string, unknown>;
}) {
  const { t } = useI18n();
  const { errors, failure, values: sent } = useFormResult(actionData, intent);
  return (
    <details className="mb-2" open={!!failure}>
      <summary>{summary}</summary>
      <div className="border rounded p-3 mt-2">
        <IntentForm
          intent={intent}
          actionData={actionData}
          submitLabel={submitLabel}
          label={t('part.path.form.labelOf', { form: summary, number })}
          reloadHref={reloadHref}
          noValidate
        >
          <input type="hidden" name="version" value={version} />
          <FieldGroup intent={intent} errors={errors} values={sent ?? values} fields={fields} />
        </IntentForm>
      </div>
    </details>
  );
}

function Steps({ steps }: { steps: LoaderData['steps'] }) {
  const { t } = useI18n();
  const dates = useDates();
  const columns: Column<PathStepView>[] = [
    { key: 'numero', header: t('part.path.col.number'), value: (s) => s.number, numeric: true },
    { key: 'fase', header: t('part.path.col.name'), value: (s) => s.name, rowHeader: true },
    {
      key: 'stato',
      header: t('part.path.col.state'),
      value: (s) => s.state,
      render: (s) => <StatusBadge tone={TONE[s.state]}>{t(`part.path.state.${s.state}`)}</StatusBadge>,
      data: false,
    },
    {
      key: 'organo',
      header: t('part.path.col.body'),
      value: (s) => s.closingBody,
      render: (s) => s.closingBody ?? <span translate="yes">{t('part.path.none')}</span>,
    },
    {
      key: 'previsto',
      header: t('part.path.col.planned'),
      value: (s) => [s.plannedFrom, s.plannedTo].filter(Boolean).join('/'),
      render: dates.planned,
      data: false,
    },
    { key: 'avvio', header: t('part.path.col.started'), value: (s) => s.startedOn, render: (s) => dates.day(s.startedOn), data: false },
    { key: 'chiusura', header: t('part.path.col.closed'), value: (s) => s.closedOn, render: (s) => dates.day(s.closedOn), data: false },
    { key: 'atto', header: t('part.path.col.act'), value: (s) => s.closingAct, sortable: false },
    { key: 'ingressi', header: t('part.path.col.inputs'), value: (s) => s.inputs, sortable: false },
    { key: 'uscite', header: t('part.path.col.outputs'), value: (s) => s.outputs, sortable: false },
  ];
  return (
    <DataTable
      id="fasi-tabella"
      caption={t('part.path.table.caption', { count: steps.length })}
      csv="percorso-del-piano"
      rows={steps as PathStepView[]}
      rowKey={(s) => s.id}
      columns={columns}
    />
  );
}

function Proposal({ proposal, canWrite, actionData }: { proposal: NonNullable<LoaderData['proposal']>; canWrite: boolean; actionData: unknown }) {
  const { t } = useI18n();
  const { errors, values } = useFormResult(actionData, 'adopt');
  type Proposed = (typeof proposal.steps)[number] & { number: number };
  const rows: Proposed[] = proposal.steps.map((s, i) => ({ ...s, number: i + 1 }));
  return (
    <Section id="proposta" title={t('part.path.proposal.title')} lead={t('part.path.proposal.lead', { template: proposal.templateName })}>
      {rows.length === 0 ? (
        <p>{t('part.path.proposal.none')}</p>
      ) : (
        <>
          <DataTable
            id="proposta-tabella"
            caption={t('part.path.proposal.caption', { count: rows.length })}
            rows={rows}
            rowKey={(s) => s.key}
            columns={[
              { key: 'numero', header: t('part.path.col.number'), value: (s) => s.number, numeric: true },
              { key: 'fase', header: t('part.path.col.name'), value: (s) => s.name, rowHeader: true },
              {
                key: 'organo',
                header: t('part.path.col.bodyType'),
                value: (s) => s.closingBodyType,
                render: (s) => t(`part.path.bodyType.${s.closingBodyType}` as MessageKey),
                data: false,
              },
              {
                key: 'durata',
                header: t('part.path.col.typical'),
                value: (s) => s.typicalDurationDays ?? null,
                render: (s) => (s.typicalDurationDays ? t('part.path.typical.days', { days: s.typicalDurationDays }) : t('part.path.none')),
                numeric: true,
              },
              { key: 'ingressi', header: t('part.path.col.inputs'), value: (s) => s.inputs ?? null, sortable: false },
              { key: 'uscite', header: t('part.path.col.outputs'), value: (s) => s.outputs ?? null, sortable: false },
            ]}
          />
          {canWrite && (
            <IntentForm intent="adopt" actionData={actionData} submitLabel={t('part.path.adopt')} label={t('part.path.adopt')} noValidate>
              <FieldGroup
                intent="adopt"
                errors={errors}
                values={values}
                fields={[{ name: 'startOn', label: t('part.path.field.startOn'), type: 'date', hint: t('part.path.field.startOnHint') }]}
              />
            </IntentForm>
          )}
        </>
      )}
    </Section>
  );
}

export default function PathPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, plan, steps, position, proposal, bodies, can, today } = loaderData;
  const planUrl = `/ambiti/${ambito.code}/piani/${plan.id}`;
  const page = `${planUrl}/percorso`;
  const current = position ? steps[position.index] : undefined;
  const bodyChoices = namedChoices(bodies);
  const describeFields: FieldRows = [
    { name: 'name', label: t('part.path.field.name'), required: true, maxLength: 200 },
    { name: 'description', label: t('part.path.field.description'), rows: 2 },
    [
      { name: 'inputs', label: t('part.path.field.inputs'), rows: 2 },
      { name: 'outputs', label: t('part.path.field.outputs'), rows: 2 },
    ],
    [
      { name: 'closingBodyId', label: t('part.path.field.closingBodyId'), choices: bodyChoices, empty: t('part.path.form.noBody') },
      { name: 'closingBodyName', label: t('part.path.field.closingBodyName'), maxLength: 200, hint: t('part.path.field.closingBodyHint') },
    ],
    [
      { name: 'plannedFrom', label: t('part.path.field.plannedFrom'), type: 'date' },
      { name: 'plannedTo', label: t('part.path.field.plannedTo'), type: 'date' },
    ],
  ];
  const add = useFormResult(actionData, 'add');
  return (
    <>
      <PageHeader
        title={t('part.path.title')}
        context={plan.title}
        lead={<span translate="no">{plan.title}</span>}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.path.plans'), to: `/ambiti/${ambito.code}/piani` },
          { label: plan.title, data: true, to: planUrl },
        ]}
      />
      <DoneNotice
        messages={{
          adottato: 'part.path.done.adopted',
          aggiunta: 'part.path.done.added',
          salvata: 'part.path.done.saved',
          spostata: 'part.path.done.moved',
          rimossa: 'part.path.done.removed',
          avviata: 'part.path.done.started',
          chiusa: 'part.path.done.closed',
          riaperta: 'part.path.done.reopened',
        }}
      />
      <p>{t('part.path.lead')}</p>
      <Notice>
        <p className="mb-1">{t('part.path.access')}</p>
        <p className="mb-0">{t('part.path.rules')}</p>
      </Notice>

      {position && (
        <KpiGrid
          label={t('part.path.kpi.today', { date: f.date(today) })}
          items={[
            {
              label: t('part.path.kpi.step'),
              value: t('part.path.kpi.stepValue', { step: position.step, total: position.total }),
              hint: position.complete ? t('part.path.summaryComplete', { total: position.total }) : undefined,
              testId: 'path-step',
            },
            { label: t('part.path.kpi.done'), value: f.number(position.done), testId: 'path-done' },
            { label: t('part.path.kpi.late'), value: f.number(position.late), tone: position.late > 0 ? 'danger' : undefined, testId: 'path-late' },
          ]}
        />
      )}

      <Section
        id="fasi"
        title={t('part.path.steps')}
        lead={
          position && current
            ? position.complete
              ? t('part.path.summaryComplete', { total: position.total })
              : t('part.path.summary', { step: position.step, total: position.total, name: current.name })
            : undefined
        }
      >
        {steps.length === 0 ? (
          <EmptyState title={t('part.path.empty.title')}>
            <p className="mb-0">{t('part.path.empty.body')}</p>
          </EmptyState>
        ) : (
          <Steps steps={steps} />
        )}
      </Section>

      {proposal && <Proposal proposal={proposal} canWrite={can.write} actionData={actionData} />}

      {can.write && (
        <Section id="modifica" title={t('part.path.manage')} lead={t('part.path.manage.lead')}>
          {steps.map((s, i) => {
            const what = <span translate="no">{s.name}</span>;
            return (
              <article key={s.id} id={`fase-${s.number}`} className="border-bottom py-3">
                <h3 className="h5 text-break">{t('part.path.step.heading', { number: s.number, name: s.name })}</h3>
                <ResultAlert actionData={actionData} intent={`move-${s.id}`} reloadHref={`${page}#fase-${s.number}`} />
                <ResultAlert actionData={actionData} intent={`remove-${s.id}`} reloadHref={`${page}#fase-${s.number}`} />
                <ResultAlert actionData={actionData} intent={`reopen-${s.id}`} reloadHref={`${page}#fase-${s.number}`} />
                <div className="d-flex flex-wrap gap-2 mb-2">
                  {i > 0 && (
                    <RowButtonForm
                      intent={`move-${s.id}`}
                      hidden={{ version: s.version, direction: 'up' }}
                      label={t('part.path.form.moveUp')}
                      what={what}
                      className="btn btn-outline-primary btn-sm"
                    />
                  )}
                  {i < steps.length - 1 && (
                    <RowButtonForm
                      intent={`move-${s.id}`}
                      hidden={{ version: s.version, direction: 'down' }}
                      label={t('part.path.form.moveDown')}
                      what={what}
                      className="btn btn-outline-primary btn-sm"
                    />
                  )}
                  {s.closedOn && (
                    <RowButtonForm
                      intent={`reopen-${s.id}`}
                      hidden={{ version: s.version }}
                      label={t('part.path.form.reopen')}
                      what={what}
                      className="btn btn-outline-secondary btn-sm"
                    />
                  )}
                  <RowButtonForm intent={`remove-${s.id}`} hidden={{ version: s.version }} label={t('part.path.form.remove')} what={what} />
                </div>
                <StepForm
                  intent={`edit-${s.id}`}
                  summary={t('part.path.form.edit')}
                  submitLabel={t('part.path.form.save')}
                  actionData={actionData}
                  version={s.version}
                  reloadHref={`${page}#fase-${s.number}`}
                  number={s.number}
                  fields={describeFields}
                  values={s}
                />
                <StepForm
                  intent={`start-${s.id}`}
                  summary={t('part.path.form.start')}
                  submitLabel={t('part.path.form.startSubmit')}
                  actionData={actionData}
                  version={s.version}
                  reloadHref={`${page}#fase-${s.number}`}
                  number={s.number}
                  fields={[{ name: 'startedOn', label: t('part.path.field.startedOn'), type: 'date', required: true }]}
                  values={s}
                />
                <StepForm
                  intent={`close-${s.id}`}
                  summary={t('part.path.form.close')}
                  submitLabel={t('part.path.form.closeSubmit')}
                  actionData={actionData}
                  version={s.version}
                  reloadHref={`${page}#fase-${s.number}`}
                  number={s.number}
                  fields={[
                    { name: 'closedOn', label: t('part.path.field.closedOn'), type: 'date', required: true },
                    { name: 'closingAct', label: t('part.path.field.closingAct'), maxLength: 500, hint: t('part.path.field.closingActHint') },
                    { name: 'reason', label: t('part.path.field.reason'), rows: 2, hint: t('part.path.field.reasonHint') },
                  ]}
                  values={s}
                />
              </article>
            );
          })}
          <h3 className="h5 mt-4">{t('part.path.form.add')}</h3>
          <IntentForm intent="add" actionData={actionData} submitLabel={t('part.path.form.addSubmit')} label={t('part.path.form.add')} noValidate>
            <FieldGroup intent="add" errors={add.errors} values={add.values} fields={describeFields} />
          </IntentForm>
        </Section>
      )}
    </>
  );
}
