// The services catalogue's own parts, composed of the kit: the fields of a service (new or changed), the words of a
// form of management.
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { dataChoices, FieldGroup, useI18n, type TFunction } from '../../shared/ui/kit.ts';
import { MANAGEMENT_FORMS } from './services.rules.ts';

export const managementLabel = (t: TFunction, m: string) => t(`svc.management.${m}` as MessageKey);

export interface ServiceFormReferences {
  types: { code: string; name: string; macroCode: string; macroName: string }[];
  areas: { code: string; name: string }[];
  leps: { code: string; name: string }[];
  comuni: { id: string; name: string }[];
}

/**
 * The fields of a service: code and name, national type, area, target group, how it is managed (and by which comune),
 * provider, where it is accessed, contacts, description, and the LEPS it serves (checkboxes: no JavaScript needed).
 */
export function ServiceFields({
  intent,
  errors,
  values,
  refs,
}: {
  intent: string;
  errors: Record<string, string | undefined>;
  values?: Readonly<Record<string, unknown>>;
  refs: ServiceFormReferences;
}) {
  const { t } = useI18n();
  const chosenLeps = new Set(
    Array.isArray(values?.lepsCodes)
      ? (values.lepsCodes as string[])
      : String(values?.lepsCodes ?? '')
          .split(/[,\s]+/)
          .filter(Boolean),
  );
  return (
    <>
      <FieldGroup
        intent={intent}
        errors={errors}
        values={values}
        fields={[
          [
            { name: 'code', label: t('svc.field.code'), required: true, maxLength: 40, hint: t('svc.field.code.hint') },
            { name: 'name', label: t('svc.field.name'), required: true, maxLength: 300 },
          ],
          [
            {
              name: 'typeCode',
              label: t('svc.field.typeCode'),
              required: true,
              empty: t('svc.field.choose'),
              choices: dataChoices(
                refs.types,
                (x) => x.code,
                (x) => `${x.code} – ${x.name}`,
              ),
            },
            {
              name: 'areaCode',
              label: t('svc.field.area'),
              required: true,
              empty: t('svc.field.choose'),
              choices: dataChoices(
                refs.areas,
                (a) => a.code,
                (a) => a.name,
              ),
            },
          ],
          { name: 'targetGroup', label: t('svc.field.targetGroup'), required: true, maxLength: 300, hint: t('svc.field.targetGroup.hint') },
          [
            {
              name: 'management',
              label: t('svc.field.management'),
              required: true,
              empty: t('svc.field.choose'),
              choices: MANAGEMENT_FORMS.map((m) => ({ value: m, label: managementLabel(t, m) })),
            },
            {
              name: 'comuneId',
              label: t('svc.field.comune'),
              hint: t('svc.field.comune.hint'),
              empty: t('svc.field.none'),
              choices: dataChoices(
                refs.comuni,
                (c) => c.id,
                (c) => c.name,
              ),
            },
          ],
          [
            { name: 'providerName', label: t('svc.field.provider'), required: true, maxLength: 300 },
            { name: 'providerCode', label: t('svc.field.providerCode'), maxLength: 40 },
          ],
          [
            { name: 'accessPoint', label: t('svc.field.accessPoint'), maxLength: 300 },
            { name: 'contact', label: t('svc.field.contact'), maxLength: 300 },
          ],
          { name: 'description', label: t('svc.field.description'), rows: 3 },
        ]}
      />
      <fieldset className="mb-4" aria-describedby={errors.lepsCodes ? `field-${intent}.lepsCodes-error` : undefined}>
        <legend className="form-label fw-semibold fs-6" id={`field-${intent}.lepsCodes`}>
          {t('svc.field.leps')}
        </legend>
        {refs.leps.length === 0 ? <p className="small">{t('svc.field.leps.none')}</p> : null}
        <div className="row">
          {refs.leps.map((l) => (
            <div className="col-12 col-md-6" key={l.code}>
              <div className="form-check">
                <input
                  className="form-check-input"
                  type="checkbox"
                  name="lepsCodes"
                  value={l.code}
                  id={`${intent}-leps-${l.code}`}
                  defaultChecked={chosenLeps.has(l.code)}
                />
                <label className="form-check-label" htmlFor={`${intent}-leps-${l.code}`} translate="no">
                  {l.name}
                </label>
              </div>
            </div>
          ))}
        </div>
        {errors.lepsCodes ? (
          <div id={`field-${intent}.lepsCodes-error`} className="invalid-feedback d-block">
            {errors.lepsCodes}
          </div>
        ) : null}
      </fieldset>
    </>
  );
}

/** A form's values as the command reads them: the LEPS checked are several values of one field. */
export function serviceFormInput(form: Record<string, FormDataEntryValue>, raw: FormData) {
  return { ...form, lepsCodes: raw.getAll('lepsCodes').map(String) };
}
