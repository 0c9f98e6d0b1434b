// The authorization table: every role against every action of every module's policy, on an Ambito of the
// actor's own, on another Ambito of the same Region and on an Ambito of another Region.
// Each new module adds its rows here (the route-level table is in tests/e2e/authorization.spec.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor, AmbitoScope, Role } from '../shared/auth/actor.ts';
import { can as canTerritory } from './territory/index.ts';
import { can as canAudit } from './audit/index.ts';
import { can as canAccounts } from './accounts/index.ts';
import { can as canGovernance } from './governance/index.ts';
import { can as canPlanning } from './planning/index.ts';
import { can as canLeps } from './leps/index.ts';
import { can as canFinance } from './finance/index.ts';
import { can as canMonitoring } from './monitoring/index.ts';

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
  [
    'territory: read what the Ufficio di Piano awaits from own comune',
    (a) => canTerritory(a, 'comune.todo', { ...OWN, comuneId: 'comune-1' }),
    [n, Y, Y, Y, Y, n, n, n],
  ],
  [
    'territory: read what the Ufficio di Piano awaits from another comune',
    (a) => canTerritory(a, 'comune.todo', { ...OWN, comuneId: 'comune-2' }),
    [n, Y, Y, Y, n, n, n, n],
  ],
  [
    'territory: read a comune’s to-do in another Ambito of the Region',
    (a) => canTerritory(a, 'comune.todo', { ...SAME_REGION, comuneId: 'comune-1' }),
    [n, Y, n, n, n, n, n, n],
  ],
  ['territory: import comuni and compositions', (a) => canTerritory(a, 'territory.import', null), [n, Y, n, n, n, n, n, n]],
  ['audit: read own Ambito’s log', (a) => canAudit(a, 'audit.read', OWN), [n, Y, Y, n, n, n, n, n]],
  ['audit: read another Ambito’s log', (a) => canAudit(a, 'audit.read', SAME_REGION), [n, Y, n, n, n, n, n, n]],
  ['audit: read the whole log', (a) => canAudit(a, 'audit.read', null), [n, Y, n, n, n, n, n, n]],
  ['accounts: manage users', (a) => canAccounts(a, 'user.manage', null), [n, Y, n, n, n, n, n, n]],
  ['accounts: manage own API tokens', (a) => canAccounts(a, 'token.manage', a.kind === 'user' ? { userId: a.userId } : null), [n, Y, Y, Y, Y, Y, Y, Y]],
  ['planning: read a draft plan of own Ambito', (a) => canPlanning(a, 'plan.read', { ...OWN, status: 'draft' }), [n, Y, Y, Y, Y, Y, Y, Y]],
  ['planning: read a draft plan of another Region', (a) => canPlanning(a, 'plan.read', { ...OTHER_REGION, status: 'draft' }), [n, Y, n, n, n, n, n, n]],
  ['planning: read an adopted plan (public)', (a) => canPlanning(a, 'plan.read', { ...OTHER_REGION, status: 'adopted' }), [Y, Y, Y, Y, Y, Y, Y, Y]],
  ['planning: create a plan', (a) => canPlanning(a, 'plan.create', OWN), [n, Y, Y, Y, n, n, n, n]],
  ['planning: edit a draft plan', (a) => canPlanning(a, 'plan.edit', { ...OWN, status: 'draft' }), [n, Y, Y, Y, n, n, n, n]],
  ['planning: edit an adopted plan (variations)', (a) => canPlanning(a, 'plan.edit', { ...OWN, status: 'adopted' }), [n, Y, Y, Y, n, n, n, n]],
  ['planning: edit a closed plan', (a) => canPlanning(a, 'plan.edit', { ...OWN, status: 'closed' }), [n, n, n, n, n, n, n, n]],
  ['planning: change the status of a plan', (a) => canPlanning(a, 'plan.status', { ...OWN, status: 'consultation' }), [n, Y, Y, n, n, n, n, n]],
  ['accounts: manage someone else’s API tokens', (a) => canAccounts(a, 'token.manage', { userId: 'someone-else' }), [n, n, n, n, n, n, n, n]],
  ['governance: read own Ambito’s bodies, meetings, registry and Accordo', (a) => canGovernance(a, 'governance.read', OWN), [n, Y, Y, Y, Y, Y, Y, Y]],
  ['governance: read another Ambito of the Region', (a) => canGovernance(a, 'governance.read', SAME_REGION), [n, Y, n, n, n, n, n, Y]],
  ['governance: read an Ambito of another Region', (a) => canGovernance(a, 'governance.read', OTHER_REGION), [n, Y, n, n, n, n, n, n]],
  ['governance: keep the registry of organisations and people', (a) => canGovernance(a, 'organisation.write', OWN), [n, Y, Y, Y, n, n, n, n]],
  ['governance: edit bodies, voting rules and members', (a) => canGovernance(a, 'body.write', OWN), [n, Y, Y, Y, n, n, n, n]],
  ['governance: create a meeting (of the Assemblea dei Sindaci too)', (a) => canGovernance(a, 'meeting.create', OWN), [n, Y, Y, Y, n, n, n, n]],
  ['governance: convene, record attendance, minutes and attachments', (a) => canGovernance(a, 'meeting.write', OWN), [n, Y, Y, Y, n, n, n, n]],
  ['governance: record decisions and votes', (a) => canGovernance(a, 'decision.write', OWN), [n, Y, Y, Y, n, n, n, n]],
  ['governance: edit the Accordo di programma', (a) => canGovernance(a, 'agreement.write', OWN), [n, Y, Y, Y, n, n, n, n]],
  ['governance: read the outbox', (a) => canGovernance(a, 'outbox.read', OWN), [n, Y, Y, Y, n, n, n, n]],
  ['governance: write in another Ambito of the Region', (a) => canGovernance(a, 'meeting.create', SAME_REGION), [n, Y, n, n, n, n, n, n]],
  ['finance: read own Ambito’s spending and plan budget', (a) => canFinance(a, 'finance.read', OWN), [n, Y, Y, Y, Y, Y, Y, Y]],
  ['finance: read spending of an Ambito of another Region', (a) => canFinance(a, 'finance.read', OTHER_REGION), [n, Y, n, n, n, n, n, n]],
  ['finance: open the spending import of own Ambito', (a) => canFinance(a, 'spending.import', OWN), [n, Y, Y, Y, Y, n, n, n]],
  ['finance: enter the Ambito’s own figures', (a) => canFinance(a, 'spending.write', { ...OWN, comuneId: null }), [n, Y, Y, Y, n, n, n, n]],
  [
    'finance: enter the figures of the referent’s own comune',
    (a) => canFinance(a, 'spending.write', { ...OWN, comuneId: 'comune-1' }),
    [n, Y, Y, Y, Y, n, n, n],
  ],
  ['finance: enter the figures of another comune', (a) => canFinance(a, 'spending.write', { ...OWN, comuneId: 'comune-2' }), [n, Y, Y, Y, n, n, n, n]],
  [
    'finance: enter a comune’s figures in another Ambito',
    (a) => canFinance(a, 'spending.write', { ...SAME_REGION, comuneId: 'comune-1' }),
    [n, Y, n, n, n, n, n, n],
  ],
  ['finance: record fund allocations', (a) => canFinance(a, 'allocation.write', OWN), [n, Y, Y, Y, n, n, n, n]],
  ['finance: record budgeted, committed and paid values', (a) => canFinance(a, 'budget.record', OWN), [n, Y, Y, Y, n, n, n, n]],
  ['finance: edit the catalogues of funds and areas', (a) => canFinance(a, 'catalogue.edit', null), [n, Y, n, n, n, n, n, n]],
  [
    'monitoring: read the monitoring and evaluation of own Ambito',
    (a) => canMonitoring(a, 'monitoring.read', { ...OWN, status: 'implementation' }),
    [n, Y, Y, Y, Y, Y, Y, Y],
  ],
  ['monitoring: read another Ambito of the Region', (a) => canMonitoring(a, 'monitoring.read', SAME_REGION), [n, Y, n, n, n, n, n, Y]],
  ['monitoring: read an Ambito of another Region', (a) => canMonitoring(a, 'monitoring.read', OTHER_REGION), [n, Y, n, n, n, n, n, n]],
  ['monitoring: enter measurements of a plan under way', (a) => canMonitoring(a, 'measurement.write', { ...OWN, status: 'adopted' }), [n, Y, Y, Y, n, n, n, n]],
  ['monitoring: enter measurements of a closed plan', (a) => canMonitoring(a, 'measurement.write', { ...OWN, status: 'closed' }), [n, n, n, n, n, n, n, n]],
  ['monitoring: lock and unlock an approved period', (a) => canMonitoring(a, 'period.lock', { ...OWN, status: 'implementation' }), [n, Y, Y, n, n, n, n, n]],
  [
    'monitoring: update action status and realisation',
    (a) => canMonitoring(a, 'progress.write', { ...OWN, status: 'implementation' }),
    [n, Y, Y, Y, n, n, n, n],
  ],
  [
    'monitoring: fill the evaluation grid of a closed plan',
    (a) => canMonitoring(a, 'evaluation.write', { ...OWN, status: 'closed' }),
    [n, Y, Y, Y, n, n, n, n],
  ],
  ['monitoring: evaluate a draft plan', (a) => canMonitoring(a, 'evaluation.write', { ...OWN, status: 'draft' }), [n, n, n, n, n, n, n, n]],
  ['monitoring: carry an objective into the next plan', (a) => canMonitoring(a, 'carryover', { ...OWN, status: 'closed' }), [n, Y, Y, Y, n, n, n, n]],
  ['monitoring: send the reminders of what is due', (a) => canMonitoring(a, 'reminder.send', OWN), [n, Y, Y, Y, n, n, n, n]],
  [
    'monitoring: enter own comune’s value of an indicator measured per comune',
    (a) => canMonitoring(a, 'measurement.write', { ...OWN, status: 'implementation', comuneId: 'comune-1', perComune: true }),
    [n, Y, Y, Y, Y, n, n, n],
  ],
  [
    'monitoring: enter another comune’s value of an indicator measured per comune',
    (a) => canMonitoring(a, 'measurement.write', { ...OWN, status: 'implementation', comuneId: 'comune-2', perComune: true }),
    [n, Y, Y, Y, n, n, n, n],
  ],
  [
    'monitoring: enter own comune’s value of an indicator not measured per comune',
    (a) => canMonitoring(a, 'measurement.write', { ...OWN, status: 'implementation', comuneId: 'comune-1', perComune: false }),
    [n, Y, Y, Y, n, n, n, n],
  ],
  [
    'monitoring: enter the Ambito’s value of an indicator measured per comune',
    (a) => canMonitoring(a, 'measurement.write', { ...OWN, status: 'implementation', comuneId: null, perComune: true }),
    [n, Y, Y, Y, n, n, n, n],
  ],
  [
    'monitoring: enter own comune’s value in a closed plan',
    (a) => canMonitoring(a, 'measurement.write', { ...OWN, status: 'closed', comuneId: 'comune-1', perComune: true }),
    [n, n, n, n, n, n, n, n],
  ],
  [
    'monitoring: write in another Ambito of the Region',
    (a) => canMonitoring(a, 'measurement.write', { ...SAME_REGION, status: 'adopted' }),
    [n, Y, n, n, n, n, n, n],
  ],
  ['leps: read the LEPS catalogue (public)', (a) => canLeps(a, 'catalogue.read', null), [Y, Y, Y, Y, Y, Y, Y, Y]],
  ['leps: edit the LEPS catalogue', (a) => canLeps(a, 'catalogue.edit', null), [n, Y, n, n, n, n, n, n]],
  ['leps: read own Ambito’s LEPS dashboard and social workers', (a) => canLeps(a, 'leps.read', OWN), [n, Y, Y, Y, Y, Y, Y, Y]],
  ['leps: read another Ambito’s LEPS dashboard of the Region', (a) => canLeps(a, 'leps.read', SAME_REGION), [n, Y, n, n, n, n, n, Y]],
  ['leps: read an Ambito’s LEPS dashboard of another Region', (a) => canLeps(a, 'leps.read', OTHER_REGION), [n, Y, n, n, n, n, n, n]],
  ['leps: keep own Ambito’s social-worker staff list', (a) => canLeps(a, 'staff.write', OWN), [n, Y, Y, Y, n, n, n, n]],
  [
    'leps: keep own comune’s rows of the social-worker staff list',
    (a) => canLeps(a, 'staff.write', { ...OWN, comuneId: 'comune-1' }),
    [n, Y, Y, Y, Y, n, n, n],
  ],
  [
    'leps: keep another comune’s rows of the social-worker staff list',
    (a) => canLeps(a, 'staff.write', { ...OWN, comuneId: 'comune-2' }),
    [n, Y, Y, Y, n, n, n, n],
  ],
  ['leps: keep another Ambito’s social-worker staff list', (a) => canLeps(a, 'staff.write', SAME_REGION), [n, Y, n, n, n, n, n, n]],
  ['leps: read the regional LEPS table of own Region', (a) => canLeps(a, 'leps.regional', { regionCode: '03' }), [n, Y, n, n, n, n, n, Y]],
  ['leps: read the regional LEPS table of another Region', (a) => canLeps(a, 'leps.regional', { regionCode: '11' }), [n, Y, n, n, n, n, n, n]],
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
