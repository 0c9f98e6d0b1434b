// The portal's parts about a plan: its status in plain words, its documents (or «Documento in preparazione») and its
// resources by fund or area.
import type { ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { DataTable, moneyColumn, useI18n } from '../../shared/ui/kit.ts';

const STATUSES = ['adopted', 'transmitted', 'implementation', 'closed'];

/** The status of a public plan in plain words (adopted, transmitted to the Region, under way, concluded). */
export function PlanStatusWords({ status }: { status: string }) {
  const { t } = useI18n();
  return <>{STATUSES.includes(status) ? t(`portal.planStatus.${status}` as MessageKey) : t('portal.planStatus.other')}</>;
}

export interface PlanDocumentLink {
  format: 'pdf' | 'docx';
  href: string;
  bytes: number;
  sha256: string;
  createdAt: string;
}

/** The documents of the adopted plan (PDF, Word) with their size and fingerprint, or «Documento in preparazione». */
export function PlanDocuments({ documents }: { documents: readonly PlanDocumentLink[] }) {
  const { t, f } = useI18n();
  if (documents.length === 0)
    return (
      <p data-testid="portal-plan-documents">
        <span className="fw-semibold">{t('portal.documents.title')}:</span> {t('portal.documents.preparing')}
      </p>
    );
  return (
    <div data-testid="portal-plan-documents">
      <p className="fw-semibold mb-1">{t('portal.documents.title')}</p>
      <ul>
        {documents.map((d) => (
          <li key={d.format} className="text-break">
            <a href={d.href} download>
              {t(d.format === 'pdf' ? 'portal.documents.pdf' : 'portal.documents.docx')}
            </a>{' '}
            <span className="small">
              ({f.fileSize(d.bytes)}, {t('portal.documents.of', { date: f.date(d.createdAt) })})
            </span>
            <span className="d-block small text-secondary">
              {t('portal.documents.sha256')}: <code>{d.sha256}</code>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Resources by fund or by area: the fund or area names the row, the amount in euro; offered as CSV named after `id`. */
export function AmountTable<R extends { cents: number }>({
  id,
  caption,
  by,
  rows,
  rowKey,
  name,
  empty,
  footer,
}: {
  id: string;
  caption: ReactNode;
  by: 'fund' | 'area';
  rows: readonly R[];
  rowKey: (r: R) => string;
  name: (r: R) => string;
  empty?: ReactNode;
  footer?: ReactNode;
}) {
  const { t, f } = useI18n();
  return (
    <DataTable
      id={id}
      caption={caption}
      rows={rows}
      rowKey={rowKey}
      csv={id}
      small
      empty={empty}
      columns={[
        { key: by, header: by === 'fund' ? t('portal.spending.fund') : t('portal.plan.area'), value: name, rowHeader: true },
        moneyColumn<R>('amount', t('portal.plan.amount'), (r) => r.cents, f.money),
      ]}
      footer={footer}
    />
  );
}
