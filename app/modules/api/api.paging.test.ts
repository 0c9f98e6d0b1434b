import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { ValidationError } from '../../shared/errors.ts';
import { decodeCursor, encodeCursor, intKey, pageOf, parseLimit, readPage, textKey, uuidKey } from './api.paging.ts';

const KEY = z.tuple([intKey, textKey]);

/** The issue of a refused parameter: its path and its message. */
function refusal(fn: () => unknown): { path: string; message: string; top: string } {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ValidationError, `a ValidationError, not ${String(e)}`);
    return { ...e.issues[0]!, top: e.message };
  }
  assert.fail('the parameter was accepted');
}

test('limit: 100 when absent, 1 to 1000 accepted, anything else refused naming the parameter', () => {
  assert.equal(parseLimit(null), 100);
  assert.equal(parseLimit(''), 100);
  assert.equal(parseLimit('1'), 1);
  assert.equal(parseLimit('1000'), 1000);
  for (const bad of ['0', '1001', '-5', '2.5', 'abc', '1e3', ' ', '99999999999']) {
    const r = refusal(() => parseLimit(bad));
    assert.equal(r.path, 'limit', bad);
    assert.match(r.message, /numero intero da 1 a 1000/);
    assert.match(r.top, /Parametro «limit» non valido/);
  }
});

test('a cursor gives back the key it was made from, for its own list only', () => {
  const c = encodeCursor('obiettivi', [3, 'LEPS-PUA']);
  assert.match(c, /^[A-Za-z0-9_-]+$/, 'URL-safe, no padding');
  assert.deepEqual(decodeCursor('obiettivi', c, KEY), [3, 'LEPS-PUA']);
  assert.equal(decodeCursor('obiettivi', null, KEY), null);
  assert.equal(decodeCursor('obiettivi', '', KEY), null);
  assert.equal(refusal(() => decodeCursor('azioni', c, KEY)).path, 'cursor', 'a cursor of another list');
});

test('a tampered, truncated or ill-typed cursor is a 400 on «cursor», never a database error', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const bad = [
    'not a cursor!',
    encodeCursor('obiettivi', [3, 'x']).slice(0, 10),
    b64({ l: 'obiettivi', k: ['3', 'x'] }),
    b64({ l: 'obiettivi', k: [3] }),
    b64({ l: 'obiettivi', k: [2 ** 40, 'x'] }),
    b64({ l: 'obiettivi', k: [1.5, 'x'] }),
    b64('just a string'),
    'x'.repeat(3000),
  ];
  for (const raw of bad) {
    const r = refusal(() => decodeCursor('obiettivi', raw, KEY));
    assert.equal(r.path, 'cursor');
    assert.match(r.message, /page\.next/);
  }
  const withId = z.tuple([intKey, uuidKey]);
  assert.equal(refusal(() => decodeCursor('misure', encodeCursor('misure', [1, "1' or 1=1"]), withId)).path, 'cursor', 'a UUID column is checked');
});

test('pages: limit rows, the next URL keeps the query and carries the key of the last row shown', () => {
  const url = new URL('http://x/api/v1/piani/p/obiettivi?limit=2&anno=2025');
  const rows = [
    { p: 0, c: 'A' },
    { p: 1, c: 'B' },
    { p: 2, c: 'C' },
  ];
  const first = pageOf(
    url,
    'obiettivi',
    2,
    rows,
    (r) => [r.p, r.c],
    (r) => r.c,
  );
  assert.deepEqual(first.data, ['A', 'B']);
  const next = new URL(first.page.next!);
  assert.equal(next.searchParams.get('limit'), '2');
  assert.equal(next.searchParams.get('anno'), '2025');
  assert.deepEqual(readPage(next, 'obiettivi', KEY), { limit: 2, after: [1, 'B'] });
  const last = pageOf(
    url,
    'obiettivi',
    2,
    rows.slice(2),
    (r) => [r.p, r.c],
    (r) => r.c,
  );
  assert.deepEqual(last, { data: ['C'], page: { limit: 2, next: null } });
  assert.deepEqual(
    pageOf(
      url,
      'obiettivi',
      2,
      [],
      (r: { p: number; c: string }) => [r.p, r.c],
      (r) => r,
    ),
    { data: [], page: { limit: 2, next: null } },
  );
});
