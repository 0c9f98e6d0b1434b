import { data, Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/objective';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField, FormAlert } from '../../../shared/ui/forms.tsx';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../../planning/index.ts';
import { updateActionProgress } from '../monitoring.commands.ts';
import { abilitiesFor, authorize } from '../monitoring.policy.ts';
import { getPlanDashboard, listLatestMeasurements, todayInRome } from '../monitoring.queries.ts';
import { isUuid, requireMonitoringPlan } from '../monitoring.server.ts';
import { formatShare } from '../progress.rules.ts';
import { StatusBadge } from '../components/status-badge.tsx';
import { getObjectiveDetail } from '../../planning/index.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requireMonitoringPlan(db, params.code, params.planId);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'monitoring.read', header.scope, { hide: true }));
  const detail = isUuid(params.objectiveId) ? await getObjectiveDetail(db, params.objectiveId) : null;
  if (!detail || detail.objective.planId !== header.plan.id) throw data('Obiettivo non trovato', { status: 404 });
  const today = todayInRome();
  const dashboard = (await getPlanDashboard(db, header.plan.id, today))!;
  const row = dashboard.objectives.find((o) => o.id === detail.objective.id)!;
  const latest = await listLatestMeasurements(
    db,
    detail.indicators.map((i) => i.id),
    today,
  );
  return {
    code: params.code,
    plan: { id: header.plan.id, title: header.plan.title, period: `${header.plan.periodStartYear}–${header.plan.periodEndYear}` },
    objective: { id: detail.objective.id, code: detail.objective.code, title: detail.objective.title, macroArea: detail.objective.macroArea },
    progress: { value: row.progress.value, formula: row.progress.formula },
    counts: row.counts,
    actions: row.actions.map((a) => ({
      id: a.id,
      number: a.number,
      description: a.description,
      responsible: a.responsible,
      status: a.status,
      statusLabel: a.statusLabel,
      realisationPercent: a.realisationPercent,
      version: a.version,
      realisation: { value: a.realisation.value, formula: a.realisation.formula, coverage: a.realisation.coverage },
      indicators: detail.indicators
        .filter((i) => i.actionId === a.id)
        .map((i) => ({ id: i.id, code: i.code, label: i.label, latest: latest.find((l) => l.indicatorId === i.id)! })),
    })),
    objectiveIndicators: detail.indicators
      .filter((i) => i.actionId === null)
      .map((i) => ({ id: i.id, code: i.code, label: i.label, latest: latest.find((l) => l.indicatorId === i.id)! })),
    can: abilitiesFor(actor, header.scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requireMonitoringPlan(db, params.code, params.planId);
  const form = Object.fromEntries(await request.formData());
  const actionId = String(form.actionId ?? '');
  if (!isUuid(actionId)) throw data('Azione non trovata', { status: 404 });
  return formAction(request, async () => {
    const a = await updateActionProgress({ db, actor, actionId, input: form });
    return { ok: true as const, message: `Azione ${a.number} aggiornata.` };
  });
}

type IndicatorRow = {
  id: string;
  code: string;
  label: string;
  latest: { periodLabel: string | null; display: string | null; target: { status: Parameters<typeof StatusBadge>[0]['status']; reason: string } | null };
};

function IndicatorTable({ rows, caption, base }: { rows: IndicatorRow[]; caption: string; base: string }) {
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Codice</th>
            <th scope="col">Indicatore</th>
            <th scope="col">Ultimo valore</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link to={`${base}/indicatori/${i.id}`} aria-label={`Indicatore ${i.code}: inserisci e vedi i valori`}>
                  {i.code}
                </Link>
              </th>
              <td>{i.label}</td>
              <td>{i.latest.display ? `${i.latest.display} (${i.latest.periodLabel})` : '—'}</td>
              <td>
                {i.latest.target ? (
                  <>
                    <StatusBadge status={i.latest.target.status} /> <span className="small">{i.latest.target.reason}</span>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ObjectiveMonitoring({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const navigation = useNavigation();
  const failed = actionData && 'fieldErrors' in actionData ? actionData : undefined;
  const done = actionData && 'message' in actionData ? actionData.message : null;
  const base = `/ambiti/${d.code}/monitoraggio/${d.plan.id}`;
  return (
    <>
      <title>{`Obiettivo ${d.objective.code} – Monitoraggio`}</title>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={`/ambiti/${d.code}/monitoraggio`}>Monitoraggio</Link>
          </li>
          <li className="breadcrumb-item">
            <Link to={base}>{d.plan.period}</Link>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            Obiettivo {d.objective.code}
          </li>
        </ol>
      </nav>
      <h1>
        {d.objective.code} – {d.objective.title}
      </h1>
      {d.objective.macroArea && <p className="lead">{d.objective.macroArea}</p>}
      <p>
        Avanzamento: <strong>{formatShare(d.progress.value)}</strong> <span className="small">({d.progress.formula})</span>. Target: {d.counts.raggiunto}{' '}
        raggiunti, {d.counts.non_raggiunto} non raggiunti, {d.counts.dati_mancanti} con dati mancanti, {d.counts.in_corso} in corso.
      </p>
      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      <FormAlert result={failed} reloadHref={`${base}/obiettivi/${d.objective.id}`} />
      {d.objectiveIndicators.length > 0 && <IndicatorTable rows={d.objectiveIndicators} caption="Indicatori dell’obiettivo" base={base} />}
      {d.actions.map((a) => (
        <article key={a.id} className="border-top pt-3 mt-3" aria-labelledby={`azione-${a.id}`}>
          <h2 className="h4" id={`azione-${a.id}`}>
            Azione {a.number}
          </h2>
          <p>{a.description}</p>
          <p className="small">
            Responsabile: {a.responsible ?? 'non indicato'} · Stato: {a.statusLabel} · Realizzazione:{' '}
            <span data-testid={`realisation-${a.number}`}>{formatShare(a.realisation.value)}</span>
            {a.realisation.coverage ? ` (${a.realisation.coverage})` : ''} · <span className="small">{a.realisation.formula}</span>
          </p>
          {d.can['progress.write'] && (
            <Form method="post" className="row g-2 align-items-end mb-3" aria-label={`Avanzamento dell’azione ${a.number}`} key={`${a.id}-${a.version}`}>
              <CsrfField />
              <input type="hidden" name="actionId" value={a.id} />
              <input type="hidden" name="version" value={a.version} />
              <div className="col-md-4">
                <label htmlFor={`status-${a.id}`} className="form-label small fw-semibold">
                  Stato dell’azione {a.number}
                </label>
                <select id={`status-${a.id}`} name="status" className="form-select" defaultValue={a.status}>
                  {ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {ACTION_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="col-md-3">
                <label htmlFor={`percent-${a.id}`} className="form-label small fw-semibold">
                  Realizzazione dell’azione {a.number} (%)
                </label>
                <input
                  id={`percent-${a.id}`}
                  name="realisationPercent"
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  className="form-control"
                  defaultValue={a.realisationPercent ?? ''}
                />
              </div>
              <div className="col-md-3">
                <button type="submit" className="btn btn-outline-primary" disabled={navigation.state === 'submitting'}>
                  Aggiorna l’azione {a.number}
                </button>
              </div>
            </Form>
          )}
          {a.indicators.length > 0 && <IndicatorTable rows={a.indicators} caption={`Indicatori dell’azione ${a.number}`} base={base} />}
        </article>
      ))}
    </>
  );
}

export function meta() {
  return [{ title: 'Obiettivo – Monitoraggio – Cantiere' }];
}
