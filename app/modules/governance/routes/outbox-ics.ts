import { data } from 'react-router';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { Route } from './+types/outbox-ics';
import { guard } from '../../../shared/http/request.server.ts';
import { authorize } from '../governance.policy.ts';
import { getOutboxIcs } from '../governance.queries.ts';
import { icsResponse, readGovernance } from './governance.server.ts';

/** The iCalendar invitation attached to a message of the outbox, exactly as it was written. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito } = await readGovernance(context, request, params.code);
  await guard(request, async () => authorize(actor, 'outbox.read', ambito));
  const message = await getOutboxIcs(db, ambito.id, params.messageId);
  if (!message) throw data(tr('gov.notFound.message'), { status: 404 });
  return icsResponse(message.ics, 'invito.ics', 'invitation');
}
