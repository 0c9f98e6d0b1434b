import { Link } from 'react-router';
import type { Route } from './+types/dashboard';
import { DataTable, Notice, PageHeader, rowHeaderColumn, Section, StatusBadge, useI18n, FilterForm } from '../../../shared/ui/kit.ts';
import { describeTarget, type TargetRule } from '../../monitoring/index.ts';
import { LEPS_STATUS_BADGES, type LepsEvidenceSummary } from '../leps.dashboard.ts';
import { abilitiesFor } from '../leps.policy.ts';
import { getLepsDashboard } from '../leps.queries.ts';
import { openAmbitoLeps } from '../leps.server.ts';
import { lepsReason, perWorkerSentence, thresholdSentence } from '../leps.sentences.ts';
import { YearField } from '../leps.ui.tsx';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito, year } = await openAmbitoLeps(context, request, params.code);
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
  const { t, f } = useI18n();
  const { ambito, year, plan, catalogue, rows, staffing } = loaderData;
  const s = staffing.current.assessment;
  const counts = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.summary.status]: (acc[r.summary.status] ?? 0) + 1 }), {});
  return (
    <>
      <PageHeader
        title={t('leps.dashboard.title')}
        context={`${year} – ${ambito.name}`}
        lead={
          <>
            <span translate="no">{ambito.name}</span>, {t('leps.yearN', { year })}
          </>
        }
        breadcrumb={[{ label: t('nav.home'), to: `/ambiti/${ambito.code}` }]}
      />
      <FilterForm label={t('leps.chooseYear')} submitLabel={t('leps.show')}>
        <YearField label={t('leps.year')} year={year} col="col-sm-3" />
      </FilterForm>
      <ul className="list-unstyled">
        <li>
          {t('leps.dashboard.plan', { year })}:{' '}
          {plan ? (
            <Link to={`/ambiti/${ambito.code}/piani/${plan.id}`} translate="no">
              {plan.title} ({plan.period})
            </Link>
          ) : (
            t('leps.dashboard.noPlan')
          )}
        </li>
        <li>
          {t('leps.dashboard.catalogue')}:{' '}
          {catalogue ? (
            <Link to="/leps/catalogo">
              <span translate="no">{catalogue.title}</span> ({t('leps.catalogue.version', { version: catalogue.version })})
            </Link>
          ) : (
            t('leps.catalogue.notLoaded')
          )}
        </li>
        <li>
          {t('leps.dashboard.summary')}:{' '}
          {Object.entries(counts)
            .map(([k, v]) => `${t(`leps.status.${k as LepsEvidenceSummary['status']}`)}: ${f.count(v)}`)
            .join('; ')}
        </li>
      </ul>
      <Notice>{t('leps.dashboard.measured', { measured: loaderData.measured, count: loaderData.indicatorCount, year })}</Notice>

      <Section id="servizio-sociale" title={t('leps.dashboard.social.title')}>
        {staffing.staffRecorded ? (
          <>
            <p>{s.inhabitantsPerWorker ? perWorkerSentence(t, f, s.inhabitantsPerWorker) : t('leps.staff.populationNone')}</p>
            <ul>
              <li>{thresholdSentence(t, f, s.leps)}</li>
              <li>{thresholdSentence(t, f, s.serviceObjective)}</li>
            </ul>
          </>
        ) : (
          <p>
            {t('leps.dashboard.social.none', {
              population:
                staffing.current.population === null
                  ? t('leps.dashboard.social.noPopulation')
                  : t('leps.dashboard.social.inhabitants', { n: f.count(staffing.current.population) }),
              required: s.leps.requiredFte
                ? t('leps.dashboard.social.required', { leps: f.fte(s.leps.requiredFte.value!), objective: f.fte(s.serviceObjective.requiredFte!.value!) })
                : t('leps.dashboard.social.requiredUnknown'),
            })}
          </p>
        )}
        <Link to={`/ambiti/${ambito.code}/leps/assistenti-sociali?anno=${year}`}>{t('leps.dashboard.social.link')}</Link>
      </Section>

      <DataTable
        id="leps"
        caption={t('leps.dashboard.caption', { year })}
        rows={rows}
        rowKey={(r) => r.code}
        columns={[
          // The LEPS code anchors its row (linked from the catalogue).
          rowHeaderColumn<(typeof rows)[number]>('leps', t('leps.name'), {
            value: (r) => r.name,
            render: (r) => (
              <>
                <Link to={`/leps/catalogo/${r.code}`} id={r.code} translate="no">
                  {r.name}
                </Link>
                {r.priority !== null && <span className="d-block small text-secondary">{t('leps.priorityN', { n: r.priority })}</span>}
                <span className="d-block small text-secondary" translate="no">
                  {r.legalReference}
                </span>
              </>
            ),
          }),
          {
            key: 'stato',
            header: t('leps.status'),
            data: false,
            render: (r) => (
              <>
                <StatusBadge tone={LEPS_STATUS_BADGES[r.summary.status] as 'success'}>{t(`leps.status.${r.summary.status}`)}</StatusBadge>
                <span className="d-block small mt-1">{lepsReason(t, f, r.summary, year)}</span>
              </>
            ),
          },
          {
            key: 'evidenze',
            header: t('leps.dashboard.evidence', { year }),
            data: false,
            render: (r) => <Evidence row={r} ambitoCode={ambito.code} plan={plan} />,
          },
          {
            key: 'risorse',
            header: t('leps.dashboard.budget'),
            numeric: true,
            value: (r) => r.summary.budgetCents / 100,
            render: (r) => <Budget row={r} />,
          },
        ]}
        footer={
          <tr>
            <th scope="row" colSpan={3}>
              {t('leps.dashboard.total')}
            </th>
            <td className="num fw-semibold" data-testid="leps-budget-total">
              {f.money(loaderData.budget.totalCents)}
            </td>
          </tr>
        }
      />
      <p className="small">
        {t('leps.dashboard.sharedNote')}
        {loaderData.budget.sharedCents > 0 &&
          ` ${t('leps.dashboard.sharedSum', { sum: f.money(loaderData.budget.rowsSumCents), shared: f.money(loaderData.budget.sharedCents) })}`}
      </p>
      {loaderData.canRegional && (
        <p>
          <Link to={`/regioni/${ambito.regionCode}?vista=leps&anno=${year}`}>
            {t('leps.dashboard.regional')}: <span translate="no">{ambito.regionName}</span>
          </Link>
        </p>
      )}
    </>
  );
}

