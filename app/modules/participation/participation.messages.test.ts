import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PARTS } from './participation.messages.ts';

test('every participation key is declared by exactly one part, in both languages', () => {
  const owner = new Map<string, string>();
  for (const [part, dict] of Object.entries(PARTS)) {
    for (const key of Object.keys(dict.it)) {
      assert.equal(owner.get(key), undefined, `${key} is declared by ${owner.get(key)} and by ${part}`);
      owner.set(key, part);
      assert.ok(key.startsWith('part.'), `${key} (${part}) must start with «part.»`);
    }
    assert.deepEqual(Object.keys(dict.en).sort(), Object.keys(dict.it).sort(), `${part}: the English keys differ from the Italian ones`);
  }
});
