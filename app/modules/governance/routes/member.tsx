import { data, redirect } from 'react-router';
import type { Route } from './+types/member';
import { runIntent } from '../../../shared/http/forms.server.ts';
import { guard } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { bodiesTrail } from '../components/trail.ts';
import { MemberFields } from '../components/member-fields.tsx';
import { EditForm } from '../components/sections.tsx';
import { updateMember } from '../governance.commands.ts';
import { authorize } from '../governance.policy.ts';
import { getBodyRow, getMemberRow, listComuniChoices, listMembers, listOrganisations, listPeople } from '../governance.queries.ts';
import { readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  await guard(request, async () => authorize(actor, 'body.write', ambito));
  const body = await getBodyRow(db, ambito.id, params.bodyId);
  const member = body ? await getMemberRow(db, body.id, params.memberId) : null;
  if (!body || !member) throw data(tr('gov.notFound.member'), { status: 404 });
  const [people, organisations, comuni, members] = await Promise.all([
    listPeople(db, ambito.id),
    listOrganisations(db, ambito.id),
    listComuniChoices(db, ambito.id),
    listMembers(db, body.id),
  ]);
  return {
    ambito,
    body: { id: body.id, name: body.name },
    member,
    personName: people.find((p) => p.id === member.personId)?.fullName ?? '',
    choices: {
      people: people.map((p) => ({ id: p.id, fullName: p.fullName, organisationName: p.organisationName })),
      organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
      comuni,
      members: members.map((m) => ({ id: m.id, personName: m.personName })),
    },
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const form = Object.fromEntries(await request.formData());
  return runIntent(request, 'member', async () => {
    await updateMember({ db, actor, ambitoId: ambito.id, bodyId: params.bodyId, memberId: params.memberId, input: form });
    return redirect(`/ambiti/${ambito.code}/organi/${params.bodyId}?esito=componenteModificato#componenti`);
  });
}

export default function MemberPage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { ambito, body, member, personName, choices } = loaderData;
  const home = `/ambiti/${ambito.code}`;
  const bodyHref = `${home}/organi/${body.id}`;
  return (
    <>
      <PageHeader
        title={t('gov.member.editTitle')}
        context={`${personName} – ${body.name}`}
        breadcrumb={bodiesTrail(t, ambito, body)}
        lead={
          <>
            <span translate="no">{personName}</span> — <span translate="no">{body.name}</span>
          </>
        }
      />
      <EditForm intent="member" version={member.version} reloadHref={`${bodyHref}/componenti/${member.id}`} cancelHref={`${bodyHref}#componenti`}>
        <MemberFields intent="member" choices={choices} values={member} selfId={member.id} />
      </EditForm>
    </>
  );
}
