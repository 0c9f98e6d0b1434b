import { Link, redirect } from 'react-router';
import type { Route } from './+types/mine';
import { intentAction } from '../../../shared/http/forms.server.ts';
import {
  DataTable,
  DoneNotice,
  EmptyState,
  Facts,
  FieldGroup,
  IntentForm,
  linkColumn,
  Notice,
  PageHeader,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import { tablesLabel } from '../components/tables-labels.ts';
import { leaveTable, replyToMeeting } from '../participation.tables.commands.ts';
import { getMyParticipation } from '../participation.tables.queries.ts';
import { REPLIES } from '../participation.tables.rules.ts';
import { readParticipation } from './participation.server.ts';

const replyIntent = (m: { meetingId: string; organisationId: string }) => `reply-${m.meetingId}_${m.organisationId}`;
const leaveIntent = (membershipId: string) => `leave-${membershipId}`;

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, organisations } = await readParticipation(context, request, params.code);
  const mine = await getMyParticipation(db, ambito.id, organisations);
  return { ambito, ...mine };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito, organisations } = await readParticipation(context, request, params.code);
  const mine = await getMyParticipation(db, ambito.id, organisations);
  const here = `/ambiti/${ambito.code}/partecipazione/mia`;
  const ctx = { db, actor, ambitoId: ambito.id };
  return intentAction(request, {
    ...Object.fromEntries(
      mine.meetings.map((m) => [
        replyIntent(m),
        async (form: Record<string, FormDataEntryValue>) => {
          await replyToMeeting({ ...ctx, meetingId: m.meetingId, organisationId: m.organisationId, input: form });
          return redirect(`${here}?esito=risposta#incontri`);
        },
      ]),
    ),
    ...Object.fromEntries(
      mine.memberships
        .filter((ms) => !ms.left)
        .map((ms) => [
          leaveIntent(ms.id),
          async (form: Record<string, FormDataEntryValue>) => {
            await leaveTable({ ...ctx, memberId: ms.id, input: { version: form.version, reason: form.reason } });
            return redirect(`${here}?esito=uscita#tavoli`);
          },
        ]),
    ),
  });
}

