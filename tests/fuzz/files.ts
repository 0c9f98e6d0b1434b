// Random files for the importers (issue 16): random bytes, and mutations of a valid file — columns and rows dropped,
// duplicated or swapped, cells replaced with hostile values (control characters, huge numbers, bad dates), keys of a
// JSON file removed or given values of the wrong type, the text truncated, written in another encoding (Windows-1252,
// UTF-16 with or without its BOM) or with stray bytes.
import fc from 'fast-check';
import { HOSTILE_STRINGS, hostileString } from './arbitraries.ts';

// ───────────────────────────── CSV ─────────────────────────────

type Table = string[][];
type TableMutation = (t: Table) => Table;

const at = <T>(list: readonly T[], i: number) => (list.length ? i % list.length : 0);

/** A hostile cell: control characters, huge numbers, dates out of the calendar, separators and quotes. */
const hostileCell = fc.oneof(hostileString, fc.constantFrom('"', '""', '"a;b"', 'a;b', 'a,b', '\n', '"\n"', '=HYPERLINK("x")', ';;;', '"unterminated'));

/** Rows left out, repeated or swapped, a cell replaced with a hostile value: of a whole table, or of its data rows only. */
const rowMutations: fc.Arbitrary<TableMutation>[] = [
  fc.nat().map(
    (i): TableMutation =>
      (t) =>
        t.filter((_, k) => k !== at(t, i)),
  ),
  fc.nat().map(
    (i): TableMutation =>
      (t) =>
        t.length ? [...t.slice(0, at(t, i) + 1), t[at(t, i)]!, ...t.slice(at(t, i) + 1)] : t,
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): TableMutation => (t) => {
    const x = [...t];
    if (x.length < 2) return x;
    const [i, j] = [at(x, a), at(x, b)];
    [x[i], x[j]] = [x[j]!, x[i]!];
    return x;
  }),
  fc.tuple(fc.nat(), fc.nat(), hostileCell).map(
    ([i, c, v]): TableMutation =>
      (t) =>
        t.map((r, k) => (k === at(t, i) ? r.map((x, j) => (j === at(r, c) ? v : x)) : r)),
  ),
];

const tableMutation: fc.Arbitrary<TableMutation> = fc.oneof(
  fc.nat().map(
    (c): TableMutation =>
      (t) =>
        t.map((r) => r.filter((_, j) => j !== at(r, c))),
  ),
  fc.nat().map(
    (c): TableMutation =>
      (t) =>
        t.map((r) => (r.length ? [...r.slice(0, at(r, c) + 1), r[at(r, c)]!, ...r.slice(at(r, c) + 1)] : r)),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([a, b]): TableMutation =>
      (t) =>
        t.map((r) => {
          const x = [...r];
          if (x.length < 2) return x;
          const [i, j] = [at(x, a), at(x, b)];
          [x[i], x[j]] = [x[j]!, x[i]!];
          return x;
        }),
  ),
  ...rowMutations,
  fc.tuple(fc.nat(), fc.nat(), hostileCell).map(
    ([i, c, v]): TableMutation =>
      (t) =>
        t.map((r, k) => (k === at(t, i) && k > 0 ? r.map((x, j) => (j === at(r, c) ? v : x)) : r)),
  ),
  fc.tuple(fc.nat(), hostileCell).map(
    ([i, v]): TableMutation =>
      (t) =>
        t.map((r, k) => (k === at(t, i) ? [...r, v] : r)),
  ),
  fc.constant<TableMutation>((t) => t.slice(0, 1)),
  fc.constant<TableMutation>((t) => t.slice(1)),
);

