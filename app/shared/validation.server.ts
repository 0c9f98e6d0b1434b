import { ValidationError, issuesFromZod } from './errors.ts';
import { requestLocale } from './i18n/tr.server.ts';
import { setValidationLocale, z } from './validation.ts';

const englishErrors = z.locales.en().localeError;

// The shared field rules (versionField, optionalText) speak the language of the request being served.
setValidationLocale(requestLocale);

interface Schema<T> {
  safeParse: (
    v: unknown,
    params?: { error?: typeof englishErrors },
  ) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/**
 * The validation step of every command: parses the input with its zod schema or throws a ValidationError whose issues
 * say which field and what is wrong, in the language of the request (zod's own messages included). Commands call it
 * after they have authorised the actor, inside nothing yet (no transaction is opened for a refused input).
 */
export function parseInput<T>(schema: Schema<T>, input: unknown): T {
  const r = schema.safeParse(input, requestLocale() === 'en' ? { error: englishErrors } : undefined);
  if (!r.success) throw new ValidationError(issuesFromZod(r.error));
  return r.data;
}
