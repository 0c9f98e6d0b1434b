// Questionnaires' writes (participation.command.ts pipeline): the Ufficio di Piano builds a questionnaire and its
// questions (editable only while draft), opens and closes it, records the figures published elsewhere; a member answers
// for its organisation (or as a person), anyone answers a public one by its link. One response per respondent key:
// checked first, and the unique index's refusal (two answers at the same moment) is the same message. Nothing is
// written when any answer is wrong. The audit keeps who answered what questionnaire, never the answers or personal data.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, lt, max, sql } from 'drizzle-orm';
import type { Tx } from '../../shared/db/client.ts';
import { pgErrorOf } from '../../shared/db/errors.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { registerMessages, type MessageKey } from '../../shared/i18n/messages.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { auditFact, command, type CommandContext, found, insertAudited, invalid, type ParticipationScope, updateAudited } from './participation.command.ts';
import * as messages from './participation.messages.ts';
import { answerWindow, statusChange, validateAnswer, type AnswerProblem, type AnswerValue, type RawAnswer } from './participation.questionnaires.rules.ts';
import {
  ImportFile,
  MoveInput,
  PersonalDataInput,
  PublishedFiguresInput,
  QuestionEdit,
  QuestionInput,
  QuestionnaireEdit,
  QuestionnaireInput,
  StatusInput,
  VersionInput,
} from './participation.questionnaires.validation.ts';
import { questionnaireAnswers, questionnaireQuestions, questionnaireResponses, questionnaires, tableMembers, thematicTables } from './participation.schema.ts';
import { isUuid, refuseControlCharactersInJson, requireRecordId } from '../../shared/validation.ts';

registerMessages(messages);

/** A public link's token: 144 random bits, URL-safe. */
export const newPublicToken = () => randomBytes(18).toString('base64url');

/** Today in Italy (the questionnaire's dates are Italian days). */
export const italianToday = (now = new Date()) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome' }).format(now);

async function questionnaireIn(tx: Tx, scope: ParticipationScope, id: string) {
  if (!isUuid(id)) throw new NotFoundError(tr('part.quest.what.questionnaire'));
  const [q] = await tx
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.id, id), eq(questionnaires.ambitoId, scope.id)));
  return found(q, tr('part.quest.what.questionnaire'));
}

async function questionIn(tx: Tx, scope: ParticipationScope, id: string) {
  // The question's id is a hidden field of the page's forms (`questionId`): not a UUID, the input is refused.
  requireRecordId(id, 'questionId');
  const [row] = await tx
    .select({ question: questionnaireQuestions, questionnaire: questionnaires })
    .from(questionnaireQuestions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireQuestions.questionnaireId))
    .where(and(eq(questionnaireQuestions.id, id), eq(questionnaires.ambitoId, scope.id)));
  return found(row, tr('part.quest.what.question'));
}

function draftOnly(q: { status: string }) {
  if (q.status !== 'bozza') throw new ValidationError([], tr('part.quest.err.notDraft'));
}

async function tableOfAmbito(tx: Tx, scope: ParticipationScope, tableId: string | null) {
  if (!tableId) return;
  const [t] = await tx
    .select({ id: thematicTables.id })
    .from(thematicTables)
    .where(and(eq(thematicTables.id, tableId), eq(thematicTables.ambitoId, scope.id)));
  if (!t) invalid('tableId', tr('part.quest.val.table'));
}

// ---------------------------------------------------------------- the questionnaire

export function createQuestionnaire(ctx: CommandContext, input: unknown) {
  return command(ctx, 'questionnaire.write', async (tx, scope) => {
    const v = parseInput(QuestionnaireInput, input);
    await tableOfAmbito(tx, scope, v.tableId);
    return insertAudited(
      tx,
      ctx,
      questionnaires,
      { ...v, ambitoId: scope.id, status: 'bozza', publicToken: v.audience === 'pubblico' ? newPublicToken() : null },
      { action: 'participation.questionnaire.created', entityType: 'questionnaire' },
    );
  });
}

/** The questionnaire's settings, while it is a draft (the public link keeps its token; a members' one has none). */
export function updateQuestionnaire(ctx: CommandContext, id: string, input: unknown) {
  return command(ctx, 'questionnaire.write', async (tx, scope) => {
    const v = parseInput(QuestionnaireEdit, input);
    const q = await questionnaireIn(tx, scope, id);
    draftOnly(q);
    await tableOfAmbito(tx, scope, v.tableId);
    const { version, ...patch } = v;
    const publicToken = patch.audience === 'pubblico' ? (q.publicToken ?? newPublicToken()) : null;
    return updateAudited(tx, ctx, questionnaires, id, {
      version,
      patch: { ...patch, publicToken },
      what: tr('part.quest.what.questionnaire'),
      action: 'participation.questionnaire.updated',
      entityType: 'questionnaire',
    });
  });
}

