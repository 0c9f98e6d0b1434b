import { data, Link, redirect } from 'react-router';
import type { Route } from './+types/proposal';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { isUuid } from '../../../shared/validation.ts';
import {
  DataTable,
  DoneNotice,
  Facts,
  FieldGroup,
  IntentForm,
  namedChoices,
  Notice,
  PageHeader,
  RowButtonForm,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
  type Choice,
} from '../../../shared/ui/kit.ts';
import { TrailResults } from '../components/trail-results.tsx';
import { OUTCOME_TONE, outcomeKey, PROPOSAL_OUTCOMES, statusKey } from '../components/labels.ts';
import { listNeeds, needChoices } from '../participation.needs.queries.ts';
import {
  addComment,
  answerProposal,
  hideComment,
  hideProposal,
  linkProposalObjective,
  submitProposal,
  unlinkProposalObjective,
  updateDraftProposal,
} from '../participation.proposals.commands.ts';
import { getProposal } from '../participation.proposals.queries.ts';
import { proposalTrail } from '../participation.trail.queries.ts';
import { readParticipation } from './participation.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can, organisations } = await readParticipation(context, request, params.code);
  // A draft is shown only to its organisation: to anyone else it does not exist (404, never 403).
  const proposal = isUuid(params.proposalId) ? await getProposal(db, ambito.id, params.proposalId, organisations) : null;
  if (!proposal) throw data(tr('part.proposals.notFound'), { status: 404 });
  const owner = !!proposal.organisationId && organisations.includes(proposal.organisationId);
  const editable = owner && proposal.status === 'bozza';
  const [trail, choices, needList] = await Promise.all([
    proposalTrail(db, proposal.id),
    editable || can['proposal.answer'] ? needChoices(db, ambito.id) : null,
    editable ? listNeeds(db, ambito.id) : [],
  ]);
  return {
    ambito,
    can,
    proposal,
    owner,
    editable,
    trail,
    choices: choices && {
      tables: choices.tables,
      objectives: choices.objectives.filter((o) => !proposal.objectives.some((x) => x.id === o.id)),
      needs: needList.filter((n) => !n.mergedIntoId).map((n) => ({ id: n.id, name: n.statement })),
    },
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  const here = `/ambiti/${ambito.code}/partecipazione/proposte/${params.proposalId}`;
  const c = { db, actor, ambitoId: ambito.id };
  const id = params.proposalId;
  return intentAction(
    request,
    {
      edit: async (form) => {
        await updateDraftProposal(c, id, form);
        return redirect(`${here}?esito=salvata`);
      },
      submit: async (form) => {
        await submitProposal(c, id, form);
        return redirect(`${here}?esito=presentata`);
      },
      answer: async (form) => {
        await answerProposal(c, id, form);
        return redirect(`${here}?esito=risposta`);
      },
      link: async (form) => {
        await linkProposalObjective(c, id, form);
        return redirect(`${here}?esito=collegata#obiettivi`);
      },
      unlink: async (form) => {
        await unlinkProposalObjective(c, id, form);
        return redirect(`${here}?esito=scollegata#obiettivi`);
      },
      comment: async (form) => {
        await addComment(c, id, form);
        return redirect(`${here}?esito=commento#commenti`);
      },
      'hide-comment': async (form) => {
        // The choice carries the comment's id and the version the user saw («id@version»).
        const [commentId, version] = String(form.comment ?? '').split('@');
        await hideComment(c, commentId ?? '', { reason: form.reason, version });
        return redirect(`${here}?esito=nascosto#commenti`);
      },
      'hide-proposal': async (form) => {
        await hideProposal(c, id, form);
        return redirect(`${here}?esito=nascosto`);
      },
    },
    { echo: true },
  );
}

