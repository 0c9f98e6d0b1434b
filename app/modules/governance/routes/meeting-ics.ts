import { data } from 'react-router';
import type { Route } from './+types/meeting-ics';
import { getBodyRow, getMeetingRow, listAgenda } from '../governance.queries.ts';
import { icsDescription } from '../governance.commands.ts';
import { meetingToIcs } from '../icalendar.ts';
import { originOf, readGovernance } from './governance.server.ts';

/** The meeting as an iCalendar invitation (.ics), to add it to one's calendar. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito } = await readGovernance(context, request, params.code);
  const meeting = await getMeetingRow(db, ambito.id, params.meetingId);
  if (!meeting) throw data('Riunione non trovata', { status: 404 });
  const body = (await getBodyRow(db, ambito.id, meeting.bodyId))!;
  const agenda = (await listAgenda(db, meeting.id)).map((a) => a.title);
  const ics = meetingToIcs(
    {
      uid: `riunione-${meeting.id}@cantiere`,
      title: `${body.name}: ${meeting.title}`,
      description: icsDescription(agenda, meeting.onlineUrl),
      location: meeting.place ?? meeting.onlineUrl,
      url: `${originOf(request)}/ambiti/${ambito.code}/riunioni/${meeting.id}`,
      start: meeting.startsAt,
      end: meeting.endsAt,
      sequence: meeting.icsSequence,
      status: 'CONFIRMED',
    },
    new Date(),
  );
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8; method=REQUEST',
      'Content-Disposition': `attachment; filename="riunione-${meeting.startsAt.toISOString().slice(0, 10)}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
