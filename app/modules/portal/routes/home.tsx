import { Link } from 'react-router';
import type { Route } from './+types/home';
import { getServices } from '../../../shared/http/request.server.ts';
import { DataTable, EmptyState, Facts, KpiGrid, PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import { getPortalHome } from '../portal.queries.ts';
import { portalPlanOf, requirePortalAmbito } from '../portal.server.ts';
import { portalBase, ProgressText, ResultText } from '../portal.ui.tsx';
import { PlanDocuments, PlanStatusWords } from '../portal.plan-ui.tsx';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  const { today, choice } = await portalPlanOf(db, ambito, null);
  return getPortalHome(db, ambito, choice?.plan ?? null, today, new Date());
}

export default function PortalHome({ loaderData: d }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const base = portalBase(d.ambito.code);
  const plan = d.plan;
  const capofila = d.comuni.find((c) => c.isCapofila) ?? null;
  return (
    <>
      <PageHeader
        title={d.ambito.name}
        titleIsData
        lead={
          <>
            {t('portal.home.lead')} · {t('portal.home.region')} <span translate="no">{d.ambito.regionName}</span>
          </>
        }
      />
      <p>{t('portal.home.intro')}</p>

      <KpiGrid
        label={t('portal.home.keyFigures')}
        items={[
          { label: t('portal.home.comuni'), value: f.count(d.comuni.length), testId: 'portal-comuni' },
          {
            label: d.population?.referenceDate
              ? t('portal.home.inhabitantsAt', { date: f.date(d.population.referenceDate) })
              : t('portal.home.inhabitantsIn', { year: String(d.population?.year ?? '') }),
            value: f.count(d.population?.total ?? null),
            hint: d.population ? (
              <>
                {t('portal.home.source')} <span translate="no">{d.population.source}</span>
              </>
            ) : undefined,
            testId: 'portal-population',
          },
          ...(plan
            ? [
                { label: t('portal.home.objectives'), value: f.count(plan.objectives), testId: 'portal-objectives' },
                { label: t('portal.home.budget'), value: f.money(plan.budgetCents), hint: t('portal.home.budgetHint'), testId: 'portal-budget' },
              ]
            : []),
        ]}
      />

      <Section id="piano" title={t('portal.home.plan')}>
        {plan ? (
          <>
            <p className="h5">
              <Link to={`${base}/piano`} translate="no">
                {plan.title}
              </Link>
            </p>
            <Facts
              items={[
                { term: t('portal.plan.period'), value: f.years(plan.periodStartYear, plan.periodEndYear) },
                { term: t('portal.plan.status'), value: <PlanStatusWords status={plan.status} />, testId: 'portal-plan-status' },
                { term: t('portal.plan.adoptedOn'), value: f.date(plan.adoptionDate) },
                { term: t('portal.plan.progress'), value: <ProgressText progress={plan.progress} of="objectives" /> },
              ]}
            />
            {plan.adoptionAct ? (
              <p className="text-break">
                <span className="fw-semibold">{t('portal.plan.adoptionAct')}:</span> <span translate="no">{plan.adoptionAct}</span>
              </p>
            ) : null}
            <PlanDocuments documents={plan.documents} />
          </>
        ) : (
          <EmptyState title={t('portal.plan.none')}>{t('portal.plan.noneText')}</EmptyState>
        )}
      </Section>

      <Section id="novita" title={t('portal.home.news')}>
        <div className="row g-4">
          <div className="col-12 col-lg-4">
            <h3 className="h5">{t('portal.home.nextMeetings')}</h3>
            {d.meetings.length === 0 ? (
              <p>{t('portal.home.noMeetings')}</p>
            ) : (
              <ul className="list-unstyled">
                {d.meetings.map((m) => (
                  <li key={m.id} className="mb-2">
                    <span className="fw-semibold">
                      {f.date(m.day)} · {m.startTime}
                    </span>{' '}
                    <span translate="no" className="d-block text-break">
                      {m.bodyName}: {m.title}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <Link to={`${base}/calendario`}>{t('portal.home.allMeetings')}</Link>
          </div>
          <div className="col-12 col-lg-4">
            <h3 className="h5">{t('portal.home.openCalls')}</h3>
            {d.calls.length === 0 && d.questionnaires.length === 0 ? (
              <p>{t('portal.home.noCalls')}</p>
            ) : (
              <ul className="list-unstyled">
                {d.calls.map((c) => (
                  <li key={c.id} className="mb-2">
                    <Link to={`/ambiti/${encodeURIComponent(d.ambito.code)}/avviso/${c.id}`} translate="no">
                      {c.title}
                    </Link>
                    <span className="d-block small">{t('portal.calls.until', { date: f.date(c.closesOn) })}</span>
                  </li>
                ))}
                {d.questionnaires.map((q) => (
                  <li key={q.id} className="mb-2">
                    <Link to={`/ambiti/${encodeURIComponent(d.ambito.code)}/questionario/${q.token}`} translate="no">
                      {q.title}
                    </Link>
                    <span className="d-block small">{t('portal.questionnaires.kind')}</span>
                  </li>
                ))}
              </ul>
            )}
            <Link to={`${base}/partecipa`}>{t('portal.home.allParticipation')}</Link>
          </div>
          <div className="col-12 col-lg-4">
            <h3 className="h5">{t('portal.home.latestResults')}</h3>
            {!plan || plan.latest.length === 0 ? (
              <p>{t('portal.home.noResults')}</p>
            ) : (
              <ul className="list-unstyled">
                {plan.latest.map((r) => (
                  <li key={r.indicatorId} className="mb-2">
                    <Link to={`${base}/piano/obiettivi/${encodeURIComponent(r.objectiveCode)}`}>{t('portal.objective.short', { code: r.objectiveCode })}</Link>
                    <ResultText result={r} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </Section>

      <Section id="comuni" title={t('portal.home.comuniTitle')}>
        {capofila ? (
          <p>
            {t('portal.home.capofila')}: <span translate="no">{capofila.name}</span>
          </p>
        ) : null}
        <DataTable
          id="elenco-comuni"
          caption={t('portal.home.comuniCaption', { count: f.count(d.comuni.length) })}
          rows={d.comuni}
          rowKey={(c) => c.id}
          small
          columns={[
            { key: 'comune', header: t('portal.home.comune'), value: (c) => c.name, rowHeader: true },
            { key: 'provincia', header: t('portal.home.province'), value: (c) => c.provinceName },
            { key: 'istat', header: t('portal.home.istat'), value: (c) => c.istatCode },
          ]}
        />
        <p className="small">
          <Link to={`/ambiti/${encodeURIComponent(d.ambito.code)}/territorio`}>{t('portal.home.territoryLink')}</Link>
        </p>
      </Section>
    </>
  );
}
