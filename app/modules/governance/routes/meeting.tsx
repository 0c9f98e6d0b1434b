import { data, Link, redirect } from 'react-router';
import { siteBase } from '../../../shared/http/request.server.ts';
import type { Route } from './+types/meeting';
import { ValidationError } from '../../../shared/errors.ts';
import { intentAction, runIntent } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DoneNotice, Facts, IntentField, PageHeader, Section, StatusBadge, TextField, useFormResult, useI18n, RowButtonForm } from '../../../shared/ui/kit.ts';
import { bodiesTrail } from '../components/trail.ts';
import { DecisionTable, outcomeLabel } from '../components/decision-table.tsx';
import { RecordTable, useRecordColumns } from '../components/record-table.tsx';
import { labelOf, ruleSentence } from '../components/labels.ts';
import { MeetingFields } from '../components/meeting-fields.tsx';
import { DecisionFields } from '../components/decision-fields.tsx';
import { DisclosedForm, FileForm, PageForm } from '../components/sections.tsx';
import { addAttachment, convokeMeeting, createDecision, recordAttendance, removeAttachment, saveMinutes, updateMeeting } from '../governance.commands.ts';
import { ACCEPTED_ATTACHMENTS, ATTACHMENT_TYPES, ATTENDANCES, MAX_ATTACHMENT_BYTES, VOTES } from '../governance.constants.ts';
import { comuneWeights, getMeetingOverview, type ComuneWeight } from '../governance.queries.ts';
import { oldWeights, type Attendance } from '../voting.rules.ts';
import { readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const overview = await getMeetingOverview(db, ambito, params.meetingId);
  if (!overview) throw data(tr('gov.notFound.meeting'), { status: 404 });
  const weighted = overview.body.votingRule?.type === 'population_weighted' || overview.body.votingRule?.quorum?.type === 'weight';
  // The weights of the comuni on the meeting's day, as createDecision will freeze them, with their source and age.
  const weights = can['decision.write'] && weighted ? await comuneWeights(db, ambito.id, overview.meeting.local.date) : new Map<string, ComuneWeight>();
  const members = overview.members.map((m) => {
    const w = m.comuneId ? weights.get(m.comuneId) : undefined;
    return { ...m, weight: w?.weight ?? null, weightSource: w?.source ?? null, weightReferenceDate: w?.referenceDate ?? null };
  });
  return {
    ambito,
    can,
    ...overview,
    weighted,
    members,
    weightsAge: weighted
      ? oldWeights(
          members.map((m) => ({ referenceDate: m.weightReferenceDate, source: m.weightSource })),
          overview.meeting.local.date,
        )
      : null,
  };
}

