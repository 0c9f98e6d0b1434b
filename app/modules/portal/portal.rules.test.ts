import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { choosePlan, defaultPlan, latestResult, latestResults, nextMeetings, periodOf, periodOrder, planQuery, sumBy } from './portal.rules.ts';

const plan = (id: string, status: string, start: number, end: number) => ({ id, status, periodStartYear: start, periodEndYear: end });

// Gallarate's two plans: 2021-2023 closed, 2025-2027 adopted on 2 December 2024.
const GALLARATE = [plan('p2025', 'adopted', 2025, 2027), plan('p2021', 'closed', 2021, 2023)];

describe('the plan the portal shows', () => {
  test('the plan in force today: Gallarate 2025-2027 in 2026', () => {
    assert.equal(defaultPlan(GALLARATE, '2026-03-01')?.id, 'p2025');
  });

  test('an adopted plan before its period starts is shown rather than the closed one (December 2024)', () => {
    assert.equal(defaultPlan(GALLARATE, '2024-12-20')?.id, 'p2025');
  });

  test('only closed plans: the latest closed one', () => {
    assert.equal(defaultPlan([plan('a', 'closed', 2018, 2020), plan('b', 'closed', 2021, 2023)], '2026-01-01')?.id, 'b');
  });

  test('overlapping plans in force: the one starting last', () => {
    const plans = [plan('old', 'implementation', 2024, 2026), plan('new', 'transmitted', 2025, 2027)];
    assert.equal(defaultPlan(plans, '2025-06-01')?.id, 'new');
  });

  test('no public plan: null', () => {
    assert.equal(defaultPlan([], '2026-01-01'), null);
  });

  test('a period asked for names its plan; an unknown period is null (a 404 page), never another plan', () => {
    assert.deepEqual(choosePlan(GALLARATE, '2026-03-01', '2021-2023'), { plan: GALLARATE[1], isDefault: false });
    assert.deepEqual(choosePlan(GALLARATE, '2026-03-01', '2025-2027'), { plan: GALLARATE[0], isDefault: true });
    assert.equal(choosePlan(GALLARATE, '2026-03-01', '2019-2021'), null);
    assert.deepEqual(choosePlan(GALLARATE, '2026-03-01', null), { plan: GALLARATE[0], isDefault: true });
  });

  test('the period in the address only for a plan that is not the default one', () => {
    assert.equal(periodOf(GALLARATE[1]!), '2021-2023');
    assert.equal(planQuery({ plan: GALLARATE[1]!, isDefault: false }), '?periodo=2021-2023');
    assert.equal(planQuery({ plan: GALLARATE[0]!, isDefault: true }), '');
  });
});

describe('latest results', () => {
  test('a period ends: a year in December, a semester in June or December, a quarter every three months', () => {
    assert.equal(periodOrder('2025'), 202512);
    assert.equal(periodOrder('2025-S1'), 202506);
    assert.equal(periodOrder('2025-Q3'), 202509);
    assert.equal(periodOrder('2025-S3'), null);
    assert.equal(periodOrder('venticinque'), null);
  });

  test('the latest result of an objective is the one whose period ends last; unmeasured indicators are skipped', () => {
    const results = [
      { id: 'a', period: '2025-S1' },
      { id: 'b', period: null },
      { id: 'c', period: '2025' },
      { id: 'd', period: '2025-Q4' },
    ];
    assert.equal(latestResult(results)?.id, 'c', '2025 and 2025-Q4 both end in December: the first in the plan’s order');
    assert.equal(latestResult([{ id: 'x', period: null }]), null);
  });

  test('the latest results of a plan: newest first, measured only, at most the limit', () => {
    const results = [
      { id: 'a', period: '2025-S1' },
      { id: 'b', period: null },
      { id: 'c', period: '2026-Q1' },
      { id: 'd', period: '2024' },
    ];
    assert.deepEqual(
      latestResults(results, 2).map((r) => r.id),
      ['c', 'a'],
    );
    assert.deepEqual(
      latestResults(results, 10).map((r) => r.id),
      ['c', 'a', 'd'],
    );
  });
});

describe('meetings and sums', () => {
  test('next meetings: not ended yet, soonest first; a meeting under way is still «next»', () => {
    const now = new Date('2026-03-01T17:30:00Z');
    const meetings = [
      { id: 'past', startsAt: '2026-02-01T16:00:00Z', endsAt: '2026-02-01T18:00:00Z' },
      { id: 'later', startsAt: '2026-05-01T16:00:00Z', endsAt: '2026-05-01T18:00:00Z' },
      { id: 'now', startsAt: '2026-03-01T16:00:00Z', endsAt: '2026-03-01T18:00:00Z' },
      { id: 'soon', startsAt: '2026-04-01T16:00:00Z', endsAt: '2026-04-01T18:00:00Z' },
    ];
    assert.deepEqual(
      nextMeetings(meetings, now, 2).map((m) => m.id),
      ['now', 'soon'],
    );
  });

  test('sums by key in cents, largest first', () => {
    const lines = [
      { fund: 'FNPS', cents: 100_00 },
      { fund: 'FNA', cents: 250_00 },
      { fund: 'FNPS', cents: 200_00 },
    ];
    assert.deepEqual(
      sumBy(
        lines,
        (l) => l.fund,
        (l) => l.cents,
      ),
      [
        { key: 'FNPS', cents: 300_00 },
        { key: 'FNA', cents: 250_00 },
      ],
    );
  });
});