type Row = Route.ComponentProps['loaderData']['rows'][number];
type Plan = Route.ComponentProps['loaderData']['plan'];

/** The plan's evidence of a LEPS for the year: the objectives that name it, their indicators' targets and latest values. */
function Evidence({ row: r, ambitoCode, plan }: { row: Row; ambitoCode: string; plan: Plan }) {
  const { t } = useI18n();
  return (
    <>
      {r.namedNotLinked.length > 0 && plan && (
        <p className="small mb-2">
          {t(r.namedNotLinked.length === 1 ? 'leps.dashboard.namedOne' : 'leps.dashboard.namedMany')}{' '}
          {r.namedNotLinked.map((o, i) => (
            <span key={o.id} translate="no">
              {i > 0 && ', '}
              <Link to={`/ambiti/${ambitoCode}/piani/${plan.id}/obiettivi/${o.id}`}>{`${o.code} – ${o.title}`}</Link>
            </span>
          ))}{' '}
          {t(r.namedNotLinked.length === 1 ? 'leps.dashboard.notLinkedOne' : 'leps.dashboard.notLinkedMany')}
        </p>
      )}
      {r.objectives.length === 0 ? (
        <span className="text-secondary">—</span>
      ) : (
        r.objectives.map((o) => (
          <div key={o.id} className="mb-2">
            <Link to={`/ambiti/${ambitoCode}/piani/${plan!.id}/obiettivi/${o.id}`} translate="no">{`${o.code} – ${o.title}`}</Link>
            {o.indicators.some((i) => i.targets.length > 0) && (
              <ul className="small mb-0">
                {o.indicators
                  .filter((i) => i.targets.length > 0)
                  .map((i) => (
                    <li key={i.code}>
                      <span translate="no">
                        {i.code} {i.label}: {i.targets.map((x) => `${x.year ?? t('leps.wholePeriod')} ${x.rule}`).join('; ')}
                      </span>
                      {i.latest && (
                        <span className="d-block">
                          {t('leps.dashboard.latest', { period: i.latest.periodLabel ?? '' })}: <span translate="no">{i.latest.display}</span>
                          {i.latest.reason ? <span translate="no">{` — ${i.latest.reason}`}</span> : ''}
                        </span>
                      )}
                    </li>
                  ))}
              </ul>
            )}
          </div>
        ))
      )}
    </>
  );
}

/** The resources on a LEPS's objectives, their funds, the funding the catalogue prints and what is shared with other LEPS. */
function Budget({ row: r }: { row: Row }) {
  const { t, f } = useI18n();
  return (
    <>
      {r.summary.budgetCents > 0 ? f.money(r.summary.budgetCents) : '—'}
      {r.objectives.flatMap((o) => o.funds).length > 0 && (
        <span className="d-block small text-secondary" translate="no">
          {[...new Set(r.objectives.flatMap((o) => o.funds.map((x) => x.label)))].join(', ')}
        </span>
      )}
      <span className="d-block small text-secondary">
        {t('leps.dashboard.cataloguedFunding')}: <span translate="no">{r.fundingText}</span>
      </span>
      {r.budgetShared && (
        <span className="d-block small">
          {t('leps.dashboard.shared', {
            amount: f.money(r.budgetShared.cents),
            objectives: r.budgetShared.objectives.join(', '),
            leps: r.budgetShared.leps.join(', '),
          })}
        </span>
      )}
    </>
  );
}
