import { Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/plan';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { Chart } from '../../../shared/ui/chart.tsx';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { changePlanStatus, createObjective, decideVariation } from '../planning.commands.ts';
import { abilitiesFor, authorize } from '../planning.policy.ts';
import { getPlanOverview } from '../planning.queries.ts';
import { listAmbitoDecisionOutcomes } from '../../governance/index.server.ts';
import { isAdopted, TRANSITIONS } from '../planning.rules.ts';
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
  const all = await listAmbitoDecisionOutcomes(db, header.plan.ambitoId);
  // The decisions offered for adoption or a variation: those of the body the template names (outcome in words).
  const decisions = canStatus
    ? all
        .filter((d) => d.bodyType === overview.adoption.bodyType)
        .map((d) => ({
          id: d.id,
          text:
            `${d.bodyName}, n. ${d.number} del ${d.date}: ${d.subject}`.slice(0, 100) +
            (d.approved === true ? ' (approvata)' : d.approved === false ? ' (respinta)' : ' (esito non calcolabile)'),
        }))
    : [];
  const decisionName = (id: string | null) => {
    const d = id ? all.find((x) => x.id === id) : undefined;
    return d ? { id: d.id, number: d.number, date: d.date } : null;
  };
  const adoptionDecision = decisionName(header.plan.adoptionDecisionId);
  return {
    ...overview,
    code: params.code,
    decisions,
    adoptionDecision,
    adopted: isAdopted(status),
    variationDecisions: Object.fromEntries(overview.variations.filter((v) => v.decisionId).map((v) => [v.id, decisionName(v.decisionId)])),
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
      return {
        ok: true as const,
        created: o?.code ?? null,
        message: o ? `Obiettivo ${o.code} aggiunto.` : 'Nuovo obiettivo proposto nella variazione in bozza.',
      };
    }
    if (form.intent === 'variation') {
      const v = await decideVariation({ db, actor, planId: params.planId, variationId: String(form.variationId ?? ''), input: form });
      const words = {
        approved: 'approvata: le modifiche sono nel piano',
        rejected: 'respinta: le modifiche sono state scartate',
        withdrawn: 'ritirata: le modifiche sono state scartate',
      } as Record<string, string>;
      return { ok: true as const, created: null, message: `Variazione n. ${v.number} ${words[v.status] ?? v.status}.` };
    }
    await changePlanStatus({ db, actor, planId: params.planId, input: form });
    return { ok: true as const, created: null, message: 'Stato del piano aggiornato.' };
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
  const done = actionData && 'message' in actionData ? actionData.message : null;
  const failed = actionData && 'fieldErrors' in actionData ? actionData : undefined;
  const draft = p.variations.find((v) => v.status === 'draft') ?? null;
  const decided = p.variations.filter((v) => v.status !== 'draft');
  const VARIATION_STATUS: Record<string, string> = { draft: 'in bozza', approved: 'approvata', rejected: 'respinta', withdrawn: 'ritirata' };
  const ChangesTable = ({ items, caption }: { items: (typeof p.variations)[number]['items']; caption: string }) => (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Obiettivo</th>
            <th scope="col">Che cosa</th>
            <th scope="col">Prima</th>
            <th scope="col">Dopo</th>
          </tr>
        </thead>
        <tbody>
          {items.map((v, i) => (
            <tr key={i}>
              <th scope="row">{v.objectiveCode ?? '—'}</th>
              <td>{v.what}</td>
              <td className="small text-break">{v.before ?? '—'}</td>
              <td className="small text-break">{v.after ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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
        <th scope="col" className="num">
          Azioni
        </th>
        <th scope="col" className="num">
          Indicatori
        </th>
        <th scope="col" className="num">
          Risorse
        </th>
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
          {p.plan.adoptionOverrideReason && (
            <p className="mb-0 mt-2" data-testid="adoption-override">
              <strong>Adottato senza i requisiti di completezza del modello.</strong> Motivo indicato dal coordinatore: {p.plan.adoptionOverrideReason}
            </p>
          )}
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
            <div className="value" data-testid="budget-total">
              {euro(p.ordinary.total)}
            </div>
            <div>risorse degli obiettivi di Ambito</div>
          </div>
        </div>
      </div>

      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      <FormAlert result={failed} reloadHref={base} />
      {p.can['plan.status'] && p.next.length > 0 && (
        <section className="my-4" aria-labelledby="status-title">
          <h2 className="h5" id="status-title">
            Cambia lo stato del piano
          </h2>
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
                <div className="col-md-6">
                  <Field name="adoptionDecisionId" label="Deliberazione di adozione (per «Adottato»)" error={errors.adoptionDecisionId}>
                    {(f) => <DecisionSelect field={f} decisions={p.decisions} />}
                  </Field>
                </div>
                <div className="col-md-12">
                  <Field
                    name="overrideReason"
                    label="Adozione senza i requisiti di completezza: motivo (solo se il piano non è completo)"
                    error={errors.overrideReason}
                  >
                    {(f) => <textarea {...f} rows={2} />}
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
          {p.areaSvg && (
            <Chart svg={p.areaSvg} caption="Per area (euro, obiettivi di Ambito)" summary={`Totale ${euro(p.ordinary.total)}.`} tableId="tabella-aree" />
          )}
          <table className="table table-sm" id="tabella-aree">
            <caption>Risorse per area</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col" className="num">
                  Importo
                </th>
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
          {p.fundSvg && (
            <Chart
              svg={p.fundSvg}
              caption="Per fonte di finanziamento (euro, obiettivi di Ambito)"
              summary={`Totale ${euro(p.ordinary.total)}.`}
              tableId="tabella-fondi"
            />
          )}
          <table className="table table-sm" id="tabella-fondi">
            <caption>Risorse per fonte di finanziamento</caption>
            <thead>
              <tr>
                <th scope="col">Fonte</th>
                <th scope="col" className="num">
                  Importo
                </th>
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

      {p.adopted && (
        <section className="mt-5" aria-labelledby="variations-title">
          <h2 className="h3" id="variations-title">
            Variazioni del piano
          </h2>
          <p className="small">
            Dopo l’adozione il piano cambia solo con una variazione approvata: le modifiche alle schede, alle azioni, agli indicatori e alle risorse restano
            proposte finché la variazione non è approvata da una deliberazione
            {p.adoption.minorChanges.length > 0 ? ' (o dal coordinatore, quando il modello le considera tutte minori)' : ''}.
          </p>
          <h3 className="h5" id="variazione-in-bozza">
            Variazione in bozza
          </h3>
          {!draft || draft.items.length === 0 ? (
            <p data-testid="draft-variation">Nessuna variazione in bozza.</p>
          ) : (
            <div data-testid="draft-variation">
              <ChangesTable
                items={draft.items}
                caption={`Variazione n. ${draft.number} (in bozza${draft.minor ? ', solo modifiche minori' : ''}): modifiche proposte`}
              />
              {p.can['plan.status'] && (
                <Form method="post" className="row g-3 align-items-end" noValidate aria-label="Approva la variazione">
                  <CsrfField />
                  <input type="hidden" name="intent" value="variation" />
                  <input type="hidden" name="decision" value="approve" />
                  <input type="hidden" name="variationId" value={draft.id} />
                  <input type="hidden" name="version" value={draft.version} />
                  <div className="col-md-8">
                    <Field
                      name="adoptionDecisionId"
                      id="variation-decision"
                      label={
                        draft.minor ? 'Deliberazione che approva la variazione (facoltativa: modifiche minori)' : 'Deliberazione che approva la variazione'
                      }
                      error={errors.adoptionDecisionId}
                    >
                      {(f) => <DecisionSelect field={f} decisions={p.decisions} />}
                    </Field>
                  </div>
                  <div className="col-md-4 mb-4">
                    <button type="submit" className="btn btn-primary">
                      Approva la variazione
                    </button>
                  </div>
                </Form>
              )}
              <div className="d-flex flex-wrap gap-2">
                {p.can['plan.status'] && (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="variation" />
                    <input type="hidden" name="decision" value="reject" />
                    <input type="hidden" name="variationId" value={draft.id} />
                    <input type="hidden" name="version" value={draft.version} />
                    <button type="submit" className="btn btn-outline-danger">
                      Respingi la variazione
                    </button>
                  </Form>
                )}
                {p.can['plan.edit'] && (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="variation" />
                    <input type="hidden" name="decision" value="withdraw" />
                    <input type="hidden" name="variationId" value={draft.id} />
                    <input type="hidden" name="version" value={draft.version} />
                    <button type="submit" className="btn btn-outline-secondary">
                      Ritira la variazione
                    </button>
                  </Form>
                )}
              </div>
            </div>
          )}
          {decided.length > 0 && (
            <>
              <h3 className="h5 mt-4">Variazioni decise</h3>
              {decided.map((v) => {
                const d = p.variationDecisions[v.id];
                return (
                  <ChangesTable
                    key={v.id}
                    items={v.items}
                    caption={`Variazione n. ${v.number}: ${VARIATION_STATUS[v.status] ?? v.status}${d ? ` con la deliberazione n. ${d.number} del ${d.date}` : v.status === 'approved' ? ' dal coordinatore (modifiche minori)' : ''}${v.decidedBy ? ` – ${v.decidedBy}` : ''}`}
                  />
                );
              })}
            </>
          )}
        </section>
      )}

      {p.variance && (
        <>
          <h2 className="h3 mt-5">Differenze rispetto alla versione adottata</h2>
          <p className="small">
            Versione adottata: {p.baseline?.label} ({new Date(p.baseline!.createdAt).toLocaleDateString('it-IT', { timeZone: 'Europe/Rome' })}). La versione
            adottata non si modifica: qui sotto le differenze introdotte dalle variazioni approvate.
          </p>
          {p.variance.length === 0 ? (
            <p data-testid="variance">Nessuna differenza.</p>
          ) : (
            <ChangesTable items={p.variance} caption="Differenze, campo per campo" />
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

/** The deliberations of the Ambito to choose from (adoption of the plan, approval of a variation). */
function DecisionSelect({
  field,
  decisions,
}: {
  field: Parameters<Parameters<typeof Field>[0]['children']>[0];
  decisions: readonly { id: string; text: string }[];
}) {
  return (
    <select {...field} className="form-select">
      <option value="">—</option>
      {decisions.map((d) => (
        <option key={d.id} value={d.id}>
          {d.text}
        </option>
      ))}
    </select>
  );
}
