/**
 * Errors that commands throw and the HTTP layer turns into answers. Messages are Italian, for the user;
 * `code` is stable and machine-readable (module.snake_reason).
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.code = code;
    this.status = status;
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
  constructor(issues: FieldIssue[], message = 'Alcuni dati non sono validi: correggili e riprova.') {
    super('validation.invalid', message, 400);
    this.issues = issues;
    this.name = 'ValidationError';
  }
}

export class ConflictError extends AppError {
  readonly currentVersion: number | null;
  constructor(entity: string, currentVersion: number | null) {
    super(
      'conflict.stale_version',
      `Qualcun altro ha modificato ${entity} mentre lo stavi modificando: le tue modifiche non sono state salvate. ` +
        'Ricarica la pagina per vedere la versione attuale e riapplica le modifiche.',
      409,
    );
    this.currentVersion = currentVersion;
    this.name = 'ConflictError';
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Non hai i permessi per questa operazione.') {
    super('auth.forbidden', message, 403);
    this.name = 'ForbiddenError';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Devi accedere per continuare.') {
    super('auth.unauthenticated', message, 401);
    this.name = 'UnauthenticatedError';
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'La risorsa richiesta') {
    super('not_found', `${what} non esiste o non è visibile con il tuo profilo.`, 404);
    this.name = 'NotFoundError';
  }
}

/** Turns a zod error into field issues with Italian messages (zod's own are configured in Italian). */
export function issuesFromZod(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(modulo)', message: i.message }));
}
