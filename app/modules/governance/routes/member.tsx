import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/member';
import { guard } from '../../../shared/http/request.server.ts';
import { CsrfField } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { Breadcrumb, formState, GovFormAlert } from '../components/form-kit.tsx';
import { MemberFields } from '../components/member-fields.tsx';
import { updateMember } from '../governance.commands.ts';
import { authorize } from '../governance.policy.ts';
import { getBodyRow, getMemberRow, listComuniChoices, listMembers, listOrganisations, listPeople } from '../governance.queries.ts';
import { intentAction, readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  await guard(request, async () => authorize(actor, 'body.write', ambito));
  const body = await getBodyRow(db, ambito.id, params.bodyId);
  const member = body ? await getMemberRow(db, body.id, params.memberId) : null;
  if (!body || !member) throw data('Componente non trovato', { status: 404 });
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
  return intentAction(request, 'member', async () => {
    await updateMember({ db, actor, ambitoId: ambito.id, bodyId: params.bodyId, memberId: params.memberId, input: form });
    return redirect(`/ambiti/${ambito.code}/organi/${params.bodyId}?esito=componenteModificato#componenti`);
  });
}

export default function MemberPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { ambito, body, member, personName, choices } = loaderData;
  const state = formState(actionData, 'member');
  const bodyHref = `/ambiti/${ambito.code}/organi/${body.id}`;
  return (
    <>
      <title>{`${t('gov.member.editTitle')}: ${personName} – ${body.name}`}</title>
      <Breadcrumb
        items={[
          { label: ambito.name, to: `/ambiti/${ambito.code}` },
          { label: t('gov.bodies.title'), to: `/ambiti/${ambito.code}/organi` },
          { label: body.name, to: bodyHref },
          { label: personName },
        ]}
      />
      <h1>{t('gov.member.editTitle')}</h1>
      <p className="lead">
        {personName} — {body.name}
      </p>
      <GovFormAlert failure={state.failure} intent="member" reloadHref={`${bodyHref}/componenti/${member.id}`} />
      <Form method="post" noValidate className="col-lg-10">
        <CsrfField />
        <input type="hidden" name="version" value={member.version} />
        <MemberFields intent="member" errors={state.errors} choices={choices} values={member} selfId={member.id} />
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary">
            {t('gov.save')}
          </button>
          <Link to={`${bodyHref}#componenti`} className="btn btn-outline-secondary">
            {t('gov.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}
