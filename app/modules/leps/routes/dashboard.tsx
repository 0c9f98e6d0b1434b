import { Link } from 'react-router';
import type { Route } from './+types/dashboard';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { describeTarget, type TargetRule } from '../../monitoring/index.ts';
import { euro } from '../../planning/index.ts';
import { LEPS_STATUS_BADGES, LEPS_STATUS_LABELS } from '../leps.dashboard.ts';
import { abilitiesFor, authorize } from '../leps.policy.ts';
import { getLepsDashboard } from '../leps.queries.ts';
import { fte, num } from '../leps.format.ts';
import { requireAmbito, yearFromUrl } from '../leps.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'leps.read', ambito, { hide: true }));
  const year = yearFromUrl(request);
  const d = await getLepsDashboard(db, ambito.id, year);
  return {
    ambito: { code: ambito.code, name: ambito.name, regionCode: ambito.regionCode, regionName: ambito.regionName },
    can: abilitiesFor(actor, ambito),
    canRegional: abilitiesFor(actor, { regionCode: ambito.regionCode })['leps.regional'],
    ...d,
    rows: d.rows.map((r) => ({
      ...r,
      objectives: r.objectives.map((o) => ({
        ...o,
        indicators: o.indicators.map((i) => ({ ...i, targets: i.targets.map((t) => ({ ...t, rule: describeTarget(t.rule as TargetRule) })) })),
      })),
    })),
  };
}

