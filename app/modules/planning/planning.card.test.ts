import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cardFromForm,
  cardValueText,
  controlFor,
  keepStoredLinks,
  keepStoredValues,
  keyPointOptions,
  policyAreasFromForm,
  sameCardValue,
} from './planning.card.ts';
import type { TemplateField } from './template.schema.ts';

const fields = [
  { key: 'titolo_intervento', label: 'TITOLO INTERVENTO', type: 'text', required: true },
  { key: 'asst_analisi_bisogno', label: 'PREVEDE IL COINVOLGIMENTO DI ASST…', type: 'yesno_text', required: true },
  { key: 'nuovo_servizio', label: 'NUOVO SERVIZIO?', type: 'choice', required: true, options: ['Servizio già presente', 'Nuovo servizio'] },
  {
    key: 'promozionale_o_riparativo',
    label: 'PROMOZIONALE O RIPARATIVO?',
    type: 'multichoice',
    required: true,
    options: ['Promozionale/preventivo', 'Riparativo'],
  },
  { key: 'continuita_progetto_premiale', label: 'PREMIALE?', type: 'yesno', required: false },
  { key: 'impatto', label: 'IMPATTO', type: 'indicators', required: false },
] as unknown as TemplateField[];

test('each template field type gets its control', () => {
  assert.deepEqual(
    fields.map((f) => controlFor(f)),
    ['textarea', 'yesno_text', 'choice', 'checkboxes', 'yesno', 'textarea'],
  );
});

test('the form values become card values in the exchange format; empty fields are left out', () => {
  const form: Record<string, string[]> = {
    'card.titolo_intervento': ['  Abitare  '],
    'card.asst_analisi_bisogno.answer': ['si'],
    'card.asst_analisi_bisogno.text': ['Con il distretto'],
    'card.nuovo_servizio': ['Nuovo servizio'],
    'card.promozionale_o_riparativo': ['Promozionale/preventivo', 'Riparativo'],
    'card.continuita_progetto_premiale.answer': ['no'],
    'card.impatto': [''],
  };
  assert.deepEqual(
    cardFromForm(fields, (n) => form[n] ?? []),
    {
      titolo_intervento: 'Abitare',
      asst_analisi_bisogno: { answer: true, text: 'Con il distretto' },
      nuovo_servizio: 'Nuovo servizio',
      promozionale_o_riparativo: ['Promozionale/preventivo', 'Riparativo'],
      continuita_progetto_premiale: { answer: false, text: null },
    },
  );
});

test('card values read as text', () => {
  assert.equal(cardValueText({ answer: true, text: 'Con il distretto' }), 'Sì — Con il distretto');
  assert.equal(cardValueText(['a', 'b']), 'a; b');
  assert.equal(cardValueText(undefined), '');
});

test('an unchanged card saves as stored: a text is not turned into a one-item list, ticked boxes keep their order, a yes/no keeps its text', () => {
  const stored = {
    promozionale_o_riparativo: 'Promozionale/preventivo',
    punti_chiave: ['D) Flessibilità', 'A) Contrasto all’isolamento'],
    continuita_progetto_premiale: { answer: true, text: 'SI' },
  };
  const form: Record<string, string[]> = {
    'card.promozionale_o_riparativo': ['Promozionale/preventivo'],
    'card.continuita_progetto_premiale.answer': ['si'],
    'card.continuita_progetto_premiale.text': ['SI'],
  };
  const submitted = cardFromForm(fields, (n) => form[n] ?? []);
  assert.deepEqual(submitted.promozionale_o_riparativo, ['Promozionale/preventivo']);
  const kept = keepStoredValues(stored, { ...submitted, punti_chiave: ['A) Contrasto all’isolamento', 'D) Flessibilità'] });
  assert.deepEqual(kept, stored);
  assert.deepEqual(keepStoredValues(stored, { promozionale_o_riparativo: ['Riparativo'] }), { promozionale_o_riparativo: ['Riparativo'] });
  assert.equal(sameCardValue({ answer: true, text: 'SI' }, { answer: true, text: null }), false);
});

test('key points are offered with the letter of their area, main area first; transversal objectives get every area’s points', () => {
  const areas = [
    { code: 'A', keyPoints: ['Contrasto all’isolamento', 'Nuovi strumenti di governance'] },
    { code: 'D', keyPoints: ['Flessibilità', 'Nuovi strumenti di governance'] },
  ];
  assert.deepEqual(keyPointOptions(areas, ['D', 'A']), [
    'D) Flessibilità',
    'D) Nuovi strumenti di governance',
    'A) Contrasto all’isolamento',
    'A) Nuovi strumenti di governance',
  ]);
  assert.deepEqual(keyPointOptions(areas, []), ['Contrasto all’isolamento', 'Nuovi strumenti di governance', 'Flessibilità']);
  assert.deepEqual(policyAreasFromForm('H', ['A', 'H'], ['A', 'H']), ['H', 'A'], 'the main area comes first');
  assert.deepEqual(policyAreasFromForm('H', ['A', 'G', 'H'], ['H', 'G', 'A']), ['H', 'G', 'A'], 'same areas, same main area: stored order kept');
  assert.deepEqual(policyAreasFromForm('', [], []), []);
});

test('links ticked in another order are the stored links', () => {
  const stored = {
    leps: ['PUA', 'SAD'],
    agenda2030: [3, 10],
    asst: { needsAnalysis: true, implementation: null },
    continuesObjective: null,
    cooperation: null,
  };
  const submitted = { ...stored, leps: ['SAD', 'PUA'] };
  assert.equal(keepStoredLinks(stored, submitted), stored);
  assert.notEqual(keepStoredLinks(stored, { ...submitted, leps: ['SAD'] }), stored);
});

test('line breaks submitted by the browser (CRLF) are the stored ones (LF): an unchanged text is unchanged', () => {
  const form: Record<string, string[]> = {
    'card.titolo_intervento': ['Riga uno\r\nRiga due'],
    'card.asst_analisi_bisogno.answer': [''],
    'card.asst_analisi_bisogno.text': ['a\r\nb'],
  };
  assert.deepEqual(
    cardFromForm(fields, (n) => form[n] ?? []),
    { titolo_intervento: 'Riga uno\nRiga due', asst_analisi_bisogno: { answer: null, text: 'a\nb' } },
  );
});
