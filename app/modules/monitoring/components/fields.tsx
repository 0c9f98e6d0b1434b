// The fields of the monitoring forms: a select and a one-line text field, each an IntentField of the kit (its id is
// `field-<intent>.<name>`, its error and hint linked to it).
import type { ReactNode } from 'react';
import { IntentField, selectClass } from '../../../shared/ui/kit.ts';

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
  /** The label is data as entered (a name, the grid's own words): not translated. */
  data?: boolean;
}

/** A select among `options`. */
export function SelectField({
  options,
  defaultValue,
  disabled,
  ...field
}: FieldProps & { options: readonly Choice[]; defaultValue?: string; disabled?: boolean }) {
  return (
    <IntentField {...field}>
      {(p) => (
        <select {...p} className={selectClass(field.error)} defaultValue={defaultValue} disabled={disabled}>
          {options.map((o) => (
            <option key={o.value} value={o.value} translate={o.data ? 'no' : undefined}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </IntentField>
  );
}

/** A one-line text field; `decimal` asks a phone for the numeric keypad; `value` makes it a read-only display. */
export function TextField({
  defaultValue,
  value,
  decimal,
  readOnly,
  ...field
}: FieldProps & { defaultValue?: string; value?: string; decimal?: boolean; readOnly?: boolean }) {
  return (
    <IntentField {...field}>
      {(p) => (
        <input
          {...p}
          type="text"
          inputMode={decimal ? 'decimal' : undefined}
          {...(value === undefined ? { defaultValue } : { value })}
          readOnly={readOnly || value !== undefined}
        />
      )}
    </IntentField>
  );
}
