// Rebuilds the TrueType files of this folder from the WOFF files of @fontsource/titillium-web (a development
// dependency): `node app/modules/reports/document/fonts/woff-to-ttf.ts`. WOFF 1.0 is the same font with each table
// compressed by zlib; the tables are copied back unchanged into an sfnt file, so the glyphs, metrics and names are the
// font's own (SIL Open Font License 1.1, see OFL.txt). Run only when the font package changes; the .ttf files are
// committed, and nothing reads the package at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = woff.toString('latin1', at, at + 4);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error(`Table ${tag}: ${data.length} bytes instead of ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const chunks: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    header.write(table.tag, at, 'latin1');
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    chunks.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(chunks);
}

if (import.meta.main) {
  const source = new URL('../../../../../node_modules/@fontsource/titillium-web/files/', import.meta.url);
  const faces = [
    ['400-normal', 'Regular'],
    ['700-normal', 'Bold'],
    ['400-italic', 'Italic'],
    ['700-italic', 'BoldItalic'],
  ];
  for (const [from, to] of faces) {
    for (const [subset, suffix] of [
      ['latin', ''],
      ['latin-ext', '-LatinExt'],
    ]) {
      const ttf = woffToSfnt(readFileSync(new URL(`titillium-web-${subset}-${from}.woff`, source)));
      writeFileSync(new URL(`TitilliumWeb${suffix}-${to}.ttf`, import.meta.url), ttf);
      console.log(`TitilliumWeb${suffix}-${to}.ttf`, ttf.length);
    }
  }
}
