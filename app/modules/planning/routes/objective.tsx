import { data, Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/objective';
import { ValidationError } from '../../../shared/errors.ts';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { describeTarget, type TargetRule } from '../../monitoring/index.ts';
import {
  ACTION_STATUS_LABELS,
  FUNDING_SOURCES,
  INDICATOR_AGGREGATION_LABELS,
  INDICATOR_KIND_LABELS,
  INDICATOR_LEVEL_LABELS,
  indicatorAggregation,
  LEPS,
  PERIODICITY_LABELS,
} from '../plan-document.schema.ts';
import {
  cardFromForm,
  controlFor,
  keepStoredLinks,
  lf,
  keepStoredValues,
  keyPointOptions,
  linksFromForm,
  optionsFor,
  policyAreasFromForm,
  TARGET_FORM_TYPES,
  targetsFromForm,
} from '../planning.card.ts';
import { addAction, addBudgetLine, addIndicator, deleteBudgetLine, updateObjective } from '../planning.commands.ts';
import { abilitiesFor, authorize } from '../planning.policy.ts';
import { getObjectiveDetail } from '../planning.queries.ts';
import { euro } from '../planning.format.ts';
import { requirePlanInAmbito } from '../planning.server.ts';
import { isAdopted } from '../planning.rules.ts';
import type { PlanStatus } from '../plan-document.schema.ts';

const TARGET_LABELS: Record<(typeof TARGET_FORM_TYPES)[number], string> = {
  '': 'nessun target',
  baseline: 'valore di partenza (T0)',
  gte: 'almeno (≥)',
  gte_percent: 'almeno il … % (≥)',
  gt_previous: 'più dell’anno prima (>)',
  lt_previous: 'meno dell’anno prima (<)',
  eq_yes: 'sì',
};

async function load(db: Parameters<typeof getObjectiveDetail>[0], params: { code: string; planId: string; objectiveId: string }) {
  const { header } = await requirePlanInAmbito(db as never, params.code, params.planId);
  const detail = /^[0-9a-f-]{36}$/.test(params.objectiveId) ? await getObjectiveDetail(db, params.objectiveId) : null;
  if (!detail || detail.objective.planId !== header.plan.id) throw data('Obiettivo non trovato', { status: 404 });
  return detail;
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const d = await load(db, params);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'plan.read', d.header.scope, { hide: true }));
  const years = Array.from({ length: d.header.plan.periodEndYear - d.header.plan.periodStartYear + 1 }, (_, i) => d.header.plan.periodStartYear + i);
  return {
    code: params.code,
    plan: { id: d.header.plan.id, title: d.header.plan.title, years },
    /** The card editor shows the objective with the changes proposed in the draft variation, if any. */
    objective: d.proposed,
    adopted: isAdopted(d.header.plan.status as PlanStatus),
    draft: d.draft,
    fields: (d.objective.kind === 'ordinary' ? (d.template?.objectiveCard.fields ?? []) : []).map((f) => ({
      ...f,
      control: controlFor(f),
      options: optionsFor(f, keyPointOptions(d.template?.policyAreas ?? [], d.proposed.policyAreas)),
    })),
    policyAreas: (d.template?.policyAreas ?? []).map((a) => ({ code: a.code, name: a.name })),
    actions: d.actions.map((a) => ({
      ...a,
      indicators: d.indicators
        .filter((i) => i.actionId === a.id)
        .map((i) => ({ ...i, targetsText: i.targets.map((t) => `${t.year ?? 'triennio'}: ${t.text}`) })),
    })),
    objectiveIndicators: d.indicators
      .filter((i) => i.actionId === null)
      .map((i) => ({ ...i, targetsText: i.targets.map((t) => `${t.year ?? 'triennio'}: ${t.text}`) })),
    budget: d.budget,
    funds: Object.entries(FUNDING_SOURCES).map(([code, name]) => ({ code, name: String(name) })),
    leps: Object.entries(LEPS).map(([code, l]) => ({ code, label: l.label })),
    can: abilitiesFor(actor, d.header.scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const d = await load(db, params);
  const form = await request.formData();
  const get = (name: string) => form.getAll(name).map(String);
  const intent = String(form.get('intent') ?? 'card');
  return formAction(request, async () => {
    switch (intent) {
      case 'action': {
        const row = await addAction({ db, actor, objectiveId: d.objective.id, input: Object.fromEntries(form) });
        return { ok: true as const, intent, message: row ? 'Azione aggiunta.' : PROPOSED };
      }
      case 'indicator': {
        const years = Array.from({ length: d.header.plan.periodEndYear - d.header.plan.periodStartYear + 1 }, (_, i) => d.header.plan.periodStartYear + i);
        const { targets, issues } = targetsFromForm(years, get, (r) => describeTarget(r as TargetRule));
        if (issues.length) throw new ValidationError(issues);
        const row = await addIndicator({ db, actor, actionId: String(form.get('actionId') ?? ''), input: { ...Object.fromEntries(form), targets } });
        return { ok: true as const, intent, message: row ? 'Indicatore aggiunto con i suoi target.' : PROPOSED };
      }
      case 'budget': {
        const row = await addBudgetLine({ db, actor, objectiveId: d.objective.id, input: Object.fromEntries(form) });
        return { ok: true as const, intent, message: row ? 'Riga di bilancio aggiunta.' : PROPOSED };
      }
      case 'delete-budget': {
        const outcome = await deleteBudgetLine({ db, actor, lineId: String(form.get('lineId') ?? ''), version: Number(form.get('version')) });
        return {
          ok: true as const,
          intent,
          message:
            outcome === 'saved' ? 'Riga di bilancio eliminata.' : outcome === 'proposed' ? PROPOSED : 'Eliminazione già proposta nella variazione in bozza.',
        };
      }
      default: {
        const card = keepStoredValues(d.objective.card, cardFromForm(d.template?.objectiveCard.fields ?? [], get));
        const saved = await updateObjective({
          db,
          actor,
          objectiveId: d.objective.id,
          input: {
            version: form.get('version'),
            variationVersion: form.get('variationVersion') ?? undefined,
            title: lf(String(form.get('title') ?? '')),
            priority: form.get('priority') === 'on',
            macroArea: form.get('macroArea'),
            policyAreas: policyAreasFromForm(String(form.get('mainArea') ?? ''), get('policyAreas'), d.objective.policyAreas),
            description: lf(String(form.get('description') ?? '')),
            card: d.objective.kind === 'ordinary' ? card : d.objective.card,
            links: keepStoredLinks(d.objective.links, linksFromForm(get)),
          },
        });
        const message = {
          saved: 'Scheda salvata.',
          proposed: 'Modifiche proposte nella variazione in bozza: la scheda approvata cambierà quando la variazione sarà approvata.',
          unchanged: 'Nessuna modifica da salvare.',
        }[saved.outcome];
        return { ok: true as const, intent: 'card', message };
      }
    }
  });
}

const PROPOSED = 'Proposta nella variazione in bozza: il piano approvato cambierà quando la variazione sarà approvata.';

function valueOf(card: Record<string, unknown>, key: string) {
  return card[key];
}

export default function ObjectiveEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { objective: o, plan, fields, actions, budget, can } = loaderData;
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const failed = actionData && 'fieldErrors' in actionData ? actionData : undefined;
  const errors: Record<string, string | undefined> = failed?.fieldErrors ?? {};
  const done = actionData && 'message' in actionData ? actionData.message : null;
  const editable = can['plan.edit'];
  const base = `/ambiti/${loaderData.code}/piani/${plan.id}`;
  const card = o.card as Record<string, unknown>;
  return (
    <>
      <title>{`${o.code} – ${o.title}`}</title>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={base}>{plan.title}</Link>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            Obiettivo {o.code}
          </li>
        </ol>
      </nav>
      <div className="d-flex flex-wrap justify-content-between gap-3">
        <h1>
          {o.code} – {o.title}
        </h1>
        <Link className="btn btn-outline-primary align-self-start" to={`${base}/obiettivi/${o.id}/stampa`}>
          Scheda stampabile
        </Link>
      </div>
      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      <FormAlert result={failed} reloadHref={`${base}/obiettivi/${o.id}`} />
      {loaderData.adopted && (
        <div className="callout note my-3" data-testid="variation-note">
          <p className="mb-1">
            Il piano è adottato: le modifiche a questa scheda, alle azioni, agli indicatori e alle risorse sono proposte come variazione e valgono solo quando
            la variazione è approvata.
          </p>
          {loaderData.draft && loaderData.draft.items.length > 0 && (
            <>
              <p className="mb-1">
                <Link to={`${base}#variazione-in-bozza`}>Variazione n. {loaderData.draft.number} in bozza</Link>, per questo obiettivo propone:
              </p>
              <ul className="small mb-0">
                {loaderData.draft.items.map((i, k) => (
                  <li key={k}>
                    {i.what}: {i.before ?? '—'} → {i.after ?? '—'}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <section aria-labelledby="card-title">
        <h2 className="h3" id="card-title">
          Scheda dell’obiettivo
        </h2>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="card" />
          <input type="hidden" name="version" value={o.version} />
          {loaderData.adopted && <input type="hidden" name="variationVersion" value={loaderData.draft?.version ?? 0} />}
          <fieldset disabled={!editable}>
            <legend className="visually-hidden">Intestazione</legend>
            <Field name="title" label="Titolo dell’obiettivo" error={errors.title}>
              {(p) => <input {...p} type="text" defaultValue={o.title} />}
            </Field>
            <div className="form-check mb-3">
              <input className="form-check-input" type="checkbox" id="field-priority" name="priority" defaultChecked={o.priority} />
              <label className="form-check-label" htmlFor="field-priority">
                Obiettivo prioritario
              </label>
            </div>
            <Field name="macroArea" label="Macro-area" error={errors.macroArea}>
              {(p) => <input {...p} type="text" defaultValue={o.macroArea ?? ''} />}
            </Field>
            {loaderData.policyAreas.length > 0 && (
              <fieldset className="mb-4">
                <legend className="fs-6 fw-semibold">Aree di policy</legend>
                <label htmlFor="field-mainArea" className="form-label">
                  Area principale
                </label>
                <select id="field-mainArea" name="mainArea" className="form-select mb-2" defaultValue={o.policyAreas[0] ?? ''}>
                  <option value="">— nessuna (obiettivo trasversale a tutte le aree)</option>
                  {loaderData.policyAreas.map((a) => (
                    <option key={a.code} value={a.code}>
                      {a.code} – {a.name}
                    </option>
                  ))}
                </select>
                <p className="small mb-1">Altre aree toccate dall’obiettivo:</p>
                {loaderData.policyAreas.map((a) => (
                  <div className="form-check" key={a.code}>
                    <input
                      className="form-check-input"
                      type="checkbox"
                      id={`area-${a.code}`}
                      name="policyAreas"
                      value={a.code}
                      defaultChecked={o.policyAreas.includes(a.code)}
                    />
                    <label className="form-check-label" htmlFor={`area-${a.code}`}>
                      {a.code} – {a.name}
                    </label>
                  </div>
                ))}
              </fieldset>
            )}
          </fieldset>
          <fieldset disabled={!editable}>
            <legend className="visually-hidden">Campi della scheda regionale</legend>
            <ol className="list-unstyled">
              {fields.map((f, i) => {
                const v = valueOf(card, f.key);
                const id = `card-${f.key}`;
                const err = errors[`card.${f.key}`];
                const label = (
                  <span>
                    {i + 1}. {f.label}
                    {f.required ? ' *' : ''}
                  </span>
                );
                return (
                  <li key={f.key} className="mb-4 border-start border-3 ps-3">
                    {f.control === 'textarea' && (
                      <>
                        <label htmlFor={id} className="form-label fw-semibold">
                          {label}
                        </label>
                        {f.help && <p className="small text-secondary mb-1">{f.help}</p>}
                        <textarea
                          id={id}
                          name={`card.${f.key}`}
                          className="form-control"
                          rows={3}
                          defaultValue={typeof v === 'string' ? v : ''}
                          aria-invalid={err ? true : undefined}
                        />
                      </>
                    )}
                    {f.control === 'choice' && (
                      <>
                        <label htmlFor={id} className="form-label fw-semibold">
                          {label}
                        </label>
                        <select id={id} name={`card.${f.key}`} className="form-select" defaultValue={typeof v === 'string' ? v : ''}>
                          <option value="">—</option>
                          {[...new Set([...(f.options ?? []), ...(typeof v === 'string' && v ? [v] : [])])].map((opt) => (
                            <option key={opt} value={opt}>
                              {opt}
                            </option>
                          ))}
                        </select>
                      </>
                    )}
                    {(f.control === 'yesno' || f.control === 'yesno_text') && (
                      <fieldset>
                        <legend className="fs-6 fw-semibold">{label}</legend>
                        {(() => {
                          const answer =
                            v && typeof v === 'object' && 'answer' in v ? (v as { answer: boolean | null }).answer : typeof v === 'boolean' ? v : null;
                          const text = v && typeof v === 'object' && 'text' in v ? ((v as { text: string | null }).text ?? '') : '';
                          return (
                            <>
                              <div className="d-flex gap-4">
                                {[
                                  ['si', 'Sì', answer === true],
                                  ['no', 'No', answer === false],
                                  ['', 'Non indicato', answer === null],
                                ].map(([val, lab, checked]) => (
                                  <div className="form-check" key={String(val)}>
                                    <input
                                      className="form-check-input"
                                      type="radio"
                                      name={`card.${f.key}.answer`}
                                      id={`${id}-${val || 'nd'}`}
                                      value={String(val)}
                                      defaultChecked={Boolean(checked)}
                                    />
                                    <label className="form-check-label" htmlFor={`${id}-${val || 'nd'}`}>
                                      {lab}
                                    </label>
                                  </div>
                                ))}
                              </div>
                              {(f.control === 'yesno_text' || text) && (
                                <>
                                  <label htmlFor={`${id}-text`} className="form-label small">
                                    Motivazione / dettagli
                                  </label>
                                  <textarea id={`${id}-text`} name={`card.${f.key}.text`} className="form-control" rows={2} defaultValue={text} />
                                </>
                              )}
                            </>
                          );
                        })()}
                      </fieldset>
                    )}
                    {f.control === 'checkboxes' && (
                      <fieldset>
                        <legend className="fs-6 fw-semibold">{label}</legend>
                        {(() => {
                          const chosen = Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
                          const others = chosen.filter((c) => !f.options.includes(c));
                          return (
                            <>
                              {f.options.map((opt, k) => (
                                <div className="form-check" key={opt}>
                                  <input
                                    className="form-check-input"
                                    type="checkbox"
                                    id={`${id}-${k}`}
                                    name={`card.${f.key}`}
                                    value={opt}
                                    defaultChecked={chosen.includes(opt)}
                                  />
                                  <label className="form-check-label" htmlFor={`${id}-${k}`}>
                                    {opt}
                                  </label>
                                </div>
                              ))}
                              <label htmlFor={`${id}-other`} className="form-label small mt-1">
                                Altre voci (una per riga)
                              </label>
                              <textarea id={`${id}-other`} name={`card.${f.key}.other`} className="form-control" rows={2} defaultValue={others.join('\n')} />
                            </>
                          );
                        })()}
                      </fieldset>
                    )}
                    {err && <div className="invalid-feedback d-block">{err}</div>}
                  </li>
                );
              })}
            </ol>
          </fieldset>
          <fieldset disabled={!editable} className="mb-4 p-3 border rounded">
            <legend className="fs-5 fw-semibold float-none w-auto px-2">Collegamenti</legend>
            {(() => {
              const links = (o.links ?? {}) as {
                leps?: string[];
                continuesObjective?: string | null;
                cooperation?: { ambiti: string[]; leadAmbito: string | null } | null;
                asst?: { needsAnalysis: boolean | null; implementation: boolean | null };
                agenda2030?: number[];
              };
              const yn = (v: boolean | null | undefined) => (v === true ? 'si' : v === false ? 'no' : '');
              return (
                <>
                  <fieldset className="mb-3">
                    <legend className="fs-6 fw-semibold">LEPS a cui l’obiettivo concorre</legend>
                    <div className="row">
                      {loaderData.leps.map((l) => (
                        <div className="col-md-6 form-check" key={l.code}>
                          <input
                            className="form-check-input"
                            type="checkbox"
                            id={`leps-${l.code}`}
                            name="links.leps"
                            value={l.code}
                            defaultChecked={links.leps?.includes(l.code)}
                          />
                          <label className="form-check-label small" htmlFor={`leps-${l.code}`}>
                            {l.label}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                  <div className="row">
                    <div className="col-md-4">
                      <label className="form-label fw-semibold" htmlFor="links-continues">
                        Continua l’obiettivo del piano precedente (codice)
                      </label>
                      <input
                        id="links-continues"
                        name="links.continuesObjective"
                        className="form-control mb-3"
                        type="text"
                        defaultValue={links.continuesObjective ?? ''}
                      />
                    </div>
                    <div className="col-md-5">
                      <label className="form-label fw-semibold" htmlFor="links-cooperation">
                        Ambiti che cooperano (uno per riga, compreso il proprio)
                      </label>
                      <textarea
                        id="links-cooperation"
                        name="links.cooperation"
                        className="form-control mb-3"
                        rows={3}
                        defaultValue={links.cooperation?.ambiti.join('\n') ?? ''}
                      />
                    </div>
                    <div className="col-md-3">
                      <label className="form-label fw-semibold" htmlFor="links-lead">
                        Ambito capofila della cooperazione
                      </label>
                      <input
                        id="links-lead"
                        name="links.leadAmbito"
                        className="form-control mb-3"
                        type="text"
                        defaultValue={links.cooperation?.leadAmbito ?? ''}
                      />
                    </div>
                  </div>
                  <div className="row">
                    {(
                      [
                        ['needsAnalysis', 'ASST coinvolta nell’analisi del bisogno e nella programmazione'],
                        ['implementation', 'ASST coinvolta nella realizzazione (azioni congiunte Ambito-ASST)'],
                      ] as const
                    ).map(([k, label]) => (
                      <div className="col-md-6 mb-3" key={k}>
                        <label className="form-label fw-semibold" htmlFor={`links-asst-${k}`}>
                          {label}
                        </label>
                        <select id={`links-asst-${k}`} name={`links.asst.${k}`} className="form-select" defaultValue={yn(links.asst?.[k])}>
                          <option value="">Non indicato</option>
                          <option value="si">Sì</option>
                          <option value="no">No</option>
                        </select>
                      </div>
                    ))}
                  </div>
                  <fieldset>
                    <legend className="fs-6 fw-semibold">Obiettivi dell’Agenda 2030 (facoltativi)</legend>
                    <div className="d-flex flex-wrap gap-3">
                      {Array.from({ length: 17 }, (_, i) => i + 1).map((n) => (
                        <div className="form-check" key={n}>
                          <input
                            className="form-check-input"
                            type="checkbox"
                            id={`sdg-${n}`}
                            name="links.agenda2030"
                            value={n}
                            defaultChecked={links.agenda2030?.includes(n)}
                          />
                          <label className="form-check-label" htmlFor={`sdg-${n}`}>
                            {n}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                </>
              );
            })()}
          </fieldset>
          {editable && (
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Salva la scheda
            </button>
          )}
        </Form>
      </section>

      <section className="mt-5" aria-labelledby="actions-title">
        <h2 className="h3" id="actions-title">
          Azioni, indicatori e target
        </h2>
        {actions.length === 0 && <p>Nessuna azione.</p>}
        {actions.map((a) => (
          <article key={a.id} className="mb-4 p-3 border rounded">
            <h3 className="h5">
              Azione {a.number}{' '}
              <span className="badge bg-secondary ms-2">{ACTION_STATUS_LABELS[a.status as keyof typeof ACTION_STATUS_LABELS] ?? a.status}</span>
            </h3>
            <p>{a.description}</p>
            {a.indicators.length > 0 && (
              <table className="table table-sm">
                <caption>Indicatori dell’azione {a.number}</caption>
                <thead>
                  <tr>
                    <th scope="col">Codice</th>
                    <th scope="col">Indicatore</th>
                    <th scope="col">Tipo e livello</th>
                    <th scope="col">Target</th>
                  </tr>
                </thead>
                <tbody>
                  {a.indicators.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{i.code}</th>
                      <td>
                        {i.label}
                        {i.kind === 'ratio' && (
                          <div className="small text-secondary">
                            {i.numeratorLabel} / {i.denominatorLabel}
                          </div>
                        )}
                      </td>
                      <td className="small">
                        {INDICATOR_KIND_LABELS[i.kind as keyof typeof INDICATOR_KIND_LABELS] ?? i.kind} ·{' '}
                        {INDICATOR_LEVEL_LABELS[i.level as keyof typeof INDICATOR_LEVEL_LABELS] ?? i.level} ·{' '}
                        {INDICATOR_AGGREGATION_LABELS[indicatorAggregation(i)]}
                        {i.aggregation ? '' : ' (predefinita)'}
                      </td>
                      <td className="small">
                        <ul className="list-unstyled mb-0">
                          {i.targetsText.map((t, k) => (
                            <li key={k}>{t}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {editable && (
              <details>
                <summary>Aggiungi un indicatore all’azione {a.number}</summary>
                <Form method="post" className="mt-3" noValidate>
                  <CsrfField />
                  <input type="hidden" name="intent" value="indicator" />
                  <input type="hidden" name="actionId" value={a.id} />
                  <div className="row">
                    <div className="col-md-6">
                      <label className="form-label fw-semibold" htmlFor={`ind-label-${a.id}`}>
                        Nome dell’indicatore
                      </label>
                      <input id={`ind-label-${a.id}`} name="label" className="form-control mb-3" type="text" />
                    </div>
                    <div className="col-md-3">
                      <label className="form-label fw-semibold" htmlFor={`ind-kind-${a.id}`}>
                        Tipo
                      </label>
                      <select id={`ind-kind-${a.id}`} name="kind" className="form-select mb-3" defaultValue="count">
                        {Object.entries(INDICATOR_KIND_LABELS).map(([k, l]) => (
                          <option key={k} value={k}>
                            {l}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="col-md-3">
                      <label className="form-label fw-semibold" htmlFor={`ind-level-${a.id}`}>
                        Livello
                      </label>
                      <select id={`ind-level-${a.id}`} name="level" className="form-select mb-3" defaultValue="output">
                        {Object.entries(INDICATOR_LEVEL_LABELS).map(([k, l]) => (
                          <option key={k} value={k}>
                            {l}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="col-md-6">
                      <label className="form-label" htmlFor={`ind-num-${a.id}`}>
                        Numeratore (solo rapporti)
                      </label>
                      <input id={`ind-num-${a.id}`} name="numeratorLabel" className="form-control mb-3" type="text" />
                    </div>
                    <div className="col-md-6">
                      <label className="form-label" htmlFor={`ind-den-${a.id}`}>
                        Denominatore (solo rapporti)
                      </label>
                      <input id={`ind-den-${a.id}`} name="denominatorLabel" className="form-control mb-3" type="text" />
                    </div>
                    <div className="col-md-4">
                      <label className="form-label" htmlFor={`ind-period-${a.id}`}>
                        Periodicità
                      </label>
                      <select id={`ind-period-${a.id}`} name="periodicity" className="form-select mb-3" defaultValue="semiannual">
                        {Object.entries(PERIODICITY_LABELS).map(([k, l]) => (
                          <option key={k} value={k}>
                            {l}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="col-md-4">
                      <label className="form-label" htmlFor={`ind-agg-${a.id}`}>
                        Aggregazione annuale
                      </label>
                      <select id={`ind-agg-${a.id}`} name="aggregation" className="form-select mb-3" defaultValue="" aria-describedby={`ind-agg-hint-${a.id}`}>
                        <option value="">Predefinita dal tipo (conteggio: flusso; rapporto: tasso; tempo: media; sì/no e fase: ultimo valore)</option>
                        {Object.entries(INDICATOR_AGGREGATION_LABELS).map(([k, l]) => (
                          <option key={k} value={k}>
                            {l}
                          </option>
                        ))}
                      </select>
                      <p id={`ind-agg-hint-${a.id}`} className="form-text small">
                        Come i periodi fanno il valore dell’anno: un flusso (accessi) si somma, uno stock (persone in carico) vale a fine anno, un tasso si
                        ricalcola.
                      </p>
                    </div>
                    <div className="col-md-4">
                      <label className="form-label" htmlFor={`ind-source-${a.id}`}>
                        Fonte del dato
                      </label>
                      <input id={`ind-source-${a.id}`} name="source" className="form-control mb-3" type="text" />
                    </div>
                  </div>
                  <fieldset>
                    <legend className="fs-6 fw-semibold">Target per anno</legend>
                    {plan.years.map((y) => (
                      <div className="row g-2 align-items-end mb-2" key={y}>
                        <div className="col-md-4">
                          <label className="form-label small" htmlFor={`t-${a.id}-${y}-type`}>
                            {y}: regola
                          </label>
                          <select id={`t-${a.id}-${y}-type`} name={`target.${y}.type`} className="form-select">
                            {TARGET_FORM_TYPES.map((t) => (
                              <option key={t} value={t}>
                                {TARGET_LABELS[t]}
                              </option>
                            ))}
                          </select>
                        </div>
                        <div className="col-md-2">
                          <label className="form-label small" htmlFor={`t-${a.id}-${y}-value`}>
                            {y}: soglia
                          </label>
                          <input id={`t-${a.id}-${y}-value`} name={`target.${y}.value`} className="form-control" type="text" inputMode="decimal" />
                        </div>
                        <div className="col-md-6">
                          <label className="form-label small" htmlFor={`t-${a.id}-${y}-text`}>
                            {y}: risultato atteso (testo, facoltativo)
                          </label>
                          <input id={`t-${a.id}-${y}-text`} name={`target.${y}.text`} className="form-control" type="text" />
                        </div>
                      </div>
                    ))}
                  </fieldset>
                  <button type="submit" className="btn btn-outline-primary mt-2" disabled={busy}>
                    Aggiungi l’indicatore
                  </button>
                </Form>
              </details>
            )}
          </article>
        ))}
        {editable && (
          <Form method="post" className="p-3 bg-light rounded" noValidate aria-labelledby="new-action-title">
            <h3 className="h5" id="new-action-title">
              Nuova azione
            </h3>
            <CsrfField />
            <input type="hidden" name="intent" value="action" />
            <Field name="description" label="Descrizione dell’azione" error={errors.description}>
              {(p) => <textarea {...p} rows={2} />}
            </Field>
            <div className="row">
              <div className="col-md-4">
                <Field name="responsible" label="Responsabile" error={errors.responsible}>
                  {(p) => <input {...p} type="text" />}
                </Field>
              </div>
              <div className="col-md-4">
                <Field name="start" label="Inizio" error={errors.start}>
                  {(p) => <input {...p} type="date" />}
                </Field>
              </div>
              <div className="col-md-4">
                <Field name="end" label="Fine" error={errors.end}>
                  {(p) => <input {...p} type="date" />}
                </Field>
              </div>
            </div>
            <button type="submit" className="btn btn-outline-primary" disabled={busy}>
              Aggiungi l’azione
            </button>
          </Form>
        )}
      </section>

      <section className="mt-5" aria-labelledby="budget-title">
        <h2 className="h3" id="budget-title">
          Risorse preventivate
        </h2>
        <table className="table table-sm">
          <caption>Righe di bilancio dell’obiettivo (totale {euro(budget.reduce((s, l) => s + l.amountCents, 0))})</caption>
          <thead>
            <tr>
              <th scope="col">Fonte</th>
              <th scope="col">Anno</th>
              <th scope="col" className="num">
                Importo
              </th>
              <th scope="col">Nota</th>
              {editable && <th scope="col">Azioni</th>}
            </tr>
          </thead>
          <tbody>
            {budget.map((l) => (
              <tr key={l.id}>
                <th scope="row">{loaderData.funds.find((f) => f.code === l.fund)?.name ?? l.fund}</th>
                <td>{l.year ?? 'triennio'}</td>
                <td className="num">{euro(l.amountCents)}</td>
                <td className="small">{l.note}</td>
                {editable && (
                  <td>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="delete-budget" />
                      <input type="hidden" name="lineId" value={l.id} />
                      <input type="hidden" name="version" value={l.version} />
                      <button type="submit" className="btn btn-outline-danger btn-sm">
                        Elimina<span className="visually-hidden"> la riga {euro(l.amountCents)}</span>
                      </button>
                    </Form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {editable && (
          <Form method="post" className="row g-3 align-items-end" noValidate aria-label="Nuova riga di bilancio">
            <CsrfField />
            <input type="hidden" name="intent" value="budget" />
            <div className="col-md-4">
              <Field name="fund" label="Fonte di finanziamento" error={errors.fund}>
                {(p) => (
                  <select {...p} className="form-select">
                    {loaderData.funds.map((f) => (
                      <option key={f.code} value={f.code}>
                        {f.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <div className="col-md-2">
              <Field name="year" label="Anno" error={errors.year}>
                {(p) => (
                  <select {...p} className="form-select">
                    <option value="">Triennio</option>
                    {plan.years.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <div className="col-md-3">
              <Field name="amountEuro" label="Importo in euro" error={errors.amountEuro}>
                {(p) => <input {...p} type="text" inputMode="decimal" placeholder="12.500,00" />}
              </Field>
            </div>
            <div className="col-md-3 mb-4">
              <button type="submit" className="btn btn-outline-primary" disabled={busy}>
                Aggiungi la riga
              </button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}
