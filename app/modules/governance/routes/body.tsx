import { data, Link, redirect } from 'react-router';
import type { Route } from './+types/body';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DoneNotice, PageHeader, Section, StatusBadge, useI18n } from '../../../shared/ui/kit.ts';
import { bodiesTrail } from '../components/trail.ts';
import { RecordTable, useRecordColumns } from '../components/record-table.tsx';
import { BodyFields, RuleFields } from '../components/body-fields.tsx';
import { DecisionTable } from '../components/decision-table.tsx';
import { labelOf, ruleSentence } from '../components/labels.ts';
import { MeetingFields } from '../components/meeting-fields.tsx';
import { MemberFields } from '../components/member-fields.tsx';
import { DisclosedForm, PageForm } from '../components/sections.tsx';
import { addMember, createMeeting, updateBody, updateBodyRule } from '../governance.commands.ts';
import { getBodyOverview, listBodies, listComuniChoices, listOrganisations, listPeople } from '../governance.queries.ts';
import { readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const overview = await getBodyOverview(db, ambito, params.bodyId);
  if (!overview) throw data(tr('gov.notFound.body'), { status: 404 });
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
  const here = `/ambiti/${ambito.code}/organi/${params.bodyId}`;
  const base = (input: Record<string, unknown>) => ({ db, actor, ambitoId: ambito.id, bodyId: params.bodyId, input });
  return intentAction(request, {
    details: async (form) => {
      await updateBody(base(form));
      return redirect(`${here}?esito=dati`);
    },
    rule: async (form) => {
      await updateBodyRule(base(form));
      return redirect(`${here}?esito=regola#regola`);
    },
    'add-member': async (form) => {
      await addMember(base(form));
      return redirect(`${here}?esito=componente#componenti`);
    },
    'create-meeting': async (form) => {
      const meeting = await createMeeting(base(form));
      return redirect(`/ambiti/${ambito.code}/riunioni/${meeting.id}?esito=creata`);
    },
  });
}

