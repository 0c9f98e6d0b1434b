import { useI18n } from '../../../shared/ui/i18n.tsx';
import { GovField } from './form-kit.tsx';

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
  return (
    <>
      <GovField intent={intent} name="title" label={`${t('gov.meeting.title')} (${t('form.required')})`} error={errors.title}>
        {(p) => <input {...p} type="text" required maxLength={200} defaultValue={values?.title ?? ''} autoComplete="off" />}
      </GovField>
      <div className="row">
        <div className="col-md-4">
          <GovField intent={intent} name="date" label={`${t('gov.meeting.date')} (${t('form.required')})`} error={errors.date}>
            {(p) => <input {...p} type="date" required defaultValue={values?.date ?? ''} />}
          </GovField>
        </div>
        <div className="col-md-4">
          <GovField
            intent={intent}
            name="startTime"
            label={`${t('gov.meeting.start')} (${t('form.required')})`}
            error={errors.startTime}
            hint={t('gov.meeting.time.hint')}
          >
            {(p) => <input {...p} type="time" required defaultValue={values?.startTime ?? ''} />}
          </GovField>
        </div>
        <div className="col-md-4">
          <GovField
            intent={intent}
            name="endTime"
            label={`${t('gov.meeting.end')} (${t('form.required')})`}
            error={errors.endTime}
            hint={t('gov.meeting.time.hint')}
          >
            {(p) => <input {...p} type="time" required defaultValue={values?.endTime ?? ''} />}
          </GovField>
        </div>
      </div>
      <div className="row">
        <div className="col-md-6">
          <GovField intent={intent} name="place" label={t('gov.meeting.place')} error={errors.place} hint={t('gov.meeting.place.hint')}>
            {(p) => <input {...p} type="text" maxLength={300} defaultValue={values?.place ?? ''} />}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="onlineUrl" label={t('gov.meeting.online')} error={errors.onlineUrl}>
            {(p) => <input {...p} type="url" maxLength={500} defaultValue={values?.onlineUrl ?? ''} placeholder="https://" />}
          </GovField>
        </div>
      </div>
      <GovField intent={intent} name="agenda" label={t('gov.meeting.agenda')} error={errors.agenda} hint={t('gov.meeting.agenda.hint')}>
        {(p) => <textarea {...p} rows={5} defaultValue={values?.agenda.join('\n') ?? ''} />}
      </GovField>
    </>
  );
}
