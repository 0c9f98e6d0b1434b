import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from './errors.ts';
import { setRequestLocale, withRequestId } from './log.ts';
import { parseInput } from './validation.server.ts';
import {
  centsField,
  controlCharacterIssues,
  dateProblem,
  euroField,
  integerField,
  isCalendarDate,
  isoDate,
  MAX_CENTS,
  MAX_PERSONS,
  optionalEuro,
  optionalIsoDate,
  optionalRecordId,
  optionalText,
  optionalYear,
  parseEuroAmount,
  parsePersonsCount,
  personsField,
  queryDateProblem,
  recordId,
  requiredText,
  requireRecordId,
  versionField,
  yearField,
  z,
} from './validation.ts';

const ID = '6f1c1e9e-2a54-4a8a-9a57-2d4f5b1c0a11';

/** The messages of a refused input, by field. */
function refused(schema: z.ZodType, input: unknown, locale = 'it'): Record<string, string> {
  return withRequestId(`t-${locale}`, () => {
    setRequestLocale(locale);
    try {
      parseInput(schema, input);
    } catch (e) {
      assert.ok(e instanceof ValidationError, String(e));
      return Object.fromEntries(e.issues.map((i) => [i.path, i.message]));
    }
    assert.fail(`accettato: ${JSON.stringify(input)}`);
  });
}

test('a record id is a UUID; the message names the field, in the language of the request', () => {
  const s = z.object({ attachmentId: recordId('Allegato'), organisationId: optionalRecordId('Organizzazione') });
  assert.deepEqual(parseInput(s, { attachmentId: ` ${ID} `, organisationId: '' }), { attachmentId: ID, organisationId: null });
  assert.deepEqual(parseInput(s, { attachmentId: ID }), { attachmentId: ID, organisationId: null });
  const it = refused(s, { attachmentId: 'abc', organisationId: '1 or 1=1' });
  assert.match(it.attachmentId!, /^Allegato: elemento non riconosciuto/);
  assert.match(it.organisationId!, /^Organizzazione: elemento non riconosciuto/);
  assert.match(refused(s, { attachmentId: '' }).attachmentId!, /^Allegato: campo obbligatorio/);
  assert.match(refused(s, { attachmentId: 'x' }, 'en').attachmentId!, /^Allegato: item not recognised/);
  assert.equal(requireRecordId(ID, 'lineId'), ID);
  for (const bad of ['abc', '', undefined, 42, `${ID}x`]) {
    assert.throws(
      () => requireRecordId(bad, 'lineId'),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'lineId' && /lineId/.test(e.issues[0]!.message),
    );
  }
});

test('texts refuse NUL and the other C0 controls, keep tab and line breaks', () => {
  const s = z.object({ name: requiredText('Nome', { min: 2, max: 20 }), note: optionalText(50, 'Nota') });
  assert.deepEqual(parseInput(s, { name: ' Gallarate ', note: 'riga 1\r\nriga\t2' }), { name: 'Gallarate', note: 'riga 1\r\nriga\t2' });
  assert.deepEqual(parseInput(s, { name: 'ab', note: '   ' }), { name: 'ab', note: null });
  const bad = refused(s, { name: 'Galla\u0000rate', note: 'a\u0007b' });
  assert.match(bad.name!, /^Nome: il testo contiene caratteri di controllo/);
  assert.match(bad.note!, /^Nota: il testo contiene caratteri di controllo/);
  for (const c of ['\u0000', '\u0001', '\u000b', '\u000c', '\u001b', '\u001f']) assert.ok(refused(s, { name: `ab${c}` }).name, JSON.stringify(c));
  assert.match(refused(s, { name: 'a' }).name!, /^Nome: almeno 2 caratteri/);
  assert.match(refused(s, { name: '' }).name!, /^Nome: campo obbligatorio/);
  assert.deepEqual(
    controlCharacterIssues({ title: 'ok\n', body: 'x\u0000', file: 3 }).map((i) => i.path),
    ['body'],
  );
});

test('integers are bounded: the integer column by default, persons to 100 million', () => {
  const s = z.object({ n: integerField('Numero'), total: personsField('Popolazione') });
  assert.deepEqual(parseInput(s, { n: '1.250', total: '4418' }), { n: 1250, total: 4418 });
  assert.deepEqual(parseInput(s, { n: 2_147_483_647, total: 100_000_000 }), { n: 2_147_483_647, total: 100_000_000 });
  const bad = refused(s, { n: '2147483648', total: '2147483648' });
  assert.match(bad.n!, /^Numero: un numero intero da 0 a 2\.147\.483\.647/);
  assert.match(bad.total!, /^Popolazione: un numero intero da 0 a 100\.000\.000/);
  assert.match(refused(s, { n: '1,5', total: '-1' }).n!, /^Numero: scrivi un numero intero/);
  assert.match(refused(s, { n: '1e20', total: 1 }).n!, /numero intero/);
  assert.match(refused(s, { n: '', total: 1 }).n!, /campo obbligatorio/);
  assert.match(refused(z.object({ version: versionField }), { version: '99999999999' }).version!, /Versione del record non valida/);
});

