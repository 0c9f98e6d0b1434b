import { translate, type MessageKey } from './i18n/messages.ts';

/** A message as an entry of the dictionaries: its key and the values it names. */
export interface MessageRef {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * Errors that commands throw and the HTTP layer turns into answers; `code` is stable and machine-readable
 * (module.snake_reason). A message given as text (usually already written with `tr`) is said as it is; a message given
 * as a dictionary entry (the defaults below) is kept as `messageRef`, so that pages and the API say it in the request's
 * language (`messageOf` in app/shared/http/request.server.ts), while `message`, for the logs, is its Italian.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageRef: MessageRef | null;
  constructor(code: string, message: string | MessageRef, status: number) {
    super(typeof message === 'string' ? message : translate('it', message.key, message.params));
    this.code = code;
    this.status = status;
    this.messageRef = typeof message === 'string' ? null : message;
    this.name = 'AppError';
  }
}

/** A field-level problem: where (field, or file/row/column for imports) and what. */
export interface FieldIssue {
  /** Form field or import location, e.g. "name" or "comuni.csv, riga 4, colonna codice_istat". */
  path: string;
  message: string;
}

export class ValidationError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], message: string | MessageRef = { key: 'error.app.invalid' }) {
    super('validation.invalid', message, 400);
    this.issues = issues;
    this.name = 'ValidationError';
  }
}

export class ConflictError extends AppError {
  readonly currentVersion: number | null;
  constructor(entity: string, currentVersion: number | null) {
    super('conflict.stale_version', { key: 'error.app.conflict', params: { entity } }, 409);
    this.currentVersion = currentVersion;
    this.name = 'ConflictError';
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string | MessageRef = { key: 'error.app.forbidden' }) {
    super('auth.forbidden', message, 403);
    this.name = 'ForbiddenError';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message: string | MessageRef = { key: 'error.app.unauthenticated' }) {
    super('auth.unauthenticated', message, 401);
    this.name = 'UnauthenticatedError';
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'La risorsa richiesta') {
    super('not_found', { key: 'error.app.notFound', params: { what } }, 404);
    this.name = 'NotFoundError';
  }
}

/** Turns a zod error into field issues with Italian messages (zod's own are configured in Italian). */
export function issuesFromZod(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(modulo)', message: i.message }));
}
