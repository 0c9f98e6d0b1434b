import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addDays,
  blocking,
  closeProblems,
  moveTarget,
  plannedProblems,
  plannedSchedule,
  startProblems,
  stepState,
  wherePlanStands,
  type StepDates,
} from './participation.path.rules.ts';

const step = (s: Partial<StepDates> = {}): StepDates => ({ plannedFrom: null, plannedTo: null, startedOn: null, closedOn: null, ...s });

// The Gallarate 2025-2027 path as the demo records it (fixtures/demo/gallarate/partecipazione/percorso-2025-2027.json).
const GALLARATE = [
  step({ startedOn: '2024-07-01', closedOn: '2024-10-09' }),
  step({ startedOn: '2024-10-09', closedOn: '2024-10-18' }),
  step({ startedOn: '2024-10-18', closedOn: '2024-12-02' }),
  step({ startedOn: '2024-12-02', closedOn: '2024-12-02' }),
  step({ startedOn: '2024-12-02', closedOn: '2025-01-01' }),
  step({ startedOn: '2025-01-01' }),
];

test('a step is done when closed, late when its planned end has passed, current when started, todo otherwise', () => {
  const today = '2024-11-15';
  assert.equal(stepState(step({ startedOn: '2024-10-01', closedOn: '2024-10-18', plannedTo: '2024-10-01' }), today), 'done');
  assert.equal(stepState(step({ startedOn: '2024-10-01', plannedTo: '2024-11-14' }), today), 'late');
  assert.equal(stepState(step({ plannedFrom: '2024-10-01', plannedTo: '2024-11-14' }), today), 'late', 'not started and past its end');
  assert.equal(stepState(step({ startedOn: '2024-10-01', plannedTo: '2024-11-15' }), today), 'current', 'the planned end day itself is not late');
  assert.equal(stepState(step({ startedOn: '2024-10-01' }), today), 'current');
  assert.equal(stepState(step({ plannedFrom: '2024-12-01', plannedTo: '2024-12-31' }), today), 'todo');
  assert.equal(stepState(step(), today), 'todo');
});

test('where the plan stands: the first step not closed, out of all; complete when every step is closed', () => {
  assert.equal(wherePlanStands([], '2026-01-01'), null);
  assert.deepEqual(wherePlanStands(GALLARATE, '2026-12-05'), { step: 6, total: 6, index: 5, complete: false, done: 5, late: 0 });
  const threeOpen = [GALLARATE[0]!, GALLARATE[1]!, step({ startedOn: '2024-10-18', plannedTo: '2024-11-30' }), step(), step(), step()];
  assert.deepEqual(wherePlanStands(threeOpen, '2024-12-01'), { step: 3, total: 6, index: 2, complete: false, done: 2, late: 1 });
  const all = GALLARATE.map((s) => ({ ...s, closedOn: s.closedOn ?? '2025-02-01' }));
  assert.deepEqual(wherePlanStands(all, '2026-12-05'), { step: 6, total: 6, index: 5, complete: true, done: 6, late: 0 });
  // A later step closed out of order does not move the plan past the open one.
  const outOfOrder = [step({ startedOn: '2024-01-01' }), step({ startedOn: '2024-01-01', closedOn: '2024-02-01' })];
  assert.equal(wherePlanStands(outOfOrder, '2024-03-01')!.step, 1);
});

test('a step cannot start in the future nor after it closed', () => {
  assert.deepEqual(startProblems(step(), '2024-10-09', '2024-10-09'), []);
  assert.deepEqual(startProblems(step(), '2024-10-10', '2024-10-09'), [{ code: 'startInFuture' }]);
  assert.deepEqual(startProblems(step({ startedOn: '2024-10-01', closedOn: '2024-10-18' }), '2024-10-19', '2025-01-01'), [
    { code: 'startAfterClose', closedOn: '2024-10-18' },
  ]);
});

test('a step closes after it started, not in the future, and after the steps before it', () => {
  const today = '2026-12-05';
  assert.deepEqual(closeProblems(GALLARATE, 5, '2025-01-31', today), []);
  assert.deepEqual(closeProblems(GALLARATE, 5, '2024-12-31', today), [
    { code: 'closeBeforeStart', startedOn: '2025-01-01' },
    { code: 'beforePrevious', step: 5, closedOn: '2025-01-01' },
  ]);
  assert.deepEqual(closeProblems(GALLARATE, 5, '2027-01-01', today), [{ code: 'closeInFuture' }]);
  assert.deepEqual(closeProblems([step(), step()], 1, '2024-01-01', today), [{ code: 'notStarted' }, { code: 'previousOpen', step: 1 }]);
  // The latest earlier closing is named (step 3, 2024-12-02), not the first one found.
  const path = [GALLARATE[0]!, GALLARATE[1]!, GALLARATE[2]!, step({ startedOn: '2024-10-01' })];
  assert.deepEqual(closeProblems(path, 3, '2024-10-10', today), [{ code: 'beforePrevious', step: 3, closedOn: '2024-12-02' }]);
  assert.deepEqual(closeProblems(path, 3, '2024-12-02', today), [], 'the same day as the previous closing is in order');
  assert.throws(() => closeProblems(path, 4, '2024-12-02', today), RangeError);
});

test('a written reason lets a step close out of order, never before it starts or in the future', () => {
  const problems = closeProblems([step(), step({ startedOn: '2024-02-01' })], 1, '2024-01-15', '2024-01-10');
  assert.deepEqual(
    problems.map((p) => p.code),
    ['closeBeforeStart', 'closeInFuture', 'previousOpen'],
  );
  assert.deepEqual(
    blocking(problems, 'Il tavolo ha chiuso prima della sintesi').map((p) => p.code),
    ['closeBeforeStart', 'closeInFuture'],
  );
  assert.deepEqual(blocking(problems, null), problems);
  assert.deepEqual(blocking([{ code: 'previousOpen', step: 1 }], 'motivo'), []);
});

test('a planned end does not come before its planned start', () => {
  assert.deepEqual(plannedProblems('2024-10-09', '2024-10-08'), [{ code: 'plannedOrder' }]);
  assert.deepEqual(plannedProblems('2024-10-09', '2024-10-09'), []);
  assert.deepEqual(plannedProblems(null, '2024-10-08'), []);
});

test('planned dates follow the typical durations one after the other', () => {
  assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.deepEqual(plannedSchedule('2024-07-01', [90, 30, null, 15]), [
    { plannedFrom: '2024-07-01', plannedTo: '2024-09-29' },
    { plannedFrom: '2024-09-29', plannedTo: '2024-10-29' },
    { plannedFrom: '2024-10-29', plannedTo: null },
    { plannedFrom: '2024-10-29', plannedTo: '2024-11-13' },
  ]);
  assert.deepEqual(plannedSchedule('2024-07-01', []), []);
});

test('a step moves one place up or down, never past the ends of the path', () => {
  assert.equal(moveTarget(0, 6, 'up'), null);
  assert.equal(moveTarget(0, 6, 'down'), 1);
  assert.equal(moveTarget(5, 6, 'down'), null);
  assert.equal(moveTarget(5, 6, 'up'), 4);
});
