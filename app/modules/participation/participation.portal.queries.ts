// What the public portal reads of participation (portal module): the Ambito's calls (manifestazioni di interesse) with
// where each stands today, and the questionnaires anyone can answer by their public link. Explicit columns: no
// application, applicant, answer or personal datum leaves this file.
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { callState, type CallState } from './participation.call.rules.ts';
import { answerWindow, type AnswerWindow } from './participation.questionnaires.rules.ts';
import { openCalls, questionnaires } from './participation.schema.ts';

export interface PortalCall {
  id: string;
  title: string;
  opensOn: string;
  closesOn: string;
  periodStartYear: number;
  periodEndYear: number;
  /** Where the call stands on `today`: programmato, aperto, chiuso (participation.call.rules.ts). */
  state: CallState;
}

/** The Ambito's calls, the latest opening first, with their state on `today` (ISO day, Europe/Rome). */
export async function listPortalCalls(db: DbOrTx, ambitoId: string, today: string): Promise<PortalCall[]> {
  const rows = await db
    .select({
      id: openCalls.id,
      title: openCalls.title,
      opensOn: openCalls.opensOn,
      closesOn: openCalls.closesOn,
      closedAt: openCalls.closedAt,
      periodStartYear: openCalls.periodStartYear,
      periodEndYear: openCalls.periodEndYear,
    })
    .from(openCalls)
    .where(eq(openCalls.ambitoId, ambitoId))
    .orderBy(desc(openCalls.opensOn), asc(openCalls.title));
  return rows.map(({ closedAt, ...r }) => ({ ...r, state: callState({ opensOn: r.opensOn, closesOn: r.closesOn, closedAt }, today) }));
}

export interface PortalQuestionnaire {
  id: string;
  title: string;
  opensOn: string | null;
  closesOn: string | null;
  /** The token of the public link (`/ambiti/<codice>/questionario/<token>`). */
  token: string;
  /** Whether it takes answers on `today` (participation.questionnaires.rules.ts answerWindow). */
  window: AnswerWindow;
}

/** The Ambito's public questionnaires (audience «pubblico», with a link, not drafts), newest first. */
export async function listPortalQuestionnaires(db: DbOrTx, ambitoId: string, today: string): Promise<PortalQuestionnaire[]> {
  const rows = await db
    .select({
      id: questionnaires.id,
      title: questionnaires.title,
      status: questionnaires.status,
      opensOn: questionnaires.opensOn,
      closesOn: questionnaires.closesOn,
      token: questionnaires.publicToken,
    })
    .from(questionnaires)
    .where(and(eq(questionnaires.ambitoId, ambitoId), eq(questionnaires.audience, 'pubblico'), isNotNull(questionnaires.publicToken)))
    .orderBy(desc(questionnaires.createdAt), asc(questionnaires.title));
  return rows
    .filter((r) => r.status !== 'bozza' && r.token)
    .map(({ status, token, ...r }) => ({ ...r, token: token!, window: answerWindow({ status, opensOn: r.opensOn, closesOn: r.closesOn }, today) }));
}
