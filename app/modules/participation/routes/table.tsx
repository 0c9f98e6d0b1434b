import { data, Link, redirect } from 'react-router';
import type { Route } from './+types/table';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DataTable,
  DoneNotice,
  EmptyState,
  Facts,
  FieldGroup,
  IntentForm,
  KpiGrid,
  linkColumn,
  PageHeader,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
  type Column,
} from '../../../shared/ui/kit.ts';
import { TableAreasField, tableFieldRows } from '../components/table-form.tsx';
import { policyAreaText, tablesLabel } from '../components/tables-labels.ts';
import { leaveTable, updateTable } from '../participation.tables.commands.ts';
import { getTable, getTableChoices, type TableMeetingView } from '../participation.tables.queries.ts';
import { readParticipation } from './participation.server.ts';
import { areasOf } from './tables.tsx';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readParticipation(context, request, params.code);
  const overview = await getTable(db, ambito.id, params.tableId);
  if (!overview) throw data(tr('part.tables.notFound'), { status: 404 });
  const office = can['table.write'];
  const choices = office ? await getTableChoices(db, ambito.id) : null;
  // Who sits for an organisation (people's names) is shown only to the Ufficio di Piano.
  const members = overview.members.map((m) => ({ ...m, people: office ? m.people : [] }));
  return { ambito, can, ...overview, members, people: choices?.people ?? null };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  const here = `/ambiti/${ambito.code}/partecipazione/tavoli/${params.tableId}`;
  const overview = await getTable(db, ambito.id, params.tableId);
  if (!overview) throw data(tr('part.tables.notFound'), { status: 404 });
  return intentAction(request, {
    edit: async (form, raw) => {
      await updateTable({ db, actor, ambitoId: ambito.id, tableId: params.tableId, input: { ...form, policyAreas: areasOf(form, raw) } });
      return redirect(`${here}?esito=salvato`);
    },
    // The Ufficio di Piano records that an organisation left (e.g. by letter): one form per member that has not left.
    ...Object.fromEntries(
      overview.members
        .filter((m) => !m.leftOn)
        .map((m) => [
          `leave-${m.id}`,
          async (form: Record<string, FormDataEntryValue>) => {
            await leaveTable({ db, actor, ambitoId: ambito.id, memberId: m.id, input: form });
            return redirect(`${here}?esito=uscita#membri`);
          },
        ]),
    ),
  });
}

