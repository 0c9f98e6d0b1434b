/**
 * The file side of a data request: the templates a recipient downloads (CSV per item, or one XLSX with a sheet per
 * item and a sheet of instructions) and the reading of a filled file into the items' figures. Every file row carries
 * the template version, the comune and the year: a file of another comune, another year or another template version
 * is refused whole, with file, sheet, row and column named.
 */
import ExcelJS from 'exceljs';
import { parseCsv } from '../../shared/csv.ts';
import { writeCsv, type CsvValue } from '../../shared/exports/csv.ts';
import { TEXT_FORMAT, writeXlsx, type XlsxSheet } from '../../shared/exports/xlsx.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { parseItalianNumber } from '../../shared/format/index.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { decodeImportText, type DecodedText } from '../../shared/imports/decode.ts';
import { hasControlCharacters, isIsoDateInRange, parseEuroAmount, parsePersonsCount } from '../../shared/validation.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import {
  COLLECTION_ITEMS,
  TEMPLATE_VERSION,
  type CollectionItem,
  type IndicatorValues,
  type ItemValues,
  type SpendingValues,
  type StaffValues,
  type UsersValues,
} from './collection.rules.ts';

const COMMON = ['modello', 'comune_istat', 'anno'] as const;

/** The columns of each item's sheet (or CSV file), after the common ones. */
export const ITEM_COLUMNS: Record<CollectionItem, readonly string[]> = {
  spesa: ['area', 'canale', 'impegnato_euro', 'liquidato_euro'],
  utenti: ['area', 'utenti'],
  assistenti_sociali: ['codice', 'tipo_datore', 'datore', 'contratto', 'etp', 'dal', 'al'],
  indicatori: ['obiettivo', 'indicatore', 'periodo', 'valore', 'numeratore', 'denominatore'],
};

/** An indicator × period a comune owes (monitoring's slots), as the files name it: objective and indicator codes. */
export interface FileIndicatorSlot {
  indicatorId: string;
  objectiveCode: string;
  code: string;
  period: string;
}

/** The area code of the spending row that carries the control total. */
export const CONTROL_TOTAL_AREA = 'TOTALE';

export { XLSX_MIME } from '../../shared/exports/xlsx.ts';

export interface TemplateContext {
  comuneIstat: string;
  year: number;
  items: readonly CollectionItem[];
  /** The figures already entered (draft or sent), to pre-fill the template. */
  values: Partial<{ [I in CollectionItem]: ItemValues[I] | null }>;
  catalogue: {
    areas: readonly { code: string; name: string }[];
    channels: readonly { code: string; name: string }[];
    employerKinds: readonly string[];
    contracts: readonly string[];
  };
  /** The indicator × period the comune owes (one template row each). */
  slots: readonly FileIndicatorSlot[];
}

const euro = (cents: number | null) => (cents === null ? null : (cents / 100).toFixed(2).replace('.', ','));

function itemRows(item: CollectionItem, ctx: TemplateContext): CsvValue[][] {
  const lead = [TEMPLATE_VERSION, ctx.comuneIstat, ctx.year];
  if (item === 'indicatori') return indicatorRows(ctx);
  const v = ctx.values[item];
  if (!v) return [];
  switch (item) {
    case 'spesa': {
      const s = v as SpendingValues;
      return [
        ...s.rows.map((r) => [...lead, r.area, r.channel, euro(r.committedCents), euro(r.paidCents)]),
        ...(s.controlTotalCents === null ? [] : [[...lead, CONTROL_TOTAL_AREA, '', euro(s.controlTotalCents), '']]),
      ];
    }
    case 'utenti':
      return (v as UsersValues).rows.map((r) => [...lead, r.area, r.users]);
    case 'assistenti_sociali':
      return (v as StaffValues).posts.map((p) => [
        ...lead,
        p.code,
        p.employerKind,
        p.employerName,
        p.contract,
        String(p.fte).replace('.', ','),
        p.from,
        p.to ?? '',
      ]);
  }
}

/** The indicators' rows: one per indicator × period owed, with what was entered. */
function indicatorRows(ctx: TemplateContext): CsvValue[][] {
  const rows = (ctx.values.indicatori as IndicatorValues | null | undefined)?.rows ?? [];
  return ctx.slots.map((s) => {
    const r = rows.find((x) => x.indicatorId === s.indicatorId && x.period === s.period);
    return [TEMPLATE_VERSION, ctx.comuneIstat, ctx.year, s.objectiveCode, s.code, s.period, r?.value ?? '', r?.numerator ?? '', r?.denominator ?? ''];
  });
}

