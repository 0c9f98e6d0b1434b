import { data, Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/budget';
import { NotFoundError } from '../../../shared/errors.ts';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { Chart } from '../../../shared/ui/chart.tsx';
import { CsrfField, Field } from '../../../shared/ui/forms.tsx';
import { euro } from '../../planning/index.ts';
import { listPlans } from '../../planning/index.server.ts';
import { carryOver, recordCutOff, recordFundAllocation } from '../finance.commands.ts';
import { abilitiesFor, authorize } from '../finance.policy.ts';
import { DECREASE_REASON_LABELS, DECREASE_REASONS, formatPercent } from '../finance.rules.ts';
import { requireAmbito } from '../finance.server.ts';
import { MEASURE_LABELS } from '../budget-tracking.rules.ts';
import { getPlanBudgetView } from '../finance.views.server.ts';

const INTENTS = ['cutoff', 'carryover', 'allocation'] as const;
type Intent = (typeof INTENTS)[number];

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'finance.read', ambito));
  const plans = await listPlans(db, ambito.id);
  const wanted = new URL(request.url).searchParams.get('piano');
  const plan = plans.find((p) => p.id === wanted) ?? plans[0] ?? null;
  const view = plan ? await getPlanBudgetView(db, plan.id) : null;
  return {
    ambito: { code: ambito.code, name: ambito.name },
    plans: plans.map((p) => ({ id: p.id, title: p.title, period: `${p.periodStartYear}-${p.periodEndYear}` })),
    view,
    can: abilitiesFor(actor, ambito),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const form = Object.fromEntries(await request.formData());
  const intent = (INTENTS as readonly string[]).includes(String(form.intent)) ? (form.intent as Intent) : 'cutoff';
  const planId = String(form.planId ?? '');
  const result = await formAction(request, async () => {
    authorize(actor, intent === 'allocation' ? 'allocation.write' : 'budget.record', ambito);
    if (intent === 'allocation') {
      await recordFundAllocation({ db, actor, ambitoId: ambito.id, input: form });
      return { ok: true as const, intent, message: 'Assegnazione registrata.' };
    }
    const plans = await listPlans(db, ambito.id);
    if (!plans.some((p) => p.id === planId)) throw new NotFoundError('Il piano');
    if (intent === 'carryover') {
      await carryOver({ db, actor, planId, input: form });
      return { ok: true as const, intent, message: 'Riporto all’anno successivo registrato.' };
    }
    const recorded = await recordCutOff({ db, actor, planId, input: form });
    return { ok: true as const, intent, message: 'Valore registrato alla data di riferimento.', warning: recorded.paidOverCommitted?.message ?? null };
  });
  // A refused form comes back as data with its HTTP status: add which form it was, so its errors show next to it.
  if (result && typeof result === 'object' && 'init' in result && 'data' in result) {
    const failure = result as unknown as { data: Record<string, unknown>; init: ResponseInit | null };
    return data({ ...failure.data, intent }, failure.init ?? undefined);
  }
  return result;
}

