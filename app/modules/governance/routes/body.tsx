import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/body';
import { CsrfField } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { BodyFields, RuleFields } from '../components/body-fields.tsx';
import { Breadcrumb, DoneNotice, formState, GovFormAlert, useDay } from '../components/form-kit.tsx';
import { MeetingFields } from '../components/meeting-fields.tsx';
import { MemberFields } from '../components/member-fields.tsx';
import { addMember, createMeeting, updateBody, updateBodyRule } from '../governance.commands.ts';
import {
  BODY_KIND_LABELS,
  BODY_TYPE_LABELS,
  MEETING_STATUS_LABELS,
  POSITION_LABELS,
  type BodyKind,
  type BodyType,
  type MeetingStatus,
  type Position,
} from '../governance.constants.ts';
import { getBodyOverview, listBodies, listComuniChoices, listOrganisations, listPeople } from '../governance.queries.ts';
import { intentAction, readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const overview = await getBodyOverview(db, ambito, params.bodyId);
  if (!overview) throw data('Organo non trovato', { status: 404 });
  const writer = can['body.write'];
  const [people, organisations, comuni, allBodies] = writer
    ? await Promise.all([listPeople(db, ambito.id), listOrganisations(db, ambito.id), listComuniChoices(db, ambito.id), listBodies(db, ambito.id)])
    : [[], [], [], []];
  return {
    ambito,
    can,
    ...overview,
    choices: {
      people: people.map((p) => ({ id: p.id, fullName: p.fullName, organisationName: p.organisationName })),
      organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
      comuni,
      members: overview.members.map((m) => ({ id: m.id, personName: m.personName })),
    },
    parents: allBodies.filter((b) => b.id !== overview.body.id).map((b) => ({ id: b.id, name: b.name })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? '');
  const here = `/ambiti/${ambito.code}/organi/${params.bodyId}`;
  const base = { db, actor, ambitoId: ambito.id, bodyId: params.bodyId, input: form };
  switch (intent) {
    case 'details':
      return intentAction(request, intent, async () => {
        await updateBody(base);
        return redirect(`${here}?esito=dati`);
      });
    case 'rule':
      return intentAction(request, intent, async () => {
        await updateBodyRule(base);
        return redirect(`${here}?esito=regola#regola`);
      });
    case 'add-member':
      return intentAction(request, intent, async () => {
        await addMember(base);
        return redirect(`${here}?esito=componente#componenti`);
      });
    case 'create-meeting':
      return intentAction(request, intent, async () => {
        const meeting = await createMeeting(base);
        return redirect(`/ambiti/${ambito.code}/riunioni/${meeting.id}?esito=creata`);
      });
    default:
      throw data('Operazione sconosciuta', { status: 400 });
  }
}

export default function BodyPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, n, d } = useI18n();
  const day = useDay();
  const { ambito, can, body, parent, children, members, meetings, decisions, choices, parents } = loaderData;
  const details = formState(actionData, 'details');
  const rule = formState(actionData, 'rule');
  const member = formState(actionData, 'add-member');
  const meeting = formState(actionData, 'create-meeting');
  const here = `/ambiti/${ambito.code}/organi/${body.id}`;
  return (
    <>
      <title>{`${body.name} – ${ambito.name}`}</title>
      <Breadcrumb
        items={[
          { label: ambito.name, to: `/ambiti/${ambito.code}` },
          { label: t('gov.bodies.title'), to: `/ambiti/${ambito.code}/organi` },
          { label: body.name },
        ]}
      />
      <DoneNotice
        messages={{
          creato: 'gov.done.bodyCreated',
          dati: 'gov.done.saved',
          regola: 'gov.done.rule',
          componente: 'gov.done.member',
          componenteModificato: 'gov.done.saved',
        }}
      />
      <h1>{body.name}</h1>
      <p className="lead">
        {BODY_TYPE_LABELS[body.type as BodyType] ?? body.type} · {t('gov.body.kind')}: {BODY_KIND_LABELS[body.kind as BodyKind] ?? body.kind}
      </p>
      {parent && (
        <p>
          {t('gov.body.partOfLabel')} <Link to={`/ambiti/${ambito.code}/organi/${parent.id}`}>{parent.name}</Link>
        </p>
      )}
      {children.length > 0 && (
        <div className="mb-3">
          <h2 className="h5">{t('gov.body.children')}</h2>
          <ul>
            {children.map((c) => (
              <li key={c.id}>
                <Link to={`/ambiti/${ambito.code}/organi/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {body.description && (
        <p className="col-lg-10" style={{ whiteSpace: 'pre-line' }}>
          {body.description}
        </p>
      )}

      <section className="mt-4" aria-labelledby="regola">
        <h2 className="h3" id="regola">
          {t('gov.rule.title')}
        </h2>
        <p data-testid="body-rule">{body.ruleText ?? t('gov.rule.noneLong')}</p>
        {can['body.write'] && (
          <details className="mb-3" open={!!rule.failure}>
            <summary className="btn btn-outline-primary btn-sm">{t('gov.rule.edit')}</summary>
            <div className="col-lg-8 mt-3">
              <GovFormAlert failure={rule.failure} intent="rule" reloadHref={here} />
              <Form method="post" noValidate key={`rule-${body.version}`}>
                <CsrfField />
                <input type="hidden" name="intent" value="rule" />
                <input type="hidden" name="version" value={body.version} />
                <RuleFields intent="rule" errors={rule.errors} rule={body.votingRule} />
                <button type="submit" className="btn btn-primary">
                  {t('gov.rule.save')}
                </button>
              </Form>
            </div>
          </details>
        )}
      </section>

      <section className="mt-5" aria-labelledby="componenti">
        <h2 className="h3" id="componenti">
          {t('gov.members.title')}
        </h2>
        {members.length === 0 ? (
          <p>{t('gov.members.empty')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-striped align-middle">
              <caption>{t('gov.members.caption', { body: body.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gov.member.person')}</th>
                  <th scope="col">{t('gov.member.position')}</th>
                  <th scope="col">{t('gov.member.organisation')}</th>
                  <th scope="col">{t('gov.member.comune')}</th>
                  <th scope="col">{t('gov.member.delegateOf')}</th>
                  <th scope="col">{t('gov.member.period')}</th>
                  {can['body.write'] && (
                    <th scope="col">
                      <span className="visually-hidden">{t('gov.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.personName}
                      {m.personRole && <span className="d-block small text-secondary">{m.personRole}</span>}
                    </th>
                    <td>{POSITION_LABELS[m.position as Position] ?? m.position}</td>
                    <td>{m.organisationName ?? '—'}</td>
                    <td>{m.comuneName ?? '—'}</td>
                    <td>{m.delegateOfName ?? '—'}</td>
                    <td>
                      {m.validFrom || m.validTo
                        ? `${m.validFrom ? day(m.validFrom) : '…'} – ${m.validTo ? day(m.validTo) : '…'}`
                        : t('gov.member.periodUnknown')}
                      {!m.inOffice && <span className="badge bg-secondary ms-2">{t('gov.member.notInOffice')}</span>}
                    </td>
                    {can['body.write'] && (
                      <td>
                        <Link to={`${here}/componenti/${m.id}`}>
                          {t('gov.edit')}
                          <span className="visually-hidden"> {m.personName}</span>
                        </Link>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {can['body.write'] && (
          <details className="mb-3" open={!!member.failure}>
            <summary className="btn btn-outline-primary btn-sm">{t('gov.members.add')}</summary>
            <div className="col-lg-10 mt-3">
              <GovFormAlert failure={member.failure} intent="add-member" />
              <Form method="post" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="add-member" />
                <MemberFields intent="add-member" errors={member.errors} choices={choices} />
                <button type="submit" className="btn btn-primary">
                  {t('gov.members.addSubmit')}
                </button>
              </Form>
              <p className="small mt-2">
                {t('gov.members.personMissing')} <Link to={`/ambiti/${ambito.code}/organizzazioni#nuova-persona`}>{t('gov.people.new')}</Link>
              </p>
            </div>
          </details>
        )}
      </section>

      <section className="mt-5" aria-labelledby="riunioni">
        <h2 className="h3" id="riunioni">
          {t('gov.meetings.title')}
        </h2>
        {meetings.length === 0 ? (
          <p>{t('gov.meetings.noneForBody')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-striped align-middle">
              <caption>{t('gov.meetings.caption', { body: body.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gov.meeting.date')}</th>
                  <th scope="col">{t('gov.meeting.title')}</th>
                  <th scope="col">{t('gov.meeting.status')}</th>
                </tr>
              </thead>
              <tbody>
                {meetings.map((m) => (
                  <tr key={m.id}>
                    <td>
                      {d(m.startsAt)} {m.local.time}–{m.localEnd.time}
                    </td>
                    <th scope="row">
                      <Link to={`/ambiti/${ambito.code}/riunioni/${m.id}`}>{m.title}</Link>
                    </th>
                    <td>{MEETING_STATUS_LABELS[m.status as MeetingStatus] ?? m.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {can['meeting.create'] && (
          <details className="mb-3" open={!!meeting.failure}>
            <summary className="btn btn-outline-primary btn-sm">{t('gov.meetings.new')}</summary>
            <div className="col-lg-10 mt-3">
              <GovFormAlert failure={meeting.failure} intent="create-meeting" />
              <Form method="post" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="create-meeting" />
                <MeetingFields intent="create-meeting" errors={meeting.errors} />
                <button type="submit" className="btn btn-primary">
                  {t('gov.meetings.create')}
                </button>
              </Form>
            </div>
          </details>
        )}
      </section>

      <section className="mt-5" aria-labelledby="deliberazioni">
        <h2 className="h3" id="deliberazioni">
          {t('gov.decisions.title')}
        </h2>
        {decisions.length === 0 ? (
          <p>{t('gov.decisions.none')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-striped align-middle">
              <caption>{t('gov.decisions.caption', { body: body.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gov.decision.number')}</th>
                  <th scope="col">{t('gov.decision.date')}</th>
                  <th scope="col">{t('gov.decision.subject')}</th>
                  <th scope="col">{t('gov.decision.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {decisions.map((x) => (
                  <tr key={x.id}>
                    <td>{x.number}</td>
                    <td>{day(x.date)}</td>
                    <th scope="row">
                      <Link to={`/ambiti/${ambito.code}/decisioni/${x.id}`}>{x.subject}</Link>
                    </th>
                    <td>{x.approved === null ? t('gov.decision.notComputable') : x.approved ? t('gov.decision.approved') : t('gov.decision.rejected')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {can['body.write'] && (
        <section className="mt-5 col-lg-8" aria-labelledby="dati">
          <h2 className="h3" id="dati">
            {t('gov.body.edit')}
          </h2>
          <GovFormAlert failure={details.failure} intent="details" reloadHref={here} />
          <Form method="post" noValidate key={`details-${body.version}`}>
            <CsrfField />
            <input type="hidden" name="intent" value="details" />
            <input type="hidden" name="version" value={body.version} />
            <BodyFields intent="details" errors={details.errors} values={body} parents={parents} />
            <button type="submit" className="btn btn-primary">
              {t('gov.save')}
            </button>
          </Form>
        </section>
      )}
      <p className="small text-secondary mt-4">
        {n(members.filter((m) => m.inOffice).length)} {t('gov.members.inOfficeToday')}
      </p>
    </>
  );
}
