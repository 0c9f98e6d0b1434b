import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/organisations';
import { CsrfField } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { Breadcrumb, DoneNotice, formState, GovFormAlert } from '../components/form-kit.tsx';
import { OrganisationFields, PersonFields } from '../components/registry-fields.tsx';
import { createOrganisation, createPerson } from '../governance.commands.ts';
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../governance.constants.ts';
import { listComuniChoices, listOrganisations, listPeople } from '../governance.queries.ts';
import { intentAction, readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const [organisations, people, comuni] = await Promise.all([listOrganisations(db, ambito.id), listPeople(db, ambito.id), listComuniChoices(db, ambito.id)]);
  const writer = can['organisation.write'];
  const comuneNames = new Map(comuni.map((c) => [c.id, c.name]));
  return {
    ambito,
    can,
    comuni,
    organisations: organisations.map((o) => ({ ...o, comuneName: o.comuneId ? (comuneNames.get(o.comuneId) ?? null) : null })),
    // People's e-mail addresses are personal data: only the Ufficio di Piano, who convenes them, sees them.
    people: people.map((p) => ({ ...p, email: writer ? p.email : null })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? '');
  const base = { db, actor, ambitoId: ambito.id, input: form };
  const here = `/ambiti/${ambito.code}/organizzazioni`;
  switch (intent) {
    case 'create-organisation':
      return intentAction(request, intent, async () => {
        await createOrganisation(base);
        return redirect(`${here}?esito=organizzazione`);
      });
    case 'create-person':
      return intentAction(request, intent, async () => {
        await createPerson(base);
        return redirect(`${here}?esito=persona#persone`);
      });
    default:
      throw data('Operazione sconosciuta', { status: 400 });
  }
}

export default function Organisations({ loaderData, actionData }: Route.ComponentProps) {
  const { t, n } = useI18n();
  const { ambito, can, comuni, organisations, people } = loaderData;
  const org = formState(actionData, 'create-organisation');
  const person = formState(actionData, 'create-person');
  const writer = can['organisation.write'];
  return (
    <>
      <title>{`${t('gov.orgs.title')} – ${ambito.name}`}</title>
      <Breadcrumb items={[{ label: ambito.name, to: `/ambiti/${ambito.code}` }, { label: t('gov.orgs.title') }]} />
      <DoneNotice messages={{ organizzazione: 'gov.done.organisation', persona: 'gov.done.person', modificata: 'gov.done.saved' }} />
      <h1>{t('gov.orgs.title')}</h1>
      <p className="lead">{t('gov.orgs.lead')}</p>

      <h2 className="h3 mt-4">{t('gov.orgs.list')}</h2>
      {organisations.length === 0 ? (
        <p>{t('gov.orgs.empty')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-striped align-middle">
            <caption>{t('gov.orgs.caption', { count: n(organisations.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gov.org.name')}</th>
                <th scope="col">{t('gov.org.kind')}</th>
                <th scope="col">{t('gov.org.fiscalCode')}</th>
                <th scope="col">{t('gov.org.runts')}</th>
                <th scope="col">{t('gov.org.email')}</th>
                <th scope="col" className="num">
                  {t('gov.org.people')}
                </th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link to={`/ambiti/${ambito.code}/organizzazioni/${o.id}`}>{o.name}</Link>
                  </th>
                  <td>
                    {ORGANISATION_KIND_LABELS[o.kind as OrganisationKind] ?? o.kind}
                    {o.comuneName && <span className="d-block small text-secondary">{o.comuneName}</span>}
                  </td>
                  <td>{o.fiscalCode ?? '—'}</td>
                  <td>{o.runtsNumber ?? '—'}</td>
                  <td>{o.email ?? '—'}</td>
                  <td className="num">{n(o.people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {writer && (
        <details className="mb-4" open={!!org.failure}>
          <summary className="btn btn-outline-primary btn-sm">{t('gov.orgs.new')}</summary>
          <div className="col-lg-10 mt-3">
            <GovFormAlert failure={org.failure} intent="create-organisation" />
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="create-organisation" />
              <OrganisationFields intent="create-organisation" errors={org.errors} comuni={comuni} />
              <button type="submit" className="btn btn-primary">
                {t('gov.orgs.create')}
              </button>
            </Form>
          </div>
        </details>
      )}

      <h2 className="h3 mt-5" id="persone">
        {t('gov.people.title')}
      </h2>
      {people.length === 0 ? (
        <p>{t('gov.people.empty')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-striped align-middle">
            <caption>{t('gov.people.caption', { count: n(people.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gov.person.name')}</th>
                <th scope="col">{t('gov.person.role')}</th>
                <th scope="col">{t('gov.person.organisation')}</th>
                {writer && <th scope="col">{t('gov.person.email')}</th>}
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{writer ? <Link to={`/ambiti/${ambito.code}/persone/${p.id}`}>{p.fullName}</Link> : p.fullName}</th>
                  <td>{p.roleTitle ?? '—'}</td>
                  <td>{p.organisationName ?? '—'}</td>
                  {writer && <td>{p.email ?? '—'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {writer && (
        <details className="mb-4" open={!!person.failure} id="nuova-persona">
          <summary className="btn btn-outline-primary btn-sm">{t('gov.people.new')}</summary>
          <div className="col-lg-10 mt-3">
            <GovFormAlert failure={person.failure} intent="create-person" />
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="create-person" />
              <PersonFields intent="create-person" errors={person.errors} organisations={organisations.map((o) => ({ id: o.id, name: o.name }))} />
              <button type="submit" className="btn btn-primary">
                {t('gov.people.create')}
              </button>
            </Form>
          </div>
        </details>
      )}
    </>
  );
}
