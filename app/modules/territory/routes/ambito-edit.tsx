import { data, Form, Link, redirect, useNavigation } from 'react-router';
import type { Route } from './+types/ambito-edit';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { PageHeader, selectClass, useI18n, CsrfField, Field, FormAlert, Options } from '../../../shared/ui/kit.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { updateAmbito } from '../territory.commands.ts';
import { authorize } from '../territory.policy.ts';
import { getAmbitoByCode } from '../territory.queries.ts';
import { MANAGEMENT_FORMS } from '../territory.constants.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  const ambito = await getAmbitoByCode(getServices(context).db, params.code);
  if (!ambito) throw data(tr('terr.notFound.ambito'), { status: 404 });
  await guard(request, async () => authorize(getActor(context), 'ambito.edit', ambito));
  return { ambito };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data(tr('terr.notFound.ambito'), { status: 404 });
  const form = Object.fromEntries(await request.formData());
  return formAction(request, async () => {
    await updateAmbito({ db, actor: getActor(context), ambitoId: ambito.id, input: form });
    return redirect(`/ambiti/${ambito.code}?esito=salvato`);
  });
}

export default function AmbitoEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { ambito } = loaderData;
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  const result = actionData && 'ok' in actionData ? actionData : undefined;
  const busy = navigation.state === 'submitting';
  return (
    <>
      <PageHeader
        title={t('edit.title')}
        context={ambito.name}
        breadcrumb={[{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }]}
        lead={<span translate="no">{ambito.name}</span>}
      />
      <FormAlert result={result} reloadHref={`/ambiti/${ambito.code}/modifica`} />
      <Form method="post" noValidate className="col-lg-8" aria-describedby={result ? 'form-alert' : undefined}>
        <CsrfField />
        <input type="hidden" name="version" value={ambito.version} />
        <Field name="name" label={`${t('ambito.name')} (${t('form.required')})`} error={errors.name}>
          {(p) => <input {...p} type="text" required defaultValue={ambito.name} autoComplete="off" />}
        </Field>
        <Field name="managementForm" label={t('ambito.managementForm')} error={errors.managementForm}>
          {(p) => (
            <select {...p} className={selectClass(errors.managementForm)} defaultValue={ambito.managementForm ?? ''}>
              <option value="">{t('edit.choose')}</option>
              <Options items={MANAGEMENT_FORMS} value={(f) => f} label={(f) => t(`ambito.managementForm.${f}` as MessageKey)} />
            </select>
          )}
        </Field>
        <Field name="healthDistrict" label={t('ambito.healthDistrict')} error={errors.healthDistrict}>
          {(p) => <input {...p} type="text" defaultValue={ambito.healthDistrict ?? ''} />}
        </Field>
        <div className="row">
          <div className="col-md-6">
            <Field name="healthAuthority" label={t('ambito.healthAuthority')} error={errors.healthAuthority} hint={t('ambito.healthAuthority.hint')}>
              {(p) => <input {...p} type="text" defaultValue={ambito.healthAuthority ?? ''} />}
            </Field>
          </div>
          <div className="col-md-6">
            <Field name="healthTrust" label={t('ambito.healthTrust')} error={errors.healthTrust} hint={t('ambito.healthTrust.hint')}>
              {(p) => <input {...p} type="text" defaultValue={ambito.healthTrust ?? ''} />}
            </Field>
          </div>
        </div>
        <Field name="description" label={t('ambito.description')} error={errors.description}>
          {(p) => <textarea {...p} rows={5} defaultValue={ambito.description ?? ''} />}
        </Field>
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('ui.form.working') : t('edit.save')}
          </button>
          <Link to={`/ambiti/${ambito.code}`} className="btn btn-outline-secondary">
            {t('edit.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}
