import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/person';
import { guard } from '../../../shared/http/request.server.ts';
import { CsrfField } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { Breadcrumb, formState, GovFormAlert } from '../components/form-kit.tsx';
import { PersonFields } from '../components/registry-fields.tsx';
import { updatePerson } from '../governance.commands.ts';
import { authorize } from '../governance.policy.ts';
import { getPerson, listOrganisations } from '../governance.queries.ts';
import { intentAction, readGovernance } from './governance.server.ts';

// A person's page shows their e-mail address: it is for the Ufficio di Piano, who keeps the registry.
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  await guard(request, async () => authorize(actor, 'organisation.write', ambito));
  const person = await getPerson(db, ambito.id, params.personId);
  if (!person) throw data('Persona non trovata', { status: 404 });
  const organisations = await listOrganisations(db, ambito.id);
  return { ambito, person, organisations: organisations.map((o) => ({ id: o.id, name: o.name })) };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const form = Object.fromEntries(await request.formData());
  return intentAction(request, 'person', async () => {
    await updatePerson({ db, actor, ambitoId: ambito.id, personId: params.personId, input: form });
    return redirect(`/ambiti/${ambito.code}/organizzazioni?esito=modificata#persone`);
  });
}

export default function PersonPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { ambito, person, organisations } = loaderData;
  const state = formState(actionData, 'person');
  const list = `/ambiti/${ambito.code}/organizzazioni`;
  return (
    <>
      <title>{`${person.fullName} – ${ambito.name}`}</title>
      <Breadcrumb items={[{ label: ambito.name, to: `/ambiti/${ambito.code}` }, { label: t('gov.orgs.title'), to: list }, { label: person.fullName }]} />
      <h1>{person.fullName}</h1>
      <p className="lead">{t('gov.person.editLead')}</p>
      <GovFormAlert failure={state.failure} intent="person" reloadHref={`/ambiti/${ambito.code}/persone/${person.id}`} />
      <Form method="post" noValidate className="col-lg-10">
        <CsrfField />
        <input type="hidden" name="version" value={person.version} />
        <PersonFields intent="person" errors={state.errors} organisations={organisations} values={person} />
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary">
            {t('gov.save')}
          </button>
          <Link to={`${list}#persone`} className="btn btn-outline-secondary">
            {t('gov.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}
