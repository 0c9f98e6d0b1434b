import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATASET_IDS, DATASETS } from './opendata.datasets.ts';
import { en, it } from './opendata.messages.ts';
import { FREQUENCIES, THEMES } from './opendata.vocabulary.ts';

const has = (key: string) => Object.hasOwn(it, key) && Object.hasOwn(en, key) && (it as Record<string, string>)[key]!.trim() !== '';

test('every dataset is defined once, with a known theme and no «unknown» frequency', () => {
  assert.deepEqual(
    DATASETS.map((d) => d.id),
    [...DATASET_IDS],
  );
  for (const d of DATASETS) {
    assert.ok(d.themes.length > 0 && d.themes.every((t) => THEMES.includes(t)), d.id);
    assert.ok(d.frequency === null || FREQUENCIES.includes(d.frequency), d.id);
    assert.notEqual(d.frequency as string, 'UNKNOWN');
  }
});

test('every dataset has a title, a description and keywords in Italian and English', () => {
  for (const d of DATASETS) for (const part of ['title', 'description', 'keywords']) assert.ok(has(`od.ds.${d.id}.${part}`), `${d.id}.${part}`);
});

test('every column is documented in both languages, named once per dataset, in snake_case', () => {
  for (const d of DATASETS) {
    const names = d.columns.map((c) => c.name);
    assert.equal(new Set(names).size, names.length, `colonne ripetute in ${d.id}`);
    for (const c of d.columns) {
      assert.match(c.name, /^[a-z][a-z0-9_]*$/, `${d.id}.${c.name}`);
      assert.ok(has(c.doc?.key ?? `od.col.${c.name}`), `descrizione mancante: ${d.id}.${c.name}`);
      if (c.unit) assert.ok(has(`od.unit.${c.unit}`), c.unit);
      assert.ok(has(`od.type.${c.type}`), c.type);
    }
  }
});

test('a column name means one thing: the same name has the same type in every dataset', () => {
  const types = new Map<string, string>();
  for (const d of DATASETS)
    for (const c of d.columns) {
      const seen = types.get(c.name);
      if (seen) assert.equal(c.type, seen, `${c.name} in ${d.id}`);
      else types.set(c.name, c.type);
    }
});

test('every suppressible count has its «_soppresso» flag column next to it', () => {
  const flags = DATASETS.flatMap((d) => d.columns.filter((c) => c.name.endsWith('_soppresso')).map((c) => ({ d, c })));
  assert.ok(flags.length >= 4);
  for (const { d, c } of flags) {
    assert.equal(c.type, 'boolean');
    const base = c.name.replace(/_soppresso$/, '');
    assert.ok(
      d.columns.some((x) => x.name === base || x.name.startsWith(base)),
      `${d.id}.${c.name} senza la colonna che sopprime`,
    );
  }
});
