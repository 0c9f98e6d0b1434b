// What the questionnaire pages do first: the reader of the Ambito and the questionnaire, 404 when it is not the
// Ambito's (or, for a reader who does not build questionnaires, when it is still a draft).
import { data, type RouterContextProvider } from 'react-router';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { getQuestionnaire } from '../participation.questionnaires.queries.ts';
import { readParticipation } from './participation.server.ts';

export async function readQuestionnaire(context: Readonly<RouterContextProvider>, request: Request, code: string, id: string) {
  const reader = await readParticipation(context, request, code);
  const questionnaire = await getQuestionnaire(reader.db, reader.ambito.id, id);
  if (!questionnaire || (questionnaire.status === 'bozza' && !reader.can['questionnaire.write'])) throw data(tr('part.quest.notFound'), { status: 404 });
  return { ...reader, questionnaire };
}
