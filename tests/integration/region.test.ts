// The regional workspace (module region) on the demo: the figures computed once per Ambito by the refresh equal the
// modules' own reads; a write about an Ambito makes its row stale and the sweep's job recomputes it; the page answers
// with the same number of queries for 2 and for 50 Ambiti; a reviewer sees only the Ambiti of its Region; the export
// neutralises formulas.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { RouterContextProvider } from 'react-router';
import { parseCsv } from '../../app/shared/csv.ts';
import type { Actor } from '../../app/shared/auth/actor.ts';
import { requestContext, servicesContext, type AppServices } from '../../app/shared/http/context.ts';
import { recordAudit } from '../../app/shared/audit/audit.ts';
import { runJobQueue } from '../../app/shared/jobs/jobs.server.ts';
import { fromRoot } from '../../app/shared/paths.ts';
import { computeAmbitoFigures, refreshRegionalFigures, sweepStaleFigures } from '../../app/modules/region/index.server.ts';
import { loadWorkspace } from '../../app/modules/region/region.queries.ts';
import { exportWorkspace, loadWorkspacePage, workspaceAction } from '../../app/modules/region/region.server.ts';
import { staleFigures } from '../../app/modules/region/region.refresh.ts';
import { addSocialWorkerPost } from '../../app/modules/leps/leps.commands.ts';
import { readLepsForRegion } from '../../app/modules/leps/index.server.ts';
import { importAmbitoComposition } from '../../app/modules/territory/index.server.ts';
import '../../app/modules/registry.server.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

const YEAR = 2025;

