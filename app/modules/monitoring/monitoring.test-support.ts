// What the monitoring tests share: the check that a rule refuses its input with issues, a seeded generator for the
// property tests, a tolerant comparison, and the module's texts in Italian (the rules return facts; the tests read
// them as a page would write them, in Italian, to keep the figures word for word).
import assert from 'node:assert/strict';
import { formatterFor } from '../../shared/format/index.ts';
import { registerMessages, translate } from '../../shared/i18n/messages.ts';
import * as messages from './monitoring.messages.ts';
import {
  gradeFormula,
  meanFormula,
  metFormula,
  spendingFormula,
  progressFormula,
  realisationFormula,
  reasonText,
  targetDescription,
  type RealisationFacts,
  type Translate,
} from './components/value-text.ts';
import type { TargetRule } from './targets.rules.ts';
import type { Progress, TargetCounts } from './progress.rules.ts';
import type { Reason } from './targets.rules.ts';
export { issuesOf } from '../../shared/validation.testing.ts';

/** A small seeded generator (mulberry32): `next(max)` is an integer from 0 to max, the same every run. */
export function generator(seed: number) {
  let s = seed >>> 0;
  return (max: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % (max + 1);
  };
}

/** A number equal to the expected one within rounding (null fails). */
export function close(actual: number | null, expected: number, message?: string): void {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${message ?? ''} expected ${expected}, got ${actual}`);
}

registerMessages(messages);
const f = formatterFor('it');
const t: Translate = (key, params) => translate('it', key, params);

/** A target's reason as the Italian page writes it. */
export const reasonIt = (reason: Reason) => reasonText(reason, f, t);
/** A progress formula as the Italian page writes it. */
export const progressIt = (p: Pick<Progress, 'terms' | 'missing' | 'value'>) => progressFormula(p, f, t);
/** An action's realisation formula as the Italian page writes it. */
export const realisationIt = (r: RealisationFacts) => realisationFormula(r, f, t);
/** The share of targets met, as the Italian page writes it. */
export const metIt = (c: TargetCounts) => metFormula(c, f, t);
/** A target and when it is due, as the Italian page writes it (plan ending in 2027). */
export const targetIt = (target: { year: number | null; rule: TargetRule }, planEndYear = 2027) => targetDescription(target, planEndYear, 'it', t);
/** The regional grid's formulas as the Italian page writes them. */
export const gradeIt = (g: Parameters<typeof gradeFormula>[0]) => gradeFormula(g, f, t);
export const meanIt = (m: Parameters<typeof meanFormula>[0]) => meanFormula(m, f, t);
export const spendingIt = (s: Parameters<typeof spendingFormula>[0]) => spendingFormula(s, f, t);
