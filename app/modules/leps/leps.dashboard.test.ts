import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  lepsEvidenceStatus,
  parseRegionalSort,
  regionalCsv,
  sortRegionalRows,
  targetsForYear,
  type EvidenceObjective,
  type RegionalRow,
} from './leps.dashboard.ts';
import { assessSocialWorkerRatio } from './leps.rules.ts';
import { formatterFor } from '../../shared/format/index.ts';
import { registerMessages, translate, type MessageKey } from '../../shared/i18n/messages.ts';
import * as messages from './leps.messages.ts';
import { lepsReason } from './leps.sentences.ts';

// The status says why in a sentence the page writes from the counts (here in Italian).
registerMessages(messages);
const reason = (s: ReturnType<typeof lepsEvidenceStatus>, year: number) =>
  lepsReason((key: MessageKey, params?: Record<string, string | number>) => translate('it', key, params), formatterFor('it'), s, year);

// The PIPPI card of Gallarate (seed 002, L11380-L11791): indicator 4, progetti individualizzati / valutazioni,
// ≥ 40 % in 2025, ≥ 60 % in 2026, ≥ 80 % in 2027; PNRR 105.000 €.
const PIPPI: EvidenceObjective = {
  code: 'LEPS-PIPPI',
  title: 'Prevenzione dell’allontanamento familiare (PIPPI)',
  budgetCents: 105_000_00,
  indicators: [
    {
      code: 'IND-4',
      label: 'numero progetti individualizzati/numero di valutazioni',
      targets: [
        { year: 2025, rule: { type: 'gte_percent', value: 40 }, text: 'Anno 2025 –maggiori o uguali al 40%' },
        { year: 2026, rule: { type: 'gte_percent', value: 60 }, text: 'Anno 2026 – maggiori o uguali al 60%' },
        { year: 2027, rule: { type: 'gte_percent', value: 80 }, text: 'Anno 2027- maggiori o uguali all’80%' },
      ],
    },
    { code: 'IMP-1', label: 'Soddisfazione degli operatori', targets: [] },
  ],
};

test('the targets of a year include those set for the whole plan period', () => {
  const targets = [
    { year: 2025, rule: { type: 'gte', value: 1 }, text: 'almeno 1' },
    { year: null, rule: { type: 'gte', value: 3 }, text: 'almeno 3 (una all’anno)' },
    { year: 2026, rule: { type: 'gt_previous' }, text: '2026 > 2025' },
  ];
  assert.deepEqual(
    targetsForYear(targets, 2025).map((t) => t.text),
    ['almeno 1', 'almeno 3 (una all’anno)'],
  );
});

test('a LEPS with a plan objective whose indicators have targets for the year is programmed', () => {
  const s = lepsEvidenceStatus({ code: 'LEPS_PREVENZIONE_ALLONTANAMENTO', year: 2026, objectives: [PIPPI] });
  assert.equal(s.status, 'programmato');
  assert.equal(s.indicators, 2);
  assert.equal(s.indicatorsWithTarget, 1);
  assert.equal(s.budgetCents, 105_000_00);
  assert.equal(reason(s, 2026), '1 obiettivo del piano; 1 indicatore ha un valore atteso per il 2026.');
});

test('a LEPS programmed without targets for the year, or not programmed at all, says so', () => {
  assert.equal(lepsEvidenceStatus({ code: 'LEPS_PREVENZIONE_ALLONTANAMENTO', year: 2028, objectives: [PIPPI] }).status, 'programmato_senza_target');
  const none = lepsEvidenceStatus({ code: 'LEPS_PRONTO_INTERVENTO', year: 2025, objectives: [] });
  assert.equal(none.status, 'non_programmato');
  assert.equal(reason(none, 2025), 'Nessun obiettivo del piano indica questo LEPS.');
});