test('years are 1900–2100 unless the domain asks for less', () => {
  const s = z.object({ year: yearField('Anno'), plan: yearField('Primo anno', { min: 2000 }), extra: optionalYear('Anno di riferimento') });
  assert.deepEqual(parseInput(s, { year: '1900', plan: 2100, extra: '' }), { year: 1900, plan: 2100, extra: null });
  const bad = refused(s, { year: '3000', plan: '1999', extra: '0202' });
  assert.match(bad.year!, /^Anno: un anno di quattro cifre tra il 1\.900 e il 2\.100|^Anno: un anno di quattro cifre tra il 1900 e il 2100/);
  assert.ok(bad.plan && bad.extra);
});

test('money in cents is bounded to 100 miliardi €', () => {
  const s = z.object({ amount: euroField('Importo', { positive: true }), spent: optionalEuro('Speso'), cents: centsField('Centesimi') });
  assert.deepEqual(parseInput(s, { amount: '1.234,56', spent: '', cents: 0 }), { amount: 123_456, spent: null, cents: 0 });
  assert.deepEqual(parseInput(s, { amount: '1.234,56', cents: 0 }), { amount: 123_456, spent: null, cents: 0 }, 'an absent optional field is null');
  assert.deepEqual(parseInput(s, { amount: '100.000.000.000', spent: '0', cents: MAX_CENTS }), { amount: MAX_CENTS, spent: 0, cents: MAX_CENTS });
  const bad = refused(s, { amount: '100000000000000000', spent: '100.000.000.000,01', cents: MAX_CENTS + 1 });
  assert.match(bad.amount!, /^Importo: l’importo supera il massimo ammesso di 100\.000\.000\.000\s€/);
  assert.match(bad.spent!, /supera il massimo/);
  assert.match(bad.cents!, /supera il massimo/);
  const more = refused(s, { amount: '0', spent: '-5', cents: 1.5 });
  assert.match(more.amount!, /maggiore di zero/);
  assert.match(more.spent!, /negativo/);
  assert.ok(more.cents);
  assert.match(refused(s, { amount: 'dodici', cents: 1 }).amount!, /importo non valido «dodici»/);
  assert.match(refused(s, { cents: 1 }).amount!, /^Importo: campo obbligatorio/);
});

test('the bounded parsers refuse an amount over MAX_CENTS and a count over MAX_PERSONS as too large', () => {
  assert.deepEqual(parseEuroAmount('100.000.000.000'), { ok: true, value: MAX_CENTS });
  assert.deepEqual(parseEuroAmount('100.000.000.000,01'), { ok: false, reason: 'too_large' });
  assert.deepEqual(parseEuroAmount('1e17'), { ok: false, reason: 'invalid' });
  assert.deepEqual(parseEuroAmount('-5'), { ok: false, reason: 'negative' });
  assert.deepEqual(parsePersonsCount('100.000.000'), { ok: true, value: MAX_PERSONS });
  assert.deepEqual(parsePersonsCount('100000001'), { ok: false, reason: 'too_large' });
  assert.deepEqual(parsePersonsCount(''), { ok: true, value: null });
});

test('dates are days of the calendar from 1900 to 2100', () => {
  assert.ok(isCalendarDate('2024-02-29'));
  for (const d of ['2023-02-29', '2024-13-45', '2024-04-31', '2024-00-10', '2024-1-1', '0000-01-01']) assert.ok(!isCalendarDate(d) || d === '0000-01-01', d);
  assert.equal(dateProblem('2024-13-45'), 'nonexistent');
  assert.equal(dateProblem('0000-01-01'), 'range');
  assert.equal(dateProblem('9999-12-31'), 'range');
  assert.equal(dateProblem('0001-01-01'), 'range');
  assert.equal(dateProblem('31/12/2024'), 'invalid');
  assert.equal(dateProblem('1900-01-01'), null);
  assert.equal(dateProblem('2100-12-31'), null);
  const s = z.object({ date: isoDate('Data'), until: optionalIsoDate('Fino al') });
  assert.deepEqual(parseInput(s, { date: ' 2025-06-30 ', until: '' }), { date: '2025-06-30', until: null });
  const bad = refused(s, { date: '9999-12-31', until: '2023-02-29' });
  assert.match(bad.date!, /^Data: la data deve cadere tra il 01\/01\/1900 e il 31\/12\/2100/);
  assert.match(bad.until!, /^Fino al: il giorno 2023-02-29 non esiste/);
  assert.match(refused(s, { date: '30/06/2025' }).date!, /^Data: data non valida «30\/06\/2025»/);
  assert.match(refused(s, { date: '' }).date!, /campo obbligatorio/);
  assert.match(refused(s, { date: '0000-01-01' }, 'en').date!, /^Data: the date must fall between 01\/01\/1900 and 31\/12\/2100/);
  assert.equal(queryDateProblem('from', '2024-06-01'), null);
  assert.match(queryDateProblem('from', '2024-13-45')!, /^Il filtro «from» dell’indirizzo non è valido: from: il giorno 2024-13-45 non esiste/);
});
