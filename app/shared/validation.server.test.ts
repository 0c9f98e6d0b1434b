import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import { messageOf } from './http/request.server.ts';
import { withRequestId, setRequestLocale } from './log.ts';
import { parseInput } from './validation.server.ts';
import { optionalText, versionField, z } from './validation.ts';

const schema = z.object({ name: z.string().min(1, 'Il nome è obbligatorio.'), year: z.number().int() });

test('parseInput returns the data or a ValidationError by field, in the language of the request', () => {
  assert.deepEqual(parseInput(schema, { name: 'Gallarate', year: 2024 }), { name: 'Gallarate', year: 2024 });
  const refused = (input: unknown) => {
    try {
      parseInput(schema, input);
    } catch (e) {
      assert.ok(e instanceof ValidationError);
      return e.issues;
    }
    assert.fail('accepted');
  };
  const it = refused({ name: '', year: 'x' });
  assert.equal(it[0]!.path, 'name');
  assert.equal(it[0]!.message, 'Il nome è obbligatorio.');
  assert.match(it[1]!.message, /atteso|Input non valido/i);
  const en = withRequestId('r1', () => {
    setRequestLocale('en');
    return refused({ name: 'x', year: 'x' });
  });
  assert.equal(en[0]!.path, 'year');
  assert.match(en[0]!.message, /expected number/i);
});

test('the shared field rules and the default error messages speak the language of the request; Italian stays the logs’ text', () => {
  const versioned = z.object({ version: versionField, note: optionalText(5, 'Nota') });
  const issuesIn = (locale: string) =>
    withRequestId(`r-${locale}`, () => {
      setRequestLocale(locale);
      try {
        parseInput(versioned, { version: 'x', note: 'troppo lunga' });
      } catch (e) {
        assert.ok(e instanceof ValidationError);
        return { messages: e.issues.map((i) => i.message), said: messageOf(e), logged: e.message };
      }
      assert.fail('accepted');
    });
  assert.deepEqual(issuesIn('it'), {
    messages: ['Versione del record mancante: ricarica la pagina.', 'Nota: al massimo 5 caratteri.'],
    said: 'Alcuni dati non sono validi: correggili e riprova.',
    logged: 'Alcuni dati non sono validi: correggili e riprova.',
  });
  assert.deepEqual(issuesIn('en'), {
    messages: ['The record’s version is missing: reload the page.', 'Nota: at most 5 characters.'],
    said: 'Some data are not valid: correct them and try again.',
    logged: 'Alcuni dati non sono validi: correggili e riprova.',
  });
  const conflict = new ConflictError('la fonte di finanziamento', 3);
  assert.match(conflict.message, /^Qualcun altro ha modificato la fonte di finanziamento mentre/);
  assert.match(
    withRequestId('r-en', () => {
      setRequestLocale('en');
      return messageOf(new NotFoundError('Il piano'));
    }),
    /^What you asked for does not exist/,
  );
  assert.equal(new NotFoundError('Il piano').message, 'Il piano non esiste o non è visibile con il tuo profilo.');
});
