import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/funding-source-edit';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { CsrfField, Field, FormAlert, PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { updateFundingSource } from '../finance.commands.ts';
import { authorize } from '../finance.policy.ts';
import { getFundingSourceRow } from '../catalogue.queries.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  await guard(request, async () => authorize(getActor(context), 'catalogue.edit', null));
  const row = await getFundingSourceRow(getServices(context).db, params.fundCode);
  if (!row) throw data(tr('finance.sources.notFound'), { status: 404 });
  return { row };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const form = Object.fromEntries(await request.formData());
  return formAction(request, async () => {
    await updateFundingSource({ db: getServices(context).db, actor, code: params.fundCode, input: form });
    return redirect('/fonti-di-finanziamento');
  });
}

export default function FundingSourceEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { row } = loaderData;
  const errors: Record<string, string | undefined> = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  /** A one-line field of the source, filled with its current value. */
  const input = (name: 'name' | 'shortName' | 'legalBasis' | 'activeFrom' | 'activeTo', label: MessageKey, type: 'text' | 'date' = 'text') => (
    <Field name={name} label={t(label)} error={errors[name]}>
      {(p) => <input {...p} type={type} defaultValue={row[name] ?? ''} />}
    </Field>
  );
  return (
    <>
      <PageHeader
        title={t('finance.sources.edit.title', { code: row.code })}
        lead={t('finance.sources.edit.lead')}
        breadcrumb={[{ label: t('finance.sources.title'), to: '/fonti-di-finanziamento' }]}
      />
      <FormAlert result={actionData && 'fieldErrors' in actionData ? actionData : undefined} reloadHref={`/fonti-di-finanziamento/${row.code}`} />
      <Form method="post" noValidate className="col-12 col-lg-8">
        <CsrfField />
        <input type="hidden" name="version" value={row.version} />
        {input('name', 'finance.sources.name')}
        {input('shortName', 'finance.sources.shortName')}
        {input('legalBasis', 'finance.sources.legalBasis')}
        <div className="row">
          <div className="col-12 col-md-6">{input('activeFrom', 'finance.sources.activeFrom', 'date')}</div>
          <div className="col-12 col-md-6">{input('activeTo', 'finance.sources.activeTo.hint', 'date')}</div>
        </div>
        <Field name="notes" label={t('finance.sources.notes')} error={errors.notes}>
          {(p) => <textarea {...p} rows={3} defaultValue={row.notes ?? ''} />}
        </Field>
        <button type="submit" className="btn btn-primary">
          {t('finance.save')}
        </button>
      </Form>
    </>
  );
}