/** The figures published elsewhere (the plan's respondents): recorded in any status, they describe a fact outside Cantiere. */
export function setPublishedFigures(ctx: CommandContext, id: string, input: unknown) {
  return command(ctx, 'questionnaire.write', async (tx, scope) => {
    const v = parseInput(PublishedFiguresInput, input);
    await questionnaireIn(tx, scope, id);
    return updateAudited(tx, ctx, questionnaires, id, {
      version: v.version,
      patch: { publishedRespondents: v.publishedRespondents, publishedSource: v.publishedSource },
      what: tr('part.quest.what.questionnaire'),
      action: 'participation.questionnaire.published_figures',
      entityType: 'questionnaire',
    });
  });
}

export function changeQuestionnaireStatus(ctx: CommandContext, id: string, input: unknown) {
  return command(ctx, 'questionnaire.write', async (tx, scope) => {
    const v = parseInput(StatusInput, input);
    const q = await questionnaireIn(tx, scope, id);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(questionnaireQuestions)
      .where(eq(questionnaireQuestions.questionnaireId, id));
    const change = statusChange(q.status, v.status, n);
    if (change === 'noQuestions') invalid('status', tr('part.quest.err.noQuestions'));
    if (change === 'notAllowed')
      invalid(
        'status',
        tr('part.quest.err.statusChange', { from: tr(`part.quest.status.${q.status}` as MessageKey), to: tr(`part.quest.status.${v.status}` as MessageKey) }),
      );
    return updateAudited(tx, ctx, questionnaires, id, {
      version: v.version,
      patch: { status: v.status },
      what: tr('part.quest.what.questionnaire'),
      action: `participation.questionnaire.${v.status === 'aperto' ? 'opened' : 'closed'}`,
      entityType: 'questionnaire',
    });
  });
}

// ---------------------------------------------------------------- questions

export function addQuestion(ctx: CommandContext, questionnaireId: string, input: unknown) {
  return command(ctx, 'questionnaire.write', async (tx, scope) => {
    const v = parseInput(QuestionInput, input);
    const q = await questionnaireIn(tx, scope, questionnaireId);
    draftOnly(q);
    const [{ last } = { last: null }] = await tx
      .select({ last: max(questionnaireQuestions.position) })
      .from(questionnaireQuestions)
      .where(eq(questionnaireQuestions.questionnaireId, questionnaireId));
    return insertAudited(
      tx,
      ctx,
      questionnaireQuestions,
      { ...v, questionnaireId, position: (last ?? 0) + 1 },
      { action: 'participation.question.created', entityType: 'questionnaire_question' },
    );
  });
}

export function updateQuestion(ctx: CommandContext, questionId: string, input: unknown) {
  return command(ctx, 'questionnaire.write', async (tx, scope) => {
    const v = parseInput(QuestionEdit, input);
    const { questionnaire } = await questionIn(tx, scope, questionId);
    draftOnly(questionnaire);
    const { version, ...patch } = v;
    return updateAudited(tx, ctx, questionnaireQuestions, questionId, {
      version,
      patch,
      what: tr('part.quest.what.question'),
      action: 'participation.question.updated',
      entityType: 'questionnaire_question',
    });
  });
}

/** Moves a question up or down by swapping places with its neighbour (the moved question's version is checked). */
export function moveQuestion(ctx: CommandContext, questionId: string, input: unknown) {
  return command(ctx, 'questionnaire.write', async (tx, scope) => {
    const v = parseInput(MoveInput, input);
    const { question, questionnaire } = await questionIn(tx, scope, questionId);
    draftOnly(questionnaire);
    const up = v.direction === 'su';
    const [neighbour] = await tx
      .select()
      .from(questionnaireQuestions)
      .where(
        and(
          eq(questionnaireQuestions.questionnaireId, questionnaire.id),
          up ? lt(questionnaireQuestions.position, question.position) : gt(questionnaireQuestions.position, question.position),
        ),
      )
      .orderBy(up ? desc(questionnaireQuestions.position) : asc(questionnaireQuestions.position))
      .limit(1);
    if (!neighbour) invalid('direction', tr(up ? 'part.quest.err.first' : 'part.quest.err.last'));
    // The unique (questionnaire, position) index: the neighbour steps aside first.
    await tx.update(questionnaireQuestions).set({ position: -1 }).where(eq(questionnaireQuestions.id, neighbour.id));
    const moved = await updateAudited(tx, ctx, questionnaireQuestions, questionId, {
      version: v.version,
      patch: { position: neighbour.position },
      what: tr('part.quest.what.question'),
      action: 'participation.question.moved',
      entityType: 'questionnaire_question',
    });
    await tx
      .update(questionnaireQuestions)
      .set({ position: question.position, version: sql`${questionnaireQuestions.version} + 1`, updatedAt: new Date() })
      .where(eq(questionnaireQuestions.id, neighbour.id));
    return moved;
  });
}

