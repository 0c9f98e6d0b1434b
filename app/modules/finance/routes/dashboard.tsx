import { Form, Link } from 'react-router';
import type { Route } from './+types/dashboard';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { Chart } from '../../../shared/ui/chart.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { euro } from '../../planning/index.ts';
import { abilitiesFor, authorize } from '../finance.policy.ts';
import { formatPercent } from '../finance.rules.ts';
import { requireAmbito } from '../finance.server.ts';
import { getSpendingDashboard } from '../finance.views.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'finance.read', ambito));
  const url = new URL(request.url);
  const year = Number(url.searchParams.get('anno')) || null;
  const ente = url.searchParams.get('ente') || null;
  // "Mostra comunque i dati parziali": a GET parameter, so the choice works without JavaScript and can be linked.
  const showPartial = url.searchParams.get('parziali') === '1';
  const dashboard = await getSpendingDashboard(db, { id: ambito.id, code: ambito.code, name: ambito.name }, { year, ente, showPartial });
  return { ...dashboard, can: abilitiesFor(actor, ambito) };
}

const pct = (v: number | null) => formatPercent(v, 2);

export default function SpendingDashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const d = loaderData;
  const base = `/ambiti/${d.ambito.code}/risorse`;
  const m = d.matrix;
  const query = (partial: boolean) => {
    const q = new URLSearchParams();
    if (d.year !== null) q.set('anno', String(d.year));
    if (d.ente) q.set('ente', d.ente);
    if (partial) q.set('parziali', '1');
    return `${base}?${q.toString()}`;
  };
  const cov = d.coverage;
  const partialBadge = d.partial && cov ? t('finance.partial.badge', { coverage: cov.label }) : null;
  const checks = [...d.shareChecks, ...d.costs.flatMap((c) => c.checks), ...(d.totalCheck ? [d.totalCheck] : [])];
  return (
    <>
      <title>{`Risorse e spesa sociale – ${d.ambito.name}`}</title>
      <div className="d-flex flex-wrap justify-content-between gap-3 align-items-start">
        <div>
          <h1>Risorse e spesa sociale</h1>
          <p className="lead">{d.ambito.name}</p>
          <p className="small mb-0">
            <Link to="/fonti-di-finanziamento">Catalogo delle fonti di finanziamento</Link>
          </p>
        </div>
        <div className="d-flex flex-wrap gap-2">
          <Link className="btn btn-outline-primary" to={`${base}/bilancio`}>
            Bilancio del piano
          </Link>
          {d.can['spending.import'] && (
            <Link className="btn btn-primary" to={`${base}/importa`}>
              Importa la spesa
            </Link>
          )}
        </div>
      </div>

      {d.year === null ? (
        <div className="alert alert-info" role="status">
          Non ci sono ancora dati di spesa per questo Ambito.
          {d.can['spending.import'] ? ' Puoi importarli dalla pagina «Importa la spesa».' : ''}
        </div>
      ) : (
        <>
          <Form method="get" className="row g-3 align-items-end my-2" aria-label="Scegli anno ed ente">
            <div className="col-sm-4 col-lg-3">
              <label htmlFor="anno" className="form-label fw-semibold">
                Anno
              </label>
              <select id="anno" name="anno" className="form-select" defaultValue={String(d.year)}>
                {d.yearOptions.map((o) => (
                  <option key={o.year} value={o.year}>
                    {o.coverage && !o.coverage.complete ? t('finance.coverage.yearOption', { year: o.year, coverage: o.coverage.label }) : o.year}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-sm-8 col-lg-5">
              <label htmlFor="ente" className="form-label fw-semibold">
                Ente
              </label>
              <select id="ente" name="ente" className="form-select" defaultValue={d.ente ?? ''}>
                <option value="">{t('finance.ente.all')}</option>
                {d.enti.map((e) => (
                  <option key={e.code} value={e.code}>
                    {e.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-sm-8 col-lg-3">
              <div className="form-check">
                <input className="form-check-input" type="checkbox" id="parziali" name="parziali" value="1" defaultChecked={d.showPartial} />
                <label className="form-check-label" htmlFor="parziali">
                  {t('finance.partial.toggle')}
                </label>
              </div>
            </div>
            <div className="col-auto">
              <button type="submit" className="btn btn-outline-primary">
                Mostra
              </button>
            </div>
          </Form>

          {cov && (
            <section
              className={`alert ${cov.complete ? 'alert-light border' : d.partial ? 'alert-warning' : 'alert-info'}`}
              role="note"
              aria-labelledby="titolo-copertura"
              id="copertura"
            >
              <h2 className="h5" id="titolo-copertura">
                {t('finance.coverage.title', { year: cov.year })}: {cov.label}
              </h2>
              <p className="mb-1">{cov.message}</p>
              {!cov.complete && cov.withData.length > 0 && (
                <p className="mb-1">{t('finance.coverage.withDataList', { names: cov.withData.map((c) => c.name).join(', ') })}</p>
              )}
              {cov.basis === 'comuni' && cov.missing.length > 0 && (
                <details className="mb-1">
                  <summary>{t('finance.coverage.missingList', { count: cov.missing.length })}</summary>
                  <ul className="mb-0" id="comuni-mancanti">
                    {cov.missing.map((c) => (
                      <li key={c.istatCode}>
                        {c.name} ({c.istatCode})
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {cov.basis === 'ambito' && cov.withData.length > 0 && (
                <p className="mb-1 small">
                  {t('finance.coverage.alsoComuni', {
                    year: cov.year,
                    coverage: `${cov.withData.length} ${cov.withData.length === 1 ? 'comune' : 'comuni'} su ${cov.members.length}`,
                  })}
                </p>
              )}
              {cov.outside.length > 0 && (
                <p className="mb-1 small">{t('finance.coverage.outside', { year: cov.year, names: cov.outside.map((c) => c.name).join(', ') })}</p>
              )}
              {d.withheld && <p className="mb-1">{t('finance.coverage.withheld', { year: cov.year })}</p>}
              {!cov.complete && (
                <p className="mb-0">
                  <Link to={query(!d.showPartial)} id="interruttore-parziali">
                    {d.showPartial ? t('finance.partial.hide') : t('finance.partial.toggle')}
                  </Link>
                </p>
              )}
            </section>
          )}

          {d.withheld || !m ? (
            <EnteTable d={d} caption={t('finance.byEnte.caption', { year: d.year ?? '' })} />
          ) : (
            <>
              {partialBadge && (
                <p className="fw-semibold border-start border-4 border-warning ps-2 my-3" id="etichetta-parziali">
                  {partialBadge}
                </p>
              )}
              <div className="row g-3 my-3">
                <div className="col-sm-6 col-lg-3">
                  <div className="kpi">
                    <div className="value" data-testid="spending-total">
                      {euro(m.grandTotal)}
                    </div>
                    <div>
                      spesa sociale {d.year}
                      {d.partial && cov ? ` – dati parziali (${cov.label})` : ''}
                    </div>
                  </div>
                </div>
                <div className="col-sm-6 col-lg-3">
                  <div className="kpi">
                    <div className="value">{d.perCapita?.valueCents != null ? euro(d.perCapita.valueCents) : 'n.d.'}</div>
                    <div>per abitante{d.population ? ` (${d.population.total.toLocaleString('it-IT')} residenti)` : ''}</div>
                  </div>
                </div>
                <div className="col-sm-6 col-lg-3">
                  <div className="kpi">
                    <div className="value">{d.comuniShare ? formatPercent(d.comuniShare, 1) : 'n.d.'}</div>
                    <div>dalle risorse dei Comuni</div>
                  </div>
                </div>
                <div className="col-sm-6 col-lg-3">
                  <div className="kpi">
                    <div className="value">{d.years.length}</div>
                    <div>{d.years.length === 1 ? 'anno di dati' : 'anni di dati'}</div>
                  </div>
                </div>
              </div>
              <p className="small text-secondary">
                {d.perCapita
                  ? `Spesa per abitante: ${d.perCapita.formula}${d.partial ? ' (dati parziali)' : ''}. `
                  : d.ente
                    ? 'La spesa per abitante si calcola per tutto l’Ambito. '
                    : `Spesa per abitante non calcolabile: ${d.populationMissing ?? `manca la popolazione del ${d.year}`}. `}
                {d.comuniShare ? `Quota dei Comuni: ${d.comuniShare.formula}.` : ''} Fonte dei dati: {d.sources.join('; ')}.
              </p>

              {d.series.length < 2 && (
                <div className="alert alert-info" role="note" id="avviso-andamento">
                  Ci sono i dati {d.excludedYears.length ? 'completi ' : ''}di un solo anno ({d.series[0]?.year}): l’andamento negli anni, la variazione
                  rispetto all’anno precedente e il confronto «servizi e contributi» nel tempo richiedono almeno due anni. Il Piano di Zona di Gallarate
                  pubblica in cifre solo il 2022; gli anni precedenti sono soltanto nei grafici del Piano, senza valori, e non sono stati ricostruiti.
                </div>
              )}
              {d.excludedYears.length > 0 && (
                <p className="small" id="anni-esclusi">
                  {t('finance.coverage.excluded', { years: d.excludedYears.map((c) => `${c.year} (${c.label})`).join('; ') })}{' '}
                  <Link to={query(true)}>{t('finance.partial.toggle')}</Link>
                </p>
              )}

              <h2 className="h3 mt-4">Spesa per area negli anni</h2>
              {d.stackedSvg && (
                <Chart
                  svg={d.stackedSvg}
                  caption={`Spesa sociale per area di intervento, ${d.series[0]?.year}${d.series.length > 1 ? `–${d.series.at(-1)?.year}` : ''} (barre sovrapposte, in euro)${d.series.some((x) => x.partial) ? ', con anni parziali' : ''}`}
                  summary={`Nel ${d.year} la spesa totale${d.partial ? ' (dati parziali)' : ''} è ${euro(m.grandTotal)}; l’area con la spesa maggiore è ${[...d.areaShares].sort((a, b) => b.amountCents - a.amountCents)[0]?.name ?? '—'}.`}
                  tableId="tabella-aree-anni"
                />
              )}
              <div className="table-responsive" tabIndex={0} role="region" aria-label="Spesa per area e per anno">
                <table className="table table-sm" id="tabella-aree-anni">
                  <caption>Spesa per area e per anno</caption>
                  <thead>
                    <tr>
                      <th scope="col">Area</th>
                      {d.series.map((s) => (
                        <th scope="col" className="num" key={s.year}>
                          {s.year}
                          {s.partial ? ` (parziale: ${s.coverage})` : ''}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {m.areas.map((a) => (
                      <tr key={a.code}>
                        <th scope="row">{a.name}</th>
                        {d.series.map((s) => (
                          <td className="num" key={s.year}>
                            {euro(s.byArea[a.code] ?? 0)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">Totale</th>
                      {d.series.map((s) => (
                        <td className="num fw-bold" key={s.year}>
                          {euro(s.total)}
                        </td>
                      ))}
                    </tr>
                  </tfoot>
                </table>
              </div>

              {d.trendSvg && (
                <>
                  <h2 className="h3 mt-4">Andamento della spesa totale</h2>
                  <Chart
                    svg={d.trendSvg}
                    caption={`Spesa sociale totale, ${d.series[0]?.year}–${d.series.at(-1)?.year} (euro)${d.series.some((x) => x.partial) ? ', con anni parziali' : ''}`}
                    summary={d.changes
                      .map((c) => `${c.current.year}: ${pct(c.change.value)} rispetto al ${c.previous.year}${c.partial ? ' (dati parziali)' : ''}`)
                      .join('; ')}
                    tableId="tabella-variazioni"
                  />
                  <div className="table-responsive" tabIndex={0} role="region" aria-label="Variazione rispetto all’anno precedente">
                    <table className="table table-sm" id="tabella-variazioni">
                      <caption>Variazione rispetto all’anno precedente</caption>
                      <thead>
                        <tr>
                          <th scope="col">Anno</th>
                          <th scope="col" className="num">
                            Spesa
                          </th>
                          <th scope="col" className="num">
                            Differenza
                          </th>
                          <th scope="col" className="num">
                            Variazione
                          </th>
                          <th scope="col">Formula</th>
                        </tr>
                      </thead>
                      <tbody>
                        {d.changes.map((c) => (
                          <tr key={c.current.year}>
                            <th scope="row">
                              {c.current.year}
                              {c.partial ? ' (dati parziali)' : ''}
                            </th>
                            <td className="num">{euro(c.current.amountCents)}</td>
                            <td className="num">{euro(c.differenceCents)}</td>
                            <td className="num">{pct(c.change.value)}</td>
                            <td className="small">{c.change.formula}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}

              <h2 className="h3 mt-4">Quote per area e costo medio per utente ({d.year})</h2>
              <div className="table-responsive" tabIndex={0} role="region" aria-label="Spesa per area, quota sul totale e costo medio per utente">
                <table className="table table-sm" id="tabella-quote-aree">
                  <caption>Spesa per area, quota sul totale e costo medio per utente</caption>
                  <thead>
                    <tr>
                      <th scope="col">Area</th>
                      <th scope="col" className="num">
                        Spesa
                      </th>
                      <th scope="col" className="num">
                        Quota
                      </th>
                      <th scope="col" className="num">
                        Utenti
                      </th>
                      <th scope="col" className="num">
                        Costo per utente
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.areaShares.map((s) => {
                      const c = d.costs.find((x) => x.area === s.key);
                      return (
                        <tr key={s.key}>
                          <th scope="row">{s.name}</th>
                          <td className="num">{euro(s.amountCents)}</td>
                          <td className="num" title={s.share.formula}>
                            {pct(s.share.value)}
                          </td>
                          <td className="num">{c ? (c.users === null ? 'non rilevati' : c.users.toLocaleString('it-IT')) : '—'}</td>
                          <td className="num" title={c?.cost.formula}>
                            {c?.cost.valueCents != null ? euro(c.cost.valueCents) : '—'}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              {d.costs.length > 0 && (
                <ul className="small text-secondary">
                  {d.costs
                    .filter((c) => c.cost.valueCents !== null)
                    .map((c) => (
                      <li key={c.area}>
                        Costo per utente {c.name}: {c.cost.formula}.
                      </li>
                    ))}
                </ul>
              )}

              {checks.length > 0 && (
                <>
                  <h2 className="h3 mt-4" id="controllo-pubblicati">
                    {t('finance.checks.title', { year: d.year ?? '' })}
                  </h2>
                  <p>{t('finance.checks.lead', { sources: d.sources.join('; ') })}</p>
                  {checks.every((c) => c.matches) && <p>{t('finance.checks.allMatch')}</p>}
                  <div className="table-responsive" tabIndex={0} role="region" aria-label={t('finance.checks.caption')}>
                    <table className="table table-sm" id="tabella-controllo-pubblicati">
                      <caption>{t('finance.checks.caption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('finance.checks.what')}</th>
                          <th scope="col" className="num">
                            {t('finance.checks.published')}
                          </th>
                          <th scope="col" className="num">
                            {t('finance.checks.computed')}
                          </th>
                          <th scope="col" className="num">
                            {t('finance.checks.difference')}
                          </th>
                          <th scope="col">{t('finance.checks.source')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {checks.map((c) => (
                          <tr key={c.what} className={c.matches ? undefined : 'table-warning'}>
                            <th scope="row">{c.what}</th>
                            <td className="num">{c.published}</td>
                            <td className="num">{c.computed}</td>
                            <td className="num">{c.matches ? '—' : c.difference}</td>
                            <td className="small">
                              {c.source}; {c.formula}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}

              <h2 className="h3 mt-4">Provenienza delle entrate ({d.year})</h2>
              {d.channelSvg && (
                <Chart
                  svg={d.channelSvg}
                  caption={`Quota di ogni canale di finanziamento sulle entrate ${d.year} (%)`}
                  summary={d.channelShares.map((s) => `${s.name} ${formatPercent(s.share, 1)}`).join(', ')}
                  tableId="tabella-canali"
                />
              )}
              <div className="table-responsive" tabIndex={0} role="region" aria-label="Entrate per canale di finanziamento">
                <table className="table table-sm" id="tabella-canali">
                  <caption>Entrate per canale di finanziamento</caption>
                  <thead>
                    <tr>
                      <th scope="col">Canale</th>
                      <th scope="col" className="num">
                        Importo
                      </th>
                      <th scope="col" className="num">
                        Quota
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.channelShares.map((s) => (
                      <tr key={s.key}>
                        <th scope="row">{s.name}</th>
                        <td className="num">{euro(s.amountCents)}</td>
                        <td className="num" title={s.share.formula}>
                          {pct(s.share.value)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>

              <h2 className="h3 mt-4" id="controllo">
                Controllo dei totali ({d.year})
              </h2>
              <div
                className={`alert ${m.rowSumsMatch && m.columnSumsMatch && m.totalsMatch ? 'alert-success' : 'alert-warning'}`}
                role="note"
                id="esito-controllo"
              >
                {m.rowSumsMatch && m.columnSumsMatch && m.totalsMatch
                  ? `Ogni riga e ogni colonna somma esattamente: totale ${euro(m.grandTotal)}. I totali di controllo dei file sono stati verificati all’importazione.`
                  : 'Le somme di righe e colonne non coincidono con il totale: verifica i dati importati.'}
              </div>
              <div
                className="table-responsive"
                tabIndex={0}
                role="region"
                aria-label="Spesa per area (righe) e canale di finanziamento (colonne), con i totali"
              >
                <table className="table table-sm table-bordered" id="tabella-controllo">
                  <caption>Spesa per area (righe) e canale di finanziamento (colonne), con i totali</caption>
                  <thead>
                    <tr>
                      <th scope="col">Area</th>
                      {m.channels.map((c) => (
                        <th scope="col" className="num" key={c.code}>
                          {c.name}
                        </th>
                      ))}
                      <th scope="col" className="num">
                        Totale
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.areas.map((a) => (
                      <tr key={a.code}>
                        <th scope="row">{a.name}</th>
                        {m.channels.map((c) => (
                          <td className="num" key={c.code}>
                            {euro(m.cells[a.code]![c.code] ?? 0)}
                          </td>
                        ))}
                        <td className="num fw-bold">{euro(m.rowTotals[a.code] ?? 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">Totale</th>
                      {m.channels.map((c) => (
                        <td className="num fw-bold" key={c.code}>
                          {euro(m.columnTotals[c.code] ?? 0)}
                        </td>
                      ))}
                      <td className="num fw-bold">{euro(m.grandTotal)}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>

              {d.byEnte.length > 1 && <EnteTable d={d} caption={t('finance.byEnte.caption', { year: d.year ?? '' })} />}

              <h2 className="h3 mt-4">Servizi e contributi economici</h2>
              <p>
                Il confronto tra la spesa per servizi e quella per contributi in denaro alle famiglie richiede la spesa divisa per natura dell’intervento, che
                le tabelle importate (per area e canale di finanziamento) non contengono. Il grafico comparirà quando quel dato sarà disponibile.
              </p>
            </>
          )}
        </>
      )}
    </>
  );
}

/** Each ente's own figure of the year: a comune's figure is complete for that comune, whatever the coverage. */
function EnteTable({ d, caption }: { d: Route.ComponentProps['loaderData']; caption: string }) {
  if (d.byEnte.length === 0) return null;
  return (
    <div className="table-responsive" tabIndex={0} role="region" aria-label={caption}>
      <table className="table table-sm" id="tabella-enti">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ente</th>
            <th scope="col" className="num">
              Spesa
            </th>
          </tr>
        </thead>
        <tbody>
          {d.byEnte.map((e) => (
            <tr key={e.code}>
              <th scope="row">{e.label}</th>
              <td className="num">{euro(e.totalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
