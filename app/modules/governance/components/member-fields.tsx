import { IntentField, useI18n } from '../../../shared/ui/kit.ts';
import { POSITIONS } from '../governance.constants.ts';
import { useVocabulary } from './labels.ts';
import { dataChoices, SelectField } from './sections.tsx';

export interface MemberChoices {
  people: { id: string; fullName: string; organisationName: string | null }[];
  organisations: { id: string; name: string }[];
  comuni: { id: string; name: string }[];
  members: { id: string; personName: string }[];
}

/** Person, organisation, represented comune, position, delegation and dates of a body's member. */
export function MemberFields({
  intent,
  errors,
  choices,
  values,
  selfId,
}: {
  intent: string;
  errors: Record<string, string | undefined>;
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
  const named = (rows: { id: string; name: string }[]) =>
    dataChoices(
      rows,
      (x) => x.id,
      (x) => x.name,
    );
  return (
    <>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            intent={intent}
            name="personId"
            label={`${t('gov.member.person')} (${t('form.required')})`}
            error={errors.personId}
            hint={t('gov.member.person.hint')}
            required
            defaultValue={values?.personId}
            empty={t('gov.choose')}
            choices={dataChoices(
              choices.people,
              (x) => x.id,
              (x) => (x.organisationName ? `${x.fullName} – ${x.organisationName}` : x.fullName),
            )}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            intent={intent}
            name="position"
            label={`${t('gov.member.position')} (${t('form.required')})`}
            error={errors.position}
            required
            defaultValue={values?.position ?? 'componente'}
            choices={vocabulary('position', POSITIONS)}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            intent={intent}
            name="organisationId"
            label={t('gov.member.organisation')}
            error={errors.organisationId}
            defaultValue={values?.organisationId}
            empty={t('gov.none')}
            choices={named(choices.organisations)}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            intent={intent}
            name="comuneId"
            label={t('gov.member.comune')}
            error={errors.comuneId}
            hint={t('gov.member.comune.hint')}
            defaultValue={values?.comuneId}
            empty={t('gov.none')}
            choices={named(choices.comuni)}
          />
        </div>
      </div>
      <SelectField
        intent={intent}
        name="delegateOfMemberId"
        label={t('gov.member.delegateOf')}
        error={errors.delegateOfMemberId}
        hint={t('gov.member.delegateOf.hint')}
        defaultValue={values?.delegateOfMemberId}
        empty={t('gov.none')}
        choices={named(choices.members.filter((m) => m.id !== selfId).map((m) => ({ id: m.id, name: m.personName })))}
      />
      <div className="row">
        {(['validFrom', 'validTo'] as const).map((name) => (
          <div className="col-12 col-md-6" key={name}>
            <IntentField
              intent={intent}
              name={name}
              label={t(name === 'validFrom' ? 'gov.member.validFrom' : 'gov.member.validTo')}
              error={errors[name]}
              hint={t('gov.date.optional')}
            >
              {(p) => <input {...p} type="date" defaultValue={values?.[name] ?? ''} />}
            </IntentField>
          </div>
        ))}
      </div>
    </>
  );
}
