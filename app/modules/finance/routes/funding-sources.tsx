import { Link } from 'react-router';
import type { Route } from './+types/funding-sources';
import { getActor, getServices } from '../../../shared/http/request.server.ts';
import { DataTable, PageHeader, useI18n, columnsOf } from '../../../shared/ui/kit.ts';
import { can } from '../finance.policy.ts';
import { listFundingSourceRows } from '../catalogue.queries.ts';

/** The installation's catalogue of funding sources and channels (public; administrators edit it). */
export async function loader({ context }: Route.LoaderArgs) {
  const rows = await listFundingSourceRows(getServices(context).db);
  return {
    canEdit: can(getActor(context), 'catalogue.edit', null),
    rows: rows.map((r) => ({
      code: r.code,
      name: r.name,
      shortName: r.shortName,
      kind: r.kind,
      parentCode: r.parentCode,
      legalBasis: r.legalBasis,
      activeFrom: r.activeFrom,
      activeTo: r.activeTo,
    })),
  };
}

export default function FundingSources({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { rows, canEdit } = loaderData;
  const col = columnsOf(rows);
  return (
    <>
      <PageHeader title={t('finance.sources.title')} lead={t('finance.sources.lead')} />
      <DataTable
        id="fonti"
        caption={t('finance.sources.caption', { count: f.count(rows.length) })}
        csv="fonti-di-finanziamento"
        small
        rows={rows}
        rowKey={(r) => r.code}
        columns={[
          {
            key: 'codice',
            header: t('finance.sources.code'),
            value: (r) => r.code,
            render: (r) => (canEdit ? <Link to={`/fonti-di-finanziamento/${r.code}`}>{r.code}</Link> : r.code),
            rowHeader: true,
          },
          col.name(
            'nome',
            t('finance.sources.name'),
            (r) => r.name,
            (r) => (r.parentCode ? t('finance.sources.partOf', { code: r.parentCode }) : null),
          ),
          { key: 'tipo', header: t('finance.sources.kind'), value: (r) => r.kind },
          { key: 'base', header: t('finance.sources.legalBasis'), value: (r) => r.legalBasis ?? '—', className: 'small' },
          { key: 'dal', header: t('finance.sources.activeFrom'), value: (r) => r.activeFrom, render: (r) => f.date(r.activeFrom), data: false },
          { key: 'al', header: t('finance.sources.activeTo'), value: (r) => r.activeTo, render: (r) => f.date(r.activeTo), data: false },
        ]}
      />
    </>
  );
}
