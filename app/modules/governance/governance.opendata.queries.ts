// Reads for the open-data module (app/modules/opendata): the meetings of the Ambito's public bodies as the portal
// publishes them (governance.portal.queries.ts: public bodies only, agenda titles, minutes only once approved; no
// member, attendance, delegate, online link or attachment), with the latest change of those meetings.
import { and, eq, inArray, max } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { listPublicMeetings, PUBLIC_BODY_KINDS } from './governance.portal.queries.ts';
import { bodies, meetings } from './governance.schema.ts';

export async function readPublicMeetings(db: DbOrTx, ambitoId: string) {
  const [list, [last]] = await Promise.all([
    listPublicMeetings(db, ambitoId),
    db
      .select({ at: max(meetings.updatedAt) })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(and(eq(meetings.ambitoId, ambitoId), inArray(bodies.kind, [...PUBLIC_BODY_KINDS]))),
  ]);
  return { meetings: [...list].reverse(), modified: last?.at ?? null };
}
