import { data, redirect } from 'react-router';
import type { Route } from './+types/plans';
import { ValidationError } from '../../../shared/errors.ts';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DataTable,
  EmptyState,
  IntentField,
  IntentForm,
  PageHeader,
  Section,
  namedChoices,
  SelectField,
  UploadForm,
  useFormResult,
  useI18n,
  type Column,
  linkColumn,
} from '../../../shared/ui/kit.ts';
import { getAmbitoByCode } from '../../territory/index.server.ts';
import { createPlan, importPlan } from '../planning.commands.ts';
import { abilitiesFor, can } from '../planning.policy.ts';
import { listPlans } from '../planning.queries.ts';
import { listTemplates, planListEntry } from '../planning.templates.ts';
import type { PlanStatus } from '../plan-document.schema.ts';
import { GridInput } from '../components/grid-fields.tsx';
import { readUploadedText } from '../../../shared/imports/decode.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data(tr('plan.notFound.ambito'), { status: 404 });
  const actor = getActor(context);
  // The list of plans is the Ufficio di Piano's work page: an anonymous visitor reads the adopted plan on the portal.
  if (actor.kind === 'anonymous') throw redirect(`/portale/${encodeURIComponent(ambito.code)}/piano`);
  const scope = { id: ambito.id, regionCode: ambito.regionCode };
  const plans = (await listPlans(db, ambito.id)).filter((p) => can(actor, 'plan.read', { ...scope, status: p.status as PlanStatus }));
  return {
    ambito: { code: ambito.code, name: ambito.name },
    plans: plans.map((p) => ({ ...planListEntry(p), template: p.templateId })),
    templates: listTemplates().map((t) => ({ id: t.id, name: t.name })),
    can: abilitiesFor(actor, scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data(tr('plan.notFound.ambito'), { status: 404 });
  return intentAction(
    request,
    {
      import: async (_form, raw) => {
        const file = raw.get('file');
        if (!(file instanceof File) || file.size === 0)
          throw new ValidationError([{ path: 'file', message: tr('plan.plans.chooseFile') }], tr('plan.plans.noFile'));
        if (file.size > 10 * 1024 * 1024) throw new ValidationError([{ path: 'file', message: tr('plan.plans.tooLargeDetail') }], tr('plan.plans.tooLarge'));
        const upload = await readUploadedText(file, 'piano.json');
        const r = await importPlan({ db, actor, ambitoId: ambito.id, fileName: upload.name, text: upload.text });
        return redirect(`/ambiti/${ambito.code}/piani/${r.planId}`);
      },
      create: async (form) => {
        const plan = await createPlan({ db, actor, ambitoId: ambito.id, input: form });
        return redirect(`/ambiti/${ambito.code}/piani/${plan.id}`);
      },
    },
    { echo: true },
  );
}

export default function Plans({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, plans, templates, can } = loaderData;
  const { errors, values } = useFormResult(actionData, 'create');
  const columns: Column<(typeof plans)[number]>[] = [
    linkColumn('plan', t('plan.plans.plan'), (p) => ({ text: p.title, to: `/ambiti/${ambito.code}/piani/${p.id}` })),
    { key: 'period', header: t('plan.plans.period'), value: (p) => p.start, render: (p) => f.years(p.start, p.end), data: false },
    { key: 'status', header: t('plan.plans.status'), value: (p) => p.status },
  ];
  const templateChoice = { intent: 'create', name: 'templateId', label: t('plan.plans.template'), choices: namedChoices(templates), required: true };
  const noPlans = <EmptyState title={t('plan.plans.none')} />;
  const importWords = { label: t('plan.plans.importFile'), submitLabel: t('plan.plans.importSubmit') };
  const years = { periodStartYear: t('plan.plans.firstYear'), periodEndYear: t('plan.plans.lastYear') };
  /** The two years of the period: half a row each, numeric keyboard on a phone. */
  const yearField = { col: 'col-6', intent: 'create', errors, type: 'number', min: 2000, max: 2100, required: true, inputMode: 'numeric' } as const;
  return (
    <>
      <PageHeader title={t('plan.plans.title')} context={ambito.name} lead={<span translate="no">{ambito.name}</span>} />
      <DataTable id="piani" caption={t('plan.plans.caption')} rows={plans} rowKey={(p) => p.id} empty={noPlans} columns={columns} />
      {can['plan.create'] && (
        <div className="row mt-5 g-5">
          <div className="col-12 col-lg-6">
            <Section id="nuovo-piano" title={t('plan.plans.new')}>
              <IntentForm intent="create" actionData={actionData} submitLabel={t('plan.plans.create')} label={t('plan.plans.new')}>
                <IntentField intent="create" name="title" label={t('plan.plans.newTitle')} error={errors.title}>
                  {(p) => <input {...p} type="text" required defaultValue={values?.title ?? t('plan.plans.defaultTitle')} />}
                </IntentField>
                <div className="row">
                  {(Object.keys(years) as (keyof typeof years)[]).map((name) => (
                    <GridInput key={name} name={name} label={years[name]} defaultValue={values?.[name]} {...yearField} />
                  ))}
                </div>
                <SelectField {...templateChoice} error={errors.templateId} defaultValue={values?.templateId} />
              </IntentForm>
            </Section>
          </div>
          <div className="col-12 col-lg-6">
            <Section id="importa-piano" title={t('plan.plans.import')} lead={<span className="small text-break">{t('plan.plans.importHint')}</span>}>
              <UploadForm intent="import" actionData={actionData} accept=".json,application/json" {...importWords} />
            </Section>
          </div>
        </div>
      )}
    </>
  );
}
