import { useI18n } from '../../../shared/ui/i18n.tsx';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '../governance.constants.ts';
import { GovField, selectClass } from './form-kit.tsx';

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
  return (
    <>
      <GovField intent={intent} name="name" label={`${t('gov.org.name')} (${t('form.required')})`} error={errors.name}>
        {(p) => <input {...p} type="text" required maxLength={200} defaultValue={values?.name ?? ''} autoComplete="organization" />}
      </GovField>
      <div className="row">
        <div className="col-md-6">
          <GovField intent={intent} name="kind" label={`${t('gov.org.kind')} (${t('form.required')})`} error={errors.kind}>
            {(p) => (
              <select {...p} className={selectClass(errors.kind)} required defaultValue={values?.kind ?? ''}>
                <option value="">{t('gov.choose')}</option>
                {ORGANISATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {ORGANISATION_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="comuneId" label={t('gov.org.comune')} error={errors.comuneId} hint={t('gov.org.comune.hint')}>
            {(p) => (
              <select {...p} className={selectClass(errors.comuneId)} defaultValue={values?.comuneId ?? ''}>
                <option value="">{t('gov.none')}</option>
                {comuni.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </GovField>
        </div>
      </div>
      <div className="row">
        <div className="col-md-6">
          <GovField intent={intent} name="fiscalCode" label={t('gov.org.fiscalCode')} error={errors.fiscalCode} hint={t('gov.org.fiscalCode.hint')}>
            {(p) => <input {...p} type="text" maxLength={20} defaultValue={values?.fiscalCode ?? ''} autoComplete="off" spellCheck={false} />}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="runtsNumber" label={t('gov.org.runts')} error={errors.runtsNumber} hint={t('gov.org.runts.hint')}>
            {(p) => <input {...p} type="text" maxLength={30} defaultValue={values?.runtsNumber ?? ''} autoComplete="off" />}
          </GovField>
        </div>
      </div>
      <div className="row">
        <div className="col-md-6">
          <GovField intent={intent} name="email" label={t('gov.org.email')} error={errors.email}>
            {(p) => <input {...p} type="email" maxLength={254} defaultValue={values?.email ?? ''} autoComplete="off" />}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="address" label={t('gov.org.address')} error={errors.address}>
            {(p) => <input {...p} type="text" maxLength={300} defaultValue={values?.address ?? ''} autoComplete="off" />}
          </GovField>
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
  return (
    <>
      <div className="row">
        <div className="col-md-6">
          <GovField intent={intent} name="fullName" label={`${t('gov.person.name')} (${t('form.required')})`} error={errors.fullName}>
            {(p) => <input {...p} type="text" required maxLength={200} defaultValue={values?.fullName ?? ''} autoComplete="off" />}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="roleTitle" label={t('gov.person.role')} error={errors.roleTitle} hint={t('gov.person.role.hint')}>
            {(p) => <input {...p} type="text" maxLength={200} defaultValue={values?.roleTitle ?? ''} autoComplete="off" />}
          </GovField>
        </div>
      </div>
      <div className="row">
        <div className="col-md-6">
          <GovField intent={intent} name="organisationId" label={t('gov.person.organisation')} error={errors.organisationId}>
            {(p) => (
              <select {...p} className={selectClass(errors.organisationId)} defaultValue={values?.organisationId ?? ''}>
                <option value="">{t('gov.none')}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </GovField>
        </div>
        <div className="col-md-6">
          <GovField intent={intent} name="email" label={t('gov.person.email')} error={errors.email} hint={t('gov.person.email.hint')}>
            {(p) => <input {...p} type="email" maxLength={254} defaultValue={values?.email ?? ''} autoComplete="off" />}
          </GovField>
        </div>
      </div>
    </>
  );
}