export default function MyParticipation({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, organisations, memberships, meetings, needs, proposals, responses } = loaderData;
  const base = `/ambiti/${ambito.code}`;
  const part = `${base}/partecipazione`;
  const header = (
    <PageHeader
      title={t('part.mine.title')}
      context={ambito.name}
      lead={organisations.length ? <span translate="no">{organisations.map((o) => o.name).join(', ')}</span> : t('part.mine.lead')}
      actions={
        <Link className="btn btn-outline-primary" to={`${part}/tavoli`}>
          {t('part.tables.title')}
        </Link>
      }
      breadcrumb={[
        { label: ambito.name, data: true, to: base },
        { label: t('part.home.title'), to: part },
      ]}
    />
  );
  if (organisations.length === 0)
    return (
      <>
        {header}
        <EmptyState title={t('part.mine.none')}>{t('part.mine.noneHint')}</EmptyState>
      </>
    );
  return (
    <>
      {header}
      <DoneNotice messages={{ risposta: 'part.mine.done.reply', uscita: 'part.mine.done.left' }} />

      <Section id="incontri" title={t('part.mine.meetings.title')} lead={t('part.mine.meetings.lead')}>
        {meetings.length === 0 ? (
          <EmptyState title={t('part.mine.meetings.none')} />
        ) : (
          meetings.map((m) => <ReplyCard key={m.key} meeting={m} actionData={actionData} base={base} part={part} />)
        )}
      </Section>

      <Section id="tavoli" title={t('part.mine.tables.title')}>
        <DataTable
          id="adesioni"
          caption={t('part.mine.tables.caption')}
          rows={memberships}
          rowKey={(r) => r.id}
          empty={<EmptyState title={t('part.mine.tables.none')}>{t('part.mine.tables.noneHint')}</EmptyState>}
          columns={[
            linkColumn<(typeof memberships)[number]>('tavolo', t('part.tables.f.name'), (r) => ({ text: r.tableName, to: `${part}/tavoli/${r.tableId}` })),
            { key: 'organizzazione', header: t('part.tables.members.organisation'), value: (r) => r.organisationName },
            {
              key: 'periodo',
              header: t('part.tables.members.period'),
              value: (r) => `${r.validFrom}/${r.validTo}`,
              render: (r) => t('part.tables.members.fromTo', { from: f.date(r.validFrom), to: f.date(r.validTo) }),
              data: false,
            },
            {
              key: 'stato',
              header: t('part.tables.members.status'),
              value: (r) => r.leftOn ?? '',
              render: (r) =>
                r.leftOn ? (
                  <StatusBadge tone="warning">{t('part.tables.members.leftOn', { date: f.date(r.leftOn) })}</StatusBadge>
                ) : (
                  <StatusBadge tone={r.current ? 'success' : 'secondary'}>
                    {t(r.current ? 'part.tables.members.inOffice' : 'part.tables.members.notInOffice')}
                  </StatusBadge>
                ),
              data: false,
            },
          ]}
        />
        {memberships
          .filter((r) => !r.left)
          .map((r) => (
            <LeaveForm key={r.id} membership={r} actionData={actionData} here={`${part}/mia`} />
          ))}
      </Section>

      <Section id="contributi" title={t('part.mine.contributions.title')} lead={t('part.mine.contributions.lead')}>
        <DataTable
          id="bisogni"
          caption={t('part.mine.needs.caption')}
          rows={needs}
          rowKey={(r) => r.id}
          empty={<EmptyState title={t('part.mine.needs.none')} />}
          columns={[
            linkColumn<(typeof needs)[number]>('bisogno', t('part.mine.needs.statement'), (r) => ({ text: r.statement, to: `${part}/bisogni/${r.id}` })),
            { key: 'tavolo', header: t('part.mine.needs.table'), value: (r) => r.tableName ?? '—' },
            {
              key: 'esito',
              header: t('part.mine.needs.state'),
              value: (r) => (r.mergedIntoId ? 'unito' : (r.priority ?? '')),
              render: (r) =>
                r.mergedIntoId
                  ? t('part.mine.needs.merged')
                  : r.priority
                    ? t('part.mine.needs.priority', { priority: tablesLabel(t, 'outcome', `priority_${r.priority}`) })
                    : t('part.mine.needs.notWeighed'),
              data: false,
            },
            { key: 'data', header: t('part.mine.date'), value: (r) => r.createdAt, render: (r) => f.date(r.createdAt), data: false },
          ]}
        />
        <DataTable
          id="proposte"
          caption={t('part.mine.proposals.caption')}
          rows={proposals}
          rowKey={(r) => r.id}
          empty={<EmptyState title={t('part.mine.proposals.none')} />}
          columns={[
            linkColumn<(typeof proposals)[number]>('proposta', t('part.mine.proposals.title'), (r) => ({ text: r.title, to: `${part}/proposte/${r.id}` })),
            {
              key: 'stato',
              header: t('part.mine.proposals.status'),
              value: (r) => r.status,
              render: (r) => tablesLabel(t, 'proposalStatus', r.status),
              data: false,
            },
            {
              key: 'esito',
              header: t('part.mine.proposals.outcome'),
              value: (r) => r.outcome ?? '',
              render: (r) =>
                r.outcome ? (
                  <StatusBadge tone={r.outcome === 'accolta' ? 'success' : r.outcome === 'non_accolta' ? 'danger' : 'info'}>
                    {tablesLabel(t, 'outcome', r.outcome)}
                  </StatusBadge>
                ) : r.status === 'presentata' ? (
                  t('part.mine.proposals.waiting')
                ) : (
                  '—'
                ),
              data: false,
            },
          ]}
        />
        <DataTable
          id="questionari"
          caption={t('part.mine.responses.caption')}
          rows={responses}
          rowKey={(r) => r.id}
          empty={<EmptyState title={t('part.mine.responses.none')} />}
          columns={[
            linkColumn<(typeof responses)[number]>('questionario', t('part.mine.responses.title'), (r) => ({
              text: r.title,
              to: `${part}/questionari/${r.questionnaireId}`,
            })),
            { key: 'data', header: t('part.mine.responses.submitted'), value: (r) => r.submittedAt, render: (r) => f.date(r.submittedAt), data: false },
          ]}
        />
      </Section>
    </>
  );
}

type MeetingOf = Route.ComponentProps['loaderData']['meetings'][number];

