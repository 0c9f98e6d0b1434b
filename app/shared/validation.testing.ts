import assert from 'node:assert/strict';
import { ValidationError, type FieldIssue } from './errors.ts';

/**
 * For tests: runs `fn`, which must refuse its input, and returns the field issues of the ValidationError it threw
 * (the test fails when it throws something else or accepts the input).
 */
export function issuesOf(fn: () => unknown): FieldIssue[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ValidationError, `atteso un ValidationError, ricevuto ${String(error)}`);
    return error.issues;
  }
  assert.fail("l'input doveva essere rifiutato (ValidationError), ed è stato accettato");
}