export default function LepsDashboard({ loaderData }: Route.ComponentProps) {
  const { ambito, year, plan, catalogue, rows, staffing } = loaderData;
  const s = staffing.current.assessment;
  const counts = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.summary.status]: (acc[r.summary.status] ?? 0) + 1 }), {});
  return (
    <>
      <title>{`LEPS ${year} – ${ambito.name}`}</title>
      <h1>Livelli essenziali delle prestazioni sociali (LEPS)</h1>
      <p className="lead">
        {ambito.name}, anno {year}
      </p>
      <form method="get" className="d-flex align-items-end gap-2 mb-4">
        <div>
          <label htmlFor="anno" className="form-label fw-semibold">
            Anno
          </label>
          <input id="anno" name="anno" type="number" min={2000} max={2100} defaultValue={year} className="form-control" />
        </div>
        <button type="submit" className="btn btn-outline-primary">
          Mostra
        </button>
      </form>
      <ul className="list-unstyled">
        <li>
          Piano che copre il {year}:{' '}
          {plan ? (
            <Link to={`/ambiti/${ambito.code}/piani/${plan.id}`}>
              {plan.title} ({plan.period})
            </Link>
          ) : (
            'nessun piano dell’Ambito copre quest’anno'
          )}
        </li>
        <li>Catalogo: {catalogue ? <Link to="/leps/catalogo">{`${catalogue.title} (versione ${catalogue.version})`}</Link> : 'non caricato'}</li>
        <li>
          Riepilogo:{' '}
          {Object.entries(counts)
            .map(([k, v]) => `${LEPS_STATUS_LABELS[k as keyof typeof LEPS_STATUS_LABELS]}: ${v}`)
            .join('; ')}
        </li>
      </ul>
      <div className="alert alert-info" role="note">
        Misurazioni dal monitoraggio: {loaderData.measured} indicatori su {loaderData.indicatorCount} hanno almeno un valore. Per ogni indicatore sono mostrati
        il valore atteso del {year} e, quando c’è, l’ultimo dato con lo stato del suo target.
      </div>

      <section aria-labelledby="servizio-sociale" className="my-4">
        <h2 id="servizio-sociale" className="h4">
          Servizio sociale professionale: assistenti sociali per abitanti
        </h2>
        <p>
          {staffing.staffRecorded
            ? (s.inhabitantsPerWorker?.formula ?? 'Popolazione non disponibile.')
            : `Nessun assistente sociale registrato per l’Ambito. Con ${staffing.current.population === null ? 'una popolazione non disponibile' : `${num(staffing.current.population)} abitanti`} servono almeno ${s.leps.requiredFte ? `${fte(s.leps.requiredFte.value!)} ETP per il LEPS (1:5.000) e ${fte(s.serviceObjective.requiredFte!.value!)} ETP per l’obiettivo di servizio (1:4.000)` : '— ETP'}.`}
        </p>
        {staffing.staffRecorded && (
          <ul>
            <li>{s.leps.message}</li>
            <li>{s.serviceObjective.message}</li>
          </ul>
        )}
        <Link to={`/ambiti/${ambito.code}/leps/assistenti-sociali?anno=${year}`}>Assistenti sociali, storico e grafico</Link>
      </section>

      <div className="table-responsive">
        <table className="table">
          <caption>Stato dei LEPS nell’Ambito per il {year}: evidenze dal piano</caption>
          <thead>
            <tr>
              <th scope="col">LEPS</th>
              <th scope="col">Stato</th>
              <th scope="col">Obiettivi, indicatori e valori attesi {year}</th>
              <th scope="col" className="text-end">
                Risorse degli obiettivi
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} id={r.code}>
                <th scope="row">
                  <Link to={`/leps/catalogo/${r.code}`}>{r.name}</Link>
                  {r.priority !== null && <span className="d-block small text-secondary">LEPS prioritario n. {r.priority}</span>}
                  <span className="d-block small text-secondary">{r.legalReference}</span>
                </th>
                <td>
                  <span className={`badge bg-${LEPS_STATUS_BADGES[r.summary.status]}`}>{LEPS_STATUS_LABELS[r.summary.status]}</span>
                  <span className="d-block small mt-1">{r.summary.reason}</span>
                </td>
                <td>
                  {r.namedNotLinked.length > 0 && plan && (
                    <p className="small mb-2">
                      {r.namedNotLinked.length === 1 ? 'La scheda dell’obiettivo ' : 'Le schede degli obiettivi '}
                      {r.namedNotLinked.map((o, i) => (
                        <span key={o.id}>
                          {i > 0 && ', '}
                          <Link to={`/ambiti/${ambito.code}/piani/${plan.id}/obiettivi/${o.id}`}>{`${o.code} – ${o.title}`}</Link>
                        </span>
                      ))}
                      {r.namedNotLinked.length === 1 ? ' nomina questo LEPS ma non vi è collegata' : ' nominano questo LEPS ma non vi sono collegate'}: il
                      collegamento si imposta nella scheda.
                    </p>
                  )}
                  {r.objectives.length === 0 ? (
                    <span className="text-secondary">—</span>
                  ) : (
                    r.objectives.map((o) => (
                      <div key={o.id} className="mb-2">
                        <Link to={`/ambiti/${ambito.code}/piani/${plan!.id}/obiettivi/${o.id}`}>{`${o.code} – ${o.title}`}</Link>
                        {o.indicators.some((i) => i.targets.length > 0) && (
                          <ul className="small mb-0">
                            {o.indicators
                              .filter((i) => i.targets.length > 0)
                              .map((i) => (
                                <li key={i.code}>
                                  {i.code} {i.label}: {i.targets.map((t) => `${t.year ?? 'triennio'} ${t.rule}`).join('; ')}
                                  {i.latest && (
                                    <span className="d-block">
                                      Ultimo dato ({i.latest.periodLabel}): {i.latest.display}
                                      {i.latest.reason ? ` — ${i.latest.reason}` : ''}
                                    </span>
                                  )}
                                </li>
                              ))}
                          </ul>
                        )}
                      </div>
                    ))
                  )}
                </td>
                <td className="text-end">
                  {r.summary.budgetCents > 0 ? euro(r.summary.budgetCents) : '—'}
                  {r.objectives.flatMap((o) => o.funds).length > 0 && (
                    <span className="d-block small text-secondary">{[...new Set(r.objectives.flatMap((o) => o.funds.map((f) => f.label)))].join(', ')}</span>
                  )}
                  <span className="d-block small text-secondary">Fonti nel catalogo: {r.fundingText}</span>
                  {r.budgetShared && (
                    <span className="d-block small">
                      {`di cui ${euro(r.budgetShared.cents)} dell’obiettivo ${r.budgetShared.objectives.join(', ')}, mostrati anche sotto ${r.budgetShared.leps.join(', ')}: nel totale contano una volta sola`}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Totale delle risorse sugli obiettivi collegati ai LEPS (ogni riga di bilancio contata una volta)
              </th>
              <td className="text-end fw-semibold" data-testid="leps-budget-total">
                {euro(loaderData.budget.totalCents)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="small">
        Un obiettivo collegato a più LEPS compare con tutte le sue risorse sotto ciascuno di essi, perché il piano non dice come si ripartiscono; nel totale
        ogni riga di bilancio conta una volta sola.
        {loaderData.budget.sharedCents > 0 &&
          ` La somma della colonna (${euro(loaderData.budget.rowsSumCents)}) supera il totale di ${euro(loaderData.budget.sharedCents)}, le risorse mostrate sotto più LEPS.`}
      </p>
      {loaderData.canRegional && (
        <p>
          <Link to={`/leps/regione/${ambito.regionCode}?anno=${year}`}>Tabella regionale dei LEPS: {ambito.regionName}</Link>
        </p>
      )}
    </>
  );
}
