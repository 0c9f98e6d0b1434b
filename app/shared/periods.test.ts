import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodsOverlap } from './periods.ts';

test('two periods overlap when they share a day, both ends included; open ends reach forever', () => {
  const p = (from: string | null, to: string | null) => ({ from, to });
  assert.equal(periodsOverlap(p('2024-01-01', '2024-12-31'), p('2024-12-31', '2025-06-30')), true, 'the same last and first day');
  assert.equal(periodsOverlap(p('2024-01-01', '2024-12-31'), p('2025-01-01', null)), false, 'one after the other');
  assert.equal(periodsOverlap(p('2025-01-01', null), p('2030-05-01', '2030-05-01')), true, 'a running period');
  assert.equal(periodsOverlap(p(null, '2020-01-01'), p('2019-06-01', '2019-06-30')), true, 'since ever');
  assert.equal(periodsOverlap(p(null, null), p('2024-03-01', '2024-03-01')), true);
  assert.equal(periodsOverlap(p('2024-03-02', '2024-03-31'), p('2024-03-01', '2024-03-01')), false);
});
