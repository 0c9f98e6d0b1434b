import { useI18n } from '../../../shared/ui/i18n.tsx';
import type { TargetStatus } from '../targets.rules.ts';
import { statusKey } from './value-text.ts';

const CLASSES: Record<TargetStatus, string> = {
  raggiunto: 'badge bg-success',
  non_raggiunto: 'badge bg-danger',
  in_corso: 'badge bg-primary',
  baseline: 'badge bg-secondary',
  dati_mancanti: 'badge bg-white text-dark border border-2 border-warning',
};

/** A target status as a coloured label; the words are always there (colour is never the only cue). */
export function StatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useI18n();
  return (
    <span className={CLASSES[status]} data-status={status}>
      {t(statusKey(status))}
    </span>
  );
}