describe('regional workspace', async () => {
  let queries = 0;
  const database = await createTestDatabase({ onQuery: () => void queries++ });
  const admin = actorWith('admin');
  const lombardy = actorWith('regional_reviewer', { regionCode: '03' });
  const marche = actorWith('regional_reviewer', { regionCode: '11' });
  let demo: Awaited<ReturnType<typeof seedDemo>>;

  before(async () => {
    demo = await seedDemo(database.db);
  });
  after(() => database.close());

  function context(actor: Actor) {
    const c = new RouterContextProvider();
    c.set(servicesContext, { db: database.db, database, config: {} } as unknown as AppServices);
    c.set(requestContext, { requestId: 't', nonce: '', clientIp: '', https: false, actor, locale: 'it', csrfToken: '', cookies: [] });
    return c;
  }
  const page = (actor: Actor, regionCode: string | null, search = `anno=${YEAR}`) =>
    loadWorkspacePage(context(actor), new Request(`http://x/${regionCode ? `regioni/${regionCode}` : 'italia'}?${search}`), regionCode);

  test('the demo computes the figures of its Ambiti, equal to what the modules read now', async () => {
    const w = await loadWorkspace(database.db, { regionCode: '03', year: YEAR });
    assert.deepEqual(w.rows.map((r) => r.ambitoCode).sort(), ['gallarate', 'sebino']);
    assert.equal(w.ambitiInScope, 2);
    assert.ok(w.rows.every((r) => !r.stale));
    const gallarate = w.rows.find((r) => r.ambitoCode === 'gallarate')!;
    assert.deepEqual(gallarate.figures, JSON.parse(JSON.stringify(await computeAmbitoFigures(database.db, demo.gallarate.id, YEAR))));
    // Gallarate: 9 comuni, the Piano di Zona 2025-2027 with its 24 objectives.
    assert.equal(gallarate.figures.territory.comuni, 9);
    assert.equal(gallarate.figures.plan.plan?.periodStartYear, 2025);
    assert.equal(gallarate.figures.plan.objectives, 24);
  });

  test('a regional reviewer sees only the Ambiti of its Region; the national view is the administrator’s', async () => {
    const p = await page(lombardy, '03');
    assert.deepEqual(p.rows.map((r) => r.ambitoCode).sort(), ['gallarate', 'sebino']);
    await assert.rejects(page(marche, '03'), (e: unknown) => (e as { init?: { status?: number } }).init?.status === 403);
    const own = await page(marche, '11');
    assert.deepEqual(
      own.rows.map((r) => r.ambitoCode),
      ['fano'],
    );
    await assert.rejects(page(lombardy, null), (e: unknown) => (e as { init?: { status?: number } }).init?.status === 403);
    const italy = await page(admin, null);
    assert.deepEqual(italy.rows.map((r) => r.ambitoCode).sort(), ['fano', 'gallarate', 'sebino']);
    const filtered = await page(admin, null, `anno=${YEAR}&regione=11`);
    assert.deepEqual(
      filtered.rows.map((r) => r.ambitoCode),
      ['fano'],
    );
  });

  test('a write about an Ambito makes its row stale; the sweep queues a job that recomputes it', async () => {
    const before = await readLepsForRegion(database.db, demo.gallarate.id, YEAR);
    // A sign-in (written with no Ambito) and a plan document made in the background change no figure.
    await recordAudit(database.db, { actor: admin, action: 'accounts.session.created', entityType: 'session', entityId: 's' });
    await recordAudit(database.db, {
      actor: admin,
      action: 'reports.document.generated',
      entityType: 'plan_document',
      entityId: 'd',
      ambitoId: demo.gallarate.id,
    });
    assert.deepEqual(await staleFigures(database.db), []);
    await addSocialWorkerPost({
      db: database.db,
      actor: admin,
      ambitoId: demo.gallarate.id,
      input: {
        code: 'AS-REGION-1',
        employerKind: 'ente_capofila',
        employerName: 'Comune di Gallarate',
        contract: 'tempo_indeterminato',
        fte: '1',
        validFrom: '2025-01-01',
        validTo: '',
      },
    });
    const stale = await staleFigures(database.db, { year: YEAR });
    assert.deepEqual(
      stale.map((s) => s.ambitoId),
      [demo.gallarate.id],
      'only Gallarate is stale',
    );
    assert.ok((await page(admin, '03')).rows.find((r) => r.ambitoCode === 'gallarate')!.stale);
    // The demo keeps figures for 2024, 2025 and 2026: Gallarate's three rows are stale, one job per year.
    assert.equal(await sweepStaleFigures(database.db), 3);
    assert.equal(await sweepStaleFigures(database.db), 0, 'not a second job while the first waits');
    assert.equal(await runJobQueue(database.db, database.kind), 3);
    assert.deepEqual(await staleFigures(database.db), []);
    const w = await loadWorkspace(database.db, { regionCode: '03', year: YEAR });
    const gallarate = w.rows.find((r) => r.ambitoCode === 'gallarate')!;
    assert.equal(gallarate.stale, false);
    assert.equal(gallarate.figures.leps.fte, (before.fte ?? 0) + 1);
    assert.deepEqual(gallarate.figures.leps, JSON.parse(JSON.stringify(await readLepsForRegion(database.db, demo.gallarate.id, YEAR))));
  });

  test('the refresh asked from the page is a job; a second ask while it waits queues nothing more', async () => {
    const ask = () => {
      const body = new URLSearchParams({ intent: 'refresh' });
      return workspaceAction(context(lombardy), new Request(`http://x/regioni/03?anno=${YEAR}`, { method: 'POST', body }), '03');
    };
    const first = (await ask()) as Response;
    assert.equal(first.status, 303);
    assert.match(first.headers.get('location') ?? '', /^\/regioni\/03\?anno=2025&aggiorna=1$/);
    await ask();
    const p = await page(lombardy, '03');
    assert.ok(p.pending, 'the page shows the refresh under way');
    assert.equal(await runJobQueue(database.db, database.kind), 1);
    assert.equal((await page(lombardy, '03')).pending, null);
  });

  test('the regional page answers with the same number of queries for 2 and for 50 Ambiti', async () => {
    const count = async () => {
      queries = 0;
      const p = await page(lombardy, '03');
      return { queries, rows: p.rows.length };
    };
    const two = await count();
    assert.equal(two.rows, 2);

    // 48 more Ambiti of Lombardy (through the composition importer), from comuni no demo Ambito holds; one named
    // like a spreadsheet formula.
    const istat = JSON.parse(readFileSync(fromRoot('fixtures', 'istat', 'comuni-2020.json'), 'utf8')) as { codice: string; regione: { codice: string } }[];
    const used = new Set(readFileSync(fromRoot('fixtures', 'demo', 'ambiti.csv'), 'utf8').match(/\b0\d{5}\b/g));
    for (const line of readFileSync(fromRoot('fixtures', 'demo', 'sebino', 'ambito.csv'), 'utf8').match(/\b0\d{5}\b/g) ?? []) used.add(line);
    const free = istat.filter((c) => c.regione.codice === '03' && !used.has(c.codice)).map((c) => c.codice);
    const lines = ['codice_ambito;nome_ambito;codice_regione;forma_gestione;distretto_sanitario;codice_istat_comune;capofila;valido_dal;valido_al'];
    for (let i = 0; i < 48; i++) {
      const name = i === 0 ? '=SUM(1+1)' : `Ambito di prova ${String(i).padStart(2, '0')}`;
      for (let k = 0; k < 3; k++) lines.push(`prova-${i};${name};03;convenzione;;${free[i * 3 + k]};${k === 0 ? 'sì' : 'no'};2021-01-01;`);
    }
    await importAmbitoComposition({ db: database.db, actor: admin, fileName: 'prova.csv', text: lines.join('\n') });
    await refreshRegionalFigures(database.db, { year: YEAR, regionCode: '03', onlyStale: true });
    const fifty = await count();
    assert.equal(fifty.rows, 50);
    assert.equal(fifty.queries, two.queries, `queries for 2 Ambiti: ${two.queries}, for 50: ${fifty.queries}`);

    // Italy now has 51 Ambiti (the 3 of the demo and these 48): the table shows them 50 at a time, the export and the charts take them all.
    const second = await page(admin, null, `anno=${YEAR}&pagina=2`);
    assert.deepEqual([second.page.number, second.page.pages, second.pageRows.length, second.rows.length], [2, 2, 1, 51]);
    assert.equal((await page(admin, null, `anno=${YEAR}&pagina=99`)).page.number, 2);

    // The export: every Ambito shown, and a name that a spreadsheet would run is written as text.
    const response = await exportWorkspace(context(lombardy), new Request(`http://x/regioni/03/esporta.csv?anno=${YEAR}`), '03', 'csv');
    const csv = parseCsv(await response.text());
    assert.equal(csv.rows.length, 50);
    const name = csv.header.indexOf('ambito');
    assert.ok(csv.rows.some((r) => r.cells[name] === `'=SUM(1+1)`));
    assert.ok(!csv.rows.some((r) => r.cells[name]!.startsWith('=')));
    const xlsx = await exportWorkspace(context(lombardy), new Request(`http://x/regioni/03/esporta.xlsx?anno=${YEAR}`), '03', 'xlsx');
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.ok((await xlsx.arrayBuffer()).byteLength > 1000);
  });
});
