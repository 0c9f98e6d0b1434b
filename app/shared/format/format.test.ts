import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRatio,
  formatterFor,
  parseCount,
  parseEuroCents,
  parseItalianNumber,
} from './index.ts';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('money: euro from cents, cents shown only when there are any, in both languages', () => {
  assert.equal(nbsp(formatMoney('it', 148_000_000)), '1.480.000 €');
  assert.equal(nbsp(formatMoney('it', 4_000_050)), '40.000,50 €');
  assert.equal(formatMoney('en', 148_000_000), '€1,480,000');
  assert.equal(formatMoney('it', null), 'n.d.');
});

test('percent and ratio keep two decimals; a zero denominator is n.d., not 0', () => {
  assert.equal(formatPercent('it', (88_010 * 100) / 120_498), '73,04 %');
  assert.equal(formatPercent('en', 73.0385), '73.04%');
  assert.equal(formatRatio('it', 1, 0), 'n.d.');
  assert.equal(formatRatio('it', 88_010, 110_932), '79,34 %');
});

test('numbers group thousands even below 10.000 (5.000), dates are dd/mm/yyyy in Rome', () => {
  assert.equal(formatNumber('it', 5000), '5.000');
  assert.equal(formatNumber('it', 30.7138, 2), '30,71');
  assert.equal(formatDate('it', '2024-12-02'), '02/12/2024');
  assert.equal(formatDate('it', null), '—');
  assert.equal(formatDateTime('it', '2024-12-02T08:30:00Z'), '02/12/2024, 09:30:00');
  assert.equal(formatterFor('en').date('2023-12-31'), '31/12/2023');
});

test('Italian parsers: thousands dots, decimal comma, spreadsheet dot decimals', () => {
  assert.equal(parseItalianNumber('1.234,5'), 1234.5);
  assert.equal(parseItalianNumber('0,75'), 0.75);
  assert.equal(parseItalianNumber('12.5'), 12.5);
  assert.equal(parseItalianNumber('1.250'), 1250);
  assert.equal(parseItalianNumber('-3,5'), -3.5);
  assert.equal(parseItalianNumber(''), null);
  assert.ok(Number.isNaN(parseItalianNumber('1,2,3') as number));
  assert.deepEqual(parseEuroCents('€ 1.234,56'), { ok: true, value: 123_456 });
  assert.deepEqual(parseEuroCents('1.250'), { ok: true, value: 125_000 });
  assert.deepEqual(parseEuroCents('1234.5'), { ok: true, value: 123_450 });
  assert.deepEqual(parseEuroCents('-5'), { ok: false, reason: 'negative' });
  assert.deepEqual(parseEuroCents('1,234'), { ok: false, reason: 'too_many_decimals' });
  assert.deepEqual(parseEuroCents('abc'), { ok: false, reason: 'invalid' });
  assert.deepEqual(parseCount('4.418'), { ok: true, value: 4418 });
  assert.deepEqual(parseCount(''), { ok: true, value: null });
});
