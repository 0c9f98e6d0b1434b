/**
 * The limits of an imported file (issue 15), the same for every importer: how many data rows a file may hold, how
 * large an upload may be, and — for an XLSX workbook, a ZIP archive of XML files — how much it may unzip to. A 4 MB
 * workbook can unzip to hundreds of MB (a "zip bomb", or just a sheet full of formatted empty cells), so it is
 * measured before anything is parsed:
 * 1. `checkZipLimits` reads the archive's central directory (the list of its entries at the end of the file) and
 *    refuses a workbook whose declared sizes are over the limits, before anything is unzipped (the page's action does
 *    this at once);
 * 2. the declared sizes can lie: `measureInflated` unzips the entries as a stream (zlib works off the event loop),
 *    counting the bytes actually produced and throwing away the output, and stops as soon as a limit is passed.
 * Every refusal is a ValidationError whose message names the file, the size found and the limit.
 */
import { createInflateRaw } from 'node:zlib';
import { ValidationError } from '../errors.ts';
import { serverFormat, tr } from '../i18n/tr.server.ts';

export const IMPORT_LIMITS = {
  /** Data rows of one file (or one sheet of a workbook). */
  maxRows: 300_000,
  /** One uploaded file (the request body is capped at 20 MB by server/app.ts). */
  maxFileBytes: 15 * 1024 * 1024,
  /** An XLSX workbook, once unzipped: all its entries together. */
  maxUnzippedBytes: 150 * 1024 * 1024,
  /** One entry of the workbook (a sheet, the shared strings…), once unzipped. */
  maxEntryBytes: 120 * 1024 * 1024,
  /** Entries of the archive (a workbook has a dozen or so). */
  maxEntries: 2_000,
} as const;

export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };

/** A refusal for a file over a limit: the file is named in the summary and as the place of the one problem. */
export function limitError(where: string, reason: string): ValidationError {
  return new ValidationError([{ path: where, message: reason }], tr('import.limit.failed', { file: where, reason }));
}

const size = (bytes: number) => serverFormat().fileSize(bytes);
const count = (n: number) => serverFormat().count(n);

/** Refuses an upload larger than the limit for one file. */
export function checkFileBytes(fileName: string, bytes: number, limits: ImportLimits = IMPORT_LIMITS): void {
  if (bytes > limits.maxFileBytes) throw limitError(fileName, tr('import.limit.fileBytes', { size: size(bytes), limit: size(limits.maxFileBytes) }));
}

/**
 * Counts the data rows of a file as they are read and refuses the file at the first row over the limit (so a file of
 * millions of rows is not read to its end). `where` names the file (and the sheet).
 */
export function rowCounter(where: string, limits: ImportLimits = IMPORT_LIMITS) {
  let rows = 0;
  return {
    /** One more data row; throws the limit's ValidationError when there are too many. */
    add(): void {
      if (++rows > limits.maxRows) throw limitError(where, tr('import.limit.rows', { limit: count(limits.maxRows) }));
    },
    get rows() {
      return rows;
    },
  };
}

// ───────────────────────────── ZIP archives (XLSX) ─────────────────────────────

/** An entry of a ZIP archive as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (the only two an XLSX uses). */
  method: number;
  compressedSize: number;
  /** Declared size once unzipped (may lie: see measureInflated). */
  size: number;
  /** Where the entry's local header starts in the archive. */
  localHeaderOffset: number;
  /** Where its bytes end (the next entry's local header, or the central directory): [localHeaderOffset, end) is the whole entry. */
  end: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32 = 0xffffffff;

