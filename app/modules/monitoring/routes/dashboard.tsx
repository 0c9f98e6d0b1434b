import { Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/dashboard';
import { formAction, getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { Chart } from '../../../shared/ui/chart.tsx';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { statusLabel } from '../../planning/index.server.ts';
import type { PlanStatus } from '../../planning/index.ts';
import { importMeasurements, lockPeriod, sendDueReminders, unlockPeriod } from '../monitoring.commands.ts';
import { MEASUREMENT_CSV_COLUMNS } from '../monitoring.importers.ts';
import { abilitiesFor, authorize } from '../monitoring.policy.ts';
import { getPlanDashboard, todayInRome } from '../monitoring.queries.ts';
import { periodName } from '../monitoring.rules.ts';
import { baseUrlOf, requireMonitoringPlan, uploadedText } from '../monitoring.server.ts';
import { formatShare, NOT_AVAILABLE } from '../progress.rules.ts';
import { IssuesAlert, StatusBadge } from '../components/status-badge.tsx';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requireMonitoringPlan(db, params.code, params.planId);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'monitoring.read', header.scope, { hide: true }));
  const today = todayInRome();
  const d = (await getPlanDashboard(db, params.planId, today))!;
  return {
    code: params.code,
    today,
    plan: {
      id: d.plan.id,
      title: d.plan.title,
      period: `${d.plan.periodStartYear}–${d.plan.periodEndYear}`,
      status: statusLabel(d.plan.templateId, d.plan.status as PlanStatus),
    },
    ambitoName: d.ambitoName,
    objectives: d.objectives.map((o) => ({
      id: o.id,
      code: o.code,
      title: o.title,
      area: o.area,
      progress: o.progress.value,
      formula: o.progress.formula,
      counts: o.counts,
      indicators: o.indicators,
    })),
    areas: d.areas.map((a) => ({
      name: a.name,
      objectives: a.objectives,
      counts: a.counts,
      overdue: a.overdue,
      progress: a.progress.value,
      formula: a.progress.formula,
    })),
    progress: { value: d.progress.value, formula: d.progress.formula },
    totals: d.totals,
    indicatorCount: d.indicatorCount,
    measurementCount: d.measurementCount,
    measured: d.measured.map((m) => ({ ...m, evaluations: m.evaluations.map((e) => ({ description: e.description, status: e.status, reason: e.reason })) })),
    years: d.years,
    locks: d.locks.map((l) => ({
      id: l.id,
      period: l.period,
      label: periodName(l.period),
      lockedBy: l.lockedBy,
      lockedAt: l.lockedAt.toISOString(),
      note: l.note,
    })),
    lockable: d.lockable.map((p) => ({ key: p, label: periodName(p) })),
    due: d.due,
    can: abilitiesFor(actor, header.scope),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requireMonitoringPlan(db, params.code, params.planId);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const fields = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string'));
  return formAction(request, async () => {
    if (intent === 'lock') {
      const l = await lockPeriod({ db, actor, planId: params.planId, input: fields });
      return { ok: true as const, intent, message: `Periodo ${periodName(l.period)} approvato e bloccato.` };
    }
    if (intent === 'unlock') {
      const l = await unlockPeriod({ db, actor, planId: params.planId, input: fields });
      return { ok: true as const, intent, message: `Periodo ${periodName(l.period)} sbloccato: lo sblocco è nel registro delle attività.` };
    }
    if (intent === 'import') {
      const file = await uploadedText(form, 'file', 'un file CSV di misure', 5 * 1024 * 1024);
      const r = await importMeasurements({ db, actor, planId: params.planId, fileName: file.name, text: file.text });
      return { ok: true as const, intent, message: `Importate ${r.rows} misure da ${r.file} (${r.created} nuove, ${r.replaced} sostituite).` };
    }
    if (intent === 'remind') {
      const r = await sendDueReminders({ db, actor, planId: params.planId, today: todayInRome(), baseUrl: baseUrlOf(request) });
      const message =
        r.total === 0
          ? 'Nessuna misura in arretrato: nessun promemoria da inviare.'
          : `Promemoria scritti nella posta in uscita: ${r.written}${r.skipped ? ` (${r.skipped} destinatari lo avevano già ricevuto)` : ''}.`;
      return { ok: true as const, intent, message };
    }
    return { ok: true as const, intent, message: '' };
  });
}

