import type { ReactNode } from 'react';
import { Form, useNavigation, useRouteLoaderData } from 'react-router';
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
 * A refused submission: its message, then its problems (each shown by `problem`), and after an edit conflict the
 * button that reloads the current version. Announced as an alert.
 */
function FailureAlert({
  id,
  failure,
  problem,
  reloadHref,
}: {
  id: string;
  failure: FormResult;
  problem: (field: string, message: string) => ReactNode;
  reloadHref?: string;
}) {
  const { t } = useI18n();
  const problems = Object.entries(failure.fieldErrors ?? {});
  return (
    <div className={`alert ${failure.conflict ? 'alert-warning' : 'alert-danger'}`} role="alert" id={id}>
      <p className="mb-1">{failure.formError}</p>
      {problems.length > 0 && (
        <ul className="mb-0">
          {problems.map(([field, message]) => (
            <li key={field}>{problem(field, message)}</li>
          ))}
        </ul>
      )}
      {failure.conflict && reloadHref && (
        <a className="btn btn-outline-primary btn-sm mt-2" href={reloadHref}>
          {t('form.conflict.reload')}
        </a>
      )}
    </div>
  );
}

/** A problem that is a form field: a link to the field (`#field-<id>`). */
const fieldLink = (fieldId: string, message: string) => <a href={`#field-${fieldId}`}>{message}</a>;

/** A problem that is a place (an import's "file, riga, colonna"): the place, then the problem. */
const placeProblem = (where: string, message: string) => (
  <>
    <strong>{where}</strong>: {message}
  </>
);

/**
 * The message at the top of a form after a failed submission. It takes focus-worthy role="alert" so screen
 * readers announce it; a conflict offers to reload the current version.
 */
export function FormAlert({ result, reloadHref }: { result: FormResult | undefined; reloadHref?: string }) {
  if (!result || result.ok || !result.formError) return null;
  return <FailureAlert id="form-alert" failure={result} problem={fieldLink} reloadHref={reloadHref} />;
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
  return <FailureAlert id={id} failure={result} problem={placeProblem} />;
}

// ───────────────────────────── pages with several forms ─────────────────────────────

/** What the page's action answered (see app/shared/http/forms.server.ts): success or failure of one form. */
export interface IntentResult {
  ok: boolean;
  intent?: string;
  message?: string;
  warning?: string | null;
  formError?: string;
  fieldErrors?: Record<string, string>;
  conflict?: boolean;
  values?: Record<string, string>;
}

/**
 * The outcome of the last submission for the form `intent`: its field errors (by field name), the failure, what was
 * submitted, or the success — nothing when another form (or none) was submitted.
 */
export function useFormResult(actionData: unknown, intent: string) {
  const a = actionData as IntentResult | undefined;
  const mine = a && a.intent === intent ? a : undefined;
  const failure = mine && !mine.ok ? mine : undefined;
  return {
    errors: (failure?.fieldErrors ?? {}) as Record<string, string | undefined>,
    failure,
    success: mine && mine.ok ? mine : undefined,
    values: failure?.values as Record<string, string | undefined> | undefined,
  };
}

/**
 * The message after a form of the page was submitted: the confirmation (role="status", with its warning), or the
 * refusal (role="alert") whose problems link to this form's fields (`field-<intent>.<name>`, see IntentField).
 * Problems that are places rather than fields (an import's file, row, column) are listed as they are.
 */
export function ResultAlert({ actionData, intent, reloadHref }: { actionData: unknown; intent: string; reloadHref?: string }) {
  const { t } = useI18n();
  const { failure, success } = useFormResult(actionData, intent);
  if (success) {
    if (!success.message && !success.warning) return null;
    return (
      <div className={`alert ${success.warning ? 'alert-warning' : 'alert-success'}`} role="status" id={`esito-${intent}`}>
        {success.message ? <p className="mb-0">{success.message}</p> : null}
        {success.warning ? (
          <p className="mb-0 mt-1" id={`avviso-${intent}`}>
            {t('ui.form.warning')}: {success.warning}
          </p>
        ) : null}
      </div>
    );
  }
  if (!failure?.formError) return null;
  return (
    <FailureAlert
      id={`errori-${intent}`}
      failure={failure}
      problem={(field, message) => (/^[\w.[\]-]+$/.test(field) ? fieldLink(`${intent}.${field}`, message) : placeProblem(field, message))}
      reloadHref={reloadHref}
    />
  );
}

