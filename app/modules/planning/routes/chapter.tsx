import { data, Form, Link } from 'react-router';
import type { Route } from './+types/chapter';
import { formAction, getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { updateChapter } from '../planning.commands.ts';
import { abilitiesFor } from '../planning.policy.ts';
import { getChapter } from '../planning.queries.ts';
import { requirePlanInAmbito } from '../planning.server.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requirePlanInAmbito(db, params.code, params.planId);
  const chapter = /^[0-9a-f-]{36}$/.test(params.chapterId) ? await getChapter(db, params.planId, params.chapterId) : null;
  if (!chapter) throw data('Capitolo non trovato', { status: 404 });
  const can = abilitiesFor(getActor(context), header.scope);
  if (!can['plan.read']) throw data('Piano non trovato', { status: 404 });
  return { chapter, plan: { id: header.plan.id, title: header.plan.title }, code: params.code, can };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requirePlanInAmbito(db, params.code, params.planId);
  const form = Object.fromEntries(await request.formData());
  return formAction(request, async () => {
    await updateChapter({ db, actor, chapterId: params.chapterId, input: form });
    return { ok: true as const };
  });
}

export default function Chapter({ loaderData, actionData }: Route.ComponentProps) {
  const { chapter, plan, can } = loaderData;
  const errors: Record<string, string | undefined> = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  return (
    <>
      <title>{`${chapter.number ?? ''} ${chapter.title} – ${plan.title}`}</title>
      <p>
        <Link to={`/ambiti/${loaderData.code}/piani/${plan.id}`}>{plan.title}</Link>
      </p>
      <h1 className="h2">
        {chapter.number ? `${chapter.number} ` : ''}
        {chapter.title}
      </h1>
      {actionData && 'ok' in actionData && actionData.ok && (
        <div className="alert alert-success" role="status">
          Capitolo salvato.
        </div>
      )}
      <FormAlert result={actionData && 'fieldErrors' in actionData ? actionData : undefined} reloadHref="" />
      {can['plan.edit'] ? (
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="version" value={chapter.version} />
          <Field
            name="html"
            label="Testo del capitolo"
            hint="Paragrafi (<p>), titoli (<h3>, <h4>), elenchi (<ul>, <ol>, <li>), grassetto (<strong>), corsivo (<em>), collegamenti (<a href>) e tabelle semplici."
            error={errors.html}
          >
            {(p) => <textarea {...p} rows={18} defaultValue={chapter.html ?? ''} />}
          </Field>
          <button type="submit" className="btn btn-primary">
            Salva il capitolo
          </button>
        </Form>
      ) : chapter.html ? (
        <div dangerouslySetInnerHTML={{ __html: chapter.html }} />
      ) : (
        <p>Capitolo non ancora scritto.</p>
      )}
    </>
  );
}
