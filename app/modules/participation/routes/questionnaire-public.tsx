import { data, redirect } from 'react-router';
import type { Route } from './+types/questionnaire-public';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DoneNotice, EmptyState, Notice, PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { answerPublicQuestionnaire, answersFromForm, italianToday } from '../participation.questionnaires.commands.ts';
import { AnswerForm } from '../participation.questionnaires.parts.tsx';
import { getPublicQuestionnaire, listQuestions } from '../participation.questionnaires.queries.ts';
import { answerWindow } from '../participation.questionnaires.rules.ts';
import { readPublic } from './participation.server.ts';

/** A questionnaire opened by its public link: anyone, signed in or not; a draft or an unknown token is 404. */
async function readByToken(context: Route.LoaderArgs['context'], code: string, token: string) {
  const r = await readPublic(context, code);
  const q = await getPublicQuestionnaire(r.db, r.ambito.id, token);
  if (!q || q.status === 'bozza') throw data(tr('part.quest.notFound'), { status: 404 });
  return { ...r, questionnaire: q };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, ambito, questionnaire: q } = await readByToken(context, params.code, params.token);
  const questions = await listQuestions(db, q.id);
  return {
    ambito: { code: ambito.code, name: ambito.name },
    questionnaire: {
      title: q.title,
      intro: q.intro,
      personalDataPurpose: q.personalDataPurpose,
      retention: q.retention,
      opensOn: q.opensOn,
      closesOn: q.closesOn,
    },
    window: answerWindow(q, italianToday()),
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
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readByToken(context, params.code, params.token);
  return intentAction(request, {
    answer: async (_form, raw) => {
      await answerPublicQuestionnaire({ db, actor, ambitoId: ambito.id }, params.token, answersFromForm(raw));
      return redirect(`/ambiti/${ambito.code}/questionario/${params.token}?esito=inviata`);
    },
  });
}

export default function PublicQuestionnaire({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, questionnaire: q, window, questions } = loaderData;
  return (
    <>
      <PageHeader
        title={q.title}
        titleIsData
        context={ambito.name}
        lead={<span translate="no">{ambito.name}</span>}
        breadcrumb={[{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }]}
      />
      <DoneNotice messages={{ inviata: 'part.quest.done.answeredPublic' }} />
      {q.intro && (
        <p className="lead" translate="no">
          {q.intro}
        </p>
      )}
      <Notice>
        <p className="mb-0">{t('part.quest.public.onePerPerson')}</p>
      </Notice>
      {window !== 'open' ? (
        <EmptyState title={t(`part.quest.answer.window.${window}` as never, { opens: f.date(q.opensOn), closes: f.date(q.closesOn) })} />
      ) : (
        <AnswerForm actionData={actionData} questions={questions} personalDataPurpose={q.personalDataPurpose} retention={q.retention} />
      )}
    </>
  );
}
