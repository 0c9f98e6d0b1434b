import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isInForce, populationShare, populationTotal } from './territory.rules.ts';

// The 9 comuni of the Ambito di Gallarate at the 2011 census (ISTAT).
const gallarate2011 = [50456, 5292, 7830, 21386, 5713, 5084, 4295, 16168, 4274].map((population) => ({ population }));

test('the Ambito population is the sum of its comuni: Gallarate 2011 = 120.498', () => {
  assert.deepEqual(populationTotal(gallarate2011), { total: 120_498, missing: 0 });
});

test('a comune without a figure is counted as missing, not as zero', () => {
  assert.deepEqual(populationTotal([{ population: 10 }, { population: null }]), { total: 10, missing: 1 });
});

test('share of the Ambito population: Gallarate 50.456 of 120.498 is 41,9 %', () => {
  assert.equal(populationShare(50_456, 120_498), 41.9);
  assert.equal(populationShare(1, 0), null);
});

test('membership validity is inclusive at both ends and open when validTo is null', () => {
  const m = { validFrom: '2020-01-01', validTo: '2024-12-31' };
  assert.equal(isInForce(m, '2019-12-31'), false);
  assert.equal(isInForce(m, '2020-01-01'), true);
  assert.equal(isInForce(m, '2024-12-31'), true);
  assert.equal(isInForce(m, '2025-01-01'), false);
  assert.equal(isInForce({ validFrom: '2020-01-01', validTo: null }, '2099-01-01'), true);
});
