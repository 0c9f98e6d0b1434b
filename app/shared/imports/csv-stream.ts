/**
 * A CSV reader that hands out one record at a time instead of building the whole table (app/shared/csv.ts's
 * `parseCsv` does that): a 100.000-row file is read in pieces, and the importer gives the event loop a turn between
 * two pieces. It reads exactly what `parseCsv` reads (same delimiter choice from the first line, quotes, doubled
 * quotes, CR, LF or CRLF, BOM, blank lines skipped, the 1-based line where each record starts), whatever the pieces
 * the text arrives in: the tests compare the two on random texts cut at random places.
 */

/** A record with the 1-based line of the file where it starts (the header is the first record). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const delimiterOf = (firstLine: string): ',' | ';' => (firstLine.split(';').length > firstLine.split(',').length ? ';' : ',');

/** Reads CSV text given in pieces (`push`), then `end()`: each returns the records completed so far. */
export class CsvRecordParser {
  private delimiter: number | null = null;
  /** Text held until the first line is complete (the delimiter is chosen from it). */
  private head = '';
  private bomChecked = false;
  private cells: string[] = [];
  private field = '';
  private fieldStarted = false;
  private inQuotes = false;
  /** A quote seen inside quotes at the end of a piece: a doubled quote if the next character is one too. */
  private quotePending = false;
  /** A CR ended the last record: a LF right after it belongs to the same line end. */
  private skipLf = false;
  private line = 1;
  private recordLine = 1;

  /** The delimiter chosen from the first line (null until the first line is complete). */
  get chosenDelimiter(): ',' | ';' | null {
    return this.delimiter === null ? null : this.delimiter === 59 ? ';' : ',';
  }

  push(text: string): CsvRecord[] {
    if (this.delimiter !== null) return this.parse(text);
    this.head += text;
    if (!this.bomChecked) {
      if (this.head === '') return [];
      if (this.head.charCodeAt(0) === 0xfeff) this.head = this.head.slice(1);
      this.bomChecked = true;
    }
    const lf = this.head.indexOf('\n');
    if (lf < 0) return [];
    this.delimiter = delimiterOf(this.head.slice(0, lf > 0 && this.head.charCodeAt(lf - 1) === CR ? lf - 1 : lf)).charCodeAt(0);
    const held = this.head;
    this.head = '';
    return this.parse(held);
  }

  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.delimiter === null) {
      if (!this.bomChecked && this.head.charCodeAt(0) === 0xfeff) this.head = this.head.slice(1);
      this.delimiter = delimiterOf(this.head).charCodeAt(0);
      out.push(...this.parse(this.head));
      this.head = '';
    }
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.field !== '' || this.cells.length > 0) {
      this.cells.push(this.field);
      if (this.cells.length > 1 || this.cells[0] !== '') out.push({ line: this.recordLine, cells: this.cells });
    }
    this.cells = [];
    this.field = '';
    return out;
  }

  private parse(s: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const d = this.delimiter!;
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (this.skipLf) {
        this.skipLf = false;
        if (s.charCodeAt(i) === LF) {
          i++;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (s.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          this.inQuotes = false;
          continue;
        }
        const q = s.indexOf('"', i);
        const stop = q < 0 ? n : q;
        for (let k = s.indexOf('\n', i); k >= 0 && k < stop; k = s.indexOf('\n', k + 1)) this.line++;
        this.field += s.slice(i, stop);
        if (q < 0) break;
        i = q + 1;
        this.quotePending = true;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === QUOTE && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
        i++;
        continue;
      }
      // An unquoted run: up to the next delimiter or line end.
      let j = i;
      while (j < n) {
        const cj = s.charCodeAt(j);
        if (cj === d || cj === LF || cj === CR) break;
        j++;
      }
      if (j > i) {
        this.field += s.slice(i, j);
        this.fieldStarted = true;
      }
      if (j === n) break;
      const end = s.charCodeAt(j);
      this.cells.push(this.field);
      this.field = '';
      this.fieldStarted = false;
      if (end !== d) {
        if (this.cells.length > 1 || this.cells[0] !== '') out.push({ line: this.recordLine, cells: this.cells });
        this.cells = [];
        this.line++;
        this.recordLine = this.line;
        if (end === CR) this.skipLf = true;
      }
      i = j + 1;
    }
    return out;
  }
}

/** Pieces of about this many characters: small enough to hand out records early, large enough to be fast. */
const PIECE = 64 * 1024;

/** The records of a CSV text, one at a time (the header first). */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const parser = new CsvRecordParser();
  for (let i = 0; i < text.length; i += PIECE) yield* parser.push(text.slice(i, i + PIECE));
  yield* parser.end();
}

/**
 * The records of a CSV file given as bytes (decoded piece by piece, with the decoder label of the encoding found by
 * detectTextEncoding of ./decode.ts: `DECODER_LABEL[encoding]`; UTF-8 when not said), one at a time (the header first).
 */
export function* csvRecordsFromBytes(bytes: Uint8Array, decoderLabel = 'utf-8'): Generator<CsvRecord> {
  const parser = new CsvRecordParser();
  const decoder = new TextDecoder(decoderLabel);
  for (let i = 0; i < bytes.byteLength; i += PIECE) yield* parser.push(decoder.decode(bytes.subarray(i, i + PIECE), { stream: true }));
  yield* parser.push(decoder.decode());
  yield* parser.end();
}

/** How many lines a CSV text or file has (an estimate of its records, for a progress bar), without reading it. */
export function countLines(data: string | Uint8Array): number {
  let lines = 0;
  if (typeof data === 'string') {
    for (let k = data.indexOf('\n'); k >= 0; k = data.indexOf('\n', k + 1)) lines++;
    return data.length > 0 && !data.endsWith('\n') ? lines + 1 : lines;
  }
  for (let k = data.indexOf(LF); k >= 0; k = data.indexOf(LF, k + 1)) lines++;
  return data.byteLength > 0 && data[data.byteLength - 1] !== LF ? lines + 1 : lines;
}
