import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../errors.ts';
import { decodeImportText } from './decode.ts';

const CSV = 'comune;anno;note\nCantù;2024;città più bella, €\n';
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes of a text (its letters are all in Latin-1 or the euro sign). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
const utf16le = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));

const refusal = (bytes: Uint8Array) => {
  try {
    decodeImportText(bytes, 'popolazione.csv');
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.issues[0]!.path, 'popolazione.csv');
    return e.message;
  }
  assert.fail('accettato');
};

test('UTF-8 with or without BOM is read as it is, with no notice', () => {
  assert.deepEqual(decodeImportText(utf8(CSV), 'a.csv'), { text: CSV, encoding: 'UTF-8', notice: null });
  const bom = decodeImportText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CSV)]), 'a.csv');
  assert.equal(bom.text, CSV);
  assert.equal(bom.encoding, 'UTF-8');
});

test('Windows-1252 (Latin-1) is converted, accents and euro kept, and said', () => {
  const r = decodeImportText(cp1252(CSV), 'popolazione.csv');
  assert.equal(r.text, CSV);
  assert.equal(r.encoding, 'Windows-1252');
  assert.match(r.notice!, /popolazione\.csv era codificato in Windows-1252 \(Latin-1\)/);
  assert.ok(!r.text.includes('\ufffd'));
});

test('UTF-16 with its BOM is converted; without BOM it is refused naming UTF-16; binary files are refused', () => {
  assert.equal(decodeImportText(Uint8Array.from([0xff, 0xfe, ...utf16le(CSV)]), 'a.csv').text, CSV);
  assert.match(refusal(utf16le(CSV)), /popolazione\.csv non è stato importato: sembra codificato in UTF-16 senza/);
  assert.match(refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])), /non è un file di testo/);
  assert.match(refusal(Uint8Array.from([0x61, 0x01, 0x62])), /non è un file di testo/);
  assert.match(refusal(Uint8Array.from([0x61, 0x81, 0x62])), /non è in UTF-8 e non sembra neppure in Windows-1252/);
  assert.match(refusal(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xe0, 0x62])), /si dichiara in UTF-8/);
});