export default function ProposalPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, proposal: p, editable, trail, choices } = loaderData;
  const home = `/ambiti/${ambito.code}/partecipazione`;
  const edit = useFormResult(actionData, 'edit');
  const answer = useFormResult(actionData, 'answer');
  const link = useFormResult(actionData, 'link');
  const comment = useFormResult(actionData, 'comment');
  const hideC = useFormResult(actionData, 'hide-comment');
  const hideP = useFormResult(actionData, 'hide-proposal');
  const submitted = p.status === 'presentata';
  const hiddenText = t('part.proposals.hidden', { reason: p.hiddenReason ?? '' });
  const outcomeChoices: Choice[] = PROPOSAL_OUTCOMES.map((o) => ({ value: o, label: t(outcomeKey(o)) }));
  const visibleComments = p.comments.filter((x) => !x.hidden);
  return (
    <>
      <PageHeader
        title={p.title ?? hiddenText}
        titleIsData={!!p.title}
        context={ambito.name}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.name'), to: home },
          { label: t('part.proposals.title'), to: `${home}/proposte` },
        ]}
        lead={
          submitted ? (
            <StatusBadge tone={OUTCOME_TONE[p.outcome ?? ''] ?? 'secondary'}>{t(outcomeKey(p.outcome))}</StatusBadge>
          ) : (
            <StatusBadge tone="info">{t(statusKey(p.status))}</StatusBadge>
          )
        }
      />
      <DoneNotice
        messages={{
          bozza: 'part.proposals.done.draft',
          salvata: 'part.proposals.done.saved',
          presentata: 'part.proposals.done.submitted',
          registrata: 'part.proposals.done.recorded',
          risposta: 'part.proposals.done.answered',
          collegata: 'part.proposals.done.linked',
          scollegata: 'part.proposals.done.unlinked',
          commento: 'part.proposals.done.commented',
          nascosto: 'part.proposals.done.hidden',
        }}
      />
      {p.hidden ? (
        <Notice tone="warning">{hiddenText}</Notice>
      ) : (
        <p className="text-break" translate="no" style={{ whiteSpace: 'pre-line' }}>
          {p.body}
        </p>
      )}
      <Facts
        items={[
          {
            term: t('part.proposals.field.from'),
            value: p.organisationName ? (
              <span translate="no">{p.organisationName}</span>
            ) : p.meetingDate ? (
              <>
                <span translate="no">{p.meetingTitle}</span> · {f.date(p.meetingDate)}
              </>
            ) : (
              '—'
            ),
          },
          { term: t('part.proposals.field.table'), value: p.tableName ? <span translate="no">{p.tableName}</span> : '—' },
          {
            term: t('part.proposals.field.need'),
            value: p.needId && p.needStatement ? <Link to={`${home}/bisogni/${p.needId}`}>{p.needStatement}</Link> : '—',
          },
          { term: t('part.proposals.field.submittedAt'), value: p.submittedAt ? f.date(p.submittedAt.slice(0, 10)) : '—' },
          { term: t('part.proposals.field.outcome'), value: submitted ? t(outcomeKey(p.outcome)) : '—' },
          { term: t('part.proposals.field.reasons'), value: p.outcomeReasons ? <span translate="no">{p.outcomeReasons}</span> : '—' },
          { term: t('part.proposals.field.answeredAt'), value: p.answeredAt ? f.date(p.answeredAt.slice(0, 10)) : '—' },
        ]}
      />

      {editable && choices && (
        <>
          <Section id="modifica" title={t('part.proposals.edit.title')}>
            <IntentForm intent="edit" actionData={actionData} submitLabel={t('part.proposals.edit.submit')} reloadHref={`${home}/proposte/${p.id}`}>
              <input type="hidden" name="version" value={p.version} />
              <FieldGroup
                intent="edit"
                errors={edit.errors}
                values={edit.values ?? p}
                fields={[
                  { name: 'title', label: t('part.proposals.field.title'), required: true, maxLength: 300 },
                  { name: 'body', label: t('part.proposals.field.body'), required: true, rows: 6 },
                  [
                    { name: 'tableId', label: t('part.proposals.field.table'), choices: namedChoices(choices.tables), empty: t('part.needs.noneChoice') },
                    { name: 'needId', label: t('part.proposals.field.need'), choices: namedChoices(choices.needs), empty: t('part.needs.noneChoice') },
                  ],
                ]}
              />
            </IntentForm>
          </Section>
          <Section id="presenta" title={t('part.proposals.send.title')} lead={t('part.proposals.send.lead')}>
            <IntentForm intent="submit" actionData={actionData} submitLabel={t('part.proposals.send.submit')} reloadHref={`${home}/proposte/${p.id}`}>
              <input type="hidden" name="version" value={p.version} />
            </IntentForm>
          </Section>
        </>
      )}

      {submitted && can['proposal.answer'] && (
        <Section id="risposta" title={t('part.proposals.answer.title')} lead={t('part.proposals.answer.lead')}>
          <IntentForm intent="answer" actionData={actionData} submitLabel={t('part.proposals.answer.submit')} reloadHref={`${home}/proposte/${p.id}`}>
            <input type="hidden" name="version" value={p.version} />
            <FieldGroup
              intent="answer"
              errors={answer.errors}
              values={answer.values ?? { outcome: p.outcome, reasons: p.outcomeReasons }}
              fields={[
                { name: 'outcome', label: t('part.proposals.field.outcome'), required: true, choices: outcomeChoices, empty: t('part.needs.choose') },
                { name: 'reasons', label: t('part.proposals.field.reasons'), required: true, rows: 4 },
              ]}
            />
          </IntentForm>
        </Section>
      )}

      <Section id="obiettivi" title={t('part.proposals.field.objectives')} lead={t('part.trail.resultsLead')}>
        <TrailResults id="risultati" objectives={trail} ambitoCode={ambito.code} />
        {submitted && can['proposal.answer'] && p.objectives.length > 0 && (
          <ul className="list-unstyled mt-2">
            {p.objectives.map((o) => (
              <li key={o.id} className="d-flex flex-wrap gap-2 align-items-center mb-1">
                <span translate="no">{`${o.code} · ${o.title}`}</span>
                <RowButtonForm intent="unlink" hidden={{ objectiveId: o.id }} label={t('part.proposals.unlink')} what={<span translate="no">{o.code}</span>} />
              </li>
            ))}
          </ul>
        )}
        {submitted && can['proposal.answer'] && choices && (
          <IntentForm
            intent="link"
            actionData={actionData}
            submitLabel={t('part.proposals.link.submit')}
            label={t('part.proposals.link.title')}
            className="mt-3"
          >
            <FieldGroup
              intent="link"
              errors={link.errors}
              fields={[
                {
                  name: 'objectiveId',
                  label: t('part.needs.field.objective'),
                  required: true,
                  choices: namedChoices(choices.objectives),
                  empty: t('part.needs.choose'),
                },
              ]}
            />
          </IntentForm>
        )}
      </Section>

      {submitted && (
        <Section id="commenti" title={t('part.proposals.comments.title')}>
          <DataTable
            id="commenti-elenco"
            caption={t('part.proposals.comments.caption', { count: f.number(p.comments.length) })}
            rows={p.comments}
            rowKey={(c) => c.id}
            empty={t('part.proposals.comments.empty')}
            columns={[
              {
                key: 'organizzazione',
                header: t('part.proposals.comment.author'),
                rowHeader: true,
                value: (c) => c.organisationName,
                render: (c) => c.organisationName ?? <span translate="yes">{t('part.proposals.comment.office')}</span>,
              },
              {
                key: 'data',
                header: t('part.proposals.comment.date'),
                data: false,
                value: (c) => c.createdAt,
                render: (c) => f.date(c.createdAt.slice(0, 10)),
              },
              {
                key: 'testo',
                header: t('part.proposals.comment.text'),
                className: 'text-break',
                value: (c) => c.body ?? hiddenText,
                render: (c) =>
                  c.hidden ? (
                    <span translate="yes" className="fst-italic">
                      {t('part.proposals.hidden', { reason: c.hiddenReason ?? '' })}
                    </span>
                  ) : (
                    c.body
                  ),
              },
            ]}
          />
          {can['comment.write'] && (
            <IntentForm intent="comment" actionData={actionData} submitLabel={t('part.proposals.comment.submit')} className="mt-3">
              <FieldGroup
                intent="comment"
                errors={comment.errors}
                values={comment.values}
                fields={[{ name: 'body', label: t('part.proposals.comment.field'), required: true, rows: 3 }]}
              />
            </IntentForm>
          )}
          {can['content.moderate'] && visibleComments.length > 0 && (
            <IntentForm
              intent="hide-comment"
              actionData={actionData}
              submitLabel={t('part.proposals.hide.submit')}
              className="mt-3"
              label={t('part.proposals.hide.submit')}
            >
              <p>{t('part.proposals.hide.lead')}</p>
              <FieldGroup
                intent="hide-comment"
                errors={hideC.errors}
                fields={[
                  {
                    name: 'comment',
                    label: t('part.proposals.comment.what'),
                    required: true,
                    empty: t('part.needs.choose'),
                    choices: visibleComments.map((c) => ({
                      value: `${c.id}@${c.version}`,
                      label: `${c.organisationName ?? t('part.proposals.comment.office')}: ${(c.body ?? '').slice(0, 60)}`,
                      data: true,
                    })),
                  },
                  { name: 'reason', label: t('part.proposals.hide.reason'), required: true },
                ]}
              />
            </IntentForm>
          )}
        </Section>
      )}

      {submitted && can['content.moderate'] && !p.hidden && (
        <Section id="nascondi" title={t('part.proposals.hide.title')} lead={t('part.proposals.hide.lead')}>
          <IntentForm intent="hide-proposal" actionData={actionData} submitLabel={t('part.proposals.hide.submit')} submitClassName="btn btn-outline-danger">
            <input type="hidden" name="version" value={p.version} />
            <FieldGroup intent="hide-proposal" errors={hideP.errors} fields={[{ name: 'reason', label: t('part.proposals.hide.reason'), required: true }]} />
          </IntentForm>
        </Section>
      )}
    </>
  );
}
