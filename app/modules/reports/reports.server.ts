// What the reports pages do first.
import { data } from 'react-router';
import type { DbOrTx } from '../../shared/db/client.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { isUuid } from '../../shared/validation.ts';
import { getPlanHeader } from '../planning/index.server.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';

/** The plan of the URL, checked to belong to the Ambito of the URL (404 otherwise, also for a malformed id). */
export async function planOfUrl(db: DbOrTx, code: string, planId: string) {
  const ambito = await getAmbitoByCode(db, code);
  const header = ambito && isUuid(planId) ? await getPlanHeader(db, planId) : null;
  if (!ambito || !header || header.plan.ambitoId !== ambito.id) throw data(tr('rep.documents.notFound'), { status: 404 });
  return header;
}
