import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/funding-source-edit';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { updateFundingSource } from '../finance.commands.ts';
import { authorize } from '../finance.policy.ts';
import { getFundingSourceRow } from '../finance.queries.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  await guard(request, async () => authorize(getActor(context), 'catalogue.edit', null));
  const row = await getFundingSourceRow(getServices(context).db, params.fundCode);
  if (!row) throw data('Fonte di finanziamento non trovata', { status: 404 });
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
  const { row } = loaderData;
  const errors: Record<string, string | undefined> = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  return (
    <>
      <title>{`${row.code} – Fonti di finanziamento`}</title>
      <p>
        <Link to="/fonti-di-finanziamento">Fonti di finanziamento</Link>
      </p>
      <h1 className="h2">Modifica la fonte {row.code}</h1>
      <p>Il codice non cambia: bilanci e spesa vi fanno riferimento.</p>
      <FormAlert result={actionData && 'fieldErrors' in actionData ? actionData : undefined} reloadHref={`/fonti-di-finanziamento/${row.code}`} />
      <Form method="post" noValidate className="col-lg-8">
        <CsrfField />
        <input type="hidden" name="version" value={row.version} />
        <Field name="name" label="Nome" error={errors.name}>
          {(p) => <input {...p} type="text" defaultValue={row.name} />}
        </Field>
        <Field name="shortName" label="Nome breve" error={errors.shortName}>
          {(p) => <input {...p} type="text" defaultValue={row.shortName} />}
        </Field>
        <Field name="legalBasis" label="Base normativa" error={errors.legalBasis}>
          {(p) => <input {...p} type="text" defaultValue={row.legalBasis ?? ''} />}
        </Field>
        <div className="row">
          <div className="col-md-6">
            <Field name="activeFrom" label="Attiva dal" error={errors.activeFrom}>
              {(p) => <input {...p} type="date" defaultValue={row.activeFrom ?? ''} />}
            </Field>
          </div>
          <div className="col-md-6">
            <Field name="activeTo" label="Attiva fino al (es. scadenza PNRR)" error={errors.activeTo}>
              {(p) => <input {...p} type="date" defaultValue={row.activeTo ?? ''} />}
            </Field>
          </div>
        </div>
        <Field name="notes" label="Note" error={errors.notes}>
          {(p) => <textarea {...p} rows={3} defaultValue={row.notes ?? ''} />}
        </Field>
        <button type="submit" className="btn btn-primary">
          Salva
        </button>
      </Form>
    </>
  );
}
