// The fields of a governance form, described once: each field's error and saved value are found by its name.
import { Fragment } from 'react';
import { IntentField, useI18n } from '../../../shared/ui/kit.ts';
import { dataChoices, InputField, SelectField, type Choice } from './sections.tsx';

export interface FieldSpec {
  name: string;
  label: string;
  /** Adds «(obbligatorio)» to the label and `required` to the control. */
  required?: boolean;
  hint?: string;
  /** A drop-down with these choices; `empty` is its first, blank choice. */
  choices?: readonly Choice[];
  empty?: string;
  /** A text area of this many rows. */
  rows?: number;
  type?: 'text' | 'email' | 'date' | 'time' | 'url' | 'number';
  maxLength?: number;
  autoComplete?: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal';
  spellCheck?: boolean;
  min?: number;
  max?: number;
  /** The value shown when the form opens, when it is not `values[name]`. */
  defaultValue?: string | number | null;
}

/** A form's fields: one per line, or (an array) side by side on a wide screen. */
export type FieldRows = readonly (FieldSpec | readonly FieldSpec[])[];

/**
 * A form's fields, one per line or (an array) side by side on a wide screen. Each field's error is `errors[name]`
 * and its value when the form opens `values[name]` (a saved record, or what was submitted).
 */
export function FieldGroup({
  intent,
  errors,
  values,
  fields,
}: {
  intent: string;
  errors: Record<string, string | undefined>;
  values?: Readonly<Record<string, unknown>>;
  fields: FieldRows;
}) {
  const { t } = useI18n();
  const field = ({ name, label, required, hint, choices, empty, rows, defaultValue, ...input }: FieldSpec) => {
    const common = { intent, name, hint, required, error: errors[name], label: required ? `${label} (${t('form.required')})` : label };
    const value = defaultValue !== undefined ? defaultValue : ((values?.[name] as string | number | null | undefined) ?? null);
    if (choices) return <SelectField {...common} defaultValue={value === null ? null : String(value)} empty={empty} choices={choices} />;
    if (rows)
      return (
        <IntentField intent={intent} name={name} label={common.label} error={common.error} hint={hint}>
          {(p) => <textarea {...p} rows={rows} defaultValue={value ?? ''} />}
        </IntentField>
      );
    return <InputField {...common} {...input} defaultValue={value} />;
  };
  return (
    <>
      {fields.map((row) =>
        'name' in row ? (
          <Fragment key={row.name}>{field(row)}</Fragment>
        ) : (
          <div className="row" key={row.map((f) => f.name).join()}>
            {row.map((f) => (
              <div className={`col-12 col-md-${12 / row.length}`} key={f.name}>
                {field(f)}
              </div>
            ))}
          </div>
        ),
      )}
    </>
  );
}

/** Records with an id and a name as the choices of a drop-down (their names are data). */
export const namedChoices = (rows: readonly { id: string; name: string }[]) =>
  dataChoices(
    rows,
    (r) => r.id,
    (r) => r.name,
  );
