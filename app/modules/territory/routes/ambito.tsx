import { data, Link } from 'react-router';
import type { Route } from './+types/ambito';
import { getActor, getServices } from '../../../shared/http/request.server.ts';
import { columnsOf, DataTable, DoneNotice, Facts, KpiGrid, PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { abilitiesFor } from '../territory.policy.ts';
import { getAmbitoOverview } from '../territory.queries.ts';
import { populationShare } from '../territory.rules.ts';
import { MANAGEMENT_FORMS } from '../territory.constants.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const overview = await getAmbitoOverview(getServices(context).db, params.code);
  if (!overview) throw data(tr('terr.notFound.ambito'), { status: 404 });
  return { ...overview, can: abilitiesFor(getActor(context), overview.ambito) };
}

/** The label of a form of associated management (the value as entered when it is not one of the known forms). */
function managementFormKey(form: string): MessageKey | null {
  return (MANAGEMENT_FORMS as readonly string[]).includes(form) ? (`ambito.managementForm.${form}` as MessageKey) : null;
}

export default function AmbitoHome({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, comuni, populationTotal, populationMissing, headline, capofila, can } = loaderData;
  const headlineWhen = headline.referenceDate
    ? t('ambito.inhabitantsAt', { date: f.date(headline.referenceDate) })
    : t('ambito.inhabitantsIn', { year: String(headline.year) });
  const max = Math.max(...comuni.map((c) => c.population ?? 0), 1);
  const formKey = ambito.managementForm ? managementFormKey(ambito.managementForm) : null;
  type Comune = (typeof comuni)[number];
  const share = (c: Comune) => (c.population === null ? null : populationShare(c.population, populationTotal));
  const percentOne = (s: number) => f.percent(s, 1);
  const column = columnsOf(comuni);
  return (
    <>
      <DoneNotice messages={{ salvato: 'edit.saved' }} />
      <PageHeader
        title={ambito.name}
        titleIsData
        lead={
          <>
            {t('ambito.region')} <span translate="no">{ambito.regionName}</span>
            {capofila ? (
              <>
                {' · '}
                {t('ambito.capofila')}: <span translate="no">{capofila.name}</span>
              </>
            ) : null}
          </>
        }
        actions={
          <>
            <Link to={`/portale/${ambito.code}`} className="btn btn-primary">
              {t('portal.link.open')}
            </Link>
            {can['ambito.edit'] ? (
              <Link to={`/ambiti/${ambito.code}/modifica`} className="btn btn-outline-primary">
                {t('ambito.edit')}
              </Link>
            ) : null}
          </>
        }
      />

      <KpiGrid
        label={t('ambito.summary')}
        items={[
          { label: t('ambito.count'), value: f.count(comuni.length), testId: 'comuni-count' },
          {
            label: <span data-testid="population-total-when">{headlineWhen}</span>,
            value: f.count(headline.total),
            testId: 'population-total',
            hint: (
              <span data-testid="population-total-source">
                {t('ambito.headlineSource', { source: headline.source })}
                {headline.covered < headline.of && ` ${t('ambito.headlineCoverage', { covered: f.count(headline.covered), of: f.count(headline.of) })}`}
                {headline.partial &&
                  ` ${t('ambito.headlinePartial', { year: String(headline.partial.year), covered: f.count(headline.partial.covered), of: f.count(headline.partial.of) })}`}
              </span>
            ),
          },
        ]}
      />

      <Facts
        className="mb-4"
        items={[
          ...(ambito.managementForm
            ? [{ term: t('ambito.managementForm'), value: formKey ? t(formKey) : <span translate="no">{ambito.managementForm}</span> }]
            : []),
          ...(ambito.healthDistrict ? [{ term: t('ambito.healthDistrict'), value: <span translate="no">{ambito.healthDistrict}</span> }] : []),
          ...(ambito.healthAuthority || ambito.healthTrust
            ? [
                {
                  term: t('ambito.healthBodies'),
                  value: <span translate="no">{[ambito.healthAuthority, ambito.healthTrust].filter(Boolean).join(' · ')}</span>,
                },
              ]
            : []),
          ...(ambito.description
            ? [
                {
                  term: t('ambito.description'),
                  value: (
                    <span translate="no" style={{ whiteSpace: 'pre-line' }}>
                      {ambito.description}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />

      <h2 className="h3">{t('ambito.comuni')}</h2>
      {/* Not sortable and without CSV: a short list in the order of the Ambito; the full table (sortable, CSV) is on
          the territory page. */}
      <DataTable
        id="comuni"
        caption={t('ambito.caption')}
        rows={comuni}
        rowKey={(c) => c.id}
        columns={[
          {
            key: 'comune',
            header: t('ambito.comune'),
            sortable: false,
            rowHeader: true,
            data: false,
            value: (c) => c.name,
            render: (c) => (
              <>
                <span translate="no">{c.name}</span>
                {c.isCapofila && <span className="badge bg-primary ms-2">{t('ambito.capofila')}</span>}
              </>
            ),
          },
          { sortable: false, key: 'istat', header: t('ambito.istat'), value: (c) => c.istatCode },
          { sortable: false, key: 'provincia', header: t('ambito.province'), value: (c) => c.provinceName },
          column.figure('popolazione', t('ambito.population'), (c) => c.population, f.count, { sortable: false }),
          column.figure('quota', t('ambito.share'), share, percentOne, { sortable: false }),
          {
            key: 'grafico',
            header: <span className="visually-hidden">{t('ambito.shareChart')}</span>,
            className: 'bar-cell',
            sortable: false,
            data: false,
            render: (c) => <span className="bar" aria-hidden="true" style={{ width: `${((c.population ?? 0) * 100) / max}%` }} />,
          },
        ]}
        footer={
          <tr>
            <th scope="row">{t('ambito.censusTotal')}</th>
            <td />
            <td />
            <td className="num fw-bold" data-testid="population-total-row">
              {f.count(populationTotal)}
            </td>
            <td className="num">{f.percent(100, 1)}</td>
            <td />
          </tr>
        }
      />
      {populationMissing > 0 && <p className="text-warning-emphasis">{t('ambito.missing', { count: f.count(populationMissing) })}</p>}
      <p className="small text-secondary">{t('ambito.censusSource')}</p>
    </>
  );
}
