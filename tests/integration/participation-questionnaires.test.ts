import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import type { Actor, UserActor } from '../../app/shared/auth/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../app/shared/errors.ts';
import { loadDemo } from '../../app/modules/demo.server.ts';
import { bodies, organisations } from '../../app/modules/governance/governance.schema.ts';
import {
  addQuestion,
  answerPublicQuestionnaire,
  answerQuestionnaire,
  changeQuestionnaireStatus,
  createQuestionnaire,
  deleteQuestion,
  importQuestionnaires,
  moveQuestion,
  setPublishedFigures,
  updateQuestion,
  updateQuestionnaire,
} from '../../app/modules/participation/participation.questionnaires.commands.ts';
import { can } from '../../app/modules/participation/participation.policy.ts';
import {
  getPublicQuestionnaire,
  listQuestionnaires,
  listQuestions,
  listResponses,
  questionnaireResults,
  responsesCsv,
} from '../../app/modules/participation/participation.questionnaires.queries.ts';
import {
  questionnaireAnswers,
  questionnaireResponses,
  questionnaires,
  tableMembers,
  thematicTables,
} from '../../app/modules/participation/participation.schema.ts';
import type { Db } from '../../app/shared/db/client.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const TODAY = '2026-12-05';
const CSV_HEADERS = { response: 'risposta', submittedAt: 'inviata_il', organisation: 'organizzazione', name: 'nome', email: 'email' };

/** A third-sector member acting for one organisation (its own user id, so that per-person keys differ). */
function member(ambitoId: string, organisationId: string, n: number): UserActor {
  const a = actorWith('third_sector', { ambitoId, organisationId }) as UserActor;
  return { ...a, userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, email: `membro${n}@test.example` };
}

async function writes(db: Db) {
  const [r] = await db.select({ n: count() }).from(questionnaireResponses);
  const [a] = await db.select({ n: count() }).from(questionnaireAnswers);
  const [l] = await db.select({ n: count() }).from(auditLog);
  return { responses: r!.n, answers: a!.n, audit: l!.n };
}

