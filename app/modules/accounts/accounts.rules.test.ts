import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowanceDecision, formatWait, throttleDecision } from './accounts.rules.ts';

const now = new Date('2026-11-26T10:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);

test('four recent failures do not slow the next attempt', () => {
  assert.deepEqual(throttleDecision([ago(50), ago(40), ago(30), ago(20)], now), { allowed: true });
});

test('the fifth failure imposes a 30-second wait, counted from the last failure', () => {
  assert.deepEqual(throttleDecision([ago(50), ago(40), ago(30), ago(20), ago(10)], now), { allowed: false, retryAfterSeconds: 20 });
});

test('each further failure doubles the wait, up to 15 minutes', () => {
  const seven = [ago(70), ago(60), ago(50), ago(40), ago(30), ago(20), ago(0)];
  assert.deepEqual(throttleDecision(seven, now), { allowed: false, retryAfterSeconds: 120 });
  const many = Array.from({ length: 30 }, () => ago(0));
  assert.deepEqual(throttleDecision(many, now), { allowed: false, retryAfterSeconds: 900 });
});

test('failures older than the 15-minute window are forgotten', () => {
  assert.deepEqual(
    throttleDecision(
      Array.from({ length: 10 }, () => ago(16 * 60)),
      now,
    ),
    { allowed: true },
  );
});

test('waits read naturally in Italian', () => {
  assert.equal(formatWait(1), '1 secondo');
  assert.equal(formatWait(60), '1 minuto');
  assert.equal(formatWait(125), '2 minuti e 5 secondi');
});

test('requests anyone may send: at most max per address in the window; a refusal waits until the oldest leaves it', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  assert.deepEqual(allowanceDecision([ago(14), ago(10)], now, 3), { allowed: true });
  assert.deepEqual(allowanceDecision([ago(10), ago(14), ago(5)], now, 3), { allowed: false, retryAfterSeconds: 60 });
  // Older than the window: not counted.
  assert.deepEqual(allowanceDecision([ago(16), ago(20), ago(5), ago(4)], now, 3), { allowed: true });
  // More than max recorded (a lower limit since): the wait is until enough have left for one more.
  assert.deepEqual(allowanceDecision([ago(14), ago(13), ago(12), ago(1)], now, 3), { allowed: false, retryAfterSeconds: 120 });
});
