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
import { can as canReports } from './reports/index.ts';
import { can as canOpendata } from './opendata/index.ts';
import { can as canServices } from './services/index.ts';
import { can as canCollection } from './collection/index.ts';

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
        organisationId: who === 'third_sector' ? 'organisation-own' : null,
        regionCode: who === 'regional_reviewer' ? '03' : null,
      },
    ],
  };
}

// Y = allowed, n = denied, in the order of WHO: anonymous, admin, coordinator, staff, comune_referent,
// third_sector, mayor, regional_reviewer. A scope may depend on the actor (their own API tokens).
type Case<A, S> = [label: string, action: A, scope: S | ((a: Actor) => S), expected: string];
type Row = [label: string, check: (a: Actor) => boolean, expected: boolean[]];
type Can = (actor: Actor, action: never, scope: never) => boolean;

/** One module's cases: its policy's `can` asked for each action and scope, the expectation spelled Y/n. */
function cases<C extends Can>(module: string, can: C, list: Case<Parameters<C>[1], Parameters<C>[2]>[]): Row[] {
  const ask = can as unknown as (actor: Actor, action: unknown, scope: unknown) => boolean;
  return list.map(([label, action, scope, expected]) => [
    `${module}: ${label}`,
    (a) => ask(a, action, typeof scope === 'function' ? scope(a) : scope),
    [...expected].map((c) => c === 'Y'),
  ]);
}

const UNDER_WAY = { ...OWN, status: 'implementation' as const };

