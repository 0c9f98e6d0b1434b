import { data } from 'react-router';
import type { Route } from './+types/personal-calendar';
import { getServices, siteBase } from '../../../shared/http/request.server.ts';
import { actorFromCalendarSecret } from '../../accounts/index.server.ts';
import { listAmbiti } from '../../territory/index.server.ts';
import { meetingEvent } from '../governance.commands.ts';
import { can } from '../governance.policy.ts';
import { listMeetingsForCalendar } from '../governance.queries.ts';
import { calendarFeed } from '../icalendar.ts';
import { icsResponse } from './governance.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';

/**
 * A user's own meetings calendar, read by calendar apps through the secret link of the profile (`/calendario/<link>.ics`):
 * the meetings of every Ambito the user's roles reach at this moment (an Ambito's roles, or a Region's reviewer), read
 * only. An unknown or revoked link is a 404, the same for both, so that nothing is learned from trying links.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const secret = params.feed.endsWith('.ics') ? params.feed.slice(0, -4) : '';
  const actor = secret ? await actorFromCalendarSecret(db, secret) : null;
  if (!actor) throw data(tr('gov.calendar.unknown'), { status: 404 });
  const ambitoIds = new Set(actor.grants.flatMap((g) => (g.ambitoId ? [g.ambitoId] : [])));
  const regions = new Set(actor.grants.flatMap((g) => (g.role === 'regional_reviewer' && g.regionCode ? [g.regionCode] : [])));
  const reached = (await listAmbiti(db)).filter(
    (a) => (ambitoIds.has(a.id) || regions.has(a.regionCode)) && can(actor, 'governance.read', { id: a.id, regionCode: a.regionCode }),
  );
  const origin = siteBase(context, request);
  const several = reached.length > 1;
  const meetings = [];
  for (const ambito of reached) {
    const pages = `${origin}/ambiti/${ambito.code}/riunioni`;
    for (const m of await listMeetingsForCalendar(db, ambito.id)) meetings.push({ m, ambito, url: `${pages}/${m.id}` });
  }
  meetings.sort((a, b) => a.m.startsAt.getTime() - b.m.startsAt.getTime());
  const events = meetings.map(({ m, ambito, url }) => meetingEvent(m, several ? `${m.bodyName} – ${ambito.name}` : m.bodyName, m.agenda, url));
  const response = icsResponse(calendarFeed(events, `Riunioni di ${actor.name}`, new Date()), 'riunioni.ics', 'feed');
  response.headers.set('X-Robots-Tag', 'noindex');
  response.headers.set('Referrer-Policy', 'no-referrer');
  return response;
}
