import { useI18n } from '../../../shared/ui/kit.ts';
import { ORGANISATION_KINDS } from '../governance.constants.ts';
import { useVocabulary } from './labels.ts';
import { dataChoices, InputField, SelectField } from './sections.tsx';

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
  const field = { intent, autoComplete: 'off' };
  return (
    <>
      <InputField
        {...field}
        name="name"
        label={`${t('gov.org.name')} (${t('form.required')})`}
        error={errors.name}
        required
        maxLength={200}
        defaultValue={values?.name}
        autoComplete="organization"
      />
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            intent={intent}
            name="kind"
            label={`${t('gov.org.kind')} (${t('form.required')})`}
            error={errors.kind}
            required
            defaultValue={values?.kind}
            empty={t('gov.choose')}
            choices={vocabulary('orgKind', ORGANISATION_KINDS)}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            intent={intent}
            name="comuneId"
            label={t('gov.org.comune')}
            error={errors.comuneId}
            hint={t('gov.org.comune.hint')}
            defaultValue={values?.comuneId}
            empty={t('gov.none')}
            choices={dataChoices(
              comuni,
              (c) => c.id,
              (c) => c.name,
            )}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-12 col-md-6">
          <InputField
            {...field}
            name="fiscalCode"
            label={t('gov.org.fiscalCode')}
            error={errors.fiscalCode}
            hint={t('gov.org.fiscalCode.hint')}
            maxLength={20}
            defaultValue={values?.fiscalCode}
            spellCheck={false}
          />
        </div>
        <div className="col-12 col-md-6">
          <InputField
            {...field}
            name="runtsNumber"
            label={t('gov.org.runts')}
            error={errors.runtsNumber}
            hint={t('gov.org.runts.hint')}
            maxLength={30}
            defaultValue={values?.runtsNumber}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-12 col-md-6">
          <InputField {...field} type="email" name="email" label={t('gov.org.email')} error={errors.email} maxLength={254} defaultValue={values?.email} />
        </div>
        <div className="col-12 col-md-6">
          <InputField {...field} name="address" label={t('gov.org.address')} error={errors.address} maxLength={300} defaultValue={values?.address} />
        </div>
      </div>
    </>
  );
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
  const field = { intent, autoComplete: 'off', maxLength: 200 };
  return (
    <>
      <div className="row">
        <div className="col-12 col-md-6">
          <InputField
            {...field}
            name="fullName"
            label={`${t('gov.person.name')} (${t('form.required')})`}
            error={errors.fullName}
            required
            defaultValue={values?.fullName}
          />
        </div>
        <div className="col-12 col-md-6">
          <InputField
            {...field}
            name="roleTitle"
            label={t('gov.person.role')}
            error={errors.roleTitle}
            hint={t('gov.person.role.hint')}
            defaultValue={values?.roleTitle}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            intent={intent}
            name="organisationId"
            label={t('gov.person.organisation')}
            error={errors.organisationId}
            defaultValue={values?.organisationId}
            empty={t('gov.none')}
            choices={dataChoices(
              organisations,
              (o) => o.id,
              (o) => o.name,
            )}
          />
        </div>
        <div className="col-12 col-md-6">
          <InputField
            {...field}
            type="email"
            name="email"
            label={t('gov.person.email')}
            error={errors.email}
            hint={t('gov.person.email.hint')}
            maxLength={254}
            defaultValue={values?.email}
          />
        </div>
      </div>
    </>
  );
}
