import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fromRoot } from '../paths.ts';

// Every CSV and XLSX file the product serves is written by app/shared/exports (csv.ts, xlsx.ts), which neutralise
// formulas (issue 16). This scans app/ for the signs of a writer made by hand — a CSV quote escaper or a BOM put in
// front of a file, an exceljs worksheet being filled or saved, exceljs imported by a file that does not only read
// uploads — and checks that every file that answers with a CSV or XLSX body reaches the shared writers through its
// imports.

const EXPORTS = fromRoot('app', 'shared', 'exports');

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** What a hand-made writer looks like: the rule's name and its pattern. */
const HAND_MADE: [string, RegExp][] = [
  ['CSV quote escaping', /(?:replaceAll|replace)\(\s*(?:'"'|"\\""|\/"\/g)\s*,\s*(?:'""'|"\\"\\"")\s*\)/],
  ['BOM written in front of a file', /['"`](?:\\u[fF][eE][fF][fF]|\uFEFF)/],
  ['exceljs sheet filled or saved', /\.(?:addWorksheet|addRow|addRows|writeBuffer|writeFile)\(|WorkbookWriter|\.xlsx\.write\(/],
];

/** The files that may import exceljs besides the writer: they read uploaded workbooks, and write none (HAND_MADE). */
const EXCELJS_READERS = ['app/modules/collection/collection.files.ts', 'app/modules/finance/spending-xlsx.ts'];

/** A file that answers with a CSV or XLSX body (a Response, or the data table's link). */
const SERVES =
  /(?:new Response\(|headers\.set\()[\s\S]*(?:['"`]text\/csv|XLSX_MIME|spreadsheetml\.sheet)|(?:['"`]text\/csv|XLSX_MIME|spreadsheetml\.sheet)[\s\S]*(?:new Response\(|headers\.set\()|data:text\/csv/;

const rel = (f: string) => relative(fromRoot(), f).replaceAll('\\', '/');
const files = filesOf(fromRoot('app')).filter((f) => !f.startsWith(EXPORTS));

function handMade(text: string): string[] {
  return HAND_MADE.filter(([, pattern]) => pattern.test(text)).map(([rule]) => rule);
}

/** The app files a file imports (or re-exports) by a relative path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g)]
    .map((m) => resolve(dirname(file), m[1]!))
    .flatMap((p) => [p, `${p}.ts`, `${p}.tsx`].filter((c) => existsSync(c) && /\.tsx?$/.test(c)).slice(0, 1));
}

function reachesWriters(file: string): boolean {
  const seen = new Set<string>();
  const queue = [file];
  while (queue.length) {
    const f = queue.shift()!;
    if (f.startsWith(EXPORTS)) return true;
    if (seen.has(f)) continue;
    seen.add(f);
    queue.push(...importsOf(f));
  }
  return false;
}

test('the scan recognises the hand-made writers it replaced', () => {
  // The data table's CSV, the questionnaire answers' CSV, the LEPS regional CSV and the region's XLSX, as they were.
  const before = [
    'const csvCell = (v) => (/[";\\n\\r]/.test(s) ? `"${s.replaceAll(\'"\', \'""\')}"` : s);',
    "return '\\ufeff' + lines.join('\\r\\n') + '\\r\\n';",
    "return `\\uFEFF${lines.join('\\r\\n')}\\r\\n`;",
    "const sheet = book.addWorksheet('ambiti'); sheet.addRow(header); await book.xlsx.writeBuffer();",
  ];
  assert.deepEqual(before.map(handMade), [
    ['CSV quote escaping'],
    ['BOM written in front of a file'],
    ['BOM written in front of a file'],
    ['exceljs sheet filled or saved'],
  ]);
  // Reading a BOM, or a workbook, is not writing one.
  assert.deepEqual(handMade("const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; JSON.parse(text.replace(/^\\uFEFF/, ''));"), []);
  assert.deepEqual(handMade('const workbook = new ExcelJS.Workbook(); await workbook.xlsx.load(data);'), []);
});

test('no file of the application writes CSV or XLSX by hand: only app/shared/exports does', () => {
  const found = files.flatMap((f) => handMade(readFileSync(f, 'utf8')).map((rule) => `${rel(f)}: ${rule}`));
  assert.deepEqual(found, [], `write CSV with writeCsv and XLSX with writeXlsx (app/shared/exports):\n${found.join('\n')}`);
});

test('exceljs is imported only by the XLSX writer and by the readers of uploaded workbooks', () => {
  const importers = files.filter((f) => /from\s+['"]exceljs['"]|require\(\s*['"]exceljs['"]\s*\)/.test(readFileSync(f, 'utf8'))).map(rel);
  assert.deepEqual(importers.sort(), [...EXCELJS_READERS].sort());
});

test('every file that serves a CSV or an XLSX body reaches the shared writers', () => {
  const serving = files.filter((f) => SERVES.test(readFileSync(f, 'utf8')));
  // The routes and modules found today: the scan must keep finding them (a route moved elsewhere is still checked).
  for (const known of [
    'app/modules/region/region.server.ts',
    'app/modules/opendata/opendata.server.ts',
    'app/modules/reports/routes/returns-file.ts',
    'app/modules/participation/routes/figures-csv.ts',
    'app/modules/participation/routes/questionnaire-responses-csv.ts',
    'app/modules/collection/routes/template.ts',
    'app/modules/finance/routes/template.ts',
    'app/modules/services/routes/template.ts',
    'app/shared/ui/table.tsx',
  ])
    assert.ok(serving.map(rel).includes(known), `${known} is not recognised as serving a file`);
  const astray = serving.filter((f) => !reachesWriters(f)).map(rel);
  assert.deepEqual(astray, [], `these files serve CSV/XLSX without going through app/shared/exports:\n${astray.join('\n')}`);
});
