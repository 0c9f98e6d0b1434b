import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countBy, linksToMove, matchesNeedFilter, matchTable, mergeRefusal, priorityRank } from './participation.needs.rules.ts';

const need = (id: string, over: Partial<{ ambitoId: string; mergedIntoId: string | null }> = {}) => ({ id, ambitoId: 'g', mergedIntoId: null, ...over });

test('a need merges into another live need of the same Ambito, never into itself or a merged one', () => {
  assert.equal(mergeRefusal(need('a'), need('b')), null);
  assert.equal(mergeRefusal(need('a'), need('a')), 'same');
  assert.equal(mergeRefusal(need('a'), need('b', { ambitoId: 'x' })), 'otherAmbito');
  assert.equal(mergeRefusal(need('a', { mergedIntoId: 'c' }), need('b')), 'intoMerged');
  assert.equal(mergeRefusal(need('a'), need('b', { mergedIntoId: 'c' })), 'fromMerged');
});

test('the merged need brings only the objective links the other lacks (union)', () => {
  assert.deepEqual(linksToMove(['o1', 'o2'], ['o2', 'o3', 'o3']), ['o3']);
  assert.deepEqual(linksToMove([], ['o1']), ['o1']);
  assert.deepEqual(linksToMove(['o1'], []), []);
});

test('priorities sort high to low, unweighed last', () => {
  assert.deepEqual(
    ['bassa', null, 'alta', 'media'].sort((a, b) => priorityRank(a) - priorityRank(b)),
    ['alta', 'media', 'bassa', null],
  );
});

test('the filter keeps live needs matching every chosen value', () => {
  const n = { tableId: 't1', policyArea: 'Anziani', priority: 'alta', sourceKind: 'incontro', mergedIntoId: null };
  assert.equal(matchesNeedFilter(n, {}), true);
  assert.equal(matchesNeedFilter(n, { tableId: 't2' }), false);
  assert.equal(matchesNeedFilter(n, { priority: 'alta', sourceKind: 'incontro' }), true);
  assert.equal(matchesNeedFilter({ ...n, priority: null }, { priority: 'nessuna' }), true);
  assert.equal(matchesNeedFilter({ ...n, mergedIntoId: 'x' }, {}), false);
  assert.equal(matchesNeedFilter({ ...n, mergedIntoId: 'x' }, { includeMerged: true }), true);
});

test('counts per key are numbers', () => {
  assert.deepEqual(
    countBy([{ p: 'alta' }, { p: 'alta' }, { p: null }], (r) => r.p),
    [
      { key: 'alta', count: 2 },
      { key: null, count: 1 },
    ],
  );
});

test('a table is found by its name, its body’s name, or the one table sharing the most words with it', () => {
  const tables = [
    { id: 'a', names: ['Tavolo Anziani', 'Tavolo Tematico Anziani'] },
    { id: 'd', names: ['Tavolo Disabilità', 'Tavolo Tematico Persone con disabilità'] },
    { id: 'm', names: ['Tavolo Minori e Famiglia', 'Tavolo Tematico Minori e Famiglie'] },
    { id: 'p', names: ['Tavolo Povertà', 'Tavolo Tematico Povertà Integrazione e Multietnicità, Salute Mentale, Prevenzione Dipendenze'] },
  ];
  assert.equal(matchTable(tables, 'tavolo  tematico anziani')?.id, 'a');
  assert.equal(matchTable([{ id: 'm', names: ['Tavolo Minori e Famiglia'] }], 'Tavolo Tematico Minori e Famiglie')?.id, 'm');
  assert.equal(matchTable([{ id: 'd', names: ['Tavolo Disabilità'] }, tables[0]!], 'Tavolo Tematico Persone con disabilità')?.id, 'd');
  assert.equal(matchTable(tables, 'Tavolo Povertà – Integrazione e Multietnicità – Salute Mentale – Prevenzione Dipendenze')?.id, 'p');
  assert.equal(matchTable(tables, 'Tavolo Sport'), undefined);
  assert.equal(matchTable(tables, 'Tavolo'), undefined);
});
