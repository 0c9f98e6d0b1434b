// The database's refusals as the application's errors. A unique index, a foreign key or a type of PostgreSQL can refuse
// a write that the commands' own checks let through — two requests at once, a record deleted meanwhile, a value the
// validation did not foresee. Such a refusal must reach the user as a clear 409 or 400 in their language, never as a
// 500: `dbErrorToAppError` recognises the errors of both drivers (pg's DatabaseError and PGlite's, with the same
// fields: code, constraint, detail, table), also when drizzle wraps them (DrizzleQueryError keeps the driver's error
// as `cause`) or a transaction rethrows them. The shared layer knows no module: each module registers what its unique
// constraints mean (registerConstraintMessages, called by its schema file next to the indexes); a constraint nobody
// registered gets a generic message naming its columns.
import { AppError, ValidationError, type FieldIssue, type MessageRef } from '../errors.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { log } from '../log.ts';
import type { Db } from './client.ts';

/** The fields PostgreSQL gives with an error (pg and PGlite name them alike). */
export interface PgErrorFields {
  /** SQLSTATE, e.g. 23505 (unique_violation). */
  code: string;
  constraint?: string;
  /** e.g. «Key (ambito_id, code)=(…, AS-1) already exists.» (the words follow the server's language, the brackets do not). */
  detail?: string;
  table?: string;
  message: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The PostgreSQL error inside `error` (itself, or its `cause` chain: drizzle's DrizzleQueryError, a rethrow), or null. */
export function pgErrorOf(error: unknown): PgErrorFields | null {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth++, e = (e as { cause?: unknown }).cause) {
    if (e instanceof AppError) return null;
    const { code, message } = e as { code?: unknown; message?: unknown };
    // Node's own errors have codes too (ENOENT, EPERM): only the classes handled below are ever used.
    if (typeof code === 'string' && SQLSTATE.test(code) && typeof message === 'string') {
      const { constraint, detail, table } = e as { constraint?: unknown; detail?: unknown; table?: unknown };
      return {
        code,
        message,
        ...(typeof constraint === 'string' ? { constraint } : {}),
        ...(typeof detail === 'string' ? { detail } : {}),
        ...(typeof table === 'string' ? { table } : {}),
      };
    }
  }
  return null;
}

/** What a unique constraint means to the user: the message (a module's dictionary entry) and the form field it belongs to. */
export interface ConstraintMessage {
  key: MessageKey;
  /** The form field the message is shown next to (e.g. "code"); none: at the top of the form. */
  field?: string;
}

const constraintMessages = new Map<string, ConstraintMessage>();

/**
 * Says what a module's unique constraints (by index name) mean, e.g.
 * `registerConstraintMessages({ services_ambito_code_unique: { key: 'svc.dup.code', field: 'code' } })`. Modules call
 * it from their schema file, next to the indexes, so that the messages are known wherever the tables are written
 * (the application, the command line, the tests). Registering again replaces.
 */
export function registerConstraintMessages(entries: Record<string, MessageKey | ConstraintMessage>): void {
  for (const [name, entry] of Object.entries(entries)) constraintMessages.set(name, typeof entry === 'string' ? { key: entry } : entry);
}

/** Every constraint with a registered message. */
export const registeredConstraints = (): string[] => [...constraintMessages.keys()];

/** A write refused because the same record already exists (a unique constraint): 409, the user reloads to see it. */
export class DuplicateError extends AppError {
  readonly constraint: string | null;
  readonly field: string | null;
  constructor(constraint: string | null, message: MessageRef, field: string | null = null, options: { cause?: unknown } = {}) {
    super('conflict.duplicate', message, 409);
    this.name = 'DuplicateError';
    this.constraint = constraint;
    this.field = field;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/** A write refused because a record it refers to is gone, or a deletion because the record is still referred to: 409. */
export class ReferenceConflictError extends AppError {
  readonly constraint: string | null;
  constructor(constraint: string | null, message: MessageRef, options: { cause?: unknown } = {}) {
    super('conflict.reference', message, 409);
    this.name = 'ReferenceConflictError';
    this.constraint = constraint;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/** Splits «a, lower(b), COALESCE(c, '…'::date)» at its top-level commas. */
function topLevelParts(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/**
 * The columns of a unique violation, from its detail «Key (ambito_id, lower(name::text))=(…) already exists.»: each
 * expression reduced to the column it reads (lower(), btrim(), coalesce() and casts dropped), the owner's `…_id`
 * columns left out when others remain, underscores as spaces. Empty when the detail does not say.
 */
export function duplicateColumns(detail: string | undefined): string[] {
  const match = detail ? /\((.*)\)=\(/.exec(detail) : null;
  if (!match) return [];
  const columns = topLevelParts(match[1]!)
    .map((expression) => {
      const bare = expression.replace(/'(?:[^']|'')*'/g, "''").replace(/::[a-z ]+/gi, '');
      return /(?<![\w'])([a-z_][a-z0-9_]*)\b(?!\s*\()/i.exec(bare)?.[1] ?? null;
    })
    .filter((c): c is string => c !== null);
  const own = columns.filter((c) => !/_id$/.test(c));
  return (own.length ? own : columns).map((c) => c.replace(/_/g, ' '));
}

/** The 400 message of each data exception (SQLSTATE class 22) the validation should have caught. */
const DATA_EXCEPTIONS: Record<string, MessageKey> = {
  '22P02': 'error.db.invalidText',
  '22003': 'error.db.outOfRange',
  '22021': 'error.db.badCharacter',
  '22007': 'error.db.badDate',
  '22008': 'error.db.badDate',
  '22001': 'error.db.tooLong',
};

/**
 * The application's error for a refusal of the database, or null when `error` is something else (then it stays a
 * 500). An AppError is returned as it is. unique_violation (23505) → DuplicateError 409 with the constraint's
 * registered message (or a generic one naming its columns); foreign_key_violation (23503) → ReferenceConflictError 409;
 * data exceptions (class 22), not-null (23502) and check (23514) violations → ValidationError 400 with a generic message
 * (the input's validation should say it first: this is a safety net). The driver's error is kept as `cause`.
 */
export function dbErrorToAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const pg = pgErrorOf(error);
  if (!pg) return null;
  const translated = translate(pg, error);
  // A duplicate or a reference gone is what happens when two people write at once; a value refused by its type is a
  // hole in the input's validation, worth a warning.
  if (translated) {
    const fields = { sqlstate: pg.code, constraint: pg.constraint ?? null, table: pg.table ?? null };
    if (translated instanceof ValidationError) log.warn('dato rifiutato dal database: manca un controllo nella validazione', fields);
    else log.info('scrittura rifiutata dal database', fields);
  }
  return translated;
}

function translate(pg: PgErrorFields, cause: unknown): AppError | null {
  if (pg.code === '23505') {
    const registered = pg.constraint ? constraintMessages.get(pg.constraint) : undefined;
    if (registered) return new DuplicateError(pg.constraint!, { key: registered.key }, registered.field ?? null, { cause });
    const fields = duplicateColumns(pg.detail);
    const message: MessageRef = fields.length ? { key: 'error.db.duplicate', params: { fields: fields.join(', ') } } : { key: 'error.db.duplicateUnknown' };
    return new DuplicateError(pg.constraint ?? null, message, null, { cause });
  }
  if (pg.code === '23503') {
    // «update or delete on table … violates foreign key constraint»: the record is still referred to. The words are
    // the server's (English unless lc_messages says otherwise); any other form is read as a reference that is gone.
    const stillReferenced = /still referenced|^update or delete on/i.test(`${pg.detail ?? ''} ${pg.message}`);
    return new ReferenceConflictError(pg.constraint ?? null, { key: stillReferenced ? 'error.db.stillReferenced' : 'error.db.missingReference' }, { cause });
  }
  if (pg.code.startsWith('22') || pg.code === '23502' || pg.code === '23514') {
    const key = DATA_EXCEPTIONS[pg.code] ?? 'error.db.invalid';
    const issues: FieldIssue[] = [];
    const error = new ValidationError(issues, { key });
    error.cause = cause;
    return error;
  }
  return null;
}

/** Runs a command and rethrows a refusal of the database as the application's error (dbErrorToAppError). */
export async function withDbErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw dbErrorToAppError(error) ?? error;
  }
}

/**
 * Makes the top-level transactions of `db` (every command's one transaction) rethrow the database's refusals as the
 * application's errors, so that a command refused by a unique index fails like one refused by its own check — for the
 * pages and the API, and also for the command line, the background jobs and the tests. The driver's error stays the
 * `cause`, but callers recognise the refusal by the application's error (a DuplicateError's `constraint`), not by
 * pgErrorOf, which stops at an application error. Nested transactions (savepoints) are
 * left alone: their errors reach the outer transaction unchanged.
 */
export function translateTransactionErrors<D extends Db>(db: D): D {
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => withDbErrors(() => transaction(run, config))) as D['transaction'];
  return db;
}
