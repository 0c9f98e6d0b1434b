import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AmbitoScope } from '../../shared/auth/actor.ts';
import { can } from './reports.policy.ts';
import { actor, OTHER, OWN, tableOf } from './policy.test-support.ts';

const table = (action: 'impact.read' | 'impact.edit' | 'impact.publish', scope: AmbitoScope & { published?: boolean }) => tableOf((a) => can(a, action, scope));

test('everyone reads a published report, of any Ambito, signed in or not', () => {
  for (const scope of [OWN, OTHER]) assert.ok(Object.values(table('impact.read', { ...scope, published: true })).every(Boolean));
});

test('a draft is read by the members of its Ambito and the Region’s reviewer only', () => {
  assert.deepEqual(table('impact.read', { ...OWN, published: false }), {
    anonymous: false,
    admin: true,
    coordinator: true,
    staff: true,
    comune_referent: true,
    third_sector: true,
    mayor: true,
    regional_reviewer: true,
  });
  assert.equal(can(actor('coordinator'), 'impact.read', { ...OTHER, published: false }), false, 'not another Ambito’s draft');
});

test('only the Ufficio di Piano of the Ambito (and the administrator) edits and publishes', () => {
  for (const action of ['impact.edit', 'impact.publish'] as const) {
    assert.deepEqual(table(action, { ...OWN, published: false }), {
      anonymous: false,
      admin: true,
      coordinator: true,
      staff: true,
      comune_referent: false,
      third_sector: false,
      mayor: false,
      regional_reviewer: false,
    });
    assert.equal(can(actor('staff'), action, OTHER), false);
  }
});