/** A field of one of the page's forms: its id is `field-<intent>.<name>` (unique on the page), its name stays plain. */
export function IntentField(props: {
  intent: string;
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode;
}) {
  const { intent, ...rest } = props;
  return <Field id={`field-${intent}.${props.name}`} {...rest} />;
}

/** A select's class, red when the field has an error. */
export const selectClass = (error: string | undefined) => `form-select${error ? ' is-invalid' : ''}`;

/**
 * One of the page's forms: POST with the CSRF token and its `intent`, its result message on top, and a submit button
 * that says it is working while the request runs. Works without JavaScript.
 */
export function IntentForm({
  intent,
  actionData,
  submitLabel,
  children,
  reloadHref,
  encType,
  className,
  label,
  action,
  submitClassName = 'btn btn-primary',
  footer,
  noValidate,
  submitDisabled,
}: {
  intent: string;
  actionData: unknown;
  submitLabel: string;
  children?: ReactNode;
  reloadHref?: string;
  encType?: 'multipart/form-data';
  className?: string;
  /** The form's accessible name, when the page has several. */
  label?: string;
  action?: string;
  submitClassName?: string;
  footer?: ReactNode;
  /** Leave the checks to the server, whose messages say more than the browser's (the fields keep `required`). */
  noValidate?: boolean;
  /** The form cannot be sent yet (the page says why). */
  submitDisabled?: boolean;
}) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent;
  return (
    <Form method="post" action={action} encType={encType} className={className} aria-label={label} noValidate={noValidate}>
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <ResultAlert actionData={actionData} intent={intent} reloadHref={reloadHref} />
      {children}
      <div className="d-flex flex-wrap gap-2 align-items-center">
        <button type="submit" className={submitClassName} disabled={busy || submitDisabled} aria-busy={busy || undefined}>
          {busy ? t('ui.form.working') : submitLabel}
        </button>
        {footer}
      </div>
    </Form>
  );
}

/** A file of an upload form: its field name, label, hint (by default: imports are all or nothing) and accepted types. */
export interface UploadFile {
  name: string;
  label: string;
  hint?: string;
  accept: string;
  /** Default true. */
  required?: boolean;
}

/**
 * A file upload (an import): the file field with what it accepts, and after a refused import the list of problems
 * by file, row and column. Imports are all or nothing: the hint says so. One file (`label`, `accept`, `name`…), or
 * several side by side (`files`, e.g. a dataset and its optional companion).
 */
export function UploadForm({
  intent,
  actionData,
  submitLabel,
  children,
  formLabel,
  footer,
  ...what
}: {
  intent: string;
  actionData: unknown;
  submitLabel: string;
  children?: ReactNode;
  /** The form's own accessible name, when the page has several uploads (never the field's label: that would name two things alike). */
  formLabel?: string;
  /** After the submit button (e.g. a link to what was imported). */
  footer?: ReactNode;
} & ({ label: string; hint?: string; accept: string; name?: string } | { files: UploadFile[] })) {
  const { t } = useI18n();
  const { errors } = useFormResult(actionData, intent);
  const files: UploadFile[] = 'files' in what ? what.files : [{ ...what, name: what.name ?? 'file' }];
  const several = files.length > 1;
  return (
    <IntentForm
      intent={intent}
      actionData={actionData}
      submitLabel={submitLabel}
      encType="multipart/form-data"
      label={formLabel}
      footer={footer}
      className={several ? 'row g-3 align-items-end' : undefined}
    >
      {files.map((file) => {
        const field = (
          <IntentField
            key={file.name}
            intent={intent}
            name={file.name}
            label={file.label}
            hint={file.hint ?? t('ui.upload.allOrNothing')}
            error={errors[file.name]}
          >
            {(p) => <input type="file" accept={file.accept} required={file.required ?? true} {...p} />}
          </IntentField>
        );
        return several ? (
          <div key={file.name} className="col-12 col-md-6">
            {field}
          </div>
        ) : (
          field
        );
      })}
      {children}
    </IntentForm>
  );
}
