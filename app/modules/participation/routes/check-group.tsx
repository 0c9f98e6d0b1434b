// A group of checkboxes of one of the page's forms (tables, policy areas): a fieldset with its legend, its error
// linked from the form's summary (`field-<intent>.<name>`, as IntentField) and each option's label as data or words.
import type { ReactNode } from 'react';

export function CheckGroup({
  intent,
  name,
  legend,
  options,
  checked,
  error,
  hint,
}: {
  intent: string;
  name: string;
  legend: string;
  options: readonly { value: string; label: ReactNode; data?: boolean }[];
  checked: ReadonlySet<string>;
  error?: string;
  hint?: string;
}) {
  const id = `field-${intent}.${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="mb-4" id={id} tabIndex={-1} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="form-label fw-semibold fs-6">{legend}</legend>
      {hint && (
        <small id={`${id}-hint`} className="form-text d-block mb-1">
          {hint}
        </small>
      )}
      {options.map((o, i) => (
        <div className="form-check" key={o.value}>
          <input className="form-check-input" type="checkbox" name={name} value={o.value} id={`${id}-${i}`} defaultChecked={checked.has(o.value)} />
          <label className="form-check-label text-break" htmlFor={`${id}-${i}`} translate={o.data ? 'no' : undefined}>
            {o.label}
          </label>
        </div>
      ))}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </fieldset>
  );
}
