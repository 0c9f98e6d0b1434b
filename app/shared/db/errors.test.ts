import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { translate } from '../i18n/messages.ts';
import { configureLog } from '../log.ts';
import { dbErrorToAppError, DuplicateError, duplicateColumns, pgErrorOf, ReferenceConflictError, registerConstraintMessages, withDbErrors } from './errors.ts';

configureLog({ level: 'error' });

// The errors as the drivers give them (fields copied from pg's DatabaseError and PGlite's, which are alike), wrapped
// as drizzle wraps them: a DrizzleQueryError whose `cause` is the driver's error.
function driverError(fields: { code: string; message: string; constraint?: string; detail?: string; table?: string }) {
  return Object.assign(new Error(fields.message), { name: 'error', severity: 'ERROR', ...fields });
}
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert into "t" …\nparams: …'), { name: 'DrizzleQueryError', cause });

const unique = (constraint: string, detail: string) =>
  wrapped(driverError({ code: '23505', message: `duplicate key value violates unique constraint "${constraint}"`, constraint, detail, table: 't' }));

test('the PostgreSQL error is found in the error itself or down its cause chain, and only there', () => {
  const pg = driverError({ code: '22P02', message: 'invalid input syntax for type uuid: "x"' });
  assert.equal(pgErrorOf(pg)?.code, '22P02');
  assert.equal(pgErrorOf(wrapped(pg))?.code, '22P02');
  assert.equal(pgErrorOf(new Error('rethrown', { cause: wrapped(pg) }))?.code, '22P02');
  assert.equal(pgErrorOf(Object.assign(new Error('no such file'), { code: 'ENOENT' })), null);
  assert.equal(pgErrorOf(new Error('plain')), null);
  assert.equal(pgErrorOf('text'), null);
  assert.equal(pgErrorOf(null), null);
  // An error of the application is never read as the database's, even with a cause.
  assert.equal(pgErrorOf(Object.assign(new NotFoundError('Il piano'), { cause: pg })), null);
});

test('the columns of a duplicate come from the detail, expressions reduced to their column, the owner left out', () => {
  assert.deepEqual(duplicateColumns('Key (ambito_id, code, valid_from)=(5b1c…, AS-1, 2025-01-01) already exists.'), ['code', 'valid from']);
  assert.deepEqual(duplicateColumns("Key (body_id, person_id, COALESCE(valid_from, '-infinity'::date))=(…, …, -infinity) already exists."), ['valid from']);
  assert.deepEqual(duplicateColumns('Key (lower(email::text))=(a@b.it) already exists.'), ['email']);
  assert.deepEqual(duplicateColumns('Key (ambito_id, lower(btrim(name)))=(…, tavolo) already exists.'), ['name']);
  assert.deepEqual(duplicateColumns('Key (meeting_id, member_id)=(…, …) already exists.'), ['meeting id', 'member id']);
  // The words follow the server's language; the brackets do not.
  assert.deepEqual(duplicateColumns('La chiave (ambito_id, year)=(…, 2025) esiste già.'), ['year']);
  assert.deepEqual(duplicateColumns(undefined), []);
  assert.deepEqual(duplicateColumns('something else'), []);
});

test('a unique violation is a 409 with the message its module registered, on its field', () => {
  registerConstraintMessages({ test_widgets_code_unique: { key: 'error.app.forbidden', field: 'code' }, test_widgets_name_unique: 'error.app.invalid' });
  const e = dbErrorToAppError(unique('test_widgets_code_unique', 'Key (code)=(A) already exists.'));
  assert.ok(e instanceof DuplicateError);
  assert.equal(e.status, 409);
  assert.equal(e.code, 'conflict.duplicate');
  assert.equal(e.constraint, 'test_widgets_code_unique');
  assert.equal(e.field, 'code');
  assert.deepEqual(e.messageRef, { key: 'error.app.forbidden' });
  assert.equal(pgErrorOf(e.cause)?.code, '23505', 'the driver’s error stays the cause');
  const plain = dbErrorToAppError(unique('test_widgets_name_unique', 'Key (name)=(A) already exists.'));
  assert.ok(plain instanceof DuplicateError);
  assert.equal(plain.field, null);
});

test('an unregistered unique violation is a 409 that names its columns, or says «the same record» without a detail', () => {
  const e = dbErrorToAppError(unique('somewhere_unique', 'Key (ambito_id, year)=(…, 2025) already exists.'));
  assert.ok(e instanceof DuplicateError);
  assert.equal(e.status, 409);
  assert.equal(e.message, translate('it', 'error.db.duplicate', { fields: 'year' }));
  assert.match(e.message, /\(year\)/);
  const bare = dbErrorToAppError(driverError({ code: '23505', message: 'duplicate key value' }));
  assert.equal(bare?.messageRef?.key, 'error.db.duplicateUnknown');
});

test('a foreign-key violation is a 409: the linked record is gone, or is still used by others', () => {
  const gone = dbErrorToAppError(
    wrapped(
      driverError({
        code: '23503',
        message: 'insert or update on table "social_worker_posts" violates foreign key constraint "fk"',
        detail: 'Key (ambito_id)=(…) is not present in table "ambiti".',
        constraint: 'fk',
      }),
    ),
  );
  assert.ok(gone instanceof ReferenceConflictError);
  assert.equal(gone.status, 409);
  assert.equal(gone.messageRef?.key, 'error.db.missingReference');
  const used = dbErrorToAppError(
    driverError({
      code: '23503',
      message: 'update or delete on table "people" violates foreign key constraint "fk" on table "governance_body_members"',
      detail: 'Key (id)=(…) is still referenced from table "governance_body_members".',
    }),
  );
  assert.equal(used?.messageRef?.key, 'error.db.stillReferenced');
});

test('data exceptions, not-null and check violations are a 400 with a generic message for each kind', () => {
  const cases = {
    '22P02': 'error.db.invalidText',
    '22003': 'error.db.outOfRange',
    '22021': 'error.db.badCharacter',
    '22007': 'error.db.badDate',
    '22008': 'error.db.badDate',
    '22001': 'error.db.tooLong',
    '22012': 'error.db.invalid',
    '23502': 'error.db.invalid',
    '23514': 'error.db.invalid',
  } as const;
  for (const [code, key] of Object.entries(cases)) {
    const e = dbErrorToAppError(wrapped(driverError({ code, message: `sqlstate ${code}` })));
    assert.ok(e instanceof ValidationError, code);
    assert.equal(e.status, 400, code);
    assert.equal(e.messageRef?.key, key, code);
    assert.deepEqual(e.issues, []);
  }
});

test('other errors are left alone: the application’s as they are, anything else (a 500) untouched', async () => {
  const conflict = new ConflictError('il piano', 3);
  assert.equal(dbErrorToAppError(conflict), conflict);
  assert.equal(dbErrorToAppError(new Error('boom')), null);
  assert.equal(dbErrorToAppError(driverError({ code: '40001', message: 'could not serialize access' })), null);
  await assert.rejects(
    withDbErrors(() => Promise.reject(unique('x_unique', 'Key (x)=(1) already exists.'))),
    DuplicateError,
  );
  await assert.rejects(
    withDbErrors(() => Promise.reject(new Error('boom'))),
    /boom/,
  );
  assert.equal(await withDbErrors(() => Promise.resolve(7)), 7);
});
