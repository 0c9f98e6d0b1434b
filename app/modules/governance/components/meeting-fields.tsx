import { useI18n, type FieldRows } from '../../../shared/ui/kit.ts';
import { IntentFields } from './sections.tsx';

/** Title, day, times (Italian time), place or online link, agenda (one item per line) of a meeting. */
export function MeetingFields({
  intent,
  values,
}: {
  intent: string;
  values?: { title: string; date: string; startTime: string; endTime: string; place: string | null; onlineUrl: string | null; agenda: string[] };
}) {
  const { t } = useI18n();
  const time = { type: 'time', hint: t('gov.meeting.time.hint'), required: true } as const;
  const fields: FieldRows = [
    { name: 'title', label: t('gov.meeting.title'), required: true, maxLength: 200, autoComplete: 'off' },
    [
      { name: 'date', label: t('gov.meeting.date'), type: 'date', required: true },
      { name: 'startTime', label: t('gov.meeting.start'), ...time },
      { name: 'endTime', label: t('gov.meeting.end'), ...time },
    ],
    [
      { name: 'place', label: t('gov.meeting.place'), hint: t('gov.meeting.place.hint'), maxLength: 300 },
      { name: 'onlineUrl', label: t('gov.meeting.online'), type: 'url', maxLength: 500, placeholder: t('gov.meeting.onlineUrl.placeholder') },
    ],
    { name: 'agenda', label: t('gov.meeting.agenda'), hint: t('gov.meeting.agenda.hint'), rows: 5 },
  ];
  return <IntentFields intent={intent} values={{ ...values, agenda: values?.agenda.join('\n') }} fields={fields} />;
}
