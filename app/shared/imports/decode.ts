/**
 * How every importer reads the bytes of a text file (CSV, JSON) into text — one function, so that the encoding is
 * recognised the same way everywhere (issue 16):
 * - UTF-8, with or without the byte-order mark (BOM), when the bytes are valid UTF-8 (checked strictly, never with
 *   replacement characters «�» slipped in);
 * - UTF-16 with its BOM (the «Unicode text» of Excel), converted;
 * - otherwise Windows-1252 (the Latin-1 of Excel's «CSV» on Windows, with € and the typographic quotes) when the bytes
 *   look like it, converted to UTF-8 and said in a notice, so that accented letters are stored as they were written;
 * - anything else is refused with a message that names the file and the encoding: UTF-16 without BOM (it cannot be
 *   told apart from binary data safely), a binary file (NUL or other control bytes), bytes that are neither UTF-8 nor
 *   Windows-1252.
 * The text returned has no BOM.
 */
import { ValidationError } from '../errors.ts';
import { tr } from '../i18n/tr.server.ts';

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DecodedText {
  text: string;
  /** The encoding found. */
  encoding: TextEncodingName;
  /** What to tell the user about the encoding (a converted file), in the request's language; null for UTF-8. */
  notice: string | null;
}

/** The label of an encoding in messages. */
const ENCODING_LABEL: Record<TextEncodingName, string> = {
  'UTF-8': 'UTF-8',
  'UTF-16LE': 'UTF-16 (little-endian, con BOM)',
  'UTF-16BE': 'UTF-16 (big-endian, con BOM)',
  'Windows-1252': 'Windows-1252 (Latin-1)',
};

const refuse = (fileName: string, key: 'import.encoding.utf16NoBom' | 'import.encoding.binary' | 'import.encoding.unknown' | 'import.encoding.invalidUtf8') => {
  const message = tr(key, { file: fileName });
  return new ValidationError([{ path: fileName, message }], message);
};

/** Bytes that no text file holds: the C0 controls other than tab, line feed, vertical tab, form feed, carriage return; and SUB (0x1A, the DOS end-of-file) anywhere but at the end. */
function firstControlByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.byteLength; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && !(b === 0x1a && i === bytes.byteLength - 1)) return i;
  }
  return -1;
}

/**
 * Whether the bytes read like UTF-16 text written without its BOM: every other byte is NUL (the high byte of a Latin
 * letter) and the bytes in between are printable characters — not the NUL bytes of a binary file.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, 4096) & ~1;
  if (n < 4) return false;
  const zeros = [0, 0];
  let printable = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i % 2]!++;
  const high = zeros[0]! > zeros[1]! ? 0 : 1;
  for (let i = 1 - high; i < n; i += 2) {
    const b = bytes[i]!;
    if (b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b !== 0x7f)) printable++;
  }
  const pairs = n / 2;
  return zeros[1 - high] === 0 && zeros[high]! >= pairs * 0.5 && printable >= pairs * 0.9;
}

/** The five bytes that Windows-1252 leaves undefined (the decoder turns them into C1 controls). */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** What a decoder needs to read bytes of an encoding (the WHATWG label). */
export const DECODER_LABEL: Record<TextEncodingName, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'Windows-1252': 'windows-1252',
};

const PIECE = 64 * 1024;

/** True when the bytes decode in `label` without an error, read piece by piece (no text of the whole file is built). */
function decodesStrictly(bytes: Uint8Array, label: string, check?: (piece: string) => boolean): boolean {
  const decoder = new TextDecoder(label, { fatal: true });
  try {
    for (let i = 0; i < bytes.byteLength; i += PIECE) {
      const piece = decoder.decode(bytes.subarray(i, i + PIECE), { stream: true });
      if (check && !check(piece)) return false;
    }
    const last = decoder.decode();
    return !check || check(last);
  } catch {
    return false;
  }
}

// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001f]/;

/**
 * The encoding of an imported text file named `fileName` (see the module's comment), found without building its
 * text (a 15 MB CSV is read as a stream afterwards); throws a ValidationError naming the file and the encoding.
 */
export function detectTextEncoding(bytes: Uint8Array, fileName: string): TextEncodingName {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    if (!decodesStrictly(bytes, 'utf-8')) throw refuse(fileName, 'import.encoding.invalidUtf8');
    if (firstControlByte(bytes) >= 0) throw refuse(fileName, 'import.encoding.binary');
    return 'UTF-8';
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    if (!decodesStrictly(bytes, DECODER_LABEL[encoding], (piece) => !CONTROL_CHARS.test(piece))) throw refuse(fileName, 'import.encoding.binary');
    return encoding;
  }
  if (bytes.includes(0)) throw refuse(fileName, looksLikeUtf16(bytes) ? 'import.encoding.utf16NoBom' : 'import.encoding.binary');
  if (firstControlByte(bytes) >= 0) throw refuse(fileName, 'import.encoding.binary');
  if (decodesStrictly(bytes, 'utf-8')) return 'UTF-8';
  // Not UTF-8: Windows-1252, when none of its undefined bytes is there.
  if (bytes.some((b) => UNDEFINED_1252.has(b))) throw refuse(fileName, 'import.encoding.unknown');
  return 'Windows-1252';
}

/** What to tell the user about a file's encoding (a converted file), in the request's language; null for UTF-8. */
export function encodingNotice(fileName: string, encoding: TextEncodingName): string | null {
  return encoding === 'UTF-8' ? null : tr('import.encoding.converted', { file: fileName, encoding: ENCODING_LABEL[encoding] });
}

/** Reads the bytes of an imported text file named `fileName` (see the module's comment); throws a ValidationError naming the file. */
export function decodeImportText(bytes: Uint8Array, fileName: string): DecodedText {
  const encoding = detectTextEncoding(bytes, fileName);
  // The decoder drops the byte-order mark of UTF-8 and UTF-16.
  const text = new TextDecoder(DECODER_LABEL[encoding]).decode(bytes);
  return { text, encoding, notice: encodingNotice(fileName, encoding) };
}

/** The text of an uploaded file (a form's File), decoded with decodeImportText, and its name. */
export async function readUploadedText(file: File, fallbackName = 'file'): Promise<DecodedText & { name: string }> {
  const name = file.name || fallbackName;
  return { name, ...decodeImportText(new Uint8Array(await file.arrayBuffer()), name) };
}
