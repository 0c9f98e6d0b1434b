import { Link } from 'react-router';
import type { Route } from './+types/services';
import { getServices } from '../../../shared/http/request.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { PRIVACY_THRESHOLD, publishCount } from '../../../shared/privacy/suppress.ts';
import { DataTable, EmptyState, PageHeader, useI18n, type Column } from '../../../shared/ui/kit.ts';
import { listPublicServices } from '../../services/index.server.ts';
import { requirePortalAmbito } from '../portal.server.ts';
import { portalBase } from '../portal.ui.tsx';

/** The Ambito's services by area (services module); the users are published through publishCount, never raw. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  const areas = await listPublicServices(db, ambito.id);
  return {
    ambito,
    areas: areas.map((a) => ({
      code: a.code,
      name: a.name,
      services: a.services.map(({ users, ...s }) => ({ ...s, users: publishCount(users) })),
    })),
  };
}

type Service = Route.ComponentProps['loaderData']['areas'][number]['services'][number];

export default function PortalServices({ loaderData: d }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const columns: Column<Service>[] = [
    { key: 'servizio', header: t('portal.services.service'), value: (s) => s.name, rowHeader: true },
    { key: 'tipo', header: t('portal.services.type'), value: (s) => (s.typeName ? `${s.typeCode} – ${s.typeName}` : s.typeCode) },
    { key: 'destinatari', header: t('portal.services.target'), value: (s) => s.targetGroup },
    {
      key: 'gestione',
      header: t('portal.services.management'),
      data: false,
      value: (s) => s.management,
      render: (s) => (
        <>
          {t(`portal.services.m.${s.management}` as MessageKey)}
          {s.comuneName ? (
            <>
              {' '}
              (<span translate="no">{s.comuneName}</span>)
            </>
          ) : null}
        </>
      ),
    },
    { key: 'erogatore', header: t('portal.services.provider'), value: (s) => s.providerName },
    { key: 'accesso', header: t('portal.services.access'), value: (s) => s.accessPoint ?? '' },
    {
      key: 'leps',
      header: t('portal.services.leps'),
      data: false,
      sortable: false,
      value: (s) => s.leps.map((l) => l.code).join(' '),
      render: (s) =>
        s.leps.length === 0 ? (
          '—'
        ) : (
          <ul className="list-unstyled mb-0">
            {s.leps.map((l) => (
              <li key={l.code}>
                <Link to={`/leps/catalogo/${encodeURIComponent(l.code)}`} translate="no">
                  {l.name}
                </Link>
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'utenti',
      header: t('portal.services.users'),
      data: false,
      numeric: true,
      value: (s) => s.users.value,
      render: (s) =>
        s.usersYear === null || (s.users.value === null && !s.users.suppressed)
          ? '—'
          : t('portal.services.usersOf', {
              users: s.users.suppressed ? t('portal.count.suppressed', { threshold: f.count(PRIVACY_THRESHOLD) }) : f.count(s.users.value),
              year: s.usersYear,
            }),
    },
  ];
  return (
    <>
      <PageHeader title={t('portal.services.title')} context={d.ambito.name} breadcrumb={[{ label: t('portal.nav.home'), to: portalBase(d.ambito.code) }]} />
      <p>{t('portal.services.intro')}</p>
      {d.areas.length === 0 ? <EmptyState title={t('portal.services.none')}>{t('portal.services.noneText')}</EmptyState> : null}
      {d.areas.map((a) => (
        <section key={a.code} id={`area-${a.code.toLowerCase()}`} aria-labelledby={`area-${a.code.toLowerCase()}-title`} className="my-4">
          <h2 id={`area-${a.code.toLowerCase()}-title`} className="h3" translate="no">
            {a.name}
          </h2>
          <p className="small">{t('portal.services.count', { count: f.count(a.services.length) })}</p>
          <DataTable
            id={`servizi-${a.code.toLowerCase()}`}
            caption={t('portal.services.caption', { area: a.name })}
            rows={a.services}
            rowKey={(s) => s.code}
            columns={columns}
            csv={`servizi-${a.code.toLowerCase()}`}
            small
          />
        </section>
      ))}
      <p>
        <Link to="/servizi/nomenclatore">{t('portal.services.nomenclature')}</Link>
      </p>
    </>
  );
}
