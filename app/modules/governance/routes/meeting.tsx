import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/meeting';
import { ValidationError } from '../../../shared/errors.ts';
import { CsrfField } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { Breadcrumb, DoneNotice, formState, GovField, GovFormAlert, useDay, useFileSize } from '../components/form-kit.tsx';
import { MeetingFields } from '../components/meeting-fields.tsx';
import { addAttachment, convokeMeeting, createDecision, recordAttendance, removeAttachment, saveMinutes, updateMeeting } from '../governance.commands.ts';
import {
  ACCEPTED_ATTACHMENTS,
  ATTENDANCE_FORM_LABELS,
  ATTENDANCES,
  MAX_ATTACHMENT_BYTES,
  MEETING_STATUS_LABELS,
  VOTE_FORM_LABELS,
  VOTES,
  type MeetingStatus,
} from '../governance.validation.ts';
import { comuneWeights, getMeetingOverview, type ComuneWeight } from '../governance.queries.ts';
import { oldWeights, type Attendance } from '../voting.rules.ts';
import { intentAction, originOf, readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const overview = await getMeetingOverview(db, ambito, params.meetingId);
  if (!overview) throw data('Riunione non trovata', { status: 404 });
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
    return intentAction(request, 'upload', async () => {
      throw new ValidationError([{ path: 'file', message: 'Il file supera il limite di 10 MB.' }], 'Il file non è stato caricato.');
    });
  }
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const form = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  switch (intent) {
    case 'edit':
      return intentAction(request, intent, async () => {
        await updateMeeting({ ...base, input: form });
        return redirect(`${here}?esito=salvata`);
      });
    case 'convoke':
      return intentAction(request, intent, async () => {
        await convokeMeeting({ ...base, input: form, baseUrl: originOf(request) });
        return redirect(`${here}?esito=convocata#convocazione`);
      });
    case 'attendance':
      return intentAction(
        request,
        intent,
        async () => {
          await recordAttendance({ ...base, input: form });
          return redirect(`${here}?esito=presenze#presenze`);
        },
        form,
      );
    case 'minutes':
      return intentAction(request, intent, async () => {
        await saveMinutes({ ...base, input: form });
        return redirect(`${here}?esito=verbale#verbale`);
      });
    case 'upload':
      return intentAction(request, intent, async () => {
        const file = formData.get('file');
        if (!(file instanceof File) || file.size === 0)
          throw new ValidationError([{ path: 'file', message: 'Scegli un file da caricare.' }], 'Il file non è stato caricato.');
        await addAttachment({ ...base, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
        return redirect(`${here}?esito=allegato#allegati`);
      });
    case 'remove-attachment':
      return intentAction(request, intent, async () => {
        await removeAttachment({ ...base, attachmentId: String(form.attachmentId ?? '') });
        return redirect(`${here}?esito=allegatoRimosso#allegati`);
      });
    case 'create-decision':
      return intentAction(
        request,
        intent,
        async () => {
          const { decision } = await createDecision({ ...base, input: form });
          return redirect(`/ambiti/${ambito.code}/decisioni/${decision.id}?esito=registrata`);
        },
        form,
      );
    default:
      throw data('Operazione sconosciuta', { status: 400 });
  }
}

export default function MeetingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, n, d, dt } = useI18n();
  const day = useDay();
  const size = useFileSize();
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
  const edit = formState(actionData, 'edit');
  const convoke = formState(actionData, 'convoke');
  const att = formState(actionData, 'attendance');
  const minutes = formState(actionData, 'minutes');
  const upload = formState(actionData, 'upload');
  const decision = formState(actionData, 'create-decision');
  // After a refusal because the attendance changed, the votes given on the old attendance are not offered again.
  const voteValues = decision.errors.attendance ? undefined : decision.values;
  const here = `/ambiti/${ambito.code}/riunioni/${meeting.id}`;
  const withEmail = members.filter((m) => m.email).length;
  const canWrite = can['meeting.write'];
  const attendanceLabel = (a: Attendance | null) => (a ? ATTENDANCE_FORM_LABELS[a] : t('gov.attendance.notRecorded'));
  return (
    <>
      <title>{`${meeting.title} – ${body.name}`}</title>
      <Breadcrumb
        items={[
          { label: ambito.name, to: `/ambiti/${ambito.code}` },
          { label: t('gov.bodies.title'), to: `/ambiti/${ambito.code}/organi` },
          { label: body.name, to: `/ambiti/${ambito.code}/organi/${body.id}` },
          { label: meeting.title },
        ]}
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
      <h1>{meeting.title}</h1>
      <p className="lead">
        <Link to={`/ambiti/${ambito.code}/organi/${body.id}`}>{body.name}</Link>
        <span className="badge bg-primary ms-2">{MEETING_STATUS_LABELS[meeting.status as MeetingStatus] ?? meeting.status}</span>
      </p>
      <dl className="row">
        <dt className="col-sm-3">{t('gov.meeting.when')}</dt>
        <dd className="col-sm-9" data-testid="meeting-when">
          {d(meeting.startsAt)}, {meeting.local.time}–{meeting.localEnd.time} ({t('gov.meeting.italianTime')})
        </dd>
        {meeting.place && (
          <>
            <dt className="col-sm-3">{t('gov.meeting.place')}</dt>
            <dd className="col-sm-9">{meeting.place}</dd>
          </>
        )}
        {meeting.onlineUrl && (
          <>
            <dt className="col-sm-3">{t('gov.meeting.online')}</dt>
            <dd className="col-sm-9">
              <a href={meeting.onlineUrl} rel="noopener noreferrer">
                {meeting.onlineUrl}
              </a>
            </dd>
          </>
        )}
        <dt className="col-sm-3">{t('gov.meeting.calendar')}</dt>
        <dd className="col-sm-9">
          <a href={`${here}/invito.ics`} download>
            {t('gov.meeting.ics')}
          </a>
        </dd>
      </dl>

      <section className="mt-4" aria-labelledby="odg">
        <h2 className="h3" id="odg">
          {t('gov.meeting.agenda')}
        </h2>
        {agenda.length === 0 ? (
          <p>{t('gov.meeting.agendaEmpty')}</p>
        ) : (
          <ol>
            {agenda.map((a) => (
              <li key={a.id}>{a.title}</li>
            ))}
          </ol>
        )}
      </section>

      <section className="mt-5" aria-labelledby="convocazione">
        <h2 className="h3" id="convocazione">
          {t('gov.convocation.title')}
        </h2>
        <p id="field-convoke.convocation">
          {meeting.convokedAt ? t('gov.convocation.sentAt', { when: dt(meeting.convokedAt) }) : t('gov.convocation.notSent')}{' '}
          {t('gov.convocation.recipients', { withEmail: n(withEmail), members: n(members.length) })}
        </p>
        {messagesSent > 0 && can['outbox.read'] && (
          <p>
            <Link to={`/ambiti/${ambito.code}/posta`}>{t('gov.convocation.outbox', { count: n(messagesSent) })}</Link>
          </p>
        )}
        {canWrite && (
          <>
            <GovFormAlert failure={convoke.failure} intent="convoke" reloadHref={here} />
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="convoke" />
              <input type="hidden" name="version" value={meeting.version} />
              <button type="submit" className="btn btn-primary">
                {meeting.convokedAt ? t('gov.convocation.resend') : t('gov.convocation.send')}
              </button>
            </Form>
            <p className="small mt-2">{t('gov.convocation.smtp')}</p>
          </>
        )}
      </section>

      <section className="mt-5" aria-labelledby="presenze">
        <h2 className="h3" id="presenze">
          {t('gov.attendance.title')}
        </h2>
        {members.length === 0 ? (
          <p>{t('gov.attendance.noMembers')}</p>
        ) : canWrite ? (
          <>
            <GovFormAlert failure={att.failure} intent="attendance" reloadHref={here} />
            {/* Keyed by the meeting's version: after a save (or anyone's change) the choices shown are the recorded ones. */}
            <Form method="post" noValidate key={`attendance-${meeting.version}`}>
              <CsrfField />
              <input type="hidden" name="intent" value="attendance" />
              <input type="hidden" name="version" value={meeting.version} />
              <div className="table-responsive">
                <table className="table align-middle">
                  <caption>{t('gov.attendance.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('gov.member.person')}</th>
                      <th scope="col">{t('gov.attendance.represents')}</th>
                      {ATTENDANCES.map((a) => (
                        <th scope="col" key={a} className="text-center">
                          {ATTENDANCE_FORM_LABELS[a]}
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
                          <th scope="row">{m.personName}</th>
                          <td>{m.comuneName ?? m.organisationName ?? '—'}</td>
                          {ATTENDANCES.map((a, i) => (
                            <td key={a} className="text-center">
                              <label>
                                <input
                                  type="radio"
                                  id={i === 0 ? `field-attendance.status.${m.id}` : `field-attendance.status.${m.id}-${a}`}
                                  name={`status.${m.id}`}
                                  value={a}
                                  defaultChecked={(att.values ? att.values[`status.${m.id}`] : (m.attendance ?? 'present')) === a}
                                  aria-invalid={statusError ? true : undefined}
                                />
                                <span className="visually-hidden">
                                  {m.personName}: {ATTENDANCE_FORM_LABELS[a]}
                                </span>
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
              <button type="submit" className="btn btn-primary">
                {t('gov.attendance.save')}
              </button>
            </Form>
          </>
        ) : (
          <div className="table-responsive">
            <table className="table align-middle">
              <caption>{t('gov.attendance.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gov.member.person')}</th>
                  <th scope="col">{t('gov.attendance.represents')}</th>
                  <th scope="col">{t('gov.attendance.title')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.personName}</th>
                    <td>{m.comuneName ?? m.organisationName ?? '—'}</td>
                    <td>
                      {attendanceLabel(m.attendance)}
                      {m.delegateName ? ` (${m.delegateName})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="mt-5" aria-labelledby="deliberazioni">
        <h2 className="h3" id="deliberazioni">
          {t('gov.decisions.title')}
        </h2>
        {decisions.length === 0 ? (
          <p>{t('gov.decisions.noneInMeeting')}</p>
        ) : (
          <ul>
            {decisions.map((x) => (
              <li key={x.id}>
                <Link to={`/ambiti/${ambito.code}/decisioni/${x.id}`}>
                  {t('gov.decision.heading', { number: x.number, date: day(x.date) })}: {x.subject}
                </Link>{' '}
                — {x.approved === null ? t('gov.decision.notComputable') : x.approved ? t('gov.decision.approved') : t('gov.decision.rejected')}
              </li>
            ))}
          </ul>
        )}
        {can['decision.write'] && members.length > 0 && (
          <details className="mb-3" open={!!decision.failure}>
            <summary className="btn btn-outline-primary btn-sm">{t('gov.decisions.new')}</summary>
            <div className="mt-3">
              {body.ruleText ? (
                <p>
                  {t('gov.decisions.ruleApplied')} <strong>{body.ruleText}</strong>
                </p>
              ) : (
                <p className="text-danger-emphasis">{t('gov.decisions.noRule')}</p>
              )}
              <GovFormAlert failure={decision.failure} intent="create-decision" reloadHref={here} />
              {decision.errors.attendance && (
                <div className="invalid-feedback d-block mb-3" id="field-create-decision.attendance" data-testid="decision-attendance-error">
                  {decision.errors.attendance} <a href={here}>{t('form.conflict.reload')}</a>
                </div>
              )}
              {!attendanceRecorded || !attendanceComplete ? (
                <p data-testid="decision-attendance-first">
                  {attendanceRecorded ? t('gov.decisions.attendanceIncomplete') : t('gov.decisions.attendanceFirst')}
                </p>
              ) : (
                // Keyed by the recorded attendance: when it changes (and the loader revalidates after saving it) the
                // form is rendered anew on it, so no choice from a previous attendance survives.
                <Form method="post" noValidate key={`decision-${attendanceFingerprint}`}>
                  <CsrfField />
                  <input type="hidden" name="intent" value="create-decision" />
                  <input type="hidden" name="attendanceFingerprint" value={attendanceFingerprint} />
                  <p data-testid="decision-attendance">{t('gov.votes.fromAttendance', { present: n(presentCount), members: n(members.length) })}</p>
                  {weightsAge && (
                    <div className="alert alert-warning" role="note" data-testid="decision-weights-age">
                      {t('gov.votes.oldWeights', { source: weightsAge.source ?? String(weightsAge.year), meetingYear: String(weightsAge.meetingYear) })}
                    </div>
                  )}
                  <div className="row col-lg-10">
                    <div className="col-md-4">
                      <GovField
                        intent="create-decision"
                        name="number"
                        label={`${t('gov.decision.number')} (${t('form.required')})`}
                        error={decision.errors.number}
                      >
                        {(p) => <input {...p} type="text" required maxLength={30} autoComplete="off" defaultValue={decision.values?.number ?? ''} />}
                      </GovField>
                    </div>
                    <div className="col-md-4">
                      <GovField intent="create-decision" name="date" label={`${t('gov.decision.date')} (${t('form.required')})`} error={decision.errors.date}>
                        {(p) => <input {...p} type="date" required defaultValue={decision.values?.date ?? meeting.local.date} />}
                      </GovField>
                    </div>
                  </div>
                  <div className="col-lg-10">
                    <GovField
                      intent="create-decision"
                      name="subject"
                      label={`${t('gov.decision.subject')} (${t('form.required')})`}
                      error={decision.errors.subject}
                    >
                      {(p) => <input {...p} type="text" required maxLength={300} defaultValue={decision.values?.subject ?? ''} />}
                    </GovField>
                    <GovField intent="create-decision" name="text" label={t('gov.decision.text')} error={decision.errors.text}>
                      {(p) => <textarea {...p} rows={4} defaultValue={decision.values?.text ?? ''} />}
                    </GovField>
                  </div>
                  {decision.errors.votingRule && (
                    <div className="invalid-feedback d-block mb-3" id="field-create-decision.votingRule">
                      {decision.errors.votingRule}
                    </div>
                  )}
                  {decision.errors.votes && (
                    <div className="invalid-feedback d-block mb-3" id="field-create-decision.votes">
                      {decision.errors.votes}
                    </div>
                  )}
                  <div className="table-responsive">
                    <table className="table align-middle">
                      <caption>{t('gov.votes.caption')}</caption>
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
                              <th scope="row">{m.personName}</th>
                              <td>{m.comuneName ?? m.organisationName ?? '—'}</td>
                              {weighted && (
                                <td className="num">
                                  {m.weight === null ? '—' : n(m.weight)}
                                  {m.weightSource && <span className="d-block small text-secondary text-start">{m.weightSource}</span>}
                                </td>
                              )}
                              <td data-testid={`vote-attendance-${m.label}`}>
                                {attendanceLabel(m.attendance)}
                                {m.delegateName ? ` (${m.delegateName})` : ''}
                              </td>
                              <td>
                                {m.attendance === 'absent' ? (
                                  <span>{t('gov.votes.absentNoVote')}</span>
                                ) : (
                                  <div className="d-flex flex-wrap gap-3">
                                    {[...VOTES, 'none' as const].map((v, i) => (
                                      <label key={v} className="d-inline-flex align-items-center gap-1">
                                        <input
                                          type="radio"
                                          id={i === 0 ? `field-create-decision.vote.${m.id}` : `field-create-decision.vote.${m.id}-${v}`}
                                          name={`vote.${m.id}`}
                                          value={v}
                                          defaultChecked={(voteValues?.[`vote.${m.id}`] ?? 'none') === v}
                                          aria-invalid={voteError ? true : undefined}
                                          aria-describedby={voteError ? `vote-error-${m.id}` : undefined}
                                        />
                                        <span className="visually-hidden">{m.personName}: </span>
                                        {VOTE_FORM_LABELS[v]}
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
                  <button type="submit" className="btn btn-primary" disabled={!body.ruleText}>
                    {t('gov.decisions.create')}
                  </button>
                </Form>
              )}
            </div>
          </details>
        )}
      </section>

      <section className="mt-5" aria-labelledby="verbale">
        <h2 className="h3" id="verbale">
          {t('gov.minutes.title')}
        </h2>
        {meeting.minutes ? (
          <div className="border rounded p-3 mb-3" style={{ whiteSpace: 'pre-line' }}>
            {meeting.minutes}
          </div>
        ) : (
          <p>{t('gov.minutes.none')}</p>
        )}
        <p>
          {meeting.minutesApprovedAt
            ? t('gov.minutes.approved', { date: day(meeting.minutesApprovedAt), by: meeting.minutesApprovedBy ?? '' })
            : t('gov.minutes.notApproved')}
        </p>
        {canWrite && (
          <details className="mb-3" open={!!minutes.failure}>
            <summary className="btn btn-outline-primary btn-sm">{t('gov.minutes.edit')}</summary>
            <div className="col-lg-10 mt-3">
              <GovFormAlert failure={minutes.failure} intent="minutes" reloadHref={here} />
              <Form method="post" noValidate key={`minutes-${meeting.version}`}>
                <CsrfField />
                <input type="hidden" name="intent" value="minutes" />
                <input type="hidden" name="version" value={meeting.version} />
                <GovField intent="minutes" name="minutes" label={t('gov.minutes.text')} error={minutes.errors.minutes}>
                  {(p) => <textarea {...p} rows={10} defaultValue={meeting.minutes ?? ''} />}
                </GovField>
                <div className="row">
                  <div className="col-md-6">
                    <GovField
                      intent="minutes"
                      name="minutesApprovedAt"
                      label={t('gov.minutes.approvedAt')}
                      error={minutes.errors.minutesApprovedAt}
                      hint={t('gov.date.optional')}
                    >
                      {(p) => <input {...p} type="date" defaultValue={meeting.minutesApprovedAt ?? ''} />}
                    </GovField>
                  </div>
                  <div className="col-md-6">
                    <GovField
                      intent="minutes"
                      name="minutesApprovedBy"
                      label={t('gov.minutes.approvedBy')}
                      error={minutes.errors.minutesApprovedBy}
                      hint={t('gov.minutes.approvedBy.hint')}
                    >
                      {(p) => <input {...p} type="text" maxLength={200} defaultValue={meeting.minutesApprovedBy ?? ''} />}
                    </GovField>
                  </div>
                </div>
                <button type="submit" className="btn btn-primary">
                  {t('gov.minutes.save')}
                </button>
              </Form>
            </div>
          </details>
        )}
      </section>

      <section className="mt-5" aria-labelledby="allegati">
        <h2 className="h3" id="allegati">
          {t('gov.attachments.title')}
        </h2>
        {attachments.length === 0 ? (
          <p>{t('gov.attachments.none')}</p>
        ) : (
          <ul className="list-group mb-3">
            {attachments.map((a) => (
              <li key={a.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
                <span>
                  <a href={`${here}/allegati/${a.id}`}>{a.fileName}</a>{' '}
                  <span className="small text-secondary">
                    ({size(a.sizeBytes)}, {t('gov.attachments.uploaded', { by: a.uploadedBy, when: dt(a.uploadedAt) })})
                  </span>
                </span>
                {canWrite && (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="remove-attachment" />
                    <input type="hidden" name="attachmentId" value={a.id} />
                    <button type="submit" className="btn btn-outline-danger btn-sm">
                      {t('gov.remove')}
                      <span className="visually-hidden"> {a.fileName}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        {canWrite && (
          <div className="col-lg-8">
            <GovFormAlert failure={upload.failure} intent="upload" />
            <Form method="post" encType="multipart/form-data" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="upload" />
              <GovField
                intent="upload"
                name="file"
                label={t('gov.attachments.file')}
                error={upload.errors.file}
                hint={t('gov.attachments.hint', { types: ACCEPTED_ATTACHMENTS })}
              >
                {(p) => <input {...p} type="file" accept=".pdf,.odt,.docx,.xlsx,.ods,.csv,.png,.jpg,.jpeg" />}
              </GovField>
              <button type="submit" className="btn btn-primary">
                {t('gov.attachments.upload')}
              </button>
            </Form>
          </div>
        )}
      </section>

      <section className="mt-5" aria-labelledby="sintesi">
        <h2 className="h3" id="sintesi">
          {t('gov.summary.title')}
        </h2>
        {!attendanceRecorded ? (
          <p>{t('gov.summary.notYet')}</p>
        ) : (
          <div className="row g-4">
            <div className="col-md-4">
              <h3 className="h5">{t('gov.summary.attendees', { count: n(summary.attendees.length) })}</h3>
              <ul data-testid="summary-attendees">
                {summary.attendees.map((a) => (
                  <li key={a.id}>
                    {a.personName}
                    {a.label !== a.personName ? ` (${a.label})` : ''}
                    {a.attendance === 'delegated' ? ` — ${t('gov.summary.delegatedTo', { name: a.delegateName ?? '' })}` : ''}
                  </li>
                ))}
              </ul>
              {summary.absent.length > 0 && (
                <p className="small">
                  {t('gov.summary.absent')}: {summary.absent.map((a) => a.personName).join(', ')}
                </p>
              )}
            </div>
            <div className="col-md-4">
              <h3 className="h5">{t('gov.summary.organisations', { count: n(summary.organisations.length) })}</h3>
              <ul>
                {summary.organisations.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </div>
            <div className="col-md-4">
              <h3 className="h5">{t('gov.summary.decisions', { count: n(summary.decisions.length) })}</h3>
              {summary.decisions.length === 0 ? (
                <p>{t('gov.decisions.noneInMeeting')}</p>
              ) : (
                <ul>
                  {summary.decisions.map((x) => (
                    <li key={x.id}>
                      {t('gov.decision.heading', { number: x.number, date: day(x.date) })}: {x.subject} —{' '}
                      {x.approved === null ? t('gov.decision.notComputable') : x.approved ? t('gov.decision.approved') : t('gov.decision.rejected')}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
      </section>

      {canWrite && (
        <section className="mt-5 col-lg-10" aria-labelledby="modifica">
          <h2 className="h3" id="modifica">
            {t('gov.meeting.edit')}
          </h2>
          <GovFormAlert failure={edit.failure} intent="edit" reloadHref={here} />
          <Form method="post" noValidate key={`edit-${meeting.version}`}>
            <CsrfField />
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="version" value={meeting.version} />
            <MeetingFields
              intent="edit"
              errors={edit.errors}
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
            <button type="submit" className="btn btn-primary">
              {t('gov.save')}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}
