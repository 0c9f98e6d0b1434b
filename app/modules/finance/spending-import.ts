/**
 * Import of the annual social spending of an Ambito (format: docs/formats/spending-csv.md):
 * - the spending file: one row per year × ente (comune ISTAT code or "ambito") × area × funding channel, with the
 *   amount in euro (Italian decimal comma accepted) converted to cents; optional control-total rows (area or channel
 *   "TOTALE") are checked against the sums, so a table copied from a plan is verified as it is loaded;
 * - the users file: one row per year × ente × area with the number of users and, optionally, the spending the
 *   source reports next to them.
 * All or nothing: every problem is reported with file, row and column, and one bad row refuses the whole import.
 * The parsers work on a RawTable (header + rows), so a spreadsheet sheet maps to the same row model as a CSV file.
 */
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import { MAX_PERSONS, parseEuroAmount, parsePersonsCount } from '../../shared/validation.ts';
import { parseCsv } from '../../shared/csv.ts';
import { countLines, csvRecords, csvRecordsFromBytes } from '../../shared/imports/csv-stream.ts';
import { DECODER_LABEL, detectTextEncoding, type TextEncodingName } from '../../shared/imports/decode.ts';
import { rowCounter } from '../../shared/imports/limits.ts';
import type { ParseFailure } from '../../shared/format/index.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { TOTAL_CODE, findArea, findFundingSource, type FundingSource, type SpendingArea } from './catalogues.ts';
import { readSpendingNature, SPENDING_NATURES, type SpendingNature } from './spending-nature.ts';
import {
  buildSpendingMatrix,
  checkSpendingMatrix,
  costPerUser,
  type MoneyRatio,
  type PublishedAreaFigures,
  type PublishedPercent,
  type SpendingCell,
} from './finance.rules.ts';

const MAX_ISSUES = 50;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** The `ente` value for amounts that belong to the Ambito as a whole rather than to one comune. */
export const AMBITO_ENTE = 'ambito';

export const SPENDING_COLUMNS = ['anno', 'ente', 'area', 'canale', 'importo_euro'] as const;
export const SPENDING_OPTIONAL_COLUMNS = ['natura', 'note'] as const;
export const USERS_COLUMNS = ['anno', 'ente', 'area', 'utenti'] as const;
export const USERS_OPTIONAL_COLUMNS = ['spesa_euro', 'quota_pubblicata_pct', 'costo_utente_pubblicato_euro', 'fonte_pubblicati', 'note'] as const;

/** Where rows come from: a CSV file, or a sheet of a workbook. */
export interface RecordSource {
  file: string;
  sheet?: string;
}

/** A table as read from a CSV file or a spreadsheet sheet: header cells and data rows with their 1-based row number. */
export interface RawTable {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** Where one imported row came from. */
export interface RowRef extends RecordSource {
  row: number;
}

export interface SpendingRow {
  year: number;
  /** Six-digit ISTAT code of a comune, or "ambito". */
  ente: string;
  /** Area code of the classification passed in the options. */
  area: string;
  /** Funding-source code. */
  channel: string;
  /** servizi | contributi | strutture (the ISTAT survey's macro-types), null when the file does not state it. */
  nature: SpendingNature | null;
  amountCents: number;
  note: string | null;
  ref: RowRef;
}

/** A declared total: of an area (channel null), of a channel (area null) or of everything (both null). */
export interface ControlTotal {
  year: number;
  ente: string;
  area: string | null;
  channel: string | null;
  amountCents: number;
  note: string | null;
  ref: RowRef;
}

export interface ServiceUsersRow {
  year: number;
  ente: string;
  area: string;
  /** Null: not recorded (a blank cell), which is not the same as zero users. */
  users: number | null;
  /** Spending the source reports next to the users, when it gives one; null otherwise (a published figure). */
  spendCents: number | null;
  /** Share and cost per user as the source publishes them, with the source (checked, never used as computed). */
  published: PublishedAreaFigures;
  note: string | null;
  ref: RowRef;
}

export interface SpendingImportOptions {
  fundingSources: readonly FundingSource[];
  /** The areas of the classification the files use (e.g. the Lombardy classification). */
  areas: readonly SpendingArea[];
  /** When given, a comune code must be one of these (the members of the Ambito). */
  memberIstatCodes?: readonly string[];
}

export interface SpendingData {
  rows: SpendingRow[];
  controlTotals: ControlTotal[];
}

export interface SpendingImport extends SpendingData {
  users: ServiceUsersRow[];
  summary: { years: number[]; enti: string[]; spendingRows: number; controlTotalsChecked: number; usersRows: number };
}

// ───────────────────────────── cell parsers ─────────────────────────────

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Why an amount cell was refused, in the words of the import's messages (the file, row and column are added by the
 * caller). The reading itself is the shared parseEuroAmount (app/shared/validation.ts, at most MAX_CENTS): "1.234,56",
 * "1234,56", "1.234", "1234", "1234.5" and "€ 1.234,00"; a dot followed by exactly three digits is a thousands separator.
 */
