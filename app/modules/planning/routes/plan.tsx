import { Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/plan';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { Chart } from '../../../shared/ui/chart.tsx';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { changePlanStatus, createObjective } from '../planning.commands.ts';
import { abilitiesFor, authorize } from '../planning.policy.ts';
import { getPlanOverview } from '../planning.queries.ts';
import { listAmbitoDecisions } from '../../governance/governance.queries.ts';
import { TRANSITIONS } from '../planning.rules.ts';
import { euro } from '../planning.format.ts';
import { requirePlanInAmbito } from '../planning.server.ts';
import { statusLabel } from '../planning.templates.ts';
import type { PlanStatus } from '../plan-document.schema.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requirePlanInAmbito(db, params.code, params.planId);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'plan.read', header.scope, { hide: true }));
  const overview = (await getPlanOverview(db, params.planId))!;
  const status = header.plan.status as PlanStatus;
  const canStatus = abilitiesFor(actor, header.scope)['plan.status'];
  const decisions = canStatus && TRANSITIONS[status].includes('adopted') ? await listAmbitoDecisions(db, header.plan.ambitoId) : [];
  const adoptionDecision = header.plan.adoptionDecisionId ? ((await listAmbitoDecisions(db, header.plan.ambitoId)).find((d) => d.id === header.plan.adoptionDecisionId) ?? null) : null;
  return {
    ...overview,
    code: params.code,
    decisions,
    adoptionDecision,
    next: TRANSITIONS[status].map((s) => ({ status: s, label: statusLabel(header.plan.templateId, s) })),
    can: abilitiesFor(actor, header.scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requirePlanInAmbito(db, params.code, params.planId);
  const form = Object.fromEntries(await request.formData());
  return formAction(request, async () => {
    if (form.intent === 'objective') {
      const o = await createObjective({ db, actor, planId: params.planId, input: form });
      return { ok: true as const, created: o.code };
    }
    await changePlanStatus({ db, actor, planId: params.planId, input: form });
    return { ok: true as const, created: null };
  });
}

export default function PlanOverview({ loaderData, actionData }: Route.ComponentProps) {
  const p = loaderData;
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  const base = `/ambiti/${p.code}/piani/${p.plan.id}`;
  // Objectives grouped by the plan's macro-areas (the sections of the regional template), in plan order.
  const byArea = new Map<string, typeof p.objectives>();
  for (const o of p.objectives.filter((x) => x.kind === 'ordinary')) {
    const area = o.macroArea ?? 'Senza macro-area';
    byArea.set(area, [...(byArea.get(area) ?? []), o]);
  }
  const leps = p.objectives.filter((o) => o.kind === 'leps');
  const incomplete = p.objectives.filter((o) => o.incomplete.length > 0);
  const ObjectiveRow = ({ o }: { o: (typeof p.objectives)[number] }) => (
    <tr>
      <th scope="row" className="text-nowrap">
        <Link to={`${base}/obiettivi/${o.id}`}>{o.code}</Link>
      </th>
      <td>
        {o.title}
        {o.priority && <span className="badge bg-primary ms-2">prioritario</span>}
        {o.policyAreas.length > 0 && <div className="small text-secondary">Aree di policy: {o.policyAreas.join(', ')}</div>}
      </td>
      <td className="num">{o.actions}</td>
      <td className="num">{o.indicators}</td>
      <td className="num">{euro(o.budgetCents)}</td>
    </tr>
  );
  const head = (
    <thead>
      <tr>
        <th scope="col">Codice</th>
        <th scope="col">Obiettivo</th>
        <th scope="col" className="num">Azioni</th>
        <th scope="col" className="num">Indicatori</th>
        <th scope="col" className="num">Risorse</th>
      </tr>
    </thead>
  );
  return (
    <>
      <title>{`${p.plan.title} – ${p.ambitoName}`}</title>
      <div className="d-flex flex-wrap justify-content-between gap-3 align-items-start">
        <div>
          <h1>{p.plan.title}</h1>
          <p className="lead mb-1">
            {p.ambitoName} · {p.plan.periodStartYear}–{p.plan.periodEndYear}
          </p>
          <p className="mb-0">
            Stato: <strong data-testid="plan-status">{p.statusLabel}</strong>
            {p.plan.adoptionDate ? ` (adottato il ${p.plan.adoptionDate})` : ''} · Modello: {p.template?.name ?? p.plan.templateId}
            {p.adoptionDecision && (
              <>
                {' · '}
                <Link to={`/ambiti/${p.code}/decisioni/${p.adoptionDecision.id}`}>
                  Deliberazione n. {p.adoptionDecision.number} del {p.adoptionDecision.date}
                </Link>
              </>
            )}
          </p>
        </div>
        {p.can['plan.export'] && (
          <a className="btn btn-outline-primary" href={`${base}/esporta.json`} download>
            Esporta il piano (JSON)
          </a>
        )}
      </div>

      <div className="row g-3 my-3">
        <div className="col-sm-6 col-lg-3">
          <div className="kpi">
            <div className="value">{p.counts.objectives}</div>
            <div>obiettivi ({leps.length} schede LEPS)</div>
          </div>
        </div>
        <div className="col-sm-6 col-lg-3">
          <div className="kpi">
            <div className="value">{p.counts.actions}</div>
            <div>azioni</div>
          </div>
        </div>
        <div className="col-sm-6 col-lg-3">
          <div className="kpi">
            <div className="value">{p.counts.indicators}</div>
            <div>indicatori</div>
          </div>
        </div>
        <div className="col-sm-6 col-lg-3">
          <div className="kpi">
            <div className="value" data-testid="budget-total">{euro(p.ordinary.total)}</div>
            <div>risorse degli obiettivi di Ambito</div>
          </div>
        </div>
      </div>

      {p.can['plan.status'] && p.next.length > 0 && (
        <section className="my-4" aria-labelledby="status-title">
          <h2 className="h5" id="status-title">Cambia lo stato del piano</h2>
          <FormAlert result={actionData && 'fieldErrors' in actionData ? actionData : undefined} reloadHref={base} />
          <Form method="post" className="row g-3 align-items-end" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="version" value={p.plan.version} />
            <div className="col-md-3">
              <Field name="status" label="Nuovo stato" error={errors.status}>
                {(f) => (
                  <select {...f} className="form-select">
                    {p.next.map((n) => (
                      <option key={n.status} value={n.status}>
                        {n.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            {p.next.some((n) => n.status === 'adopted') && (
              <>
                <div className="col-md-3">
                  <Field name="adoptionDate" label="Data di adozione (per «Adottato»)" error={errors.adoptionDate}>
                    {(f) => <input {...f} type="date" />}
                  </Field>
                </div>
                {p.decisions.length > 0 && (
                  <div className="col-md-4">
                    <Field name="adoptionDecisionId" label="Deliberazione di adozione" error={errors.adoptionDecisionId}>
                      {(f) => (
                        <select {...f} className="form-select">
                          <option value="">—</option>
                          {p.decisions.map((d) => (
                            <option key={d.id} value={d.id}>
                              {`${d.bodyName}, n. ${d.number} del ${d.date}: ${d.subject}`.slice(0, 110)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                  </div>
                )}
                <div className="col-md-4">
                  <Field name="adoptionAct" label="Atto di adozione" error={errors.adoptionAct}>
                    {(f) => <input {...f} type="text" placeholder="Deliberazione dell’Assemblea dei Sindaci n. …" />}
                  </Field>
                </div>
              </>
            )}
            <div className="col-md-2 mb-4">
              <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
                Conferma
              </button>
            </div>
          </Form>
        </section>
      )}

      <h2 className="h3 mt-4">Obiettivi per area</h2>
      {[...byArea.entries()].map(([area, list]) => (
        <div className="table-responsive" key={area}>
          <table className="table table-sm">
            <caption>{area}</caption>
            {head}
            <tbody>
              {list.map((o) => (
                <ObjectiveRow key={o.id} o={o} />
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {leps.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>Schede LEPS</caption>
            {head}
            <tbody>
              {leps.map((o) => (
                <ObjectiveRow key={o.id} o={o} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.can['plan.edit'] && (
        <Form method="post" className="row g-3 align-items-end mb-4" noValidate aria-label="Nuovo obiettivo">
          <CsrfField />
          <input type="hidden" name="intent" value="objective" />
          <div className="col-md-2">
            <Field name="code" label="Codice" error={errors.code}>
              {(f) => <input {...f} type="text" />}
            </Field>
          </div>
          <div className="col-md-6">
            <Field name="title" label="Titolo del nuovo obiettivo" error={errors.title}>
              {(f) => <input {...f} type="text" />}
            </Field>
          </div>
          <div className="col-md-2 mb-4">
            <button type="submit" className="btn btn-outline-primary">
              Aggiungi obiettivo
            </button>
          </div>
        </Form>
      )}

      <h2 className="h3 mt-5">Risorse preventivate</h2>
      <div className="row">
        <div className="col-lg-6">
          {p.areaSvg && <Chart svg={p.areaSvg} caption="Per area (euro, obiettivi di Ambito)" summary={`Totale ${euro(p.ordinary.total)}.`} tableId="tabella-aree" />}
          <table className="table table-sm" id="tabella-aree">
            <caption>Risorse per area</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col" className="num">Importo</th>
              </tr>
            </thead>
            <tbody>
              {p.ordinary.byArea.map(([a, v]) => (
                <tr key={a}>
                  <th scope="row">{a}</th>
                  <td className="num">{euro(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="col-lg-6">
          {p.fundSvg && <Chart svg={p.fundSvg} caption="Per fonte di finanziamento (euro, obiettivi di Ambito)" summary={`Totale ${euro(p.ordinary.total)}.`} tableId="tabella-fondi" />}
          <table className="table table-sm" id="tabella-fondi">
            <caption>Risorse per fonte di finanziamento</caption>
            <thead>
              <tr>
                <th scope="col">Fonte</th>
                <th scope="col" className="num">Importo</th>
              </tr>
            </thead>
            <tbody>
              {p.ordinary.byFund.map(([code, name, v]) => (
                <tr key={code}>
                  <th scope="row">{name}</th>
                  <td className="num">{euro(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.leps.total > 0 && <p className="small">Schede LEPS: {euro(p.leps.total)} in più.</p>}
        </div>
      </div>

      {incomplete.length > 0 && (
        <>
          <h2 className="h3 mt-5">Da completare</h2>
          <p>
            {incomplete.length} obiettivi su {p.objectives.length} hanno ancora qualcosa da completare.
          </p>
          <details>
            <summary>Mostra che cosa manca, obiettivo per obiettivo</summary>
            <ul className="small mt-2">
              {incomplete.map((o) => (
                <li key={o.id}>
                  <Link to={`${base}/obiettivi/${o.id}`} aria-label={`Obiettivo ${o.code}: che cosa manca`}>
                    {o.code}
                  </Link>
                  : {o.incomplete.join('; ')}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}

      <h2 className="h3 mt-5">Capitoli</h2>
      <ol className="list-unstyled">
        {p.chapters.map((c) => (
          <li key={c.id}>
            <Link to={`${base}/capitoli/${c.id}`}>
              {c.number ? `${c.number} ` : ''}
              {c.title}
            </Link>
            {!c.hasText && <span className="small text-secondary"> (da scrivere)</span>}
          </li>
        ))}
      </ol>

      {p.variance && (
        <>
          <h2 className="h3 mt-5">Variazioni rispetto alla versione approvata</h2>
          <p className="small">
            Versione approvata: {p.baseline?.label} ({new Date(p.baseline!.createdAt).toLocaleDateString('it-IT', { timeZone: 'Europe/Rome' })}). La versione approvata non si modifica: le modifiche successive sono variazioni.
          </p>
          {p.variance.length === 0 ? (
            <p>Nessuna variazione.</p>
          ) : (
            <table className="table table-sm">
              <caption>Variazioni</caption>
              <thead>
                <tr>
                  <th scope="col">Obiettivo</th>
                  <th scope="col">Che cosa</th>
                  <th scope="col">Prima</th>
                  <th scope="col">Ora</th>
                </tr>
              </thead>
              <tbody>
                {p.variance.map((v, i) => (
                  <tr key={i}>
                    <th scope="row">{v.objectiveCode ?? '—'}</th>
                    <td>{v.what}</td>
                    <td className="small">{v.before ?? '—'}</td>
                    <td className="small">{v.after ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}

      <h2 className="h3 mt-5">Cronologia</h2>
      <ul>
        {p.snapshots.map((s) => (
          <li key={s.id}>
            {new Date(s.createdAt).toLocaleString('it-IT', { timeZone: 'Europe/Rome' })} — {s.label} ({s.createdBy})
          </li>
        ))}
      </ul>
    </>
  );
}

export function meta() {
  return [{ title: 'Piano – Cantiere' }];
}
