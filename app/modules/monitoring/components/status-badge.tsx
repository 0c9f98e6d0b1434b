import type { TargetStatus } from '../targets.rules.ts';
import { TARGET_STATUS_LABELS } from '../targets.rules.ts';

const CLASSES: Record<TargetStatus, string> = {
  raggiunto: 'badge bg-success',
  non_raggiunto: 'badge bg-danger',
  in_corso: 'badge bg-primary',
  baseline: 'badge bg-secondary',
  dati_mancanti: 'badge bg-white text-dark border border-2 border-warning',
};

/** A target status as a coloured label; the words are always there (colour is never the only cue). */
export function StatusBadge({ status }: { status: TargetStatus }) {
  return (
    <span className={CLASSES[status]} data-status={status}>
      {TARGET_STATUS_LABELS[status]}
    </span>
  );
}

/** The problems of a refused import or form, each with where it is (file, row, column or field) and what. */
export { IssuesAlert } from '../../../shared/ui/forms.tsx';
