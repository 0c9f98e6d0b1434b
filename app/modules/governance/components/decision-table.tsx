import { useI18n, type TFunction } from '../../../shared/ui/kit.ts';
import { RecordTable, useRecordColumns } from './record-table.tsx';

/** «approvata», «respinta» or «esito non calcolabile». */
export const outcomeLabel = (t: TFunction, approved: boolean | null) =>
  approved === null ? t('gov.decision.notComputable') : approved ? t('gov.decision.approved') : t('gov.decision.rejected');

/** A body's decisions: number, day, subject (a link to the decision) and outcome. */
export function DecisionTable({
  id,
  caption,
  decisions,
  ambitoCode,
  emptyText,
}: {
  id: string;
  emptyText?: string;
  caption: string;
  decisions: readonly { id: string; number: string; date: string; subject: string; approved: boolean | null }[];
  ambitoCode: string;
}) {
  const { t, f } = useI18n();
  const c = useRecordColumns(decisions);
  return (
    <RecordTable
      id={id}
      caption={caption}
      rows={decisions}
      empty={emptyText ?? t('gov.decisions.none')}
      columns={[
        { key: 'numero', header: t('gov.decision.number'), value: (x) => x.number },
        { key: 'data', header: t('gov.decision.date'), data: false, value: (x) => x.date, render: (x) => f.date(x.date) },
        c.name('oggetto', t('gov.decision.subject'), (x) => x.subject, { to: (x) => `/ambiti/${ambitoCode}/decisioni/${x.id}` }),
        { key: 'esito', header: t('gov.decision.outcome'), data: false, value: (x) => outcomeLabel(t, x.approved) },
      ]}
    />
  );
}