/** The CSV template of one item (`;`, UTF-8 with BOM), pre-filled with what was entered. */
export function csvTemplate(item: CollectionItem, ctx: TemplateContext): string {
  return writeCsv([...COMMON, ...ITEM_COLUMNS[item]], itemRows(item, ctx), { bom: true });
}

/** The XLSX template: a sheet per item asked (the same columns as the CSV files) and a sheet of instructions. */
export async function xlsxTemplate(ctx: TemplateContext): Promise<Uint8Array<ArrayBuffer>> {
  const items = ctx.items.map((item): XlsxSheet => {
    const rows = itemRows(item, ctx);
    return {
      name: item,
      header: [...COMMON, ...ITEM_COLUMNS[item]],
      columns: [undefined, { numFmt: TEXT_FORMAT }],
      width: 20,
      // Rows to fill: version, comune and year already written.
      rows: rows.length ? rows : [[TEMPLATE_VERSION, ctx.comuneIstat, ctx.year]],
    };
  });
  const lines: [string, string][] = [
    ['modello', `${TEMPLATE_VERSION}: non modificarlo; un file fatto con un altro modello viene rifiutato`],
    ['comune_istat', `${ctx.comuneIstat}: il codice ISTAT del comune a cui è chiesto il dato`],
    ['anno', `${ctx.year}: l’anno a cui si riferiscono i dati`],
    [
      'Foglio «spesa»',
      `una riga per area × canale: impegnato e, se noto, liquidato in euro; una riga con area ${CONTROL_TOTAL_AREA} porta il totale di controllo`,
    ],
    ['Foglio «utenti»', 'una riga per area con il numero di utenti del comune'],
    [
      'Foglio «assistenti_sociali»',
      'una riga per persona (un codice, non il nome), con il datore di lavoro, il contratto, gli ETP (al massimo 1) e il periodo in servizio',
    ],
    ['', ''],
    ['Aree', ''],
    ...ctx.catalogue.areas.map((a): [string, string] => [a.code, a.name]),
    ['', ''],
    ['Canali', ''],
    ...ctx.catalogue.channels.map((c): [string, string] => [c.code, c.name]),
    ['', ''],
    ['Tipi di datore di lavoro', ctx.catalogue.employerKinds.join(', ')],
    ['Contratti', ctx.catalogue.contracts.join(', ')],
  ];
  return writeXlsx([...items, { name: 'istruzioni', rows: lines, columns: [{ width: 30, bold: true }, { width: 90 }] }]);
}

// ——— Reading a filled file ———————————————————————————————————————————————————————————————————

