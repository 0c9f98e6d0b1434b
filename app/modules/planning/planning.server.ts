import { data } from 'react-router';
import type { Db } from '../../shared/db/client.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { getPlanHeader } from './planning.queries.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { isUuid } from '../../shared/validation.ts';

/** Loads the Ambito of the URL and checks that the plan of the URL belongs to it (404 otherwise). */
export async function requirePlanInAmbito(db: Db, code: string, planId: string) {
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data(tr('plan.notFound.ambito'), { status: 404 });
  const header = isUuid(planId) ? await getPlanHeader(db, planId) : null;
  if (!header || header.plan.ambitoId !== ambito.id) throw data(tr('plan.notFound.plan'), { status: 404 });
  return { ambito, header };
}
