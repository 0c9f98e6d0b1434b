import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comuneDue, measuredPerComune } from './monitoring.rules.ts';

const SAMARATE = 'comune-samarate';
const GALLARATE = 'comune-gallarate';
const plan = { periodStartYear: 2025, periodEndYear: 2027 };

test('an indicator is measured per comune once a comune value is recorded; Ambito values alone do not make it so', () => {
  const set = measuredPerComune([
    { indicatorId: 'a', comuneId: null },
    { indicatorId: 'b', comuneId: GALLARATE },
    { indicatorId: 'b', comuneId: null },
  ]);
  assert.deepEqual([...set], ['b']);
});

test('a comune owes every ended period without its value (closed) and the current one (open), only for indicators measured per comune', () => {
  const due = comuneDue({
    indicators: [
      { id: 'per-comune', periodicity: 'semiannual' },
      { id: 'ambito-only', periodicity: 'semiannual' },
      { id: 'yearly', periodicity: 'annual' },
    ],
    values: [
      { indicatorId: 'per-comune', period: '2025-S1', comuneId: GALLARATE },
      { indicatorId: 'per-comune', period: '2025-S1', comuneId: SAMARATE },
      { indicatorId: 'ambito-only', period: '2025-S1', comuneId: null },
      { indicatorId: 'yearly', period: '2025', comuneId: GALLARATE },
    ],
    comuneId: SAMARATE,
    plan,
    locks: ['2025'],
    today: '2026-12-04',
  });
  assert.deepEqual(due, [
    { indicatorId: 'per-comune', period: '2025-S2', state: 'closed', locked: true },
    { indicatorId: 'per-comune', period: '2026-S1', state: 'closed', locked: false },
    { indicatorId: 'per-comune', period: '2026-S2', state: 'open', locked: false },
    { indicatorId: 'yearly', period: '2025', state: 'closed', locked: true },
    { indicatorId: 'yearly', period: '2026', state: 'open', locked: false },
  ]);
});

test('the last day of a period it is still open', () => {
  const due = comuneDue({
    indicators: [{ id: 'x', periodicity: 'semiannual' }],
    values: [{ indicatorId: 'x', period: '2025-S1', comuneId: GALLARATE }],
    comuneId: SAMARATE,
    plan: { periodStartYear: 2025, periodEndYear: 2025 },
    locks: [],
    today: '2025-06-30',
  });
  assert.deepEqual(due, [{ indicatorId: 'x', period: '2025-S1', state: 'open', locked: false }]);
});
