import { z } from 'zod';
import { ValidationError, type FieldIssue } from './errors.ts';
import { formatDate, formatMoney, formatNumber, parseCount, parseEuroCents, type Parsed } from './format/index.ts';
import { formatLocale, translate, type MessageKey, type UiLocale } from './i18n/messages.ts';

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

/** A field's name in a message: a text, or a function that words it when the input is checked (a dictionary entry). */
export type FieldLabel = string | (() => string);
const labelOf = (label: FieldLabel) => (typeof label === 'function' ? label() : label);

/** A message of a field rule, written when the input is checked, in the language of that moment. */
const say = (key: MessageKey, params?: Record<string, string | number>) => (): string => translate(messageLocale(), key, params);
/** The same, for a rule that names its field (and may add values computed in the language of that moment). */
const sayAbout = (key: MessageKey, label: FieldLabel, params?: (locale: 'it' | 'en') => Record<string, string | number>) => (): string => {
  const locale = messageLocale();
  return translate(locale, key, { label: labelOf(label), ...params?.(formatLocale(locale)) });
};

// ───────────────────────────── the bounds (issue 16) ─────────────────────────────

/** The largest value of a PostgreSQL `integer` column (2^31 − 1): anything above is a database error, not a number. */
export const PG_INTEGER_MAX = 2_147_483_647;

/**
 * The largest count of persons a field accepts (population, users, beneficiaries): 100 million. Italy has about 59
 * million inhabitants, so no comune, Ambito or Region comes near it, while a typo (a column of codes read as people, a
 * value with its decimals glued on) is caught; it is also far below the `integer` columns' limit (2^31 − 1).
 */
export const MAX_PERSONS = 100_000_000;

/**
 * The largest amount of money a field accepts: 10^13 cents, 100 miliardi €. Money columns are `bigint` cents (the
 * `cents` column of db/columns.ts; 2^63 − 1 would overflow at 9,2·10^16 €), but cents are JavaScript numbers, exact
 * only up to 2^53 (90 000 miliardi €): the bound keeps any amount, and the sum of thousands of them, exact. No social
 * plan, fund or spending line of an Ambito or Region comes near it (the Fondo nazionale politiche sociali is about
 * 400 milioni € a year for the whole of Italy).
 */
export const MAX_CENTS = 10_000_000_000_000;

/** Years that a field accepts (same as the forms' caps): earlier or later is a typo (3000, 0202), not a plan. */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

/** Days that a date field accepts: the years above, from the first to the last day. */
export const DATE_RANGE = { min: `${YEAR_RANGE.min}-01-01`, max: `${YEAR_RANGE.max}-12-31` } as const;

// ───────────────────────────── bounded parsers ─────────────────────────────

/**
 * An amount in euro, typed in a form or read from a file («1.234,56», «1234», «€ 1.234,00»), into integer cents within
 * the bound of every amount: the reading of parseEuroCents (app/shared/format), and above MAX_CENTS the same
 * 'too_large' it gives beyond the exact integers. Every reader of a typed amount calls this one, so none repeats the bound.
 */
export function parseEuroAmount(raw: string): Parsed<number> {
  const r = parseEuroCents(raw);
  return r.ok && r.value > MAX_CENTS ? { ok: false, reason: 'too_large' } : r;
}

/** A count of persons («4418», «4.418»; blank: null, not recorded) within MAX_PERSONS: above it, 'too_large'. */
export function parsePersonsCount(raw: string): Parsed<number | null> {
  const r = parseCount(raw);
  return r.ok && r.value !== null && r.value > MAX_PERSONS ? { ok: false, reason: 'too_large' } : r;
}

// ───────────────────────────── pure checks ─────────────────────────────

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when a value can be a record id (a UUID); anything else must be refused before it reaches a uuid column. */
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * True when a text holds a C0 control character other than tab, line feed and carriage return: the null character
 * (which PostgreSQL cannot store in a text column: a database error) and the others, which no one types.
 */
