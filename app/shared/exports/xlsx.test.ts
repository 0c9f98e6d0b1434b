import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { FORMULA_PAYLOADS, SAFE_TEXT } from './payloads.ts';
import { TEXT_FORMAT, writeXlsx } from './xlsx.ts';

async function read(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
}

/** XML normalises a carriage return to a line feed (XML 1.0, § 2.11): what a reader of the file gets back. */
const asRead = (text: string) => text.replace(/\r/g, '\n');

test('a formula payload is a string cell with its own text, never a formula, and has the Text format', async () => {
  const book = await read(await writeXlsx([{ name: 'prova', header: ['testo'], rows: FORMULA_PAYLOADS.map((p) => [p]) }]));
  const sheet = book.getWorksheet('prova')!;
  FORMULA_PAYLOADS.forEach((payload, i) => {
    const cell = sheet.getCell(i + 2, 1);
    assert.equal(cell.type, ExcelJS.ValueType.String, JSON.stringify(payload));
    assert.equal(cell.formula, undefined, JSON.stringify(payload));
    // No apostrophe in the value: in XLSX it would be a visible character, not Excel's hidden prefix.
    assert.equal(cell.value, asRead(payload).replace(/\0/g, ''), JSON.stringify(payload));
    assert.equal(cell.numFmt, TEXT_FORMAT, JSON.stringify(payload));
  });
});

test('plain text stays plain; numbers, negative amounts and yes/no keep their type; nothing becomes a formula', async () => {
  const book = await read(
    await writeXlsx([
      {
        name: 'prova',
        header: ['testo', 'importo', 'si_no', 'vuoto'],
        rows: [...SAFE_TEXT.filter((t) => t !== '').map((t) => [t, -1250.5, true, null]), ['x', Number.NaN, false, undefined]],
      },
    ]),
  );
  const sheet = book.getWorksheet('prova')!;
  SAFE_TEXT.filter((t) => t !== '').forEach((text, i) => {
    const row = sheet.getRow(i + 2);
    assert.equal(row.getCell(1).value, text);
    assert.notEqual(row.getCell(1).numFmt, TEXT_FORMAT, JSON.stringify(text));
    assert.equal(row.getCell(2).value, -1250.5);
    assert.equal(row.getCell(2).type, ExcelJS.ValueType.Number);
    assert.equal(row.getCell(3).value, true);
    assert.equal(row.getCell(4).type, ExcelJS.ValueType.Null);
  });
  const last = sheet.getRow(SAFE_TEXT.length + 1);
  assert.equal(last.getCell(2).type, ExcelJS.ValueType.Null, 'NaN is an empty cell, as in the CSV');
  sheet.eachRow((row) => row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula)));
});

test('the layout the exports use: bold header, widths, column formats, frozen panes, several sheets', async () => {
  const book = await read(
    await writeXlsx([
      {
        name: 'dati',
        header: ['codice', 'comune_istat', 'nome'],
        rows: [['a', '012070', 'Gallarate']],
        width: 20,
        columns: [undefined, { numFmt: TEXT_FORMAT }],
        freeze: { rows: 1, columns: 2 },
      },
      { name: 'istruzioni', rows: [['modello', 'non modificarlo']], columns: [{ width: 30, bold: true }, { width: 90 }] },
    ]),
  );
  assert.deepEqual(
    book.worksheets.map((w) => w.name),
    ['dati', 'istruzioni'],
  );
  assert.equal(book.creator, 'Cantiere');
  const data = book.getWorksheet('dati')!;
  assert.equal(data.getRow(1).getCell(1).font?.bold, true);
  assert.deepEqual(
    [1, 2, 3].map((c) => data.getColumn(c).width),
    [20, 20, 20],
  );
  assert.equal(data.getCell('B2').value, '012070');
  assert.equal(data.getCell('B2').numFmt, TEXT_FORMAT);
  const view = data.views[0] as { state: string; ySplit: number; xSplit: number };
  assert.deepEqual([view.state, view.ySplit, view.xSplit], ['frozen', 1, 2]);
  const help = book.getWorksheet('istruzioni')!;
  assert.equal(help.getColumn(1).width, 30);
  assert.equal(help.getCell('A1').font?.bold, true);
  assert.equal(help.getCell('B1').font?.bold, undefined);
});