interface RawSheet {
  /** The file, and the sheet for a workbook. */
  where: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export interface ParsedFile {
  items: Partial<{ [I in CollectionItem]: ItemValues[I] }>;
  issues: FieldIssue[];
  /** What to tell the user about the file's encoding (a CSV in Windows-1252, converted); null otherwise. */
  notice?: string | null;
}

const at = (sheet: RawSheet, row: number | null, column: string | null) =>
  [sheet.where, row === null ? null : tr('coll.file.row', { row }), column === null ? null : tr('coll.file.column', { column })].filter(Boolean).join(', ');

function issue(sheet: RawSheet, row: number | null, column: string | null, key: MessageKey, params: Record<string, string | number> = {}): FieldIssue {
  return { path: at(sheet, row, column), message: tr(key, params) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
}

/** The sheets of an uploaded file: a CSV is one sheet (its item named by its columns), an XLSX one per item sheet. */
export async function readSheets(
  fileName: string,
  data: Uint8Array,
): Promise<{ sheets: { item: CollectionItem | null; sheet: RawSheet }[]; issues: FieldIssue[]; notice?: string | null }> {
  if (/\.xlsx$/i.test(fileName)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
    } catch {
      return { sheets: [], issues: [{ path: fileName, message: tr('coll.file.unreadableXlsx') }] };
    }
    const sheets = workbook.worksheets
      .filter((w) => (COLLECTION_ITEMS as readonly string[]).includes(w.name.trim()))
      .map((w) => {
        const sheet: RawSheet = { where: tr('coll.file.sheet', { file: fileName, sheet: w.name.trim() }), header: [], rows: [] };
        w.eachRow({ includeEmpty: false }, (row, n) => {
          const cells: string[] = [];
          for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
          if (n === 1) sheet.header = cells.map((c) => c.toLowerCase());
          else if (cells.some((c) => c !== '')) sheet.rows.push({ row: n, cells });
        });
        return { item: w.name.trim() as CollectionItem, sheet };
      });
    if (sheets.length === 0) return { sheets: [], issues: [{ path: fileName, message: tr('coll.file.noItemSheet', { sheets: COLLECTION_ITEMS.join(', ') }) }] };
    return { sheets, issues: [] };
  }
  if (!/\.csv$/i.test(fileName)) return { sheets: [], issues: [{ path: fileName, message: tr('coll.file.kind') }] };
  // The shared decoding of every importer: UTF-8, or Windows-1252 converted (and said); anything else refused.
  let decoded: DecodedText;
  try {
    decoded = decodeImportText(data, fileName);
  } catch (error) {
    if (error instanceof ValidationError) return { sheets: [], issues: error.issues };
    throw error;
  }
  const table = parseCsv(decoded.text);
  const header = table.header.map((h) => h.trim().toLowerCase());
  const sheet: RawSheet = { where: fileName, header, rows: table.rows.map((r) => ({ row: r.line, cells: r.cells.map((c) => c.trim()) })) };
  const item = COLLECTION_ITEMS.find((i) => ITEM_COLUMNS[i].every((c) => header.includes(c))) ?? null;
  return { sheets: [{ item, sheet }], issues: [], notice: decoded.notice };
}

const amountReason = (reason: string): MessageKey =>
  reason === 'negative'
    ? 'coll.file.negative'
    : reason === 'too_many_decimals'
      ? 'coll.file.decimals'
      : reason === 'missing'
        ? 'coll.file.missing'
        : reason === 'too_large'
          ? 'coll.file.tooLarge'
          : 'coll.file.amount';

/**
 * Reads the filled file for one recipient of a request: refuses the whole file when a row belongs to another comune,
 * another year or another template version, or when an item is not asked by the request; otherwise returns the
 * figures of each item found (their checks are the same as the form's, run by the command).
 */
export async function parseRequestFile(
  fileName: string,
  data: Uint8Array,
  expect: { comuneIstat: string; comuneName: string; year: number; items: readonly CollectionItem[]; slots: readonly FileIndicatorSlot[] },
): Promise<ParsedFile> {
  const read = await readSheets(fileName, data);
  if (read.issues.length) return { items: {}, issues: read.issues };
  const issues: FieldIssue[] = [];
  // A cell with a control character (a workbook can hold one as «_x0000_»): refused, named, never stored.
  for (const { sheet } of read.sheets)
    for (const r of sheet.rows)
      r.cells.forEach((c, i) => {
        const column = sheet.header[i] ?? String(i + 1);
        if (hasControlCharacters(c)) issues.push(issue(sheet, r.row, column, 'validation.text.control', { label: column }));
      });
  const items: ParsedFile['items'] = {};
  for (const { item, sheet } of read.sheets) {
    if (item === null) {
      issues.push(issue(sheet, 1, null, 'coll.file.unknownColumns', { columns: sheet.header.join(', ') }));
      continue;
    }
    if (!expect.items.includes(item)) {
      issues.push(issue(sheet, null, null, 'coll.file.itemNotAsked', { item }));
      continue;
    }
    const missing = [...COMMON, ...ITEM_COLUMNS[item]].filter((c) => !sheet.header.includes(c));
    if (missing.length) {
      issues.push(issue(sheet, 1, null, 'coll.file.missingColumns', { columns: missing.join(', ') }));
      continue;
    }
    const col = (cells: string[], name: string) => cells[sheet.header.indexOf(name)] ?? '';
    const rows = sheet.rows.filter((r) => ITEM_COLUMNS[item].some((c) => col(r.cells, c) !== ''));
    for (const r of rows) {
      const version = col(r.cells, 'modello');
      if (version !== TEMPLATE_VERSION) issues.push(issue(sheet, r.row, 'modello', 'coll.file.version', { found: version || '—', expected: TEMPLATE_VERSION }));
      const istat = col(r.cells, 'comune_istat').padStart(6, '0');
      if (istat !== expect.comuneIstat)
        issues.push(
          issue(sheet, r.row, 'comune_istat', 'coll.file.otherComune', {
            found: col(r.cells, 'comune_istat'),
            expected: expect.comuneIstat,
            name: expect.comuneName,
          }),
        );
      const year = col(r.cells, 'anno');
      if (year !== String(expect.year)) issues.push(issue(sheet, r.row, 'anno', 'coll.file.otherYear', { found: year || '—', year: expect.year }));
    }
    if (issues.length) continue;
    if (item === 'spesa') {
      const v: SpendingValues = { rows: [], controlTotalCents: null };
      for (const r of rows) {
        const area = col(r.cells, 'area').toUpperCase();
        const committed = parseEuroAmount(col(r.cells, 'impegnato_euro'));
        if (!committed.ok) {
          issues.push(issue(sheet, r.row, 'impegnato_euro', amountReason(committed.reason), { value: col(r.cells, 'impegnato_euro') }));
          continue;
        }
        if (area === CONTROL_TOTAL_AREA) {
          v.controlTotalCents = committed.value;
          continue;
        }
        const paidRaw = col(r.cells, 'liquidato_euro');
        const paid = paidRaw === '' ? null : parseEuroAmount(paidRaw);
        if (paid && !paid.ok) {
          issues.push(issue(sheet, r.row, 'liquidato_euro', amountReason(paid.reason), { value: paidRaw }));
          continue;
        }
        v.rows.push({ area, channel: col(r.cells, 'canale').toUpperCase(), committedCents: committed.value, paidCents: paid ? paid.value : null });
      }
      items.spesa = v;
    } else if (item === 'utenti') {
      const v: UsersValues = { rows: [] };
      for (const r of rows) {
        const users = parsePersonsCount(col(r.cells, 'utenti'));
        if (!users.ok || users.value === null) {
          const key = users.ok ? 'coll.file.missing' : users.reason === 'too_large' ? 'coll.file.countTooLarge' : 'coll.file.count';
          issues.push(issue(sheet, r.row, 'utenti', key, { value: col(r.cells, 'utenti') }));
          continue;
        }
        v.rows.push({ area: col(r.cells, 'area').toUpperCase(), users: users.value });
      }
      items.utenti = v;
    } else if (item === 'indicatori') {
      const v: IndicatorValues = { rows: [] };
      for (const r of rows) {
        const [objective, code, period] = ['obiettivo', 'indicatore', 'periodo'].map((c) => col(r.cells, c)) as [string, string, string];
        const [value, numerator, denominator] = ['valore', 'numeratore', 'denominatore'].map((c) => col(r.cells, c)) as [string, string, string];
        if (!value && !numerator && !denominator) continue;
        const slot = expect.slots.find((s) => s.objectiveCode === objective && s.code === code && s.period === period);
        if (!slot) {
          issues.push(
            issue(sheet, r.row, 'indicatore', 'coll.file.unknownIndicator', { objective: objective || '—', code: code || '—', period: period || '—' }),
          );
          continue;
        }
        v.rows.push({ indicatorId: slot.indicatorId, period, value, numerator, denominator });
      }
      items.indicatori = v;
    } else {
      const v: StaffValues = { posts: [] };
      for (const r of rows) {
        const fte = parseItalianNumber(col(r.cells, 'etp'));
        if (fte === null || Number.isNaN(fte)) {
          issues.push(issue(sheet, r.row, 'etp', 'coll.file.fte', { value: col(r.cells, 'etp') }));
          continue;
        }
        const from = col(r.cells, 'dal');
        const to = col(r.cells, 'al');
        const bad = [
          ['dal', from],
          ['al', to],
        ].find(([name, d]) => (name === 'dal' || d !== '') && !isIsoDateInRange(d!));
        if (bad) {
          issues.push(issue(sheet, r.row, bad[0]!, 'coll.file.date', { value: bad[1] || '—' }));
          continue;
        }
        const code = col(r.cells, 'codice');
        if (!code) {
          issues.push(issue(sheet, r.row, 'codice', 'coll.file.missing', {}));
          continue;
        }
        v.posts.push({
          code,
          employerKind: col(r.cells, 'tipo_datore'),
          employerName: col(r.cells, 'datore'),
          contract: col(r.cells, 'contratto'),
          fte,
          from,
          to: to || null,
        });
      }
      items.assistenti_sociali = v;
    }
  }
  if (issues.length === 0 && Object.keys(items).length === 0) issues.push({ path: fileName, message: tr('coll.file.empty') });
  return { items: issues.length ? {} : items, issues, notice: read.notice ?? null };
}