export default function BodyPage({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, body, parent, children, members, meetings, decisions, choices, parents } = loaderData;
  const home = `/ambiti/${ambito.code}`;
  const here = `${home}/organi/${body.id}`;
  const writer = can['body.write'];
  const member = useRecordColumns(members);
  const meeting = useRecordColumns(meetings);
  return (
    <>
      <PageHeader
        title={body.name}
        titleIsData
        context={ambito.name}
        breadcrumb={bodiesTrail(t, ambito)}
        lead={
          <>
            {labelOf(t, 'bodyType', body.type)} · {t('gov.body.kind')}: {labelOf(t, 'bodyKind', body.kind)}
          </>
        }
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
      {parent && (
        <p>
          {t('gov.body.partOfLabel')}{' '}
          <Link to={`${home}/organi/${parent.id}`} translate="no">
            {parent.name}
          </Link>
        </p>
      )}
      {children.length > 0 && (
        <div className="mb-3">
          <h2 className="h5">{t('gov.body.children')}</h2>
          <ul translate="no">
            {children.map((c) => (
              <li key={c.id}>
                <Link to={`${home}/organi/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {body.description && (
        <p className="col-lg-10 text-break" style={{ whiteSpace: 'pre-line' }} translate="no">
          {body.description}
        </p>
      )}

      <Section id="regola" title={t('gov.rule.title')}>
        <p data-testid="body-rule">{body.votingRule ? ruleSentence(t, f.numberUpTo, body.votingRule) : t('gov.rule.noneLong')}</p>
        {writer && (
          <DisclosedForm
            intent="rule"
            summary={t('gov.rule.edit')}
            submitLabel={t('gov.rule.save')}
            hidden={{ version: body.version }}
            reloadHref={here}
            width="col-lg-8"
            formKey={`rule-${body.version}`}
          >
            <RuleFields intent="rule" rule={body.votingRule} />
          </DisclosedForm>
        )}
      </Section>

      <Section id="componenti" title={t('gov.members.title')}>
        <RecordTable
          id="componenti-elenco"
          caption={t('gov.members.caption', { body: body.name })}
          rows={members}
          empty={t('gov.members.empty')}
          columns={[
            member.name('persona', t('gov.member.person'), (m) => m.personName, {
              render: (m) => (
                <>
                  {m.personName}
                  {m.personRole && <span className="d-block small text-secondary">{m.personRole}</span>}
                </>
              ),
            }),
            member.code('carica', t('gov.member.position'), 'position', (m) => m.position),
            member.text('organizzazione', t('gov.member.organisation'), (m) => m.organisationName),
            member.text('comune', t('gov.member.comune'), (m) => m.comuneName),
            member.text('delega', t('gov.member.delegateOf'), (m) => m.delegateOfName),
            {
              key: 'periodo',
              header: t('gov.member.period'),
              data: false,
              value: (m) => m.validFrom ?? '',
              render: (m) => (
                <>
                  {m.validFrom || m.validTo
                    ? `${m.validFrom ? f.date(m.validFrom) : '…'} – ${m.validTo ? f.date(m.validTo) : '…'}`
                    : t('gov.member.periodUnknown')}
                  {!m.inOffice && (
                    <span className="ms-2">
                      <StatusBadge>{t('gov.member.notInOffice')}</StatusBadge>
                    </span>
                  )}
                </>
              ),
            },
            ...(writer
              ? [
                  {
                    key: 'azioni',
                    header: <span className="visually-hidden">{t('gov.actions')}</span>,
                    data: false,
                    render: (m: (typeof members)[number]) => (
                      <Link to={`${here}/componenti/${m.id}`}>
                        {t('gov.edit')}
                        <span className="visually-hidden" translate="no">
                          {' '}
                          {m.personName}
                        </span>
                      </Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {writer && (
          <DisclosedForm
            intent="add-member"
            summary={t('gov.members.add')}
            submitLabel={t('gov.members.addSubmit')}
            after={
              <p className="small mt-2">
                {t('gov.members.personMissing')} <Link to={`${home}/organizzazioni#nuova-persona`}>{t('gov.people.new')}</Link>
              </p>
            }
          >
            <MemberFields intent="add-member" choices={choices} />
          </DisclosedForm>
        )}
      </Section>

      <Section id="riunioni" title={t('gov.meetings.title')}>
        <RecordTable
          id="riunioni-elenco"
          caption={t('gov.meetings.caption', { body: body.name })}
          rows={meetings}
          empty={t('gov.meetings.noneForBody')}
          columns={[
            {
              key: 'data',
              header: t('gov.meeting.date'),
              data: false,
              value: (m) => String(m.startsAt),
              render: (m) => `${f.date(m.startsAt)} ${m.local.time}–${m.localEnd.time}`,
            },
            meeting.name('titolo', t('gov.meeting.title'), (m) => m.title, { to: (m) => `${home}/riunioni/${m.id}` }),
            meeting.code('stato', t('gov.meeting.status'), 'meetingStatus', (m) => m.status),
          ]}
        />
        {can['meeting.create'] && (
          <DisclosedForm intent="create-meeting" summary={t('gov.meetings.new')} submitLabel={t('gov.meetings.create')}>
            <MeetingFields intent="create-meeting" />
          </DisclosedForm>
        )}
      </Section>

      <Section id="deliberazioni" title={t('gov.decisions.title')}>
        <DecisionTable id="deliberazioni-elenco" caption={t('gov.decisions.caption', { body: body.name })} decisions={decisions} ambitoCode={ambito.code} />
      </Section>

      {writer && (
        <Section id="dati" title={t('gov.body.edit')}>
          <div className="col-lg-8">
            <PageForm key={`details-${body.version}`} intent="details" submitLabel={t('gov.save')} hidden={{ version: body.version }} reloadHref={here}>
              <BodyFields intent="details" values={body} parents={parents} />
            </PageForm>
          </div>
        </Section>
      )}
      <p className="small text-secondary mt-4">
        {f.number(members.filter((m) => m.inOffice).length)} {t('gov.members.inOfficeToday')}
      </p>
    </>
  );
}
