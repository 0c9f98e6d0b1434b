import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortRows, tableCsv, type Column } from './table.rules.ts';

interface Row {
  comune: string;
  population: number | null;
}
const columns: Column<Row>[] = [
  { key: 'comune', header: 'Comune', value: (r) => r.comune },
  { key: 'popolazione', header: 'Popolazione', value: (r) => r.population, numeric: true },
];
const rows: Row[] = [
  { comune: 'Gallarate', population: 53_109 },
  { comune: 'Arsago Seprio', population: null },
  { comune: 'Cardano al Campo', population: 14_905 },
];

test('sorting by a numeric column puts missing figures last in both directions', () => {
  assert.deepEqual(
    sortRows(columns, rows, 'popolazione', false).map((r) => r.comune),
    ['Cardano al Campo', 'Gallarate', 'Arsago Seprio'],
  );
  assert.deepEqual(
    sortRows(columns, rows, 'popolazione', true).map((r) => r.comune),
    ['Gallarate', 'Cardano al Campo', 'Arsago Seprio'],
  );
  assert.deepEqual(sortRows(columns, rows, 'nessuna', false), rows, 'an unknown column leaves the order as it is');
});

test('the CSV carries the raw values, semicolon-separated, with a BOM for spreadsheets', () => {
  const csv = tableCsv(columns, [...rows, { comune: 'Nome; con "virgolette"', population: 1 }]);
  assert.ok(csv.startsWith('\ufeffcomune;popolazione\r\n'));
  assert.match(csv, /Gallarate;53109\r\n/);
  assert.match(csv, /Arsago Seprio;\r\n/);
  assert.match(csv, /"Nome; con ""virgolette""";1/);
});

test('the CSV neutralises a value a spreadsheet would run as a formula, and keeps numbers as numbers', () => {
  const csv = tableCsv(columns, [
    { comune: '=HYPERLINK("http://x","y")', population: -3 },
    { comune: '@SUM(A1)', population: 0 },
  ]);
  assert.match(csv, /\r\n"'=HYPERLINK\(""http:\/\/x"",""y""\)";-3\r\n/);
  assert.match(csv, /\r\n'@SUM\(A1\);0\r\n/);
});
