import { data, Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/indicator';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { Chart } from '../../../shared/ui/chart.tsx';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { saveMeasurement } from '../monitoring.commands.ts';
import { referentComuneIds } from '../../../shared/auth/actor.ts';
import { abilitiesFor, authorize, can } from '../monitoring.policy.ts';
import { getIndicatorMonitoring, todayInRome } from '../monitoring.queries.ts';
import { periodName } from '../monitoring.rules.ts';
import { isUuid, requireMonitoringPlan } from '../monitoring.server.ts';
import { StatusBadge } from '../components/status-badge.tsx';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requireMonitoringPlan(db, params.code, params.planId);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'monitoring.read', header.scope, { hide: true }));
  const d = isUuid(params.indicatorId) ? await getIndicatorMonitoring(db, params.indicatorId, todayInRome()) : null;
  if (!d || d.plan.id !== header.plan.id) throw data('Indicatore non trovato', { status: 404 });
  const url = new URL(request.url);
  const editPeriod = url.searchParams.get('periodo');
  const editComune = url.searchParams.get('comune') || null;
  const editing = editPeriod ? (d.measurements.find((m) => m.period === editPeriod && m.comuneId === editComune) ?? null) : null;
  // A comune referent writes only its own comune's values, and only for an indicator measured per comune.
  const canWrite = (comuneId: string | null) => can(actor, 'measurement.write', { ...header.scope, comuneId, perComune: d.perComune });
  const abilities = abilitiesFor(actor, header.scope);
  const ambitoEntry = canWrite(null);
  const comuniChoices = ambitoEntry ? d.comuni : d.comuni.filter((c) => referentComuneIds(actor, header.scope.id).includes(c.id) && canWrite(c.id));
  return {
    code: params.code,
    plan: { id: d.plan.id, title: d.plan.title, period: `${d.plan.periodStartYear}–${d.plan.periodEndYear}` },
    indicator: {
      id: d.indicator.id,
      code: d.indicator.code,
      label: d.indicator.label,
      kind: d.indicator.kind,
      kindLabel: d.kindLabel,
      periodicityLabel: d.periodicityLabel,
      aggregationLabel: d.aggregationLabel,
      yearlyRule: d.yearlyRule.text,
      numeratorLabel: d.indicator.numeratorLabel,
      denominatorLabel: d.indicator.denominatorLabel,
      unit: d.indicator.unit,
      source: d.indicator.source,
    },
    objective: d.objective,
    action: d.action,
    granularity: d.granularity,
    suggestedPeriod: d.suggestedPeriod,
    periodChoices: d.periodChoices,
    measurements: d.measurements.map((m) => ({ ...m, updatedAt: m.updatedAt.toISOString(), canEdit: canWrite(m.comuneId) })),
    summedPeriods: d.summedPeriods,
    evaluations: d.evaluations.map((e) => ({ description: e.description, text: e.text, status: e.status, statusLabel: e.statusLabel, reason: e.reason })),
    status: d.status,
    yearly: d.yearly,
    chartSvg: d.chartSvg,
    comuni: comuniChoices,
    ambitoEntry,
    editing: editing && canWrite(editing.comuneId) ? editing : null,
    can: { ...abilities, 'measurement.write': ambitoEntry || comuniChoices.length > 0 },
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requireMonitoringPlan(db, params.code, params.planId);
  if (!isUuid(params.indicatorId)) throw data('Indicatore non trovato', { status: 404 });
  const form = Object.fromEntries(await request.formData());
  return formAction(request, async () => {
    const m = await saveMeasurement({ db, actor, indicatorId: params.indicatorId, input: form, today: todayInRome() });
    return { ok: true as const, message: `Valore del ${periodName(m.period)} salvato.` };
  });
}

const CADENCE = { semester: 'semestrale', year: 'annuale', quarter: 'trimestrale' } as const;

