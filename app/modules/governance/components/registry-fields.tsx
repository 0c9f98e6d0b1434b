import { useI18n } from '../../../shared/ui/kit.ts';
import { ORGANISATION_KINDS } from '../governance.constants.ts';
import { useVocabulary } from './labels.ts';
import { FieldGroup, type FieldRows, namedChoices } from './field-group.tsx';

/** Name, kind, comune, fiscal code, RUNTS number, e-mail and address of an organisation. */
export function OrganisationFields({
  intent,
  errors,
  comuni,
  values,
}: {
  intent: string;
  errors: Record<string, string | undefined>;
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
  return <FieldGroup intent={intent} errors={errors} values={values} fields={fields} />;
}

/** Name, role, organisation and e-mail of a person. */
export function PersonFields({
  intent,
  errors,
  organisations,
  values,
}: {
  intent: string;
  errors: Record<string, string | undefined>;
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
  return <FieldGroup intent={intent} errors={errors} values={values} fields={fields} />;
}
