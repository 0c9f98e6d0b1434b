import type { Route } from './+types/questionnaire-responses-csv';
import { guard } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { responsesCsv } from '../participation.questionnaires.queries.ts';
import { authorize } from '../participation.policy.ts';
import { readQuestionnaire } from './questionnaires.server.ts';

/** The individual responses as CSV: the Ufficio di Piano only (responses.read); see responsesCsv for the columns. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito, questionnaire: q } = await readQuestionnaire(context, request, params.code, params.qid);
  await guard(request, async () => authorize(actor, 'responses.read', ambito));
  const body = await responsesCsv(db, q, {
    response: tr('part.quest.csv.response'),
    submittedAt: tr('part.quest.csv.submittedAt'),
    organisation: tr('part.quest.csv.organisation'),
    name: tr('part.quest.csv.name'),
    email: tr('part.quest.csv.email'),
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="questionario-${q.id.slice(0, 8)}-risposte.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
