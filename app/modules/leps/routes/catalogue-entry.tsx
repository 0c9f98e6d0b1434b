import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/catalogue-entry';
import { formAction, getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { POLICY_AREAS } from '../leps-catalogue.ts';
import { updateCatalogueEntry } from '../leps.commands.ts';
import { can } from '../leps.policy.ts';
import { fundingLabel, getCatalogueEntry } from '../leps.queries.ts';

const FIELDS = [
  ['name', 'Nome del LEPS'],
  ['legalReference', 'Normativa'],
  ['planningAct', 'Atto di programmazione'],
  ['fundingText', 'Fonte di finanziamento (come stampata)'],
  ['note', 'Nota'],
] as const;

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const found = await getCatalogueEntry(db, params.lepsCode);
  if (!found) throw data('LEPS non trovato', { status: 404 });
  const { entry, catalogue, history } = found;
  return {
    catalogue,
    entry: {
      ...entry,
      fundingLabels: entry.fundingSources.map(fundingLabel),
      areas: entry.policyAreas.map((a) => ({ ...a, name: POLICY_AREAS[a.code as keyof typeof POLICY_AREAS] ?? a.code })),
    },
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actor: h.actorLabel,
      changes: FIELDS.filter(([k]) => (h.before as Record<string, unknown> | null)?.[k] !== (h.after as Record<string, unknown> | null)?.[k]).map(
        ([k, label]) => ({
          label,
          before: String((h.before as Record<string, unknown> | null)?.[k] ?? '—'),
          after: String((h.after as Record<string, unknown> | null)?.[k] ?? '—'),
        }),
      ),
    })),
    canEdit: can(getActor(context), 'catalogue.edit', null),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const found = await getCatalogueEntry(db, params.lepsCode);
  if (!found) throw data('LEPS non trovato', { status: 404 });
  const form = await request.formData();
  return formAction(request, async () => {
    await updateCatalogueEntry({ db, actor, entryId: found.entry.id, input: Object.fromEntries(form) });
    return redirect(`/leps/catalogo/${params.lepsCode}?salvato=1`);
  });
}

export default function CatalogueEntry({ loaderData, actionData }: Route.ComponentProps) {
  const { entry, catalogue, history, canEdit } = loaderData;
  const errors: Record<string, string | undefined> = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  return (
    <>
      <title>{`${entry.name} – Catalogo dei LEPS`}</title>
      <p>
        <Link to="/leps/catalogo">Catalogo dei LEPS</Link>
      </p>
      <h1>{entry.name}</h1>
      <p className="lead">
        Codice {entry.code}, catalogo {catalogue.version}, revisione {entry.version}
      </p>
      <dl className="row">
        <dt className="col-sm-3">Normativa</dt>
        <dd className="col-sm-9">{entry.legalReference}</dd>
        <dt className="col-sm-3">Atto di programmazione</dt>
        <dd className="col-sm-9">{entry.planningAct}</dd>
        <dt className="col-sm-3">Fonte di finanziamento</dt>
        <dd className="col-sm-9">
          {entry.fundingText}
          <ul className="small mb-0">
            {entry.fundingLabels.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </dd>
        <dt className="col-sm-3">Aree di policy</dt>
        <dd className="col-sm-9">
          <ul className="mb-0">
            {entry.areas.map((a) => (
              <li key={a.code}>
                {a.code}) {a.name}
              </li>
            ))}
          </ul>
        </dd>
        <dt className="col-sm-3">LEPS prioritario</dt>
        <dd className="col-sm-9">{entry.priority ? `scheda n. ${entry.priority.number}` : 'no'}</dd>
        {entry.note && (
          <>
            <dt className="col-sm-3">Nota</dt>
            <dd className="col-sm-9">{entry.note}</dd>
          </>
        )}
        <dt className="col-sm-3">Fonte</dt>
        <dd className="col-sm-9 small">{entry.source}</dd>
      </dl>

      {canEdit && (
        <section aria-labelledby="modifica" className="my-5 col-lg-8">
          <h2 id="modifica" className="h4">
            Modifica la voce del catalogo
          </h2>
          <FormAlert result={actionData && 'fieldErrors' in actionData ? actionData : undefined} reloadHref={`/leps/catalogo/${entry.code}`} />
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="version" value={entry.version} />
            {FIELDS.map(([k, label]) => (
              <Field key={k} name={k} label={k === 'note' ? `${label} (facoltativa)` : label} error={errors[k]}>
                {(p) => <textarea {...p} rows={k === 'note' ? 4 : 2} defaultValue={(entry[k] as string | null) ?? ''} required={k !== 'note'} />}
              </Field>
            ))}
            <button type="submit" className="btn btn-primary">
              Salva
            </button>
          </Form>
        </section>
      )}

      <section aria-labelledby="storia" className="my-5">
        <h2 id="storia" className="h4">
          Storia delle modifiche
        </h2>
        {history.length === 0 ? (
          <p>Nessuna modifica dopo il caricamento del catalogo.</p>
        ) : (
          <ul>
            {history.map((h) => (
              <li key={h.at}>
                <time dateTime={h.at}>{new Date(h.at).toLocaleString('it-IT', { timeZone: 'Europe/Rome' })}</time>, {h.actor}:{' '}
                {h.changes.map((c) => `${c.label}: «${c.before}» → «${c.after}»`).join('; ') || 'nessun campo cambiato'}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
