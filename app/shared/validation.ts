import { z } from 'zod';

// Zod's fallback messages in Italian; user-facing fields still carry their own precise messages.
z.config(z.locales.it());

export { z };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when a value can be a record id (a UUID); anything else must be refused before it reaches a uuid column. */
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

/** Reads a form's `version` field (optimistic lock) as a positive integer. */
export const versionField = z.coerce
  .number({ message: 'Versione del record mancante: ricarica la pagina.' })
  .int()
  .positive('Versione del record non valida: ricarica la pagina.');

/** An optional free-text field: trimmed, empty becomes null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: al massimo ${max} caratteri.`)
    .nullish()
    .transform((v) => (v ? v : null));