/** Mutations of a valid CSV file (separator «;» or «,», as its header has). */
export function csvMutant(valid: string): fc.Arbitrary<string> {
  const lines = valid.replace(/^\ufeff/, '').split(/\r?\n/);
  const separator = (lines[0] ?? '').includes(';') ? ';' : ',';
  // Cells split at every separator (quotes ignored): a quoted cell with a separator inside is itself a mutation.
  const table: Table = lines.filter((l) => l !== '').map((l) => l.split(separator));
  return fc
    .tuple(fc.array(tableMutation, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
    .map(
      ([mutations, eol, bom]) =>
        (bom ? '\ufeff' : '') +
        mutations
          .reduce((t, m) => m(t), table)
          .map((r) => r.join(separator))
          .join(eol) +
        eol,
    )
    .chain((text) => textNoise(text));
}

/**
 * Variants of a valid CSV file that keep its header and its line endings, written as a spreadsheet would: data rows
 * left out, repeated or swapped, a cell replaced with a hostile value or with the same column's cell of another row.
 * They get past the reading of the table into the importer's own checks (a name given twice, a reference to a row left
 * out, a value its column refuses) and often through them, to its writes.
 */
export function csvRowMutant(valid: string): fc.Arbitrary<string> {
  const lines = valid.replace(/^\ufeff/, '').split(/\r?\n/);
  const separator = (lines[0] ?? '').includes(';') ? ';' : ',';
  const [header, ...data] = lines.filter((l) => l !== '').map((l) => l.split(separator));
  const mutation: fc.Arbitrary<TableMutation> = fc.oneof(
    ...rowMutations,
    fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(
      ([i, from, c]): TableMutation =>
        (t) =>
          t.map((r, k) => (k === at(t, i) ? r.map((x, j) => (j === at(r, c) ? (t[at(t, from)]?.[j] ?? x) : x)) : r)),
    ),
  );
  return fc
    .array(mutation, { minLength: 1, maxLength: 2 })
    .map((mutations) => [header ?? [], ...mutations.reduce((t, m) => m(t), data)].map((r) => r.join(separator) + '\n').join(''));
}

// ───────────────────────────── JSON ─────────────────────────────

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = [], limit = 400): Path[] {
  if (out.length >= limit) return out;
  out.push(path);
  if (Array.isArray(value)) value.slice(0, 6).forEach((v, i) => pathsOf(v, [...path, i], out, limit));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out, limit);
  return out;
}

/** A copy of `root` with the value at `path` replaced by `change` of it (undefined: removed). */
function update(root: unknown, path: Path, change: (v: unknown) => unknown): unknown {
  if (path.length === 0) return change(root);
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    const next = update(copy[head as number], rest, change);
    if (next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  if (root !== null && typeof root === 'object') {
    const copy: Record<string, unknown> = { ...(root as Record<string, unknown>) };
    const next = update(copy[head as string], rest, change);
    if (next === undefined) delete copy[head as string];
    else copy[head as string] = next;
    return copy;
  }
  return root;
}

/** Values of any type a JSON file could hold in the place of another. */
const jsonLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      0.5,
      -0.0,
      2147483648,
      1e17,
      1e308,
      -1e308,
      10_000_000_000_001,
      Number.MAX_SAFE_INTEGER + 2,
      [],
      {},
      ['x'],
      { a: 1 },
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 2200 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

type JsonMutation = (v: unknown, paths: Path[]) => unknown;

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.nat(), jsonLeaf).map(
      ([i, leaf]): JsonMutation =>
        (v, paths) =>
          update(v, paths[at(paths, i)]!, () => leaf),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_STRINGS.slice(3, 60))).map(
      ([i, s]): JsonMutation =>
        (v, paths) =>
          update(v, paths[at(paths, i)]!, (x) => (typeof x === 'string' ? x + s : typeof x === 'number' ? s : x)),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.nat().map(
      (i): JsonMutation =>
        (v, paths) =>
          update(v, paths[at(paths, i)]!, () => undefined),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.nat().map(
      (i): JsonMutation =>
        (v, paths) =>
          update(v, paths[at(paths, i)]!, (x) => (Array.isArray(x) && x.length ? [...x, x[0], x[0]] : x)),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), fc.string({ maxLength: 10 }), jsonLeaf).map(
      ([i, k, leaf]): JsonMutation =>
        (v, paths) =>
          update(v, paths[at(paths, i)]!, (x) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? { ...x, [k]: leaf } : x)),
    ),
  },
  { weight: 1, arbitrary: fc.constant<JsonMutation>((v) => [v]) },
);

/** Mutations of a valid JSON file. */
export function jsonMutant(valid: string): fc.Arbitrary<string> {
  const value = JSON.parse(valid) as unknown;
  return fc
    .array(jsonMutation, { minLength: 1, maxLength: 3 })
    .map((mutations) => mutations.reduce((v, m) => m(v, pathsOf(v)), value))
    .map((v) => JSON.stringify(v, null, 1) ?? 'null')
    .chain((text) => fc.oneof({ weight: 4, arbitrary: fc.constant(text) }, { weight: 1, arbitrary: textNoise(text) }));
}

