import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffSnapshots } from './audit.rules.ts';

test('lists only the fields that changed, ignoring timestamps', () => {
  const before = { name: 'A', version: 1, description: null, updatedAt: '2026-01-01' };
  const after = { name: 'B', version: 2, description: null, updatedAt: '2026-01-02' };
  assert.deepEqual(diffSnapshots(before, after), [
    { field: 'name', before: 'A', after: 'B' },
    { field: 'version', before: 1, after: 2 },
  ]);
});

test('a creation shows every field as new', () => {
  assert.deepEqual(diffSnapshots(null, { name: 'X' }), [{ field: 'name', before: null, after: 'X' }]);
});
