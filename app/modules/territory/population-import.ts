import { parseCsv } from '../../shared/csv.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import { isIsoDateInRange, MAX_PERSONS, YEAR_RANGE, z } from '../../shared/validation.ts';
import type { IndicatorKey, PopulationFacts, PublishedIndicators, PublishedValue } from './demography.rules.ts';
import { checkedRow, importFailedMessage, rowFitsHeader } from './territory.importers.ts';

/**
 * Population files, all-or-nothing: either every row is valid and consistent, or nothing is returned and a
 * ValidationError lists every problem with file, riga and colonna. Two formats (docs/formats/population-csv.md):
 * (a) ISTAT "Popolazione residente al 1° gennaio per età e sesso" (one row per comune and single year of age);
 * (b) the Cantiere CSV of yearly facts per comune or per Ambito.
 */

const MAX_ISSUES = 50;

export const POPULATION_LEVELS = ['comune', 'ambito'] as const;
export type PopulationLevel = (typeof POPULATION_LEVELS)[number];

export interface PopulationRecord extends PopulationFacts {
  level: PopulationLevel;
  /** ISTAT code of the comune (6 digits) or code of the Ambito (e.g. gallarate). */
  code: string;
  /** Name of the comune when the file gives it (ISTAT format). */
  name: string | null;
  /** The date the population stock refers to (ISO), when known. */
  referenceDate: string | null;
  source: string | null;
  /** Indicators printed in the source, as printed (value and decimals), to check against the facts. */
  published: PublishedIndicators;
  /** Line of the file the record comes from (the comune's «Totale» row in the ISTAT format). */
  line: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells.

const INTEGER = /^[+-]?\d+$/;
const INTEGER_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+$/;
const DECIMAL = /^([+-]?)(\d+)(?:[.,](\d+))?$/;

/** "122855" or "122.855" → 122855; null when it is not an integer. */
export function parseItalianInteger(raw: string): number | null {
  const v = raw.trim().replace(/^−/, '-');
  if (!INTEGER.test(v) && !INTEGER_GROUPED.test(v)) return null;
  const n = Number(v.replaceAll('.', ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** "77,4" or "77.4" → { value: 77.4, decimals: 1 }; thousands separators are not accepted. */
export function parseItalianDecimal(raw: string): PublishedValue | null {
  const m = DECIMAL.exec(raw.trim().replace(/^−/, '-'));
  if (!m) return null;
  const decimals = m[3]?.length ?? 0;
  const value = Number(`${m[1]}${m[2]}${decimals ? `.${m[3]}` : ''}`);
  return Number.isFinite(value) ? { value, decimals } : null;
}

const badInteger = (value: string) => tr('terr.pop.badNumber', { value, hint: tr('terr.pop.integerHint') });
/** A count over MAX_PERSONS (the population of no comune or Ambito; an `integer` column ends at 2^31 − 1). */
const tooLarge = (value: string) => tr('terr.pop.tooLarge', { value, max: serverFormat().count(MAX_PERSONS) });
/** Why a year is not one the import accepts (YEAR_RANGE, the same as the form), or null. */
const yearProblem = (value: string, example = 2024): string | null =>
  !/^\d{4}$/.test(value)
    ? tr('terr.pop.year', { value, example })
    : Number(value) < YEAR_RANGE.min || Number(value) > YEAR_RANGE.max
      ? tr('terr.pop.yearRange', { value, min: YEAR_RANGE.min, max: YEAR_RANGE.max })
      : null;

const badDecimal = (value: string) => tr('terr.pop.badNumber', { value, hint: tr('terr.pop.decimalHint') });

/** A count of people: empty = unknown (null) unless required; never negative. */
const countCell = (required: boolean) =>
  z.string().transform((raw, ctx): number | null => {
    const v = raw.trim();
    if (v === '') {
      if (required) ctx.addIssue({ code: 'custom', message: tr('terr.pop.required') });
      return null;
    }
    const n = parseItalianInteger(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: badInteger(v) });
      return null;
    }
    if (n < 0) ctx.addIssue({ code: 'custom', message: tr('terr.pop.negative', { value: v }) });
    else if (n > MAX_PERSONS) ctx.addIssue({ code: 'custom', message: tooLarge(v) });
    return n;
  });

/** A balance (may be negative), empty = unknown. */
const balanceCell = z.string().transform((raw, ctx): number | null => {
  const v = raw.trim();
  if (v === '') return null;
  const n = parseItalianInteger(v);
  if (n === null) ctx.addIssue({ code: 'custom', message: tr('terr.pop.badBalance', { value: v, hint: tr('terr.pop.integerHint') }) });
  else if (Math.abs(n) > MAX_PERSONS) ctx.addIssue({ code: 'custom', message: tooLarge(v) });
  return n;
});

/** A printed indicator: a decimal with its decimals, optionally followed by % or ‰ as in the source. */
const publishedCell = z.string().transform((raw, ctx): PublishedValue | null => {
  const v = raw.trim().replace(/\s*[%‰]$/, '');
  if (v === '') return null;
  const p = parseItalianDecimal(v);
  if (p === null) ctx.addIssue({ code: 'custom', message: badDecimal(raw.trim()) });
  return p;
});

const areaCell = z.string().transform((raw, ctx): number | null => {
  const v = raw.trim();
  if (v === '') return null;
  const p = parseItalianDecimal(v);
  if (p === null) {
    ctx.addIssue({ code: 'custom', message: badDecimal(v) });
    return null;
  }
  if (p.value <= 0) ctx.addIssue({ code: 'custom', message: tr('terr.pop.area', { value: v }) });
  return p.value;
});

const yearCell = z.string().transform((raw, ctx): number => {
  const v = raw.trim();
  const problem = yearProblem(v, 2023);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return 0;
  }
  return Number(v);
});

/** A reference date: a day of the calendar from 1900 to 2100 (the shared date rule). */
const isoDate = isIsoDateInRange;

// ---------------------------------------------------------------------------------------------------------------
// (b) Cantiere CSV.

/** The required columns of the Cantiere population CSV, in the documented order. */
export const POPULATION_CSV_COLUMNS = [
  'anno',
  'livello',
  'codice',
  'totale',
  'maschi',
  'femmine',
  'eta_0_14',
  'eta_15_64',
  'eta_65_piu',
  'eta_75_piu',
  'eta_0_17',
  'nati',
  'morti',
  'saldo_migratorio',
  'stranieri',
  'anziani_soli',
  'superficie_km2',
] as const;

/** Optional columns: the indicators as printed by the source (to check them) and where the figures come from. */
export const PUBLISHED_INDICATOR_COLUMNS = {
  indice_vecchiaia: 'oldAgeIndex',
  indice_invecchiamento: 'ageingIndex',
  indice_dipendenza_strutturale: 'structuralDependencyIndex',
  indice_dipendenza_anziani: 'elderlyDependencyIndex',
  tasso_natalita: 'birthRate',
  tasso_mortalita: 'deathRate',
  tasso_crescita_naturale: 'naturalGrowthRate',
  tasso_migratorio: 'migrationRate',
  tasso_crescita_totale: 'totalGrowthRate',
  percentuale_stranieri: 'foreignShare',
  densita: 'density',
  percentuale_over_75: 'over75Share',
  percentuale_minori: 'minorShare',
  percentuale_anziani_soli: 'olderAloneShare',
} as const satisfies Record<string, IndicatorKey>;
type PublishedColumn = keyof typeof PUBLISHED_INDICATOR_COLUMNS;
const PUBLISHED_COLUMNS = Object.keys(PUBLISHED_INDICATOR_COLUMNS) as PublishedColumn[];

export const POPULATION_CSV_OPTIONAL_COLUMNS = ['data_riferimento', 'fonte', ...PUBLISHED_COLUMNS] as const;

const CantiereRow = z.object({
  anno: yearCell,
  livello: z.string().transform((raw, ctx): PopulationLevel => {
    const v = raw.trim().toLowerCase();
    if (!(POPULATION_LEVELS as readonly string[]).includes(v)) {
      ctx.addIssue({ code: 'custom', message: tr('terr.pop.level', { value: raw.trim(), allowed: POPULATION_LEVELS.join(', ') }) });
    }
    return v as PopulationLevel;
  }),
  codice: z
    .string()
    .trim()
    .min(1, { error: () => tr('terr.pop.code') }),
  totale: countCell(true),
  maschi: countCell(false),
  femmine: countCell(false),
  eta_0_14: countCell(false),
  eta_15_64: countCell(false),
  eta_65_piu: countCell(false),
  eta_75_piu: countCell(false),
  eta_0_17: countCell(false),
  nati: countCell(false),
  morti: countCell(false),
  saldo_migratorio: balanceCell,
  stranieri: countCell(false),
  anziani_soli: countCell(false),
  superficie_km2: areaCell,
  data_riferimento: z.string().transform((raw, ctx): string | null => {
    const v = raw.trim();
    if (v === '') return null;
    if (!isoDate(v)) ctx.addIssue({ code: 'custom', message: tr('terr.pop.date', { value: v }) });
    return v;
  }),
  fonte: z
    .string()
    .trim()
    .max(500, { error: () => tr('terr.pop.sourceLong') })
    .transform((v) => v || null),
  ...(Object.fromEntries(PUBLISHED_COLUMNS.map((c) => [c, publishedCell])) as Record<PublishedColumn, typeof publishedCell>),
});

const fmtInt = (n: number) => serverFormat().count(n);
/** Males and females that do not add up to the total. */
const sexSum = (males: number, females: number, total: number) =>
  tr('terr.pop.sexSum', { males: fmtInt(males), females: fmtInt(females), sum: fmtInt(males + females), total: fmtInt(total) });

/** Consistency of the facts of one row; returns issues as [column(s), message]. */
function factIssues(f: PopulationFacts): [string, string][] {
  const out: [string, string][] = [];
  const { total } = f;
  if (f.males != null && f.females != null && f.males + f.females !== total) {
    out.push(['totale', sexSum(f.males, f.females, total)]);
  }
  const parts: [string, number | null | undefined][] = [
    ['maschi', f.males],
    ['femmine', f.females],
    ['eta_0_14', f.age0to14],
    ['eta_15_64', f.age15to64],
    ['eta_65_piu', f.age65plus],
    ['eta_75_piu', f.age75plus],
    ['eta_0_17', f.age0to17],
    ['stranieri', f.foreigners],
  ];
  for (const [column, v] of parts) {
    if (v != null && v > total) out.push([column, tr('terr.pop.overTotal', { value: fmtInt(v), total: fmtInt(total) })]);
  }
  const bands: [string, number | null | undefined][] = [
    ['0-14', f.age0to14],
    ['15-64', f.age15to64],
    ['65+', f.age65plus],
  ];
  const given = bands.filter((b): b is [string, number] => b[1] != null);
  if (given.length >= 2) {
    const sum = given.reduce((s, b) => s + b[1], 0);
    const list = given.map(([name, v]) => `${name} (${fmtInt(v)})`).join(' + ');
    if (given.length === 3 && sum !== total) {
      out.push([
        'eta_0_14, eta_15_64, eta_65_piu',
        tr('terr.pop.bandsSum', { list, sum: fmtInt(sum), total: fmtInt(total), difference: `${sum > total ? '+' : ''}${fmtInt(sum - total)}` }),
      ]);
    } else if (given.length === 2 && sum > total) {
      out.push(['eta_0_14, eta_15_64, eta_65_piu', tr('terr.pop.bandsOver', { list, sum: fmtInt(sum), total: fmtInt(total) })]);
    }
  }
  if (f.age75plus != null && f.age65plus != null && f.age75plus > f.age65plus) {
    out.push(['eta_75_piu', tr('terr.pop.over75', { over75: fmtInt(f.age75plus), over65: fmtInt(f.age65plus) })]);
  }
  if (f.age0to17 != null && f.age0to14 != null && f.age0to17 < f.age0to14) {
    out.push(['eta_0_17', tr('terr.pop.minors', { minors: fmtInt(f.age0to17), band: fmtInt(f.age0to14) })]);
  }
  if (f.age0to17 != null && f.age0to14 != null && f.age15to64 != null && f.age0to17 - f.age0to14 > f.age15to64) {
    out.push(['eta_0_17', tr('terr.pop.teens', { teens: fmtInt(f.age0to17 - f.age0to14), band: fmtInt(f.age15to64) })]);
  }
  if (f.olderAlone != null && f.age65plus != null && f.olderAlone > f.age65plus) {
    out.push(['anziani_soli', tr('terr.pop.olderAlone', { alone: fmtInt(f.olderAlone), over65: fmtInt(f.age65plus) })]);
  }
  return out;
}

/** Parses the Cantiere population CSV (format b). */
export function parseCantierePopulationCsv(fileName: string, text: string): PopulationRecord[] {
  const table = parseCsv(text);
  const header = table.header.map((h) => h.toLowerCase());
  const headerIssues: FieldIssue[] = [];
  const missing = POPULATION_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    headerIssues.push({
      path: tr('terr.import.whereRow', { file: fileName, line: 1 }),
      message: tr('terr.import.missingColumns', { missing: missing.join(', '), expected: POPULATION_CSV_COLUMNS.join(';') }),
    });
  }
  const known = new Set<string>([...POPULATION_CSV_COLUMNS, ...POPULATION_CSV_OPTIONAL_COLUMNS]);
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length) {
    headerIssues.push({
      path: tr('terr.import.whereRow', { file: fileName, line: 1 }),
      message: tr('terr.pop.unknownColumns', { unknown: unknown.join(', '), optional: POPULATION_CSV_OPTIONAL_COLUMNS.join(', ') }),
    });
  }
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (repeated.length)
    headerIssues.push({
      path: tr('terr.import.whereRow', { file: fileName, line: 1 }),
      message: tr('terr.pop.repeatedColumns', { columns: [...new Set(repeated)].join(', ') }),
    });
  if (headerIssues.length) throw new ValidationError(headerIssues, importFailedMessage(fileName, headerIssues.length));

  const issues: FieldIssue[] = [];
  const records: PopulationRecord[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const at = (column: string) =>
      tr(column.includes(',') ? 'terr.import.whereColumns' : 'terr.import.where', { file: fileName, line, column, columns: column });
    if (!rowFitsHeader(fileName, line, cells, header, issues)) continue;
    const raw: Record<string, string> = Object.fromEntries(POPULATION_CSV_OPTIONAL_COLUMNS.map((c) => [c, '']));
    header.forEach((h, i) => (raw[h] = cells[i] ?? ''));
    const r = checkedRow(CantiereRow, raw, at, issues);
    if (!r) continue;
    const before = issues.length;
    if (r.livello === 'comune' && !/^\d{6}$/.test(r.codice)) {
      issues.push({ path: at('codice'), message: tr('terr.pop.comuneCode', { code: r.codice }) });
    }
    if (r.livello === 'ambito' && !/^[a-z0-9][a-z0-9-]{1,40}$/.test(r.codice)) {
      issues.push({ path: at('codice'), message: tr('terr.pop.ambitoCode', { code: r.codice }) });
    }
    if (r.data_riferimento && Number(r.data_riferimento.slice(0, 4)) !== r.anno) {
      issues.push({ path: at('data_riferimento'), message: tr('terr.pop.dateYear', { date: r.data_riferimento, year: r.anno }) });
    }
    const facts: PopulationFacts = {
      year: r.anno,
      total: r.totale ?? 0,
      males: r.maschi,
      females: r.femmine,
      age0to14: r.eta_0_14,
      age15to64: r.eta_15_64,
      age65plus: r.eta_65_piu,
      age75plus: r.eta_75_piu,
      age0to17: r.eta_0_17,
      births: r.nati,
      deaths: r.morti,
      migrationBalance: r.saldo_migratorio,
      foreigners: r.stranieri,
      olderAlone: r.anziani_soli,
      areaKm2: r.superficie_km2,
    };
    for (const [column, message] of factIssues(facts)) issues.push({ path: at(column), message });
    const key = `${r.anno}|${r.livello}|${r.codice}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      issues.push({ path: at('codice'), message: tr('terr.pop.duplicate', { level: r.livello, code: r.codice, year: r.anno, previous }) });
    } else seen.set(key, line);
    if (issues.length > before) continue;
    const published: PublishedIndicators = {};
    for (const column of PUBLISHED_COLUMNS) {
      const v = r[column];
      if (v) published[PUBLISHED_INDICATOR_COLUMNS[column]] = v;
    }
    records.push({ ...facts, level: r.livello, code: r.codice, name: null, referenceDate: r.data_riferimento, source: r.fonte, published, line });
  }
  if (issues.length) throw new ValidationError(issues.slice(0, MAX_ISSUES), importFailedMessage(fileName, issues.length));
  if (records.length === 0) throw new ValidationError([{ path: fileName, message: tr('terr.import.noRows') }], importFailedMessage(fileName, 1));
  return records;
}

// ---------------------------------------------------------------------------------------------------------------
// (a) ISTAT "Popolazione residente al 1° gennaio per età e sesso".

const normalize = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const ISTAT_COLUMNS = {
  code: ['codice comune', 'codice istat', 'codice istat comune', 'codice istat del comune', 'cod. comune'],
  name: ['comune', 'denominazione', 'denominazione comune', 'territorio'],
  age: ['eta'],
  males: ['totale maschi', 'maschi'],
  females: ['totale femmine', 'femmine'],
  total: ['totale', 'maschi + femmine', 'maschi+femmine', 'totale maschi e femmine'],
  year: ['anno'],
} as const;
type IstatColumn = keyof typeof ISTAT_COLUMNS;

const TITLE_YEAR = /1\s*[°º]?\s*gennaio\s+(\d{4})|\b01\/01\/(\d{4})\b/i;
const OPEN_AGE = /^100\s*(?:e\s+oltre|e\s+pi[uù]|anni\s+e\s+oltre|\+)$/i;

/** True when a line is the header of the ISTAT file (it has an «Età» column). */
function isIstatHeader(line: string): boolean {
  return line.split(/[;,]/).some((c) => normalize(c.replace(/^"|"$/g, '')) === 'eta');
}

/** The year written in a title such as «Popolazione residente al 1° gennaio 2024 per età, sesso…». */
export function yearFromIstatTitle(title: string): number | null {
  const m = TITLE_YEAR.exec(title);
  return m ? Number(m[1] ?? m[2]) : null;
}

interface AgeRow {
  line: number;
  age: number | 'total';
  males: number;
  females: number;
  total: number;
}

/**
 * Parses an ISTAT population file by single year of age (format a) and aggregates each comune to the bands used by
 * the rules: total, males, females, 0-14, 15-64, 65+, 75+, 0-17. The year comes from `options.year`, from the
 * title line («… al 1° gennaio 2024 …») or from an «Anno» column; they must agree. Every comune needs its «Totale»
 * row (Età = «Totale» or 999), and the single ages must add up to it for males, females and total.
 */
export function parseIstatPopulationCsv(fileName: string, text: string, options: { year?: number } = {}): PopulationRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = src.split(/\r?\n/);
  let skipped = 0;
  const titles: string[] = [];
  while (skipped < lines.length && skipped < 5 && !isIstatHeader(lines[skipped]!)) titles.push(lines[skipped++]!);
  if (skipped >= lines.length || !isIstatHeader(lines[skipped] ?? '')) {
    throw new ValidationError(
      [
        {
          path: tr('terr.import.whereRow', { file: fileName, line: 1 }),
          message: tr('terr.pop.istatHeader'),
        },
      ],
      importFailedMessage(fileName, 1),
    );
  }
  const titleYear = titles.map(yearFromIstatTitle).find((y) => y !== null) ?? null;
  const table = parseCsv(lines.slice(skipped).join('\n'));
  const lineOf = (l: number) => l + skipped;
  const headerLine = lineOf(1);

  const header = table.header.map(normalize);
  const index = {} as Record<IstatColumn, number>;
  for (const [column, aliases] of Object.entries(ISTAT_COLUMNS) as [IstatColumn, readonly string[]][]) {
    index[column] = header.findIndex((h) => aliases.includes(h));
  }
  const required: [IstatColumn, string][] = [
    ['code', 'Codice comune'],
    ['age', 'Età'],
    ['males', 'Totale maschi'],
    ['females', 'Totale femmine'],
  ];
  const absent = required.filter(([c]) => index[c] < 0).map(([, label]) => label);
  if (absent.length) {
    throw new ValidationError(
      [
        {
          path: tr('terr.import.whereRow', { file: fileName, line: headerLine }),
          message: tr('terr.pop.istatMissing', { missing: absent.join(', '), found: table.header.join(', ') }),
        },
      ],
      importFailedMessage(fileName, 1),
    );
  }
  const columnName = (c: IstatColumn) => table.header[index[c]]!;

  const headerIssues: FieldIssue[] = [];
  if (options.year !== undefined && titleYear !== null && options.year !== titleYear) {
    const titleLine = titles.findIndex((t) => yearFromIstatTitle(t) !== null) + 1;
    headerIssues.push({
      path: tr('terr.import.whereRow', { file: fileName, line: titleLine }),
      message: tr('terr.pop.titleYear', { given: options.year, title: titleYear }),
    });
  }
  const fileYear = options.year ?? titleYear;
  const fileYearProblem = fileYear === null ? null : yearProblem(String(fileYear));
  if (fileYearProblem) headerIssues.push({ path: fileName, message: fileYearProblem });
  if (fileYear === null && index.year < 0) {
    headerIssues.push({
      path: fileName,
      message: tr('terr.pop.noYear'),
    });
  }
  if (headerIssues.length) throw new ValidationError(headerIssues, importFailedMessage(fileName, headerIssues.length));

  const issues: FieldIssue[] = [];
  const groups = new Map<string, { year: number; code: string; name: string | null; nameLine: number; rows: AgeRow[]; broken: boolean }>();
  for (const row of table.rows) {
    const line = lineOf(row.line);
    const { cells } = row;
    const at = (c: IstatColumn) => tr('terr.import.where', { file: fileName, line, column: columnName(c) });
    if (!rowFitsHeader(fileName, line, cells, header, issues)) continue;
    const cell = (c: IstatColumn) => (index[c] >= 0 ? (cells[index[c]] ?? '').trim() : '');
    const before = issues.length;

    const rawCode = cell('code');
    const code = /^\d{4,6}$/.test(rawCode) ? rawCode.padStart(6, '0') : null;
    if (!code) issues.push({ path: at('code'), message: tr('terr.pop.istatCode', { code: rawCode }) });

    let year = fileYear;
    if (index.year >= 0) {
      const y = cell('year');
      const problem = yearProblem(y);
      if (problem) issues.push({ path: at('year'), message: problem });
      else if (fileYear !== null && Number(y) !== fileYear) issues.push({ path: at('year'), message: tr('terr.pop.fileYear', { year: y, fileYear }) });
      else year = Number(y);
    }

    const rawAge = cell('age');
    const normAge = normalize(rawAge);
    let age: number | 'total' | null = null;
    if (normAge === 'totale' || rawAge === '999') age = 'total';
    else if (OPEN_AGE.test(rawAge)) age = 100;
    else if (/^\d{1,3}$/.test(rawAge) && Number(rawAge) <= 100) age = Number(rawAge);
    else issues.push({ path: at('age'), message: tr('terr.pop.age', { value: rawAge }) });

    const count = (c: IstatColumn): number | null => {
      const v = cell(c);
      const n = v === '' ? null : parseItalianInteger(v);
      if (n === null) issues.push({ path: at(c), message: v === '' ? tr('terr.pop.missingCount') : badInteger(v) });
      else if (n < 0) issues.push({ path: at(c), message: tr('terr.pop.negative', { value: v }) });
      else if (n > MAX_PERSONS) issues.push({ path: at(c), message: tooLarge(v) });
      return n;
    };
    const males = count('males');
    const females = count('females');
    const total = index.total >= 0 ? count('total') : males !== null && females !== null ? males + females : null;
    if (index.total >= 0 && males !== null && females !== null && total !== null && males >= 0 && females >= 0 && males + females !== total) {
      issues.push({
        path: at('total'),
        message: sexSum(males, females, total),
      });
    }

    if (!code || year === null) continue;
    const key = `${year}|${code}`;
    let group = groups.get(key);
    const name = index.name >= 0 ? cell('name') || null : null;
    if (!group) {
      group = { year, code, name, nameLine: line, rows: [], broken: false };
      groups.set(key, group);
    } else if (name !== null && group.name !== null && name !== group.name) {
      issues.push({
        path: at('name'),
        message: tr('terr.pop.otherName', { name, previous: group.name, line: group.nameLine }),
      });
    }
    if (issues.length > before || age === null || males === null || females === null || total === null) {
      group.broken = true;
      continue;
    }
    const duplicate = group.rows.find((r) => r.age === age);
    if (duplicate) {
      const where = { code, year, line: duplicate.line };
      issues.push({
        path: at('age'),
        message: age === 'total' ? tr('terr.pop.totalRowTwice', where) : tr('terr.pop.ageTwice', { ...where, age: age === 100 ? tr('terr.pop.age100') : age }),
      });
      group.broken = true;
      continue;
    }
    group.rows.push({ line, age, males, females, total });
  }

  const records: PopulationRecord[] = [];
  for (const g of groups.values()) {
    if (g.broken) continue;
    const totalRow = g.rows.find((r) => r.age === 'total');
    const label = `${g.code}${g.name ? ` (${g.name})` : ''}`;
    if (!totalRow) {
      issues.push({
        path: tr('terr.import.whereComuneYear', { file: fileName, comune: label, year: g.year }),
        message: tr('terr.pop.noTotalRow'),
      });
      continue;
    }
    const ages = g.rows.filter((r): r is AgeRow & { age: number } => r.age !== 'total');
    const sum = (pick: (r: AgeRow) => number, from = 0, to = 100) => ages.filter((r) => r.age >= from && r.age <= to).reduce((s, r) => s + pick(r), 0);
    const checks: [IstatColumn, number, number][] = [
      ['males', sum((r) => r.males), totalRow.males],
      ['females', sum((r) => r.females), totalRow.females],
    ];
    if (index.total >= 0) checks.push(['total', sum((r) => r.total), totalRow.total]);
    let consistent = true;
    for (const [c, summed, declared] of checks) {
      if (summed !== declared) {
        consistent = false;
        issues.push({
          path: tr('terr.import.where', { file: fileName, line: totalRow.line, column: columnName(c) }),
          message: tr('terr.pop.agesSum', { comune: label, summed: fmtInt(summed), declared: fmtInt(declared), difference: fmtInt(summed - declared) }),
        });
      }
    }
    if (!consistent) continue;
    const t = (r: AgeRow) => r.total;
    records.push({
      level: 'comune',
      code: g.code,
      name: g.name,
      year: g.year,
      referenceDate: `${g.year}-01-01`,
      source: `ISTAT, Popolazione residente al 1° gennaio ${g.year} per età e sesso`,
      total: totalRow.total,
      males: totalRow.males,
      females: totalRow.females,
      age0to14: sum(t, 0, 14),
      age15to64: sum(t, 15, 64),
      age65plus: sum(t, 65, 100),
      age75plus: sum(t, 75, 100),
      age0to17: sum(t, 0, 17),
      births: null,
      deaths: null,
      migrationBalance: null,
      foreigners: null,
      olderAlone: null,
      areaKm2: null,
      published: {},
      line: totalRow.line,
    });
  }
  if (issues.length) throw new ValidationError(issues.slice(0, MAX_ISSUES), importFailedMessage(fileName, issues.length));
  if (records.length === 0) throw new ValidationError([{ path: fileName, message: tr('terr.import.noRows') }], importFailedMessage(fileName, 1));
  return records;
}

// ---------------------------------------------------------------------------------------------------------------

export type PopulationFormat = 'istat' | 'cantiere';

/** Recognises the format from the header: the Cantiere CSV has «anno» and «livello», the ISTAT file an «Età» column. */
export function detectPopulationFormat(text: string): PopulationFormat | null {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = src.split(/\r?\n/, 6);
  const first = (lines[0] ?? '').split(/[;,]/).map((c) => normalize(c.replace(/^"|"$/g, '')));
  if (first.includes('anno') && first.includes('livello')) return 'cantiere';
  return lines.some(isIstatHeader) ? 'istat' : null;
}

/** Parses a population file in either format. */
export function parsePopulationFile(fileName: string, text: string, options: { year?: number } = {}): PopulationRecord[] {
  const format = detectPopulationFormat(text);
  if (format === 'cantiere') return parseCantierePopulationCsv(fileName, text);
  if (format === 'istat') return parseIstatPopulationCsv(fileName, text, options);
  throw new ValidationError(
    [
      {
        path: tr('terr.import.whereRow', { file: fileName, line: 1 }),
        message: tr('terr.pop.unknownFormat', { columns: POPULATION_CSV_COLUMNS.join(';') }),
      },
    ],
    importFailedMessage(fileName, 1),
  );
}
