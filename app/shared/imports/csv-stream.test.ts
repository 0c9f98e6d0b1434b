import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCsv } from '../csv.ts';
import { countLines, CsvRecordParser, csvRecords, csvRecordsFromBytes, type CsvRecord } from './csv-stream.ts';

function streamed(text: string, cuts: number[]): { records: CsvRecord[]; delimiter: string | null } {
  const parser = new CsvRecordParser();
  const records: CsvRecord[] = [];
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    records.push(...parser.push(text.slice(at, cut)));
    at = cut;
  }
  records.push(...parser.end());
  return { records, delimiter: parser.chosenDelimiter };
}

// The stream hands the header out as the first record, as it is; parseCsv trims it apart and keeps the other rows.

/** A small deterministic random generator (the test must not depend on chance). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('CSV read one record at a time', () => {
  test('the same records as parseCsv on tricky texts: quotes, doubled quotes, CR, CRLF, blank lines, BOM, no final line end', () => {
    const texts = [
      '\ufeffanno;ente;note\r\n2022;012070;"a; b"\r\n\r\n2023;ambito;"detto ""così"""\r\n',
      'a,b\n1,"two\nlines"\n3,4',
      'a;b\r1;2\r\r3;4\r',
      'a;b\n"x"y;z\n w";"\n',
      'solo una riga senza fine',
      'a,b,c\n1,2,\n',
      '',
      '\n\n',
      'a;b\n"non chiusa;x\ny',
      'a;b\n"";""\n""',
    ];
    for (const text of texts) {
      const parsed = parseCsv(text);
      const got = streamed(text, []);
      const [head, ...rows] = got.records;
      assert.deepEqual(rows, parsed.rows, JSON.stringify(text));
      assert.deepEqual(
        (head?.cells ?? []).map((h) => h.trim()),
        parsed.header,
        JSON.stringify(text),
      );
      if (text.includes('\n')) assert.equal(got.delimiter, parsed.delimiter);
    }
  });

  test('random texts cut at random places read exactly as parseCsv reads them whole', () => {
    const next = random(15);
    const alphabet = ['a', 'b', ';', ',', '"', '"', '\n', '\r', '\r\n', ' ', 'è', '\ufeff'];
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(next() * 40);
      let text = next() < 0.2 ? '\ufeff' : '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const cuts = [...new Set(Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() * (text.length + 1))))].sort((a, b) => a - b);
      const parsed = parseCsv(text);
      const [head, ...rows] = streamed(text, cuts).records;
      assert.deepEqual(rows, parsed.rows, `${JSON.stringify(text)} cut at ${cuts.join(',')}`);
      assert.deepEqual(
        (head?.cells ?? []).map((h) => h.trim()),
        parsed.header,
        `${JSON.stringify(text)} cut at ${cuts.join(',')}`,
      );
    }
  });

  test('a large file given as bytes: accented letters split between two pieces, line numbers kept', () => {
    const lines = ['anno;ente;area;canale;importo_euro;note'];
    for (let i = 0; i < 30_000; i++) lines.push(`2022;012070;ANZIANI;COMUNI;${i},50;perché è così ${i}`);
    const text = `${lines.join('\r\n')}\r\n`;
    const bytes = new TextEncoder().encode(`\ufeff${text}`);
    const fromBytes = [...csvRecordsFromBytes(bytes)];
    const fromText = [...csvRecords(text)];
    assert.equal(fromBytes.length, 30_001);
    assert.deepEqual(fromBytes, fromText);
    assert.deepEqual(fromBytes.slice(1), parseCsv(text).rows);
    assert.deepEqual(fromBytes[30_000], { line: 30_001, cells: ['2022', '012070', 'ANZIANI', 'COMUNI', '29999,50', 'perché è così 29999'] });
    assert.equal(countLines(text), 30_001);
    assert.equal(countLines(bytes), 30_001);
    assert.equal(countLines('a\nb'), 2);
    assert.equal(countLines(''), 0);
  });
});