function view(bytes: Uint8Array) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The entries of a ZIP archive, read from its central directory only (nothing is unzipped), or null when the bytes
 * are not a readable ZIP archive (not an XLSX: the caller says so in its own words). ZIP64 sizes are understood.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const v = view(bytes);
  const n = bytes.byteLength;
  if (n < 22) return null;
  // The end-of-central-directory record is the last 22 bytes, followed by a comment of at most 65 535 bytes.
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === EOCD && i + 22 + v.getUint16(i + 20, true) === n) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let entries = v.getUint16(eocd + 10, true);
  let cdSize = v.getUint32(eocd + 12, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdSize === U32 || cdOffset === U32) {
    const locator = eocd - 20;
    if (locator < 0 || v.getUint32(locator, true) !== ZIP64_LOCATOR) return null;
    const at = Number(v.getBigUint64(locator + 8, true));
    if (at < 0 || at + 56 > n || v.getUint32(at, true) !== ZIP64_EOCD) return null;
    entries = Number(v.getBigUint64(at + 32, true));
    cdSize = Number(v.getBigUint64(at + 40, true));
    cdOffset = Number(v.getBigUint64(at + 48, true));
  }
  if (cdOffset + cdSize > n) return null;
  const list: ZipEntry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let k = 0; k < entries; k++) {
    if (p + 46 > n || v.getUint32(p, true) !== CENTRAL) return null;
    const method = v.getUint16(p + 10, true);
    let compressedSize = v.getUint32(p + 20, true);
    let size = v.getUint32(p + 24, true);
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    let localHeaderOffset = v.getUint32(p + 42, true);
    if (p + 46 + nameLength + extraLength > n) return null;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 extended information: the 64-bit values of the fields that are 0xFFFFFFFF above, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
      const id = v.getUint16(e, true);
      const length = v.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const value = q + 8 <= e + 4 + length ? Number(v.getBigUint64(q, true)) : NaN;
          q += 8;
          return value;
        };
        if (size === U32) size = next();
        if (compressedSize === U32) compressedSize = next();
        if (localHeaderOffset === U32) localHeaderOffset = next();
      }
      e += 4 + length;
    }
    if (![size, compressedSize, localHeaderOffset].every(Number.isFinite) || localHeaderOffset + 30 > n) return null;
    list.push({ name, method, compressedSize, size, localHeaderOffset, end: cdOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const byOffset = [...list].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = byOffset.length - 1, next = cdOffset; i >= 0; i--) {
    const e = byOffset[i]!;
    e.end = next;
    if (e.localHeaderOffset < next) next = e.localHeaderOffset;
  }
  return list;
}

/**
 * Refuses, before anything is unzipped, an archive whose central directory declares more than the limits: too many
 * entries, an entry or the whole over its unzipped size. Returns the total declared size.
 */
export function checkZipLimits(fileName: string, entries: readonly ZipEntry[], limits: ImportLimits = IMPORT_LIMITS): number {
  if (entries.length > limits.maxEntries)
    throw limitError(fileName, tr('import.limit.entries', { count: count(entries.length), limit: count(limits.maxEntries) }));
  let total = 0;
  for (const e of entries) {
    if (e.size > limits.maxEntryBytes)
      throw limitError(fileName, tr('import.limit.entry', { entry: e.name, size: size(e.size), limit: size(limits.maxEntryBytes) }));
    total += e.size;
  }
  if (total > limits.maxUnzippedBytes) throw limitError(fileName, tr('import.limit.unzipped', { size: size(total), limit: size(limits.maxUnzippedBytes) }));
  return total;
}

/** Where an entry's data start (after its local header, whose name and extra field may differ from the directory's). */
export function entryDataOffset(bytes: Uint8Array, entry: ZipEntry): number | null {
  const v = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || v.getUint32(at, true) !== LOCAL) return null;
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  return start + entry.compressedSize <= bytes.byteLength ? start : null;
}

/** The archive cannot be unzipped (a damaged or unsupported entry): the caller says the file is not a readable XLSX. */
export class UnreadableZip extends Error {
  constructor(entry: string) {
    super(`voce non leggibile: ${entry}`);
    this.name = 'UnreadableZip';
  }
}

/**
 * Unzips the entries (all of them, or those `wanted`) as streams, counting the bytes actually produced and keeping
 * none, and refuses the file as soon as one entry or the whole passes its limit, whatever the directory declared.
 * zlib inflates on the thread pool: the event loop keeps answering meanwhile. Returns the total unzipped size; throws
 * UnreadableZip for an entry that cannot be unzipped.
 */
export async function measureInflated(
  fileName: string,
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: ImportLimits = IMPORT_LIMITS,
  wanted: (entry: ZipEntry) => boolean = () => true,
): Promise<number> {
  let total = 0;
  const over = (entry: ZipEntry, produced: number): ValidationError | null => {
    if (produced > limits.maxEntryBytes)
      return limitError(fileName, tr('import.limit.entry', { entry: entry.name, size: size(produced), limit: size(limits.maxEntryBytes) }));
    if (total > limits.maxUnzippedBytes)
      return limitError(fileName, tr('import.limit.unzippedFound', { size: size(total), limit: size(limits.maxUnzippedBytes) }));
    return null;
  };
  for (const entry of entries) {
    if (!wanted(entry) || entry.name.endsWith('/')) continue;
    const start = entryDataOffset(bytes, entry);
    if (start === null) throw new UnreadableZip(entry.name);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      total += data.byteLength;
      const error = over(entry, data.byteLength);
      if (error) throw error;
      continue;
    }
    if (entry.method !== 8) throw new UnreadableZip(entry.name);
    await new Promise<void>((resolve, reject) => {
      const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
      let produced = 0;
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) {
          inflate.destroy();
          reject(error);
        } else resolve();
      };
      inflate.on('data', (chunk: Buffer) => {
        produced += chunk.length;
        total += chunk.length;
        const error = over(entry, produced);
        if (error) settle(error);
      });
      inflate.on('end', () => settle());
      inflate.on('error', () => settle(new UnreadableZip(entry.name)));
      inflate.end(data);
    });
  }
  return total;
}
