import { data } from 'react-router';
import type { Route } from './+types/minutes';
import { getServices } from '../../../shared/http/request.server.ts';
import { serverFormat, tr } from '../../../shared/i18n/tr.server.ts';
import { getPortalMinutes } from '../portal.queries.ts';
import { requirePortalAmbito } from '../portal.server.ts';

/**
 * The published minutes of a meeting of a public body, as a text file (UTF-8): a header naming the meeting and the
 * approval, then the minutes as approved. Minutes that are not published (not approved, or of a technical body) are a
 * 404, like a meeting that does not exist.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  const m = await getPortalMinutes(db, ambito, params.meetingId);
  if (!m) throw data(tr('portal.notFound.minutes'), { status: 404 });
  const f = serverFormat();
  const header = [
    tr('portal.minutesFile.title', { body: m.bodyName, date: f.date(m.day) }),
    m.title,
    ...(m.place ? [tr('portal.minutesFile.place', { place: m.place })] : []),
    tr('portal.minutesFile.approved', { date: f.date(m.approvedAt), by: m.approvedBy ?? '—' }),
    ambito.name,
  ];
  const body = `${header.join('\r\n')}\r\n\r\n${m.minutes.replace(/\r?\n/g, '\r\n')}\r\n`;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="verbale-${ambito.code}-${m.day}.txt"`,
      'Cache-Control': 'no-cache',
    },
  });
}
