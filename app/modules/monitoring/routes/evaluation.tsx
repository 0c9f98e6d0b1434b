import { Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/evaluation';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField } from '../../../shared/ui/forms.tsx';
import { statusLabel } from '../../planning/index.server.ts';
import type { PlanStatus } from '../../planning/index.ts';
import { ACHIEVEMENT_FORMULA } from '../evaluation.rules.ts';
import { importEvaluation } from '../monitoring.commands.ts';
import { abilitiesFor, authorize } from '../monitoring.policy.ts';
import { getPlanEvaluation } from '../monitoring.queries.ts';
import { requireMonitoringPlan, uploadedText } from '../monitoring.server.ts';
import { IssuesAlert } from '../components/status-badge.tsx';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requireMonitoringPlan(db, params.code, params.planId);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'monitoring.read', header.scope, { hide: true }));
  const e = (await getPlanEvaluation(db, params.planId))!;
  return {
    code: params.code,
    plan: {
      id: e.plan.id,
      title: e.plan.title,
      period: `${e.plan.periodStartYear}–${e.plan.periodEndYear}`,
      status: statusLabel(e.plan.templateId, e.plan.status as PlanStatus),
    },
    mean: e.mean ? { label: e.mean.label, formula: e.mean.formula } : null,
    evaluatedCount: e.evaluatedCount,
    objectives: e.objectives.map((o) => ({
      id: o.id,
      code: o.code,
      title: o.title,
      macroArea: o.macroArea,
      grade: o.grade ? { label: o.grade.label, formula: o.grade.formula, realised: o.grade.realised, planned: o.grade.planned } : null,
      ungradedReason: o.ungradedReason,
      evaluated: !!o.evaluation,
      adequacy: o.evaluation?.resourceAdequacyLevel ?? null,
      spending: o.spending?.label ?? null,
      reproposed: o.evaluation?.reproposed ?? null,
      published: o.published ? `${o.published.percent}% (${o.published.band})` : null,
      publishedMatches: o.publishedMatches,
    })),
    can: abilitiesFor(actor, header.scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requireMonitoringPlan(db, params.code, params.planId);
  const form = await request.formData();
  return formAction(request, async () => {
    const file = await uploadedText(form, 'file', 'il file JSON della griglia di valutazione', 5 * 1024 * 1024);
    const r = await importEvaluation({ db, actor, planId: params.planId, fileName: file.name, text: file.text });
    return { ok: true as const, message: `Griglia caricata da ${r.file}: ${r.objectives} obiettivi.` };
  });
}

const ANSWERS: Record<string, string> = { yes: 'Sì', no: 'No', not_applicable: 'Non pertinente' };

export default function Evaluation({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const navigation = useNavigation();
  const failed = actionData && 'fieldErrors' in actionData ? actionData : undefined;
  const done = actionData && 'message' in actionData ? actionData.message : null;
  const base = `/ambiti/${d.code}/monitoraggio/${d.plan.id}`;
  return (
    <>
      <title>{`Valutazione – ${d.plan.title}`}</title>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={`/ambiti/${d.code}/monitoraggio`}>Monitoraggio</Link>
          </li>
          <li className="breadcrumb-item">
            <Link to={base}>{d.plan.period}</Link>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            Valutazione
          </li>
        </ol>
      </nav>
      <h1>Valutazione del {d.plan.title}</h1>
      <p className="lead">Schema di valutazione regionale (DGR XII/2167/2024) · Stato del piano: {d.plan.status}</p>
      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      <IssuesAlert result={failed} />
      {d.mean ? (
        <div className="kpi my-3">
          <div className="value" data-testid="plan-mean">
            {d.mean.label}
          </div>
          <div>grado di raggiungimento medio del piano ({d.evaluatedCount} obiettivi valutati)</div>
          <p className="small mb-0">{d.mean.formula}</p>
        </div>
      ) : (
        <p>Nessun obiettivo valutato ancora.</p>
      )}
      <p className="small">
        Grado di raggiungimento = {ACHIEVEMENT_FORMULA}; un’azione conta come realizzata quando la sua percentuale di realizzazione è sopra lo 0%. Fasce: 0%
        nullo, 1-49% insufficiente, 50-79% sufficiente, 80-99% buono, 100% ottimo.
      </p>
      <div className="table-responsive">
        <table className="table table-sm" data-testid="grid">
          <caption>Obiettivi del piano e grado di raggiungimento</caption>
          <thead>
            <tr>
              <th scope="col">Obiettivo</th>
              <th scope="col">Titolo</th>
              <th scope="col" className="num">
                Azioni realizzate
              </th>
              <th scope="col">Grado</th>
              <th scope="col">Adeguatezza delle risorse</th>
              <th scope="col">Coincidenza delle risorse</th>
              <th scope="col">Riproposto</th>
            </tr>
          </thead>
          <tbody>
            {d.objectives.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`${base}/valutazione/${o.id}`} aria-label={`Valutazione dell’obiettivo ${o.code}`}>
                    {o.code}
                  </Link>
                </th>
                <td>{o.title}</td>
                <td className="num">{o.grade ? `${o.grade.realised}/${o.grade.planned}` : '—'}</td>
                <td>
                  {o.grade ? <strong>{o.grade.label}</strong> : <span className="small">{o.ungradedReason}</span>}
                  {o.published && o.publishedMatches === false && <div className="small text-danger">Il documento pubblica {o.published}</div>}
                  {!o.evaluated && <div className="small">griglia da compilare</div>}
                </td>
                <td>{o.adequacy ?? '—'}</td>
                <td className="small">{o.spending ?? '—'}</td>
                <td>{o.reproposed ? ANSWERS[o.reproposed] : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.can['evaluation.write'] && (
        <section className="my-4" aria-labelledby="grid-import">
          <h2 className="h4" id="grid-import">
            Carica la griglia compilata (JSON)
          </h2>
          <p className="small" id="grid-import-hint">
            Il file sostituisce le valutazioni degli obiettivi che contiene. Le percentuali di realizzazione delle azioni devono coincidere con quelle del
            piano.
          </p>
          <Form method="post" encType="multipart/form-data" className="row g-3 align-items-end">
            <CsrfField />
            <div className="col-md-8">
              <label htmlFor="grid-file" className="form-label fw-semibold">
                File JSON della griglia
              </label>
              <input id="grid-file" name="file" type="file" accept=".json,application/json" className="form-control" aria-describedby="grid-import-hint" />
            </div>
            <div className="col-md-4">
              <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
                Carica la griglia
              </button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}

export function meta() {
  return [{ title: 'Valutazione – Cantiere' }];
}
