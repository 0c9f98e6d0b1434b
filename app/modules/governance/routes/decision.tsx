import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/decision';
import { CsrfField } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { Breadcrumb, DoneNotice, formState, GovField, GovFormAlert, useDay } from '../components/form-kit.tsx';
import { updateDecision } from '../governance.commands.ts';
import { POSITION_LABELS, type Position } from '../governance.constants.ts';
import { getDecisionOverview } from '../governance.queries.ts';
import { ATTENDANCE_LABELS, shareBase, VOTE_LABELS, type Attendance, type Vote } from '../voting.rules.ts';
import { intentAction, readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const overview = await getDecisionOverview(db, ambito, params.decisionId);
  if (!overview) throw data('Deliberazione non trovata', { status: 404 });
  return { ambito, can, ...overview };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const form = Object.fromEntries(await request.formData());
  return intentAction(request, 'edit', async () => {
    await updateDecision({ db, actor, ambitoId: ambito.id, decisionId: params.decisionId, input: form });
    return redirect(`/ambiti/${ambito.code}/decisioni/${params.decisionId}?esito=salvata`);
  });
}

export default function DecisionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, n } = useI18n();
  const day = useDay();
  const { ambito, can, decision, body, meeting, votes, outcome, outcomeError, weightsAge } = loaderData;
  const edit = formState(actionData, 'edit');
  const here = `/ambiti/${ambito.code}/decisioni/${decision.id}`;
  const weighted = votes.some((v) => v.weight !== null);
  // Shares are of the weight the rule counts (voting.rules.ts shareBase).
  const { presentOnly: presentBase, inBase, weight: totalWeight } = shareBase(decision.votingRule, votes);
  const heading = t('gov.decision.heading', { number: decision.number, date: day(decision.date) });
  const tally = (label: string, x: { count: number; weight: number | null }) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{n(x.count)}</td>
      {weighted && <td className="num">{x.weight === null ? '—' : n(x.weight)}</td>}
    </tr>
  );
  return (
    <>
      <title>{`${heading} – ${body.name}`}</title>
      <Breadcrumb
        items={[
          { label: ambito.name, to: `/ambiti/${ambito.code}` },
          { label: t('gov.bodies.title'), to: `/ambiti/${ambito.code}/organi` },
          { label: body.name, to: `/ambiti/${ambito.code}/organi/${body.id}` },
          ...(meeting ? [{ label: meeting.title, to: `/ambiti/${ambito.code}/riunioni/${meeting.id}` }] : []),
          { label: t('gov.decision.short', { number: decision.number }) },
        ]}
      />
      <DoneNotice messages={{ registrata: 'gov.done.decision', salvata: 'gov.done.saved' }} />
      <h1>{heading}</h1>
      <p className="lead">{decision.subject}</p>
      {decision.text && (
        <p className="col-lg-10" style={{ whiteSpace: 'pre-line' }}>
          {decision.text}
        </p>
      )}

      <section className="mt-4" aria-labelledby="esito">
        <h2 className="h3" id="esito">
          {t('gov.decision.outcome')}
        </h2>
        {weightsAge && (
          <div className="alert alert-warning" role="note" data-testid="decision-weights-age">
            {t('gov.decision.oldWeights', { source: weightsAge.source ?? String(weightsAge.year), meetingYear: String(weightsAge.meetingYear) })}
          </div>
        )}
        {outcome ? (
          <>
            <p className={`h4 ${outcome.approved ? 'text-success' : 'text-danger'}`} data-testid="decision-outcome">
              {outcome.approved ? t('gov.decision.approvedLong') : t('gov.decision.rejectedLong')}
            </p>
            <p>
              {t('gov.decision.ruleUsed')} {decision.ruleText}
            </p>
            <h3 className="h5">{t('gov.decision.arithmetic')}</h3>
            <ol className="mb-4" data-testid="decision-explanation">
              {outcome.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
            <div className="row g-4">
              <div className="col-md-6">
                <div className="table-responsive">
                  <table className="table table-sm">
                    <caption>{t('gov.decision.totals')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">
                          <span className="visually-hidden">{t('gov.decision.group')}</span>
                        </th>
                        <th scope="col" className="num">
                          {t('gov.decision.count')}
                        </th>
                        {weighted && (
                          <th scope="col" className="num">
                            {t('gov.votes.weight')}
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {tally(t('gov.decision.for'), outcome.totals.for)}
                      {tally(t('gov.decision.against'), outcome.totals.against)}
                      {tally(t('gov.decision.abstained'), outcome.totals.abstained)}
                      {outcome.totals.notVoting.count > 0 && tally(t('gov.decision.notVoting'), outcome.totals.notVoting)}
                      {tally(t('gov.decision.present'), outcome.totals.present)}
                      {tally(t('gov.decision.members'), outcome.totals.members)}
                    </tbody>
                  </table>
                </div>
              </div>
              <div className="col-md-6">
                <dl>
                  <dt>{t('gov.decision.quorum')}</dt>
                  <dd>{outcome.quorum.formula}</dd>
                  <dt>{t('gov.decision.support')}</dt>
                  <dd>{outcome.support.formula}</dd>
                  <dt>{t('gov.decision.threshold')}</dt>
                  <dd data-testid="decision-threshold">{outcome.threshold.formula}</dd>
                </dl>
              </div>
            </div>
          </>
        ) : (
          <div className="alert alert-warning" role="status">
            {t('gov.decision.notComputableLong')} {outcomeError}
          </div>
        )}
      </section>

      <section className="mt-4" aria-labelledby="voti">
        <h2 className="h3" id="voti">
          {t('gov.votes.title')}
        </h2>
        <div className="table-responsive">
          <table className="table table-striped align-middle" data-testid="votes-table">
            <caption>{t('gov.votes.tableCaption', { number: decision.number })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gov.votes.member')}</th>
                <th scope="col">{t('gov.member.person')}</th>
                <th scope="col">{t('gov.votes.attendance')}</th>
                <th scope="col">{t('gov.votes.vote')}</th>
                {weighted && (
                  <>
                    <th scope="col" className="num">
                      {t('gov.votes.weight')}
                    </th>
                    <th scope="col" className="num">
                      {presentBase ? t('gov.votes.sharePresent') : t('gov.votes.share')}
                    </th>
                    <th scope="col">{t('gov.votes.weightSource')}</th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {votes.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.label}</th>
                  <td>
                    {v.personName}
                    <span className="d-block small text-secondary">{POSITION_LABELS[v.position as Position] ?? v.position}</span>
                  </td>
                  <td>{ATTENDANCE_LABELS[v.attendance as Attendance] ?? v.attendance}</td>
                  <td>{v.vote ? VOTE_LABELS[v.vote as Vote] : t('gov.votes.noVote')}</td>
                  {weighted && (
                    <>
                      <td className="num">{v.weight === null ? '—' : n(v.weight)}</td>
                      <td className="num">{v.weight === null || totalWeight === 0 || !inBase(v) ? '—' : `${n((v.weight * 100) / totalWeight, 2)} %`}</td>
                      <td className="small">{v.weightSource ?? '—'}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
            {weighted && (
              <tfoot>
                <tr>
                  <th scope="row">{presentBase ? t('gov.votes.totalPresent') : t('gov.votes.total')}</th>
                  <td />
                  <td />
                  <td />
                  <td className="num fw-bold">{n(totalWeight)}</td>
                  <td className="num">{`${n(100, 2)} %`}</td>
                  <td />
                </tr>
              </tfoot>
            )}
          </table>
        </div>
        {weighted && <p className="small text-secondary">{t('gov.votes.frozen')}</p>}
      </section>

      {can['decision.write'] && (
        <section className="mt-5 col-lg-8" aria-labelledby="modifica">
          <h2 className="h3" id="modifica">
            {t('gov.decision.edit')}
          </h2>
          <p className="small">{t('gov.decision.editHint')}</p>
          <GovFormAlert failure={edit.failure} intent="edit" reloadHref={here} />
          <Form method="post" noValidate key={`edit-${decision.version}`}>
            <CsrfField />
            <input type="hidden" name="version" value={decision.version} />
            <div className="row">
              <div className="col-md-6">
                <GovField intent="edit" name="number" label={`${t('gov.decision.number')} (${t('form.required')})`} error={edit.errors.number}>
                  {(p) => <input {...p} type="text" required maxLength={30} defaultValue={decision.number} />}
                </GovField>
              </div>
              <div className="col-md-6">
                <GovField intent="edit" name="date" label={`${t('gov.decision.date')} (${t('form.required')})`} error={edit.errors.date}>
                  {(p) => <input {...p} type="date" required defaultValue={decision.date} />}
                </GovField>
              </div>
            </div>
            <GovField intent="edit" name="subject" label={`${t('gov.decision.subject')} (${t('form.required')})`} error={edit.errors.subject}>
              {(p) => <input {...p} type="text" required maxLength={300} defaultValue={decision.subject} />}
            </GovField>
            <GovField intent="edit" name="text" label={t('gov.decision.text')} error={edit.errors.text}>
              {(p) => <textarea {...p} rows={5} defaultValue={decision.text ?? ''} />}
            </GovField>
            <button type="submit" className="btn btn-primary">
              {t('gov.save')}
            </button>
          </Form>
        </section>
      )}
      {meeting && (
        <p className="mt-4">
          <Link to={`/ambiti/${ambito.code}/riunioni/${meeting.id}`}>{t('gov.decision.backToMeeting', { title: meeting.title })}</Link>
        </p>
      )}
    </>
  );
}
