import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { ValidationError } from '../errors.ts';
import { checkFileBytes, checkZipLimits, IMPORT_LIMITS, measureInflated, readZipDirectory, rowCounter, UnreadableZip, type ImportLimits } from './limits.ts';

/** A ZIP archive written by hand, so that an entry can declare a size it does not have (as a zip bomb does). */
function zip(entries: { name: string; data: Buffer; declared?: number; stored?: boolean; corrupt?: boolean }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    let body = e.stored ? e.data : deflateRawSync(e.data);
    if (e.corrupt) body = Buffer.from([0xff, 0xff, 0xff, 0xff, ...body.subarray(4)]);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const small: ImportLimits = { ...IMPORT_LIMITS, maxUnzippedBytes: 100_000, maxEntryBytes: 80_000, maxEntries: 5, maxRows: 3, maxFileBytes: 10_240 };

describe('import limits', () => {
  test('the central directory of a real workbook: its entries with their declared sizes, nothing unzipped', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('spesa').addRow(['anno', 'ente', 'area', 'canale', 'importo_euro']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const entries = readZipDirectory(bytes)!;
    assert.ok(entries.some((e) => e.name === 'xl/workbook.xml'));
    assert.ok(entries.some((e) => e.name === 'xl/worksheets/sheet1.xml'));
    const declared = checkZipLimits('spesa.xlsx', entries);
    assert.equal(
      declared,
      entries.reduce((s, e) => s + e.size, 0),
    );
    assert.equal(await measureInflated('spesa.xlsx', bytes, entries), declared, 'an honest archive unzips to what it declares');
  });

  test('bytes that are not a ZIP archive (a CSV renamed .xlsx, a truncated download) are not read as one', () => {
    assert.equal(readZipDirectory(new TextEncoder().encode('anno;ente;area\n2022;012070;ANZIANI\n')), null);
    const whole = zip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    assert.equal(readZipDirectory(whole.subarray(0, whole.length - 5)), null);
    assert.equal(readZipDirectory(new Uint8Array(0)), null);
  });

  test('a workbook declaring more than the limit is refused before anything is unzipped, naming the file, the size and the limit', () => {
    const bytes = zip([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(10), declared: 70_000 },
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(10), declared: 60_000 },
    ]);
    assert.throws(
      () => checkZipLimits('spesa.xlsx', readZipDirectory(bytes)!, small),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.issues[0]!.path, 'spesa.xlsx');
        assert.match(e.message, /^Il file spesa\.xlsx non è stato importato: una volta decompresso il file occuperebbe 127 kB, oltre il limite di 98 kB/);
        assert.match(e.message, /Nessun dato è stato modificato\.$/);
        return true;
      },
    );
    const oneEntry = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(10), declared: 90_000 }]);
    assert.throws(() => checkZipLimits('spesa.xlsx', readZipDirectory(oneEntry)!, small), /la parte «xl\/worksheets\/sheet1\.xml» del file occupa 88 kB/);
    const many = zip(Array.from({ length: 6 }, (_, i) => ({ name: `x${i}.xml`, data: Buffer.from('<x/>') })));
    assert.throws(() => checkZipLimits('spesa.xlsx', readZipDirectory(many)!, small), /il file contiene 6 parti, oltre il limite di 5/);
  });

  test('declared sizes can lie: the bytes actually unzipped are counted and the file refused as soon as they pass the limit', async () => {
    // 1 MB of zeros deflates to about 1 kB and declares 10 bytes: the directory check lets it through.
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024 * 1024), declared: 10 }]);
    const entries = readZipDirectory(bomb)!;
    assert.ok(bomb.length < 5_000);
    assert.equal(checkZipLimits('bomba.xlsx', entries, small), 10);
    await assert.rejects(measureInflated('bomba.xlsx', bomb, entries, { ...small, maxEntryBytes: 1e9 }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.path, 'bomba.xlsx');
      assert.match(e.message, /decomprimendolo si superano i 98 kB consentiti \(letti \d+ kB prima di fermarsi\)/);
      return true;
    });
    await assert.rejects(
      measureInflated('bomba.xlsx', bomb, entries, small),
      /la parte «xl\/worksheets\/sheet1\.xml» del file occupa \d+ kB una volta decompressa/,
    );
    // Only the entries asked for are measured.
    assert.equal(await measureInflated('bomba.xlsx', bomb, entries, small, (e) => e.name !== 'xl/worksheets/sheet1.xml'), 0);
  });

  test('stored entries count as they are; a damaged entry is UnreadableZip (the importer says the file is not a readable XLSX)', async () => {
    const stored = zip([{ name: 'a.xml', data: Buffer.alloc(500), stored: true }]);
    assert.equal(await measureInflated('a.xlsx', stored, readZipDirectory(stored)!, small), 500);
    const damaged = zip([{ name: 'a.xml', data: Buffer.from('<a>'.repeat(1000)), corrupt: true }]);
    await assert.rejects(measureInflated('a.xlsx', damaged, readZipDirectory(damaged)!, small), UnreadableZip);
  });

  test('rows are counted as they are read: the first row over the limit refuses the file, naming the limit', () => {
    const counter = rowCounter('spesa.csv', small);
    counter.add();
    counter.add();
    counter.add();
    assert.equal(counter.rows, 3);
    assert.throws(
      () => counter.add(),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(
          e.issues.map((i) => i.path),
          ['spesa.csv'],
        );
        assert.match(e.message, /^Il file spesa\.csv non è stato importato: il file ha più di 3 righe di dati, il limite per un file/);
        return true;
      },
    );
    const big = rowCounter('grande.csv');
    for (let i = 0; i < IMPORT_LIMITS.maxRows; i++) big.add();
    assert.throws(() => big.add(), /più di 300\.000 righe di dati/);
  });

  test('an upload over the bytes limit is refused with its size and the limit', () => {
    checkFileBytes('spesa.csv', 10_240, small);
    assert.throws(
      () => checkFileBytes('spesa.csv', 20_480, small),
      /Il file spesa\.csv non è stato importato: il file è di 20 kB, oltre il limite di 10 kB per file/,
    );
    assert.throws(() => checkFileBytes('spesa.csv', 20 * 1024 * 1024), /il file è di 20,0 MB, oltre il limite di 15,0 MB per file/);
  });
});
