import { data, Link } from 'react-router';
import type { Route } from './+types/regional';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { PageHeader, StatusBadge, useI18n } from '../../../shared/ui/kit.ts';
import { LEPS_STATUS_BADGES, parseRegionalSort, sortRegionalRows, type RegionalSortKey } from '../leps.dashboard.ts';
import { authorize } from '../leps.policy.ts';
import { getRegion, getRegionalLepsRows } from '../leps.queries.ts';
import { yearFromUrl } from '../leps.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const region = await getRegion(db, params.regionCode);
  if (!region) throw data(tr('leps.regional.notFound'), { status: 404 });
  await guard(request, async () => authorize(getActor(context), 'leps.regional', { regionCode: region.code }));
  const url = new URL(request.url);
  const year = yearFromUrl(request);
  const sort = parseRegionalSort(url.searchParams.get('ordina'), url.searchParams.get('verso'));
  const rows = sortRegionalRows(await getRegionalLepsRows(db, region.code, year), sort.key, sort.direction);
  return { region, year, sort, rows };
}

export default function RegionalLeps({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { region, year, sort, rows } = loaderData;
  const href = (key: RegionalSortKey) => `?anno=${year}&ordina=${key}&verso=${sort.key === key && sort.direction === 'asc' ? 'desc' : 'asc'}`;
  const header = (key: RegionalSortKey, className = '') => {
    const active = sort.key === key;
    return (
      <th scope="col" className={className || undefined} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={href(key)}>
          {t(`leps.sort.${key}`)}
          {active ? <span aria-hidden="true">{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
          <span className="visually-hidden">
            {active ? (sort.direction === 'asc' ? t('leps.regional.sortedAsc') : t('leps.regional.sortedDesc')) : t('leps.regional.sort')}
          </span>
        </a>
      </th>
    );
  };
  return (
    <>
      <PageHeader
        title={t('leps.regional.title')}
        context={`${year} – ${region.name}`}
        lead={
          <>
            <span translate="no">{region.name}</span>, {t(rows.length === 1 ? 'leps.regional.countOne' : 'leps.regional.countMany', { year, n: rows.length })}
          </>
        }
      />
      <form method="get" className="d-flex flex-wrap align-items-end gap-2 mb-3" aria-label={t('leps.chooseYear')}>
        <input type="hidden" name="ordina" value={sort.key} />
        <input type="hidden" name="verso" value={sort.direction} />
        <div>
          <label htmlFor="anno" className="form-label fw-semibold">
            {t('leps.year')}
          </label>
          <input id="anno" name="anno" type="number" min={2000} max={2100} defaultValue={year} className="form-control" />
        </div>
        <button type="submit" className="btn btn-outline-primary">
          {t('leps.show')}
        </button>
        <a
          className="btn btn-primary ms-auto"
          href={`/leps/regione/${region.code}/esporta.csv?anno=${year}&ordina=${sort.key}&verso=${sort.direction}`}
          download
        >
          {t('leps.regional.export')}
        </a>
      </form>
      {/*
        Hand-written rather than a DataTable: the Ambiti are sorted on the server (?ordina=&verso=, the same order as the
        CSV export next to it, which the links carry over), not by the table's own sort parameters.
      */}
      <div className="table-responsive" role="region" aria-labelledby="regional-caption" tabIndex={0}>
        <table className="table">
          <caption id="regional-caption">{t('leps.regional.caption', { year })}</caption>
          <thead>
            <tr>
              {header('ambito')}
              {header('popolazione', 'num')}
              {header('etp', 'num')}
              {header('abitanti_per_etp', 'num')}
              <th scope="col">{t('leps.regional.socialService')}</th>
              {header('gap_leps', 'num')}
              {header('gap_obiettivo', 'num')}
              {header('leps_programmati', 'num')}
              {header('prioritari', 'num')}
              {header('risorse', 'num')}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.ambitoCode}>
                <th scope="row">
                  <Link to={`/ambiti/${r.ambitoCode}/leps?anno=${year}`} translate="no">
                    {r.ambitoName}
                  </Link>
                  {r.planTitle ? (
                    <span className="d-block small text-secondary" translate="no">
                      {r.planTitle}
                    </span>
                  ) : (
                    <span className="d-block small text-secondary">{t('leps.regional.noPlan')}</span>
                  )}
                </th>
                <td className="num">
                  {r.population === null ? '—' : f.count(r.population)}
                  {r.populationYear !== null && <span className="d-block small text-secondary">{t('leps.regional.dataYear', { year: r.populationYear })}</span>}
                </td>
                <td className="num">{r.fte === null ? t('leps.regional.notRecorded') : f.fte(r.fte)}</td>
                <td className="num">{r.inhabitantsPerWorker === null ? '—' : f.numberUpTo(r.inhabitantsPerWorker, 1)}</td>
                <td>
                  <StatusBadge tone={LEPS_STATUS_BADGES[r.lepsStatus] as 'success'}>{t(`leps.status.${r.lepsStatus}`)}</StatusBadge>
                  {r.requiredLepsFte !== null && (
                    <span className="d-block small">
                      {t('leps.regional.required', { leps: f.fte(r.requiredLepsFte), objective: f.fte(r.requiredObjectiveFte!) })}
                    </span>
                  )}
                </td>
                <td className="num">{r.gapLepsFte === null ? '—' : t('leps.regional.gap', { fte: f.fte(r.gapLepsFte), n: r.toHireLeps ?? 0 })}</td>
                <td className="num">
                  {r.gapObjectiveFte === null ? '—' : t('leps.regional.gap', { fte: f.fte(r.gapObjectiveFte), n: r.toHireObjective ?? 0 })}
                </td>
                <td className="num">{t('leps.regional.of', { n: r.programmedLeps, of: r.catalogueSize })}</td>
                <td className="num">{t('leps.regional.of', { n: r.priorityWithTargets, of: r.prioritySize })}</td>
                <td className="num">{f.money(r.lepsBudgetCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small">{t('leps.regional.note')}</p>
    </>
  );
}
