import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/organisation';
import { CsrfField } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { Breadcrumb, formState, GovFormAlert } from '../components/form-kit.tsx';
import { OrganisationFields } from '../components/registry-fields.tsx';
import { updateOrganisation } from '../governance.commands.ts';
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../governance.constants.ts';
import { getOrganisation, listComuniChoices, listPeople } from '../governance.queries.ts';
import { intentAction, readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const organisation = await getOrganisation(db, ambito.id, params.organisationId);
  if (!organisation) throw data('Organizzazione non trovata', { status: 404 });
  const [comuni, people] = await Promise.all([listComuniChoices(db, ambito.id), listPeople(db, ambito.id)]);
  return {
    ambito,
    can,
    organisation,
    comuni,
    comuneName: comuni.find((c) => c.id === organisation.comuneId)?.name ?? null,
    people: people.filter((p) => p.organisationId === organisation.id).map((p) => ({ id: p.id, fullName: p.fullName, roleTitle: p.roleTitle })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const form = Object.fromEntries(await request.formData());
  return intentAction(request, 'organisation', async () => {
    await updateOrganisation({ db, actor, ambitoId: ambito.id, organisationId: params.organisationId, input: form });
    return redirect(`/ambiti/${ambito.code}/organizzazioni?esito=modificata`);
  });
}

export default function OrganisationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { ambito, can, organisation, comuni, comuneName, people } = loaderData;
  const state = formState(actionData, 'organisation');
  const list = `/ambiti/${ambito.code}/organizzazioni`;
  return (
    <>
      <title>{`${organisation.name} – ${ambito.name}`}</title>
      <Breadcrumb items={[{ label: ambito.name, to: `/ambiti/${ambito.code}` }, { label: t('gov.orgs.title'), to: list }, { label: organisation.name }]} />
      <h1>{organisation.name}</h1>
      <p className="lead">
        {ORGANISATION_KIND_LABELS[organisation.kind as OrganisationKind] ?? organisation.kind}
        {comuneName ? ` · ${comuneName}` : ''}
      </p>
      <dl className="row">
        <dt className="col-sm-3">{t('gov.org.fiscalCode')}</dt>
        <dd className="col-sm-9">{organisation.fiscalCode ?? '—'}</dd>
        <dt className="col-sm-3">{t('gov.org.runts')}</dt>
        <dd className="col-sm-9">{organisation.runtsNumber ?? '—'}</dd>
        <dt className="col-sm-3">{t('gov.org.email')}</dt>
        <dd className="col-sm-9">{organisation.email ?? '—'}</dd>
        <dt className="col-sm-3">{t('gov.org.address')}</dt>
        <dd className="col-sm-9">{organisation.address ?? '—'}</dd>
      </dl>
      <h2 className="h4">{t('gov.people.title')}</h2>
      {people.length === 0 ? (
        <p>{t('gov.org.noPeople')}</p>
      ) : (
        <ul>
          {people.map((p) => (
            <li key={p.id}>
              {can['organisation.write'] ? <Link to={`/ambiti/${ambito.code}/persone/${p.id}`}>{p.fullName}</Link> : p.fullName}
              {p.roleTitle ? ` — ${p.roleTitle}` : ''}
            </li>
          ))}
        </ul>
      )}
      {can['organisation.write'] && (
        <section className="mt-4 col-lg-10" aria-labelledby="modifica">
          <h2 className="h3" id="modifica">
            {t('gov.org.edit')}
          </h2>
          <GovFormAlert failure={state.failure} intent="organisation" reloadHref={`${list}/${organisation.id}`} />
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="version" value={organisation.version} />
            <OrganisationFields intent="organisation" errors={state.errors} comuni={comuni} values={organisation} />
            <div className="d-flex gap-2">
              <button type="submit" className="btn btn-primary">
                {t('gov.save')}
              </button>
              <Link to={list} className="btn btn-outline-secondary">
                {t('gov.cancel')}
              </Link>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
