import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/messages.ts';

/** A failed submission of one of the page's forms (see routes/governance.server.ts). */
export interface IntentFailureData {
  ok: false;
  intent: string;
  formError: string;
  fieldErrors: Record<string, string>;
  conflict: boolean;
  values?: Record<string, string>;
}

/**
 * The outcome of the page's last submission for the form `intent`: its field errors (by field name) and the
 * failure to show in its alert, or nothing when another form (or none) was submitted.
 */
export function formState(
  actionData: unknown,
  intent: string,
): { errors: Record<string, string | undefined>; failure: IntentFailureData | undefined; values: Record<string, string | undefined> | undefined } {
  const a = actionData as Partial<IntentFailureData> | undefined;
  if (!a || a.ok !== false || a.intent !== intent) return { errors: {}, failure: undefined, values: undefined };
  return { errors: a.fieldErrors ?? {}, failure: a as IntentFailureData, values: a.values };
}

/**
 * The shared FormAlert for one form of a page with several: its links point to this form's fields, whose ids are
 * `field-<intent>.<name>` (see GovField).
 */
export function GovFormAlert({ failure, intent, reloadHref }: { failure: IntentFailureData | undefined; intent: string; reloadHref?: string }) {
  if (!failure) return null;
  const fieldErrors = Object.fromEntries(Object.entries(failure.fieldErrors).map(([k, v]) => [`${intent}.${k}`, v]));
  return <FormAlert result={{ ...failure, fieldErrors }} reloadHref={reloadHref} />;
}

/**
 * The shared Field, with an id unique on the page (`field-<intent>.<name>`) while the input keeps its plain `name`:
 * pages with several forms can repeat a field name (e.g. «date») without duplicate ids.
 */
export function GovField({
  intent,
  name,
  label,
  error,
  hint,
  children,
}: {
  intent: string;
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode;
}) {
  return (
    <Field id={`field-${intent}.${name}`} name={name} label={label} error={error} hint={hint}>
      {children}
    </Field>
  );
}

/** A select's class, red when the field has an error. */
export const selectClass = (error: string | undefined) => `form-select${error ? ' is-invalid' : ''}`;

/** Bootstrap Italia breadcrumb: the path from the governance home to this page. */
export function Breadcrumb({ items }: { items: { label: string; to?: string }[] }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb-container" aria-label={t('gov.breadcrumb')}>
      <ol className="breadcrumb">
        {items.map((item, i) => (
          <li key={i} className={`breadcrumb-item${item.to ? '' : ' active'}`} aria-current={item.to ? undefined : 'page'}>
            {item.to ? <Link to={item.to}>{item.label}</Link> : item.label}
            {i < items.length - 1 && <span className="separator">/</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The confirmation after a successful form (the action redirects with ?esito=<what>). */
export function DoneNotice({ messages }: { messages: Partial<Record<string, MessageKey>> }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const key = messages[params.get('esito') ?? ''];
  if (!key) return null;
  return (
    <div className="alert alert-success" role="status">
      {t(key)}
    </div>
  );
}

/** «12/03/2025» for an ISO day, «—» for none. */
export function useDay() {
  const { d } = useI18n();
  return (iso: string | null | undefined) => (iso ? d(`${iso}T12:00:00Z`) : '—');
}

/** File sizes the Italian way: «1,2 MB», «350 kB». */
export function useFileSize() {
  const { n } = useI18n();
  return (bytes: number) => (bytes >= 1024 * 1024 ? `${n(bytes / 1024 / 1024, 1)} MB` : `${n(Math.max(1, Math.round(bytes / 1024)))} kB`);
}
