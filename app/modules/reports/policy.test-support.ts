// The actors of the reports module's policy tables: one user for each role, members of OWN (the administrator and the
// Region's reviewer have no Ambito; the reviewer reviews OWN's and OTHER's Region), and the anonymous visitor.
import type { Actor, AmbitoScope, Role } from '../../shared/auth/actor.ts';

export const OWN: AmbitoScope = { id: 'ambito-own', regionCode: '11' };
export const OTHER: AmbitoScope = { id: 'ambito-other', regionCode: '11' };
export const WHO = ['anonymous', 'admin', 'coordinator', 'staff', 'comune_referent', 'third_sector', 'mayor', 'regional_reviewer'] as const;

export function actor(role: Role | 'anonymous'): Actor {
  if (role === 'anonymous') return { kind: 'anonymous' };
  const global = role === 'admin' || role === 'regional_reviewer';
  return {
    kind: 'user',
    userId: `u-${role}`,
    email: `${role}@test.example`,
    name: role,
    locale: 'it',
    via: 'session',
    grants: [
      {
        role,
        ambitoId: global ? null : OWN.id,
        comuneId: null,
        organisationName: null,
        organisationId: null,
        regionCode: role === 'regional_reviewer' ? OWN.regionCode : null,
      },
    ],
  };
}

/** What each of WHO may do: `{ anonymous: false, admin: true, … }`, for one assert.deepEqual. */
export const tableOf = (allowed: (actor: Actor) => boolean) => Object.fromEntries(WHO.map((who) => [who, allowed(actor(who))]));