export const hasControlCharacters = (s: string): boolean => CONTROL.test(s);

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is an existing day of the calendar written AAAA-MM-GG (2023-02-29 and 2024-13-45 are not). */
export function isCalendarDate(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** Why a date field is refused (null: it is a day of the calendar within DATE_RANGE). */
export function dateProblem(s: string): 'invalid' | 'nonexistent' | 'range' | null {
  if (!ISO_DAY.test(s)) return 'invalid';
  if (!isCalendarDate(s)) return 'nonexistent';
  return s < DATE_RANGE.min || s > DATE_RANGE.max ? 'range' : null;
}

/** True when `s` is a day of the calendar (AAAA-MM-GG) within DATE_RANGE. */
export const isIsoDateInRange = (s: string): boolean => dateProblem(s) === null;

// eslint-disable-next-line no-control-regex -- the control characters are what this removes
const ALL_CONTROLS = /[\u0000-\u001f]/g;

/** A value as it may be shown inside a message: at most 40 characters, control characters left out. */
const shown = (v: unknown) => String(v).replace(ALL_CONTROLS, '').slice(0, 40);

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

// ───────────────────────────── field rules ─────────────────────────────

/** Reads a form's `version` field (optimistic lock) as a positive integer. */
export const versionField = z.coerce
  .number({ error: say('validation.version.missing') })
  .int()
  .positive({ error: say('validation.version.invalid') })
  .max(PG_INTEGER_MAX, { error: say('validation.version.invalid') });

/**
 * The refinement of a text field that refuses control characters (for a string schema with its own messages):
 * `.refine(...noControlCharacters('Nota'))`; without a label the message says «the text» (the issue names the field).
 */
export const noControlCharacters = (label?: FieldLabel) =>
  [
    (s: string) => !hasControlCharacters(s),
    { error: label === undefined ? say('validation.text.controlAny') : sayAbout('validation.text.control', label) },
  ] as const;

/** A text with no control characters (tab and line breaks allowed); the base of every text field. */
export const plainText = (label: FieldLabel) =>
  z.string({ error: sayAbout('validation.required', label) }).refine((s) => !hasControlCharacters(s), { error: sayAbout('validation.text.control', label) });

/** A required free-text field: trimmed, between `min` and `max` characters, no control characters. */
export const requiredText = (label: FieldLabel, { min = 1, max }: { min?: number; max: number }) =>
  plainText(label)
    .trim()
    .min(1, { error: sayAbout('validation.required', label), abort: true })
    .min(min, { error: sayAbout('validation.text.tooShort', label, () => ({ min })) })
    .max(max, { error: sayAbout('validation.text.tooLong', label, () => ({ max })) });

/** An optional free-text field: trimmed, empty becomes null; no control characters. */
export const optionalText = (max: number, label: FieldLabel) =>
  plainText(label)
    .trim()
    .max(max, { error: sayAbout('validation.text.tooLong', label, () => ({ max })) })
    .nullish()
    .transform((v) => (v ? v : null));

/** A reference to another record (a UUID), required; the message names the field. */
export const recordId = (label: FieldLabel) =>
  z
    .string({ error: sayAbout('validation.required', label) })
    .trim()
    .min(1, { error: sayAbout('validation.required', label), abort: true })
    .refine(isUuid, { error: sayAbout('validation.id.invalid', label) });

/** An optional reference to another record: '' or absent becomes null, anything else must be a UUID. */
export const optionalRecordId = (label: FieldLabel) =>
  z
    .string({ error: sayAbout('validation.id.invalid', label) })
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isUuid(v), { error: sayAbout('validation.id.invalid', label) });

/**
 * A whole number as a form sends it («1250», «1.250», «-3») or as a number, checked between `min` and `max`; the
 * default bounds are those of a PostgreSQL `integer` column from 0.
 */
function readInteger(v: unknown): number {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : Number.NaN;
  if (typeof v !== 'string') return Number.NaN;
  const s = v.replace(/[\s\u00a0\u202f]/g, '').replace(/^−/, '-');
  if (!/^-?(\d+|\d{1,3}(\.\d{3})+)$/.test(s)) return Number.NaN;
  const n = Number(s.replaceAll('.', ''));
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

interface IntegerOptions {
  min?: number;
  max?: number;
  /** The message when the number is out of range (default: «a whole number from min to max»). */
  rangeMessage?: MessageKey;
}

const integerCheck = (label: FieldLabel, { min = 0, max = PG_INTEGER_MAX, rangeMessage = 'validation.integer.range' }: IntegerOptions) => {
  const range = sayAbout(rangeMessage, label, (l) => ({ min: formatNumber(l, min), max: formatNumber(l, max) }));
  return (v: unknown, ctx: z.RefinementCtx): number => {
    const n = readInteger(v);
    if (Number.isNaN(n)) {
      ctx.addIssue({
        code: 'custom',
        message: rangeMessage === 'validation.integer.range' ? sayAbout('validation.integer.invalid', label, () => ({ value: shown(v) }))() : range(),
      });
      return z.NEVER;
    }
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: range() });
      return z.NEVER;
    }
    return n;
  };
};

