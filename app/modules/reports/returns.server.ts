// What the returns' page and files do first: the Ambito of the URL (404), the reader's right (Ufficio di Piano, mayors,
// the Region's reviewer: reports.policy.ts), the year of `?anno=` (default: last year), and the returns of that year.
import { data, type RouterContextProvider } from 'react-router';
import { getActor, getServices, guard } from '../../shared/http/request.server.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { getAmbitoByCode, today } from '../territory/index.server.ts';
import { yearParam } from './impact.server.ts';
import { authorize } from './reports.policy.ts';
import { readReturns } from './returns.queries.ts';

export async function openReturns(context: Readonly<RouterContextProvider>, request: Request, code: string) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data(tr('rep.returns.notFound'), { status: 404 });
  const scope = { id: ambito.id, regionCode: ambito.regionCode };
  await guard(request, async () => authorize(getActor(context), 'returns.read', scope));
  const currentYear = Number(today().slice(0, 4));
  const year = yearParam(request) ?? currentYear - 1;
  const view = await readReturns(db, { id: ambito.id, code: ambito.code, name: ambito.name, regionCode: ambito.regionCode }, year);
  return { ambito, year, currentYear, view };
}
