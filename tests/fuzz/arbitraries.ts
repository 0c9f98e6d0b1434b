// The random inputs of the fuzzing suite (issue 16): strings as a hostile form would send them — unicode, NUL and the
// other control characters, numbers too large for their columns, dates out of the calendar, ids that are not UUIDs,
// very long texts — mixed with plausible values, so that the checks behind the first one are reached too; records of
// such fields built from a zod schema (its own field names, its enums), as a form or a JSON file would hold them.
import fc from 'fast-check';
import type { z } from 'zod';

/** Values chosen by hand: each one broke (or could break) a parser or a column somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t  ',
  '\u0000',
  'a\u0000b',
  'Cooperativa\u0000 sociale',
  '\u0007',
  '\u001b[31mrosso',
  '\u0008\u000b\u000c',
  '\t\n\r',
  'riga uno\r\nriga due',
  '\u007f',
  '\u0085',
  '\u2028\u2029',
  '\ufeff',
  '\ufffd',
  '\ud800',
  'a\udc00b',
  '😀',
  'città più è',
  '1e17',
  '1e308',
  '1e-7',
  '100000000000000000',
  '99999999999999999999999999',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '100000000',
  '100000001',
  '-0',
  '-1',
  '0',
  '00',
  '0x10',
  '1_000',
  'NaN',
  'Infinity',
  '-Infinity',
  '1.234,56',
  '1.234.567,89 €',
  '12.500',
  '12,345',
  '0,001',
  '1,5',
  '−3',
  '١٢٣',
  '１２３',
  '0000-01-01',
  '0001-01-01',
  '1899-12-31',
  '1900-01-01',
  '2023-02-29',
  '2024-02-29',
  '2024-13-45',
  '2024-00-10',
  '2024-1-1',
  '2024-01-01T00:00:00Z',
  '+002024-01-01',
  '2100-12-31',
  '2101-01-01',
  '9999-12-31',
  '01/02/2024',
  '25:61',
  '17:30',
  'not-a-uuid',
  '------------------------------------',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2c16833a-0000-4000-8000-0123456789ab',
  "1' or '1'='1",
  "'; drop table plans; --",
  'undefined',
  'null',
  'true',
  '__proto__',
  'constructor',
  'toString',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%00',
  '%',
  '=1+1',
  '@SUM(A1)',
  'a'.repeat(5_000),
  'é'.repeat(70_000),
];

/** A string of C0 control characters mixed with letters. */
const controlString = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('a', 'é', ' ', '1'),
  ),
  maxLength: 12,
});

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A day written AAAA-MM-GG, real or not, in or out of the years 1900–2100. */
export const dateLike = fc.oneof(
  fc.date({ min: new Date('1890-01-01T00:00:00Z'), max: new Date('2110-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
);

/** A number as text: integers of any size, decimals, Italian and English separators, exponents. */
export const numberLike = fc.oneof(
  fc.integer({ min: -5, max: 3000 }).map(String),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => n.toLocaleString('it-IT')),
  fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a.toLocaleString('it-IT')},${b}`),
);

/** A text of any unicode characters (lone surrogates included). */
export const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), controlString);

/** A string a hostile client could send in any field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: anyText },
  { weight: 2, arbitrary: numberLike },
  { weight: 2, arbitrary: dateLike },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 5_000 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 40)), controlString).map(([a, b]) => a + b),
  },
);

// ───────────────────────────── values by the field's name and schema ─────────────────────────────

/** What a field seems to hold, from its name. */
function kindOfName(name: string): 'id' | 'date' | 'year' | 'money' | 'version' | 'time' | 'email' | 'count' | 'code' | null {
  if (/(^id$|Id$|^ids$|Ids$)/.test(name)) return 'id';
  if (name === 'version') return 'version';
  if (/(date|Date|deadline|On$|^valid(From|To)$|^active(From|To)$|^from$|^to$|From$|Until$)/.test(name)) return 'date';
  if (/(^year$|Year$|^anno$|Year[A-Z])/.test(name)) return 'year';
  if (/(euro|Euro|amount|Amount|cents|Cents|importo)/.test(name)) return 'money';
  if (/(Time$|^time$)/.test(name)) return 'time';
  if (/email/i.test(name)) return 'email';
  if (/(count|Count|fte|users|total|percent|Percent|value|numerator|denominator|population)/i.test(name)) return 'count';
  if (/(code|Code|fund|kind|type|status|role)/.test(name)) return 'code';
  return null;
}

/** A plausible value for a field of that kind (often valid, so that the checks after the first one are reached). */
function plausible(kind: ReturnType<typeof kindOfName>, ids: readonly string[]): fc.Arbitrary<string> {
  switch (kind) {
    case 'id':
      return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
    case 'date':
      return fc.oneof(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        dateLike,
      );
    case 'year':
      return fc.oneof(fc.integer({ min: 2018, max: 2032 }).map(String), fc.integer({ min: 1890, max: 2110 }).map(String));
    case 'money':
      return fc.oneof(
        fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('it-IT')),
        fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 99 })).map(([e, c]) => `${e.toLocaleString('it-IT')},${pad(c, 2)}`),
        numberLike,
      );
    case 'version':
      return fc.oneof(fc.integer({ min: 1, max: 4 }).map(String), numberLike);
    case 'time':
      return fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${pad(h, 2)}:${pad(m, 2)}`);
    case 'email':
      return fc.oneof(fc.emailAddress(), fc.constantFrom('a@b', 'mario.rossi@comune.example.it', 'x@y.z\u0000'));
    case 'count':
      return fc.oneof(fc.integer({ min: 0, max: 500 }).map(String), numberLike);
    default:
      return fc.oneof(fc.string({ minLength: 3, maxLength: 30 }), fc.constantFrom('Comune di Prova', 'Cooperativa sociale La Rete', 'Nota di prova'));
  }
}

