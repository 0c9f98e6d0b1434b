import { siteBase } from '../../../shared/http/request.server.ts';
import type { Route } from './+types/calendar';
import { meetingEvent } from '../governance.commands.ts';
import { listMeetingsForCalendar } from '../governance.queries.ts';
import { calendarFeed } from '../icalendar.ts';
import { icsResponse, readGovernance } from './governance.server.ts';

/**
 * The calendar feed of every meeting of the Ambito's bodies (iCalendar, to subscribe to). It needs the reader's
 * session or an API token (Authorization: Bearer), like every governance page.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito } = await readGovernance(context, request, params.code);
  const pages = `${siteBase(context, request)}/ambiti/${ambito.code}/riunioni`;
  const meetings = await listMeetingsForCalendar(db, ambito.id);
  const events = meetings.map((m) => meetingEvent(m, m.bodyName, m.agenda, `${pages}/${m.id}`));
  return icsResponse(calendarFeed(events, `Riunioni – ${ambito.name}`, new Date()), `riunioni-${ambito.code}.ics`, 'feed');
}
