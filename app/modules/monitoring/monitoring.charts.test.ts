import assert from 'node:assert/strict';
import { test } from 'node:test';
import { targetsVsActualsChart } from './monitoring.charts.ts';

test('a year without a value is not drawn (null), never as a zero bar', () => {
  const chart = targetsVsActualsChart({ years: [2025, 2026, 2027], actual: [null, 0, 12], target: [10, null, 14], percent: false });
  const series = chart.series as { name: string; data: (number | null)[] }[];
  assert.deepEqual(series.find((s) => s.name === 'Valore misurato')!.data, [null, 0, 12]);
  assert.deepEqual(series.find((s) => s.name === 'Target')!.data, [10, null, 14]);
});
