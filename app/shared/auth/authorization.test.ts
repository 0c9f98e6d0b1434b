// The authorization table: every role against every action of every module's policy, on an Ambito of the
// actor's own, on another Ambito of the same Region and on an Ambito of another Region.
// Each new module adds its rows here (the route-level table is in tests/e2e/authorization.spec.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor, AmbitoScope, Role } from './actor.ts';
import { can as canTerritory } from '../../modules/territory/territory.policy.ts';
import { can as canAudit } from '../../modules/audit/audit.policy.ts';
import { can as canAccounts } from '../../modules/accounts/accounts.policy.ts';

const OWN: AmbitoScope = { id: 'ambito-own', regionCode: '03' };
const SAME_REGION: AmbitoScope = { id: 'ambito-other', regionCode: '03' };
const OTHER_REGION: AmbitoScope = { id: 'ambito-far', regionCode: '11' };

type Who = Role | 'anonymous';
const WHO: Who[] = ['anonymous', 'admin', 'coordinator', 'staff', 'comune_referent', 'third_sector', 'mayor', 'regional_reviewer'];

function actor(who: Who): Actor {
  if (who === 'anonymous') return { kind: 'anonymous' };
  return {
    kind: 'user',
    userId: `user-${who}`,
    email: `${who}@test.example`,
    name: who,
    locale: 'it',
    via: 'session',
    grants: [
      {
        role: who,
        ambitoId: who === 'admin' || who === 'regional_reviewer' ? null : OWN.id,
        comuneId: who === 'comune_referent' ? 'comune-1' : null,
        organisationName: who === 'third_sector' ? 'Cooperativa' : null,
        regionCode: who === 'regional_reviewer' ? '03' : null,
      },
    ],
  };
}

// Y = allowed, n = denied, in the order of WHO: anonymous, admin, coordinator, staff, comune_referent,
// third_sector, mayor, regional_reviewer.
const Y = true;
const n = false;
const TABLE: [string, (a: Actor) => boolean, boolean[]][] = [
  ['territory: read own Ambito', (a) => canTerritory(a, 'ambito.read', OWN), [Y, Y, Y, Y, Y, Y, Y, Y]],
  ['territory: read an Ambito of another Region', (a) => canTerritory(a, 'ambito.read', OTHER_REGION), [Y, Y, Y, Y, Y, Y, Y, Y]],
  ['territory: edit own Ambito', (a) => canTerritory(a, 'ambito.edit', OWN), [n, Y, Y, n, n, n, n, n]],
  ['territory: edit another Ambito of the Region', (a) => canTerritory(a, 'ambito.edit', SAME_REGION), [n, Y, n, n, n, n, n, n]],
  ['territory: import comuni and compositions', (a) => canTerritory(a, 'territory.import', null), [n, Y, n, n, n, n, n, n]],
  ['audit: read own Ambito’s log', (a) => canAudit(a, 'audit.read', OWN), [n, Y, Y, n, n, n, n, n]],
  ['audit: read another Ambito’s log', (a) => canAudit(a, 'audit.read', SAME_REGION), [n, Y, n, n, n, n, n, n]],
  ['audit: read the whole log', (a) => canAudit(a, 'audit.read', null), [n, Y, n, n, n, n, n, n]],
  ['accounts: manage users', (a) => canAccounts(a, 'user.manage', null), [n, Y, n, n, n, n, n, n]],
  ['accounts: manage own API tokens', (a) => canAccounts(a, 'token.manage', a.kind === 'user' ? { userId: a.userId } : null), [n, Y, Y, Y, Y, Y, Y, Y]],
  ['accounts: manage someone else’s API tokens', (a) => canAccounts(a, 'token.manage', { userId: 'someone-else' }), [n, n, n, n, n, n, n, n]],
];

describe('authorization table (role × action)', () => {
  for (const [label, check, expected] of TABLE) {
    test(label, () => {
      const got = WHO.map((w) => check(actor(w)));
      const wrong = WHO.filter((_, k) => got[k] !== expected[k]).map((w) => `${w}: expected ${expected[WHO.indexOf(w)] ? 'allowed' : 'denied'}`);
      assert.deepEqual(got, expected, `${label} → ${wrong.join('; ')}`);
    });
  }
});
