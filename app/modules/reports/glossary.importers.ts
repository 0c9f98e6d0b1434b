// The glossary file (CSV: termine, definizione, fonte; `;` or `,`; UTF-8 with or without BOM). All or nothing: every
// problem is named with the file, the row and the column, and nothing is written while one remains.
import { parseCsv } from '../../shared/csv.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { GLOSSARY_CSV_COLUMNS, slugify } from './glossary.rules.ts';
import { GlossaryCsvRow, type GlossaryTermInput } from './glossary.validation.ts';

const MAX_ISSUES = 50;

export const glossaryRefusal = (fileName: string, issues: FieldIssue[]) =>
  new ValidationError(
    issues.slice(0, MAX_ISSUES),
    issues.length === 1
      ? tr('rep.glossary.import.refused.one', { file: fileName })
      : tr('rep.glossary.import.refused.many', { file: fileName, count: issues.length }),
  );

/** A row of the file, read: the term with its slug and the line it is on. */
export interface GlossaryFileRow extends GlossaryTermInput {
  slug: string;
  line: number;
}

/** Reads the glossary file; throws a ValidationError listing every problem by file, row and column. */
export function parseGlossaryCsv(fileName: string, text: string): GlossaryFileRow[] {
  const table = parseCsv(text);
  const rowAt = (line: number) => tr('rep.glossary.import.row', { file: fileName, line });
  const at = (line: number, column: string) => tr('rep.glossary.import.rowColumn', { file: fileName, line, column });
  const missing = GLOSSARY_CSV_COLUMNS.filter((c) => c !== 'fonte' && !table.header.includes(c));
  if (missing.length) {
    throw glossaryRefusal(fileName, [
      { path: rowAt(1), message: tr('rep.glossary.import.missingColumns', { missing: missing.join(', '), expected: GLOSSARY_CSV_COLUMNS.join(', ') }) },
    ]);
  }
  const issues: FieldIssue[] = [];
  const rows: GlossaryFileRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    if (cells.length !== table.header.length) {
      issues.push({ path: rowAt(line), message: tr('rep.glossary.import.cells', { cells: cells.length, header: table.header.length }) });
      continue;
    }
    const raw = Object.fromEntries(table.header.map((h, i) => [h, cells[i] ?? '']));
    const parsed = GlossaryCsvRow.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ path: at(line, String(i.path[0] ?? '?')), message: i.message });
      continue;
    }
    const { termine, definizione, fonte } = parsed.data;
    const slug = slugify(termine);
    const previous = seen.get(slug);
    if (previous !== undefined) {
      issues.push({ path: at(line, 'termine'), message: tr('rep.glossary.import.duplicateRow', { term: termine, line: previous }) });
      continue;
    }
    seen.set(slug, line);
    rows.push({ term: termine, definition: definizione, source: fonte, slug, line });
  }
  if (issues.length) throw glossaryRefusal(fileName, issues);
  if (!rows.length) throw glossaryRefusal(fileName, [{ path: fileName, message: tr('rep.glossary.import.noRows') }]);
  return rows;
}
