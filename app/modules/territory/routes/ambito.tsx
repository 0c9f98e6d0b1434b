import { data, Link, useSearchParams } from 'react-router';
import type { Route } from './+types/ambito';
import { getActor, getServices } from '../../../shared/http/request.server.ts';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { abilitiesFor } from '../territory.policy.ts';
import { getAmbitoOverview } from '../territory.queries.ts';
import { populationShare } from '../territory.rules.ts';
import { MANAGEMENT_FORM_LABELS } from '../territory.constants.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const overview = await getAmbitoOverview(getServices(context).db, params.code);
  if (!overview) throw data('Ambito non trovato', { status: 404 });
  return { ...overview, can: abilitiesFor(getActor(context), overview.ambito) };
}

export default function AmbitoHome({ loaderData }: Route.ComponentProps) {
  const { t, n } = useI18n();
  const { ambito, comuni, populationTotal, populationMissing, headline, capofila, can } = loaderData;
  const headlineWhen = headline.referenceDate
    ? t('ambito.inhabitantsAt', { date: headline.referenceDate.split('-').reverse().join('/') })
    : t('ambito.inhabitantsIn', { year: String(headline.year) });
  const max = Math.max(...comuni.map((c) => c.population ?? 0), 1);
  const [params] = useSearchParams();
  return (
    <>
      <title>{`${ambito.name} – Cantiere`}</title>
      {params.get('salvato') && (
        <div className="alert alert-success" role="status">
          {t('edit.saved')}
        </div>
      )}
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3">
        <div>
          <h1>{ambito.name}</h1>
          <p className="lead mb-2">
            {t('ambito.region')} {ambito.regionName}
            {capofila ? ` · ${t('ambito.capofila')}: ${capofila.name}` : ''}
          </p>
        </div>
        {can['ambito.edit'] && (
          <Link to={`/ambiti/${ambito.code}/modifica`} className="btn btn-outline-primary">
            {t('ambito.edit')}
          </Link>
        )}
      </div>

      <div className="row g-3 my-3" aria-label="Sintesi">
        <div className="col-sm-6 col-lg-4">
          <div className="kpi">
            <div className="value" data-testid="comuni-count">
              {n(comuni.length)}
            </div>
            <div>{t('ambito.count')}</div>
          </div>
        </div>
        <div className="col-sm-6 col-lg-4">
          <div className="kpi">
            <div className="value" data-testid="population-total">
              {n(headline.total)}
            </div>
            <div data-testid="population-total-when">{headlineWhen}</div>
            <div className="small" data-testid="population-total-source">
              {t('ambito.headlineSource', { source: headline.source })}
              {headline.covered < headline.of && ` ${t('ambito.headlineCoverage', { covered: n(headline.covered), of: n(headline.of) })}`}
              {headline.partial &&
                ` ${t('ambito.headlinePartial', { year: String(headline.partial.year), covered: n(headline.partial.covered), of: n(headline.partial.of) })}`}
            </div>
          </div>
        </div>
      </div>

      {(ambito.managementForm || ambito.healthDistrict || ambito.healthAuthority || ambito.healthTrust || ambito.description) && (
        <dl className="row mb-4">
          {ambito.managementForm && (
            <>
              <dt className="col-sm-4">{t('ambito.managementForm')}</dt>
              <dd className="col-sm-8">{MANAGEMENT_FORM_LABELS[ambito.managementForm as keyof typeof MANAGEMENT_FORM_LABELS] ?? ambito.managementForm}</dd>
            </>
          )}
          {ambito.healthDistrict && (
            <>
              <dt className="col-sm-4">{t('ambito.healthDistrict')}</dt>
              <dd className="col-sm-8">{ambito.healthDistrict}</dd>
            </>
          )}
          {(ambito.healthAuthority || ambito.healthTrust) && (
            <>
              <dt className="col-sm-4">{t('ambito.healthBodies')}</dt>
              <dd className="col-sm-8">{[ambito.healthAuthority, ambito.healthTrust].filter(Boolean).join(' · ')}</dd>
            </>
          )}
          {ambito.description && (
            <>
              <dt className="col-sm-4">{t('ambito.description')}</dt>
              <dd className="col-sm-8" style={{ whiteSpace: 'pre-line' }}>
                {ambito.description}
              </dd>
            </>
          )}
        </dl>
      )}

      <h2 className="h3">{t('ambito.comuni')}</h2>
      <div className="table-responsive">
        <table className="table table-striped align-middle">
          <caption>{t('ambito.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ambito.comune')}</th>
              <th scope="col">{t('ambito.istat')}</th>
              <th scope="col">{t('ambito.province')}</th>
              <th scope="col" className="num">
                {t('ambito.population')}
              </th>
              <th scope="col" className="num">
                {t('ambito.share')}
              </th>
              <th scope="col" className="bar-cell">
                <span className="visually-hidden">{t('ambito.share')} (grafico)</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {comuni.map((c) => {
              const share = c.population === null ? null : populationShare(c.population, populationTotal);
              return (
                <tr key={c.id}>
                  <th scope="row">
                    {c.name}
                    {c.isCapofila && <span className="badge bg-primary ms-2">{t('ambito.capofila')}</span>}
                  </th>
                  <td>{c.istatCode}</td>
                  <td>{c.provinceName}</td>
                  <td className="num">{c.population === null ? '—' : n(c.population)}</td>
                  <td className="num">{share === null ? '—' : `${n(share, 1)} %`}</td>
                  <td className="bar-cell" aria-hidden="true">
                    <span className="bar" style={{ width: `${((c.population ?? 0) * 100) / max}%` }} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('ambito.censusTotal')}</th>
              <td />
              <td />
              <td className="num fw-bold" data-testid="population-total-row">
                {n(populationTotal)}
              </td>
              <td className="num">{`${n(100, 1)} %`}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {populationMissing > 0 && (
        <p className="text-warning-emphasis">
          {populationMissing} {t('ambito.missing')}
        </p>
      )}
      <p className="small text-secondary">Fonte: ISTAT, popolazione legale al censimento 2011 (CC BY 3.0 IT).</p>
    </>
  );
}