/** A required whole number between `min` and `max` (default 0 … 2^31 − 1, the `integer` column). */
export const integerField = (label: FieldLabel, options: IntegerOptions = {}) =>
  z.unknown().transform((v, ctx) => {
    if (blank(v)) {
      ctx.addIssue({ code: 'custom', message: sayAbout('validation.required', label)() });
      return z.NEVER;
    }
    return integerCheck(label, options)(v, ctx);
  });

/** An optional whole number ('' or absent: null) between `min` and `max`. */
export const optionalInteger = (label: FieldLabel, options: IntegerOptions = {}) =>
  z
    .unknown()
    .optional()
    .transform((v, ctx): number | null => (blank(v) ? null : integerCheck(label, options)(v, ctx)));

/** A count of persons (population, users, beneficiaries): 0 … MAX_PERSONS. */
export const personsField = (label: FieldLabel) => integerField(label, { min: 0, max: MAX_PERSONS });
export const optionalPersons = (label: FieldLabel) => optionalInteger(label, { min: 0, max: MAX_PERSONS });

/** A year: four digits within YEAR_RANGE, or the narrower range of the domain (a plan from 2000). */
export const yearField = (label: FieldLabel, { min = YEAR_RANGE.min, max = YEAR_RANGE.max }: { min?: number; max?: number } = {}) =>
  integerField(label, { min, max, rangeMessage: 'validation.year.invalid' });
export const optionalYear = (label: FieldLabel, { min = YEAR_RANGE.min, max = YEAR_RANGE.max }: { min?: number; max?: number } = {}) =>
  optionalInteger(label, { min, max, rangeMessage: 'validation.year.invalid' });

/** Why an amount of cents is refused, or null. */
function centsProblem(cents: number, positive: boolean): MessageKey | null {
  if (!Number.isSafeInteger(cents)) return 'validation.money.tooLarge';
  if (cents < 0) return 'validation.money.negative';
  if (positive && cents === 0) return 'validation.money.positive';
  return cents > MAX_CENTS ? 'validation.money.tooLarge' : null;
}

const moneyCheck =
  (label: FieldLabel, positive: boolean) =>
  (v: unknown, ctx: z.RefinementCtx): number => {
    const fail = (key: MessageKey) => {
      ctx.addIssue({ code: 'custom', message: sayAbout(key, label, (l) => ({ value: shown(v), max: formatMoney(l, MAX_CENTS) }))() });
      return z.NEVER;
    };
    if (blank(v)) return fail('validation.required');
    if (typeof v !== 'string') return fail('validation.money.invalid');
    const parsed = parseEuroAmount(v);
    if (!parsed.ok) {
      if (parsed.reason === 'negative') return fail('validation.money.negative');
      if (parsed.reason === 'too_many_decimals') return fail('validation.money.decimals');
      if (parsed.reason === 'too_large') return fail('validation.money.tooLarge');
      return fail(parsed.reason === 'missing' ? 'validation.required' : 'validation.money.invalid');
    }
    const problem = centsProblem(parsed.value, positive);
    return problem ? fail(problem) : parsed.value;
  };

/**
 * An amount typed in euro («12.500», «12500,50», «1.234,56 €») read into integer cents, 0 … MAX_CENTS (`positive`:
 * more than zero).
 */
export const euroField = (label: FieldLabel, { positive = false }: { positive?: boolean } = {}) => z.unknown().transform(moneyCheck(label, positive));
/** The same, optional: '' or absent is null. */
export const optionalEuro = (label: FieldLabel, { positive = false }: { positive?: boolean } = {}) =>
  z
    .unknown()
    .optional()
    .transform((v, ctx): number | null => (blank(v) ? null : moneyCheck(label, positive)(v, ctx)));

/** An amount already in cents (files, the API): an integer 0 … MAX_CENTS (`positive`: more than zero). */
export const centsField = (label: FieldLabel, { positive = false }: { positive?: boolean } = {}) =>
  z.number({ error: sayAbout('validation.money.invalid', label, () => ({ value: '' })) }).superRefine((cents, ctx) => {
    const problem = centsProblem(cents, positive);
    if (problem) ctx.addIssue({ code: 'custom', message: sayAbout(problem, label, (l) => ({ value: String(cents), max: formatMoney(l, MAX_CENTS) }))() });
  });

/** The message of each reason dateProblem gives. */
const DATE_MESSAGE: Record<NonNullable<ReturnType<typeof dateProblem>>, MessageKey> = {
  invalid: 'validation.date.invalid',
  nonexistent: 'validation.date.nonexistent',
  range: 'validation.date.range',
};

