import { Link } from 'react-router';
import type { Route } from './+types/dashboard';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { Notice, PageHeader, Section, StatusBadge, useI18n, type TFunction } from '../../../shared/ui/kit.ts';
import { describeTarget, type TargetRule } from '../../monitoring/index.ts';
import { LEPS_STATUS_BADGES, SOCIAL_SERVICE_LEPS_CODE, type LepsEvidenceSummary } from '../leps.dashboard.ts';
import { abilitiesFor, authorize } from '../leps.policy.ts';
import { getLepsDashboard } from '../leps.queries.ts';
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

/** Why a LEPS has its status, from the rule's counts (the social-worker sentence is the rule's own, with its figures). */
function reasonOf(t: TFunction, code: string, s: LepsEvidenceSummary, year: number) {
  if (code === SOCIAL_SERVICE_LEPS_CODE && (s.status === 'raggiunto' || s.status === 'non_raggiunto' || s.status === 'dati_mancanti'))
    return <span translate="no">{s.reason}</span>;
  if (s.status === 'non_programmato') return t('leps.reason.none');
  const objectives = t(s.objectives === 1 ? 'leps.reason.objectiveOne' : 'leps.reason.objectiveMany', { n: s.objectives });
  if (s.status === 'programmato_senza_target') return t('leps.reason.noTarget', { objectives, year });
  return t(s.indicatorsWithTarget === 1 ? 'leps.reason.targetOne' : 'leps.reason.targetMany', { objectives, n: s.indicatorsWithTarget, year });
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
      <form method="get" className="d-flex flex-wrap align-items-end gap-2 mb-4" aria-label={t('leps.chooseYear')}>
        <div>
          <label htmlFor="anno" className="form-label fw-semibold">
            {t('leps.year')}
          </label>
          <input id="anno" name="anno" type="number" min={2000} max={2100} defaultValue={year} className="form-control" />
        </div>
        <button type="submit" className="btn btn-outline-primary">
          {t('leps.show')}
        </button>
      </form>
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
          // The rule's sentences: the computation with its figures, in the words of the law.
          <div translate="no">
            <p>{s.inhabitantsPerWorker?.formula ?? t('leps.staff.populationNone')}</p>
            <ul>
              <li>{s.leps.message}</li>
              <li>{s.serviceObjective.message}</li>
            </ul>
          </div>
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

      {/*
        Hand-written rather than a DataTable: every row is the anchor of its LEPS (tr id = LEPS code, linked from the
        catalogue and the tests) and its cells hold lists of objectives and indicators, not single values.
      */}
      <div className="table-responsive" role="region" aria-labelledby="leps-caption" tabIndex={0}>
        <table className="table">
          <caption id="leps-caption">{t('leps.dashboard.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('leps.name')}</th>
              <th scope="col">{t('leps.status')}</th>
              <th scope="col">{t('leps.dashboard.evidence', { year })}</th>
              <th scope="col" className="num">
                {t('leps.dashboard.budget')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} id={r.code}>
                <th scope="row">
                  <Link to={`/leps/catalogo/${r.code}`} translate="no">
                    {r.name}
                  </Link>
                  {r.priority !== null && <span className="d-block small text-secondary">{t('leps.priorityN', { n: r.priority })}</span>}
                  <span className="d-block small text-secondary" translate="no">
                    {r.legalReference}
                  </span>
                </th>
                <td>
                  <StatusBadge tone={LEPS_STATUS_BADGES[r.summary.status] as 'success'}>{t(`leps.status.${r.summary.status}`)}</StatusBadge>
                  <span className="d-block small mt-1">{reasonOf(t, r.code, r.summary, year)}</span>
                </td>
                <td>
                  {r.namedNotLinked.length > 0 && plan && (
                    <p className="small mb-2">
                      {t(r.namedNotLinked.length === 1 ? 'leps.dashboard.namedOne' : 'leps.dashboard.namedMany')}{' '}
                      {r.namedNotLinked.map((o, i) => (
                        <span key={o.id} translate="no">
                          {i > 0 && ', '}
                          <Link to={`/ambiti/${ambito.code}/piani/${plan.id}/obiettivi/${o.id}`}>{`${o.code} – ${o.title}`}</Link>
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
                        <Link to={`/ambiti/${ambito.code}/piani/${plan!.id}/obiettivi/${o.id}`} translate="no">{`${o.code} – ${o.title}`}</Link>
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
                </td>
                <td className="num">
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
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('leps.dashboard.total')}
              </th>
              <td className="num fw-semibold" data-testid="leps-budget-total">
                {f.money(loaderData.budget.totalCents)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="small">
        {t('leps.dashboard.sharedNote')}
        {loaderData.budget.sharedCents > 0 &&
          ` ${t('leps.dashboard.sharedSum', { sum: f.money(loaderData.budget.rowsSumCents), shared: f.money(loaderData.budget.sharedCents) })}`}
      </p>
      {loaderData.canRegional && (
        <p>
          <Link to={`/leps/regione/${ambito.regionCode}?anno=${year}`}>
            {t('leps.dashboard.regional')}: <span translate="no">{ambito.regionName}</span>
          </Link>
        </p>
      )}
    </>
  );
}
