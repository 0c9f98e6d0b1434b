import { IntentField, useI18n } from '../../../shared/ui/kit.ts';
import { InputField } from './sections.tsx';

/** Number, day, subject and text of a decision (recorded at the meeting, corrected on its page). */
export function DecisionFields({
  intent,
  errors,
  values,
}: {
  intent: string;
  errors: Record<string, string | undefined>;
  values: { number?: string; date?: string; subject?: string; text?: string | null };
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="row">
        <div className="col-12 col-md-6">
          <InputField
            intent={intent}
            name="number"
            label={`${t('gov.decision.number')} (${t('form.required')})`}
            error={errors.number}
            required
            maxLength={30}
            autoComplete="off"
            defaultValue={values.number}
          />
        </div>
        <div className="col-12 col-md-6">
          <InputField
            intent={intent}
            type="date"
            name="date"
            label={`${t('gov.decision.date')} (${t('form.required')})`}
            error={errors.date}
            required
            defaultValue={values.date}
          />
        </div>
      </div>
      <InputField
        intent={intent}
        name="subject"
        label={`${t('gov.decision.subject')} (${t('form.required')})`}
        error={errors.subject}
        required
        maxLength={300}
        defaultValue={values.subject}
      />
      <IntentField intent={intent} name="text" label={t('gov.decision.text')} error={errors.text}>
        {(p) => <textarea {...p} rows={5} defaultValue={values.text ?? ''} />}
      </IntentField>
    </>
  );
}
