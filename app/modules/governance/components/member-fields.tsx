import { dataChoices, namedChoices, useI18n, type FieldRows } from '../../../shared/ui/kit.ts';
import { POSITIONS } from '../governance.constants.ts';
import { useVocabulary } from './labels.ts';
import { IntentFields } from './sections.tsx';

export interface MemberChoices {
  people: { id: string; fullName: string; organisationName: string | null }[];
  organisations: { id: string; name: string }[];
  comuni: { id: string; name: string }[];
  members: { id: string; personName: string }[];
}

/** Person, organisation, represented comune, position, delegation and dates of a body's member. */
export function MemberFields({
  intent,
  choices,
  values,
  selfId,
}: {
  intent: string;
  choices: MemberChoices;
  values?: {
    personId: string;
    organisationId: string | null;
    comuneId: string | null;
    position: string;
    delegateOfMemberId: string | null;
    validFrom: string | null;
    validTo: string | null;
  };
  selfId?: string;
}) {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const optionalDate = { type: 'date', hint: t('gov.date.optional') } as const;
  const fields: FieldRows = [
    [
      {
        name: 'personId',
        label: t('gov.member.person'),
        hint: t('gov.member.person.hint'),
        required: true,
        empty: t('gov.choose'),
        choices: dataChoices(
          choices.people,
          (x) => x.id,
          (x) => (x.organisationName ? `${x.fullName} – ${x.organisationName}` : x.fullName),
        ),
      },
      { name: 'position', label: t('gov.member.position'), required: true, choices: vocabulary('position', POSITIONS) },
    ],
    [
      { name: 'organisationId', label: t('gov.member.organisation'), empty: t('gov.none'), choices: namedChoices(choices.organisations) },
      { name: 'comuneId', label: t('gov.member.comune'), hint: t('gov.member.comune.hint'), empty: t('gov.none'), choices: namedChoices(choices.comuni) },
    ],
    {
      name: 'delegateOfMemberId',
      label: t('gov.member.delegateOf'),
      hint: t('gov.member.delegateOf.hint'),
      empty: t('gov.none'),
      choices: namedChoices(choices.members.filter((m) => m.id !== selfId).map((m) => ({ id: m.id, name: m.personName }))),
    },
    [
      { name: 'validFrom', label: t('gov.member.validFrom'), ...optionalDate },
      { name: 'validTo', label: t('gov.member.validTo'), ...optionalDate },
    ],
  ];
  return <IntentFields intent={intent} values={{ position: 'componente', ...values }} fields={fields} />;
}
