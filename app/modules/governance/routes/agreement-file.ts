import { data } from 'react-router';
import type { Route } from './+types/agreement-file';
import { getAgreementFile } from '../governance.queries.ts';
import { fileResponse, readGovernance } from './governance.server.ts';

/** Downloads the signed Accordo di programma (PDF). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito } = await readGovernance(context, request, params.code);
  const file = await getAgreementFile(db, ambito.id, params.agreementId);
  if (!file) throw data('Il file firmato dell’Accordo non è stato caricato', { status: 404 });
  return fileResponse(file.content, file.fileName, file.mimeType);
}
