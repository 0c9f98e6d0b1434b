import { useI18n } from '../../../shared/ui/i18n.tsx';
import { POSITION_LABELS, POSITIONS } from '../governance.constants.ts';
import { GovField, selectClass } from './form-kit.tsx';

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
  return (
    <>
      <div className="row">
        <div className="col-md-6">
          <GovField
            intent={intent}
            name="personId"
            label={`${t('gov.member.person')} (${t('form.required')})`}
            error={errors.personId}
            hint={t('gov.member.person.hint')}
          >
            {(p) => (
              <select {...p} className={selectClass(errors.personId)} required defaultValue={values?.personId ?? ''}>
                <option value="">{t('gov.choose')}</option>
                {choices.people.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.organisationName ? `${x.fullName} – ${x.organisationName}` : x.fullName}
                  </option>
                ))}
              </select>
            )}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="position" label={`${t('gov.member.position')} (${t('form.required')})`} error={errors.position}>
            {(p) => (
              <select {...p} className={selectClass(errors.position)} required defaultValue={values?.position ?? 'componente'}>
                {POSITIONS.map((v) => (
                  <option key={v} value={v}>
                    {POSITION_LABELS[v]}
                  </option>
                ))}
              </select>
            )}
          </GovField>
        </div>
      </div>
      <div className="row">
        <div className="col-md-6">
          <GovField intent={intent} name="organisationId" label={t('gov.member.organisation')} error={errors.organisationId}>
            {(p) => (
              <select {...p} className={selectClass(errors.organisationId)} defaultValue={values?.organisationId ?? ''}>
                <option value="">{t('gov.none')}</option>
                {choices.organisations.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="comuneId" label={t('gov.member.comune')} error={errors.comuneId} hint={t('gov.member.comune.hint')}>
            {(p) => (
              <select {...p} className={selectClass(errors.comuneId)} defaultValue={values?.comuneId ?? ''}>
                <option value="">{t('gov.none')}</option>
                {choices.comuni.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </GovField>
        </div>
      </div>
      <GovField
        intent={intent}
        name="delegateOfMemberId"
        label={t('gov.member.delegateOf')}
        error={errors.delegateOfMemberId}
        hint={t('gov.member.delegateOf.hint')}
      >
        {(p) => (
          <select {...p} className={selectClass(errors.delegateOfMemberId)} defaultValue={values?.delegateOfMemberId ?? ''}>
            <option value="">{t('gov.none')}</option>
            {choices.members
              .filter((m) => m.id !== selfId)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.personName}
                </option>
              ))}
          </select>
        )}
      </GovField>
      <div className="row">
        <div className="col-md-6">
          <GovField intent={intent} name="validFrom" label={t('gov.member.validFrom')} error={errors.validFrom} hint={t('gov.date.optional')}>
            {(p) => <input {...p} type="date" defaultValue={values?.validFrom ?? ''} />}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="validTo" label={t('gov.member.validTo')} error={errors.validTo} hint={t('gov.date.optional')}>
            {(p) => <input {...p} type="date" defaultValue={values?.validTo ?? ''} />}
          </GovField>
        </div>
      </div>
    </>
  );
}
