import { data, Link, redirect } from 'react-router';
import type { Route } from './+types/organisation';
import { runIntent } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { EmptyState, Facts, PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import { registryTrail } from '../components/trail.ts';
import { labelOf } from '../components/labels.ts';
import { OrganisationFields } from '../components/registry-fields.tsx';
import { EditForm } from '../components/sections.tsx';
import { updateOrganisation } from '../governance.commands.ts';
import { getOrganisation, listComuniChoices, listPeople } from '../governance.queries.ts';
import { readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const organisation = await getOrganisation(db, ambito.id, params.organisationId);
  if (!organisation) throw data(tr('gov.notFound.organisation'), { status: 404 });
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
  return runIntent(request, 'organisation', async () => {
    await updateOrganisation({ db, actor, ambitoId: ambito.id, organisationId: params.organisationId, input: form });
    return redirect(`/ambiti/${ambito.code}/organizzazioni?esito=modificata`);
  });
}

export default function OrganisationPage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { ambito, can, organisation, comuni, comuneName, people } = loaderData;
  const home = `/ambiti/${ambito.code}`;
  const list = `${home}/organizzazioni`;
  const orNone = (v: string | null) => (v ? <span translate="no">{v}</span> : '—');
  return (
    <>
      <PageHeader
        title={organisation.name}
        titleIsData
        context={ambito.name}
        breadcrumb={registryTrail(t, ambito)}
        lead={
          <>
            {labelOf(t, 'orgKind', organisation.kind)}
            {comuneName ? <span translate="no">{` · ${comuneName}`}</span> : ''}
          </>
        }
      />
      <Facts
        items={[
          { term: t('gov.org.fiscalCode'), value: orNone(organisation.fiscalCode) },
          { term: t('gov.org.runts'), value: orNone(organisation.runtsNumber) },
          { term: t('gov.org.email'), value: orNone(organisation.email) },
          { term: t('gov.org.address'), value: orNone(organisation.address) },
        ]}
      />
      <Section id="persone" title={t('gov.people.title')}>
        {people.length === 0 ? (
          <EmptyState title={t('gov.org.noPeople')} />
        ) : (
          <ul translate="no">
            {people.map((p) => (
              <li key={p.id}>
                {can['organisation.write'] ? <Link to={`${home}/persone/${p.id}`}>{p.fullName}</Link> : p.fullName}
                {p.roleTitle ? ` — ${p.roleTitle}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {can['organisation.write'] && (
        <Section id="modifica" title={t('gov.org.edit')}>
          <EditForm intent="organisation" version={organisation.version} reloadHref={`${list}/${organisation.id}`} cancelHref={list}>
            <OrganisationFields intent="organisation" comuni={comuni} values={organisation} />
          </EditForm>
        </Section>
      )}
    </>
  );
}
