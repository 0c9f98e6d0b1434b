import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardFromForm, cardValueText, controlFor } from './planning.card.ts';
import type { TemplateField } from './template.schema.ts';

const fields = [
  { key: 'titolo_intervento', label: 'TITOLO INTERVENTO', type: 'text', required: true },
  { key: 'asst_analisi_bisogno', label: 'PREVEDE IL COINVOLGIMENTO DI ASST…', type: 'yesno_text', required: true },
  { key: 'nuovo_servizio', label: 'NUOVO SERVIZIO?', type: 'choice', required: true, options: ['Servizio già presente', 'Nuovo servizio'] },
  { key: 'promozionale_o_riparativo', label: 'PROMOZIONALE O RIPARATIVO?', type: 'multichoice', required: true, options: ['Promozionale/preventivo', 'Riparativo'] },
  { key: 'continuita_progetto_premiale', label: 'PREMIALE?', type: 'yesno', required: false },
  { key: 'impatto', label: 'IMPATTO', type: 'indicators', required: false },
] as unknown as TemplateField[];

test('each template field type gets its control', () => {
  assert.deepEqual(fields.map((f) => controlFor(f)), ['textarea', 'yesno_text', 'choice', 'checkboxes', 'yesno', 'textarea']);
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
  assert.deepEqual(cardFromForm(fields, (n) => form[n] ?? []), {
    titolo_intervento: 'Abitare',
    asst_analisi_bisogno: { answer: true, text: 'Con il distretto' },
    nuovo_servizio: 'Nuovo servizio',
    promozionale_o_riparativo: ['Promozionale/preventivo', 'Riparativo'],
    continuita_progetto_premiale: { answer: false, text: null },
  });
});

test('card values read as text', () => {
  assert.equal(cardValueText({ answer: true, text: 'Con il distretto' }), 'Sì — Con il distretto');
  assert.equal(cardValueText(['a', 'b']), 'a; b');
  assert.equal(cardValueText(undefined), '');
});
