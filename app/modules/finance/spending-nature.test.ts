import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ValidationError } from '../../shared/errors.ts';
import { registerMessages } from '../../shared/i18n/messages.ts';
import { fromRoot } from '../../shared/paths.ts';
import * as messages from './finance.messages.ts';
import { getClassification, parseFundingSources, parseSpendingAreas } from './catalogues.ts';
import { parseSpendingCsv, type SpendingImportOptions } from './spending-import.ts';
import { readSpendingNature } from './spending-nature.ts';

registerMessages(messages);

const read = (path: string) => readFileSync(fromRoot(path), 'utf8');
const options: SpendingImportOptions = {
  fundingSources: parseFundingSources('funding-sources.json', read('fixtures/catalogues/funding-sources.json')),
  areas: getClassification(parseSpendingAreas('spending-areas.json', read('fixtures/catalogues/spending-areas.json')), 'LOMBARDIA').areas,
};
const HEADER = 'anno;ente;area;canale;natura;importo_euro';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.issues.map((i) => `${i.path}: ${i.message}`);
  }
  assert.fail('il file non valido è stato accettato');
}

test('the nature of a row: the ISTAT macro-types by code or name, blank as «not stated», anything else refused', () => {
  assert.equal(readSpendingNature('servizi'), 'servizi');
  assert.equal(readSpendingNature('  Interventi e  servizi '), 'servizi');
  assert.equal(readSpendingNature('Trasferimenti in denaro'), 'contributi');
  assert.equal(readSpendingNature('CONTRIBUTI'), 'contributi');
  assert.equal(readSpendingNature('strutture'), 'strutture');
  assert.equal(readSpendingNature(''), null);
  assert.equal(readSpendingNature(undefined), null);
  assert.equal(readSpendingNature('prestazioni'), undefined);
});

test('the same area and channel may hold services and contributions; the same nature twice is refused', () => {
  const ok = parseSpendingCsv(
    's.csv',
    [HEADER, '2022;ambito;DISABILI;COMUNI;servizi;1.000', '2022;ambito;DISABILI;COMUNI;contributi;500', '2022;ambito;DISABILI;COMUNI;;20'].join('\n'),
    options,
  );
  assert.deepEqual(
    ok.rows.map((r) => [r.area, r.channel, r.nature, r.amountCents]),
    [
      ['DISABILI', 'COMUNI', 'servizi', 100_000],
      ['DISABILI', 'COMUNI', 'contributi', 50_000],
      ['DISABILI', 'COMUNI', null, 2_000],
    ],
  );
  const twice = issuesOf(() =>
    parseSpendingCsv('s.csv', [HEADER, '2022;ambito;DISABILI;COMUNI;servizi;1', '2022;ambito;DISABILI;COMUNI;Servizi;2'].join('\n'), options),
  );
  assert.equal(twice.length, 1);
  assert.match(twice[0]!, /^s\.csv, riga 3: /);
});

test('a control total sums every nature, and says none of its own', () => {
  const checked = parseSpendingCsv(
    's.csv',
    [HEADER, '2022;ambito;ANZIANI;COMUNI;servizi;300', '2022;ambito;ANZIANI;COMUNI;contributi;200', '2022;ambito;ANZIANI;TOTALE;;500'].join('\n'),
    options,
  );
  assert.equal(checked.controlTotals.length, 1);
  const wrong = issuesOf(() =>
    parseSpendingCsv('s.csv', [HEADER, '2022;ambito;ANZIANI;COMUNI;servizi;300', '2022;ambito;ANZIANI;TOTALE;servizi;300'].join('\n'), options),
  );
  assert.deepEqual(wrong, ['s.csv, riga 3, colonna natura: una riga di totale somma tutte le nature della spesa: lascia vuota la colonna natura']);
});

test('an unknown nature is refused with file, row and column, and the allowed values', () => {
  const issues = issuesOf(() => parseSpendingCsv('s.csv', [HEADER, '2022;ambito;ANZIANI;COMUNI;voucher;300'].join('\n'), options));
  assert.deepEqual(issues, [
    's.csv, riga 2, colonna natura: natura della spesa non prevista: «voucher» (ammesse: servizi, contributi, strutture; vuota se la fonte non la indica)',
  ]);
});

test('the Fano contributions 2019-2022 read as contributions of two areas, € 5.763.957 in all', () => {
  const fano = parseSpendingCsv('spesa-contributi-2019-2022.csv', read('fixtures/demo/fano/spesa-contributi-2019-2022.csv'), options);
  assert.equal(fano.rows.length, 8);
  assert.ok(fano.rows.every((r) => r.nature === 'contributi' && r.ente === 'ambito' && r.channel === 'FONTI_MISTE'));
  assert.equal(
    fano.rows.reduce((s, r) => s + r.amountCents, 0),
    (780_141 + 895_671 + 654_519 + 470_119 + 540_442 + 495_235 + 576_572 + 351_258) * 100,
  );
  // 2022: the total printed for the contributions to families (821.377 €) is exactly these two areas.
  assert.equal(
    fano.rows.filter((r) => r.year === 2022).reduce((s, r) => s + r.amountCents, 0),
    821_377_00,
  );
});
