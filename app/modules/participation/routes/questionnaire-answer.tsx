import { inArray } from 'drizzle-orm';
import { Link, redirect } from 'react-router';
import type { Route } from './+types/questionnaire-answer';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { guard } from '../../../shared/http/request.server.ts';
import { DoneNotice, EmptyState, Notice, PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { organisations as organisationsTable } from '../../governance/index.server.ts';
import { answerQuestionnaire, answersFromForm, italianToday } from '../participation.questionnaires.commands.ts';
import { AnswerForm, questionnairePath } from '../participation.questionnaires.parts.tsx';
import { listQuestions, listResponses } from '../participation.questionnaires.queries.ts';
import { answerWindow } from '../participation.questionnaires.rules.ts';
import { authorize } from '../participation.policy.ts';
import { readQuestionnaire } from './questionnaires.server.ts';

/** A member's answer page: only for a third-sector member acting for an organisation of the Ambito (403 otherwise). */
async function readAnswer(context: Route.LoaderArgs['context'], request: Request, code: string, qid: string) {
  const r = await readQuestionnaire(context, request, code, qid);
  await guard(request, async () => authorize(r.actor, 'questionnaire.answer', { ...r.ambito, organisationId: r.organisations[0] ?? null }));
  return r;
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, actor, organisations, questionnaire: q } = await readAnswer(context, request, params.code, params.qid);
  const [questions, own, orgs] = await Promise.all([
    listQuestions(db, q.id),
    listResponses(
      db,
      q.id,
      q.respondent === 'organizzazione' ? { organisationIds: organisations, userId: null } : { organisationIds: [], userId: actor.userId },
    ),
    db.select({ id: organisationsTable.id, name: organisationsTable.name }).from(organisationsTable).where(inArray(organisationsTable.id, organisations)),
  ]);
  return {
    ambito,
    questionnaire: {
      id: q.id,
      title: q.title,
      intro: q.intro,
      audience: q.audience,
      respondent: q.respondent,
      personalDataPurpose: q.personalDataPurpose,
      retention: q.retention,
    },
    window: answerWindow(q, italianToday()),
    opensOn: q.opensOn,
    closesOn: q.closesOn,
    questions: questions.map(({ id, kind, label, help, required, options, scaleMin, scaleMax, scaleMinLabel, scaleMaxLabel }) => ({
      id,
      kind,
      label,
      help,
      required,
      options,
      scaleMin,
      scaleMax,
      scaleMinLabel,
      scaleMaxLabel,
    })),
    answered: own.map((o) => ({ id: o.id, submittedAt: o.submittedAt, organisationId: o.organisationId, organisationName: o.organisationName })),
    organisations: orgs,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito, questionnaire } = await readAnswer(context, request, params.code, params.qid);
  return intentAction(request, {
    answer: async (_form, raw) => {
      await answerQuestionnaire({ db, actor, ambitoId: ambito.id }, questionnaire.id, answersFromForm(raw));
      return redirect(`${questionnairePath(ambito.code, questionnaire.id)}/rispondi?esito=inviata`);
    },
  });
}

export default function AnswerPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, questionnaire: q, window, opensOn, closesOn, questions, answered, organisations } = loaderData;
  const here = questionnairePath(ambito.code, q.id);
  // Per organisation: one of the member's organisations has answered (the form stays for another one it acts for).
  const remaining =
    q.respondent === 'organizzazione' ? organisations.filter((o) => !answered.some((a) => a.organisationId === o.id)) : answered.length ? [] : organisations;
  return (
    <>
      <PageHeader
        title={t('part.quest.answer.title')}
        context={q.title}
        lead={<span translate="no">{q.title}</span>}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.quest.list.title'), to: questionnairePath(ambito.code) },
          { label: q.title, data: true, to: here },
        ]}
      />
      <DoneNotice messages={{ inviata: 'part.quest.done.answered' }} />
      {q.intro && (
        <p className="lead" translate="no">
          {q.intro}
        </p>
      )}
      {answered.map((a) => (
        <Notice key={a.id} tone="success" title={t('part.quest.answer.alreadyTitle')}>
          <p className="mb-0">
            {a.organisationName ? (
              <>
                <span translate="no">{a.organisationName}</span>:{' '}
              </>
            ) : null}
            {t('part.quest.answer.alreadyOn', { date: f.dateTime(a.submittedAt) })} <Link to={`${here}/risultati`}>{t('part.quest.results.link')}</Link>
          </p>
        </Notice>
      ))}
      {q.audience !== 'membri' ? (
        <EmptyState title={t('part.quest.answer.notMembers')} />
      ) : window !== 'open' ? (
        <EmptyState title={t(`part.quest.answer.window.${window}` as never, { opens: f.date(opensOn), closes: f.date(closesOn) })} />
      ) : remaining.length === 0 ? null : (
        <AnswerForm
          actionData={actionData}
          questions={questions}
          organisations={remaining}
          personalDataPurpose={q.personalDataPurpose}
          retention={q.retention}
        />
      )}
    </>
  );
}
