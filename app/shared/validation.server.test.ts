import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from './errors.ts';
import { withRequestId, setRequestLocale } from './log.ts';
import { parseInput } from './validation.server.ts';
import { z } from './validation.ts';

const schema = z.object({ name: z.string().min(1, 'Il nome è obbligatorio.'), year: z.number().int() });

test('parseInput returns the data or a ValidationError by field, in the language of the request', () => {
  assert.deepEqual(parseInput(schema, { name: 'Gallarate', year: 2024 }), { name: 'Gallarate', year: 2024 });
  const refused = (input: unknown) => {
    try {
      parseInput(schema, input);
    } catch (e) {
      assert.ok(e instanceof ValidationError);
      return e.issues;
    }
    assert.fail('accepted');
  };
  const it = refused({ name: '', year: 'x' });
  assert.equal(it[0]!.path, 'name');
  assert.equal(it[0]!.message, 'Il nome è obbligatorio.');
  assert.match(it[1]!.message, /atteso|Input non valido/i);
  const en = withRequestId('r1', () => {
    setRequestLocale('en');
    return refused({ name: 'x', year: 'x' });
  });
  assert.equal(en[0]!.path, 'year');
  assert.match(en[0]!.message, /expected number/i);
});
