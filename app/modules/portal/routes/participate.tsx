import { Link } from 'react-router';
import type { Route } from './+types/participate';
import { getServices } from '../../../shared/http/request.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { PageHeader, Section, StatusBadge, useI18n } from '../../../shared/ui/kit.ts';
import { todayInRome } from '../../monitoring/index.server.ts';
import { getPortalParticipation } from '../portal.queries.ts';
import { requirePortalAmbito } from '../portal.server.ts';
import { portalBase } from '../portal.ui.tsx';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  return { ambito, ...(await getPortalParticipation(db, ambito, todayInRome())) };
}

export default function PortalParticipate({ loaderData: d }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const code = encodeURIComponent(d.ambito.code);
  const callState = (s: string) => (
    <StatusBadge tone={s === 'aperto' ? 'success' : s === 'programmato' ? 'primary' : 'secondary'}>{t(`portal.calls.state.${s}` as MessageKey)}</StatusBadge>
  );
  return (
    <>
      <PageHeader title={t('portal.participate.title')} context={d.ambito.name} breadcrumb={[{ label: t('portal.nav.home'), to: portalBase(d.ambito.code) }]} />
      <p>{t('portal.participate.intro')}</p>
      <Section id="avvisi" title={t('portal.calls.title')} lead={t('portal.calls.lead')}>
        {d.calls.length === 0 ? (
          <p data-testid="portal-no-calls">{t('portal.calls.none')}</p>
        ) : (
          <ul className="list-unstyled">
            {d.calls.map((c) => (
              <li key={c.id} className="border rounded p-3 mb-3" data-testid="portal-call">
                <h3 className="h5 text-break">
                  <Link to={`/ambiti/${code}/avviso/${c.id}`} translate="no">
                    {c.title}
                  </Link>
                </h3>
                <p className="mb-0">
                  {callState(c.state)} {t('portal.calls.dates', { from: f.date(c.opensOn), to: f.date(c.closesOn) })} ·{' '}
                  {t('portal.calls.period', { period: f.years(c.periodStartYear, c.periodEndYear) })}
                </p>
              </li>
            ))}
          </ul>
        )}
        {d.closedCalls.length > 0 ? (
          <>
            <h3 className="h5">{t('portal.calls.closed')}</h3>
            <ul>
              {d.closedCalls.map((c) => (
                <li key={c.id}>
                  <Link to={`/ambiti/${code}/avviso/${c.id}`} translate="no">
                    {c.title}
                  </Link>{' '}
                  <span className="small">{t('portal.calls.dates', { from: f.date(c.opensOn), to: f.date(c.closesOn) })}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      <Section id="questionari" title={t('portal.questionnaires.title')} lead={t('portal.questionnaires.lead')}>
        {d.questionnaires.length === 0 ? (
          <p>{t('portal.questionnaires.none')}</p>
        ) : (
          <ul className="list-unstyled">
            {d.questionnaires.map((q) => (
              <li key={q.id} className="border rounded p-3 mb-3">
                <h3 className="h5 text-break">
                  {q.window === 'open' ? (
                    <Link to={`/ambiti/${code}/questionario/${q.token}`} translate="no">
                      {q.title}
                    </Link>
                  ) : (
                    <span translate="no">{q.title}</span>
                  )}
                </h3>
                <p className="mb-0">
                  {q.window === 'open'
                    ? q.closesOn
                      ? t('portal.questionnaires.openUntil', { date: f.date(q.closesOn) })
                      : t('portal.questionnaires.open')
                    : t('portal.questionnaires.opensOn', { date: f.date(q.opensOn) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
