import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, neutraliseFormula, parseCsv, writeCsv } from './csv.ts';

test('reads a semicolon file with a BOM, quotes and CRLF, keeping line numbers', () => {
  const t = parseCsv('\ufeffa;b;c\r\n1;"due; con ""virgolette""";3\r\n\r\n4;5;6\r\n');
  assert.equal(t.delimiter, ';');
  assert.deepEqual(t.header, ['a', 'b', 'c']);
  assert.deepEqual(t.rows, [
    { line: 2, cells: ['1', 'due; con "virgolette"', '3'] },
    { line: 4, cells: ['4', '5', '6'] },
  ]);
});

test('reads a comma file without a final newline and a quoted field spanning lines', () => {
  const t = parseCsv('x,y\n"riga\nlunga",2\n3,4');
  assert.equal(t.delimiter, ',');
  assert.deepEqual(t.rows, [
    { line: 2, cells: ['riga\nlunga', '2'] },
    { line: 4, cells: ['3', '4'] },
  ]);
});

test('an empty file has no header and no rows', () => {
  assert.deepEqual(parseCsv(''), { header: [], rows: [], delimiter: ',' });
});

test('the writer neutralises text a spreadsheet would run as a formula, never numbers', () => {
  for (const risky of ['=SUM(A1:A2)', '+39 02 1234', '-2+3', '@cmd', '\tx', '\rx']) assert.equal(neutraliseFormula(risky), `'${risky}`);
  assert.equal(neutraliseFormula('Comune di Gallarate'), 'Comune di Gallarate');
  assert.equal(csvCell(-1250.5), '-1250.5');
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(true), 'true');
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
});