// ───────────────────────────── text and bytes ─────────────────────────────

/** The text as it is, or truncated, or with a hostile string put somewhere. */
function textNoise(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(text) },
    { weight: 1, arbitrary: fc.nat({ max: Math.max(0, text.length) }).map((n) => text.slice(0, n)) },
    { weight: 1, arbitrary: fc.tuple(fc.nat({ max: Math.max(0, text.length) }), hostileCell).map(([n, s]) => text.slice(0, n) + s + text.slice(n)) },
  );
}

const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let i = 0;
  if (bom) view.setUint16((i++, 0), 0xfeff, littleEndian);
  for (let k = 0; k < text.length; k++, i++) view.setUint16(i * 2, text.charCodeAt(k), littleEndian);
  return out;
};

/** Windows-1252 bytes of a text (letters beyond Latin-1 become «?», the euro sign is 0x80). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f)));

/** A file of the fuzzing: its bytes and how they were made (shown with a counterexample instead of the raw bytes). */
export interface FuzzFile {
  bytes: Uint8Array;
  what: string;
}

const preview = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes.subarray(0, 600));

export function fuzzFile(bytes: Uint8Array, what: string): FuzzFile {
  return { bytes, what, [fc.toStringMethod]: () => `${what}, ${bytes.byteLength} byte: ${JSON.stringify(preview(bytes))}` } as FuzzFile;
}

/** The bytes of a text in an encoding an office program may have used, possibly with a stray byte. */
export function encoded(text: string): fc.Arbitrary<FuzzFile> {
  const utf8 = new TextEncoder();
  const encodings = fc.oneof(
    { weight: 8, arbitrary: fc.constant(['UTF-8', utf8.encode(text)] as const) },
    { weight: 1, arbitrary: fc.constant(['UTF-8 con BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8.encode(text)])] as const) },
    { weight: 2, arbitrary: fc.constant(['Windows-1252', cp1252(text)] as const) },
    { weight: 1, arbitrary: fc.boolean().map((le) => [`UTF-16${le ? 'LE' : 'BE'} con BOM`, utf16(text, le, true)] as const) },
    { weight: 1, arbitrary: fc.boolean().map((le) => [`UTF-16${le ? 'LE' : 'BE'} senza BOM`, utf16(text, le, false)] as const) },
  );
  return fc.tuple(encodings, fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { freq: 6 })).map(([[encoding, bytes], stray]) => {
    if (!stray) return fuzzFile(bytes, encoding);
    const [pos, byte] = stray;
    const p = bytes.length ? pos % bytes.length : 0;
    return fuzzFile(Uint8Array.from([...bytes.subarray(0, p), byte, ...bytes.subarray(p)]), `${encoding}, byte 0x${byte.toString(16)} inserito in ${p}`);
  });
}

/** Random bytes, or random text as UTF-8. */
export const randomFile: fc.Arbitrary<FuzzFile> = fc.oneof(
  fc.uint8Array({ maxLength: 600 }).map((bytes) => fuzzFile(bytes, 'byte casuali')),
  fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => fuzzFile(new TextEncoder().encode(s), 'testo casuale')),
  fc.array(hostileCell, { maxLength: 12 }).map((cells) => fuzzFile(new TextEncoder().encode(cells.join(';')), 'celle ostili')),
);

/** Any file for an importer whose valid example is `valid`: mostly its mutations, some random bytes, the file itself. */
export function fileFor(valid: string, kind: 'csv' | 'json'): fc.Arbitrary<FuzzFile> {
  const mutant = kind === 'csv' ? csvMutant(valid) : jsonMutant(valid);
  return fc.oneof(
    { weight: 12, arbitrary: mutant.chain((text) => encoded(text).map((f) => fuzzFile(f.bytes, `variante del file valido, ${f.what}`))) },
    { weight: 3, arbitrary: randomFile },
    { weight: 1, arbitrary: encoded(valid).map((f) => fuzzFile(f.bytes, `file valido, ${f.what}`)) },
  );
}