const pct = formatShare;

/** One line per indicator with its overdue periods, in the order given. */
function byIndicator(items: readonly { indicatorId: string; objectiveCode: string; code: string; label: string; period: string }[]) {
  const out = new Map<string, { indicatorId: string; objectiveCode: string; code: string; label: string; periods: string[] }>();
  for (const i of items) {
    const row = out.get(i.indicatorId) ?? { indicatorId: i.indicatorId, objectiveCode: i.objectiveCode, code: i.code, label: i.label, periods: [] };
    row.periods.push(i.period);
    out.set(i.indicatorId, row);
  }
  return [...out.values()];
}

export default function Dashboard({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const failed = actionData && 'fieldErrors' in actionData ? actionData : undefined;
  const done = actionData && 'message' in actionData && actionData.message ? actionData.message : null;
  const errors: Record<string, string | undefined> = failed?.fieldErrors ?? {};
  const base = `/ambiti/${d.code}/monitoraggio/${d.plan.id}`;
  return (
    <>
      <title>{`Monitoraggio – ${d.plan.title}`}</title>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={`/ambiti/${d.code}/monitoraggio`}>Monitoraggio</Link>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            {d.plan.period}
          </li>
        </ol>
      </nav>
      <h1>Monitoraggio del {d.plan.title}</h1>
      <p className="lead mb-1">
        {d.ambitoName} · {d.plan.period} · Stato: {d.plan.status}
      </p>
      <p>
        <Link to={`/ambiti/${d.code}/piani/${d.plan.id}`}>Vai al piano</Link> · <Link to={`${base}/valutazione`}>Griglia di valutazione regionale</Link>
      </p>
      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      {failed && Object.keys(failed.fieldErrors).some((k) => k.includes(', riga')) ? (
        <IssuesAlert result={failed} />
      ) : (
        <FormAlert result={failed} reloadHref={base} />
      )}

      <div className="row g-3 my-3">
        <div className="col-sm-6 col-lg-3">
          <div className="kpi">
            <div className="value" data-testid="plan-progress">
              {pct(d.progress.value)}
            </div>
            <div>avanzamento del piano</div>
          </div>
        </div>
        <div className="col-sm-6 col-lg-3">
          <div className="kpi">
            <div className="value" data-testid="targets-met">
              {d.totals.raggiunto}
            </div>
            <div>target raggiunti</div>
          </div>
        </div>
        <div className="col-sm-6 col-lg-3">
          <div className="kpi">
            <div className="value" data-testid="targets-not-met">
              {d.totals.non_raggiunto}
            </div>
            <div>target non raggiunti</div>
          </div>
        </div>
        <div className="col-sm-6 col-lg-3">
          <div className="kpi">
            <div className="value" data-testid="due-total">
              {d.due.total}
            </div>
            <div>misure in arretrato</div>
          </div>
        </div>
      </div>
      <p className="small">
        Avanzamento del piano: {d.progress.formula}. {d.indicatorCount} indicatori, {d.measurementCount} misure inserite. Target con esito:{' '}
        {d.totals.met.formula}.
      </p>

      <h2 className="h3 mt-4">Per area</h2>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>Avanzamento e target per area</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" className="num">
                Avanzamento
              </th>
              <th scope="col" className="num">
                Raggiunti
              </th>
              <th scope="col" className="num">
                Non raggiunti
              </th>
              <th scope="col" className="num">
                Dati mancanti
              </th>
              <th scope="col" className="num">
                In corso
              </th>
              <th scope="col" className="num">
                Misure in arretrato
              </th>
            </tr>
          </thead>
          <tbody>
            {d.areas.map((a) => (
              <tr key={a.name}>
                <th scope="row">
                  {a.name}
                  <div className="small text-secondary">Obiettivi {a.objectives.join(', ')}</div>
                </th>
                <td className="num" title={a.formula}>
                  {pct(a.progress)}
                </td>
                <td className="num">{a.counts.raggiunto}</td>
                <td className="num">{a.counts.non_raggiunto}</td>
                <td className="num">{a.counts.dati_mancanti}</td>
                <td className="num">{a.counts.in_corso}</td>
                <td className="num">{a.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="h3 mt-4">Obiettivi</h2>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>Avanzamento degli obiettivi (media delle azioni)</caption>
          <thead>
            <tr>
              <th scope="col">Codice</th>
              <th scope="col">Obiettivo</th>
              <th scope="col" className="num">
                Avanzamento
              </th>
              <th scope="col">Come si calcola</th>
              <th scope="col" className="num">
                Target raggiunti
              </th>
            </tr>
          </thead>
          <tbody>
            {d.objectives.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`${base}/obiettivi/${o.id}`} aria-label={`Obiettivo ${o.code}: azioni e indicatori`}>
                    {o.code}
                  </Link>
                </th>
                <td>{o.title}</td>
                <td className="num">{pct(o.progress)}</td>
                <td className="small">{o.formula}</td>
                <td className="num">
                  {o.counts.raggiunto}/{o.counts.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="h3 mt-4" id="da-misurare">
        Da misurare
      </h2>
      <p data-testid="to-collect">
        {d.due.toCollect.total === 0
          ? 'Nessun valore da rilevare per il periodo in corso.'
          : `Da rilevare (periodo in corso, non ancora chiuso: ${d.due.toCollect.periods.map(periodName).join(', ')}): ${d.due.toCollect.total} ${d.due.toCollect.total === 1 ? 'valore' : 'valori'}.`}
      </p>
      {d.due.total === 0 ? (
        <p data-testid="overdue-none">Nessuna misura in arretrato: nessun periodo chiuso è senza valore.</p>
      ) : (
        <>
          <p data-testid="overdue-summary">
            In arretrato: {d.due.total} {d.due.total === 1 ? 'valore' : 'valori'} di {d.due.indicators} {d.due.indicators === 1 ? 'indicatore' : 'indicatori'}{' '}
            per periodi già chiusi ({d.due.periods.map(periodName).join(', ')}).
          </p>
          <h3 className="h5">Per obiettivo</h3>
          {d.due.byObjective.map((g) => (
            <details key={g.objectiveCode} className="mb-2">
              <summary>
                Obiettivo {g.objectiveCode} – {g.objectiveTitle}: {g.items.length} ({g.responsible})
              </summary>
              <ul className="small mt-2">
                {byIndicator(g.items).map((i) => (
                  <li key={i.indicatorId}>
                    <Link to={`${base}/indicatori/${i.indicatorId}`}>
                      {i.objectiveCode} · {i.code}
                    </Link>{' '}
                    {i.label} ({i.periods.map(periodName).join(', ')})
                  </li>
                ))}
              </ul>
            </details>
          ))}
          <h3 className="h5">Per responsabile</h3>
          <ul>
            {d.due.groups.map((g) => (
              <li key={g.responsible}>
                {g.responsible}: {g.items.length} {g.items.length === 1 ? 'valore' : 'valori'} (obiettivi{' '}
                {[...new Set(g.items.map((i) => i.objectiveCode))].join(', ')})
              </li>
            ))}
          </ul>
          {d.can['reminder.send'] && (
            <Form method="post" className="my-3">
              <CsrfField />
              <input type="hidden" name="intent" value="remind" />
              <button type="submit" className="btn btn-outline-primary" disabled={busy}>
                Invia il promemoria all’Ufficio di Piano
              </button>
            </Form>
          )}
        </>
      )}

      <h2 className="h3 mt-4">Periodi approvati</h2>
      {d.locks.length === 0 ? (
        <p>Nessun periodo bloccato.</p>
      ) : (
        <table className="table table-sm">
          <caption>Periodi bloccati</caption>
          <thead>
            <tr>
              <th scope="col">Periodo</th>
              <th scope="col">Approvato da</th>
              <th scope="col">Il</th>
              {d.can['period.lock'] && <th scope="col">Sblocca</th>}
            </tr>
          </thead>
          <tbody>
            {d.locks.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.label}</th>
                <td>{l.lockedBy}</td>
                <td>{new Date(l.lockedAt).toLocaleString('it-IT', { timeZone: 'Europe/Rome' })}</td>
                {d.can['period.lock'] && (
                  <td>
                    <Form method="post" className="d-flex gap-2 align-items-end flex-wrap">
                      <CsrfField />
                      <input type="hidden" name="intent" value="unlock" />
                      <input type="hidden" name="period" value={l.period} />
                      <div>
                        <label htmlFor={`reason-${l.id}`} className="form-label small mb-0">
                          Motivo dello sblocco ({l.label})
                        </label>
                        <input id={`reason-${l.id}`} name="reason" type="text" className="form-control form-control-sm" />
                      </div>
                      <button type="submit" className="btn btn-sm btn-outline-danger" disabled={busy}>
                        Sblocca {l.label}
                      </button>
                    </Form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.can['period.lock'] && d.lockable.length > 0 && (
        <Form method="post" className="row g-3 align-items-end" noValidate aria-label="Blocca un periodo">
          <CsrfField />
          <input type="hidden" name="intent" value="lock" />
          <div className="col-md-4">
            <Field name="period" label="Periodo da approvare e bloccare" error={errors.period}>
              {(f) => (
                <select {...f} className="form-select">
                  {d.lockable.map((p) => (
                    <option key={p.key} value={p.key}>
                      {p.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="col-md-5">
            <Field name="note" label="Nota (facoltativa)" error={errors.note}>
              {(f) => <input {...f} type="text" />}
            </Field>
          </div>
          <div className="col-md-3 mb-4">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Blocca il periodo
            </button>
          </div>
        </Form>
      )}

      {d.can['measurement.write'] && (
        <section className="my-4" aria-labelledby="import-title">
          <h2 className="h3" id="import-title">
            Importa misure da CSV
          </h2>
          <p className="small" id="import-hint">
            Colonne: {MEASUREMENT_CSV_COLUMNS.join(', ')} (separate da virgola o punto e virgola). Una riga per indicatore, periodo e comune (codice ISTAT;
            vuoto per l’intero Ambito). Per i rapporti scrivi numeratore e denominatore. Il file si importa tutto o niente.
          </p>
          <Form method="post" encType="multipart/form-data" className="row g-3 align-items-end">
            <CsrfField />
            <input type="hidden" name="intent" value="import" />
            <div className="col-md-8">
              <label htmlFor="measurements-file" className="form-label fw-semibold">
                File CSV delle misure
              </label>
              <input id="measurements-file" name="file" type="file" accept=".csv,text/csv" className="form-control" aria-describedby="import-hint" />
            </div>
            <div className="col-md-4">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Importa le misure
              </button>
            </div>
          </Form>
        </section>
      )}

      <h2 className="h3 mt-5">Target e valori misurati</h2>
      {d.measured.length === 0 ? (
        <p>Nessuna misura inserita per questo piano: apri un obiettivo e poi un indicatore per inserire i valori.</p>
      ) : (
        d.measured.map((m) => (
          <section key={m.id} className="mb-4" aria-labelledby={`ind-${m.id}`}>
            <h3 className="h5" id={`ind-${m.id}`}>
              <Link to={`${base}/indicatori/${m.id}`}>
                {m.objectiveCode} · {m.code}
              </Link>{' '}
              {m.label} {m.status && <StatusBadge status={m.status} />}
            </h3>
            {m.svg && (
              <Chart
                svg={m.svg}
                caption={`Target e valori per anno: ${m.objectiveCode} · ${m.code}`}
                summary={m.evaluations.map((e) => e.reason).join('; ')}
                tableId={`tabella-${m.id}`}
              />
            )}
            <table className="table table-sm" id={`tabella-${m.id}`}>
              <caption>
                Valori e target per anno dell’indicatore {m.objectiveCode} · {m.code}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Anno</th>
                  <th scope="col" className="num">
                    Valore
                  </th>
                  <th scope="col">Target</th>
                </tr>
              </thead>
              <tbody>
                {m.yearly.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td className="num">
                      {y.actual === null
                        ? NOT_AVAILABLE
                        : `${y.actual.toLocaleString('it-IT', { maximumFractionDigits: 2 })}${y.complete ? '' : ' (parziale)'}`}
                    </td>
                    <td>{y.targetText ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </>
  );
}

export function meta() {
  return [{ title: 'Monitoraggio – Cantiere' }];
}