type Def = { type: string; [k: string]: unknown };
/** The kinds of schema that only mark another (optional, nullable, default, readonly…): its `innerType`. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);
/** A schema's definition; a wrapper's type is 'wrapper', for one case in each walk below. */
const defOf = (schema: unknown): Def => {
  const def = (schema as { _zod: { def: Def } })._zod.def;
  return WRAPPERS.has(def.type) ? { ...def, type: 'wrapper' } : def;
};

/** The zod schemas (any kind) among the values of a module's exports. */
export function zodSchemasOf(module: Record<string, unknown>): [string, z.ZodType][] {
  return Object.entries(module).filter((entry): entry is [string, z.ZodType] => {
    const v = entry[1] as { _zod?: { def?: unknown }; safeParse?: unknown } | null;
    return typeof v === 'object' && v !== null && typeof v.safeParse === 'function' && typeof v._zod?.def === 'object';
  });
}

/** The object shape of a schema (through intersections, pipes, optionals, defaults), merged; null when it has none. */
export function shapeOf(schema: unknown, depth = 0): Record<string, unknown> | null {
  if (depth > 8) return null;
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return def.shape as Record<string, unknown>;
    case 'intersection': {
      const l = shapeOf(def.left, depth + 1);
      const r = shapeOf(def.right, depth + 1);
      return l || r ? { ...l, ...r } : null;
    }
    case 'pipe':
      return shapeOf(def.in, depth + 1) ?? shapeOf(def.out, depth + 1);
    case 'wrapper':
      return shapeOf(def.innerType, depth + 1);
    case 'union': {
      const shapes = (def.options as unknown[]).map((o) => shapeOf(o, depth + 1)).filter((s) => s !== null);
      return shapes.length ? Object.assign({}, ...shapes) : null;
    }
    default:
      return null;
  }
}

/** The literal values a schema accepts (its enums and literals), to draw valid choices from. */
export function choicesOf(schema: unknown, depth = 0): string[] {
  if (depth > 8) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'enum':
      return Object.values(def.entries as Record<string, string | number>).map(String);
    case 'literal':
      return (def.values as unknown[]).map(String);
    case 'union':
      return (def.options as unknown[]).flatMap((o) => choicesOf(o, depth + 1));
    case 'pipe':
      return [...choicesOf(def.in, depth + 1), ...choicesOf(def.out, depth + 1)];
    case 'wrapper':
      return choicesOf(def.innerType, depth + 1);
    case 'array':
      return choicesOf(def.element, depth + 1);
    default:
      return [];
  }
}

/** A value for the form field `name` (a string, as a form sends it), drawing on its choices and on `ids`. */
export function formValue(name: string, choices: readonly string[] = [], ids: readonly string[] = []): fc.Arbitrary<string> {
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 4, arbitrary: hostileString },
    { weight: 4, arbitrary: plausible(kindOfName(name), ids) },
  ];
  if (choices.length) options.push({ weight: 4, arbitrary: fc.constantFrom(...choices) });
  return fc.oneof(...options);
}

export interface RecordOptions {
  /** Known record ids (of the fixture), drawn for the fields whose name ends in Id. */
  ids?: readonly string[];
  /** Values to draw from for some fields (e.g. the codes of a catalogue). */
  choices?: Record<string, readonly string[]>;
  /** Extra field names to try (besides those of the schema). */
  extraFields?: readonly string[];
  /**
   * A valid form: then most inputs are this form with one or two fields changed or left out (so that the command's
   * work after the validation is reached too), the others wholly random.
   */
  base?: Record<string, unknown>;
}

/**
 * A form as `Object.fromEntries(formData)` gives it: the fields of `fields` (each present or not) with string values,
 * sometimes a repeated field (an array, as `formData.getAll` gives it), plus fields of other names.
 */
