// Formula injection through an export (issue 16, finding 3): the coordinator of an Ambito renames it «=1+1» with
// territory's own command; the Region's workspace, downloaded as CSV and as XLSX, carries the name as text that no
// spreadsheet runs — an apostrophe in front in the CSV, a string cell with the Text format (never a formula) in the XLSX.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { RouterContextProvider } from 'react-router';
import { parseCsv } from '../../app/shared/csv.ts';
import type { Actor } from '../../app/shared/auth/actor.ts';
import { requestContext, servicesContext, type AppServices } from '../../app/shared/http/context.ts';
import { fromRoot } from '../../app/shared/paths.ts';
import { refreshRegionalFigures } from '../../app/modules/region/index.server.ts';
import { exportWorkspace } from '../../app/modules/region/region.server.ts';
import { getAmbitoByCode, importAmbitoComposition, importIstatComuni } from '../../app/modules/territory/index.server.ts';
import { updateAmbito } from '../../app/modules/territory/territory.commands.ts';
import '../../app/modules/registry.server.ts';
import { actorWith } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

const YEAR = 2025;
const NAME = '=1+1';
// Full width: not a formula in LibreOffice, but Excel converts it when typed with an East Asian input method.
const AUTHORITY = '＝HYPERLINK("http://x","y")';

describe('exports neutralise formulas (the Region’s workspace)', async () => {
  const database = await createTestDatabase();
  const admin = actorWith('admin');
  const reviewer = actorWith('regional_reviewer', { regionCode: '03' });

  before(async () => {
    const fixture = (path: string) => ({ fileName: path.split('/').pop()!, text: readFileSync(fromRoot('fixtures', path), 'utf8') });
    await importIstatComuni({ db: database.db, actor: admin, ...fixture('istat/comuni-2020.json') });
    await importAmbitoComposition({ db: database.db, actor: admin, ...fixture('demo/ambiti.csv') });
    await refreshRegionalFigures(database.db, { year: YEAR, regionCode: '03' });
    const gallarate = (await getAmbitoByCode(database.db, 'gallarate'))!;
    const coordinator = actorWith('coordinator', { ambitoId: gallarate.id });
    await updateAmbito({
      db: database.db,
      actor: coordinator,
      ambitoId: gallarate.id,
      input: { version: gallarate.version, name: NAME, managementForm: gallarate.managementForm ?? '', healthAuthority: AUTHORITY },
    });
    // The rename makes the Ambito's figures stale; the refresh (the sweep's job) reads them again.
    assert.deepEqual(await refreshRegionalFigures(database.db, { year: YEAR, regionCode: '03', onlyStale: true }), { ambiti: 1 });
  });
  after(() => database.close());

  function context(actor: Actor) {
    const c = new RouterContextProvider();
    c.set(servicesContext, { db: database.db, database, config: {} } as unknown as AppServices);
    c.set(requestContext, { requestId: 't', nonce: '', clientIp: '', https: false, actor, locale: 'it', csrfToken: '', cookies: [] });
    return c;
  }
  const download = (format: 'csv' | 'xlsx') =>
    exportWorkspace(context(reviewer), new Request(`http://x/regioni/03/esporta.${format}?anno=${YEAR}`), '03', format);

  test('the CSV carries the renamed Ambito with an apostrophe in front, and no cell starts a formula', async () => {
    const response = await download('csv');
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    const text = await response.text();
    const csv = parseCsv(text);
    const row = csv.rows.find((r) => r.cells[csv.header.indexOf('codice_ambito')] === 'gallarate')!;
    assert.equal(row.cells[csv.header.indexOf('ambito')], `'${NAME}`);
    assert.equal(row.cells[csv.header.indexOf('agenzia_sanitaria')], `'${AUTHORITY}`);
    for (const r of csv.rows)
      for (const cell of r.cells) assert.doesNotMatch(cell, /^[\s]*[=+@＝＋－＠]|^-(?!\d+(?:[.,]\d+)*$)./, `a cell that a spreadsheet would run: ${cell}`);
  });

  test('the XLSX carries the same name as a string cell with the Text format, never a formula', async () => {
    const response = await download('xlsx');
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('ambiti')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    let found = 0;
    sheet.eachRow((row, n) => {
      row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `row ${n}: ${cell.address} is a formula`));
      if (row.getCell(column('codice_ambito')).value !== 'gallarate') return;
      found++;
      for (const [name, expected] of [
        ['ambito', NAME],
        ['agenzia_sanitaria', AUTHORITY],
      ] as const) {
        const cell = row.getCell(column(name));
        assert.equal(cell.type, ExcelJS.ValueType.String);
        assert.equal(cell.value, expected, 'the text itself, no apostrophe added');
        assert.equal(cell.numFmt, '@', 'the Text format: editing the cell keeps it text');
      }
      assert.equal(typeof row.getCell(column('comuni')).value, 'number', 'figures stay numbers');
    });
    assert.equal(found, 1);
  });
});
