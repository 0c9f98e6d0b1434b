import type { ReactNode } from 'react';
import { useRouteLoaderData } from 'react-router';
import { useI18n } from './i18n.tsx';

/** The hidden CSRF field every POST form carries (checked by the root middleware). */
export function CsrfField() {
  const root = useRouteLoaderData('root') as { csrfToken?: string } | undefined;
  return <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />;
}

export interface FormResult {
  ok: boolean;
  formError?: string;
  fieldErrors?: Record<string, string>;
  conflict?: boolean;
}

/**
 * The message at the top of a form after a failed submission. It takes focus-worthy role="alert" so screen
 * readers announce it; a conflict offers to reload the current version.
 */
export function FormAlert({ result, reloadHref }: { result: FormResult | undefined; reloadHref?: string }) {
  const { t } = useI18n();
  if (!result || result.ok || !result.formError) return null;
  return (
    <div className={`alert ${result.conflict ? 'alert-warning' : 'alert-danger'}`} role="alert" id="form-alert">
      <p className="mb-1">{result.formError}</p>
      {result.fieldErrors && Object.keys(result.fieldErrors).length > 0 && (
        <ul className="mb-0">
          {Object.entries(result.fieldErrors).map(([field, message]) => (
            <li key={field}>
              <a href={`#field-${field}`}>{message}</a>
            </li>
          ))}
        </ul>
      )}
      {result.conflict && reloadHref && (
        <a className="btn btn-outline-primary btn-sm mt-2" href={reloadHref}>
          {t('form.conflict.reload')}
        </a>
      )}
    </div>
  );
}

/** A labelled form field with its error message wired through aria-describedby / aria-invalid. */
export function Field({
  name,
  id: givenId,
  label,
  error,
  hint,
  children,
}: {
  name: string;
  /** The control's id; defaults to `field-<name>`. Pages with several forms that repeat a name pass their own. */
  id?: string;
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode;
}) {
  const id = givenId ?? `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="form-label fw-semibold">
        {label}
      </label>
      {children({
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        className: `form-control${error ? ' is-invalid' : ''}`,
      })}
      {hint && (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}

/**
 * The message after a refused import (or any failure whose problems are places rather than form fields): the
 * summary, then each place — "file, riga, colonna" — with its problem. Announced as an alert.
 */
export function IssuesAlert({ result, id = 'import-errors' }: { result: FormResult | undefined; id?: string }) {
  if (!result || result.ok || !result.formError) return null;
  return (
    <div className={`alert ${result.conflict ? 'alert-warning' : 'alert-danger'}`} role="alert" id={id}>
      <p className="mb-1">{result.formError}</p>
      {result.fieldErrors && Object.keys(result.fieldErrors).length > 0 && (
        <ul className="mb-0">
          {Object.entries(result.fieldErrors).map(([where, message]) => (
            <li key={where}>
              <strong>{where}</strong>: {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
