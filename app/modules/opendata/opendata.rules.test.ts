import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATASETS } from './opendata.datasets.ts';
import {
  countsPeople,
  datasetIdentifier,
  euros,
  fundingColumnOf,
  joinMulti,
  latestInstant,
  missingPublisherFields,
  parseDatasetFile,
  publishIndicatorValue,
  rowCells,
} from './opendata.rules.ts';

test('a file name is a known dataset with the csv or json extension, nothing else', () => {
  assert.deepEqual(parseDatasetFile('azioni.csv'), { id: 'azioni', format: 'csv' });
  assert.deepEqual(parseDatasetFile('spesa-sociale.json'), { id: 'spesa-sociale', format: 'json' });
  assert.equal(parseDatasetFile('azioni.xlsx'), null);
  assert.equal(parseDatasetFile('persone.csv'), null);
  assert.equal(parseDatasetFile('../azioni.csv'), null);
  assert.equal(parseDatasetFile('azioni.csv.json'), null);
});

test('a dataset identifier starts with the publisher’s IPA code and names the Ambito', () => {
  assert.equal(datasetIdentifier('c_d869', 'gallarate', 'azioni'), 'c_d869:gallarate-azioni');
});

test('cents become euros with a dot decimal; missing stays missing', () => {
  assert.equal(euros(653_019_500), 6_530_195);
  assert.equal(euros(4_000_050), 40_000.5);
  assert.equal(euros(null), null);
});

test('funding sources go to the OpenCoesione columns by their kind, mixed sources are not broken down', () => {
  assert.equal(fundingColumnOf({ code: 'FSE_PLUS', kind: 'eu' }), 'finanz_ue');
  assert.equal(fundingColumnOf({ code: 'PNRR_M5C2_1_1', kind: 'pnrr' }), 'finanz_ue');
  assert.equal(fundingColumnOf({ code: 'FNPS', kind: 'national' }), 'finanz_stato');
  assert.equal(fundingColumnOf({ code: 'FSR', kind: 'regional' }), 'finanz_regione');
  assert.equal(fundingColumnOf({ code: 'COMUNI', kind: 'local' }), 'finanz_comune');
  assert.equal(fundingColumnOf({ code: 'UTENZA', kind: 'users' }), 'finanz_privato');
  assert.equal(fundingColumnOf({ code: 'ALTRI_ENTI_PUBBLICI', kind: 'other' }), 'finanz_altro_pubblico');
  assert.equal(fundingColumnOf({ code: 'FONTI_MISTE', kind: 'other' }), 'finanz_non_ripartito');
  assert.equal(fundingColumnOf({ code: 'SCONOSCIUTO', kind: null }), 'finanz_non_ripartito');
});

test('indicators that count people are recognised from their words; counts of things are not', () => {
  assert.ok(countsPeople('N. di persone presenti agli incontri ad ogni seduta'));
  assert.ok(countsPeople('numero di nuclei familiari presi in carico'));
  assert.ok(countsPeople('Numero utenti del servizio SAD'));
  assert.ok(countsPeople('minori in affido'));
  assert.ok(countsPeople('accessi', 'utenti'));
  assert.ok(!countsPeople('numero tavoli di lavoro creati'));
  assert.ok(!countsPeople('numero riunioni/trimestre dei tavoli di lavoro'));
  assert.ok(!countsPeople('protocolli sottoscritti'));
});

test('the privacy guard suppresses small counts of people and percentages over few people, not other values', () => {
  assert.deepEqual(publishIndicatorValue(3, true), { value: null, suppressed: true });
  assert.deepEqual(publishIndicatorValue(0, true), { value: null, suppressed: true });
  assert.deepEqual(publishIndicatorValue(5, true), { value: 5, suppressed: false });
  assert.deepEqual(publishIndicatorValue(3, false), { value: 3, suppressed: false });
  assert.deepEqual(publishIndicatorValue({ numerator: 2, denominator: 4 }, true), { value: null, suppressed: true });
  assert.deepEqual(publishIndicatorValue({ numerator: 12, denominator: 25 }, true), { value: 48, suppressed: false });
  assert.deepEqual(publishIndicatorValue({ numerator: 1, denominator: 3 }, false), { value: 33.33, suppressed: false });
  assert.deepEqual(publishIndicatorValue(true, true), { value: 'true', suppressed: false });
  assert.deepEqual(publishIndicatorValue('avviato', true), { value: 'avviato', suppressed: false });
  assert.deepEqual(publishIndicatorValue(null, true), { value: null, suppressed: false });
});

test('a publisher must declare every field before anything is published; blanks count as missing', () => {
  const full = {
    publisherName: 'Comune di Gallarate',
    publisherIpaCode: 'c_d869',
    rightsHolderName: 'Comune di Gallarate',
    rightsHolderIpaCode: 'c_d869',
    contactEmail: 'dati@comune.example',
    updateFrequency: 'ANNUAL',
  };
  assert.deepEqual(missingPublisherFields(full), []);
  assert.deepEqual(missingPublisherFields(null), [
    'publisherName',
    'publisherIpaCode',
    'rightsHolderName',
    'rightsHolderIpaCode',
    'contactEmail',
    'updateFrequency',
  ]);
  assert.deepEqual(missingPublisherFields({ ...full, rightsHolderIpaCode: '  ' }), ['rightsHolderIpaCode']);
});

test('the latest of some instants ignores blanks and invalid dates', () => {
  assert.equal(latestInstant([null, '2024-01-02T10:00:00Z', new Date('2025-03-04T00:00:00Z'), 'x', undefined])?.toISOString(), '2025-03-04T00:00:00.000Z');
  assert.equal(latestInstant([]), null);
});

test('several values share a cell with «:::», once each, in order', () => {
  assert.equal(joinMulti(['012070', '012118', '012070', null]), '012070:::012118');
  assert.equal(joinMulti([]), null);
});

test('a row’s cells follow the dataset’s columns, a missing column is an empty cell', () => {
  const def = DATASETS.find((d) => d.id === 'partecipazione')!;
  assert.deepEqual(rowCells(def, { figura: 'tavoli', numero: 5 }), ['tavoli', null, 5, null]);
});
