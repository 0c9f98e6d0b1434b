// The portal's loaders' common steps: the Ambito of the address and the plan a page shows, or a 404 page that says
// what is missing (in the reader's language).
import { data } from 'react-router';
import type { Db } from '../../shared/db/client.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { todayInRome } from '../monitoring/index.server.ts';
import { findPortalAmbito, listPublicPlans } from './portal.queries.ts';
import { choosePlan, defaultPlan, periodOf, planQuery } from './portal.rules.ts';

/** The Ambito of the portal's address (404 when there is none with that code). */
export async function requirePortalAmbito(db: Db, code: string) {
  const ambito = await findPortalAmbito(db, code);
  if (!ambito) throw data(tr('portal.notFound.ambito', { code }), { status: 404 });
  return ambito;
}

/** The `periodo` a page is asked for (`?periodo=2021-2023`), or null. */
export const periodoOf = (request: Request) => new URL(request.url).searchParams.get('periodo');

/** The plan a page shows (the one of `periodo`, else the default one); `choice` null when the Ambito has no public plan. */
export async function portalPlanOf(db: Db, ambito: { id: string }, periodo: string | null) {
  const plans = await listPublicPlans(db, ambito.id);
  const today = todayInRome();
  const choice = choosePlan(plans, today, periodo);
  const fallback = defaultPlan(plans, today);
  if (!choice && periodo) throw data(tr('portal.notFound.period', { period: periodo }), { status: 404 });
  return {
    today,
    choice,
    query: choice ? planQuery(choice) : '',
    /** The other public plans, for the page's «other plans» links (the default plan's address has no period). */
    others: plans
      .filter((p) => p.id !== choice?.plan.id)
      .map((p) => ({ id: p.id, title: p.title, period: periodOf(p), status: p.status, query: p.id === fallback?.id ? '' : `?periodo=${periodOf(p)}` })),
  };
}
