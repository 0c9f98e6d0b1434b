import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from './csv.ts';

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
