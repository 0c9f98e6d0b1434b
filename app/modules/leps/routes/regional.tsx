import type { ReactNode } from 'react';
import { data, Link } from 'react-router';
import type { Route } from './+types/regional';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DataTable, PageHeader, StatusBadge, useI18n, type Column, FilterForm } from '../../../shared/ui/kit.ts';
import { LEPS_STATUS_BADGES, parseRegionalSort, REGIONAL_SORT_VALUE, sortRegionalRows, type RegionalRow, type RegionalSortKey } from '../leps.dashboard.ts';
import { authorize } from '../leps.policy.ts';
import { getRegion, getRegionalLepsRows } from '../leps.queries.ts';
import { yearFromUrl } from '../leps.server.ts';
import { YearField } from '../leps.ui.tsx';

const TABLE = 'regione';
type Row = RegionalRow;

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const region = await getRegion(db, params.regionCode);
  if (!region) throw data(tr('leps.regional.notFound'), { status: 404 });
  await guard(request, async () => authorize(getActor(context), 'leps.regional', { regionCode: region.code }));
  const url = new URL(request.url);
  const year = yearFromUrl(request);
  // The table's own sort parameters; the rows are sorted here by the regional rule (missing values last, ties by name).
  const sort = parseRegionalSort(url.searchParams.get(`${TABLE}-ordina`), url.searchParams.get(`${TABLE}-verso`) === 'disc' ? 'desc' : 'asc');
  const rows = sortRegionalRows(await getRegionalLepsRows(db, region.code, year), sort.key, sort.direction);
  return { region, year, sort, rows };
}

export default function RegionalLeps({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { region, year, sort, rows } = loaderData;
  const gap = (fte: number | null, n: number | null) => (fte === null ? '—' : t('leps.regional.gap', { fte: f.fte(fte), n: n ?? 0 }));
  const sorted = (key: RegionalSortKey, render: (r: Row) => ReactNode, className?: string): Column<Row> => ({
    key,
    header: t(`leps.sort.${key}`),
    numeric: key !== 'ambito',
    value: REGIONAL_SORT_VALUE[key],
    render,
    className,
  });
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
      <FilterForm
        label={t('leps.chooseYear')}
        submitLabel={t('leps.show')}
        hidden={{ [`${TABLE}-ordina`]: sort.key, [`${TABLE}-verso`]: sort.direction === 'desc' ? 'disc' : 'asc' }}
        actions={
          <div className="col-auto ms-auto">
            <a className="btn btn-primary" href={`/leps/regione/${region.code}/esporta.csv?anno=${year}&ordina=${sort.key}&verso=${sort.direction}`} download>
              {t('leps.regional.export')}
            </a>
          </div>
        }
      >
        <YearField label={t('leps.year')} year={year} col="col-sm-3" />
      </FilterForm>
      {/* Sorted on the server too (the table's sort parameters), in the same order as the CSV export next to it. */}
      <DataTable
        id={TABLE}
        caption={t('leps.regional.caption', { year })}
        rows={rows}
        rowKey={(r) => r.ambitoCode}
        columns={[
          {
            ...sorted('ambito', (r) => (
              <>
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
              </>
            )),
            rowHeader: true,
            data: false,
          },
          sorted('popolazione', (r) => (
            <>
              {r.population === null ? '—' : f.count(r.population)}
              {r.populationYear !== null && <span className="d-block small text-secondary">{t('leps.regional.dataYear', { year: r.populationYear })}</span>}
            </>
          )),
          sorted('etp', (r) => (r.fte === null ? t('leps.regional.notRecorded') : f.fte(r.fte))),
          sorted('abitanti_per_etp', (r) => (r.inhabitantsPerWorker === null ? '—' : f.numberUpTo(r.inhabitantsPerWorker, 1))),
          {
            key: 'servizio-sociale',
            header: t('leps.regional.socialService'),
            data: false,
            render: (r) => (
              <>
                <StatusBadge tone={LEPS_STATUS_BADGES[r.lepsStatus] as 'success'}>{t(`leps.status.${r.lepsStatus}`)}</StatusBadge>
                {r.requiredLepsFte !== null && (
                  <span className="d-block small">
                    {t('leps.regional.required', { leps: f.fte(r.requiredLepsFte), objective: f.fte(r.requiredObjectiveFte!) })}
                  </span>
                )}
              </>
            ),
          },
          sorted('gap_leps', (r) => gap(r.gapLepsFte, r.toHireLeps)),
          sorted('gap_obiettivo', (r) => gap(r.gapObjectiveFte, r.toHireObjective)),
          sorted('leps_programmati', (r) => t('leps.regional.of', { n: r.programmedLeps, of: r.catalogueSize })),
          sorted('prioritari', (r) => t('leps.regional.of', { n: r.priorityWithTargets, of: r.prioritySize })),
          sorted('risorse', (r) => f.money(r.lepsBudgetCents)),
        ]}
      />
      <p className="small">{t('leps.regional.note')}</p>
    </>
  );
}
