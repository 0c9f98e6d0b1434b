import type { ReactNode } from 'react';
import { Form } from 'react-router';

/**
 * A GET form that chooses what a page shows (a year, a plan, a basis of computation…): its fields in a row, then the
 * button that shows it. It works without JavaScript and the result can be linked (the choice is in the URL).
 * `hidden` keeps other parameters of the page (e.g. a table's sort order); `actions` go after the button.
 */
export function FilterForm({
  label,
  submitLabel,
  hidden,
  actions,
  children,
}: {
  label: string;
  submitLabel: string;
  hidden?: Record<string, string>;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Form method="get" className="row g-2 align-items-end mb-3" aria-label={label}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="col-auto">
        <button type="submit" className="btn btn-outline-primary">
          {submitLabel}
        </button>
      </div>
      {actions}
    </Form>
  );
}

/** One field of a FilterForm in its grid column (full width on a phone), its label above it; `id` is the control's. */
export function FilterField({ id, label, col = 'col-sm-4', children }: { id: string; label: ReactNode; col?: string; children: ReactNode }) {
  return (
    <div className={`col-12 ${col}`}>
      <label htmlFor={id} className="form-label fw-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}
