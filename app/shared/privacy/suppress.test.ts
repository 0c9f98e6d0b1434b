import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measurePublishable, PRIVACY_THRESHOLD, publishCount } from './suppress.ts';

test('counts of people below the threshold are suppressed, zero included; from the threshold up they are published', () => {
  assert.equal(PRIVACY_THRESHOLD, 5);
  assert.deepEqual(publishCount(0), { value: null, suppressed: true });
  assert.deepEqual(publishCount(4), { value: null, suppressed: true });
  assert.deepEqual(publishCount(5), { value: 5, suppressed: false });
  assert.deepEqual(publishCount(127), { value: 127, suppressed: false });
  assert.deepEqual(publishCount(null), { value: null, suppressed: false });
  assert.deepEqual(publishCount(9, 10), { value: null, suppressed: true });
});

test('a measured value is published unless it is a small count, or a ratio with a small part', () => {
  assert.equal(measurePublishable('count', { type: 'number', value: 3 }), false);
  assert.equal(measurePublishable('count', { type: 'number', value: 12 }), true);
  assert.equal(measurePublishable('duration', { type: 'number', value: 3 }), true, 'a duration is not a count of people');
  assert.equal(measurePublishable('ratio', { type: 'ratio', numerator: 12, denominator: 25 }), true);
  assert.equal(measurePublishable('ratio', { type: 'ratio', numerator: 3, denominator: 25 }), false);
  assert.equal(measurePublishable('ratio', { type: 'ratio', numerator: 12, denominator: 4 }), false);
  assert.equal(measurePublishable('boolean', { type: 'boolean' }), true);
});