export default function TablePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, table, body, members, nextMeetings, pastMeetings, people } = loaderData;
  const base = `/ambiti/${ambito.code}`;
  const here = `${base}/partecipazione/tavoli/${table.id}`;
  const edit = useFormResult(actionData, 'edit');
  const current = members.filter((m) => m.current).length;
  const text = (v: string | null) =>
    v ? (
      <span translate="no" style={{ whiteSpace: 'pre-line' }}>
        {v}
      </span>
    ) : (
      t('part.tables.notStated')
    );
  const meetingColumns: Column<TableMeetingView>[] = [
    linkColumn('quando', t('part.tables.meeting.when'), (m) => ({ text: f.dateTime(m.startsAt), to: `${base}/riunioni/${m.id}` }), { data: false }),
    { key: 'titolo', header: t('part.tables.meeting.title'), value: (m) => m.title },
    { key: 'luogo', header: t('part.tables.meeting.place'), value: (m) => m.place ?? m.onlineUrl ?? '' },
    {
      key: 'stato',
      header: t('part.tables.meeting.status'),
      value: (m) => m.status,
      render: (m) => <StatusBadge>{tablesLabel(t, 'meetingStatus', m.status)}</StatusBadge>,
      data: false,
    },
    {
      key: 'risposte',
      header: t('part.tables.meeting.replies'),
      value: (m) => m.replies.replied,
      render: (m) => (
        <>
          <span data-testid={`risposte-${m.id}`}>
            {t('part.tables.meeting.repliedOf', { replied: f.number(m.replies.replied), members: f.number(m.replies.members) })}
          </span>
          <span className="d-block small">
            {t('part.tables.meeting.confirmedDeclined', { confirmed: f.number(m.replies.confirmed), declined: f.number(m.replies.declined) })}
          </span>
          {m.confirmed.length > 0 && (
            <span className="d-block small text-secondary">
              {t('part.tables.meeting.confirmedList')} <span translate="no">{m.confirmed.join(', ')}</span>
            </span>
          )}
          {m.declined.length > 0 && (
            <span className="d-block small text-secondary">
              {t('part.tables.meeting.declinedList')} <span translate="no">{m.declined.join(', ')}</span>
            </span>
          )}
        </>
      ),
      data: false,
    },
    {
      key: 'presenze',
      header: t('part.tables.meeting.attendance'),
      value: (m) => (m.attendance.recorded ? m.attendance.present : null),
      render: (m) =>
        m.attendance.recorded
          ? t('part.tables.meeting.presentOf', { present: f.number(m.attendance.present), recorded: f.number(m.attendance.recorded) })
          : t('part.tables.meeting.notRecorded'),
      data: false,
    },
  ];
  return (
    <>
      <PageHeader
        title={table.name}
        titleIsData
        context={ambito.name}
        lead={
          <>
            {tablesLabel(t, 'kind', table.kind)} · {f.years(table.periodStartYear, table.periodEndYear)}
          </>
        }
        breadcrumb={[
          { label: ambito.name, data: true, to: base },
          { label: t('part.home.title'), to: `${base}/partecipazione` },
          { label: t('part.tables.title'), to: `${base}/partecipazione/tavoli` },
        ]}
      />
      <DoneNotice messages={{ creato: 'part.tables.done.created', salvato: 'part.tables.done.saved', uscita: 'part.tables.done.left' }} />
      <KpiGrid
        items={[
          {
            label: t('part.tables.membersNow'),
            value: f.number(current),
            hint: t('part.tables.membersHint', { all: f.number(members.length) }),
            testId: 'membri-in-carica',
          },
          { label: t('part.tables.kpi.next'), value: f.number(nextMeetings.length) },
          { label: t('part.tables.kpi.past'), value: f.number(pastMeetings.length) },
        ]}
      />
      <Facts
        items={[
          { term: t('part.tables.f.theme'), value: text(table.theme) },
          {
            term: t('part.tables.f.policyAreas'),
            value: table.policyAreas.length ? <span translate="no">{table.policyAreas.map(policyAreaText).join('; ')}</span> : t('part.tables.notStated'),
          },
          { term: t('part.tables.f.referent'), value: text(table.referentPersonName ?? table.referentName) },
          {
            term: t('part.tables.f.body'),
            value: body ? (
              <Link to={`${base}/organi/${body.id}`} translate="no">
                {body.name}
              </Link>
            ) : (
              t('part.tables.notStated')
            ),
          },
          { term: t('part.tables.f.calendar'), value: text(table.calendar) },
          { term: t('part.tables.f.places'), value: text(table.places) },
        ]}
      />
      <Section id="obiettivi" title={t('part.tables.f.objectives')}>
        <p className="text-break">{text(table.objectives)}</p>
        <h3 className="h5">{t('part.tables.f.method')}</h3>
        <p className="text-break">{text(table.method)}</p>
      </Section>

      <Section id="membri" title={t('part.tables.members.title')} lead={t(can['table.write'] ? 'part.tables.members.leadOffice' : 'part.tables.members.lead')}>
        <DataTable
          id="membri-elenco"
          caption={t('part.tables.members.caption', { table: table.name })}
          csv="membri-tavolo"
          rows={members}
          rowKey={(m) => m.id}
          empty={<EmptyState title={t('part.tables.members.empty')}>{t('part.tables.members.emptyHint')}</EmptyState>}
          columns={[
            linkColumn<(typeof members)[number]>('organizzazione', t('part.tables.members.organisation'), (m) => ({
              text: m.organisationName,
              to: `${base}/organizzazioni/${m.organisationId}`,
            })),
            {
              key: 'periodo',
              header: t('part.tables.members.period'),
              value: (m) => `${m.validFrom}/${m.validTo}`,
              render: (m) => t('part.tables.members.fromTo', { from: f.date(m.validFrom), to: f.date(m.validTo) }),
              data: false,
            },
            {
              key: 'stato',
              header: t('part.tables.members.status'),
              value: (m) => m.leftOn ?? '',
              render: (m) =>
                m.leftOn ? (
                  <>
                    <StatusBadge tone="warning">{t('part.tables.members.leftOn', { date: f.date(m.leftOn) })}</StatusBadge>
                    {m.leftReason && (
                      <span className="d-block small" translate="no">
                        {m.leftReason}
                      </span>
                    )}
                  </>
                ) : (
                  <StatusBadge tone={m.current ? 'success' : 'secondary'}>
                    {t(m.current ? 'part.tables.members.inOffice' : 'part.tables.members.notInOffice')}
                  </StatusBadge>
                ),
              data: false,
            },
            ...(can['table.write']
              ? [{ key: 'persone', header: t('part.tables.members.people'), value: (m: (typeof members)[number]) => m.people.join(', ') || '—' }]
              : []),
          ]}
        />
        {can['table.write'] && members.filter((m) => !m.leftOn).map((m) => <OfficeLeaveForm key={m.id} member={m} actionData={actionData} here={here} />)}
      </Section>

      <Section id="incontri" title={t('part.tables.meetings.title')} lead={t('part.tables.meetings.lead')}>
        <DataTable
          id="prossimi"
          caption={t('part.tables.meetings.next')}
          rows={nextMeetings}
          rowKey={(m) => m.id}
          empty={
            <EmptyState title={t('part.tables.meetings.noneNext')}>
              {body && <Link to={`${base}/organi/${body.id}`}>{t('part.tables.meetings.createOnBody')}</Link>}
            </EmptyState>
          }
          columns={meetingColumns}
        />
        <DataTable
          id="passati"
          caption={t('part.tables.meetings.past')}
          csv="incontri-tavolo"
          rows={pastMeetings}
          rowKey={(m) => m.id}
          empty={<EmptyState title={t('part.tables.meetings.nonePast')} />}
          columns={meetingColumns}
        />
      </Section>

      {can['table.write'] && people && (
        <Section id="modifica" title={t('part.tables.edit.title')}>
          <details open={!!edit.failure}>
            <summary className="mb-3">{t('part.tables.edit.open')}</summary>
            <IntentForm intent="edit" actionData={actionData} submitLabel={t('part.tables.edit.submit')} reloadHref={here} className="col-lg-10" noValidate>
              <input type="hidden" name="version" value={table.version} />
              <FieldGroup
                intent="edit"
                errors={edit.errors}
                values={edit.values ?? (table as unknown as Record<string, unknown>)}
                fields={tableFieldRows(t, people)}
              />
              <TableAreasField intent="edit" selected={table.policyAreas} error={edit.errors.policyAreas} />
            </IntentForm>
          </details>
        </Section>
      )}
    </>
  );
}

