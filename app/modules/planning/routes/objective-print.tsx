import { data, Link } from 'react-router';
import type { Route } from './+types/objective-print';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { FUNDING_SOURCES } from '../plan-document.schema.ts';
import { cardValueText } from '../planning.card.ts';
import { authorize } from '../planning.policy.ts';
import { getObjectiveDetail } from '../planning.queries.ts';
import { euro } from '../planning.format.ts';
import { requirePlanInAmbito } from '../planning.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requirePlanInAmbito(db, params.code, params.planId);
  const d = /^[0-9a-f-]{36}$/.test(params.objectiveId) ? await getObjectiveDetail(db, params.objectiveId) : null;
  if (!d || d.objective.planId !== header.plan.id) throw data('Obiettivo non trovato', { status: 404 });
  await guard(request, async () => authorize(getActor(context), 'plan.read', header.scope, { hide: true }));
  const card = d.objective.card as Record<string, unknown>;
  return {
    back: `/ambiti/${params.code}/piani/${params.planId}/obiettivi/${params.objectiveId}`,
    plan: header.plan.title,
    ambito: header.ambitoName,
    objective: { code: d.objective.code, title: d.objective.title, priority: d.objective.priority, policyAreas: d.objective.policyAreas },
    rows: (d.template?.objectiveCard.fields ?? []).map((f) => ({ label: f.label, value: cardValueText(card[f.key]) })),
    actions: d.actions.map((a) => ({
      number: a.number,
      description: a.description,
      indicators: d.indicators
        .filter((i) => i.actionId === a.id)
        .map((i) => ({ code: i.code, label: i.label, targets: i.targets.map((t) => `${t.year ?? 'triennio'}: ${t.text}`).join('; ') })),
    })),
    budget: d.budget.map((l) => ({ fund: String((FUNDING_SOURCES as Record<string, string>)[l.fund] ?? l.fund), year: l.year, amount: euro(l.amountCents) })),
    total: euro(d.budget.reduce((s, l) => s + l.amountCents, 0)),
  };
}

/** One objective card laid out like the regional card, for printing (the browser's print removes the shell). */
export default function ObjectivePrint({ loaderData: p }: Route.ComponentProps) {
  return (
    <article className="print-card">
      <title>{`Scheda ${p.objective.code} – ${p.plan}`}</title>
      <p className="d-print-none">
        <Link to={p.back}>Torna all’editor della scheda</Link> · usa la stampa del browser (Ctrl+P) per stampare o salvare in PDF.
      </p>
      <p className="small mb-1">
        {p.ambito} · {p.plan}
      </p>
      <h1 className="h2">
        {p.objective.code} – {p.objective.title}
        {p.objective.priority ? ' (prioritario)' : ''}
      </h1>
      <p>Aree di policy: {p.objective.policyAreas.join(', ') || '—'}</p>
      <table className="table table-bordered">
        <caption>Scheda dell’obiettivo</caption>
        <tbody>
          {p.rows.map((r, i) => (
            <tr key={i}>
              <th scope="row" style={{ width: '40%' }}>
                {r.label}
              </th>
              <td style={{ whiteSpace: 'pre-line' }}>{r.value || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="h4">Azioni e indicatori</h2>
      <table className="table table-bordered table-sm">
        <caption>Azioni, indicatori e target</caption>
        <thead>
          <tr>
            <th scope="col">Azione</th>
            <th scope="col">Indicatori e target</th>
          </tr>
        </thead>
        <tbody>
          {p.actions.map((a) => (
            <tr key={a.number}>
              <th scope="row">
                {a.number}. {a.description}
              </th>
              <td>
                <ul className="mb-0">
                  {a.indicators.map((i) => (
                    <li key={i.code}>
                      {i.code} {i.label}
                      {i.targets ? ` — ${i.targets}` : ''}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="h4">Risorse preventivate ({p.total})</h2>
      <ul>
        {p.budget.map((b, i) => (
          <li key={i}>
            {b.fund}, {b.year ?? 'triennio'}: {b.amount}
          </li>
        ))}
      </ul>
    </article>
  );
}
