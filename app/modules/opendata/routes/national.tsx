import type { Route } from './+types/national';
import { getActor, getServices, guard, siteBase } from '../../../shared/http/request.server.ts';
import { DataTable, EmptyState, linkColumn, PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import { authorize } from '../opendata.policy.ts';
import { CatalogueSection, PrivacyNotice } from '../opendata.ui.tsx';
import { nationalView } from '../opendata.views.server.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  await guard(request, async () => authorize(getActor(context), 'opendata.read', null));
  return nationalView(getServices(context).db, siteBase(context, request));
}

export default function OpendataHome({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { ambiti, catalogue } = loaderData;
  type Row = (typeof ambiti)[number];
  return (
    <>
      <PageHeader title={t('od.home.title')} lead={t('od.home.lead')} />
      <PrivacyNotice />
      <Section id="ambiti" title={t('od.home.ambiti')}>
        <DataTable<Row>
          id="ambiti-che-pubblicano"
          caption={t('od.home.ambiti')}
          rows={ambiti}
          rowKey={(r) => r.code}
          empty={<EmptyState title={t('od.home.none')}>{t('od.home.none.hint')}</EmptyState>}
          columns={[
            linkColumn<Row>('ambito', t('od.home.col.ambito'), (r) => ({ text: r.name, to: `/dati/${r.code}` })),
            { key: 'regione', header: t('od.home.col.region'), value: (r) => r.regionName },
            { key: 'editore', header: t('od.home.col.publisher'), value: (r) => r.publisherName },
            { key: 'ipa', header: t('od.home.col.ipa'), value: (r) => r.publisherIpaCode, render: (r) => <code translate="no">{r.publisherIpaCode}</code> },
            {
              key: 'catalogo',
              header: t('od.home.col.catalogue'),
              data: false,
              sortable: false,
              render: (r) => (
                <span className="d-flex flex-wrap gap-2">
                  <a href={r.jsonld} type="application/ld+json">
                    {t('od.link.jsonldShort')}
                    <span className="visually-hidden" translate="no">{` ${r.name}`}</span>
                  </a>
                  <a href={r.ttl} type="text/turtle">
                    {t('od.link.ttlShort')}
                    <span className="visually-hidden" translate="no">{` ${r.name}`}</span>
                  </a>
                </span>
              ),
            },
          ]}
        />
      </Section>
      <CatalogueSection title={t('od.home.catalogue')} lead={t('od.home.catalogue.text')} catalogue={catalogue} />
    </>
  );
}
