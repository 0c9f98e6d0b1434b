// Questionnaires' reads: the list, one questionnaire with its questions, the aggregates computed from the records at
// this moment (participation.questionnaires.rules.ts) beside the published figures, and the individual responses
// (for the Ufficio di Piano, or an organisation's own).
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { writeCsv } from '../../shared/exports/csv.ts';
import { organisations } from '../governance/index.server.ts';
import { aggregateQuestion, answerCell, respondentsComparison, type AnswerValue, type QuestionFigures } from './participation.questionnaires.rules.ts';
import { questionnaireAnswers, questionnaireQuestions, questionnaireResponses, questionnaires, thematicTables } from './participation.schema.ts';

export type Questionnaire = typeof questionnaires.$inferSelect;
export type Question = typeof questionnaireQuestions.$inferSelect;

const isId = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** The Ambito's questionnaires (drafts only when asked: the Ufficio di Piano's), with their questions and responses counted. */
export async function listQuestionnaires(db: DbOrTx, ambitoId: string, options: { drafts: boolean }) {
  const rows = await db
    .select({
      id: questionnaires.id,
      title: questionnaires.title,
      audience: questionnaires.audience,
      respondent: questionnaires.respondent,
      status: questionnaires.status,
      opensOn: questionnaires.opensOn,
      closesOn: questionnaires.closesOn,
      tableId: questionnaires.tableId,
      tableName: thematicTables.name,
      publishedRespondents: questionnaires.publishedRespondents,
      questions: sql<number>`(select count(*)::int from ${questionnaireQuestions} where ${questionnaireQuestions.questionnaireId} = ${questionnaires.id})`,
      responses: sql<number>`(select count(*)::int from ${questionnaireResponses} where ${questionnaireResponses.questionnaireId} = ${questionnaires.id})`,
    })
    .from(questionnaires)
    .leftJoin(thematicTables, eq(thematicTables.id, questionnaires.tableId))
    .where(and(eq(questionnaires.ambitoId, ambitoId), options.drafts ? undefined : sql`${questionnaires.status} <> 'bozza'`))
    .orderBy(desc(questionnaires.createdAt), asc(questionnaires.title));
  return rows;
}

export async function getQuestionnaire(db: DbOrTx, ambitoId: string, id: string): Promise<(Questionnaire & { tableName: string | null }) | null> {
  if (!isId(id)) return null;
  const [row] = await db
    .select({ q: questionnaires, tableName: thematicTables.name })
    .from(questionnaires)
    .leftJoin(thematicTables, eq(thematicTables.id, questionnaires.tableId))
    .where(and(eq(questionnaires.id, id), eq(questionnaires.ambitoId, ambitoId)));
  return row ? { ...row.q, tableName: row.tableName } : null;
}

/** A public questionnaire by its link's token (only the «pubblico» audience has one). */
export async function getPublicQuestionnaire(db: DbOrTx, ambitoId: string, token: string): Promise<Questionnaire | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.publicToken, token), eq(questionnaires.ambitoId, ambitoId), eq(questionnaires.audience, 'pubblico')));
  return row ?? null;
}

export function listQuestions(db: DbOrTx, questionnaireId: string): Promise<Question[]> {
  return db
    .select()
    .from(questionnaireQuestions)
    .where(eq(questionnaireQuestions.questionnaireId, questionnaireId))
    .orderBy(asc(questionnaireQuestions.position));
}

/** The Ambito's tables (for the audience drop-down). */
export function listTablesForAudience(db: DbOrTx, ambitoId: string) {
  return db
    .select({ id: thematicTables.id, name: thematicTables.name })
    .from(thematicTables)
    .where(eq(thematicTables.ambitoId, ambitoId))
    .orderBy(asc(thematicTables.name));
}

async function answersOf(db: DbOrTx, questionnaireId: string) {
  return db
    .select({ responseId: questionnaireAnswers.responseId, questionId: questionnaireAnswers.questionId, value: questionnaireAnswers.value })
    .from(questionnaireAnswers)
    .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireAnswers.responseId))
    .where(eq(questionnaireResponses.questionnaireId, questionnaireId));
}

export interface QuestionResult {
  question: Question;
  figures: QuestionFigures;
}

/**
 * The aggregates of a questionnaire, from the records at this moment: responses against the published respondents,
 * and per question its figures. Free texts are included only when `texts` (the Ufficio di Piano: they may name
 * people or describe their hardship), otherwise only counted.
 */
