import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerMessages, translate, type MessageKey } from '../../shared/i18n/messages.ts';
import * as messages from './finance.messages.ts';
import { spendingCoverage, usableAsAmbitoFigure } from './spending-coverage.rules.ts';
import { coverageLabel, coverageMessage } from './spending-coverage.text.ts';

// The rule gives the facts; the words are the dictionary's, here in Italian.
registerMessages(messages);
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('it', key, params);

// The nine comuni of the Ambito di Gallarate (fixtures/demo/ambiti.csv).
const GALLARATE_AMBITO = [
  { istatCode: '012070', name: 'Gallarate' },
  { istatCode: '012002', name: 'Albizzate' },
  { istatCode: '012029', name: 'Cairate' },
  { istatCode: '012040', name: 'Cassano Magnago' },
  { istatCode: '012048', name: 'Cavaria con Premezzo' },
  { istatCode: '012085', name: 'Jerago con Orago' },
  { istatCode: '012107', name: 'Oggiona con Santo Stefano' },
  { istatCode: '012118', name: 'Samarate' },
  { istatCode: '012121', name: 'Solbiate Arno' },
];
const samarate = GALLARATE_AMBITO.find((c) => c.name === 'Samarate')!;
/** The coverage of a year of the Gallarate Ambito. */
const GALLARATE_COVERAGE = (year: number, hasAmbitoRows: boolean, comuniWithData: { istatCode: string; name: string }[]) =>
  spendingCoverage({ year, hasAmbitoRows, comuniWithData, members: GALLARATE_AMBITO });

// What each kind of year reports: its basis, whether it is complete, how it is labelled and which comuni have data.
const YEARS = [
  {
    what: 'one comune of nine: "1 comune su 9", partial',
    year: 2023,
    ambitoRows: false,
    comuni: [samarate],
    basis: 'comuni',
    complete: false,
    label: '1 comune su 9',
  },
  { what: 'all nine comuni: complete', year: 2023, ambitoRows: false, comuni: GALLARATE_AMBITO, basis: 'comuni', complete: true, label: '9 comuni su 9' },
  {
    what: 'Ambito-level data (Tabella 2.4) are the Ambito figure, distinct from a sum of comuni (whose data are still reported)',
    year: 2022,
    ambitoRows: true,
    comuni: [samarate],
    basis: 'ambito',
    complete: true,
    label: 'dati complessivi dell’Ambito',
  },
] as const;

for (const y of YEARS) {
  test(y.what, () => {
    const c = GALLARATE_COVERAGE(y.year, y.ambitoRows, [...y.comuni]);
    assert.equal(c.basis, y.basis);
    assert.equal(c.complete, y.complete);
    assert.equal(coverageLabel(t, c), y.label);
    assert.deepEqual(
      c.withData.map((m) => m.name),
      y.comuni.map((m) => m.name).sort((a, b) => a.localeCompare(b, 'it')),
      'the comuni with data, by name',
    );
  });
}

test('one comune of nine: the eight missing listed by name, not the Ambito total unless partial data are asked for', () => {
  const c = GALLARATE_COVERAGE(2023, false, [samarate]);
  assert.equal(c.missing.length, 8);
  assert.ok(!c.missing.some((m) => m.name === 'Samarate'));
  assert.match(coverageMessage(t, c), /^Dati parziali per il 2023: 1 comune su 9 \(Samarate\)\. Mancano 8 comuni: Albizzate, Cairate, Cassano Magnago, /);
  assert.match(coverageMessage(t, c), /La somma non è il totale dell’Ambito\.$/);
  assert.deepEqual(usableAsAmbitoFigure(c, false), { show: false, partial: true });
  assert.deepEqual(usableAsAmbitoFigure(c, true), { show: true, partial: true });
});

test('all nine comuni: the sum is the Ambito total', () => {
  assert.deepEqual(usableAsAmbitoFigure(GALLARATE_COVERAGE(2023, false, GALLARATE_AMBITO), false), { show: true, partial: false });
});

test('membership by date: a comune with data that was not a member that year is not counted; no composition means not complete', () => {
  const c = spendingCoverage({
    year: 2023,
    hasAmbitoRows: false,
    comuniWithData: [samarate, { istatCode: '012133', name: 'Somma Lombardo' }],
    members: GALLARATE_AMBITO,
  });
  assert.equal(coverageLabel(t, c), '1 comune su 9');
  assert.deepEqual(
    c.outside.map((o) => o.name),
    ['Somma Lombardo'],
  );
  const none = spendingCoverage({ year: 2019, hasAmbitoRows: false, comuniWithData: [samarate], members: [] });
  assert.equal(none.complete, false);
  assert.equal(coverageLabel(t, none), 'composizione dell’Ambito non registrata per il 2019');
  assert.equal(coverageLabel(t, GALLARATE_COVERAGE(2020, false, [])), '0 comuni su 9');
});
