import type { Route } from './+types/calendar';
import { getServices } from '../../../shared/http/request.server.ts';
import { PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import { getPortalCalendar } from '../portal.queries.ts';
import { requirePortalAmbito } from '../portal.server.ts';
import { portalBase } from '../portal.ui.tsx';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  return { ambito, ...(await getPortalCalendar(db, ambito, new Date())) };
}

type Meeting = Route.ComponentProps['loaderData']['upcoming'][number];

/** One meeting: when, which body, where, its agenda, and its minutes when published. */
function MeetingItem({ meeting: m, code }: { meeting: Meeting; code: string }) {
  const { t, f } = useI18n();
  return (
    <li className="border rounded p-3 mb-3" data-testid="portal-meeting">
      <h3 className="h5 text-break">
        <span className="d-block small fw-normal">
          {f.date(m.day)} · {t('portal.calendar.time', { start: m.startTime, end: m.endTime })}
        </span>
        <span translate="no">{m.title}</span>
      </h3>
      <p className="mb-1">
        {t('portal.calendar.body')}: <span translate="no">{m.bodyName}</span>
      </p>
      {m.place ? (
        <p className="mb-1 text-break">
          {t('portal.calendar.place')}: <span translate="no">{m.place}</span>
        </p>
      ) : null}
      {m.agenda.length > 0 ? (
        <>
          <p className="mb-1 fw-semibold">{t('portal.calendar.agenda')}</p>
          <ol className="mb-1">
            {m.agenda.map((item, i) => (
              <li key={i} translate="no" className="text-break">
                {item}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {m.minutesApprovedAt ? (
        <p className="mb-0">
          <a href={`${portalBase(code)}/calendario/${m.id}/verbale.txt`} download>
            {t('portal.calendar.minutes')}
          </a>{' '}
          <span className="small">({t('portal.calendar.minutesApproved', { date: f.date(m.minutesApprovedAt) })})</span>
        </p>
      ) : (
        <p className="mb-0 small text-secondary">{t('portal.calendar.noMinutes')}</p>
      )}
    </li>
  );
}

export default function PortalCalendar({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('portal.calendar.title')} context={d.ambito.name} breadcrumb={[{ label: t('portal.nav.home'), to: portalBase(d.ambito.code) }]} />
      <p>{t('portal.calendar.intro')}</p>
      <p className="small">{t('portal.calendar.minutesRule')}</p>
      <Section id="prossime" title={t('portal.calendar.upcoming')}>
        {d.upcoming.length === 0 ? (
          <p>{t('portal.calendar.noUpcoming')}</p>
        ) : (
          <ul className="list-unstyled">
            {d.upcoming.map((m) => (
              <MeetingItem key={m.id} meeting={m} code={d.ambito.code} />
            ))}
          </ul>
        )}
      </Section>
      <Section id="passate" title={t('portal.calendar.past')}>
        {d.past.length === 0 ? (
          <p>{t('portal.calendar.noPast')}</p>
        ) : (
          <ul className="list-unstyled">
            {d.past.map((m) => (
              <MeetingItem key={m.id} meeting={m} code={d.ambito.code} />
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
