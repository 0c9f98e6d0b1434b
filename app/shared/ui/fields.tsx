// The fields of a page's forms, each an IntentField (its id is `field-<intent>.<name>`, its error and hint linked to
// it): a drop-down, a one-line input, and a group of fields described once as data.
import { Fragment, type ReactNode } from 'react';
import { IntentField, selectClass } from './forms.tsx';
import { useI18n } from './i18n.tsx';

interface FieldProps {
  intent: string;
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

export interface Choice {
  value: string;
  label: ReactNode;
  /** The label is data as entered (a name): not translated. */
  data?: boolean;
}

/** Records as choices: their names are data. */
export const dataChoices = <T,>(rows: readonly T[], value: (r: T) => string, label: (r: T) => string): Choice[] =>
  rows.map((r) => ({ value: value(r), label: label(r), data: true }));

/** Records with an id and a name as choices (their names are data). */
export const namedChoices = (rows: readonly { id: string; name: string }[]) =>
  dataChoices(
    rows,
    (r) => r.id,
    (r) => r.name,
  );

/** A drop-down among `choices`; `empty` is the first, blank choice («Scegli…», «Nessuno»). */
export function SelectField({
  choices,
  empty,
  defaultValue,
  required,
  disabled,
  ...field
}: FieldProps & { choices: readonly Choice[]; empty?: string; defaultValue?: string | null; required?: boolean; disabled?: boolean }) {
  return (
    <IntentField {...field}>
      {(p) => (
        <select {...p} className={selectClass(field.error)} required={required} disabled={disabled} defaultValue={defaultValue ?? ''}>
          {empty !== undefined && <option value="">{empty}</option>}
          {choices.map((c) => (
            <option key={c.value} value={c.value} translate={c.data ? 'no' : undefined}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </IntentField>
  );
}

export interface InputOptions {
  type?: 'text' | 'email' | 'date' | 'time' | 'url' | 'number';
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  autoComplete?: string;
  spellCheck?: boolean;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal';
  readOnly?: boolean;
}

/** A one-line input (text, e-mail, date, number…); `value` makes it a read-only display. */
export function TextField({
  defaultValue,
  value,
  intent,
  name,
  label,
  error,
  hint,
  ...input
}: FieldProps & InputOptions & { defaultValue?: string | number | null; value?: string }) {
  return (
    <IntentField intent={intent} name={name} label={label} error={error} hint={hint}>
      {(p) => <input type="text" {...input} {...p} {...(value === undefined ? { defaultValue: defaultValue ?? '' } : { value, readOnly: true })} />}
    </IntentField>
  );
}

export interface FieldSpec extends InputOptions {
  name: string;
  label: string;
  hint?: string;
  /** A drop-down with these choices; `empty` is its first, blank choice. */
  choices?: readonly Choice[];
  empty?: string;
  /** A text area of this many rows. */
  rows?: number;
  /** The value shown when the form opens, when it is not `values[name]`. */
  defaultValue?: string | number | null;
}

/** A form's fields: one per line, or (an array) side by side on a wide screen. */
export type FieldRows = readonly (FieldSpec | readonly FieldSpec[])[];

/**
 * A form's fields, one per line or (an array) side by side on a wide screen. A required field says so in its label.
 * Each field's error is `errors[name]` and its value when the form opens `values[name]` (a saved record, or what was
 * submitted).
 */
export function FieldGroup({
  intent,
  errors,
  values,
  fields,
  wide = 'md',
}: {
  intent: string;
  errors: Record<string, string | undefined>;
  values?: Readonly<Record<string, unknown>>;
  fields: FieldRows;
  /** From which screen width the fields of a row stand side by side. */
  wide?: 'sm' | 'md';
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
    return <TextField {...common} {...input} defaultValue={value} />;
  };
  return (
    <>
      {fields.map((row) =>
        'name' in row ? (
          <Fragment key={row.name}>{field(row)}</Fragment>
        ) : (
          <div className="row" key={row.map((f) => f.name).join()}>
            {row.map((f) => (
              <div className={`col-12 col-${wide}-${12 / row.length}`} key={f.name}>
                {field(f)}
              </div>
            ))}
          </div>
        ),
      )}
    </>
  );
}