export default function PlanBudget({ loaderData, actionData }: Route.ComponentProps) {
  const { ambito, plans, view: v, can } = loaderData;
  const navigation = useNavigation();
  const base = `/ambiti/${ambito.code}/risorse`;
  const result = actionData as
    { ok: boolean; intent?: Intent; message?: string; warning?: string | null; formError?: string; fieldErrors?: Record<string, string> } | undefined;
  const errorsFor = (intent: Intent) => (result && !result.ok && result.intent === intent ? (result.fieldErrors ?? {}) : {});
  const Alert = ({ intent }: { intent: Intent }) =>
    result && result.intent === intent ? (
      result.ok ? (
        <div className={`alert ${result.warning ? 'alert-warning' : 'alert-success'}`} role="status">
          <p className="mb-0">{result.message}</p>
          {result.warning && (
            <p className="mb-0 mt-1" id={`avviso-${intent}`}>
              Attenzione: {result.warning}.
            </p>
          )}
        </div>
      ) : (
        <div className="alert alert-danger" role="alert" id={`errori-${intent}`}>
          <p className="mb-1">{result.formError}</p>
          <ul className="mb-0">
            {Object.entries(result.fieldErrors ?? {}).map(([f, m]) => (
              <li key={f}>{m}</li>
            ))}
          </ul>
        </div>
      )
    ) : null;
  const years = v ? Array.from({ length: v.plan.periodEndYear - v.plan.periodStartYear + 1 }, (_, i) => v.plan.periodStartYear + i) : [];
  const submitting = navigation.state === 'submitting';
  const cls = (e?: string, select = false) => `${select ? 'form-select' : 'form-control'}${e ? ' is-invalid' : ''}`;

  return (
    <>
      <title>{`Bilancio del piano – ${ambito.name}`}</title>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={base}>Risorse e spesa sociale</Link>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            Bilancio del piano
          </li>
        </ol>
      </nav>
      <h1>Bilancio del piano</h1>
      <p className="lead">{ambito.name}</p>
      {!v ? (
        <p>L’Ambito non ha ancora un piano.</p>
      ) : (
        <>
          {plans.length > 1 && (
            <Form method="get" className="row g-2 align-items-end mb-3" aria-label="Scegli il piano">
              <div className="col-md-6">
                <label htmlFor="piano" className="form-label fw-semibold">
                  Piano
                </label>
                <select id="piano" name="piano" className="form-select" defaultValue={v.plan.id}>
                  {plans.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title} ({p.period})
                    </option>
                  ))}
                </select>
              </div>
              <div className="col-auto">
                <button type="submit" className="btn btn-outline-primary">
                  Mostra
                </button>
              </div>
            </Form>
          )}
          <p>
            {v.plan.title}, {v.plan.periodStartYear}–{v.plan.periodEndYear}. Il preventivato parte dalle risorse del piano ed è aggiornato dai valori registrati
            alle date di riferimento; impegnato e liquidato sono gli ultimi valori registrati.
          </p>
          <div className="row g-3 my-3">
            {(
              [
                ['Preventivato', v.rollUp.total.budgetedCents, null],
                ['Impegnato', v.rollUp.total.committedCents, v.rollUp.total.committedShare],
                ['Liquidato', v.rollUp.total.paidCents, v.rollUp.total.paidShare],
              ] as const
            ).map(([label, cents, share]) => (
              <div className="col-md-4" key={label}>
                <div className="kpi">
                  <div className="value">{euro(cents)}</div>
                  <div>
                    {label.toLowerCase()}
                    {share ? ` (${formatPercent(share, 1)} del preventivato)` : ''}
                  </div>
                </div>
              </div>
            ))}
          </div>

          <h2 className="h3 mt-4">Per fondo: assegnato, preventivato, impegnato, liquidato</h2>
          {v.fundSvg && (
            <Chart
              svg={v.fundSvg}
              caption="Assegnato, preventivato, impegnato e liquidato per fondo (euro)"
              summary={`${v.rollUp.byFund.length} fondi; ${v.allocationChecks.filter((c) => c.overAllocated).length} superamenti dell’assegnazione segnalati; ${v.allocationChecks.filter((c) => c.status === 'no_allocation' && c.budgetedCents > 0).length} stanziamenti non registrati.`}
              tableId="tabella-fondi"
            />
          )}
          <div className="table-responsive" tabIndex={0} role="region" aria-label="Risorse per fondo">
            <table className="table table-sm" id="tabella-fondi">
              <caption>Risorse per fondo</caption>
              <thead>
                <tr>
                  <th scope="col">Fondo</th>
                  <th scope="col" className="num">
                    Assegnato
                  </th>
                  <th scope="col" className="num">
                    Preventivato
                  </th>
                  <th scope="col" className="num">
                    Impegnato
                  </th>
                  <th scope="col" className="num">
                    Liquidato
                  </th>
                  <th scope="col" className="num">
                    Liquidato / preventivato
                  </th>
                </tr>
              </thead>
              <tbody>
                {v.rollUp.byFund.map((f) => (
                  <tr key={f.fund}>
                    <th scope="row">{f.name}</th>
                    <td className="num">{f.allocatedCents === null ? 'stanziamento non registrato' : euro(f.allocatedCents)}</td>
                    <td className="num">{euro(f.budgetedCents)}</td>
                    <td className="num">{euro(f.committedCents)}</td>
                    <td className="num">{euro(f.paidCents)}</td>
                    <td className="num" title={f.paidShare.formula}>
                      {formatPercent(f.paidShare, 1)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {v.allocationChecks.some((c) => c.status === 'over') && (
            <div className="alert alert-warning" role="note" id="avvisi-assegnazioni">
              <p className="mb-1 fw-semibold">Preventivato oltre l’assegnazione</p>
              <ul className="mb-0">
                {v.allocationChecks
                  .filter((c) => c.message && c.status === 'over')
                  .map((c) => (
                    <li key={`${c.fund}-${c.year}`}>{c.message}</li>
                  ))}
              </ul>
            </div>
          )}
          {v.allocationChecks.some((c) => c.status === 'no_allocation' && c.message) && (
            <div className="alert alert-info" role="note" id="stanziamenti-mancanti">
              <p className="mb-1 fw-semibold">Dati mancanti: stanziamento non registrato</p>
              <p className="mb-1 small">
                Per questi fondi e anni non è registrata alcuna assegnazione: il preventivato non si confronta con nulla e non è segnalato come superamento.
              </p>
              <ul className="mb-0">
                {v.allocationChecks
                  .filter((c) => c.status === 'no_allocation' && c.message)
                  .map((c) => (
                    <li key={`${c.fund}-${c.year}`}>{c.message}</li>
                  ))}
              </ul>
            </div>
          )}
          {v.periodIssues.length > 0 && (
            <div className="alert alert-info" role="note">
              <p className="mb-1 fw-semibold">Periodo di validità dei fondi</p>
              <ul className="mb-0">
                {v.periodIssues.map((i, k) => (
                  <li key={k}>
                    {i.label}: {i.message}
                  </li>
                ))}
              </ul>
            </div>
          )}

          <div className="row">
            <div className="col-lg-7">
              <h2 className="h4 mt-4">Per macro-area</h2>
              <table className="table table-sm" id="tabella-aree">
                <caption>Risorse per macro-area del piano</caption>
                <thead>
                  <tr>
                    <th scope="col">Macro-area</th>
                    <th scope="col" className="num">
                      Preventivato
                    </th>
                    <th scope="col" className="num">
                      Impegnato
                    </th>
                    <th scope="col" className="num">
                      Liquidato
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {v.rollUp.byArea.map((a) => (
                    <tr key={a.area}>
                      <th scope="row">{a.area.replace(/^Obiettivi macro-area:\s*/i, '')}</th>
                      <td className="num">{euro(a.budgetedCents)}</td>
                      <td className="num">{euro(a.committedCents)}</td>
                      <td className="num">{euro(a.paidCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="col-lg-5">
              <h2 className="h4 mt-4">Per anno</h2>
              <table className="table table-sm" id="tabella-anni">
                <caption>Risorse per anno</caption>
                <thead>
                  <tr>
                    <th scope="col">Anno</th>
                    <th scope="col" className="num">
                      Preventivato
                    </th>
                    <th scope="col" className="num">
                      Impegnato
                    </th>
                    <th scope="col" className="num">
                      Liquidato
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {v.rollUp.byYear.map((y) => (
                    <tr key={y.year}>
                      <th scope="row">{y.year}</th>
                      <td className="num">{euro(y.budgetedCents)}</td>
                      <td className="num">{euro(y.committedCents)}</td>
                      <td className="num">{euro(y.paidCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>

          <h2 className="h3 mt-4">Obiettivi, fondi e anni</h2>
          <div className="table-responsive" tabIndex={0} role="region" aria-label="Situazione di ogni voce del bilancio (obiettivo, fondo, anno)">
            <table className="table table-sm" id="tabella-voci">
              <caption>Situazione di ogni voce del bilancio (obiettivo, fondo, anno)</caption>
              <thead>
                <tr>
                  <th scope="col">Obiettivo</th>
                  <th scope="col">Fondo</th>
                  <th scope="col">Anno</th>
                  <th scope="col" className="num">
                    Preventivato
                  </th>
                  <th scope="col" className="num">
                    Riporti
                  </th>
                  <th scope="col" className="num">
                    Impegnato
                  </th>
                  <th scope="col" className="num">
                    Liquidato
                  </th>
                  <th scope="col" className="num">
                    Non impegnato
                  </th>
                  <th scope="col">Ultima data</th>
                </tr>
              </thead>
              <tbody>
                {v.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row" title={r.objectiveTitle}>
                      {r.label}
                    </th>
                    <td>{r.fundName}</td>
                    <td>{r.year ?? 'intero periodo'}</td>
                    <td className="num">{euro(r.budgetedCents)}</td>
                    <td className="num">{r.carriedInCents || r.carriedOutCents ? `+${euro(r.carriedInCents)} / −${euro(r.carriedOutCents)}` : '—'}</td>
                    <td className="num">{r.committedCents === null ? '—' : euro(r.committedCents)}</td>
                    <td className="num">
                      {r.paidCents === null ? '—' : euro(r.paidCents)}
                      {r.paidOverCommitted && (
                        <span className="d-block small text-danger-emphasis fw-semibold" data-testid="liquidato-oltre-impegnato">
                          {r.paidOverCommitted.message}
                        </span>
                      )}
                    </td>
                    <td className="num">{euro(r.unspentCents)}</td>
                    <td>{r.lastCutOff ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {can['budget.record'] && (
            <section className="mt-5" aria-labelledby="titolo-registra">
              <h2 className="h3" id="titolo-registra">
                Registra un valore alla data di riferimento
              </h2>
              <p>
                Se il valore è più basso di quello già registrato, indica il motivo: correzione di un errore oppure disimpegno (per il liquidato solo
                correzione).
              </p>
              <Alert intent="cutoff" />
              <Form method="post" className="row g-3">
                <CsrfField />
                <input type="hidden" name="intent" value="cutoff" />
                <input type="hidden" name="planId" value={v.plan.id} />
                <BudgetKeyFields prefix="co" v={v} years={years} errors={errorsFor('cutoff')} cls={cls} yearName="year" yearLabel="Anno" />
                {(() => {
                  const e = errorsFor('cutoff');
                  return (
                    <>
                      <div className="col-md-4">
                        <Field name="measure" id="co-measure" label="Valore" error={e.measure}>
                          {(p) => (
                            <select {...p} name="measure" className={cls(e.measure, true)} required>
                              {(Object.entries(MEASURE_LABELS) as [string, string][]).map(([k, l]) => (
                                <option key={k} value={k}>
                                  {l}
                                </option>
                              ))}
                            </select>
                          )}
                        </Field>
                      </div>
                      <div className="col-md-4">
                        <Field name="date" id="co-date" label="Data di riferimento" error={e.date} hint="AAAA-MM-GG">
                          {(p) => <input {...p} name="date" type="date" className={cls(e.date)} required />}
                        </Field>
                      </div>
                      <div className="col-md-4">
                        <Field name="amountEuro" id="co-amount" label="Importo (euro)" error={e.amountEuro} hint="es. 12.500 oppure 12500,50">
                          {(p) => <input {...p} name="amountEuro" inputMode="decimal" className={cls(e.amountEuro)} required />}
                        </Field>
                      </div>
                      <div className="col-md-4">
                        <Field name="reason" id="co-reason" label="Motivo della diminuzione" error={e.reason} hint="Solo se il valore scende">
                          {(p) => (
                            <select {...p} name="reason" className={cls(e.reason, true)} defaultValue="">
                              <option value="">nessuno (il valore non scende)</option>
                              {DECREASE_REASONS.map((r) => (
                                <option key={r} value={r}>
                                  {DECREASE_REASON_LABELS[r]}
                                </option>
                              ))}
                            </select>
                          )}
                        </Field>
                      </div>
                      <div className="col-md-8">
                        <Field name="note" id="co-note" label="Nota" error={e.note}>
                          {(p) => <input {...p} name="note" className={cls(e.note)} />}
                        </Field>
                      </div>
                    </>
                  );
                })()}
                <div className="col-12">
                  <button type="submit" className="btn btn-primary" disabled={submitting}>
                    Registra il valore
                  </button>
                </div>
              </Form>

              <h2 className="h3 mt-5">Riporta le economie all’anno successivo</h2>
              <p>Si può riportare al massimo quanto non è stato né impegnato né liquidato nell’anno di origine.</p>
              <Alert intent="carryover" />
              <Form method="post" className="row g-3">
                <CsrfField />
                <input type="hidden" name="intent" value="carryover" />
                <input type="hidden" name="planId" value={v.plan.id} />
                <BudgetKeyFields
                  prefix="cr"
                  v={v}
                  years={years.slice(0, -1)}
                  errors={errorsFor('carryover')}
                  cls={cls}
                  yearName="fromYear"
                  yearLabel="Dall’anno"
                  noPeriod
                />
                {(() => {
                  const e = errorsFor('carryover');
                  return (
                    <>
                      <div className="col-md-4">
                        <Field name="amountEuro" id="cr-amount" label="Importo da riportare (euro)" error={e.amountEuro}>
                          {(p) => <input {...p} name="amountEuro" inputMode="decimal" className={cls(e.amountEuro)} required />}
                        </Field>
                      </div>
                      <div className="col-md-4">
                        <Field name="date" id="cr-date" label="Data della decisione" error={e.date} hint="AAAA-MM-GG">
                          {(p) => <input {...p} name="date" type="date" className={cls(e.date)} required />}
                        </Field>
                      </div>
                      <div className="col-md-4">
                        <Field name="note" id="cr-note" label="Nota" error={e.note}>
                          {(p) => <input {...p} name="note" className={cls(e.note)} />}
                        </Field>
                      </div>
                    </>
                  );
                })()}
                <div className="col-12">
                  <button type="submit" className="btn btn-outline-primary" disabled={submitting}>
                    Riporta
                  </button>
                </div>
              </Form>
            </section>
          )}

          <h2 className="h3 mt-5">Assegnazioni dei fondi all’Ambito</h2>
          {v.allocations.length === 0 ? (
            <p>Nessuna assegnazione registrata.</p>
          ) : (
            <table className="table table-sm" id="tabella-assegnazioni">
              <caption>Assegnazioni registrate</caption>
              <thead>
                <tr>
                  <th scope="col">Fondo</th>
                  <th scope="col">Anno</th>
                  <th scope="col" className="num">
                    Importo
                  </th>
                  <th scope="col">Atto</th>
                </tr>
              </thead>
              <tbody>
                {v.allocations.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.fundName}</th>
                    <td>{a.year}</td>
                    <td className="num">{euro(a.amountCents)}</td>
                    <td>{a.act ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {can['allocation.write'] && (
            <>
              <Alert intent="allocation" />
              <Form method="post" className="row g-3 align-items-end">
                <CsrfField />
                <input type="hidden" name="intent" value="allocation" />
                {(() => {
                  const e = errorsFor('allocation');
                  return (
                    <>
                      <div className="col-md-4">
                        <Field name="fund" id="al-fund" label="Fondo" error={e.fund}>
                          {(p) => (
                            <select {...p} name="fund" className={cls(e.fund, true)} required>
                              {v.funds.map((f) => (
                                <option key={f.code} value={f.code}>
                                  {f.shortName}
                                </option>
                              ))}
                            </select>
                          )}
                        </Field>
                      </div>
                      <div className="col-md-2">
                        <Field name="year" id="al-year" label="Anno" error={e.year}>
                          {(p) => <input {...p} name="year" type="number" min={1990} max={2100} className={cls(e.year)} required />}
                        </Field>
                      </div>
                      <div className="col-md-3">
                        <Field name="amountEuro" id="al-amount" label="Importo (euro)" error={e.amountEuro}>
                          {(p) => <input {...p} name="amountEuro" inputMode="decimal" className={cls(e.amountEuro)} required />}
                        </Field>
                      </div>
                      <div className="col-md-3">
                        <Field name="act" id="al-act" label="Atto di assegnazione" error={e.act}>
                          {(p) => <input {...p} name="act" className={cls(e.act)} />}
                        </Field>
                      </div>
                    </>
                  );
                })()}
                <div className="col-12">
                  <button type="submit" className="btn btn-outline-primary" disabled={submitting}>
                    Registra l’assegnazione
                  </button>
                </div>
              </Form>
            </>
          )}

          <h2 className="h3 mt-5">Storico dei valori registrati</h2>
          {v.history.length === 0 ? (
            <p>Nessun valore registrato.</p>
          ) : (
            <div className="table-responsive" tabIndex={0} role="region" aria-label="Valori registrati alle date di riferimento, dal più recente">
              <table className="table table-sm" id="tabella-storico">
                <caption>Valori registrati alle date di riferimento, dal più recente</caption>
                <thead>
                  <tr>
                    <th scope="col">Data</th>
                    <th scope="col">Obiettivo</th>
                    <th scope="col">Fondo</th>
                    <th scope="col">Anno</th>
                    <th scope="col">Valore</th>
                    <th scope="col" className="num">
                      Importo
                    </th>
                    <th scope="col" className="num">
                      Precedente
                    </th>
                    <th scope="col">Motivo</th>
                    <th scope="col">Registrato da</th>
                  </tr>
                </thead>
                <tbody>
                  {v.history.map((h) => (
                    <tr key={h.id}>
                      <th scope="row">{h.date}</th>
                      <td>{h.label}</td>
                      <td>{h.fundName}</td>
                      <td>{h.year ?? 'intero periodo'}</td>
                      <td>{h.measure}</td>
                      <td className="num">{euro(h.amountCents)}</td>
                      <td className="num">{h.previousCents === null ? '—' : euro(h.previousCents)}</td>
                      <td>
                        {h.reason ?? '—'}
                        {h.note ? ` · ${h.note}` : ''}
                      </td>
                      <td className="small">{h.createdBy}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {v.carryOvers.length > 0 && (
            <ul id="elenco-riporti">
              {v.carryOvers.map((c) => (
                <li key={c.id}>
                  {c.label}, {c.fundName}: {euro(c.amountCents)} dal {c.fromYear} al {c.toYear} (decisione del {c.decisionDate})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

type View = NonNullable<Route.ComponentProps['loaderData']['view']>;

/** Objective, action, fund and year of a budget entry (shared by the cut-off and carry-over forms). */
function BudgetKeyFields({
  prefix,
  v,
  years,
  errors: e,
  cls,
  yearName,
  yearLabel,
  noPeriod,
}: {
  prefix: string;
  v: View;
  years: number[];
  errors: Record<string, string>;
  cls: (e?: string, select?: boolean) => string;
  yearName: string;
  yearLabel: string;
  noPeriod?: boolean;
}) {
  return (
    <>
      <div className="col-md-6">
        <Field name="objectiveId" id={`${prefix}-objective`} label="Obiettivo" error={e.objectiveId}>
          {(p) => (
            <select {...p} name="objectiveId" className={cls(e.objectiveId, true)} required>
              {v.objectives.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.code} – {o.title.length > 70 ? `${o.title.slice(0, 69)}…` : o.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="col-md-6">
        <Field name="actionId" id={`${prefix}-action`} label="Azione (facoltativa)" error={e.actionId}>
          {(p) => (
            <select {...p} name="actionId" className={cls(e.actionId, true)} defaultValue="">
              <option value="">tutto l’obiettivo</option>
              {v.actions.map((a) => (
                <option key={a.id} value={a.id}>
                  {v.objectives.find((o) => o.id === a.objectiveId)?.code} · azione {a.number} –{' '}
                  {a.description.length > 60 ? `${a.description.slice(0, 59)}…` : a.description}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="col-md-6">
        <Field name="fund" id={`${prefix}-fund`} label="Fondo" error={e.fund}>
          {(p) => (
            <select {...p} name="fund" className={cls(e.fund, true)} required>
              {v.funds.map((f) => (
                <option key={f.code} value={f.code}>
                  {f.shortName}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="col-md-6">
        <Field name={yearName} id={`${prefix}-year`} label={yearLabel} error={e[yearName]}>
          {(p) => (
            <select {...p} name={yearName} className={cls(e[yearName], true)} required={noPeriod}>
              {!noPeriod && <option value="">intero periodo</option>}
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}
