import { eq } from 'drizzle-orm';
import type { Actor, Role, UserActor } from '../../app/shared/auth/actor.ts';
import type { Db } from '../../app/shared/db/client.ts';
import { loadDemo } from '../../app/modules/demo.server.ts';
import { ambiti, comuni } from '../../app/modules/territory/territory.schema.ts';

/** Loads the demo Ambito (through the importers) and returns handles used by the tests. */
export async function seedDemo(db: Db) {
  await loadDemo(db);
  const [gallarate] = await db.select().from(ambiti).where(eq(ambiti.code, 'gallarate'));
  const [samarate] = await db.select().from(comuni).where(eq(comuni.istatCode, '012118'));
  return { gallarate: gallarate!, samarate: samarate! };
}

/** An in-memory actor holding one role (no user row needed for policy-level checks). */
export function actorWith(
  role: Role | 'anonymous',
  scope: { ambitoId?: string; comuneId?: string; regionCode?: string; organisationName?: string; organisationId?: string } = {},
): Actor {
  if (role === 'anonymous') return { kind: 'anonymous' };
  return {
    kind: 'user',
    userId: `00000000-0000-4000-8000-${String(Math.abs(hash(role)))
      .padStart(12, '0')
      .slice(0, 12)}`,
    email: `${role}@test.example`,
    name: `Test ${role}`,
    locale: 'it',
    via: 'session',
    grants: [
      {
        role,
        ambitoId: role === 'admin' || role === 'regional_reviewer' ? null : (scope.ambitoId ?? null),
        comuneId: scope.comuneId ?? null,
        organisationName: scope.organisationName ?? null,
        organisationId: scope.organisationId ?? null,
        regionCode: role === 'regional_reviewer' ? (scope.regionCode ?? null) : null,
      },
    ],
  } satisfies UserActor;
}

function hash(s: string) {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
