/**
 * The CSV of the services catalogue (format: fixtures/demo/gallarate/servizi/README.md): one row per service × year,
 * `;` separated (`,` accepted), UTF-8 with or without BOM. The service's columns repeat on each of its rows and must
 * agree; the year's columns (`anno`, `utenti`, `spesa_euro`, `fondi`) may be empty for a service without figures.
 * All or nothing: every problem is reported with file, row and column, and one bad row refuses the whole file.
 */
import { parseCsv } from '../../shared/csv.ts';
import { writeCsv } from '../../shared/exports/csv.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { parseCount, parseEuroCents } from '../../shared/format/index.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { MANAGEMENT_FORMS, serviceProblems, splitCodes, yearProblems, type FundShare, type ManagementForm, type Problem } from './services.rules.ts';

const MAX_ISSUES = 50;

export const SERVICE_COLUMNS = ['codice', 'nome', 'codice_nomenclatore', 'area', 'destinatari', 'gestione', 'ente_erogatore'] as const;
export const SERVICE_OPTIONAL_COLUMNS = [
  'comune',
  'codice_ente',
  'luogo_accesso',
  'contatti',
  'descrizione',
  'leps',
  'attivo',
  'anno',
  'utenti',
  'spesa_euro',
  'fondi',
  'fonte',
  'note',
] as const;

/** The field of a service (rules, forms) → the CSV column that holds it. */
const COLUMN_OF: Record<string, string> = {
  typeCode: 'codice_nomenclatore',
  areaCode: 'area',
  management: 'gestione',
  comuneId: 'comune',
  lepsCodes: 'leps',
  year: 'anno',
  users: 'utenti',
  spend: 'spesa_euro',
  funds: 'fondi',
};

/** What the importer checks the file against: the catalogues and the Ambito's comuni. */
export interface ServiceImportReferences {
  typeCodes: ReadonlySet<string>;
  areas: readonly { code: string; name: string; aliases: readonly string[] }[];
  funds: readonly { code: string; shortName: string; aliases: readonly string[] }[];
  lepsCodes: ReadonlySet<string>;
  /** The member comuni by ISTAT code. */
  comuni: ReadonlyMap<string, { id: string; name: string }>;
}

export interface ImportedYear {
  year: number;
  users: number | null;
  spendCents: number | null;
  funds: FundShare[];
  note: string | null;
  source: string;
  row: number;
}

