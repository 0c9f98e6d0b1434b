import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRIVACY_THRESHOLD, publishCount } from './suppress.ts';

test('counts of people below the threshold are suppressed, zero included; from the threshold up they are published', () => {
  assert.equal(PRIVACY_THRESHOLD, 5);
  assert.deepEqual(publishCount(0), { value: null, suppressed: true });
  assert.deepEqual(publishCount(4), { value: null, suppressed: true });
  assert.deepEqual(publishCount(5), { value: 5, suppressed: false });
  assert.deepEqual(publishCount(127), { value: 127, suppressed: false });
  assert.deepEqual(publishCount(null), { value: null, suppressed: false });
  assert.deepEqual(publishCount(9, 10), { value: null, suppressed: true });
});
