import { redirect } from 'react-router';
import type { Route } from './+types/organisations';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { DoneNotice, figureColumn, PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import { RecordTable, useRecordColumns } from '../components/record-table.tsx';
import { labelOf } from '../components/labels.ts';
import { OrganisationFields, PersonFields } from '../components/registry-fields.tsx';
import { DisclosedForm } from '../components/sections.tsx';
import { createOrganisation, createPerson } from '../governance.commands.ts';
import { listComuniChoices, listOrganisations, listPeople } from '../governance.queries.ts';
import { readGovernance } from './governance.server.ts';

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
  const here = `/ambiti/${ambito.code}/organizzazioni`;
  const base = (input: Record<string, unknown>) => ({ db, actor, ambitoId: ambito.id, input });
  return intentAction(
    request,
    {
      'create-organisation': async (form) => {
        await createOrganisation(base(form));
        return redirect(`${here}?esito=organizzazione`);
      },
      'create-person': async (form) => {
        await createPerson(base(form));
        return redirect(`${here}?esito=persona#persone`);
      },
    },
    // A refused form is rendered again with what was typed (also without JavaScript).
    { echo: true },
  );
}

export default function Organisations({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, comuni, organisations, people } = loaderData;
  const writer = can['organisation.write'];
  const home = `/ambiti/${ambito.code}`;
  const org = useRecordColumns(organisations);
  const person = useRecordColumns(people);
  return (
    <>
      <PageHeader title={t('gov.orgs.title')} context={ambito.name} lead={t('gov.orgs.lead')} breadcrumb={[{ label: ambito.name, data: true, to: home }]} />
      <DoneNotice messages={{ organizzazione: 'gov.done.organisation', persona: 'gov.done.person', modificata: 'gov.done.saved' }} />

      <Section id="organizzazioni" title={t('gov.orgs.list')}>
        <RecordTable
          id="organizzazioni-elenco"
          caption={t('gov.orgs.caption', { count: f.number(organisations.length) })}
          rows={organisations}
          csv="organizzazioni"
          empty={t('gov.orgs.empty')}
          columns={[
            org.name('nome', t('gov.org.name'), (o) => o.name, { to: (o) => `${home}/organizzazioni/${o.id}` }),
            org.code('tipo', t('gov.org.kind'), 'orgKind', (o) => o.kind, {
              render: (o) => (
                <>
                  {labelOf(t, 'orgKind', o.kind)}
                  {o.comuneName && (
                    <span className="d-block small text-secondary" translate="no">
                      {o.comuneName}
                    </span>
                  )}
                </>
              ),
            }),
            org.text('cf', t('gov.org.fiscalCode'), (o) => o.fiscalCode),
            org.text('runts', t('gov.org.runts'), (o) => o.runtsNumber),
            org.text('email', t('gov.org.email'), (o) => o.email, { className: 'text-break' }),
            figureColumn('persone', t('gov.org.people'), (o: (typeof organisations)[number]) => o.people, f.number),
          ]}
        />
        {writer && (
          <DisclosedForm intent="create-organisation" summary={t('gov.orgs.new')} submitLabel={t('gov.orgs.create')} className="mb-4">
            <OrganisationFields intent="create-organisation" comuni={comuni} />
          </DisclosedForm>
        )}
      </Section>

      <Section id="persone" title={t('gov.people.title')}>
        <RecordTable
          id="persone-elenco"
          caption={t('gov.people.caption', { count: f.number(people.length) })}
          rows={people}
          empty={t('gov.people.empty')}
          columns={[
            person.name('nome', t('gov.person.name'), (p) => p.fullName, { to: (p) => (writer ? `${home}/persone/${p.id}` : null) }),
            person.text('ruolo', t('gov.person.role'), (p) => p.roleTitle),
            person.text('organizzazione', t('gov.person.organisation'), (p) => p.organisationName),
            ...(writer ? [person.text('email', t('gov.person.email'), (p) => p.email, { className: 'text-break' })] : []),
          ]}
        />
        {writer && (
          <DisclosedForm intent="create-person" summary={t('gov.people.new')} submitLabel={t('gov.people.create')} className="mb-4" id="nuova-persona">
            <PersonFields intent="create-person" organisations={organisations.map((o) => ({ id: o.id, name: o.name }))} />
          </DisclosedForm>
        )}
      </Section>
    </>
  );
}
