import { data } from 'react-router';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { Route } from './+types/agreement-file';
import { getAgreementFile } from '../governance.queries.ts';
import { fileResponse, readGovernance } from './governance.server.ts';

/** Downloads the signed Accordo di programma (PDF). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito } = await readGovernance(context, request, params.code);
  const file = await getAgreementFile(db, ambito.id, params.agreementId);
  if (!file) throw data(tr('gov.notFound.signedFile'), { status: 404 });
  return fileResponse(file.content, file.fileName, file.mimeType);
}