async function refused<T extends Error>(p: Promise<unknown>, type: new (...a: never[]) => T, match?: RegExp): Promise<T> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof type, `expected ${type.name}, got ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
    if (match) assert.match(JSON.stringify({ m: (e as Error).message, i: (e as { issues?: unknown }).issues }), match);
    return e as T;
  }
  assert.fail(`expected ${type.name}`);
}

describe('participation: questionnaires', async () => {
  const database = await createTestDatabase();
  const db = database.db;
  let ambitoId: string;
  let regionCode: string;
  let office: Actor;
  let orgA: string;
  let orgB: string;
  let memberA: UserActor;
  let memberB: UserActor;

  before(async () => {
    const { gallarate } = await seedDemo(db);
    ambitoId = gallarate.id;
    regionCode = gallarate.regionCode;
    office = actorWith('coordinator', { ambitoId });
    const orgs = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.ambitoId, ambitoId)).limit(2);
    orgA = orgs[0]!.id;
    orgB = orgs[1]!.id;
    memberA = member(ambitoId, orgA, 1);
    memberB = member(ambitoId, orgB, 2);
  });
  after(() => database.close());

  test('the demo: the preliminary 2024 questionnaire with its published figures and no answer; a second load adds nothing', async () => {
    const list = await listQuestionnaires(db, ambitoId, { drafts: true });
    assert.equal(list.length, 3);
    const pre = list.find((q) => q.title.startsWith('Questionario preliminare'))!;
    assert.equal(pre.status, 'chiuso');
    assert.equal(pre.publishedRespondents, 10);
    assert.equal(pre.responses, 0);
    assert.equal(pre.questions, 4);
    const [q] = await db.select().from(questionnaires).where(eq(questionnaires.id, pre.id));
    const { respondents, results } = await questionnaireResults(db, q!, { texts: true });
    assert.deepEqual(respondents, { computed: 0, published: 10, difference: -10 });
    const q1 = results[0]!;
    assert.match(q1.question.label, /^Negli ultimi tre anni il volume di persone in condizione di bisogno sociale/);
    assert.deepEqual(
      q1.figures.options.map((o) => [o.option, o.count, o.share, o.published]),
      [
        ['Aumentato', 0, null, 66.7],
        ['Rimasto abbastanza stabile', 0, null, 33.3],
        ['Diminuito', 0, null, 0],
      ],
    );
    // The public one keeps its fixed demo token; the members' one is open.
    assert.ok(await getPublicQuestionnaire(db, ambitoId, 'dimostrativo-cittadini-2026'));
    assert.equal(list.find((q) => q.title.startsWith('Questionario di valutazione'))!.status, 'aperto');
    await loadDemo(db);
    assert.equal((await listQuestionnaires(db, ambitoId, { drafts: true })).length, 3);
  });

  test('the import is all or nothing', async () => {
    const before = await listQuestionnaires(db, ambitoId, { drafts: true });
    const file = {
      fileName: 'q.json',
      text: JSON.stringify({
        ambitoCode: 'gallarate',
        questionnaires: [
          {
            title: 'Primo valido',
            audience: 'membri',
            respondent: 'organizzazione',
            status: 'bozza',
            retention: 'Un anno',
            questions: [{ kind: 'testo', label: 'Che cosa?' }],
          },
          {
            title: 'Secondo rotto',
            audience: 'membri',
            respondent: 'organizzazione',
            status: 'bozza',
            retention: 'Un anno',
            questions: [{ kind: 'scala', label: 'Quanto?' }],
          },
        ],
      }),
    };
    await refused(importQuestionnaires({ db, actor: office, ambitoId }, file), ValidationError, /Scala/);
    assert.equal((await listQuestionnaires(db, ambitoId, { drafts: true })).length, before.length);
    await refused(importQuestionnaires({ db, actor: memberA, ambitoId }, file), ForbiddenError);
  });

  test('build → open → answer (member) → results against the records; twice refused; edits locked after opening', async () => {
    const ctx = { db, actor: office, ambitoId };
    // Only the Ufficio di Piano builds.
    await refused(
      createQuestionnaire({ db, actor: memberA, ambitoId }, { title: 'X', audience: 'membri', respondent: 'organizzazione', retention: 'x' }),
      ForbiddenError,
    );
    await refused(
      createQuestionnaire(ctx, { title: 'Valutazione', audience: 'membri', respondent: 'organizzazione', retention: '' }),
      ValidationError,
      /retention/,
    );
    await refused(
      createQuestionnaire(ctx, { title: 'Pubblico per organizzazione', audience: 'pubblico', respondent: 'organizzazione', retention: 'Un anno' }),
      ValidationError,
      /respondent/,
    );
    const q = await createQuestionnaire(ctx, {
      title: 'Valutazione intermedia di prova',
      intro: 'Prova',
      audience: 'membri',
      respondent: 'organizzazione',
      opensOn: '2026-11-01',
      closesOn: '2027-01-31',
      retention: 'Fino alla relazione finale',
    });
    assert.equal(q.status, 'bozza');
    assert.equal(q.publicToken, null);
    await refused(changeQuestionnaireStatus(ctx, q.id, { version: q.version, status: 'aperto' }), ValidationError, /almeno una domanda/);

    const single = await addQuestion(ctx, q.id, {
      kind: 'scelta_singola',
      label: 'Il volume del bisogno è',
      required: 'on',
      options: 'Aumentato\nStabile\nDiminuito',
    });
    const multi = await addQuestion(ctx, q.id, { kind: 'scelta_multipla', label: 'Aree prioritarie', options: ['Anziani', 'Disabilità', 'Minori'] });
    const scale = await addQuestion(ctx, q.id, { kind: 'scala', label: 'Soddisfazione', required: 'on', scaleMin: '1', scaleMax: '5' });
    const number = await addQuestion(ctx, q.id, { kind: 'numero', label: 'Persone coinvolte' });
    const text = await addQuestion(ctx, q.id, { kind: 'testo', label: 'Suggerimenti' });
    await refused(addQuestion(ctx, q.id, { kind: 'scelta_singola', label: 'Una sola opzione', options: 'Sì' }), ValidationError, /almeno due opzioni/);
    await refused(addQuestion(ctx, q.id, { kind: 'scala', label: 'Scala rotta', scaleMin: '5', scaleMax: '1' }), ValidationError, /scaleMax/);
    await refused(
      addQuestion(ctx, q.id, { kind: 'scelta_singola', label: 'Quote sbagliate', options: 'A\nB', publishedShares: 'C = 10' }),
      ValidationError,
      /non è fra le opzioni/,
    );

    // Ordered: move the text up, then back down; a stale version is a conflict.
    const moved = await moveQuestion(ctx, text.id, { version: text.version, direction: 'su' });
    assert.deepEqual(
      (await listQuestions(db, q.id)).map((x) => x.label),
      ['Il volume del bisogno è', 'Aree prioritarie', 'Soddisfazione', 'Suggerimenti', 'Persone coinvolte'],
    );
    await refused(moveQuestion(ctx, text.id, { version: text.version, direction: 'giu' }), ConflictError);
    await moveQuestion(ctx, text.id, { version: moved.version, direction: 'giu' });
    await refused(moveQuestion(ctx, single.id, { version: single.version, direction: 'su' }), ValidationError, /già la prima/);
    // Versioned edits.
    const edited = await updateQuestion(ctx, single.id, {
      version: single.version,
      kind: 'scelta_singola',
      label: 'Il volume del bisogno negli ultimi tre anni è',
      required: 'on',
      options: 'Aumentato\nStabile\nDiminuito',
      publishedShares: 'Aumentato = 66,7\nStabile = 33,3',
    });
    assert.equal(edited.version, single.version + 1);
    assert.deepEqual(edited.publishedShares, { Aumentato: 66.7, Stabile: 33.3 });
    await refused(updateQuestion(ctx, single.id, { version: single.version, kind: 'testo', label: 'Vecchia' }), ConflictError);
    const extra = await addQuestion(ctx, q.id, { kind: 'testo', label: 'Da eliminare' });
    await deleteQuestion(ctx, extra.id, { version: extra.version });
    assert.equal((await listQuestions(db, q.id)).length, 5);

    // Answering a draft is refused.
    await refused(
      answerQuestionnaire({ db, actor: memberA, ambitoId }, q.id, { answers: { [single.id]: 'Aumentato', [scale.id]: '4' } }, { today: TODAY }),
      ValidationError,
      /bozza/,
    );

    const opened = await changeQuestionnaireStatus(ctx, q.id, { version: q.version, status: 'aperto' });
    assert.equal(opened.status, 'aperto');
    await refused(addQuestion(ctx, q.id, { kind: 'testo', label: 'Troppo tardi' }), ValidationError, /non è più in bozza/);
    await refused(updateQuestion(ctx, text.id, { version: 99, kind: 'testo', label: 'Troppo tardi' }), ValidationError, /non è più in bozza/);
    await refused(
      updateQuestionnaire(ctx, q.id, { version: opened.version, title: 'Nuovo', audience: 'membri', respondent: 'organizzazione', retention: 'x x x' }),
      ValidationError,
      /non è più in bozza/,
    );
    // The office answers nothing (it does not act for an organisation).
    await refused(answerQuestionnaire(ctx, q.id, { answers: {} }, { today: TODAY }), ForbiddenError);
    // Outside its dates.
    await refused(
      answerQuestionnaire({ db, actor: memberA, ambitoId }, q.id, { answers: { [single.id]: 'Aumentato', [scale.id]: '4' } }, { today: '2027-02-01' }),
      ValidationError,
      /si è chiuso/,
    );

    const A = { db, actor: memberA, ambitoId };
    await answerQuestionnaire(
      A,
      q.id,
      { answers: { [single.id]: 'Aumentato', [multi.id]: ['Anziani', 'Minori'], [scale.id]: '4', [number.id]: '12,5', [text.id]: 'Più trasporti' } },
      { today: TODAY },
    );
    await answerQuestionnaire({ db, actor: memberB, ambitoId }, q.id, { answers: { [single.id]: 'Stabile', [scale.id]: '2' } }, { today: TODAY });

    // Answered twice: refused with a clear message, nothing written.
    const beforeTwice = await writes(db);
    await refused(
      answerQuestionnaire(A, q.id, { answers: { [single.id]: 'Diminuito', [scale.id]: '1' } }, { today: TODAY }),
      ValidationError,
      /già risposto.*una sola risposta per organizzazione/,
    );
    // The same organisation through another of its members' accounts is the same respondent.
    await refused(
      answerQuestionnaire(
        { db, actor: member(ambitoId, orgA, 3), ambitoId },
        q.id,
        { answers: { [single.id]: 'Diminuito', [scale.id]: '1' } },
        { today: TODAY },
      ),
      ValidationError,
      /già risposto/,
    );
    assert.deepEqual(await writes(db), beforeTwice);

    // The results, from the records.
    const [row] = await db.select().from(questionnaires).where(eq(questionnaires.id, q.id));
    const { respondents, results } = await questionnaireResults(db, row!, { texts: true });
    assert.deepEqual(respondents, { computed: 2, published: null, difference: null });
    const [r1, r2, r3, r4, r5] = results.map((r) => r.figures);
    assert.deepEqual(
      r1!.options.map((o) => [o.option, o.count, o.share, o.published, o.difference]),
      [
        ['Aumentato', 1, 50, 66.7, -16.7],
        ['Stabile', 1, 50, 33.3, 16.7],
        ['Diminuito', 0, 0, null, null],
      ],
    );
    assert.deepEqual([r2!.answered, r2!.skipped, r2!.options.map((o) => o.count)], [1, 1, [1, 0, 1]]);
    assert.deepEqual([r3!.mean, r3!.options.map((o) => o.count)], [3, [0, 1, 0, 1, 0]]);
    assert.deepEqual([r4!.min, r4!.mean, r4!.max, r4!.skipped], [12.5, 12.5, 12.5, 1]);
    assert.deepEqual(r5!.texts, ['Più trasporti']);
    // Free texts only to the Ufficio di Piano.
    const readers = await questionnaireResults(db, row!, { texts: false });
    assert.deepEqual(readers.results[4]!.figures.texts, []);
    assert.equal(readers.results[4]!.figures.answered, 1);

    // Individual answers: all to the office; an organisation sees only its own.
    assert.equal((await listResponses(db, q.id)).length, 2);
    const ownB = await listResponses(db, q.id, { organisationIds: [orgB], userId: memberB.userId });
    assert.equal(ownB.length, 1);
    assert.equal(ownB[0]!.organisationId, orgB);
    assert.equal(ownB[0]!.answers[text.id], undefined);
    const other = await listResponses(db, q.id, { organisationIds: [], userId: '00000000-0000-4000-8000-000000000999' });
    assert.equal(other.length, 0);

    // CSV: one row per response, one column per question, no personal data columns (no purpose stated).
    const csv = await responsesCsv(db, row!, CSV_HEADERS);
    const lines = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines.length, 3);
    assert.equal(
      lines[0],
      'risposta;inviata_il;organizzazione;D1 Il volume del bisogno negli ultimi tre anni è;D2 Aree prioritarie;D3 Soddisfazione;D4 Persone coinvolte;D5 Suggerimenti',
    );
    assert.match(lines[1]!, /^1;\d{4}-\d{2}-\d{2}T[^;]+;[^;]+;Aumentato;Anziani \| Minori;4;12\.5;Più trasporti$/);
    assert.match(lines[2]!, /^2;[^;]+;[^;]+;Stabile;;2;;$/);
    assert.doesNotMatch(lines[0]!, /nome|email/);

    // Closed: refused, nothing written.
    const closed = await changeQuestionnaireStatus(ctx, q.id, { version: opened.version, status: 'chiuso' });
    await refused(changeQuestionnaireStatus(ctx, q.id, { version: closed.version, status: 'aperto' }), ValidationError, /non può diventare/);
    const beforeClosed = await writes(db);
    await refused(
      answerQuestionnaire(
        { db, actor: member(ambitoId, orgB, 4), ambitoId },
        q.id,
        { answers: { [single.id]: 'Aumentato', [scale.id]: '3' } },
        { today: TODAY },
      ),
      ValidationError,
      /è chiuso/,
    );
    assert.deepEqual(await writes(db), beforeClosed);
    // The published figures can still be recorded.
    const pub = await setPublishedFigures(ctx, q.id, { version: closed.version, publishedRespondents: '3', publishedSource: 'Relazione 2027' });
    assert.equal(pub.publishedRespondents, 3);
  });

  test('invalid answers are refused per kind, all at once, by question, with nothing written', async () => {
    const ctx = { db, actor: office, ambitoId };
    const q = await createQuestionnaire(ctx, { title: 'Prova delle validazioni', audience: 'membri', respondent: 'persona', retention: 'Un anno' });
    const s = await addQuestion(ctx, q.id, { kind: 'scelta_singola', label: 'Scelta', required: 'on', options: 'Sì\nNo' });
    const m = await addQuestion(ctx, q.id, { kind: 'scelta_multipla', label: 'Multipla', options: 'A\nB' });
    const l = await addQuestion(ctx, q.id, { kind: 'scala', label: 'Scala', required: 'on', scaleMin: '1', scaleMax: '5' });
    const n = await addQuestion(ctx, q.id, { kind: 'numero', label: 'Numero' });
    await changeQuestionnaireStatus(ctx, q.id, { version: q.version, status: 'aperto' });
    const before = await writes(db);
    const e = await refused(
      answerQuestionnaire(
        { db, actor: memberA, ambitoId },
        q.id,
        { answers: { [s.id]: 'Forse', [m.id]: ['A', 'Z'], [l.id]: '7', [n.id]: 'dieci' } },
        { today: TODAY },
      ),
      ValidationError,
    );
    assert.deepEqual(
      e.issues.map((i) => [i.path, i.message]),
      [
        [`q-${s.id}`, 'Domanda 1: scegli fra le opzioni proposte.'],
        [`q-${m.id}`, 'Domanda 2: scegli fra le opzioni proposte.'],
        [`q-${l.id}`, 'Domanda 3: scegli un valore da 1 a 5.'],
        [`q-${n.id}`, 'Domanda 4: scrivi un numero (es. 12 o 12,5).'],
      ],
    );
    const missing = await refused(answerQuestionnaire({ db, actor: memberA, ambitoId }, q.id, { answers: {} }, { today: TODAY }), ValidationError);
    assert.deepEqual(
      missing.issues.map((i) => i.message),
      ['Domanda 1: la risposta è obbligatoria.', 'Domanda 3: la risposta è obbligatoria.'],
    );
    assert.deepEqual(await writes(db), before);
    // Per person: keyed by user (two members of the same organisation answer once each).
    await answerQuestionnaire({ db, actor: memberA, ambitoId }, q.id, { answers: { [s.id]: 'Sì', [l.id]: '5' } }, { today: TODAY });
    await answerQuestionnaire({ db, actor: member(ambitoId, orgA, 5), ambitoId }, q.id, { answers: { [s.id]: 'No', [l.id]: '3' } }, { today: TODAY });
    await refused(
      answerQuestionnaire({ db, actor: memberA, ambitoId }, q.id, { answers: { [s.id]: 'No', [l.id]: '3' } }, { today: TODAY }),
      ValidationError,
      /una sola risposta per persona/,
    );
    assert.equal((await listResponses(db, q.id)).length, 2);
    // Two answers of the same person at the same moment: one is recorded, the other gets the same message (on
    // PostgreSQL the second meets the unique index; PGlite runs them one after the other and the check refuses it).
    const twin = member(ambitoId, orgB, 6);
    const race = await Promise.allSettled(
      [1, 2].map(() => answerQuestionnaire({ db, actor: twin, ambitoId }, q.id, { answers: { [s.id]: 'Sì', [l.id]: '4' } }, { today: TODAY })),
    );
    assert.equal(race.filter((r) => r.status === 'fulfilled').length, 1);
    const lost = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(lost.reason instanceof ValidationError);
    assert.match(lost.reason.message, /una sola risposta per persona/);
    assert.equal((await listResponses(db, q.id)).length, 3);
  });

  test('public link: anonymous answers with personal data only when a purpose is stated; Q1 of the plan reproduced by 6 of 9 answers', async () => {
    const ctx = { db, actor: office, ambitoId };
    const q = await createQuestionnaire(ctx, {
      title: 'Ricostruzione del questionario preliminare',
      audience: 'pubblico',
      respondent: 'persona',
      personalDataPurpose: 'Per ricontattarvi sugli esiti, se lo desiderate.',
      retention: 'Sei mesi',
    });
    assert.match(q.publicToken!, /^[A-Za-z0-9_-]{24}$/);
    const q1 = await addQuestion(ctx, q.id, {
      kind: 'scelta_singola',
      label: 'Negli ultimi tre anni il volume di persone in condizione di bisogno sociale, nella vostra esperienza, indicativamente è:',
      options: 'Aumentato\nRimasto abbastanza stabile\nDiminuito',
      publishedShares: 'Aumentato = 66,7\nRimasto abbastanza stabile = 33,3\nDiminuito = 0',
    });
    const q2 = await addQuestion(ctx, q.id, { kind: 'scelta_singola', label: 'Sono aumentate le tipologie di bisogno?', options: 'Sì\nNo' });
    const v = await changeQuestionnaireStatus(ctx, q.id, { version: q.version, status: 'aperto' });
    await setPublishedFigures(ctx, q.id, { version: v.version, publishedRespondents: '10', publishedSource: 'Piano di Zona 2025-2027, §4.2' });
    const anonymous = actorWith('anonymous');
    const pub = { db, actor: anonymous, ambitoId };
    // Name and e-mail are asked because a purpose is stated.
    const before = await writes(db);
    const e = await refused(answerPublicQuestionnaire(pub, q.publicToken!, { answers: { [q1.id]: 'Aumentato' } }, { today: TODAY }), ValidationError);
    assert.deepEqual(
      e.issues.map((i) => i.path),
      ['respondentName', 'respondentEmail'],
    );
    assert.deepEqual(await writes(db), before);
    const person = (k: number) => ({ respondentName: `Persona ${k}`, respondentEmail: `persona${k}@example.org` });
    const choices = [...Array(6).fill('Aumentato'), ...Array(3).fill('Rimasto abbastanza stabile')];
    for (const [k, c] of choices.entries())
      await answerPublicQuestionnaire(pub, q.publicToken!, { answers: { [q1.id]: c, [q2.id]: 'Sì' }, ...person(k) }, { today: TODAY });
    // The tenth skipped Q1.
    await answerPublicQuestionnaire(pub, q.publicToken!, { answers: { [q2.id]: 'Sì' }, ...person(9) }, { today: TODAY });
    const [row] = await db.select().from(questionnaires).where(eq(questionnaires.id, q.id));
    const { respondents, results } = await questionnaireResults(db, row!, { texts: false });
    assert.deepEqual(respondents, { computed: 10, published: 10, difference: 0 });
    const f1 = results[0]!.figures;
    assert.deepEqual([f1.answered, f1.skipped], [9, 1]);
    assert.deepEqual(
      f1.options.map((o) => [o.count, o.share, o.published, o.difference]),
      [
        [6, 66.7, 66.7, 0],
        [3, 33.3, 33.3, 0],
        [0, 0, 0, 0],
      ],
    );
    // Anonymous: no user, no organisation, a random key each.
    const rows = await db.select().from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, q.id));
    assert.equal(new Set(rows.map((r) => r.respondentKey)).size, 10);
    assert.ok(rows.every((r) => r.respondentKey.startsWith('anon:') && r.userId === null && r.organisationId === null));
    // The CSV carries name and e-mail because the purpose is stated; the audit log does not.
    const csv = await responsesCsv(db, row!, CSV_HEADERS);
    assert.match(csv.split('\r\n')[0]!, /^\ufeffrisposta;inviata_il;nome;email;D1 /);
    assert.match(csv, /Persona 0;persona0@example\.org;Aumentato;Sì/);
    const logged = await db.select().from(auditLog).where(eq(auditLog.action, 'participation.questionnaire.answered'));
    assert.ok(logged.length >= 10);
    assert.doesNotMatch(JSON.stringify(logged), /persona0@example\.org/);
    // A members' questionnaire cannot be reached by a public token, and a wrong token is 404.
    await refused(answerPublicQuestionnaire(pub, 'non-esiste-questo-token', { answers: {} }, { today: TODAY }), NotFoundError);
  });

  test('a table’s questionnaire: only that table’s current members answer', async () => {
    const [body] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.ambitoId, ambitoId)).limit(1);
    const [table] = await db
      .insert(thematicTables)
      .values({ ambitoId, periodStartYear: 2025, periodEndYear: 2027, kind: 'tavolo_tematico', name: 'Tavolo Anziani (prova)', bodyId: body!.id })
      .returning();
    await db.insert(tableMembers).values({ tableId: table!.id, organisationId: orgA, validFrom: '2025-01-01', validTo: '2027-12-31' });
    const ctx = { db, actor: office, ambitoId };
    const q = await createQuestionnaire(ctx, {
      title: 'Solo il tavolo anziani',
      audience: 'membri',
      tableId: table!.id,
      respondent: 'organizzazione',
      retention: 'Un anno',
    });
    const s = await addQuestion(ctx, q.id, { kind: 'testo', label: 'Che cosa manca?' });
    await changeQuestionnaireStatus(ctx, q.id, { version: q.version, status: 'aperto' });
    await refused(
      answerQuestionnaire({ db, actor: memberB, ambitoId }, q.id, { answers: { [s.id]: 'Trasporti' } }, { today: TODAY }),
      ValidationError,
      /non è membro del tavolo/,
    );
    await answerQuestionnaire({ db, actor: memberA, ambitoId }, q.id, { answers: { [s.id]: 'Trasporti' } }, { today: TODAY });
    const rows = await db
      .select()
      .from(questionnaireResponses)
      .where(and(eq(questionnaireResponses.questionnaireId, q.id), eq(questionnaireResponses.organisationId, orgA)));
    assert.equal(rows.length, 1);
  });

  test('who sees what: aggregates to every reader of the Ambito, individual answers to the Ufficio di Piano only', () => {
    const scope = { id: ambitoId, regionCode };
    const roles = {
      coordinator: actorWith('coordinator', { ambitoId }),
      staff: actorWith('staff', { ambitoId }),
      third_sector: memberA,
      comune_referent: actorWith('comune_referent', { ambitoId }),
      mayor: actorWith('mayor', { ambitoId }),
      regional_reviewer: actorWith('regional_reviewer', { regionCode }),
    };
    for (const [role, actor] of Object.entries(roles)) {
      assert.equal(can(actor, 'participation.read', scope), true, `${role} reads the aggregates`);
      assert.equal(can(actor, 'responses.read', scope), role === 'coordinator' || role === 'staff', `${role} and the individual answers`);
      assert.equal(can(actor, 'questionnaire.write', scope), role === 'coordinator' || role === 'staff', `${role} builds`);
    }
    assert.equal(can(memberA, 'questionnaire.answer', { ...scope, organisationId: orgA }), true);
    assert.equal(can(memberA, 'questionnaire.answer', { ...scope, organisationId: orgB }), false, 'never for another organisation');
    assert.equal(can(actorWith('anonymous'), 'participation.read', scope), false);
    assert.equal(can(actorWith('anonymous'), 'questionnaire.answerPublic', scope), true);
  });
});