export async function questionnaireResults(db: DbOrTx, q: Questionnaire, options: { texts: boolean }) {
  const [questions, answers, [{ n } = { n: 0 }]] = await Promise.all([
    listQuestions(db, q.id),
    answersOf(db, q.id),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(questionnaireResponses)
      .where(eq(questionnaireResponses.questionnaireId, q.id)),
  ]);
  const results: QuestionResult[] = questions.map((question) => {
    const values = answers.filter((a) => a.questionId === question.id).map((a) => a.value as AnswerValue);
    const figures = aggregateQuestion(question, values, n);
    return { question, figures: options.texts ? figures : { ...figures, texts: [] } };
  });
  return { respondents: respondentsComparison(n, q.publishedRespondents), results };
}

export interface ResponseRow {
  id: string;
  submittedAt: string;
  organisationId: string | null;
  organisationName: string | null;
  respondentName: string | null;
  respondentEmail: string | null;
  answers: Record<string, AnswerValue>;
}

/**
 * The individual responses, oldest first: all of them (the Ufficio di Piano), or only those of the given
 * organisations / user (a member sees its own).
 */
export async function listResponses(db: DbOrTx, questionnaireId: string, only?: { organisationIds: string[]; userId: string | null }): Promise<ResponseRow[]> {
  const mine = only
    ? or(
        only.organisationIds.length ? inArray(questionnaireResponses.organisationId, only.organisationIds) : sql`false`,
        only.userId ? eq(questionnaireResponses.userId, only.userId) : sql`false`,
      )
    : undefined;
  const responses = await db
    .select({
      id: questionnaireResponses.id,
      submittedAt: questionnaireResponses.submittedAt,
      organisationId: questionnaireResponses.organisationId,
      organisationName: organisations.name,
      respondentName: questionnaireResponses.respondentName,
      respondentEmail: questionnaireResponses.respondentEmail,
    })
    .from(questionnaireResponses)
    .leftJoin(organisations, eq(organisations.id, questionnaireResponses.organisationId))
    .where(and(eq(questionnaireResponses.questionnaireId, questionnaireId), mine))
    .orderBy(asc(questionnaireResponses.submittedAt), asc(questionnaireResponses.id));
  if (responses.length === 0) return [];
  const answers = await db
    .select({ responseId: questionnaireAnswers.responseId, questionId: questionnaireAnswers.questionId, value: questionnaireAnswers.value })
    .from(questionnaireAnswers)
    .where(
      inArray(
        questionnaireAnswers.responseId,
        responses.map((r) => r.id),
      ),
    );
  return responses.map((r) => ({
    ...r,
    submittedAt: new Date(r.submittedAt).toISOString(),
    answers: Object.fromEntries(answers.filter((a) => a.responseId === r.id).map((a) => [a.questionId, a.value as AnswerValue])),
  }));
}

/**
 * The individual responses as CSV (UTF-8 with BOM, `;`, as the kit's tables export): one row per response, one
 * column per question (D1, D2… with the question in the header), several choices joined by « | ». The
 * organisation's name when the questionnaire is answered per organisation; name and e-mail only when the
 * questionnaire states why it asks them. `headers` are the fixed columns' names in the reader's language.
 */
export async function responsesCsv(
  db: DbOrTx,
  q: Questionnaire,
  headers: { response: string; submittedAt: string; organisation: string; name: string; email: string },
): Promise<string> {
  const [questions, responses] = await Promise.all([listQuestions(db, q.id), listResponses(db, q.id)]);
  const perOrganisation = q.respondent === 'organizzazione';
  const personal = !!q.personalDataPurpose;
  const header = [
    headers.response,
    headers.submittedAt,
    ...(perOrganisation ? [headers.organisation] : []),
    ...(personal ? [headers.name, headers.email] : []),
    ...questions.map((question, i) => `D${i + 1} ${question.label}`),
  ];
  const rows = responses.map((r, i) => [
    i + 1,
    r.submittedAt,
    ...(perOrganisation ? [r.organisationName ?? ''] : []),
    ...(personal ? [r.respondentName ?? '', r.respondentEmail ?? ''] : []),
    ...questions.map((question) => answerCell(r.answers[question.id])),
  ]);
  return writeCsv(header, rows);
}