export default function IndicatorPage({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const navigation = useNavigation();
  const failed = actionData && 'fieldErrors' in actionData ? actionData : undefined;
  const done = actionData && 'message' in actionData ? actionData.message : null;
  const errors: Record<string, string | undefined> = failed?.fieldErrors ?? {};
  const base = `/ambiti/${d.code}/monitoraggio/${d.plan.id}`;
  const self = `${base}/indicatori/${d.indicator.id}`;
  const e = d.editing;
  const formKey = `${e?.id ?? 'new'}-${e?.version ?? 0}-${done ?? ''}`;
  const raw = (v: unknown) =>
    v === null || v === undefined ? '' : typeof v === 'number' ? v.toLocaleString('it-IT', { useGrouping: false, maximumFractionDigits: 6 }) : String(v);
  return (
    <>
      <title>{`Indicatore ${d.objective.code} · ${d.indicator.code} – Monitoraggio`}</title>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={`/ambiti/${d.code}/monitoraggio`}>Monitoraggio</Link>
          </li>
          <li className="breadcrumb-item">
            <Link to={base}>{d.plan.period}</Link>
          </li>
          <li className="breadcrumb-item">
            <Link to={`${base}/obiettivi/${d.objective.id}`}>Obiettivo {d.objective.code}</Link>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            Indicatore {d.indicator.code}
          </li>
        </ol>
      </nav>
      <h1>
        Indicatore {d.objective.code} · {d.indicator.code}
      </h1>
      <p className="lead">{d.indicator.label}</p>
      <dl className="row small">
        <dt className="col-sm-3">Obiettivo</dt>
        <dd className="col-sm-9">
          {d.objective.code} – {d.objective.title}
        </dd>
        {d.action && (
          <>
            <dt className="col-sm-3">Azione</dt>
            <dd className="col-sm-9">
              {d.action.number}. {d.action.description}
            </dd>
            <dt className="col-sm-3">Responsabile</dt>
            <dd className="col-sm-9">{d.action.responsible ?? 'non indicato (Ufficio di Piano)'}</dd>
          </>
        )}
        <dt className="col-sm-3">Tipo</dt>
        <dd className="col-sm-9">{d.indicator.kindLabel}</dd>
        {d.indicator.kind === 'ratio' && (
          <>
            <dt className="col-sm-3">Numeratore</dt>
            <dd className="col-sm-9">{d.indicator.numeratorLabel}</dd>
            <dt className="col-sm-3">Denominatore</dt>
            <dd className="col-sm-9">{d.indicator.denominatorLabel}</dd>
          </>
        )}
        <dt className="col-sm-3">Periodicità</dt>
        <dd className="col-sm-9">{d.indicator.periodicityLabel}</dd>
        <dt className="col-sm-3">Valore dell’anno</dt>
        <dd className="col-sm-9" data-testid="yearly-rule">
          {d.indicator.aggregationLabel} — {d.indicator.yearlyRule}
        </dd>
        {d.indicator.unit && (
          <>
            <dt className="col-sm-3">Unità</dt>
            <dd className="col-sm-9">{d.indicator.unit}</dd>
          </>
        )}
        {d.indicator.source && (
          <>
            <dt className="col-sm-3">Fonte del dato</dt>
            <dd className="col-sm-9">{d.indicator.source}</dd>
          </>
        )}
      </dl>

      <h2 className="h3 mt-4">Target</h2>
      {d.evaluations.length === 0 ? (
        <p>L’indicatore non ha target: i valori si registrano senza giudizio.</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="targets">
            <caption>Target dell’indicatore e loro stato</caption>
            <thead>
              <tr>
                <th scope="col">Regola</th>
                <th scope="col">Come scritto nel piano</th>
                <th scope="col">Stato</th>
                <th scope="col">Perché</th>
              </tr>
            </thead>
            <tbody>
              {d.evaluations.map((t, i) => (
                <tr key={i}>
                  <th scope="row">{t.description}</th>
                  <td className="small">{t.text}</td>
                  <td>
                    <StatusBadge status={t.status} />
                  </td>
                  <td>{t.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.chartSvg && (
        <Chart svg={d.chartSvg} caption="Target e valori misurati per anno" summary={d.evaluations.map((t) => t.reason).join('; ')} tableId="tabella-anni" />
      )}
      {d.yearly.some((y) => y.actual !== null) && (
        <table className="table table-sm" id="tabella-anni">
          <caption>Valori e target per anno</caption>
          <thead>
            <tr>
              <th scope="col">Anno</th>
              <th scope="col" className="num">
                Valore{d.indicator.kind === 'ratio' ? ' (%)' : ''}
              </th>
              <th scope="col">Target</th>
            </tr>
          </thead>
          <tbody>
            {d.yearly.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="num">
                  {y.actual === null ? 'n.d.' : `${y.actual.toLocaleString('it-IT', { maximumFractionDigits: 2 })}${y.complete ? '' : ' (parziale)'}`}
                </td>
                <td>{y.targetText ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="h3 mt-4">Valori inseriti</h2>
      {d.measurements.length === 0 ? (
        <p>Nessun valore ancora.</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="values">
            <caption>Valori dell’indicatore per periodo</caption>
            <thead>
              <tr>
                <th scope="col">Periodo</th>
                <th scope="col">Territorio</th>
                <th scope="col">Valore</th>
                <th scope="col">Nota</th>
                {d.can['measurement.write'] && <th scope="col">Modifica</th>}
              </tr>
            </thead>
            <tbody>
              {d.measurements.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.periodLabel}
                    {m.locked && <span className="badge bg-secondary ms-2">approvato</span>}
                  </th>
                  <td>{m.comuneName ?? 'Ambito'}</td>
                  <td>{m.display}</td>
                  <td className="small">{m.note ?? ''}</td>
                  {d.can['measurement.write'] && (
                    <td>
                      {m.canEdit && (
                        <Link
                          to={`${self}?periodo=${m.period}${m.comuneId ? `&comune=${m.comuneId}` : ''}#inserisci`}
                          aria-label={`Correggi il valore del ${m.periodLabel}${m.comuneName ? ` di ${m.comuneName}` : ''}`}
                        >
                          Correggi
                        </Link>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.summedPeriods.length > 0 && (
        <p className="small">
          Per {d.summedPeriods.map(periodName).join(', ')} il valore dell’Ambito è la somma dei valori dei comuni (manca il dato complessivo).
        </p>
      )}

      {d.can['measurement.write'] && (
        <section className="my-4" aria-labelledby="inserisci">
          <h2 className="h3" id="inserisci">
            {e ? `Correggi il valore del ${e.periodLabel}${e.comuneName ? ` (${e.comuneName})` : ''}` : 'Inserisci un valore'}
          </h2>
          {done && (
            <div className="alert alert-success" role="status">
              {done}
            </div>
          )}
          <FormAlert result={failed} reloadHref={self} />
          <Form method="post" action={self} className="row g-3 align-items-end" noValidate key={formKey}>
            <CsrfField />
            <input type="hidden" name="version" value={e ? e.version : ''} />
            <div className="col-md-3">
              {e ? (
                <>
                  <input type="hidden" name="period" value={e.period} />
                  <Field name="periodShown" label="Periodo">
                    {(f) => <input {...f} type="text" value={e.periodLabel} readOnly />}
                  </Field>
                </>
              ) : (
                <Field
                  name="period"
                  label="Periodo"
                  error={errors.period}
                  hint={`I periodi dell’indicatore (cadenza ${CADENCE[d.granularity]}) negli anni del piano, fino a quello in corso.`}
                >
                  {(f) => (
                    <select {...f} className="form-select" defaultValue={d.suggestedPeriod ?? ''}>
                      {d.periodChoices.map((c) => (
                        <option key={c.key} value={c.key}>
                          {c.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              )}
            </div>
            {e ? (
              <div className="col-md-3">
                <input type="hidden" name="comuneId" value={e.comuneId ?? ''} />
                <Field name="territory" label="Territorio">
                  {(f) => <input {...f} type="text" value={e.comuneName ?? 'Intero Ambito'} readOnly />}
                </Field>
              </div>
            ) : (
              <div className="col-md-3">
                <Field name="comuneId" label="Territorio" error={errors.comuneId}>
                  {(f) => (
                    <select {...f} className="form-select" defaultValue={d.ambitoEntry ? '' : (d.comuni[0]?.id ?? '')}>
                      {d.ambitoEntry && <option value="">Intero Ambito</option>}
                      {d.comuni.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
            )}
            {d.indicator.kind === 'ratio' ? (
              <>
                <div className="col-md-3">
                  <Field name="numerator" label={`Numeratore${d.indicator.numeratorLabel ? `: ${d.indicator.numeratorLabel}` : ''}`} error={errors.numerator}>
                    {(f) => <input {...f} type="text" inputMode="decimal" defaultValue={raw(e?.raw.numerator)} />}
                  </Field>
                </div>
                <div className="col-md-3">
                  <Field
                    name="denominator"
                    label={`Denominatore${d.indicator.denominatorLabel ? `: ${d.indicator.denominatorLabel}` : ''}`}
                    error={errors.denominator}
                  >
                    {(f) => <input {...f} type="text" inputMode="decimal" defaultValue={raw(e?.raw.denominator)} />}
                  </Field>
                </div>
              </>
            ) : d.indicator.kind === 'boolean' ? (
              <div className="col-md-3">
                <Field name="value" label="Valore (sì/no)" error={errors.value}>
                  {(f) => (
                    <select {...f} className="form-select" defaultValue={raw(e?.raw.value)}>
                      <option value="">Scegli…</option>
                      <option value="sì">sì</option>
                      <option value="no">no</option>
                    </select>
                  )}
                </Field>
              </div>
            ) : (
              <div className="col-md-3">
                <Field name="value" label={d.indicator.kind === 'category' ? 'Fase o stato raggiunto' : 'Valore'} error={errors.value}>
                  {(f) => <input {...f} type="text" inputMode={d.indicator.kind === 'category' ? undefined : 'decimal'} defaultValue={raw(e?.raw.value)} />}
                </Field>
              </div>
            )}
            <div className="col-md-9">
              <Field name="note" label="Nota (facoltativa)" error={errors.note}>
                {(f) => <input {...f} type="text" defaultValue={e?.note ?? ''} />}
              </Field>
            </div>
            <div className="col-md-3 mb-4">
              <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
                Salva il valore
              </button>
            </div>
          </Form>
          {e && (
            <p>
              <Link to={`${self}#inserisci`}>Inserisci invece un valore nuovo</Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}

export function meta() {
  return [{ title: 'Indicatore – Monitoraggio – Cantiere' }];
}
