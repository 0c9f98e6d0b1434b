import { data, Link } from 'react-router';
import type { Route } from './+types/regional';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { euro } from '../../planning/index.ts';
import { LEPS_STATUS_BADGES, LEPS_STATUS_LABELS, parseRegionalSort, REGIONAL_SORT_LABELS, sortRegionalRows, type RegionalSortKey } from '../leps.dashboard.ts';
import { authorize } from '../leps.policy.ts';
import { getRegion, getRegionalLepsRows } from '../leps.queries.ts';
import { fte, num } from '../leps.format.ts';
import { yearFromUrl } from '../leps.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const region = await getRegion(db, params.regionCode);
  if (!region) throw data('Regione non trovata', { status: 404 });
  await guard(request, async () => authorize(getActor(context), 'leps.regional', { regionCode: region.code }));
  const url = new URL(request.url);
  const year = yearFromUrl(request);
  const sort = parseRegionalSort(url.searchParams.get('ordina'), url.searchParams.get('verso'));
  const rows = sortRegionalRows(await getRegionalLepsRows(db, region.code, year), sort.key, sort.direction);
  return { region, year, sort, rows };
}

export default function RegionalLeps({ loaderData }: Route.ComponentProps) {
  const { region, year, sort, rows } = loaderData;
  const href = (key: RegionalSortKey) => `?anno=${year}&ordina=${key}&verso=${sort.key === key && sort.direction === 'asc' ? 'desc' : 'asc'}`;
  const header = (key: RegionalSortKey, className = '') => {
    const active = sort.key === key;
    return (
      <th scope="col" className={className} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={href(key)}>
          {REGIONAL_SORT_LABELS[key]}
          {active ? <span aria-hidden="true">{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
          <span className="visually-hidden">
            {active ? (sort.direction === 'asc' ? ', ordinata in modo crescente: inverti' : ', ordinata in modo decrescente: inverti') : ': ordina'}
          </span>
        </a>
      </th>
    );
  };
  return (
    <>
      <title>{`LEPS ${year} – ${region.name}`}</title>
      <h1>LEPS negli Ambiti della Regione</h1>
      <p className="lead">
        {region.name}, anno {year}: {rows.length} {rows.length === 1 ? 'Ambito' : 'Ambiti'}
      </p>
      <form method="get" className="d-flex align-items-end gap-2 mb-3">
        <input type="hidden" name="ordina" value={sort.key} />
        <input type="hidden" name="verso" value={sort.direction} />
        <div>
          <label htmlFor="anno" className="form-label fw-semibold">
            Anno
          </label>
          <input id="anno" name="anno" type="number" min={2000} max={2100} defaultValue={year} className="form-control" />
        </div>
        <button type="submit" className="btn btn-outline-primary">
          Mostra
        </button>
        <a
          className="btn btn-primary ms-auto"
          href={`/leps/regione/${region.code}/esporta.csv?anno=${year}&ordina=${sort.key}&verso=${sort.direction}`}
          download
        >
          Esporta in CSV
        </a>
      </form>
      <div className="table-responsive">
        <table className="table">
          <caption>
            Assistenti sociali (ETP a tempo indeterminato dell’Ambito e dei comuni al 31/12) rispetto al LEPS di 1 ogni 5.000 abitanti e all’obiettivo di
            servizio di 1 ogni 4.000; LEPS programmati nel piano che copre il {year}. Fai clic sull’intestazione di una colonna per ordinare.
          </caption>
          <thead>
            <tr>
              {header('ambito')}
              {header('popolazione', 'text-end')}
              {header('etp', 'text-end')}
              {header('abitanti_per_etp', 'text-end')}
              <th scope="col">Servizio sociale professionale</th>
              {header('gap_leps', 'text-end')}
              {header('gap_obiettivo', 'text-end')}
              {header('leps_programmati', 'text-end')}
              {header('prioritari', 'text-end')}
              {header('risorse', 'text-end')}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.ambitoCode}>
                <th scope="row">
                  <Link to={`/ambiti/${r.ambitoCode}/leps?anno=${year}`}>{r.ambitoName}</Link>
                  <span className="d-block small text-secondary">{r.planTitle ?? 'Nessun piano per l’anno'}</span>
                </th>
                <td className="text-end">
                  {r.population === null ? '—' : num(r.population)}
                  {r.populationYear !== null && <span className="d-block small text-secondary">dato {r.populationYear}</span>}
                </td>
                <td className="text-end">{r.fte === null ? 'non registrati' : fte(r.fte)}</td>
                <td className="text-end">{r.inhabitantsPerWorker === null ? '—' : num(r.inhabitantsPerWorker, 1)}</td>
                <td>
                  <span className={`badge bg-${LEPS_STATUS_BADGES[r.lepsStatus]}`}>{LEPS_STATUS_LABELS[r.lepsStatus]}</span>
                  {r.requiredLepsFte !== null && (
                    <span className="d-block small">
                      richiesti {fte(r.requiredLepsFte)} ETP (1:5.000), {fte(r.requiredObjectiveFte!)} ETP (1:4.000)
                    </span>
                  )}
                </td>
                <td className="text-end">{r.gapLepsFte === null ? '—' : `${fte(r.gapLepsFte)} (${r.toHireLeps} da assumere)`}</td>
                <td className="text-end">{r.gapObjectiveFte === null ? '—' : `${fte(r.gapObjectiveFte)} (${r.toHireObjective} da assumere)`}</td>
                <td className="text-end">{`${r.programmedLeps} su ${r.catalogueSize}`}</td>
                <td className="text-end">{`${r.priorityWithTargets} su ${r.prioritySize}`}</td>
                <td className="text-end">{euro(r.lepsBudgetCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small">
        «non registrati»: l’Ambito non ha inserito il proprio personale; gli ETP mancanti non sono calcolati. Le risorse sono la somma dei budget degli
        obiettivi che indicano almeno un LEPS, ciascun obiettivo contato una volta.
      </p>
    </>
  );
}