export interface ImportedService {
  code: string;
  name: string;
  typeCode: string;
  areaCode: string;
  targetGroup: string;
  management: ManagementForm;
  comuneId: string | null;
  providerName: string;
  providerCode: string | null;
  accessPoint: string | null;
  contact: string | null;
  description: string | null;
  lepsCodes: string[];
  active: boolean;
  source: string;
  row: number;
  years: ImportedYear[];
}

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/[’‘`]/g, "'").replace(/[–—−]/g, '-').replace(/\s+/g, ' ').trim();

/** A code, or a name or alias of the item (case, spaces and typographic signs ignored). */
function findByLabel<T extends { code: string; aliases: readonly string[] }>(items: readonly T[], raw: string, names: (i: T) => string[]): T | undefined {
  const code = raw.trim().toUpperCase();
  const key = norm(raw);
  return items.find((i) => i.code === code) ?? items.find((i) => [...names(i), ...i.aliases].some((l) => norm(l) === key));
}

const where = (file: string, row?: number, column?: string) =>
  [file, row !== undefined ? tr('svc.import.where.row', { row }) : null, column ? tr('svc.import.where.column', { column }) : null].filter(Boolean).join(', ');

export const importRefused = (file: string, count: number) => tr(count === 1 ? 'svc.import.refusedOne' : 'svc.import.refused', { file, count });

/** The problems of the rules (by field), placed at the row and column of the file. */
const placed = (file: string, row: number, problems: Problem[]): FieldIssue[] =>
  problems.map((p) => ({ path: where(file, row, COLUMN_OF[p.field] ?? p.field), message: tr(p.key, p.params) }));

/** The `fondi` cell: `CODICE=importo` items separated by `|`, each optionally with `:utenti` (`FNA=40.000,00:12`). */
function parseFunds(raw: string, refs: ServiceImportReferences): { ok: true; value: FundShare[] } | { ok: false; message: string } {
  const items = raw
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
  const funds: FundShare[] = [];
  for (const item of items) {
    const m = /^([^=]+)=([^:]+)(?::(.+))?$/.exec(item);
    if (!m) return { ok: false, message: tr('svc.import.err.fundsFormat', { value: item }) };
    const fund = findByLabel(refs.funds, m[1]!, (f) => [f.shortName]);
    if (!fund) return { ok: false, message: tr('svc.rule.unknownFund', { value: m[1]!.trim() }) };
    const amount = parseEuroCents(m[2]!);
    if (!amount.ok)
      return {
        ok: false,
        message: amount.reason === 'negative' ? tr('svc.rule.negativeFund', { value: fund.code }) : tr('svc.import.err.amount', { value: m[2]!.trim() }),
      };
    let users: number | null = null;
    if (m[3] !== undefined) {
      const u = parseCount(m[3]);
      if (!u.ok)
        return {
          ok: false,
          message: u.reason === 'negative' ? tr('svc.rule.negativeFund', { value: fund.code }) : tr('svc.import.err.count', { value: m[3].trim() }),
        };
      users = u.value;
    }
    funds.push({ fundCode: fund.code, amountCents: amount.value, users });
  }
  return { ok: true, value: funds };
}

/** The service's own columns of a row, compared across the rows of the same service. */
const SERVICE_KEYS = [
  'nome',
  'codice_nomenclatore',
  'area',
  'destinatari',
  'gestione',
  'ente_erogatore',
  'comune',
  'codice_ente',
  'luogo_accesso',
  'contatti',
  'descrizione',
  'leps',
  'attivo',
] as const;

/**
 * Reads the catalogue CSV into services with their years, checked against the catalogues. Throws a ValidationError
 * with every problem (file, row, column) when anything is wrong.
 */
export function parseServicesCsv(fileName: string, text: string, refs: ServiceImportReferences): ImportedService[] {
  const table = parseCsv(text);
  const issues: FieldIssue[] = [];
  const header = table.header.map((h) => h.trim().toLowerCase());
  const fail = (): never => {
    throw new ValidationError(issues.slice(0, MAX_ISSUES), importRefused(fileName, issues.length));
  };
  if (header.length === 0 || (header.length === 1 && header[0] === '')) {
    issues.push({ path: fileName, message: tr('svc.import.err.empty') });
    fail();
  }
  const missing = SERVICE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) issues.push({ path: where(fileName, 1), message: tr('svc.import.err.missingColumns', { columns: missing.join(', ') }) });
  const known: readonly string[] = [...SERVICE_COLUMNS, ...SERVICE_OPTIONAL_COLUMNS];
  const unknown = header.filter((h) => !known.includes(h));
  if (unknown.length) issues.push({ path: where(fileName, 1), message: tr('svc.import.err.unknownColumns', { columns: unknown.join(', ') || '—' }) });
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (repeated.length) issues.push({ path: where(fileName, 1), message: tr('svc.import.err.repeatedColumns', { columns: [...new Set(repeated)].join(', ') }) });
  if (issues.length) fail();
  if (table.rows.length === 0) {
    issues.push({ path: fileName, message: tr('svc.import.err.noRows') });
    fail();
  }

  const fundCodes = new Set(refs.funds.map((f) => f.code));
  const services = new Map<string, ImportedService & { cells: Record<string, string> }>();
  for (const { line: row, cells } of table.rows) {
    if (cells.length !== header.length) {
      issues.push({ path: where(fileName, row), message: tr('svc.import.err.cells', { cells: cells.length, header: header.length }) });
      continue;
    }
    const get = (column: string) => (cells[header.indexOf(column)] ?? '').trim();
    const rowIssues: FieldIssue[] = [];
    const bad = (column: string, message: string) => rowIssues.push({ path: where(fileName, row, column), message });
    const required = (column: string, max = 300) => {
      const v = get(column);
      if (!v) bad(column, tr('svc.import.err.required'));
      else if (v.length > max) bad(column, tr('svc.import.err.tooLong', { max }));
      return v;
    };
    const optional = (column: string, max = 300) => {
      const v = get(column);
      if (v.length > max) bad(column, tr('svc.import.err.tooLong', { max }));
      return v || null;
    };

    const code = required('codice', 40);
    if (code && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(code)) bad('codice', tr('svc.import.err.code', { value: code }));
    const name = required('nome');
    const typeCode = required('codice_nomenclatore', 10).toUpperCase();
    const areaRaw = required('area');
    const area = areaRaw ? findByLabel(refs.areas, areaRaw, (a) => [a.name]) : undefined;
    const targetGroup = required('destinatari');
    const management = required('gestione', 40).toLowerCase();
    const providerName = required('ente_erogatore');
    const comuneRaw = get('comune');
    let comuneId: string | null = null;
    if (comuneRaw) {
      const comune = refs.comuni.get(comuneRaw);
      if (!/^\d{6}$/.test(comuneRaw)) bad('comune', tr('svc.import.err.istat', { value: comuneRaw }));
      else if (!comune) bad('comune', tr('svc.rule.comuneNotMember'));
      else comuneId = comune.id;
    }
    const lepsCodes = splitCodes(get('leps'));
    const activeRaw = get('attivo').toLowerCase();
    const active = activeRaw === '' || ['sì', 'si', 'true', '1', 'yes'].includes(activeRaw);
    if (!active && !['no', 'false', '0'].includes(activeRaw)) bad('attivo', tr('svc.import.err.active', { value: get('attivo') }));
    const source = optional('fonte', 500) ?? tr('svc.import.defaultSource', { file: fileName, row });

    if (areaRaw && !area) bad('area', tr('svc.rule.unknownArea', { value: areaRaw }));
    // The rules' checks, each problem at its column (the area and the comune were checked above).
    if (typeCode && management)
      rowIssues.push(
        ...placed(
          fileName,
          row,
          serviceProblems(
            { typeCode, areaCode: area?.code ?? '', management, comuneId, lepsCodes },
            {
              typeCodes: refs.typeCodes,
              areaCodes: new Set(area ? [area.code] : []),
              lepsCodes: refs.lepsCodes,
              memberComuneIds: new Set(comuneId ? [comuneId] : []),
            },
          ).filter((p) => p.field !== 'areaCode' && !(p.field === 'comuneId' && comuneRaw && p.key !== 'svc.rule.comuneOnlySingle')),
        ),
      );

    // The year's figures.
    const yearRaw = get('anno');
    const usersRaw = get('utenti');
    const spendRaw = get('spesa_euro');
    const fundsRaw = get('fondi');
    let year: ImportedYear | null = null;
    if (!yearRaw) {
      for (const [column, v] of [
        ['utenti', usersRaw],
        ['spesa_euro', spendRaw],
        ['fondi', fundsRaw],
      ] as const)
        if (v) bad(column, tr('svc.import.err.yearMissing'));
    } else if (!/^\d{4}$/.test(yearRaw)) bad('anno', tr('svc.import.err.year', { value: yearRaw }));
    else {
      const users = parseCount(usersRaw);
      if (!users.ok) bad('utenti', users.reason === 'negative' ? tr('svc.rule.negative') : tr('svc.import.err.count', { value: usersRaw }));
      const spend = spendRaw === '' ? ({ ok: true, value: null } as const) : parseEuroCents(spendRaw);
      if (!spend.ok) bad('spesa_euro', spend.reason === 'negative' ? tr('svc.rule.negative') : tr('svc.import.err.amount', { value: spendRaw }));
      const funds = parseFunds(fundsRaw, refs);
      if (!funds.ok) bad('fondi', funds.message);
      if (users.ok && spend.ok && funds.ok) {
        const y = { year: Number(yearRaw), users: users.value, spendCents: spend.value, funds: funds.value };
        rowIssues.push(...placed(fileName, row, yearProblems(y, fundCodes)));
        year = { ...y, note: optional('note', 1000), source, row };
      }
    }
    if (rowIssues.length) {
      issues.push(...rowIssues);
      continue;
    }

    const own: Record<string, string> = Object.fromEntries(SERVICE_KEYS.map((k) => [k, get(k)]));
    const previous = services.get(code);
    if (previous) {
      // The service's columns repeat on each of its rows: they must say the same.
      const differ = SERVICE_KEYS.filter((k) => previous.cells[k] !== own[k]);
      for (const column of differ) issues.push({ path: where(fileName, row, column), message: tr('svc.import.err.differs', { code, row: previous.row }) });
      if (differ.length) continue;
      if (year) {
        const same = previous.years.find((y) => y.year === year!.year);
        if (same) {
          issues.push({ path: where(fileName, row, 'anno'), message: tr('svc.import.err.repeatedYear', { code, year: year.year, row: same.row }) });
          continue;
        }
        previous.years.push(year);
      }
      continue;
    }
    services.set(code, {
      code,
      name,
      typeCode,
      areaCode: area!.code,
      targetGroup,
      management: management as ManagementForm,
      comuneId,
      providerName,
      providerCode: optional('codice_ente', 40),
      accessPoint: optional('luogo_accesso'),
      contact: optional('contatti'),
      description: optional('descrizione', 2000),
      lepsCodes,
      active,
      source,
      row,
      years: year ? [year] : [],
      cells: own,
    });
  }
  if (issues.length) fail();
  return [...services.values()].map(({ cells: _cells, ...s }) => ({ ...s, years: s.years.sort((a, b) => a.year - b.year) }));
}

/** The template of the catalogue CSV: the header and one example row (UTF-8 with BOM, `;`). */
export function servicesCsvTemplate(): string {
  return writeCsv(
    [...SERVICE_COLUMNS, ...SERVICE_OPTIONAL_COLUMNS],
    [
      [
        'SAD',
        'Servizio di assistenza domiciliare',
        'C1',
        'ANZIANI',
        'Anziani e persone con disabilità',
        MANAGEMENT_FORMS[0],
        'Ambito territoriale (Comune capofila)',
        '',
        '',
        'Sportello sociale del Comune di residenza',
        '',
        '',
        'LEPS_SAD',
        'sì',
        2024,
        '',
        '',
        '',
        '',
        '',
      ],
    ],
  );
}