export function amountProblem(reason: ParseFailure, raw: string): string {
  const r = raw.trim();
  switch (reason) {
    case 'missing':
      return tr('finance.import.err.amountMissing');
    case 'negative':
      return tr('finance.import.err.amountNegative', { value: r });
    case 'too_many_decimals':
      return tr('finance.import.err.amountDecimals', { value: r });
    case 'too_large':
      return tr('finance.import.err.amountTooLarge', { value: r });
    default:
      return tr('finance.import.err.amountInvalid', { value: r });
  }
}

/** An amount cell in cents, or the problem in words. */
export function euroCell(raw: string): Parsed<number> {
  const r = parseEuroAmount(raw);
  return r.ok ? r : { ok: false, message: amountProblem(r.reason, raw) };
}

/** A count of people (parsePersonsCount: "4418" or "4.418", at most MAX_PERSONS); blank means not recorded (null). */
export function userCountCell(raw: string): Parsed<number | null> {
  const r = parsePersonsCount(raw);
  if (r.ok) return r;
  if (r.reason === 'too_large')
    return { ok: false, message: tr('finance.import.err.usersTooLarge', { value: raw.trim(), max: serverFormat().count(MAX_PERSONS) }) };
  return { ok: false, message: tr('finance.import.err.users', { value: raw.trim() }) };
}

/** A percentage as printed by a source ("41,40", "41.40", "41,40%"), kept with its decimals. Blank: not published. */
export function parsePublishedPercent(raw: string | undefined): Parsed<PublishedPercent | null> {
  const s = (raw ?? '').replace(/[\s\u00a0\u202f%]/g, '');
  if (s === '') return { ok: true, value: null };
  const m = s.match(/^(\d{1,3})(?:[.,](\d{1,4}))?$/);
  if (!m) return { ok: false, message: tr('finance.import.err.percent', { value: raw!.trim() }) };
  const value = Number(`${m[1]}.${m[2] ?? '0'}`);
  if (value > 100) return { ok: false, message: tr('finance.import.err.percentOver', { value: raw!.trim() }) };
  return { ok: true, value: { value, decimals: m[2]?.length ?? 0 } };
}

function parseYear(raw: string): Parsed<number> {
  const s = raw.trim();
  if (!/^\d{4}$/.test(s)) return { ok: false, message: tr('finance.import.err.year', { value: s }) };
  const year = Number(s);
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: tr('finance.import.err.yearRange', { value: year, min: MIN_YEAR, max: MAX_YEAR }) };
  return { ok: true, value: year };
}

function parseEnte(raw: string, members: ReadonlySet<string> | null): Parsed<string> {
  const s = raw.trim();
  if (s.toLowerCase() === AMBITO_ENTE) return { ok: true, value: AMBITO_ENTE };
  if (/^\d{5}$/.test(s)) {
    return { ok: false, message: tr('finance.import.err.istat5', { value: s }) };
  }
  if (!/^\d{6}$/.test(s)) {
    return { ok: false, message: tr('finance.import.err.ente', { value: s, ambito: AMBITO_ENTE }) };
  }
  if (members && !members.has(s)) return { ok: false, message: tr('finance.import.err.notMember', { value: s }) };
  return { ok: true, value: s };
}

