import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inBatches, writeInBatches } from './batches.ts';

test('every row is written once, in order, in batches within the bounds, with the running count after each', async () => {
  const rows = Array.from({ length: 2_345 }, (_, i) => i);
  const written: number[] = [];
  const sizes: number[] = [];
  const reported: number[] = [];
  const n = await writeInBatches(
    rows,
    async (batch) => {
      sizes.push(batch.length);
      written.push(...batch);
    },
    { initial: 200, min: 100, max: 400, after: async (done) => void reported.push(done) },
  );
  assert.equal(n, rows.length);
  assert.deepEqual(written, rows);
  assert.ok(sizes.slice(0, -1).every((s) => s >= 100 && s <= 400));
  assert.equal(sizes[0], 200);
  assert.deepEqual(
    reported,
    sizes.map((_, i) => sizes.slice(0, i + 1).reduce((a, b) => a + b, 0)),
  );
});

test('a batch that costs the event loop nothing (the database works elsewhere) lets the next ones grow, at most doubling', async () => {
  const sizes: number[] = [];
  await writeInBatches(
    Array.from({ length: 20_000 }, (_, i) => i),
    async (batch) => {
      sizes.push(batch.length);
      await new Promise((resolve) => setTimeout(resolve, 1));
    },
    { initial: 500, max: 5_000 },
  );
  assert.equal(sizes[0], 500);
  assert.ok(
    sizes.every((s, i) => i === 0 || s <= sizes[i - 1]! * 2),
    'never more than double the previous batch',
  );
  assert.ok(Math.max(...sizes) > 500, 'batches grow when a statement does not hold the event loop');
  assert.ok(sizes.every((s) => s <= 5_000));
});

test('inBatches stops at the first step that does less than asked (a delete that found the last rows)', async () => {
  let left = 700;
  const asked: number[] = [];
  const total = await inBatches(
    async (size) => {
      asked.push(size);
      const n = Math.min(size, left);
      left -= n;
      return n;
    },
    { initial: 500 },
  );
  assert.equal(total, 700);
  assert.equal(asked.length, 2, 'the second step found 200 of the rows it asked for: no third one');
});
