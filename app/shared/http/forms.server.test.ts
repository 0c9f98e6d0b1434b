import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intentAction, type IntentFailure } from './forms.server.ts';

const post = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return new Request('https://cantiere.test/pagina', { method: 'POST', body });
};

test('a form whose text holds the null character is a 400 naming the field, and its handler does not run', async () => {
  let ran = false;
  const handlers = { save: async () => ((ran = true), 'saved') };
  const answer = (await intentAction(post({ intent: 'save', title: 'Piano\u0000', note: 'riga 1\r\nriga\t2' }), handlers)) as unknown as {
    data: IntentFailure;
    init: { status: number };
  };
  assert.equal(answer.init.status, 400);
  assert.equal(ran, false);
  assert.deepEqual(Object.keys(answer.data.fieldErrors), ['title']);
  assert.match(answer.data.fieldErrors.title!, /^title: il testo contiene caratteri di controllo/);
  assert.equal(await intentAction(post({ intent: 'save', title: 'Piano', note: 'riga 1\r\nriga\t2' }), handlers), 'saved');
  assert.equal(ran, true);
});