function parseArea(raw: string, areas: readonly SpendingArea[], allowTotal: boolean): Parsed<string | null> {
  const s = raw.trim();
  if (s === '') return { ok: false, message: tr('finance.import.err.areaMissing') };
  if (s.toUpperCase() === TOTAL_CODE) {
    return allowTotal ? { ok: true, value: null } : { ok: false, message: tr('finance.import.err.usersTotal') };
  }
  const area = findArea(areas, s);
  if (!area)
    return {
      ok: false,
      message: tr('finance.import.err.area', { value: s, codes: [...areas.map((a) => a.code), ...(allowTotal ? [TOTAL_CODE] : [])].join(', ') }),
    };
  return { ok: true, value: area.code };
}

function parseChannel(raw: string, sources: readonly FundingSource[]): Parsed<string | null> {
  const s = raw.trim();
  if (s === '') return { ok: false, message: tr('finance.import.err.channelMissing') };
  if (s.toUpperCase() === TOTAL_CODE) return { ok: true, value: null };
  const source = findFundingSource(sources, s);
  if (!source)
    return {
      ok: false,
      message: tr('finance.import.err.channel', { value: s, total: TOTAL_CODE }),
    };
  return { ok: true, value: source.code };
}

function parseNature(raw: string | undefined): Parsed<SpendingNature | null> {
  const nature = readSpendingNature(raw);
  if (nature === undefined) return { ok: false, message: tr('finance.import.err.nature', { value: (raw ?? '').trim(), allowed: SPENDING_NATURES.join(', ') }) };
  return { ok: true, value: nature };
}

function parseNote(raw: string | undefined): Parsed<string | null> {
  const s = (raw ?? '').trim();
  if (s.length > 500) return { ok: false, message: tr('finance.import.err.note', { length: s.length }) };
  return { ok: true, value: s || null };
}

// ───────────────────────────── tables ─────────────────────────────

/** Reads CSV text into a RawTable (';' or ',' delimiter, quotes, BOM: see parseCsv). */
export function tableFromCsv(text: string): RawTable {
  const t = parseCsv(text);
  return { header: t.header, rows: t.rows.map((r) => ({ row: r.line, cells: r.cells })) };
}

