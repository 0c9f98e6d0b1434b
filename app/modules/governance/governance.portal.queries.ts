// What the public portal reads of governance (portal module): the meetings of the Ambito's public bodies with their
// agenda, and the minutes that are published. Explicit columns: no member, attendance, e-mail or online link leaves.
import { and, asc, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { instantToRomeLocal } from './governance.validation.ts';
import { listAgendaTitles } from './governance.queries.ts';
import { bodies, meetings } from './governance.schema.ts';

/**
 * The bodies whose meetings are public: the political, consultative and co-design bodies (Assemblea dei Sindaci,
 * Tavolo del Terzo settore, tavoli tematici…), by their `kind`; the technical bodies (Ufficio di Piano, Tavolo dei
 * tecnici) are the administration's own work and are not published.
 */
export const PUBLIC_BODY_KINDS = ['politico', 'consultivo', 'coprogettazione'] as const;

/**
 * The publication rule of the minutes. Governance keeps no «published» flag: the minutes of a meeting are public
 * once they are written and marked approved (date of approval recorded), never before.
 */
export const minutesArePublished = (m: { minutes: string | null; minutesApprovedAt: string | null }) =>
  Boolean(m.minutes && m.minutes.trim() && m.minutesApprovedAt);

export interface PublicMeeting {
  id: string;
  title: string;
  bodyName: string;
  bodyType: string;
  /** ISO instants, and the Italian day and time they fall on. */
  startsAt: string;
  endsAt: string;
  day: string;
  startTime: string;
  endTime: string;
  place: string | null;
  status: string;
  agenda: string[];
  /** The date the minutes were approved, when they are published (see minutesArePublished); null otherwise. */
  minutesApprovedAt: string | null;
}

/** The meetings of the Ambito's public bodies (PUBLIC_BODY_KINDS), newest first, with agenda and published minutes. */
export async function listPublicMeetings(db: DbOrTx, ambitoId: string): Promise<PublicMeeting[]> {
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
      status: meetings.status,
      minutes: meetings.minutes,
      minutesApprovedAt: meetings.minutesApprovedAt,
      bodyName: bodies.name,
      bodyType: bodies.type,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(meetings.ambitoId, ambitoId), inArray(bodies.kind, [...PUBLIC_BODY_KINDS])))
    .orderBy(desc(meetings.startsAt), asc(bodies.name));
  const agenda = await listAgendaTitles(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const start = instantToRomeLocal(r.startsAt);
    const end = instantToRomeLocal(r.endsAt);
    return {
      id: r.id,
      title: r.title,
      bodyName: r.bodyName,
      bodyType: r.bodyType,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      day: start.date,
      startTime: start.time,
      endTime: end.time,
      place: r.place,
      status: r.status,
      agenda: agenda(r.id),
      minutesApprovedAt: minutesArePublished(r) ? r.minutesApprovedAt : null,
    };
  });
}

/** The published minutes of one meeting of a public body of the Ambito (null when not published, or not such a meeting). */
export async function getPublishedMinutes(db: DbOrTx, ambitoId: string, meetingId: string) {
  const [row] = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      place: meetings.place,
      minutes: meetings.minutes,
      minutesApprovedAt: meetings.minutesApprovedAt,
      minutesApprovedBy: meetings.minutesApprovedBy,
      bodyName: bodies.name,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        eq(meetings.ambitoId, ambitoId),
        eq(meetings.id, meetingId),
        inArray(bodies.kind, [...PUBLIC_BODY_KINDS]),
        isNotNull(meetings.minutesApprovedAt),
        isNotNull(meetings.minutes),
        ne(meetings.minutes, ''),
      ),
    );
  if (!row || !minutesArePublished(row)) return null;
  return {
    id: row.id,
    title: row.title,
    bodyName: row.bodyName,
    day: instantToRomeLocal(row.startsAt).date,
    place: row.place,
    minutes: row.minutes!,
    approvedAt: row.minutesApprovedAt!,
    approvedBy: row.minutesApprovedBy,
  };
}
