import { data, Form, Link, redirect, useNavigation } from 'react-router';
import type { Route } from './+types/plans';
import { ValidationError } from '../../../shared/errors.ts';
import { formAction, getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { getAmbitoByCode } from '../../territory/index.server.ts';
import { createPlan, importPlan } from '../planning.commands.ts';
import { abilitiesFor, can } from '../planning.policy.ts';
import { listPlans } from '../planning.queries.ts';
import { listTemplates, statusLabel } from '../planning.templates.ts';
import type { PlanStatus } from '../plan-document.schema.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data('Ambito non trovato', { status: 404 });
  const actor = getActor(context);
  const scope = { id: ambito.id, regionCode: ambito.regionCode };
  const plans = (await listPlans(db, ambito.id)).filter((p) => can(actor, 'plan.read', { ...scope, status: p.status as PlanStatus }));
  return {
    ambito: { code: ambito.code, name: ambito.name },
    plans: plans.map((p) => ({
      id: p.id,
      title: p.title,
      period: `${p.periodStartYear}–${p.periodEndYear}`,
      status: statusLabel(p.templateId, p.status as PlanStatus),
      template: p.templateId,
    })),
    templates: listTemplates().map((t) => ({ id: t.id, name: t.name })),
    can: abilitiesFor(actor, scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data('Ambito non trovato', { status: 404 });
  const form = await request.formData();
  return formAction(request, async () => {
    if (form.get('intent') === 'import') {
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0)
        throw new ValidationError([{ path: 'file', message: 'Scegli un file JSON di piano da importare.' }], 'Nessun file ricevuto.');
      if (file.size > 10 * 1024 * 1024) throw new ValidationError([{ path: 'file', message: 'Il file supera i 10 MB.' }], 'File troppo grande.');
      const r = await importPlan({ db, actor, ambitoId: ambito.id, fileName: file.name || 'piano.json', text: await file.text() });
      return redirect(`/ambiti/${ambito.code}/piani/${r.planId}`);
    }
    const plan = await createPlan({ db, actor, ambitoId: ambito.id, input: Object.fromEntries(form) });
    return redirect(`/ambiti/${ambito.code}/piani/${plan.id}`);
  });
}

export default function Plans({ loaderData, actionData }: Route.ComponentProps) {
  const { ambito, plans, templates, can } = loaderData;
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  return (
    <>
      <title>{`Piani – ${ambito.name}`}</title>
      <h1>Piani di Zona</h1>
      <p className="lead">{ambito.name}</p>
      {plans.length === 0 ? (
        <p>Nessun piano visibile con il tuo profilo.</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>Piani dell’Ambito</caption>
            <thead>
              <tr>
                <th scope="col">Piano</th>
                <th scope="col">Periodo</th>
                <th scope="col">Stato</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/ambiti/${ambito.code}/piani/${p.id}`}>{p.title}</Link>
                  </th>
                  <td>{p.period}</td>
                  <td>{p.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can['plan.create'] && (
        <div className="row mt-5 g-5">
          <section className="col-lg-6" aria-labelledby="new-plan">
            <h2 className="h4" id="new-plan">
              Nuovo piano su un modello regionale
            </h2>
            <FormAlert result={actionData && 'fieldErrors' in actionData && !('file' in errors) ? actionData : undefined} />
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="create" />
              <Field name="title" label="Titolo del piano (obbligatorio)" error={errors.title}>
                {(p) => <input {...p} type="text" required defaultValue="Piano di Zona" />}
              </Field>
              <div className="row">
                <div className="col-6">
                  <Field name="periodStartYear" label="Primo anno" error={errors.periodStartYear}>
                    {(p) => <input {...p} type="number" min={2000} max={2100} required inputMode="numeric" />}
                  </Field>
                </div>
                <div className="col-6">
                  <Field name="periodEndYear" label="Ultimo anno" error={errors.periodEndYear}>
                    {(p) => <input {...p} type="number" min={2000} max={2100} required inputMode="numeric" />}
                  </Field>
                </div>
              </div>
              <Field name="templateId" label="Modello regionale" error={errors.templateId}>
                {(p) => (
                  <select {...p} className="form-select" required>
                    {templates.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
                Crea il piano
              </button>
            </Form>
          </section>
          <section className="col-lg-6" aria-labelledby="import-plan">
            <h2 className="h4" id="import-plan">
              Importa un piano (JSON)
            </h2>
            <p className="small">Il formato è descritto in docs/formats/plan-json.md; è lo stesso dell’esportazione.</p>
            {'file' in errors || (actionData && 'fieldErrors' in actionData && Object.keys(errors).some((k) => k.includes('.json'))) ? (
              <div className="alert alert-danger" role="alert">
                <p className="mb-1">{actionData && 'formError' in actionData ? actionData.formError : ''}</p>
                <ul className="mb-0 small">
                  {Object.entries(errors).map(([k, v]) => (
                    <li key={k}>
                      <strong>{k}</strong>: {v}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <Form method="post" encType="multipart/form-data">
              <CsrfField />
              <input type="hidden" name="intent" value="import" />
              <div className="mb-3">
                <label htmlFor="plan-file" className="form-label fw-semibold">
                  File JSON del piano
                </label>
                <input id="plan-file" name="file" type="file" accept=".json,application/json" className="form-control" required />
              </div>
              <button type="submit" className="btn btn-outline-primary">
                Importa
              </button>
            </Form>
          </section>
        </div>
      )}
    </>
  );
}
