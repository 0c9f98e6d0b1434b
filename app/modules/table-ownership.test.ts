import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fromRoot } from '../shared/paths.ts';

// A module writes only its own tables (issue 11): writes to another module's tables go through that module's
// commands. This scans the modules' code for inserts, updates, deletes and versioned updates of a table that
// another module's schema declares.

const modulesDir = fromRoot('app', 'modules');
const modules = readdirSync(modulesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** Table name → owning module, from every `export const x = pgTable(` in app/modules/<m>/*.schema.ts. */
const owner = new Map<string, string>();
for (const m of modules)
  for (const f of filesOf(join(modulesDir, m)).filter((f) => f.endsWith('.schema.ts')))
    for (const [, name] of readFileSync(f, 'utf8').matchAll(/^export const (\w+) = pgTable\(/gm)) owner.set(name, m);

/**
 * Writes that are known and being removed. Each entry is `file:table`; empty this list as the writes move to their owner.
 */
const KNOWN: string[] = [];

test('the scan finds the tables of the modules', () => {
  assert.equal(owner.get('plans'), 'planning');
  assert.equal(owner.get('ambiti'), 'territory');
});

test('no module writes another module’s tables', () => {
  const found: string[] = [];
  const write = /\.(?:insert|update|delete)\(\s*(\w+)\s*\)|updateVersioned\(\s*\w+\s*,\s*(\w+)/g;
  for (const m of modules)
    for (const f of filesOf(join(modulesDir, m))) {
      const text = readFileSync(f, 'utf8');
      for (const match of text.matchAll(write)) {
        const table = match[1] ?? match[2];
        const tableOwner = owner.get(table);
        const line = text.slice(0, match.index).split('\n').length;
        if (tableOwner && tableOwner !== m) found.push(`${relative(fromRoot(), f)}:${line}:${table}`);
      }
    }
  const unexpected = found.filter((w) => !KNOWN.some((k) => w.startsWith(k.split(':')[0]) && w.endsWith(`:${k.split(':')[1]}`)));
  assert.deepEqual(unexpected, [], `writes to another module's tables:\n${unexpected.join('\n')}`);
  const stale = KNOWN.filter((k) => !found.some((w) => w.startsWith(k.split(':')[0]) && w.endsWith(`:${k.split(':')[1]}`)));
  assert.deepEqual(stale, [], `allowed writes that no longer exist (remove them from KNOWN):\n${stale.join('\n')}`);
});