export function deleteQuestion(ctx: CommandContext, questionId: string, input: unknown) {
  return command(ctx, 'questionnaire.write', async (tx, scope) => {
    const v = parseInput(VersionInput, input);
    const { question, questionnaire } = await questionIn(tx, scope, questionId);
    draftOnly(questionnaire);
    const deleted = await tx
      .delete(questionnaireQuestions)
      .where(and(eq(questionnaireQuestions.id, questionId), eq(questionnaireQuestions.version, v.version)))
      .returning();
    if (deleted.length === 0) throw new ConflictError(tr('part.quest.what.question'), question.version);
    await auditFact(tx, ctx, { action: 'participation.question.deleted', entityType: 'questionnaire_question', entityId: questionId, before: question });
    return question;
  });
}

// ---------------------------------------------------------------- answers

export interface AnswerInput {
  /** The question's id → what the form sent (a value, several, or nothing). */
  answers: Record<string, RawAnswer>;
  /** For a member acting for several organisations: which one answers. */
  organisationId?: string | null;
  respondentName?: string | null;
  respondentEmail?: string | null;
}

const problemKey: Record<AnswerProblem, MessageKey> = {
  required: 'part.quest.ans.required',
  notInList: 'part.quest.ans.notInList',
  oneOnly: 'part.quest.ans.oneOnly',
  notANumber: 'part.quest.ans.notANumber',
  notInteger: 'part.quest.ans.notInteger',
  outOfRange: 'part.quest.ans.outOfRange',
  tooLong: 'part.quest.ans.tooLong',
};

const isUniqueViolation = (e: unknown): boolean => pgErrorOf(e)?.code === '23505';

/** Checks every answer against its question (all problems at once, by question), then the window and the personal data. */
/** A questionnaire that is not open today (draft, closed, before or after its dates) takes no answer. */
function windowOpen(q: typeof questionnaires.$inferSelect, today: string) {
  const window = answerWindow(q, today);
  if (window === 'open') return;
  const f = serverFormat();
  throw new ValidationError(
    [],
    tr(`part.quest.err.window.${window}` as MessageKey, { opens: q.opensOn ? f.date(q.opensOn) : '', closes: q.closesOn ? f.date(q.closesOn) : '' }),
  );
}

async function checkedAnswers(tx: Tx, q: typeof questionnaires.$inferSelect, input: AnswerInput, today: string) {
  windowOpen(q, today);
  const questions = await tx
    .select()
    .from(questionnaireQuestions)
    .where(eq(questionnaireQuestions.questionnaireId, q.id))
    .orderBy(asc(questionnaireQuestions.position));
  const issues: { path: string; message: string }[] = [];
  const values: { questionId: string; value: AnswerValue }[] = [];
  for (const [i, question] of questions.entries()) {
    const r = validateAnswer(question, input.answers[question.id]);
    if (!r.ok)
      issues.push({
        path: `q-${question.id}`,
        message: tr(problemKey[r.problem], { n: i + 1, min: question.scaleMin ?? '', max: question.scaleMax ?? '' }),
      });
    else if (r.value !== null) values.push({ questionId: question.id, value: r.value });
  }
  let personal: { respondentName: string | null; respondentEmail: string | null } = { respondentName: null, respondentEmail: null };
  if (q.personalDataPurpose) {
    const p = PersonalDataInput.safeParse({ respondentName: input.respondentName ?? '', respondentEmail: input.respondentEmail ?? '' });
    if (!p.success) for (const i of p.error.issues) issues.push({ path: i.path.map(String).join('.'), message: i.message });
    else personal = p.data;
  }
  if (issues.length) throw new ValidationError(issues, tr('part.quest.ans.errors', { n: issues.length }));
  if (values.length === 0) throw new ValidationError([], tr('part.quest.ans.empty'));
  return { values, personal };
}

