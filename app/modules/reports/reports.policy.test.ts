import assert from 'node:assert/strict';
import { test } from 'node:test';
import { can } from './reports.policy.ts';
import { actor, OTHER, OWN, tableOf, WHO } from './policy.test-support.ts';

test('everyone reads the glossary, signed in or not, of any Ambito', () => {
  for (const who of WHO) for (const scope of [OWN, OTHER]) assert.equal(can(actor(who), 'glossary.read', scope), true, who);
});

test('only the Ufficio di Piano of the Ambito (and the administrator) edits its glossary', () => {
  assert.deepEqual(
    tableOf((a) => can(a, 'glossary.edit', OWN)),
    {
      anonymous: false,
      admin: true,
      coordinator: true,
      staff: true,
      comune_referent: false,
      third_sector: false,
      mayor: false,
      regional_reviewer: false,
    },
  );
  assert.equal(can(actor('coordinator'), 'glossary.edit', OTHER), false, 'not another Ambito’s');
  assert.equal(can(actor('staff'), 'glossary.edit', OTHER), false);
});