test('the professional social service follows the 1:5.000 threshold, and without a staff list its data are missing', () => {
  // Sebino: 54.346 inhabitants (seed 003 L2806). 11 FTE reach the LEPS (55.000 ≥ 54.346), 10 do not.
  const socialService = (fte: number, staffRecorded = true) =>
    lepsEvidenceStatus({
      code: 'LEPS_SERVIZIO_SOCIALE_PROFESSIONALE',
      year: 2025,
      objectives: [],
      socialWorkers: { assessment: assessSocialWorkerRatio({ population: 54_346, fte }), staffRecorded },
    });
  assert.equal(socialService(11).status, 'raggiunto');
  const missed = socialService(10);
  assert.equal(missed.status, 'non_raggiunto');
  assert.match(reason(missed, 2025), /mancano 0,87 ETP, cioè 1 assistente sociale/);
  const unknown = socialService(0, false);
  assert.equal(unknown.status, 'dati_mancanti');
  assert.equal(reason(unknown, 2025), 'Nessun assistente sociale registrato: il rapporto con la popolazione non è calcolabile.');
});

const row = (over: Partial<RegionalRow>): RegionalRow => ({
  ambitoCode: 'x',
  ambitoName: 'X',
  planTitle: null,
  population: null,
  populationYear: null,
  fte: null,
  inhabitantsPerWorker: null,
  lepsStatus: 'dati_mancanti',
  requiredLepsFte: null,
  requiredObjectiveFte: null,
  gapLepsFte: null,
  gapObjectiveFte: null,
  toHireLeps: null,
  toHireObjective: null,
  programmedLeps: 0,
  catalogueSize: 16,
  priorityWithTargets: 0,
  prioritySize: 5,
  lepsBudgetCents: 0,
  ...over,
});

test('the regional table sorts by any column, with missing values last in both directions', () => {
  const rows = [
    row({ ambitoCode: 'gallarate', ambitoName: 'Ambito Territoriale di Gallarate', population: 122_855 }),
    row({ ambitoCode: 'sebino', ambitoName: 'Ambito n. 5 – Sebino', population: 54_346, fte: 11 }),
    row({ ambitoCode: 'vuoto', ambitoName: 'Ambito senza dati' }),
  ];
  const order = (key: Parameters<typeof sortRegionalRows>[1], direction: 'asc' | 'desc') => sortRegionalRows(rows, key, direction).map((r) => r.ambitoCode);
  assert.deepEqual(order('popolazione', 'asc'), ['sebino', 'gallarate', 'vuoto']);
  assert.deepEqual(order('popolazione', 'desc'), ['gallarate', 'sebino', 'vuoto']);
  assert.deepEqual(order('etp', 'desc'), ['sebino', 'vuoto', 'gallarate']);
  assert.deepEqual(order('ambito', 'asc'), ['sebino', 'vuoto', 'gallarate']);
});

test('an unknown sort column or direction falls back to the Ambito name, ascending', () => {
  assert.deepEqual(parseRegionalSort('DROP TABLE', 'sideways'), { key: 'ambito', direction: 'asc' });
  assert.deepEqual(parseRegionalSort('gap_leps', 'desc'), { key: 'gap_leps', direction: 'desc' });
});

test('the CSV export uses semicolons, decimal commas, quotes where needed and a BOM', () => {
  const csv = regionalCsv([
    row({
      ambitoCode: 'sebino',
      ambitoName: 'Ambito n. 5 – Sebino',
      planTitle: 'Piano; con "virgolette"',
      population: 54_346,
      populationYear: 2024,
      fte: 11,
      inhabitantsPerWorker: 4940.5,
      lepsStatus: 'raggiunto',
      lepsBudgetCents: 12_345_67,
    }),
  ]);
  assert.ok(csv.startsWith('\uFEFFcodice_ambito;ambito;piano;popolazione;'));
  const data = csv.split('\r\n')[1]!;
  assert.ok(data.startsWith('sebino;Ambito n. 5 – Sebino;"Piano; con ""virgolette""";54346;2024;11,0000;4940,5;Soglia raggiunta;'));
  assert.ok(data.endsWith(';0;16;0;5;12345,67'));
});