type MemberOf = Route.ComponentProps['loaderData']['members'][number];

/** The Ufficio di Piano records that an organisation left the table: the day and the reason. */
function OfficeLeaveForm({ member: m, actionData, here }: { member: MemberOf; actionData: unknown; here: string }) {
  const { t } = useI18n();
  const intent = `leave-${m.id}`;
  const { errors, values, failure } = useFormResult(actionData, intent);
  return (
    <details className="mb-2" open={!!failure}>
      <summary>
        {t('part.tables.leave.open')} <span translate="no">{m.organisationName}</span>
      </summary>
      <IntentForm
        intent={intent}
        actionData={actionData}
        submitLabel={t('part.tables.leave.submit')}
        submitClassName="btn btn-outline-danger"
        reloadHref={here}
        className="mt-2 col-lg-8"
        noValidate
      >
        <input type="hidden" name="version" value={m.version} />
        <FieldGroup
          intent={intent}
          errors={errors}
          values={values}
          fields={[
            { name: 'leftOn', label: t('part.mine.f.leftOn'), type: 'date', hint: t('part.tables.leave.dateHint') },
            { name: 'reason', label: t('part.mine.f.leaveReason'), required: true, rows: 2 },
          ]}
        />
      </IntentForm>
    </details>
  );
}
