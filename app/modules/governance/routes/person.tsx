import { data, redirect } from 'react-router';
import type { Route } from './+types/person';
import { runIntent } from '../../../shared/http/forms.server.ts';
import { guard } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { registryTrail } from '../components/trail.ts';
import { PersonFields } from '../components/registry-fields.tsx';
import { EditForm } from '../components/sections.tsx';
import { updatePerson } from '../governance.commands.ts';
import { authorize } from '../governance.policy.ts';
import { getPerson, listOrganisations } from '../governance.queries.ts';
import { readGovernance } from './governance.server.ts';

// A person's page shows their e-mail address: it is for the Ufficio di Piano, who keeps the registry.
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  await guard(request, async () => authorize(actor, 'organisation.write', ambito));
  const person = await getPerson(db, ambito.id, params.personId);
  if (!person) throw data(tr('gov.notFound.person'), { status: 404 });
  const organisations = await listOrganisations(db, ambito.id);
  return { ambito, person, organisations: organisations.map((o) => ({ id: o.id, name: o.name })) };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const form = Object.fromEntries(await request.formData());
  return runIntent(request, 'person', async () => {
    await updatePerson({ db, actor, ambitoId: ambito.id, personId: params.personId, input: form });
    return redirect(`/ambiti/${ambito.code}/organizzazioni?esito=modificata#persone`);
  });
}

export default function PersonPage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { ambito, person, organisations } = loaderData;
  const home = `/ambiti/${ambito.code}`;
  const list = `${home}/organizzazioni`;
  return (
    <>
      <PageHeader title={person.fullName} titleIsData context={ambito.name} lead={t('gov.person.editLead')} breadcrumb={registryTrail(t, ambito)} />
      <EditForm intent="person" version={person.version} reloadHref={`${home}/persone/${person.id}`} cancelHref={`${list}#persone`}>
        <PersonFields intent="person" organisations={organisations} values={person} />
      </EditForm>
    </>
  );
}
