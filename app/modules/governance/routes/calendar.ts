import type { Route } from './+types/calendar';
import { icsDescription } from '../governance.commands.ts';
import { listMeetingsForCalendar } from '../governance.queries.ts';
import { calendarFeed } from '../icalendar.ts';
import { originOf, readGovernance } from './governance.server.ts';

/**
 * The calendar feed of every meeting of the Ambito's bodies (iCalendar, to subscribe to). It needs the reader's
 * session or an API token (Authorization: Bearer), like every governance page.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito } = await readGovernance(context, request, params.code);
  const origin = originOf(request);
  const meetings = await listMeetingsForCalendar(db, ambito.id);
  const ics = calendarFeed(
    meetings.map((m) => ({
      uid: `riunione-${m.id}@cantiere`,
      title: `${m.bodyName}: ${m.title}`,
      description: icsDescription(m.agenda, m.onlineUrl),
      location: m.place ?? m.onlineUrl,
      url: `${origin}/ambiti/${ambito.code}/riunioni/${m.id}`,
      start: m.startsAt,
      end: m.endsAt,
      sequence: m.icsSequence,
      status: 'CONFIRMED' as const,
    })),
    `Riunioni – ${ambito.name}`,
    new Date(),
  );
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="riunioni-${ambito.code}.ics"`,
      'Cache-Control': 'private, max-age=300',
    },
  });
}
