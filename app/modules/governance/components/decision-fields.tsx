import { useI18n, type FieldRows } from '../../../shared/ui/kit.ts';
import { IntentFields } from './sections.tsx';

/** Number, day, subject and text of a decision (recorded at the meeting, corrected on its page). */
export function DecisionFields({ intent, values }: { intent: string; values: { number?: string; date?: string; subject?: string; text?: string | null } }) {
  const { t } = useI18n();
  const fields: FieldRows = [
    [
      { name: 'number', label: t('gov.decision.number'), required: true, maxLength: 30, autoComplete: 'off' },
      { name: 'date', label: t('gov.decision.date'), type: 'date', required: true },
    ],
    { name: 'subject', label: t('gov.decision.subject'), required: true, maxLength: 300 },
    { name: 'text', label: t('gov.decision.text'), rows: 5 },
  ];
  return <IntentFields intent={intent} values={values} fields={fields} />;
}
