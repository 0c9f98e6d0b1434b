import { data, Link, redirect } from 'react-router';
import type { Route } from './+types/decision';
import { runIntent } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { columnsOf, DataTable, DoneNotice, Notice, PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import { bodiesTrail } from '../components/trail.ts';
import { RecordTable, useRecordColumns } from '../components/record-table.tsx';
import { DecisionFields } from '../components/decision-fields.tsx';
import { labelOf, ruleSentence } from '../components/labels.ts';
import { PageForm } from '../components/sections.tsx';
import { updateDecision } from '../governance.commands.ts';
import { getDecisionOverview } from '../governance.queries.ts';
import { shareBase } from '../voting.rules.ts';
import { readGovernance } from './governance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readGovernance(context, request, params.code);
  const overview = await getDecisionOverview(db, ambito, params.decisionId);
  if (!overview) throw data(tr('gov.notFound.decision'), { status: 404 });
  return { ambito, can, ...overview };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  const form = Object.fromEntries(await request.formData());
  return runIntent(request, 'edit', async () => {
    await updateDecision({ db, actor, ambitoId: ambito.id, decisionId: params.decisionId, input: form });
    return redirect(`/ambiti/${ambito.code}/decisioni/${params.decisionId}?esito=salvata`);
  });
}

export default function DecisionPage({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, decision, body, meeting, votes, outcome, outcomeError, weightsAge } = loaderData;
  const home = `/ambiti/${ambito.code}`;
  const here = `${home}/decisioni/${decision.id}`;
  const weighted = votes.some((v) => v.weight !== null);
  // Shares are of the weight the rule counts (voting.rules.ts shareBase).
  const { presentOnly: presentBase, inBase, weight: totalWeight } = shareBase(decision.votingRule, votes);
  const heading = t('gov.decision.heading', { number: decision.number, date: f.date(decision.date) });
  const vote = { ...columnsOf(votes), ...useRecordColumns(votes) };
  /** A vote's share of the weight the rule counts, or null (no weight, or not in the base). */
  const share = (v: (typeof votes)[number]) => (v.weight === null || totalWeight === 0 || !inBase(v) ? null : (v.weight * 100) / totalWeight);
  const weightColumns = weighted
    ? [
        vote.figure('peso', t('gov.votes.weight'), (v) => v.weight, f.number),
        vote.figure('quota', presentBase ? t('gov.votes.sharePresent') : t('gov.votes.share'), share, f.percent),
        vote.text('fonte', t('gov.votes.weightSource'), (v) => v.weightSource, { className: 'small' }),
      ]
    : [];
  const totals = outcome
    ? [
        { group: t('gov.decision.for'), ...outcome.totals.for },
        { group: t('gov.decision.against'), ...outcome.totals.against },
        { group: t('gov.decision.abstained'), ...outcome.totals.abstained },
        ...(outcome.totals.notVoting.count > 0 ? [{ group: t('gov.decision.notVoting'), ...outcome.totals.notVoting }] : []),
        { group: t('gov.decision.present'), ...outcome.totals.present },
        { group: t('gov.decision.members'), ...outcome.totals.members },
      ]
    : [];
  return (
    <>
      <PageHeader
        title={heading}
        context={body.name}
        lead={<span translate="no">{decision.subject}</span>}
        breadcrumb={bodiesTrail(t, ambito, body, meeting)}
      />
      <DoneNotice messages={{ registrata: 'gov.done.decision', salvata: 'gov.done.saved' }} />
      {decision.text && (
        <p className="col-lg-10 text-break" style={{ whiteSpace: 'pre-line' }} translate="no">
          {decision.text}
        </p>
      )}

      <Section id="esito" title={t('gov.decision.outcome')}>
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
              {t('gov.decision.ruleUsed')} {ruleSentence(t, f.numberUpTo, decision.votingRule)}
            </p>
            <h3 className="h5">{t('gov.decision.arithmetic')}</h3>
            <ol className="mb-4" data-testid="decision-explanation">
              {outcome.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
            <div className="row g-4">
              <div className="col-12 col-md-6">
                <DataTable
                  id="totali"
                  caption={t('gov.decision.totals')}
                  rows={totals}
                  rowKey={(r) => r.group}
                  small
                  columns={[
                    {
                      key: 'gruppo',
                      header: <span className="visually-hidden">{t('gov.decision.group')}</span>,
                      rowHeader: true,
                      data: false,
                      sortable: false,
                      value: (r) => r.group,
                    },
                    { key: 'numero', header: t('gov.decision.count'), numeric: true, sortable: false, value: (r) => r.count, render: (r) => f.number(r.count) },
                    ...(weighted
                      ? [
                          {
                            key: 'peso',
                            header: t('gov.votes.weight'),
                            numeric: true,
                            sortable: false,
                            value: (r: (typeof totals)[number]) => r.weight,
                            render: (r: (typeof totals)[number]) => (r.weight === null ? '—' : f.number(r.weight)),
                          },
                        ]
                      : []),
                  ]}
                />
              </div>
              <div className="col-12 col-md-6">
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
          <Notice tone="warning">
            {t('gov.decision.notComputableLong')} {outcomeError}
          </Notice>
        )}
      </Section>

      <Section id="voti" title={t('gov.votes.title')}>
        <div data-testid="votes-table">
          <RecordTable
            id="voti-elenco"
            caption={t('gov.votes.tableCaption', { number: decision.number })}
            rows={votes}
            csv="voti"
            columns={[
              vote.name('componente', t('gov.votes.member'), (v) => v.label),
              {
                key: 'persona',
                header: t('gov.member.person'),
                value: (v) => v.personName,
                render: (v) => (
                  <>
                    {v.personName}
                    <span className="d-block small text-secondary">{labelOf(t, 'position', v.position)}</span>
                  </>
                ),
              },
              vote.code('presenza', t('gov.votes.attendance'), 'attendance', (v) => v.attendance),
              vote.code('voto', t('gov.votes.vote'), 'vote', (v) => v.vote ?? '', {
                render: (v) => (v.vote ? labelOf(t, 'vote', v.vote) : t('gov.votes.noVote')),
              }),
              ...weightColumns,
            ]}
            footer={
              weighted ? (
                <tr>
                  <th scope="row">{presentBase ? t('gov.votes.totalPresent') : t('gov.votes.total')}</th>
                  <td />
                  <td />
                  <td />
                  <td className="num fw-bold">{f.number(totalWeight)}</td>
                  <td className="num">{f.percent(100)}</td>
                  <td />
                </tr>
              ) : undefined
            }
          />
        </div>
        {weighted && <p className="small text-secondary">{t('gov.votes.frozen')}</p>}
      </Section>

      {can['decision.write'] && (
        <Section id="modifica" title={t('gov.decision.edit')} lead={<span className="small">{t('gov.decision.editHint')}</span>}>
          <div className="col-lg-8">
            <PageForm key={`edit-${decision.version}`} intent="edit" submitLabel={t('gov.save')} hidden={{ version: decision.version }} reloadHref={here}>
              <DecisionFields intent="edit" values={decision} />
            </PageForm>
          </div>
        </Section>
      )}
      {meeting && (
        <p className="mt-4">
          <Link to={`${home}/riunioni/${meeting.id}`}>{t('gov.decision.backToMeeting', { title: meeting.title })}</Link>
        </p>
      )}
    </>
  );
}