async function writeResponse(
  tx: Tx,
  ctx: CommandContext,
  q: typeof questionnaires.$inferSelect,
  who: { respondentKey: string; organisationId: string | null; userId: string | null },
  checked: Awaited<ReturnType<typeof checkedAnswers>>,
  already: string,
) {
  let response: typeof questionnaireResponses.$inferSelect;
  try {
    // A savepoint: the unique index's refusal (a second answer at the same moment) leaves the transaction usable.
    response = await tx.transaction(async (sp) => {
      const [row] = await sp
        .insert(questionnaireResponses)
        .values({ questionnaireId: q.id, ...who, ...checked.personal })
        .returning();
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError([], already);
    throw e;
  }
  await tx.insert(questionnaireAnswers).values(checked.values.map((a) => ({ ...a, responseId: response.id })));
  await auditFact(tx, ctx, {
    action: 'participation.questionnaire.answered',
    entityType: 'questionnaire_response',
    entityId: response.id,
    after: { questionnaireId: q.id, respondentKey: who.respondentKey.startsWith('anon:') ? 'anon' : who.respondentKey, answers: checked.values.length },
  });
  return response;
}

/**
 * A member's answer (audience «membri»): for its organisation (one per organisation) or as a person (one per user).
 * The organisation must be one the actor acts for and, when the questionnaire is a table's, a current member of it.
 */
export function answerQuestionnaire(ctx: CommandContext, questionnaireId: string, input: AnswerInput, options: { today?: string } = {}) {
  const acting =
    ctx.actor.kind === 'user'
      ? ctx.actor.grants.filter((g) => g.role === 'third_sector' && g.ambitoId === ctx.ambitoId && g.organisationId).map((g) => g.organisationId!)
      : [];
  const organisationId = input.organisationId || acting[0] || null;
  return command(
    ctx,
    'questionnaire.answer',
    async (tx, scope) => {
      const q = await questionnaireIn(tx, scope, questionnaireId);
      if (q.audience !== 'membri') throw new ValidationError([], tr('part.quest.err.notMembers'));
      if (q.tableId) {
        const [member] = await tx
          .select({ id: tableMembers.id })
          .from(tableMembers)
          .where(and(eq(tableMembers.tableId, q.tableId), eq(tableMembers.organisationId, organisationId!), isNull(tableMembers.leftOn)));
        if (!member) throw new ValidationError([], tr('part.quest.err.notTableMember'));
      }
      const today = options.today ?? italianToday();
      windowOpen(q, today);
      const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
      const respondentKey = q.respondent === 'organizzazione' ? `org:${organisationId}` : `user:${userId}`;
      const [previous] = await tx
        .select({ submittedAt: questionnaireResponses.submittedAt })
        .from(questionnaireResponses)
        .where(and(eq(questionnaireResponses.questionnaireId, q.id), eq(questionnaireResponses.respondentKey, respondentKey)));
      const already = (at: Date | string) =>
        tr(q.respondent === 'organizzazione' ? 'part.quest.err.alreadyOrg' : 'part.quest.err.alreadyPerson', {
          date: serverFormat().date(new Date(at).toISOString().slice(0, 10)),
        });
      if (previous) throw new ValidationError([], already(previous.submittedAt));
      const checked = await checkedAnswers(tx, q, input, today);
      return writeResponse(tx, ctx, q, { respondentKey, organisationId, userId }, checked, already(new Date()));
    },
    { organisationId },
  );
}

/**
 * An answer by the public link (anyone, signed in or not). One answer per person cannot be enforced for the public:
 * each answer gets a random respondent key, and nothing about the browser or the person is kept unless the
 * questionnaire asks (and says why).
 */
export function answerPublicQuestionnaire(ctx: CommandContext, token: string, input: AnswerInput, options: { today?: string } = {}) {
  return command(ctx, 'questionnaire.answerPublic', async (tx, scope) => {
    const [q] = await tx
      .select()
      .from(questionnaires)
      .where(and(eq(questionnaires.publicToken, token), eq(questionnaires.ambitoId, scope.id), eq(questionnaires.audience, 'pubblico')));
    const questionnaire = await found(q, tr('part.quest.what.questionnaire'));
    const checked = await checkedAnswers(tx, questionnaire, input, options.today ?? italianToday());
    const respondentKey = `anon:${randomBytes(12).toString('base64url')}`;
    return writeResponse(
      tx,
      ctx,
      questionnaire,
      { respondentKey, organisationId: null, userId: null },
      checked,
      tr('part.quest.err.alreadyPerson', { date: serverFormat().date(italianToday()) }),
    );
  });
}

/** Reads a submitted answer form: `q-<question id>` fields (several for a multiple choice). */
export function answersFromForm(raw: FormData): AnswerInput {
  const answers: Record<string, string[]> = {};
  for (const [key, value] of raw.entries()) {
    if (!key.startsWith('q-') || typeof value !== 'string') continue;
    (answers[key.slice(2)] ??= []).push(value);
  }
  const text = (k: string) => (typeof raw.get(k) === 'string' ? (raw.get(k) as string) : null);
  return { answers, organisationId: text('organisationId'), respondentName: text('respondentName'), respondentEmail: text('respondentEmail') };
}

// ---------------------------------------------------------------- import (demo, fixtures)

/**
 * Imports questionnaires from a JSON file (fixtures/demo/<ambito>/partecipazione): all or nothing, in one
 * transaction; a questionnaire whose title the Ambito already has is left alone (idempotent). The Ufficio di Piano's
 * right (questionnaire.write) is checked first.
 */
export function importQuestionnaires(ctx: CommandContext, file: { fileName: string; text: string }) {
  return command(ctx, 'questionnaire.write', async (tx, scope) => {
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch {
      invalid(file.fileName, tr('part.quest.import.json'));
    }
    refuseControlCharactersInJson(json, file.fileName);
    const parsed = ImportFile.safeParse(json);
    if (!parsed.success)
      throw new ValidationError(
        parsed.error.issues.map((i) => ({ path: `${file.fileName}: ${i.path.map(String).join('.')}`, message: i.message })),
        tr('part.quest.import.invalid', { file: file.fileName }),
      );
    if (parsed.data.ambitoCode !== scope.code) invalid(file.fileName, tr('part.quest.import.ambito', { code: parsed.data.ambitoCode }));
    const created: string[] = [];
    for (const [i, item] of parsed.data.questionnaires.entries()) {
      const [existing] = await tx
        .select({ id: questionnaires.id })
        .from(questionnaires)
        .where(and(eq(questionnaires.ambitoId, scope.id), eq(questionnaires.title, item.title)));
      if (existing) continue;
      let tableId: string | null = null;
      if (item.tableName) {
        const [t] = await tx
          .select({ id: thematicTables.id })
          .from(thematicTables)
          .where(and(eq(thematicTables.ambitoId, scope.id), eq(thematicTables.name, item.tableName)));
        if (!t) invalid(`${file.fileName}: questionnaires.${i}.tableName`, tr('part.quest.val.table'));
        tableId = t.id;
      }
      if (item.audience === 'pubblico' && item.respondent !== 'persona')
        invalid(`${file.fileName}: questionnaires.${i}.respondent`, tr('part.quest.val.publicPerPerson'));
      const { questions, tableName: _t, publicToken, ...fields } = item;
      const q = await insertAudited(
        tx,
        ctx,
        questionnaires,
        {
          ...fields,
          intro: fields.intro ?? null,
          opensOn: fields.opensOn ?? null,
          closesOn: fields.closesOn ?? null,
          personalDataPurpose: fields.personalDataPurpose ?? null,
          publishedRespondents: fields.publishedRespondents ?? null,
          publishedSource: fields.publishedSource ?? null,
          ambitoId: scope.id,
          tableId,
          publicToken: item.audience === 'pubblico' ? (publicToken ?? newPublicToken()) : null,
        },
        { action: 'participation.questionnaire.imported', entityType: 'questionnaire' },
      );
      for (const [p, question] of questions.entries()) {
        const at = `${file.fileName}: questionnaires.${i}.questions.${p}`;
        let v: QuestionInput;
        try {
          v = parseInput(QuestionInput, { ...question, required: question.required });
        } catch (error) {
          // A refused question is named by its place in the file, as the file's other problems are.
          if (!(error instanceof ValidationError)) throw error;
          const issues = error.issues.map((issue) => ({ path: `${at}.${issue.path}`, message: issue.message }));
          throw new ValidationError(issues, tr('part.quest.import.invalid', { file: file.fileName }));
        }
        if (question.kind === 'scelta_singola' || question.kind === 'scelta_multipla') {
          const unknown = Object.keys(question.publishedShares ?? {}).filter((k) => !question.options.includes(k));
          if (unknown.length) invalid(`${at}.publishedShares`, tr('part.quest.val.shareOption', { option: unknown.join(', ') }));
        }
        await tx.insert(questionnaireQuestions).values({ ...v, questionnaireId: q.id, position: p + 1 });
      }
      created.push(q.id);
    }
    return { created: created.length };
  });
}
