import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../csv.ts';
import { csvCell, isFormulaLike, neutraliseFormula, writeCsv } from './csv.ts';
import { FORMULA_PAYLOADS, SAFE_TEXT } from './payloads.ts';

test('every formula payload is written with a leading apostrophe, and reads back as that text', () => {
  for (const payload of FORMULA_PAYLOADS) {
    assert.ok(isFormulaLike(payload), JSON.stringify(payload));
    assert.equal(neutraliseFormula(payload), `'${payload}`, JSON.stringify(payload));
  }
  const text = writeCsv(['testo'], [...FORMULA_PAYLOADS.map((p) => [p])]);
  const back = parseCsv(text);
  assert.deepEqual(
    back.rows.map((r) => r.cells[0]),
    FORMULA_PAYLOADS.map((p) => `'${p}`),
  );
  // No line of the file starts a cell with a formula character, quoted or not.
  for (const line of text
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .slice(1, -1))
    assert.doesNotMatch(line, /^"?[=+\-@\t＝＋－＠]/, JSON.stringify(line));
});

test('plain text and negative numbers written as text pass untouched; numbers are never touched', () => {
  for (const safe of SAFE_TEXT) assert.equal(neutraliseFormula(safe), safe, JSON.stringify(safe));
  assert.equal(csvCell(-1250.5), '-1250.5');
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell('\r=1'), `"'\r=1"`);
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvCell(true), 'true');
  assert.equal(csvCell('-0,5'), '-0,5', 'a decimal-comma negative number written as text');
  assert.equal(csvCell('Nome; x'), '"Nome; x"');
});

test('a written file has the BOM, one header row, CRLF, quotes where needed, and reads back the same', () => {
  const text = writeCsv(
    ['anno', 'nome', 'importo_euro'],
    [
      [2022, 'Minori; famiglia', 6530195],
      [2023, 'riga\nlunga', null],
    ],
  );
  assert.ok(text.startsWith('\ufeffanno;nome;importo_euro\r\n'));
  assert.ok(text.endsWith('\r\n'));
  const back = parseCsv(text);
  assert.deepEqual(back.header, ['anno', 'nome', 'importo_euro']);
  assert.deepEqual(
    back.rows.map((r) => r.cells),
    [
      ['2022', 'Minori; famiglia', '6530195'],
      ['2023', 'riga\nlunga', ''],
    ],
  );
  assert.equal(writeCsv(['a', 'b'], [[1, 2]], { delimiter: ',', bom: false }), 'a,b\r\n1,2\r\n');
  assert.equal(writeCsv(['a', 'b'], []), '\ufeffa;b\r\n', 'a template: the header alone');
});
