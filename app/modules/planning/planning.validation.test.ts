import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IndicatorInput } from './planning.validation.ts';
import '../registry.ts';

const base = { label: 'n. persone in carico', kind: 'count', level: 'output', periodicity: 'semiannual', targets: [] };

test('the indicator form takes the yearly aggregation, or none (the default of the kind)', () => {
  assert.equal(IndicatorInput.parse({ ...base, aggregation: 'stock' }).aggregation, 'stock');
  assert.equal(IndicatorInput.parse({ ...base, aggregation: '' }).aggregation, null);
  assert.equal(IndicatorInput.parse(base).aggregation, null);
});

test('an aggregation that does not fit the kind is refused with an Italian message on the field', () => {
  const r = IndicatorInput.safeParse({ ...base, kind: 'boolean', aggregation: 'flow' });
  assert.equal(r.success, false);
  assert.deepEqual(
    r.error!.issues.map((i) => [i.path.join('.'), i.message]),
    [['aggregation', 'Per un indicatore di tipo «Sì/No» l’aggregazione annuale può essere: Stock (ultimo valore dell’anno).']],
  );
});