/** One next meeting: its facts, the organisation's reply so far, and the form to reply (until the meeting starts). */
function ReplyCard({ meeting: m, actionData, base, part }: { meeting: MeetingOf; actionData: unknown; base: string; part: string }) {
  const { t, f } = useI18n();
  const intent = replyIntent(m);
  const { errors, values } = useFormResult(actionData, intent);
  return (
    <article className="border rounded p-3 mb-3" aria-labelledby={`${intent}-title`}>
      <h3 className="h5" id={`${intent}-title`}>
        <Link to={`${base}/riunioni/${m.meetingId}`} translate="no">
          {m.title}
        </Link>
      </h3>
      <Facts
        items={[
          {
            term: t('part.mine.meetings.table'),
            value: (
              <Link to={`${part}/tavoli/${m.tableId}`} translate="no">
                {m.tableName}
              </Link>
            ),
          },
          { term: t('part.tables.meeting.when'), value: `${f.dateTime(m.startsAt)} – ${f.time(m.endsAt)}` },
          { term: t('part.tables.meeting.place'), value: <span translate="no">{m.place ?? m.onlineUrl ?? '—'}</span> },
          { term: t('part.mine.meetings.deadline'), value: t('part.mine.meetings.deadlineValue', { when: f.dateTime(m.deadline) }) },
          {
            term: t('part.mine.meetings.yourReply'),
            value: m.reply ? (
              <>
                <StatusBadge tone={m.reply.reply === 'partecipa' ? 'success' : 'secondary'}>{tablesLabel(t, 'reply', m.reply.reply)}</StatusBadge>
                {m.reply.attendeeName && (
                  <span className="ms-1" translate="no">
                    {m.reply.attendeeName}
                  </span>
                )}
              </>
            ) : (
              t('part.mine.meetings.noReply')
            ),
            testId: `risposta-${m.meetingId}`,
          },
          { term: t('part.tables.members.organisation'), value: <span translate="no">{m.organisationName}</span> },
        ]}
      />
      {m.open ? (
        <IntentForm
          intent={intent}
          actionData={actionData}
          submitLabel={m.reply ? t('part.mine.reply.change') : t('part.mine.reply.submit')}
          label={t('part.mine.reply.formLabel', { meeting: m.title })}
          reloadHref={`${part}/mia`}
          noValidate
        >
          {m.reply && <input type="hidden" name="version" value={m.reply.version} />}
          <FieldGroup
            intent={intent}
            errors={errors}
            values={values ?? { reply: m.reply?.reply ?? 'partecipa', attendeeName: m.reply?.attendeeName ?? '', note: m.reply?.note ?? '' }}
            fields={[
              [
                {
                  name: 'reply',
                  label: t('part.mine.f.reply'),
                  required: true,
                  choices: REPLIES.map((r) => ({ value: r, label: tablesLabel(t, 'reply', r) })),
                },
                { name: 'attendeeName', label: t('part.mine.f.attendee'), hint: t('part.mine.f.attendeeHint'), maxLength: 200, autoComplete: 'name' },
              ],
              { name: 'note', label: t('part.mine.f.note'), rows: 2 },
            ]}
          />
        </IntentForm>
      ) : (
        <Notice>{t('part.mine.meetings.closed')}</Notice>
      )}
    </article>
  );
}

type MembershipOf = Route.ComponentProps['loaderData']['memberships'][number];

/** Leaving a table: the reason, then the confirmation; the people who sat for the organisation leave its body too. */
function LeaveForm({ membership: r, actionData, here }: { membership: MembershipOf; actionData: unknown; here: string }) {
  const { t } = useI18n();
  const intent = leaveIntent(r.id);
  const { errors, values, failure } = useFormResult(actionData, intent);
  return (
    <details className="mb-3" open={!!failure}>
      <summary>
        {t('part.mine.leave.open')} <span translate="no">{r.tableName}</span>
      </summary>
      <IntentForm
        intent={intent}
        actionData={actionData}
        submitLabel={t('part.mine.leave.submit')}
        submitClassName="btn btn-outline-danger"
        reloadHref={here}
        className="mt-2 col-lg-8"
        noValidate
      >
        <input type="hidden" name="version" value={r.version} />
        <p className="small">{t('part.mine.leave.explain')}</p>
        <FieldGroup
          intent={intent}
          errors={errors}
          values={values}
          fields={[{ name: 'reason', label: t('part.mine.f.leaveReason'), required: true, rows: 2 }]}
        />
      </IntentForm>
    </details>
  );
}
