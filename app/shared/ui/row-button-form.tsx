import type { ReactNode } from 'react';
import { Form } from 'react-router';
import { CsrfField } from './forms.tsx';

/**
 * A one-button form in a table row (delete a line, revoke a token…): it posts `intent` with the row's `hidden`
 * fields, and the page shows its outcome above the table (ResultAlert for that intent). `label` is what the button
 * does; `what` names the row for screen readers (visually hidden).
 */
export function RowButtonForm({
  intent,
  hidden,
  label,
  what,
  className = 'btn btn-outline-danger btn-sm',
}: {
  intent: string;
  hidden: Record<string, string | number>;
  label: string;
  what: ReactNode;
  className?: string;
}) {
  return (
    <Form method="post">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {label}
        <span className="visually-hidden"> {what}</span>
      </button>
    </Form>
  );
}
