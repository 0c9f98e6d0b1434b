import { z } from 'zod';
import { translate, type MessageKey, type UiLocale } from './i18n/messages.ts';

// Zod's fallback messages in Italian; user-facing fields still carry their own precise messages.
z.config(z.locales.it());

export { z };

let messageLocale: () => UiLocale = () => 'it';

/**
 * Where the messages of the shared field rules below take their language: the server gives the request's
 * (validation.server.ts); Italian otherwise.
 */
export function setValidationLocale(locale: () => UiLocale) {
  messageLocale = locale;
}

/** A message of a field rule, written when the input is checked, in the language of that moment. */
const say = (key: MessageKey, params?: Record<string, string | number>) => (): string => translate(messageLocale(), key, params);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when a value can be a record id (a UUID); anything else must be refused before it reaches a uuid column. */
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

/** Reads a form's `version` field (optimistic lock) as a positive integer. */
export const versionField = z.coerce
  .number({ error: say('validation.version.missing') })
  .int()
  .positive({ error: say('validation.version.invalid') });

/** An optional free-text field: trimmed, empty becomes null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: say('validation.text.tooLong', { label, max }) })
    .nullish()
    .transform((v) => (v ? v : null));
