// How a page's forms answer: one convention for every module (see app/shared/ui/forms.tsx for the screen side).
import { data } from 'react-router';
import { tr } from '../i18n/tr.server.ts';
import { refuseControlCharacters } from '../validation.ts';
import { formFailure, toHttpError } from './request.server.ts';

/** A form that worked: which one, and what to tell the user (a warning is shown next to the confirmation). */
export interface IntentSuccess {
  ok: true;
  intent: string;
  message?: string;
  warning?: string | null;
}

/** A form that was refused: which one, the summary, the problems by field (or by file, row, column), what was sent. */
export interface IntentFailure {
  ok: false;
  intent: string;
  formError: string;
  fieldErrors: Record<string, string>;
  conflict: boolean;
  /** What was submitted, so that forms rendered again by the server (no JavaScript) keep the user's answers. */
  values: Record<string, string>;
}

const echoOf = (echo: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(echo).filter(([k, v]) => k !== '_csrf' && typeof v === 'string')) as Record<string, string>;

/**
 * Runs one form's command: a validation failure comes back as 400 and an edit conflict as 409, both as data for the
 * form named `intent` (keeping what was typed); any other failure becomes the error page (403, 404…).
 */
export async function runIntent<T>(request: Request, intent: string, fn: () => Promise<T>, echo: Record<string, unknown> = {}) {
  try {
    return await fn();
  } catch (error) {
    const refused = formFailure(error);
    if (refused) return data({ ...refused.failure, intent, values: echoOf(echo) } satisfies IntentFailure, { status: refused.status });
    toHttpError(error, request);
  }
}

export type FormFields = Record<string, FormDataEntryValue>;
type Handler = (form: FormFields, raw: FormData) => Promise<unknown>;

/**
 * The action of a page with several forms: reads the submitted `intent`, runs its handler through runIntent, and
 * answers 400 with a message for an intent the page does not have (never a default form).
 */
export async function intentAction(request: Request, handlers: Record<string, Handler>, options: { echo?: boolean } = {}) {
  const raw = await request.formData();
  const form = Object.fromEntries(raw) as FormFields;
  const intent = typeof form.intent === 'string' ? form.intent : '';
  const handler = Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  if (!handler) throw data(tr('ui.intent.unknown', { intent: intent || '—' }), { status: 400 });
  // A text with the null character (or another control character) is refused here for every form, naming the fields:
  // PostgreSQL cannot store it, and no one types it (issue 16). The commands' own rules refuse it too.
  const run = async () => (refuseControlCharacters(form), handler(form, raw));
  return runIntent(request, intent, run, options.echo ? form : {});
}

/** A successful form's answer. */
export const done = (intent: string, message?: string, warning?: string | null): IntentSuccess => ({ ok: true, intent, message, warning: warning ?? null });
