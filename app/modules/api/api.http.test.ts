import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { Actor } from '../../shared/auth/actor.ts';
import { cacheHeaders, etagMatches, strongEtag } from './api.http.ts';

test('the ETag is the sha-256 of the body in base64url, strong (no W/), and changes with a single byte', () => {
  const body = JSON.stringify({ data: [{ code: 'gallarate' }] });
  const etag = strongEtag(body);
  assert.equal(etag, `"${createHash('sha256').update(body).digest('base64url')}"`);
  assert.match(etag, /^"[A-Za-z0-9_-]{43}"$/);
  assert.notEqual(strongEtag(body.replace('gallarate', 'gallaratE')), etag);
  assert.equal(strongEtag(body), etag, 'the same body, the same ETag');
});

test('If-None-Match matches the ETag among others, weakly, or with *', () => {
  const etag = strongEtag('{}');
  assert.equal(etagMatches(null, etag), false);
  assert.equal(etagMatches('', etag), false);
  assert.equal(etagMatches(etag, etag), true);
  assert.equal(etagMatches(`"other", ${etag}`, etag), true);
  assert.equal(etagMatches(`W/${etag}`, etag), true, 'weak comparison (RFC 9110, 13.1.2)');
  assert.equal(etagMatches('*', etag), true);
  assert.equal(etagMatches('"other"', etag), false);
  assert.equal(etagMatches(etag.slice(0, -2) + '"', etag), false);
});

test('anonymous reads are public for a minute, signed-in ones private and revalidated, both vary on credentials', () => {
  assert.deepEqual(cacheHeaders({ kind: 'anonymous' }), { 'Cache-Control': 'public, max-age=60', Vary: 'Authorization, Cookie' });
  const user: Actor = { kind: 'user', userId: 'u', email: 'e', name: 'n', locale: 'it', grants: [], via: 'token' };
  assert.deepEqual(cacheHeaders(user), { 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Cookie' });
});
