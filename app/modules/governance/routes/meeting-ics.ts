import { data } from 'react-router';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { siteBase } from '../../../shared/http/request.server.ts';
import type { Route } from './+types/meeting-ics';
import { getBodyRow, getMeetingRow, listAgenda } from '../governance.queries.ts';
import { meetingEvent } from '../governance.commands.ts';
import { meetingToIcs } from '../icalendar.ts';
import { icsResponse, readGovernance } from './governance.server.ts';

/** The meeting as an iCalendar invitation (.ics), to add it to one's calendar. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito } = await readGovernance(context, request, params.code);
  const meeting = await getMeetingRow(db, ambito.id, params.meetingId);
  if (!meeting) throw data(tr('gov.notFound.meeting'), { status: 404 });
  const body = (await getBodyRow(db, ambito.id, meeting.bodyId))!;
  const agenda = (await listAgenda(db, meeting.id)).map((a) => a.title);
  const event = meetingEvent(meeting, body.name, agenda, `${siteBase(context, request)}/ambiti/${ambito.code}/riunioni/${meeting.id}`);
  return icsResponse(meetingToIcs(event, new Date()), `riunione-${meeting.startsAt.toISOString().slice(0, 10)}.ics`, 'invitation');
}