export function formRecord(fields: Record<string, readonly string[]>, options: RecordOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const names = [...new Set([...Object.keys(fields), ...(options.extraFields ?? []), ...Object.keys(options.base ?? {})])];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of names) {
    const choices = [...(fields[name] ?? []), ...(options.choices?.[name] ?? [])];
    const one = formValue(name, choices, options.ids);
    model[name] = fc.oneof({ weight: 9, arbitrary: one }, { weight: 1, arbitrary: fc.array(one, { maxLength: 3 }) });
  }
  const known = fc.record(model, { requiredKeys: [] });
  const base = options.base;
  const drawn = base
    ? fc.oneof(
        { weight: 2, arbitrary: known },
        {
          weight: 3,
          arbitrary: fc.tuple(known, fc.subarray(names, { maxLength: Math.min(2, names.length) })).map(([random, changed]) => {
            const out: Record<string, unknown> = { ...base };
            for (const name of changed) {
              if (Object.hasOwn(random, name)) out[name] = random[name];
              else delete out[name];
            }
            return out;
          }),
        },
      )
    : known;
  return fc
    .tuple(
      drawn,
      fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'version', '_csrf', 'intent'), fc.string({ maxLength: 8 })), hostileString, {
        maxKeys: 2,
      }),
    )
    .map(([known, extra]) => {
      const out: Record<string, unknown> = {};
      // Defined as own properties (as Object.fromEntries does), so that «__proto__» is a field, not the prototype.
      // A form's fields are decoded from UTF-8: they never hold half of a surrogate pair (a JSON escape can: jsonLike).
      const wellFormed = (v: unknown): unknown => (typeof v === 'string' ? v.toWellFormed() : Array.isArray(v) ? v.map(wellFormed) : v);
      for (const [k, v] of [...Object.entries(extra), ...Object.entries(known)])
        Object.defineProperty(out, k.toWellFormed(), { value: wellFormed(v), enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/** The fields of a schema with their choices, for formRecord. */
export function fieldsOf(schema: unknown): Record<string, string[]> {
  const shape = shapeOf(schema) ?? {};
  return Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, choicesOf(field)]));
}

/**
 * A JSON value shaped like `schema` (its objects, arrays, enums), with any leaf possibly hostile: a wrong type, a
 * string with control characters, a huge number, a missing key. For the schemas of files and of the API.
 */
export function jsonLike(schema: unknown, options: RecordOptions = {}, name = '', depth = 0): fc.Arbitrary<unknown> {
  const anyLeaf = fc.oneof(
    { weight: 3, arbitrary: formValue(name, [], options.ids) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 2147483648, 1e17, -0, Number.MAX_SAFE_INTEGER + 2, 1e308, [], {}, { codice: '012070' }),
    },
    { weight: 1, arbitrary: fc.integer({ min: -10, max: 2200 }) },
  );
  if (depth > 5) return anyLeaf;
  const def = defOf(schema);
  const inner = (s: unknown, n = name) => jsonLike(s, options, n, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const model = Object.fromEntries(
        Object.entries(shape).map(([k, s]) => [k, fc.oneof({ weight: 6, arbitrary: inner(s, k) }, { weight: 1, arbitrary: anyLeaf })]),
      );
      return fc.oneof(
        { weight: 8, arbitrary: fc.record(model, { requiredKeys: Object.keys(shape).filter((_, i) => i % 2 === 0) }) },
        { weight: 1, arbitrary: anyLeaf },
      );
    }
    case 'array':
      return fc.oneof({ weight: 6, arbitrary: fc.array(inner(def.element), { maxLength: 4 }) }, { weight: 1, arbitrary: anyLeaf });
    case 'intersection':
      return fc
        .tuple(inner(def.left), inner(def.right))
        .map(([a, b]) => (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) ? { ...a, ...b } : a));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => inner(o)));
    case 'pipe':
      return inner(def.in);
    case 'wrapper':
      return fc.oneof({ weight: 5, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constantFrom(undefined, null) });
    case 'enum':
    case 'literal':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom<unknown>(...choicesOf(schema)) }, { weight: 1, arbitrary: anyLeaf });
    case 'number':
    case 'int':
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -10, max: 3000 }) },
        { weight: 1, arbitrary: fc.double() },
        { weight: 1, arbitrary: fc.constantFrom(2147483648, 1e17, 10_000_000_000_001, Number.MAX_SAFE_INTEGER + 2, -0) },
        { weight: 1, arbitrary: anyLeaf },
      );
    case 'boolean':
      return fc.oneof({ weight: 3, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyLeaf });
    case 'record':
      return fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), anyLeaf, { maxKeys: 3 }), anyLeaf);
    default:
      return anyLeaf;
  }
}