const TABLE: Row[] = [
  ...cases('reports', canReports, [
    ['read the glossary', 'glossary.read', OWN, 'YYYYYYYY'],
    ['edit own Ambito’s glossary', 'glossary.edit', OWN, 'nYYYnnnn'],
    ['edit another Ambito’s glossary', 'glossary.edit', SAME_REGION, 'nYnnnnnn'],
    ['read a document of a draft', 'document.read', OWN, 'nYYYYYYY'],
    ['read another Ambito’s draft document', 'document.read', SAME_REGION, 'nYnnnnnY'],
    ['read the adoption’s document', 'document.read', { ...OTHER_REGION, adoption: true }, 'YYYYYYYY'],
    ['generate own plan’s document', 'document.generate', OWN, 'nYYYnnnn'],
    ['read a draft social-impact report', 'impact.read', OWN, 'nYYYYYYY'],
    ['read a published social-impact report', 'impact.read', { ...OTHER_REGION, published: true }, 'YYYYYYYY'],
    ['edit the social-impact report', 'impact.edit', OWN, 'nYYYnnnn'],
    ['publish the social-impact report', 'impact.publish', OWN, 'nYYYnnnn'],
    ['read own Ambito’s returns', 'returns.read', OWN, 'nYYYnnYY'],
    ['read another Ambito’s returns', 'returns.read', SAME_REGION, 'nYnnnnnY'],
    ['read the returns of an Ambito of another Region', 'returns.read', OTHER_REGION, 'nYnnnnnn'],
  ]),
  ...cases('territory', canTerritory, [
    ['read own Ambito', 'ambito.read', OWN, 'YYYYYYYY'],
    ['read an Ambito of another Region', 'ambito.read', OTHER_REGION, 'YYYYYYYY'],
    ['edit own Ambito', 'ambito.edit', OWN, 'nYYnnnnn'],
    ['edit another Ambito of the Region', 'ambito.edit', SAME_REGION, 'nYnnnnnn'],
    ['read what the Ufficio di Piano awaits from own comune', 'comune.todo', { ...OWN, comuneId: 'comune-1' }, 'nYYYYnnn'],
    ['read what the Ufficio di Piano awaits from another comune', 'comune.todo', { ...OWN, comuneId: 'comune-2' }, 'nYYYnnnn'],
    ['read a comune’s to-do in another Ambito of the Region', 'comune.todo', { ...SAME_REGION, comuneId: 'comune-1' }, 'nYnnnnnn'],
    ['read own comune’s figures across years', 'comune.figures', { ...OWN, comuneId: 'comune-1' }, 'nYYYYYYY'],
    ['read another comune’s figures across years', 'comune.figures', { ...OWN, comuneId: 'comune-2' }, 'nYYYYYYY'],
    ['read a comune’s figures in another Ambito of the Region', 'comune.figures', { ...SAME_REGION, comuneId: 'comune-1' }, 'nYnnnnnY'],
    ['read a comune’s figures in another Region', 'comune.figures', { ...OTHER_REGION, comuneId: 'comune-1' }, 'nYnnnnnn'],
    ['import comuni and compositions', 'territory.import', null, 'nYnnnnnn'],
  ]),
  ...cases('audit', canAudit, [
    ['read own Ambito’s log', 'audit.read', OWN, 'nYYnnnnn'],
    ['read another Ambito’s log', 'audit.read', SAME_REGION, 'nYnnnnnn'],
    ['read the whole log', 'audit.read', null, 'nYnnnnnn'],
  ]),
  ...cases('accounts', canAccounts, [
    ['manage users', 'user.manage', null, 'nYnnnnnn'],
    ['manage own API tokens', 'token.manage', (a) => (a.kind === 'user' ? { userId: a.userId } : null), 'nYYYYYYY'],
    ['manage someone else’s API tokens', 'token.manage', { userId: 'someone-else' }, 'nnnnnnnn'],
  ]),
  ...cases('planning', canPlanning, [
    ['read a draft plan of own Ambito', 'plan.read', { ...OWN, status: 'draft' }, 'nYYYYYYY'],
    ['read a draft plan of another Region', 'plan.read', { ...OTHER_REGION, status: 'draft' }, 'nYnnnnnn'],
    // An adopted plan is public (plan.read: the API; plan.public: the portal); its internal pages and its JSON export
    // are for signed-in users only.
    ['read an adopted plan (public)', 'plan.read', { ...OTHER_REGION, status: 'adopted' }, 'YYYYYYYY'],
    ['open the internal pages of an adopted plan', 'plan.internal', { ...OTHER_REGION, status: 'adopted' }, 'nYYYYYYY'],
    ['open the internal pages of a draft plan of own Ambito', 'plan.internal', { ...OWN, status: 'draft' }, 'nYYYYYYY'],
    ['open the internal pages of a draft plan of another Region', 'plan.internal', { ...OTHER_REGION, status: 'draft' }, 'nYnnnnnn'],
    ['export an adopted plan as JSON', 'plan.export', { ...OTHER_REGION, status: 'adopted' }, 'nYYYYYYY'],
    ['read an adopted plan on the public portal', 'plan.public', { ...OTHER_REGION, status: 'adopted' }, 'YYYYYYYY'],
    ['read a closed plan on the public portal', 'plan.public', { ...OTHER_REGION, status: 'closed' }, 'YYYYYYYY'],
    ['read a plan in consultation on the public portal', 'plan.public', { ...OWN, status: 'consultation' }, 'nnnnnnnn'],
    ['create a plan', 'plan.create', OWN, 'nYYYnnnn'],
    ['edit a draft plan', 'plan.edit', { ...OWN, status: 'draft' }, 'nYYYnnnn'],
    ['edit an adopted plan (variations)', 'plan.edit', { ...OWN, status: 'adopted' }, 'nYYYnnnn'],
    ['edit a closed plan', 'plan.edit', { ...OWN, status: 'closed' }, 'nnnnnnnn'],
    ['change the status of a plan', 'plan.status', { ...OWN, status: 'consultation' }, 'nYYnnnnn'],
  ]),
  ...cases('governance', canGovernance, [
    ['read own Ambito’s bodies, meetings, registry and Accordo', 'governance.read', OWN, 'nYYYYYYY'],
    ['read another Ambito of the Region', 'governance.read', SAME_REGION, 'nYnnnnnY'],
    ['read an Ambito of another Region', 'governance.read', OTHER_REGION, 'nYnnnnnn'],
    ['keep the registry of organisations and people', 'organisation.write', OWN, 'nYYYnnnn'],
    ['edit bodies, voting rules and members', 'body.write', OWN, 'nYYYnnnn'],
    ['end a membership (no organisation)', 'member.end', OWN, 'nYYYnnnn'],
    ['end the membership of a member of own organisation (it leaves a table)', 'member.end', { ...OWN, organisationId: 'organisation-own' }, 'nYYYnYnn'],
    ['end the membership of a member of another organisation', 'member.end', { ...OWN, organisationId: 'organisation-other' }, 'nYYYnnnn'],
    ['create a meeting (of the Assemblea dei Sindaci too)', 'meeting.create', OWN, 'nYYYnnnn'],
    ['convene, record attendance, minutes and attachments', 'meeting.write', OWN, 'nYYYnnnn'],
    ['record decisions and votes', 'decision.write', OWN, 'nYYYnnnn'],
    ['edit the Accordo di programma', 'agreement.write', OWN, 'nYYYnnnn'],
    ['read the outbox', 'outbox.read', OWN, 'nYYYnnnn'],
    ['write in another Ambito of the Region', 'meeting.create', SAME_REGION, 'nYnnnnnn'],
  ]),
  ...cases('finance', canFinance, [
    ['read own Ambito’s spending and plan budget', 'finance.read', OWN, 'nYYYYYYY'],
    ['read spending of an Ambito of another Region', 'finance.read', OTHER_REGION, 'nYnnnnnn'],
    ['open the spending import of own Ambito', 'spending.import', OWN, 'nYYYYnnn'],
    ['enter the Ambito’s own figures', 'spending.write', { ...OWN, comuneId: null }, 'nYYYnnnn'],
    ['enter the figures of the referent’s own comune', 'spending.write', { ...OWN, comuneId: 'comune-1' }, 'nYYYYnnn'],
    ['enter the figures of another comune', 'spending.write', { ...OWN, comuneId: 'comune-2' }, 'nYYYnnnn'],
    ['enter a comune’s figures in another Ambito', 'spending.write', { ...SAME_REGION, comuneId: 'comune-1' }, 'nYnnnnnn'],
    ['record fund allocations', 'allocation.write', OWN, 'nYYYnnnn'],
    ['record budgeted, committed and paid values', 'budget.record', OWN, 'nYYYnnnn'],
    ['edit the catalogues of funds and areas', 'catalogue.edit', null, 'nYnnnnnn'],
  ]),
  ...cases('monitoring', canMonitoring, [
    ['read the monitoring and evaluation of own Ambito', 'monitoring.read', UNDER_WAY, 'nYYYYYYY'],
    ['read another Ambito of the Region', 'monitoring.read', SAME_REGION, 'nYnnnnnY'],
    ['read an Ambito of another Region', 'monitoring.read', OTHER_REGION, 'nYnnnnnn'],
    ['enter measurements of a plan under way', 'measurement.write', { ...OWN, status: 'adopted' }, 'nYYYnnnn'],
    ['enter measurements of a closed plan', 'measurement.write', { ...OWN, status: 'closed' }, 'nnnnnnnn'],
    ['lock and unlock an approved period', 'period.lock', UNDER_WAY, 'nYYnnnnn'],
    ['update action status and realisation', 'progress.write', UNDER_WAY, 'nYYYnnnn'],
    ['fill the evaluation grid of a closed plan', 'evaluation.write', { ...OWN, status: 'closed' }, 'nYYYnnnn'],
    ['evaluate a draft plan', 'evaluation.write', { ...OWN, status: 'draft' }, 'nnnnnnnn'],
    ['carry an objective into the next plan', 'carryover', { ...OWN, status: 'closed' }, 'nYYYnnnn'],
    ['send the reminders of what is due', 'reminder.send', OWN, 'nYYYnnnn'],
    ['enter own comune’s value of an indicator measured per comune', 'measurement.write', { ...UNDER_WAY, comuneId: 'comune-1', perComune: true }, 'nYYYYnnn'],
    [
      'enter another comune’s value of an indicator measured per comune',
      'measurement.write',
      { ...UNDER_WAY, comuneId: 'comune-2', perComune: true },
      'nYYYnnnn',
    ],
    [
      'enter own comune’s value of an indicator not measured per comune',
      'measurement.write',
      { ...UNDER_WAY, comuneId: 'comune-1', perComune: false },
      'nYYYnnnn',
    ],
    ['enter the Ambito’s value of an indicator measured per comune', 'measurement.write', { ...UNDER_WAY, comuneId: null, perComune: true }, 'nYYYnnnn'],
    ['enter own comune’s value in a closed plan', 'measurement.write', { ...OWN, status: 'closed', comuneId: 'comune-1', perComune: true }, 'nnnnnnnn'],
    ['write in another Ambito of the Region', 'measurement.write', { ...SAME_REGION, status: 'adopted' }, 'nYnnnnnn'],
  ]),
  ...cases('leps', canLeps, [
    ['read the LEPS catalogue (public)', 'catalogue.read', null, 'YYYYYYYY'],
    ['edit the LEPS catalogue', 'catalogue.edit', null, 'nYnnnnnn'],
    ['read own Ambito’s LEPS dashboard and social workers', 'leps.read', OWN, 'nYYYYYYY'],
    ['read another Ambito’s LEPS dashboard of the Region', 'leps.read', SAME_REGION, 'nYnnnnnY'],
    ['read an Ambito’s LEPS dashboard of another Region', 'leps.read', OTHER_REGION, 'nYnnnnnn'],
    ['keep own Ambito’s social-worker staff list', 'staff.write', OWN, 'nYYYnnnn'],
    ['keep own comune’s rows of the social-worker staff list', 'staff.write', { ...OWN, comuneId: 'comune-1' }, 'nYYYYnnn'],
    ['keep another comune’s rows of the social-worker staff list', 'staff.write', { ...OWN, comuneId: 'comune-2' }, 'nYYYnnnn'],
    ['keep another Ambito’s social-worker staff list', 'staff.write', SAME_REGION, 'nYnnnnnn'],
    ['read the regional LEPS table of own Region', 'leps.regional', { regionCode: '03' }, 'nYnnnnnY'],
    ['read the regional LEPS table of another Region', 'leps.regional', { regionCode: '11' }, 'nYnnnnnn'],
  ]),
  ...cases('opendata', canOpendata, [
    ['read an Ambito’s open data and catalogue (public)', 'opendata.read', OWN, 'YYYYYYYY'],
    ['read the combined catalogue (public)', 'opendata.read', null, 'YYYYYYYY'],
    ['declare who publishes own Ambito’s open data', 'publisher.edit', OWN, 'nYYnnnnn'],
    ['declare who publishes another Ambito’s open data', 'publisher.edit', SAME_REGION, 'nYnnnnnn'],
  ]),
  ...cases('services', canServices, [
    ['read the national nomenclature (public)', 'nomenclature.read', null, 'YYYYYYYY'],
    ['load the national nomenclature', 'nomenclature.edit', null, 'nYnnnnnn'],
    ['read an Ambito’s offer on the portal (public)', 'services.public', OWN, 'YYYYYYYY'],
    ['read own Ambito’s services catalogue', 'services.read', OWN, 'nYYYYYYY'],
    ['read the services catalogue of an Ambito of another Region', 'services.read', OTHER_REGION, 'nYnnnnnn'],
    ['keep own Ambito’s services catalogue', 'services.write', OWN, 'nYYYnnnn'],
    ['keep another Ambito’s services catalogue', 'services.write', SAME_REGION, 'nYnnnnnn'],
  ]),
  ...cases('collection', canCollection, [
    ['read own Ambito’s data requests', 'request.read', OWN, 'nYYYYYYY'],
    ['read the data requests of an Ambito of another Region', 'request.read', OTHER_REGION, 'nYnnnnnn'],
    ['open, remind and close own Ambito’s data requests', 'request.manage', OWN, 'nYYYnnnn'],
    ['open data requests in another Ambito', 'request.manage', SAME_REGION, 'nYnnnnnn'],
    ['read the entries of own comune', 'entry.read', { ...OWN, comuneId: 'comune-1' }, 'nYYYYnnY'],
    ['read the entries of another comune', 'entry.read', { ...OWN, comuneId: 'comune-2' }, 'nYYYnnnY'],
    ['fill the entries of own comune', 'entry.fill', { ...OWN, comuneId: 'comune-1' }, 'nYYYYnnn'],
    ['fill the entries of another comune', 'entry.fill', { ...OWN, comuneId: 'comune-2' }, 'nYYYnnnn'],
    ['validate or send back an entry of own comune', 'entry.review', { ...OWN, comuneId: 'comune-1' }, 'nYYYnnnn'],
  ]),
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
