// The planning path of a plan: pure rules (no database, no words). Dates are ISO strings (AAAA-MM-GG), compared as
// strings; "today" is always passed in, so that the rules are the same in a test and on the server.
//
// The rules, kept simple and explicit:
// - a step is DONE when it has a closing date; LATE when it is not closed and its planned end has passed; CURRENT when
//   it has started (and is neither); TODO otherwise;
// - where the plan stands: the first step, in order, that is not closed ("Fase 3 di 6"); when all are closed, the path
//   is complete;
// - a step cannot start or close in the future, nor close before it starts (nor start after it closed);
// - a step closes after the steps before it have closed, and not before the latest of their closing dates: closing
//   out of order needs a written reason;
// - a planned end does not come before the planned start.

export type StepState = 'done' | 'current' | 'todo' | 'late';

export interface StepDates {
  plannedFrom: string | null;
  plannedTo: string | null;
  startedOn: string | null;
  closedOn: string | null;
}

/** The state of one step on `today`. */
export function stepState(step: StepDates, today: string): StepState {
  if (step.closedOn) return 'done';
  if (step.plannedTo && step.plannedTo < today) return 'late';
  if (step.startedOn) return 'current';
  return 'todo';
}

/** Where the plan stands: the 1-based number of the first step not closed, out of `total`, or the end of the path. */
export interface PathPosition {
  /** 1-based number of the step the plan is at (the last one when the path is complete). */
  step: number;
  total: number;
  /** 0-based index of that step. */
  index: number;
  complete: boolean;
  /** Steps closed, and steps late, on that day. */
  done: number;
  late: number;
}

export function wherePlanStands(steps: readonly StepDates[], today: string): PathPosition | null {
  if (steps.length === 0) return null;
  const open = steps.findIndex((s) => !s.closedOn);
  const states = steps.map((s) => stepState(s, today));
  const index = open === -1 ? steps.length - 1 : open;
  return {
    step: index + 1,
    total: steps.length,
    index,
    complete: open === -1,
    done: states.filter((s) => s === 'done').length,
    late: states.filter((s) => s === 'late').length,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks on the dates a user gives (each problem a code; the command says it in words)

export type DateProblem =
  | { code: 'startInFuture' }
  | { code: 'startAfterClose'; closedOn: string }
  | { code: 'notStarted' }
  | { code: 'closeInFuture' }
  | { code: 'closeBeforeStart'; startedOn: string }
  /** A step before this one (its 1-based number) is not closed: needs a reason. */
  | { code: 'previousOpen'; step: number }
  /** A step before this one closed later (its number and date): needs a reason. */
  | { code: 'beforePrevious'; step: number; closedOn: string }
  | { code: 'plannedOrder' };

/** The problems that a written reason lets the Ufficio di Piano go past (closing out of order). */
export const OVERRIDABLE: readonly DateProblem['code'][] = ['previousOpen', 'beforePrevious'];

/** Starting (or re-dating the start of) a step. */
export function startProblems(step: StepDates, startedOn: string, today: string): DateProblem[] {
  const problems: DateProblem[] = [];
  if (startedOn > today) problems.push({ code: 'startInFuture' });
  if (step.closedOn && startedOn > step.closedOn) problems.push({ code: 'startAfterClose', closedOn: step.closedOn });
  return problems;
}

/** Closing the step at `index` of `steps` (in path order) on `closedOn`. */
export function closeProblems(steps: readonly StepDates[], index: number, closedOn: string, today: string): DateProblem[] {
  const step = steps[index];
  if (!step) throw new RangeError(`no step at ${index}`);
  const problems: DateProblem[] = [];
  if (!step.startedOn) problems.push({ code: 'notStarted' });
  else if (closedOn < step.startedOn) problems.push({ code: 'closeBeforeStart', startedOn: step.startedOn });
  if (closedOn > today) problems.push({ code: 'closeInFuture' });
  const before = steps.slice(0, index);
  const open = before.findIndex((s) => !s.closedOn);
  if (open !== -1) problems.push({ code: 'previousOpen', step: open + 1 });
  let latest = -1;
  before.forEach((s, i) => {
    if (s.closedOn && s.closedOn > closedOn && (latest === -1 || s.closedOn > before[latest]!.closedOn!)) latest = i;
  });
  if (latest !== -1) problems.push({ code: 'beforePrevious', step: latest + 1, closedOn: before[latest]!.closedOn! });
  return problems;
}

/** The problems that remain once a reason is (or is not) given: with a reason, closing out of order is allowed. */
export function blocking(problems: readonly DateProblem[], reason: string | null): DateProblem[] {
  return reason ? problems.filter((p) => !OVERRIDABLE.includes(p.code)) : [...problems];
}

/** Planned dates: the end does not come before the start. */
export function plannedProblems(plannedFrom: string | null, plannedTo: string | null): DateProblem[] {
  return plannedFrom && plannedTo && plannedTo < plannedFrom ? [{ code: 'plannedOrder' }] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Planned dates from a template's typical durations

/** `iso` plus `days` days (calendar days, UTC). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The planned dates of steps done one after the other from `start`, each lasting its typical duration in days: a step
 * starts the day the previous one is planned to end. A step without a duration gets a start and no end, and the next
 * one starts the same day.
 */
export function plannedSchedule(start: string, durations: readonly (number | null | undefined)[]): { plannedFrom: string; plannedTo: string | null }[] {
  let cursor = start;
  return durations.map((days) => {
    const from = cursor;
    const to = days ? addDays(from, days) : null;
    if (to) cursor = to;
    return { plannedFrom: from, plannedTo: to };
  });
}

/** The index a step moves to (up: one earlier, down: one later), or null at the edge of the path. */
export function moveTarget(index: number, count: number, direction: 'up' | 'down'): number | null {
  const target = direction === 'up' ? index - 1 : index + 1;
  return target < 0 || target >= count ? null : target;
}
