import { IntentField, useI18n } from '../../../shared/ui/kit.ts';
import { InputField } from './sections.tsx';

/** Title, day, times (Italian time), place or online link, agenda (one item per line) of a meeting. */
export function MeetingFields({
  intent,
  errors,
  values,
}: {
  intent: string;
  errors: Record<string, string | undefined>;
  values?: { title: string; date: string; startTime: string; endTime: string; place: string | null; onlineUrl: string | null; agenda: string[] };
}) {
  const { t } = useI18n();
  const required = (key: 'gov.meeting.title' | 'gov.meeting.date' | 'gov.meeting.start' | 'gov.meeting.end') => `${t(key)} (${t('form.required')})`;
  return (
    <>
      <InputField
        intent={intent}
        name="title"
        label={required('gov.meeting.title')}
        error={errors.title}
        required
        maxLength={200}
        defaultValue={values?.title}
        autoComplete="off"
      />
      <div className="row">
        <div className="col-12 col-md-4">
          <InputField intent={intent} type="date" name="date" label={required('gov.meeting.date')} error={errors.date} required defaultValue={values?.date} />
        </div>
        {(['startTime', 'endTime'] as const).map((name) => (
          <div className="col-12 col-md-4" key={name}>
            <InputField
              intent={intent}
              type="time"
              name={name}
              label={required(name === 'startTime' ? 'gov.meeting.start' : 'gov.meeting.end')}
              error={errors[name]}
              hint={t('gov.meeting.time.hint')}
              required
              defaultValue={values?.[name]}
            />
          </div>
        ))}
      </div>
      <div className="row">
        <div className="col-12 col-md-6">
          <InputField
            intent={intent}
            name="place"
            label={t('gov.meeting.place')}
            error={errors.place}
            hint={t('gov.meeting.place.hint')}
            maxLength={300}
            defaultValue={values?.place}
          />
        </div>
        <div className="col-12 col-md-6">
          <InputField
            intent={intent}
            type="url"
            name="onlineUrl"
            label={t('gov.meeting.online')}
            error={errors.onlineUrl}
            maxLength={500}
            defaultValue={values?.onlineUrl}
            placeholder={t('gov.meeting.onlineUrl.placeholder')}
          />
        </div>
      </div>
      <IntentField intent={intent} name="agenda" label={t('gov.meeting.agenda')} error={errors.agenda} hint={t('gov.meeting.agenda.hint')}>
        {(p) => <textarea {...p} rows={5} defaultValue={values?.agenda.join('\n') ?? ''} />}
      </IntentField>
    </>
  );
}