const dateCheck = (label: FieldLabel) => (s: string, ctx: z.RefinementCtx) => {
  const problem = dateProblem(s);
  if (!problem) return;
  const key = DATE_MESSAGE[problem];
  ctx.addIssue({
    code: 'custom',
    message: sayAbout(key, label, (l) => ({ value: shown(s), min: formatDate(l, DATE_RANGE.min), max: formatDate(l, DATE_RANGE.max) }))(),
  });
};

/** A required date AAAA-MM-GG: a day of the calendar (no 2023-02-29) within DATE_RANGE (1900–2100). */
export const isoDate = (label: FieldLabel) =>
  z
    .string({ error: sayAbout('validation.required', label) })
    .trim()
    .min(1, { error: sayAbout('validation.required', label), abort: true })
    .superRefine(dateCheck(label));

/** An optional date: '' or absent is null, anything else as isoDate. */
export const optionalIsoDate = (label: FieldLabel) =>
  z
    .string({ error: sayAbout('validation.date.invalid', label, () => ({ value: '' })) })
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .superRefine((v, ctx) => {
      if (v !== null) dateCheck(label)(v, ctx);
    });

// ───────────────────────────── checks outside zod ─────────────────────────────

/**
 * The id of a record given to a command (a hidden form field, an API argument): returns it when it is a UUID, or
 * refuses the input with a ValidationError on `field` (never a database error on a uuid column).
 */
export function requireRecordId(value: unknown, field: string, label: FieldLabel = field): string {
  const v = typeof value === 'string' ? value.trim() : value;
  if (isUuid(v)) return v;
  throw new ValidationError([{ path: field, message: sayAbout(blank(v) ? 'validation.required' : 'validation.id.invalid', label)() }]);
}

/** The fields of a form (or of any input) whose text holds control characters (see hasControlCharacters). */
export function controlCharacterIssues(fields: Record<string, unknown>): FieldIssue[] {
  return Object.entries(fields)
    .filter(([, v]) => typeof v === 'string' && hasControlCharacters(v))
    .map(([name]) => ({ path: name, message: sayAbout('validation.text.control', name)() }));
}

/** Where `value` (a parsed JSON file) holds a text — a value or a key — that `bad` refuses, as a path, or null. */
function textPath(value: unknown, bad: (s: string) => boolean, path: string[] = []): string | null {
  if (typeof value === 'string') return bad(value) ? path.join('.') || '(file)' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    if (typeof k === 'string' && bad(k)) return [...path, k].join('.');
    const found = textPath(v, bad, [...path, String(k)]);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Where a parsed JSON file holds a text with control characters (`\u0000` written as an escape: JSON has no other
 * way), as a path («questionnaires.0.title»), or null. Importers of JSON files refuse such a file, naming the place.
 */
const controlCharacterPath = (value: unknown): string | null => textPath(value, hasControlCharacters);

/**
 * Refuses a parsed JSON file one of whose texts holds a control character (JSON writes them only as escapes, such as
 * `\u0000`, which PostgreSQL cannot store) or half of a surrogate pair (an escape such as `\udc00` alone: not a
 * character, and refused by a jsonb column), naming the file and the place; every JSON importer calls it after parsing.
 */
export function refuseControlCharactersInJson(data: unknown, fileName: string): void {
  const control = controlCharacterPath(data);
  const at = control ?? textPath(data, (s) => !s.isWellFormed());
  if (at === null) return;
  const message = say(control !== null ? 'import.json.control' : 'import.json.surrogate', { file: fileName, path: at })();
  throw new ValidationError([{ path: `${fileName}, ${at}`, message }], message);
}

/** Refuses a submitted form any of whose texts holds control characters, naming the fields. */
export function refuseControlCharacters(fields: Record<string, unknown>): void {
  const issues = controlCharacterIssues(fields);
  if (issues.length) throw new ValidationError(issues);
}

/** Why a value of the query string (`?from=…`) is not a date of DATE_RANGE, worded for the 400 page; null when it is. */
export function queryDateProblem(name: string, value: string): string | null {
  const problem = dateProblem(value);
  if (!problem) return null;
  const locale = messageLocale();
  const key = DATE_MESSAGE[problem];
  const l = formatLocale(locale);
  const detail = translate(locale, key, { label: name, value: shown(value), min: formatDate(l, DATE_RANGE.min), max: formatDate(l, DATE_RANGE.max) });
  return translate(locale, 'validation.query.invalid', { name, problem: detail });
}