/** Files above this are refused before their body is read (10 MB of file plus the form around it). */
const MAX_REQUEST_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const here = `/ambiti/${ambito.code}/riunioni/${params.meetingId}`;
  const base = { db, actor, ambitoId: ambito.id, meetingId: params.meetingId };
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES) {
    return runIntent(request, 'upload', async () => {
      throw new ValidationError([{ path: 'file', message: tr('gov.upload.tooLarge') }], tr('gov.upload.notUploaded'));
    });
  }
  // What was submitted comes back with a refusal: the attendance and the votes are kept when the server renders again.
  return intentAction(
    request,
    {
      edit: async (input) => {
        await updateMeeting({ ...base, input });
        return redirect(`${here}?esito=salvata`);
      },
      convoke: async (input) => {
        await convokeMeeting({ ...base, input, baseUrl: siteBase(context, request) });
        return redirect(`${here}?esito=convocata#convocazione`);
      },
      attendance: async (input) => {
        await recordAttendance({ ...base, input });
        return redirect(`${here}?esito=presenze#presenze`);
      },
      minutes: async (input) => {
        await saveMinutes({ ...base, input });
        return redirect(`${here}?esito=verbale#verbale`);
      },
      upload: async (_input, raw) => {
        const file = raw.get('file');
        if (!(file instanceof File) || file.size === 0)
          throw new ValidationError([{ path: 'file', message: tr('gov.upload.chooseFile') }], tr('gov.upload.notUploaded'));
        await addAttachment({ ...base, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
        return redirect(`${here}?esito=allegato#allegati`);
      },
      'remove-attachment': async (input) => {
        await removeAttachment({ ...base, attachmentId: String(input.attachmentId ?? '') });
        return redirect(`${here}?esito=allegatoRimosso#allegati`);
      },
      'create-decision': async (input) => {
        const { decision } = await createDecision({ ...base, input });
        return redirect(`/ambiti/${ambito.code}/decisioni/${decision.id}?esito=registrata`);
      },
    },
    { echo: true },
  );
}

export default function MeetingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const {
    ambito,
    can,
    meeting,
    body,
    agenda,
    members,
    attendanceRecorded,
    attendanceComplete,
    attendanceFingerprint,
    attachments,
    decisions,
    messagesSent,
    summary,
    weighted,
    weightsAge,
  } = loaderData;
  const presentCount = members.filter((m) => m.attendance === 'present' || m.attendance === 'delegated').length;
  const att = useFormResult(actionData, 'attendance');
  const minutes = useFormResult(actionData, 'minutes');
  const decision = useFormResult(actionData, 'create-decision');
  // After a refusal because the attendance changed, the votes given on the old attendance are not offered again.
  const voteValues = decision.errors.attendance ? undefined : decision.values;
  const home = `/ambiti/${ambito.code}`;
  const here = `${home}/riunioni/${meeting.id}`;
  const withEmail = members.filter((m) => m.email).length;
  const canWrite = can['meeting.write'];
  const member = useRecordColumns(members);
  const attendanceLabel = (a: Attendance | null) => (a ? labelOf(t, 'attendanceForm', a) : t('gov.attendance.notRecorded'));
  const represents = (m: (typeof members)[number]) => <span translate="no">{m.comuneName ?? m.organisationName ?? '—'}</span>;
  const attendanceOf = (m: (typeof members)[number]) => (
    <>
      {attendanceLabel(m.attendance)}
      {m.delegateName ? <span translate="no">{` (${m.delegateName})`}</span> : ''}
    </>
  );
  return (
    <>
      <PageHeader
        title={meeting.title}
        titleIsData
        context={body.name}
        breadcrumb={bodiesTrail(t, ambito, body)}
        lead={
          <>
            <Link to={`${home}/organi/${body.id}`} translate="no">
              {body.name}
            </Link>
            <span className="ms-2">
              <StatusBadge tone="primary">{labelOf(t, 'meetingStatus', meeting.status)}</StatusBadge>
            </span>
          </>
        }
      />
      <DoneNotice
        messages={{
          creata: 'gov.done.meetingCreated',
          salvata: 'gov.done.saved',
          convocata: 'gov.done.convoked',
          presenze: 'gov.done.attendance',
          verbale: 'gov.done.minutes',
          allegato: 'gov.done.attachment',
          allegatoRimosso: 'gov.done.attachmentRemoved',
        }}
      />
      <Facts
        items={[
          {
            term: t('gov.meeting.when'),
            testId: 'meeting-when',
            value: `${f.date(meeting.startsAt)}, ${meeting.local.time}–${meeting.localEnd.time} (${t('gov.meeting.italianTime')})`,
          },
          ...(meeting.place ? [{ term: t('gov.meeting.place'), value: <span translate="no">{meeting.place}</span> }] : []),
          ...(meeting.onlineUrl
            ? [
                {
                  term: t('gov.meeting.online'),
                  value: (
                    <a href={meeting.onlineUrl} rel="noopener noreferrer" className="text-break" translate="no">
                      {meeting.onlineUrl}
                    </a>
                  ),
                },
              ]
            : []),
          {
            term: t('gov.meeting.calendar'),
            value: (
              <a href={`${here}/invito.ics`} download>
                {t('gov.meeting.ics')}
              </a>
            ),
          },
        ]}
      />

      <Section id="odg" title={t('gov.meeting.agenda')}>
        {agenda.length === 0 ? (
          <p>{t('gov.meeting.agendaEmpty')}</p>
        ) : (
          <ol translate="no">
            {agenda.map((a) => (
              <li key={a.id}>{a.title}</li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="convocazione" title={t('gov.convocation.title')}>
        <p id="field-convoke.convocation">
          {meeting.convokedAt ? t('gov.convocation.sentAt', { when: f.dateTime(meeting.convokedAt) }) : t('gov.convocation.notSent')}{' '}
          {t('gov.convocation.recipients', { withEmail: f.number(withEmail), members: f.number(members.length) })}
        </p>
        {messagesSent > 0 && can['outbox.read'] && (
          <p>
            <Link to={`${home}/posta`}>{t('gov.convocation.outbox', { count: f.number(messagesSent) })}</Link>
          </p>
        )}
        {canWrite && (
          <>
            <PageForm
              intent="convoke"
              hidden={{ version: meeting.version }}
              reloadHref={here}
              submitLabel={meeting.convokedAt ? t('gov.convocation.resend') : t('gov.convocation.send')}
            />
            <p className="small mt-2">{t('gov.convocation.smtp')}</p>
          </>
        )}
      </Section>

      <Section id="presenze" title={t('gov.attendance.title')}>
        {members.length === 0 ? (
          <p>{t('gov.attendance.noMembers')}</p>
        ) : canWrite ? (
          // Keyed by the meeting's version: after a save (or anyone's change) the choices shown are the recorded ones.
          <PageForm
            key={`attendance-${meeting.version}`}
            intent="attendance"
            hidden={{ version: meeting.version }}
            reloadHref={here}
            submitLabel={t('gov.attendance.save')}
          >
            {/* A form laid out as a table (a choice per member and column), not a DataTable of data. */}
            <div className="table-responsive" role="region" aria-labelledby="attendance-caption" tabIndex={0}>
              <table className="table align-middle">
                <caption id="attendance-caption">{t('gov.attendance.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('gov.member.person')}</th>
                    <th scope="col">{t('gov.attendance.represents')}</th>
                    {ATTENDANCES.map((a) => (
                      <th scope="col" key={a} className="text-center">
                        {labelOf(t, 'attendanceForm', a)}
                      </th>
                    ))}
                    <th scope="col">{t('gov.attendance.delegate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => {
                    const statusError = att.errors[`status.${m.id}`];
                    const delegateError = att.errors[`delegate.${m.id}`];
                    return (
                      <tr key={m.id} data-testid={`attendance-${m.label}`}>
                        <th scope="row">
                          <span translate="no">{m.personName}</span>
                          {statusError && (
                            <div id={`attendance-status-error-${m.id}`} className="invalid-feedback d-block fw-normal">
                              {statusError}
                            </div>
                          )}
                        </th>
                        <td>{represents(m)}</td>
                        {ATTENDANCES.map((a, i) => (
                          <td key={a} className="text-center">
                            <label>
                              <input
                                type="radio"
                                id={i === 0 ? `field-attendance.status.${m.id}` : `field-attendance.status.${m.id}-${a}`}
                                name={`status.${m.id}`}
                                value={a}
                                defaultChecked={(att.values ? att.values[`status.${m.id}`] : (m.attendance ?? 'present')) === a}
                                aria-label={t('gov.form.choiceOf', { name: m.personName, choice: labelOf(t, 'attendanceForm', a) })}
                                aria-describedby={statusError ? `attendance-status-error-${m.id}` : undefined}
                              />
                              <span className="visually-hidden">{labelOf(t, 'attendanceForm', a)}</span>
                            </label>
                          </td>
                        ))}
                        <td>
                          <label htmlFor={`field-attendance.delegate.${m.id}`} className="visually-hidden">
                            {t('gov.attendance.delegateOf', { name: m.personName })}
                          </label>
                          <input
                            id={`field-attendance.delegate.${m.id}`}
                            name={`delegate.${m.id}`}
                            type="text"
                            className={`form-control form-control-sm${delegateError ? ' is-invalid' : ''}`}
                            defaultValue={att.values ? (att.values[`delegate.${m.id}`] ?? '') : (m.delegateName ?? '')}
                            maxLength={200}
                            aria-invalid={delegateError ? true : undefined}
                            aria-describedby={delegateError ? `attendance-delegate-error-${m.id}` : undefined}
                          />
                          {delegateError && (
                            <div id={`attendance-delegate-error-${m.id}`} className="invalid-feedback d-block">
                              {delegateError}
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p className="small">{t('gov.attendance.hint')}</p>
          </PageForm>
        ) : (
          <RecordTable
            id="presenze-elenco"
            caption={t('gov.attendance.caption')}
            rows={members}
            columns={[
              member.name('persona', t('gov.member.person'), (m) => m.personName),
              member.text('rappresenta', t('gov.attendance.represents'), (m) => m.comuneName ?? m.organisationName),
              { key: 'presenza', header: t('gov.attendance.title'), data: false, value: (m) => m.attendance ?? '', render: attendanceOf },
            ]}
          />
        )}
      </Section>

      <Section id="deliberazioni" title={t('gov.decisions.title')}>
        <DecisionTable
          id="deliberazioni-elenco"
          caption={t('gov.decisions.title')}
          emptyText={t('gov.decisions.noneInMeeting')}
          decisions={decisions}
          ambitoCode={ambito.code}
        />
        {can['decision.write'] && members.length > 0 && (
          <DisclosedForm
            intent="create-decision"
            summary={t('gov.decisions.new')}
            submitLabel={t('gov.decisions.create')}
            submitDisabled={!body.ruleText}
            width="col-12"
            reloadHref={here}
            // Keyed by the recorded attendance: when it changes (and the loader revalidates after saving it) the form
            // is rendered anew on it, so no choice from a previous attendance survives.
            formKey={`decision-${attendanceFingerprint}`}
            hidden={{ attendanceFingerprint }}
            before={
              <>
                {body.ruleText ? (
                  <p>
                    {t('gov.decisions.ruleApplied')} <strong>{body.votingRule ? ruleSentence(t, f.numberUpTo, body.votingRule) : ''}</strong>
                  </p>
                ) : (
                  <p className="text-danger-emphasis">{t('gov.decisions.noRule')}</p>
                )}
                {decision.errors.attendance && (
                  <div className="invalid-feedback d-block mb-3" id="field-create-decision.attendance" data-testid="decision-attendance-error">
                    {decision.errors.attendance} <a href={here}>{t('form.conflict.reload')}</a>
                  </div>
                )}
              </>
            }
            instead={
              !attendanceRecorded || !attendanceComplete ? (
                <p data-testid="decision-attendance-first">
                  {attendanceRecorded ? t('gov.decisions.attendanceIncomplete') : t('gov.decisions.attendanceFirst')}
                </p>
              ) : undefined
            }
          >
            <p data-testid="decision-attendance">{t('gov.votes.fromAttendance', { present: f.number(presentCount), members: f.number(members.length) })}</p>
            {weightsAge && (
              <div className="alert alert-warning" role="note" data-testid="decision-weights-age">
                {t('gov.votes.oldWeights', { source: weightsAge.source ?? String(weightsAge.year), meetingYear: String(weightsAge.meetingYear) })}
              </div>
            )}
            <div className="col-lg-10">
              <DecisionFields intent="create-decision" values={{ ...decision.values, date: decision.values?.date ?? meeting.local.date }} />
            </div>
            {(['votingRule', 'votes'] as const).map((name) =>
              decision.errors[name] ? (
                <div key={name} className="invalid-feedback d-block mb-3" id={`field-create-decision.${name}`}>
                  {decision.errors[name]}
                </div>
              ) : null,
            )}
            {/* A form laid out as a table: a vote per member. */}
            <div className="table-responsive" role="region" aria-labelledby="votes-caption" tabIndex={0}>
              <table className="table align-middle">
                <caption id="votes-caption">{t('gov.votes.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('gov.member.person')}</th>
                    <th scope="col">{t('gov.attendance.represents')}</th>
                    {weighted && (
                      <th scope="col" className="num">
                        {t('gov.votes.weight')}
                      </th>
                    )}
                    <th scope="col">{t('gov.votes.attendance')}</th>
                    <th scope="col">{t('gov.votes.vote')}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => {
                    const voteError = decision.errors[`vote.${m.id}`];
                    return (
                      <tr key={m.id} data-testid={`vote-${m.label}`}>
                        <th scope="row" translate="no">
                          {m.personName}
                        </th>
                        <td>{represents(m)}</td>
                        {weighted && (
                          <td className="num">
                            {m.weight === null ? '—' : f.number(m.weight)}
                            {m.weightSource && (
                              <span className="d-block small text-secondary text-start" translate="no">
                                {m.weightSource}
                              </span>
                            )}
                          </td>
                        )}
                        <td data-testid={`vote-attendance-${m.label}`}>{attendanceOf(m)}</td>
                        <td>
                          {m.attendance === 'absent' ? (
                            <span>{t('gov.votes.absentNoVote')}</span>
                          ) : (
                            // The group carries the error (a radio button cannot be «invalid» on its own).
                            <div
                              className="d-flex flex-wrap gap-3"
                              role="radiogroup"
                              aria-label={t('gov.votes.voteOf', { name: m.personName })}
                              aria-invalid={voteError ? true : undefined}
                              aria-describedby={voteError ? `vote-error-${m.id}` : undefined}
                            >
                              {[...VOTES, 'none' as const].map((v, i) => (
                                <label key={v} className="d-inline-flex align-items-center gap-1">
                                  <input
                                    type="radio"
                                    id={i === 0 ? `field-create-decision.vote.${m.id}` : `field-create-decision.vote.${m.id}-${v}`}
                                    name={`vote.${m.id}`}
                                    value={v}
                                    defaultChecked={(voteValues?.[`vote.${m.id}`] ?? 'none') === v}
                                    aria-label={t('gov.form.choiceOf', { name: m.personName, choice: labelOf(t, 'voteForm', v) })}
                                    aria-describedby={voteError ? `vote-error-${m.id}` : undefined}
                                  />
                                  {labelOf(t, 'voteForm', v)}
                                </label>
                              ))}
                            </div>
                          )}
                          {voteError && (
                            <div id={`vote-error-${m.id}`} className="invalid-feedback d-block">
                              {voteError}
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {weighted && <p className="small">{t('gov.votes.weightHint')}</p>}
          </DisclosedForm>
        )}
      </Section>

      <Section id="verbale" title={t('gov.minutes.title')}>
        {meeting.minutes ? (
          <div className="border rounded p-3 mb-3 text-break" style={{ whiteSpace: 'pre-line' }} translate="no">
            {meeting.minutes}
          </div>
        ) : (
          <p>{t('gov.minutes.none')}</p>
        )}
        <p>
          {meeting.minutesApprovedAt
            ? t('gov.minutes.approved', { date: f.date(meeting.minutesApprovedAt), by: meeting.minutesApprovedBy ?? '' })
            : t('gov.minutes.notApproved')}
        </p>
        {canWrite && (
          <DisclosedForm
            intent="minutes"
            summary={t('gov.minutes.edit')}
            submitLabel={t('gov.minutes.save')}
            hidden={{ version: meeting.version }}
            reloadHref={here}
            formKey={`minutes-${meeting.version}`}
          >
            <IntentField intent="minutes" name="minutes" label={t('gov.minutes.text')} error={minutes.errors.minutes}>
              {(p) => <textarea {...p} rows={10} defaultValue={meeting.minutes ?? ''} />}
            </IntentField>
            <div className="row">
              <div className="col-12 col-md-6">
                <TextField
                  intent="minutes"
                  type="date"
                  name="minutesApprovedAt"
                  label={t('gov.minutes.approvedAt')}
                  error={minutes.errors.minutesApprovedAt}
                  hint={t('gov.date.optional')}
                  defaultValue={meeting.minutesApprovedAt}
                />
              </div>
              <div className="col-12 col-md-6">
                <TextField
                  intent="minutes"
                  name="minutesApprovedBy"
                  label={t('gov.minutes.approvedBy')}
                  error={minutes.errors.minutesApprovedBy}
                  hint={t('gov.minutes.approvedBy.hint')}
                  maxLength={200}
                  defaultValue={meeting.minutesApprovedBy}
                />
              </div>
            </div>
          </DisclosedForm>
        )}
      </Section>

      <Section id="allegati" title={t('gov.attachments.title')}>
        {attachments.length === 0 ? (
          <p>{t('gov.attachments.none')}</p>
        ) : (
          <ul className="list-group mb-3">
            {attachments.map((a) => (
              <li key={a.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
                <span className="text-break">
                  <a href={`${here}/allegati/${a.id}`} translate="no">
                    {a.fileName}
                  </a>{' '}
                  <span className="small text-secondary">
                    ({f.fileSize(a.sizeBytes)}, {t('gov.attachments.uploaded', { by: a.uploadedBy, when: f.dateTime(a.uploadedAt) })})
                  </span>
                </span>
                {canWrite && (
                  <RowButtonForm
                    intent="remove-attachment"
                    hidden={{ attachmentId: a.id }}
                    label={t('gov.remove')}
                    what={<span translate="no">{a.fileName}</span>}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {canWrite && (
          <div className="col-lg-8">
            <FileForm
              intent="upload"
              name="file"
              label={t('gov.attachments.file')}
              hint={t('gov.attachments.hint', { types: ACCEPTED_ATTACHMENTS })}
              accept={Object.keys(ATTACHMENT_TYPES)
                .map((extension) => `.${extension}`)
                .join(',')}
              submitLabel={t('gov.attachments.upload')}
            />
          </div>
        )}
      </Section>

      <Section id="sintesi" title={t('gov.summary.title')}>
        {!attendanceRecorded ? (
          <p>{t('gov.summary.notYet')}</p>
        ) : (
          <div className="row g-4">
            <div className="col-12 col-md-4">
              <h3 className="h5">{t('gov.summary.attendees', { count: f.number(summary.attendees.length) })}</h3>
              <ul data-testid="summary-attendees">
                {summary.attendees.map((a) => (
                  <li key={a.id}>
                    <span translate="no">
                      {a.personName}
                      {a.label !== a.personName ? ` (${a.label})` : ''}
                    </span>
                    {a.attendance === 'delegated' ? <> — {t('gov.summary.delegatedTo', { name: a.delegateName ?? '' })}</> : ''}
                  </li>
                ))}
              </ul>
              {summary.absent.length > 0 && (
                <p className="small">
                  {t('gov.summary.absent')}: <span translate="no">{summary.absent.map((a) => a.personName).join(', ')}</span>
                </p>
              )}
            </div>
            <div className="col-12 col-md-4">
              <h3 className="h5">{t('gov.summary.organisations', { count: f.number(summary.organisations.length) })}</h3>
              <ul translate="no">
                {summary.organisations.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </div>
            <div className="col-12 col-md-4">
              <h3 className="h5">{t('gov.summary.decisions', { count: f.number(summary.decisions.length) })}</h3>
              {summary.decisions.length === 0 ? (
                <p>{t('gov.decisions.noneInMeeting')}</p>
              ) : (
                <ul>
                  {summary.decisions.map((x) => (
                    <li key={x.id}>
                      {t('gov.decision.heading', { number: x.number, date: f.date(x.date) })}: <span translate="no">{x.subject}</span> —{' '}
                      {outcomeLabel(t, x.approved)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
      </Section>

      {canWrite && (
        <Section id="modifica" title={t('gov.meeting.edit')}>
          <div className="col-lg-10">
            <PageForm key={`edit-${meeting.version}`} intent="edit" submitLabel={t('gov.save')} hidden={{ version: meeting.version }} reloadHref={here}>
              <MeetingFields
                intent="edit"
                values={{
                  title: meeting.title,
                  date: meeting.local.date,
                  startTime: meeting.local.time,
                  endTime: meeting.localEnd.time,
                  place: meeting.place,
                  onlineUrl: meeting.onlineUrl,
                  agenda: agenda.map((a) => a.title),
                }}
              />
            </PageForm>
          </div>
        </Section>
      )}
    </>
  );
}
