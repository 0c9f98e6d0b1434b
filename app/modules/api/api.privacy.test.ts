import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measurementValue, serviceUsersFigures } from './api.privacy.ts';

test('a count of people below 5 is suppressed for the public, exact for the Ambito’s readers', () => {
  assert.deepEqual(measurementValue('count', { type: 'number', value: 3 }, true), { value: null, numerator: null, denominator: null, suppressed: true });
  assert.deepEqual(measurementValue('count', { type: 'number', value: 0 }, true).suppressed, true, '0 is suppressed too');
  assert.deepEqual(measurementValue('count', { type: 'number', value: 5 }, true), { value: 5, numerator: null, denominator: null, suppressed: false });
  assert.deepEqual(measurementValue('count', { type: 'number', value: 3 }, false), { value: 3, numerator: null, denominator: null, suppressed: false });
});

test('a ratio goes out with its percentage only when both parts can', () => {
  assert.deepEqual(measurementValue('ratio', { type: 'ratio', numerator: 12, denominator: 25, percent: 48 }, true), {
    value: 48,
    numerator: 12,
    denominator: 25,
    suppressed: false,
  });
  assert.equal(measurementValue('ratio', { type: 'ratio', numerator: 3, denominator: 25, percent: 12 }, true).suppressed, true);
  assert.equal(measurementValue('ratio', { type: 'ratio', numerator: 5, denominator: 4, percent: 125 }, true).suppressed, true);
  assert.equal(measurementValue('ratio', { type: 'ratio', numerator: 3, denominator: 25, percent: 12 }, false).value, 12);
});

test('durations, yes/no and stages are not counts of people; a missing value is null, not suppressed', () => {
  assert.equal(measurementValue('duration', { type: 'number', value: 2 }, true).value, 2);
  assert.equal(measurementValue('boolean', { type: 'boolean', value: true }, true).value, true);
  assert.equal(measurementValue('category', { type: 'text', value: 'avviato' }, true).value, 'avviato');
  assert.deepEqual(measurementValue('count', { type: 'none' }, true), { value: null, numerator: null, denominator: null, suppressed: false });
});

test('users of a service: suppressed below 5 with no cost per user (it would give the count back)', () => {
  assert.deepEqual(serviceUsersFigures(4418, 8_208_518_00, true), { users: 4418, suppressed: false, costPerUserCents: 185_797 });
  assert.deepEqual(serviceUsersFigures(3, 1_000_00, true), { users: null, suppressed: true, costPerUserCents: null });
  assert.deepEqual(serviceUsersFigures(3, 1_000_00, false), { users: 3, suppressed: false, costPerUserCents: 33_333 });
  assert.deepEqual(serviceUsersFigures(null, 1_663_999_00, true), { users: null, suppressed: false, costPerUserCents: null });
});
