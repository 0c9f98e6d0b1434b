// The shapes the governance pages repeat: a form that opens from a button under a list, and a row's remove button.
import type { ComponentProps, ReactNode } from 'react';
import { Form, Link } from 'react-router';
import { CsrfField, IntentField, IntentForm, ResultAlert, selectClass, useFormResult, useI18n } from '../../../shared/ui/kit.ts';

/**
 * A form of the page behind a button («Nuova riunione», «Aggiungi una parte»…): closed until opened, and open again
 * after the server refused it so that the errors are in sight. `hidden` holds the form's hidden fields (version, ids).
 */
export function DisclosedForm({
  intent,
  actionData,
  summary,
  submitLabel,
  hidden = {},
  open = false,
  reloadHref,
  encType,
  width = 'col-lg-10',
  className = 'mb-3',
  id,
  formKey,
  before,
  after,
  instead,
  submitDisabled,
  children,
}: {
  intent: string;
  actionData: unknown;
  summary: string;
  submitLabel: string;
  hidden?: Record<string, string | number>;
  /** Open also without a refusal (e.g. the only thing to do on an empty page). */
  open?: boolean;
  reloadHref?: string;
  encType?: 'multipart/form-data';
  width?: string;
  className?: string;
  id?: string;
  /** Renders the form anew when it changes (e.g. the record's version), so its defaults are the saved values. */
  formKey?: string | number;
  /** Above the form, e.g. the rule it applies. */
  before?: ReactNode;
  /** Under the form, e.g. a link to what is missing. */
  after?: ReactNode;
  /** Shown instead of the form when it cannot be filled in yet (says what to do first). */
  instead?: ReactNode;
  submitDisabled?: boolean;
  children: ReactNode;
}) {
  const { failure } = useFormResult(actionData, intent);
  return (
    <details className={className} open={open || !!failure} id={id}>
      <summary className="btn btn-outline-primary btn-sm">{summary}</summary>
      <div className={`${width} mt-3`}>
        {before}
        {instead ? (
          <>
            <ResultAlert actionData={actionData} intent={intent} reloadHref={reloadHref} />
            {instead}
          </>
        ) : (
          <PageForm
            key={formKey}
            intent={intent}
            actionData={actionData}
            submitLabel={submitLabel}
            hidden={hidden}
            reloadHref={reloadHref}
            encType={encType}
            submitDisabled={submitDisabled}
          >
            {children}
          </PageForm>
        )}
        {after}
      </div>
    </details>
  );
}

/** One of the page's forms (the kit's IntentForm, validated by the server) with its hidden fields. */
export function PageForm({
  hidden = {},
  children,
  ...props
}: Omit<ComponentProps<typeof IntentForm>, 'noValidate'> & { hidden?: Record<string, string | number> }) {
  return (
    <IntentForm noValidate {...props}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </IntentForm>
  );
}

/** A row's «Rimuovi» button (its own small form); `what` completes the button's name for screen readers. */
export function RemoveButton({ intent, hidden, label, what }: { intent: string; hidden: Record<string, string>; label: string; what: string }) {
  return (
    <Form method="post">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="btn btn-outline-danger btn-sm">
        {label}
        <span className="visually-hidden" translate="no">
          {' '}
          {what}
        </span>
      </button>
    </Form>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** The label is data as entered (a name): not translated. */
  data?: boolean;
}

/** A drop-down field of one of the page's forms; `empty` is the first, blank choice («Scegli…», «Nessuno»). */
export function SelectField({
  intent,
  name,
  label,
  error,
  hint,
  required,
  defaultValue,
  empty,
  choices,
}: {
  intent: string;
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  defaultValue?: string | null;
  empty?: string;
  choices: readonly Choice[];
}) {
  return (
    <IntentField intent={intent} name={name} label={label} error={error} hint={hint}>
      {(p) => (
        <select {...p} className={selectClass(error)} required={required} defaultValue={defaultValue ?? ''}>
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

/** Records as choices: their names are data. */
export const dataChoices = <T,>(rows: readonly T[], value: (r: T) => string, label: (r: T) => string): Choice[] =>
  rows.map((r) => ({ value: value(r), label: label(r), data: true }));

/** A one-line input of one of the page's forms (text, e-mail, date, number…). */
export function InputField({
  intent,
  name,
  label,
  error,
  hint,
  defaultValue,
  ...input
}: {
  intent: string;
  name: string;
  label: string;
  error?: string;
  hint?: string;
  defaultValue?: string | number | null;
  type?: 'text' | 'email' | 'date' | 'time' | 'url' | 'number';
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  autoComplete?: string;
  spellCheck?: boolean;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal';
}) {
  return (
    <IntentField intent={intent} name={name} label={label} error={error} hint={hint}>
      {(p) => <input type="text" {...input} {...p} defaultValue={defaultValue ?? ''} />}
    </IntentField>
  );
}

/** The form of a record's own page: its fields, «Salva» and «Annulla» (back to where the user came from). */
export function EditForm({
  intent,
  actionData,
  version,
  reloadHref,
  cancelHref,
  children,
}: {
  intent: string;
  actionData: unknown;
  version: number;
  reloadHref: string;
  cancelHref: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="col-lg-10">
      <PageForm
        intent={intent}
        actionData={actionData}
        submitLabel={t('gov.save')}
        hidden={{ version }}
        reloadHref={reloadHref}
        footer={
          <Link to={cancelHref} className="btn btn-outline-secondary">
            {t('gov.cancel')}
          </Link>
        }
      >
        {children}
      </PageForm>
    </div>
  );
}

/**
 * A file to attach (not an import, so not the kit's UploadForm: nothing is "all or nothing" here, and the form takes
 * no name of its own so that the file field is the only thing its label names).
 */
export function FileForm({
  intent,
  actionData,
  name,
  label,
  hint,
  accept,
  submitLabel,
  hidden,
}: {
  intent: string;
  actionData: unknown;
  name: string;
  label: string;
  hint: string;
  accept: string;
  submitLabel: string;
  hidden?: Record<string, string | number>;
}) {
  const { errors } = useFormResult(actionData, intent);
  return (
    <PageForm intent={intent} actionData={actionData} submitLabel={submitLabel} encType="multipart/form-data" hidden={hidden}>
      <IntentField intent={intent} name={name} label={label} hint={hint} error={errors[name]}>
        {(p) => <input {...p} type="file" accept={accept} />}
      </IntentField>
    </PageForm>
  );
}
