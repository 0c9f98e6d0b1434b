import { data } from 'react-router';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { Route } from './+types/attachment';
import { getAttachment } from '../governance.queries.ts';
import { fileResponse, readGovernance } from './governance.server.ts';

/** Downloads an attachment of a meeting with the type it was accepted as. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito } = await readGovernance(context, request, params.code);
  const file = await getAttachment(db, ambito.id, params.meetingId, params.attachmentId);
  if (!file) throw data(tr('gov.notFound.attachment'), { status: 404 });
  return fileResponse(file.content, file.fileName, file.mimeType);
}
