// The shapes the governance pages repeat: a form that opens from a button under a list, a form's fields with the
// errors of its last submission (a row's remove button is the kit's RowButtonForm). The forms read the page's action
// result themselves (`useActionData`), so a page names each form only by its intent.
import type { ComponentProps, ReactNode } from 'react';
import { Link, useActionData } from 'react-router';
import { FieldGroup, IntentField, IntentForm, ResultAlert, useFormResult, useI18n } from '../../../shared/ui/kit.ts';

/**
 * A form's fields (the kit's FieldGroup) with the errors of the last submission of `intent`; their values when the
 * form opens are `values` (a saved record) or, for a new record refused by the server, what was typed.
 */
export function IntentFields({ intent, values, ...group }: Omit<ComponentProps<typeof FieldGroup>, 'errors'>) {
  const result = useFormResult(useActionData(), intent);
  return <FieldGroup intent={intent} errors={result.errors} values={values ?? result.values} {...group} />;
}

/**
 * A form of the page behind a button («Nuova riunione», «Aggiungi una parte»…): closed until opened, and open again
 * after the server refused it so that the errors are in sight. `hidden` holds the form's hidden fields (version, ids).
 */
export function DisclosedForm({
  intent,
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
  const actionData = useActionData();
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

/** One of the page's forms (the kit's IntentForm, validated by the server, with the page's action result) with its hidden fields. */
export function PageForm({
  hidden = {},
  children,
  ...props
}: Omit<ComponentProps<typeof IntentForm>, 'noValidate' | 'actionData'> & { hidden?: Record<string, string | number> }) {
  return (
    <IntentForm noValidate actionData={useActionData()} {...props}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </IntentForm>
  );
}

/** The form of a record's own page: its fields, «Salva» and «Annulla» (back to where the user came from). */
export function EditForm({
  intent,
  version,
  reloadHref,
  cancelHref,
  children,
}: {
  intent: string;
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
  name,
  label,
  hint,
  accept,
  submitLabel,
  hidden,
}: {
  intent: string;
  name: string;
  label: string;
  hint: string;
  accept: string;
  submitLabel: string;
  hidden?: Record<string, string | number>;
}) {
  const { errors } = useFormResult(useActionData(), intent);
  return (
    <PageForm intent={intent} submitLabel={submitLabel} encType="multipart/form-data" hidden={hidden}>
      <IntentField intent={intent} name={name} label={label} hint={hint} error={errors[name]}>
        {(p) => <input {...p} type="file" accept={accept} />}
      </IntentField>
    </PageForm>
  );
}
