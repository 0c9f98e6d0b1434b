import { Link } from 'react-router';
import type { Route } from './+types/catalogue';
import { getServices } from '../../../shared/http/request.server.ts';
import { DataTable, EmptyState, PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { POLICY_AREAS } from '../leps.vocabulary.ts';
import { getCurrentCatalogue } from '../leps.queries.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const c = await getCurrentCatalogue(db);
  return {
    catalogue: c
      ? {
          version: c.version,
          title: c.title,
          source: c.source,
          entries: c.entries.map((e) => ({
            code: e.code,
            name: e.name,
            legalReference: e.legalReference,
            fundingText: e.fundingText,
            areas: e.policyAreas.map((a) => a.code),
            priority: e.priority?.number ?? null,
          })),
        }
      : null,
  };
}

export default function Catalogue({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { catalogue } = loaderData;
  return (
    <>
      <PageHeader
        title={t('leps.catalogue.title')}
        lead={
          catalogue ? (
            <>
              <span translate="no">{catalogue.title}</span> ({t('leps.catalogue.version', { version: catalogue.version })})
            </>
          ) : undefined
        }
      />
      {!catalogue ? (
        <EmptyState title={t('leps.catalogue.notLoadedYet')} />
      ) : (
        <>
          <p className="small">
            {t('leps.source')}: <span translate="no">{catalogue.source}</span>
          </p>
          <DataTable
            id="catalogo"
            caption={t('leps.catalogue.caption', { count: catalogue.entries.length })}
            csv="catalogo-leps"
            rows={catalogue.entries}
            rowKey={(e) => e.code}
            columns={[
              {
                key: 'leps',
                header: t('leps.name'),
                value: (e) => e.name,
                rowHeader: true,
                data: false,
                render: (e) => (
                  <>
                    <Link to={`/leps/catalogo/${e.code}`} translate="no">
                      {e.name}
                    </Link>
                    {e.priority !== null && <span className="d-block small text-secondary">{t('leps.priorityN', { n: e.priority })}</span>}
                  </>
                ),
              },
              { key: 'normativa', header: t('leps.legalReference'), value: (e) => e.legalReference },
              { key: 'finanziamento', header: t('leps.funding'), value: (e) => e.fundingText },
              {
                key: 'aree',
                header: t('leps.areas'),
                value: (e) => e.areas.join(' '),
                render: (e) =>
                  e.areas.map((a) => (
                    <abbr key={a} title={POLICY_AREAS[a as keyof typeof POLICY_AREAS]} className="me-1">
                      {a}
                    </abbr>
                  )),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
