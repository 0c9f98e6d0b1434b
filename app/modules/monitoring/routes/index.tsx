import { data, Link } from 'react-router';
import type { Route } from './+types/index';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { getAmbitoByCode } from '../../territory/index.server.ts';
import { statusLabel } from '../../planning/index.server.ts';
import type { PlanStatus } from '../../planning/index.ts';
import { authorize } from '../monitoring.policy.ts';
import { listDue, listMonitoringPlans, todayInRome } from '../monitoring.queries.ts';
import { periodName } from '../monitoring.rules.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await getAmbitoByCode(db, params.code);
  if (!ambito) throw data('Ambito non trovato', { status: 404 });
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'monitoring.read', { id: ambito.id, regionCode: ambito.regionCode }, { hide: true }));
  const today = todayInRome();
  const plans = await listMonitoringPlans(db, ambito.id);
  const due = await Promise.all(plans.filter((p) => p.underWay).map(async (p) => ({ planId: p.id, due: await listDue(db, p.id, today) })));
  return {
    ambito: { code: ambito.code, name: ambito.name },
    today,
    plans: plans.map((p) => ({
      id: p.id,
      title: p.title,
      period: `${p.periodStartYear}–${p.periodEndYear}`,
      status: statusLabel(p.templateId, p.status as PlanStatus),
      underWay: p.underWay,
      closed: p.status === 'closed',
      hasEvaluation: p.hasEvaluation,
      due: due.find((d) => d.planId === p.id)?.due ?? null,
    })),
  };
}

export default function MonitoringIndex({ loaderData }: Route.ComponentProps) {
  const { ambito, plans } = loaderData;
  const base = `/ambiti/${ambito.code}/monitoraggio`;
  return (
    <>
      <title>{`Monitoraggio – ${ambito.name}`}</title>
      <h1>Monitoraggio e valutazione</h1>
      <p className="lead">{ambito.name}</p>
      <p>
        Per i piani in corso: misure degli indicatori per periodo, stato dei target, avanzamento delle azioni, periodi approvati. Per i piani in chiusura: la
        griglia di valutazione regionale (DGR XII/2167/2024) e il passaggio degli obiettivi al piano successivo.
      </p>
      {plans.length === 0 ? (
        <p>L’Ambito non ha ancora piani adottati.</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>Piani dell’Ambito</caption>
            <thead>
              <tr>
                <th scope="col">Piano</th>
                <th scope="col">Periodo</th>
                <th scope="col">Stato</th>
                <th scope="col">Da misurare</th>
                <th scope="col">Valutazione</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`${base}/${p.id}`}>{p.title}</Link>
                  </th>
                  <td>{p.period}</td>
                  <td>{p.status}</td>
                  <td>
                    {p.due === null
                      ? '—'
                      : `${
                          p.due.total === 0
                            ? 'nulla in arretrato'
                            : `in arretrato: ${p.due.total} ${p.due.total === 1 ? 'valore' : 'valori'} di ${p.due.indicators} ${p.due.indicators === 1 ? 'indicatore' : 'indicatori'} (${p.due.periods.map(periodName).join(', ')})`
                        }${p.due.toCollect.total ? `; da rilevare: ${p.due.toCollect.total} (${p.due.toCollect.periods.map(periodName).join(', ')})` : ''}`}
                  </td>
                  <td>
                    <Link to={`${base}/${p.id}/valutazione`} aria-label={`Griglia di valutazione del ${p.title}`}>
                      {p.hasEvaluation ? 'Griglia di valutazione' : p.closed ? 'Compila la griglia' : 'Griglia (a fine piano)'}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function meta() {
  return [{ title: 'Monitoraggio – Cantiere' }];
}
