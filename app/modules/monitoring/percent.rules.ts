// A percentage entered or computed in monitoring is a number from 0 to 100 (a printed grade, a whole number).
import type { FieldIssue } from '../../shared/errors.ts';

/** The issue with a percentage that is not a number from 0 to 100 (a whole number when `whole`); null when it is one. */
export function percentIssue(path: string, value: unknown, whole = false): FieldIssue | null {
  const valid = typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 && (!whole || Number.isInteger(value));
  return valid ? null : { path, message: `percentuale non valida: «${String(value)}» (${whole ? 'intero ' : ''}da 0 a 100)` };
}
