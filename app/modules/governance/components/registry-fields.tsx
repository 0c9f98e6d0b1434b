import { namedChoices, useI18n, type FieldRows } from '../../../shared/ui/kit.ts';
import { ORGANISATION_KINDS } from '../governance.constants.ts';
import { useVocabulary } from './labels.ts';
import { IntentFields } from './sections.tsx';

/** Name, kind, comune, fiscal code, RUNTS number, e-mail and address of an organisation. */
export function OrganisationFields({
  intent,
  comuni,
  values,
}: {
  intent: string;
  comuni: { id: string; name: string }[];
  values?: {
    name: string;
    kind: string;
    comuneId: string | null;
    fiscalCode: string | null;
    runtsNumber: string | null;
    email: string | null;
    address: string | null;
  };
}) {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const field = { autoComplete: 'off' };
  const fields: FieldRows = [
    { name: 'name', label: t('gov.org.name'), required: true, maxLength: 200, autoComplete: 'organization' },
    [
      { name: 'kind', label: t('gov.org.kind'), required: true, empty: t('gov.choose'), choices: vocabulary('orgKind', ORGANISATION_KINDS) },
      { name: 'comuneId', label: t('gov.org.comune'), hint: t('gov.org.comune.hint'), empty: t('gov.none'), choices: namedChoices(comuni) },
    ],
    [
      { ...field, name: 'fiscalCode', label: t('gov.org.fiscalCode'), hint: t('gov.org.fiscalCode.hint'), maxLength: 20, spellCheck: false },
      { ...field, name: 'runtsNumber', label: t('gov.org.runts'), hint: t('gov.org.runts.hint'), maxLength: 30 },
    ],
    [
      { ...field, type: 'email', name: 'email', label: t('gov.org.email'), maxLength: 254 },
      { ...field, name: 'address', label: t('gov.org.address'), maxLength: 300 },
    ],
  ];
  return <IntentFields intent={intent} values={values} fields={fields} />;
}

/** Name, role, organisation and e-mail of a person. */
export function PersonFields({
  intent,
  organisations,
  values,
}: {
  intent: string;
  organisations: { id: string; name: string }[];
  values?: { fullName: string; roleTitle: string | null; organisationId: string | null; email: string | null };
}) {
  const { t } = useI18n();
  const field = { autoComplete: 'off', maxLength: 200 };
  const fields: FieldRows = [
    [
      { ...field, name: 'fullName', label: t('gov.person.name'), required: true },
      { ...field, name: 'roleTitle', label: t('gov.person.role'), hint: t('gov.person.role.hint') },
    ],
    [
      { name: 'organisationId', label: t('gov.person.organisation'), empty: t('gov.none'), choices: namedChoices(organisations) },
      { ...field, type: 'email', name: 'email', label: t('gov.person.email'), hint: t('gov.person.email.hint'), maxLength: 254 },
    ],
  ];
  return <IntentFields intent={intent} values={values} fields={fields} />;
}