/** "file, foglio sheet, riga n, colonna c": where a problem is, as the messages name it. */
export function at(source: RecordSource, row?: number, column?: string): string {
  return [
    source.file,
    source.sheet ? tr('finance.cmd.where.sheet', { sheet: source.sheet }) : null,
    row !== undefined ? tr('finance.cmd.where.row', { row }) : null,
    column ? tr('finance.import.where.column', { column }) : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Rows given one at a time — a CSV file being read, a sheet being streamed — and checked as the whole table would be
 * (same checks, same messages, same order): first the header (once; [] when the file has none), then each data row
 * with its 1-based row number.
 */
export interface TableSink {
  header(cells: readonly string[]): void;
  row(row: number, cells: readonly string[]): void;
}

/** A column's cell of a row (undefined for an optional column the file does not have). */
type Getter = (column: string) => string | undefined;

/** The header checks, then each row's shape; problems go to `issues`. */
class RecordShape {
  private columns: Map<string, number> | null = null;
  private width = 0;
  private headerSeen = false;
  private rows = 0;
  private readonly source: RecordSource;
  private readonly required: readonly string[];
  private readonly optional: readonly string[];
  private readonly issues: FieldIssue[];
  constructor(source: RecordSource, required: readonly string[], optional: readonly string[], issues: FieldIssue[]) {
    this.source = source;
    this.required = required;
    this.optional = optional;
    this.issues = issues;
  }

  header(cells: readonly string[]): void {
    if (this.headerSeen) return;
    this.headerSeen = true;
    const { source, required, optional, issues } = this;
    const header = cells.map((h) => h.trim().toLowerCase());
    if (header.length === 0 || (header.length === 1 && header[0] === '')) {
      issues.push({ path: at(source), message: tr('finance.import.err.empty') });
      return;
    }
    const headerIssues: string[] = [];
    const missing = required.filter((c) => !header.includes(c));
    if (missing.length)
      headerIssues.push(tr('finance.import.err.missingColumns', { missing: missing.join(', '), required: required.join(', '), optional: optional.join(', ') }));
    const unknown = header.filter((h) => !required.includes(h) && !optional.includes(h));
    if (unknown.length)
      headerIssues.push(tr('finance.import.err.unknownColumns', { columns: unknown.map((u) => u || tr('finance.import.err.unnamed')).join(', ') }));
    const repeated = header.filter((h, i) => header.indexOf(h) !== i);
    if (repeated.length) headerIssues.push(tr('finance.import.err.repeatedColumns', { columns: [...new Set(repeated)].join(', ') }));
    if (headerIssues.length) {
      for (const message of headerIssues) issues.push({ path: at(source, 1), message });
      return;
    }
    this.columns = new Map(header.map((h, i) => [h, i]));
    this.width = header.length;
  }

  /** The row's cells by column name, or null when the row is not read (refused header, wrong number of cells). */
  row(row: number, cells: readonly string[]): Getter | null {
    if (!this.headerSeen) this.header([]);
    const columns = this.columns;
    if (!columns) return null;
    this.rows++;
    if (cells.length !== this.width) {
      this.issues.push({ path: at(this.source, row), message: tr('finance.import.err.cells', { cells: cells.length, header: this.width }) });
      return null;
    }
    return (column) => {
      const i = columns.get(column);
      return i === undefined ? undefined : cells[i];
    };
  }

  /** At the end of the file: a header without data rows is refused. */
  finish(): void {
    if (!this.headerSeen) this.header([]);
    if (this.columns && this.rows === 0) this.issues.push({ path: at(this.source), message: tr('finance.import.err.noRows') });
  }
}

/** The answers of a cell parser by raw text: a file repeats its years, enti, areas and channels on every row. */
function remember<T>(parse: (raw: string) => Parsed<T>): (raw: string) => Parsed<T> {
  const known = new Map<string, Parsed<T>>();
  return (raw) => {
    let parsed = known.get(raw);
    if (parsed === undefined) {
      parsed = parse(raw);
      if (known.size < 10_000) known.set(raw, parsed);
    }
    return parsed;
  };
}

/** The parsers of the cells that say what a row is about: year, ente (a member comune or the Ambito) and area. */
function keyParsers(options: SpendingImportOptions, allowTotal: boolean) {
  const members = options.memberIstatCodes ? new Set(options.memberIstatCodes) : null;
  const year = remember(parseYear);
  const ente = remember((raw) => parseEnte(raw, members));
  const area = remember((raw) => parseArea(raw, options.areas, allowTotal));
  return (get: Getter) => ({ year: year(get('anno')!), ente: ente(get('ente')!), area: area(get('area')!) });
}

/** An amount cell that may be left empty (null). */
const optionalEuroCell = (raw: string | undefined): Parsed<number | null> =>
  raw === undefined || raw.trim() === '' ? { ok: true, value: null } : euroCell(raw);

/** Records the problem of every cell that did not parse, each with its column. */
function report(source: RecordSource, row: number, cells: Record<string, Parsed<unknown>>, issues: FieldIssue[]): void {
  for (const [column, parsed] of Object.entries(cells)) if (!parsed.ok) issues.push({ path: at(source, row, column), message: parsed.message });
}

export type SpendingRead = SpendingData & { issues: FieldIssue[]; checked: number };

/** Reads a spending table row by row: the rows, the control totals (checked at the end against the rows' sums). */
export function spendingReader(source: RecordSource, options: SpendingImportOptions): TableSink & { finish(): SpendingRead } {
  const issues: FieldIssue[] = [];
  const shape = new RecordShape(source, SPENDING_COLUMNS, SPENDING_OPTIONAL_COLUMNS, issues);
  const rows: SpendingRow[] = [];
  const controlTotals: ControlTotal[] = [];
  const seen = new Map<string, number>();
  const keyCells = keyParsers(options, true);
  const channelCell = remember((raw) => parseChannel(raw, options.fundingSources));
  const natureCell = remember(parseNature);
  return {
    header: (cells) => shape.header(cells),
    row(row, cells) {
      const get = shape.row(row, cells);
      if (!get) return;
      const { year, ente, area } = keyCells(get);
      const channel = channelCell(get('canale')!);
      const amount = euroCell(get('importo_euro')!);
      const note = parseNote(get('note'));
      let nature = natureCell(get('natura') ?? '');
      // A control total sums every nature of its area or channel: its nature cell stays empty.
      if (nature.ok && nature.value !== null && ((area.ok && area.value === null) || (channel.ok && channel.value === null)))
        nature = { ok: false, message: tr('finance.import.err.natureTotal') };
      report(source, row, { anno: year, ente, area, canale: channel, natura: nature, importo_euro: amount, note }, issues);
      if (!year.ok || !ente.ok || !area.ok || !channel.ok || !amount.ok || !note.ok || !nature.ok) return;
      const key = `${year.value}|${ente.value}|${area.value ?? TOTAL_CODE}|${channel.value ?? TOTAL_CODE}|${nature.value ?? ''}`;
      const previous = seen.get(key);
      if (previous !== undefined) {
        issues.push({ path: at(source, row), message: tr('finance.import.err.repeatedSpending', { row: previous }) });
        return;
      }
      seen.set(key, row);
      const ref = { ...source, row };
      if (area.value === null || channel.value === null) {
        controlTotals.push({ year: year.value, ente: ente.value, area: area.value, channel: channel.value, amountCents: amount.value, note: note.value, ref });
      } else {
        rows.push({
          year: year.value,
          ente: ente.value,
          area: area.value,
          channel: channel.value,
          nature: nature.value,
          amountCents: amount.value,
          note: note.value,
          ref,
        });
      }
    },
    finish() {
      shape.finish();
      let checked = 0;
      if (issues.length === 0 && controlTotals.length > 0) {
        const areaName = (code: string) => options.areas.find((a) => a.code === code)?.name ?? code;
        const channelName = (code: string) => options.fundingSources.find((s) => s.code === code)?.shortName ?? code;
        // The cells of each year × ente, gathered once (not filtered out of all the rows for every group).
        const cellsOf = new Map<string, SpendingCell[]>();
        for (const r of rows) {
          const k = `${r.year}|${r.ente}`;
          const cell = { area: r.area, channel: r.channel, amountCents: r.amountCents };
          const list = cellsOf.get(k);
          if (list) list.push(cell);
          else cellsOf.set(k, [cell]);
        }
        for (const group of groupBy(controlTotals, (c) => `${c.year}|${c.ente}`)) {
          const { year, ente } = group[0]!;
          const matrix = buildSpendingMatrix(cellsOf.get(`${year}|${ente}`) ?? []);
          const rowTotals = Object.fromEntries(group.filter((c) => c.area !== null && c.channel === null).map((c) => [c.area!, c.amountCents]));
          const columnTotals = Object.fromEntries(group.filter((c) => c.area === null && c.channel !== null).map((c) => [c.channel!, c.amountCents]));
          const grand = group.find((c) => c.area === null && c.channel === null);
          const checksum = checkSpendingMatrix(
            matrix,
            { rowTotals, columnTotals, grandTotal: grand?.amountCents ?? null },
            { area: areaName, channel: channelName },
          );
          checked += checksum.checked;
          for (const m of checksum.mismatches) {
            const control = group.find((c) =>
              m.kind === 'row'
                ? c.area === m.key && c.channel === null
                : m.kind === 'column'
                  ? c.area === null && c.channel === m.key
                  : c.area === null && c.channel === null,
            )!;
            issues.push({ path: at(source, control.ref.row, 'importo_euro'), message: m.message });
          }
        }
      }
      return { rows, controlTotals, issues, checked };
    },
  };
}

export type UsersRead = { users: ServiceUsersRow[]; issues: FieldIssue[] };

/** Reads a users table row by row. */
export function usersReader(source: RecordSource, options: SpendingImportOptions): TableSink & { finish(): UsersRead } {
  const issues: FieldIssue[] = [];
  const shape = new RecordShape(source, USERS_COLUMNS, USERS_OPTIONAL_COLUMNS, issues);
  const users: ServiceUsersRow[] = [];
  const seen = new Map<string, number>();
  const keyCells = keyParsers(options, false);
  return {
    header: (cells) => shape.header(cells),
    row(row, cells) {
      const get = shape.row(row, cells);
      if (!get) return;
      const { year, ente, area } = keyCells(get);
      const count = userCountCell(get('utenti')!);
      const spend = optionalEuroCell(get('spesa_euro'));
      const note = parseNote(get('note'));
      const share = parsePublishedPercent(get('quota_pubblicata_pct'));
      const cost = optionalEuroCell(get('costo_utente_pubblicato_euro'));
      const publishedSource = parseNote(get('fonte_pubblicati'));
      const missingSource: Parsed<null> =
        (share.ok && share.value) || (cost.ok && cost.value !== null)
          ? publishedSource.ok && publishedSource.value
            ? { ok: true, value: null }
            : { ok: false, message: tr('finance.import.err.publishedSource') }
          : { ok: true, value: null };
      report(
        source,
        row,
        {
          anno: year,
          ente,
          area,
          utenti: count,
          spesa_euro: spend,
          quota_pubblicata_pct: share,
          costo_utente_pubblicato_euro: cost,
          fonte_pubblicati: publishedSource.ok ? missingSource : publishedSource,
          note,
        },
        issues,
      );
      if (!year.ok || !ente.ok || !area.ok || !count.ok || !spend.ok || !note.ok || !share.ok || !cost.ok || !publishedSource.ok || !missingSource.ok) return;
      const key = `${year.value}|${ente.value}|${area.value}`;
      const previous = seen.get(key);
      if (previous !== undefined) {
        issues.push({ path: at(source, row), message: tr('finance.import.err.repeatedUsers', { row: previous }) });
        return;
      }
      seen.set(key, row);
      const published: PublishedAreaFigures = {};
      if (share.value) published.sharePct = share.value;
      if (cost.value !== null) published.costPerUserCents = cost.value;
      if (published.sharePct || published.costPerUserCents !== undefined) published.source = publishedSource.value!;
      users.push({
        year: year.value,
        ente: ente.value,
        area: area.value!,
        users: count.value,
        spendCents: spend.value,
        published,
        note: note.value,
        ref: { ...source, row },
      });
    },
    finish() {
      shape.finish();
      return { users, issues };
    },
  };
}

/** Gives a whole table to a reader. */
function readTable<T>(reader: TableSink & { finish(): T }, table: RawTable): T {
  reader.header(table.header);
  for (const { row, cells } of table.rows) reader.row(row, cells);
  return reader.finish();
}

function readSpending(source: RecordSource, table: RawTable, options: SpendingImportOptions): SpendingRead {
  return readTable(spendingReader(source, options), table);
}

function readUsers(source: RecordSource, table: RawTable, options: SpendingImportOptions): UsersRead {
  return readTable(usersReader(source, options), table);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** The matrix cells of one year, for one ente or (ente omitted) for all enti together. */
export function selectCells(rows: readonly SpendingRow[], filter: { year: number; ente?: string }): SpendingCell[] {
  return rows
    .filter((r) => r.year === filter.year && (filter.ente === undefined || r.ente === filter.ente))
    .map((r) => ({ area: r.area, channel: r.channel, amountCents: r.amountCents }));
}

/**
 * Average cost per user of each area with a users row, for one year and ente, computed from ONE dataset: the area's
 * total in the spending rows divided by the users. The spending a users source reports next to the users is another
 * dataset (e.g. Tabella 4.2 against Tabella 2.4): it is returned apart as published (`publishedSpendCents`), never
 * used as the numerator. The cost is null when the number of users is not recorded or is zero.
 */
export function costPerUserByArea(
  data: { rows: readonly SpendingRow[]; users: readonly ServiceUsersRow[] },
  filter: { year: number; ente: string },
  nameOf: (area: string) => string = (a) => a,
): AreaCostPerUser[] {
  const matrix = buildSpendingMatrix(selectCells(data.rows, filter));
  const users = data.users.filter((u) => u.year === filter.year && u.ente === filter.ente);
  return costPerUserOfAreas([...new Set(users.map((u) => u.area))], matrix.rowTotals, users, (a) => `spesa ${nameOf(a)} ${filter.year}`);
}

export interface AreaCostPerUser {
  area: string;
  users: number | null;
  spendCents: number;
  publishedSpendCents: number | null;
  cost: MoneyRatio;
}

/**
 * The same rule on a dataset already summed by area (`spendByArea`, e.g. the member comuni's rows of a year): for
 * each area of `areas` that has users rows, the users summed over the rows (null when none is recorded), the
 * published spending summed when every row has one, and the cost per user.
 */
export function costPerUserOfAreas(
  areas: readonly string[],
  spendByArea: Readonly<Record<string, number>>,
  users: readonly { area: string; users: number | null; spendCents: number | null }[],
  label: (area: string) => string,
): AreaCostPerUser[] {
  return areas
    .filter((a) => users.some((u) => u.area === a))
    .map((a) => {
      const rows = users.filter((u) => u.area === a);
      const count = rows.every((r) => r.users === null) ? null : rows.reduce((s, r) => s + (r.users ?? 0), 0);
      const spendCents = spendByArea[a] ?? 0;
      return {
        area: a,
        users: count,
        spendCents,
        publishedSpendCents: rows.every((r) => r.spendCents !== null) ? rows.reduce((s, r) => s + r.spendCents!, 0) : null,
        cost: costPerUser(spendCents, count, label(a)),
      };
    });
}

export function importFailedMessage(fileNames: readonly string[], count: number) {
  const files =
    fileNames.length === 1
      ? tr('finance.import.failedOne', { files: fileNames[0]! })
      : tr('finance.import.failedMany', { files: fileNames.slice(0, -1).join(', '), last: fileNames[fileNames.length - 1]! });
  return tr(count === 1 ? 'finance.import.failedCountOne' : 'finance.import.failedCountMany', { files, count });
}

function fail(fileNames: readonly string[], issues: FieldIssue[]): never {
  throw new ValidationError(issues.slice(0, MAX_ISSUES), importFailedMessage(fileNames, issues.length));
}

// ───────────────────────────── entry points ─────────────────────────────

/** Parses a spending table (CSV or sheet) and verifies its control totals; throws ValidationError on any problem. */
export function parseSpendingTable(source: RecordSource, table: RawTable, options: SpendingImportOptions): SpendingData {
  const { rows, controlTotals, issues } = readSpending(source, table, options);
  if (issues.length) fail([source.file], issues);
  return { rows, controlTotals };
}

export function parseSpendingCsv(fileName: string, text: string, options: SpendingImportOptions): SpendingData {
  return parseSpendingTable({ file: fileName }, tableFromCsv(text), options);
}

/** Parses a users table (CSV or sheet); throws ValidationError on any problem. */
export function parseServiceUsersTable(source: RecordSource, table: RawTable, options: SpendingImportOptions): ServiceUsersRow[] {
  const { users, issues } = readUsers(source, table, options);
  if (issues.length) fail([source.file], issues);
  return users;
}

export function parseServiceUsersCsv(fileName: string, text: string, options: SpendingImportOptions): ServiceUsersRow[] {
  return parseServiceUsersTable({ file: fileName }, tableFromCsv(text), options);
}

/**
 * The end of an import read row by row: the problems of both files at once (nothing is accepted unless both are
 * valid), or the rows with their summary.
 */
export function finishSpendingImport(
  spending: { source: RecordSource; read: SpendingRead },
  users: { source: RecordSource; read: UsersRead } | null,
): SpendingImport {
  const issues = [...spending.read.issues, ...(users?.read.issues ?? [])];
  const names = [...new Set([spending.source.file, ...(users ? [users.source.file] : [])])];
  if (issues.length) fail(names, issues);
  const userRows = users?.read.users ?? [];
  const years = new Set<number>();
  const enti = new Set<string>();
  for (const list of [spending.read.rows, spending.read.controlTotals, userRows])
    for (const r of list) {
      years.add(r.year);
      enti.add(r.ente);
    }
  return {
    rows: spending.read.rows,
    controlTotals: spending.read.controlTotals,
    users: userRows,
    summary: {
      years: [...years].sort((a, b) => a - b),
      enti: [...enti].sort(),
      spendingRows: spending.read.rows.length,
      controlTotalsChecked: spending.read.checked,
      usersRows: userRows.length,
    },
  };
}

/**
 * Imports a spending table and, when given, a users table together (CSV files or the two sheets of a workbook): the
 * problems of both are reported at once and nothing is accepted unless both are valid.
 */
export function importSpendingTables(
  tables: { spending: { source: RecordSource; table: RawTable }; users?: { source: RecordSource; table: RawTable } },
  options: SpendingImportOptions,
): SpendingImport {
  return finishSpendingImport(
    { source: tables.spending.source, read: readSpending(tables.spending.source, tables.spending.table, options) },
    tables.users ? { source: tables.users.source, read: readUsers(tables.users.source, tables.users.table, options) } : null,
  );
}

/** importSpendingTables for the two CSV files. */
export function importSpendingFiles(
  files: { spending: { fileName: string; text: string }; users?: { fileName: string; text: string } },
  options: SpendingImportOptions,
): SpendingImport {
  return importSpendingTables(
    {
      spending: { source: { file: files.spending.fileName }, table: tableFromCsv(files.spending.text) },
      users: files.users ? { source: { file: files.users.fileName }, table: tableFromCsv(files.users.text) } : undefined,
    },
    options,
  );
}

// ───────────────────────────── reading as a stream ─────────────────────────────

/** A CSV file as uploaded: its text, or its UTF-8 bytes (decoded piece by piece while it is read). */
export type CsvFile = { fileName: string; text: string } | { fileName: string; bytes: Uint8Array };

/**
 * The pace of a long read: `tick()` counts one row read and, every so many rows, returns a promise to await (the
 * progress report, a turn for the event loop, a cancel check); otherwise undefined, so that a row costs no await.
 */
export interface RowPace {
  tick(): Promise<void> | undefined;
}

/** Lines of a CSV file (an estimate of its rows, for the progress bar), without reading it. */
export const csvLineCount = (file: CsvFile) => countLines('bytes' in file ? file.bytes : file.text);

/**
 * Gives a CSV file to a reader one record at a time (the table is never built whole), refusing the file at the first
 * row over the limit of rows (IMPORT_LIMITS).
 */
export async function feedCsv(file: CsvFile, sink: TableSink, pace: RowPace): Promise<TextEncodingName> {
  const counter = rowCounter(file.fileName);
  let header = true;
  // Bytes are read in the encoding they are in (UTF-8, or Windows-1252 converted; anything else is refused, naming
  // the file): the shared detectTextEncoding, as every importer.
  const encoding = 'bytes' in file ? detectTextEncoding(file.bytes, file.fileName) : 'UTF-8';
  for (const record of 'bytes' in file ? csvRecordsFromBytes(file.bytes, DECODER_LABEL[encoding]) : csvRecords(file.text)) {
    if (header) {
      header = false;
      sink.header(record.cells.map((h) => h.trim()));
      continue;
    }
    counter.add();
    sink.row(record.line, record.cells);
    const wait = pace.tick();
    if (wait) await wait;
  }
  if (header) sink.header([]);
  return encoding;
}
