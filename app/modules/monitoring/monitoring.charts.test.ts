import assert from 'node:assert/strict';
import { test } from 'node:test';
import { targetsVsActualsChart } from './monitoring.charts.ts';

const words = { actual: 'Valore misurato', target: 'Target', xAxis: 'Anno', yAxis: 'Valore' };

test('a year without a value is not drawn (null), never as a zero bar', () => {
  const chart = targetsVsActualsChart({ years: [2025, 2026, 2027], actual: [null, 0, 12], target: [10, null, 14], percent: false, words, locale: 'it' });
  const series = chart.series as { name: string; data: (number | null)[] }[];
  assert.deepEqual(series.find((s) => s.name === 'Valore misurato')!.data, [null, 0, 12]);
  assert.deepEqual(series.find((s) => s.name === 'Target')!.data, [10, null, 14]);
});

test('the words are the caller’s (the reader’s language), numbers in its format', () => {
  const en = { actual: 'Measured value', target: 'Target', xAxis: 'Year', yAxis: 'Value' };
  const chart = targetsVsActualsChart({ years: [2025], actual: [1234.5], target: [50], percent: true, words: en, locale: 'en' });
  assert.deepEqual((chart.legend as { data: string[] }).data, ['Measured value', 'Target']);
  assert.equal((chart.xAxis as { name: string }).name, 'Year');
  const formatter = (chart.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
  assert.equal(formatter(1234.5), '1,234.5%');
});
