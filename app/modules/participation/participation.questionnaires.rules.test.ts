import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  aggregateQuestion,
  answerWindow,
  parseAnswerNumber,
  respondentsComparison,
  sharePercent,
  statusChange,
  validateAnswer,
  type QuestionRule,
} from './participation.questionnaires.rules.ts';

const Q1_OPTIONS = ['Aumentato', 'Rimasto abbastanza stabile', 'Diminuito'];
const single: QuestionRule = { kind: 'scelta_singola', required: true, options: Q1_OPTIONS, scaleMin: null, scaleMax: null };
const multi: QuestionRule = { kind: 'scelta_multipla', required: false, options: ['A', 'B', 'C'], scaleMin: null, scaleMax: null };
const likert: QuestionRule = { kind: 'scala', required: true, options: [], scaleMin: 1, scaleMax: 5 };
const num: QuestionRule = { kind: 'numero', required: false, options: [], scaleMin: null, scaleMax: null };
const text: QuestionRule = { kind: 'testo', required: false, options: [], scaleMin: null, scaleMax: null };

test('an answer is checked against its question, per kind', () => {
  assert.deepEqual(validateAnswer(single, undefined), { ok: false, problem: 'required' });
  assert.deepEqual(validateAnswer(single, '  '), { ok: false, problem: 'required' });
  assert.deepEqual(validateAnswer(single, 'Aumentato'), { ok: true, value: 'Aumentato' });
  assert.deepEqual(validateAnswer(single, 'Raddoppiato'), { ok: false, problem: 'notInList' });
  assert.deepEqual(validateAnswer(single, ['Aumentato', 'Diminuito']), { ok: false, problem: 'oneOnly' });
  assert.deepEqual(validateAnswer(multi, undefined), { ok: true, value: null });
  assert.deepEqual(validateAnswer(multi, ['C', 'A', 'A']), { ok: true, value: ['A', 'C'] });
  assert.deepEqual(validateAnswer(multi, ['A', 'Z']), { ok: false, problem: 'notInList' });
  assert.deepEqual(validateAnswer(likert, '4'), { ok: true, value: 4 });
  assert.deepEqual(validateAnswer(likert, '6'), { ok: false, problem: 'outOfRange' });
  assert.deepEqual(validateAnswer(likert, '0'), { ok: false, problem: 'outOfRange' });
  assert.deepEqual(validateAnswer(likert, '3,5'), { ok: false, problem: 'notInteger' });
  assert.deepEqual(validateAnswer(likert, 'molto'), { ok: false, problem: 'notANumber' });
  assert.deepEqual(validateAnswer(num, '1.234,5'), { ok: true, value: 1234.5 });
  assert.deepEqual(validateAnswer(num, 'dieci'), { ok: false, problem: 'notANumber' });
  assert.deepEqual(validateAnswer(text, 'x'.repeat(4001)), { ok: false, problem: 'tooLong' });
  assert.deepEqual(validateAnswer(text, ' Solitudine degli anziani '), { ok: true, value: 'Solitudine degli anziani' });
});

test('Italian numbers', () => {
  assert.equal(parseAnswerNumber('12'), 12);
  assert.equal(parseAnswerNumber('12,5'), 12.5);
  assert.equal(parseAnswerNumber('1.234'), 1234);
  assert.equal(parseAnswerNumber('-3'), -3);
  assert.equal(parseAnswerNumber('1,2,3'), null);
  assert.equal(parseAnswerNumber(''), null);
});

test('a questionnaire takes answers only while open and within its dates', () => {
  const q = { status: 'aperto', opensOn: '2026-11-02', closesOn: '2027-12-31' };
  assert.equal(answerWindow(q, '2026-12-05'), 'open');
  assert.equal(answerWindow(q, '2026-11-01'), 'notYet');
  assert.equal(answerWindow(q, '2028-01-01'), 'ended');
  assert.equal(answerWindow({ ...q, status: 'bozza' }, '2026-12-05'), 'draft');
  assert.equal(answerWindow({ ...q, status: 'chiuso' }, '2026-12-05'), 'closed');
  assert.equal(answerWindow({ status: 'aperto', opensOn: null, closesOn: null }, '2030-01-01'), 'open');
});

test('status: draft → open (with questions) → closed, never back', () => {
  assert.equal(statusChange('bozza', 'aperto', 2), 'ok');
  assert.equal(statusChange('bozza', 'aperto', 0), 'noQuestions');
  assert.equal(statusChange('aperto', 'chiuso', 2), 'ok');
  assert.equal(statusChange('chiuso', 'aperto', 2), 'notAllowed');
  assert.equal(statusChange('aperto', 'bozza', 2), 'notAllowed');
  assert.equal(statusChange('bozza', 'chiuso', 2), 'notAllowed');
});

test('Gallarate Q1 (seed 002 L3541-L3543): 6 of 9 answers reproduce the published 66,7 %, one of 10 skipped it', () => {
  const values = [...Array(6).fill('Aumentato'), ...Array(3).fill('Rimasto abbastanza stabile')];
  const f = aggregateQuestion({ ...single, publishedShares: { Aumentato: 66.7, 'Rimasto abbastanza stabile': 33.3, Diminuito: 0 } }, values, 10);
  assert.equal(f.answered, 9);
  assert.equal(f.skipped, 1);
  assert.deepEqual(
    f.options.map((o) => [o.option, o.count, o.share, o.published, o.difference]),
    [
      ['Aumentato', 6, 66.7, 66.7, 0],
      ['Rimasto abbastanza stabile', 3, 33.3, 33.3, 0],
      ['Diminuito', 0, 0, 0, 0],
    ],
  );
  // Out of 10 the same 6 would be 60 %: the published share is out of those who answered.
  assert.equal(sharePercent(6, 10), 60);
  assert.deepEqual(respondentsComparison(9, 10), { computed: 9, published: 10, difference: -1 });
  assert.deepEqual(respondentsComparison(0, null), { computed: 0, published: null, difference: null });
});

test('no answers: shares are not computable, published figures still shown', () => {
  const f = aggregateQuestion({ ...single, publishedShares: { Aumentato: 66.7, Altro: 5 } }, [], 0);
  assert.equal(f.options[0]!.share, null);
  assert.equal(f.options[0]!.published, 66.7);
  assert.equal(f.options[0]!.difference, null);
  assert.deepEqual(f.unknownPublished, ['Altro']);
});

test('multiple choice shares are out of those who answered and may exceed 100 in total', () => {
  const f = aggregateQuestion(multi, [['A', 'B'], ['A'], ['C']], 4);
  assert.deepEqual(
    f.options.map((o) => [o.count, o.share]),
    [
      [2, 66.7],
      [1, 33.3],
      [1, 33.3],
    ],
  );
  assert.equal(f.skipped, 1);
});

test('scale: distribution and mean; number: min, mean, max; text: the answers', () => {
  const s = aggregateQuestion(likert, [4, 5, 4, 2], 4);
  assert.equal(s.mean, 3.75);
  assert.deepEqual(
    s.options.map((o) => o.count),
    [0, 1, 0, 2, 1],
  );
  const n = aggregateQuestion(num, [3, 10, 2], 5);
  assert.deepEqual([n.min, n.mean, n.max, n.skipped], [2, 5, 10, 2]);
  const t = aggregateQuestion(text, ['Solitudine', 'Casa'], 3);
  assert.deepEqual(t.texts, ['Solitudine', 'Casa']);
  assert.equal(aggregateQuestion(num, [], 0).mean, null);
});
