import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { matchRoutes, RouterContextProvider, type LoaderFunctionArgs } from 'react-router';
import { listSpendingForImpact } from '../../app/modules/finance/index.server.ts';
import { getStaffing } from '../../app/modules/leps/index.server.ts';
import { importMeasurements } from '../../app/modules/monitoring/monitoring.commands.ts';
import { listProjects } from '../../app/modules/participation/index.server.ts';
import { importPublishedFigures } from '../../app/modules/participation/participation.published.commands.ts';
import { publishedFigures } from '../../app/modules/participation/participation.published.schema.ts';
import { listPlans } from '../../app/modules/planning/index.server.ts';
import { buildImpactDoc, buildImpactView, type ImpactView } from '../../app/modules/reports/impact.build.ts';
import { createImpactReport, publishImpactReport, unpublishImpactReport, updateImpactReport } from '../../app/modules/reports/impact.commands.ts';
import { getImpactReportOfYear, readImpactInput } from '../../app/modules/reports/impact.queries.ts';
import { IMPACT_SECTIONS } from '../../app/modules/reports/impact.rules.ts';
import { openImpactReport } from '../../app/modules/reports/impact.server.ts';
import { can } from '../../app/modules/reports/reports.policy.ts';
import { reportsRoutes } from '../../app/modules/reports/reports.routes.ts';
import { getAmbitoOverview } from '../../app/modules/territory/territory.queries.ts';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { anonymous, systemActor, type Actor } from '../../app/shared/auth/actor.ts';
import { renderChartSvg } from '../../app/shared/charts/charts.server.ts';
import { loadConfig } from '../../app/shared/config.ts';
import { ConflictError, ForbiddenError, type ValidationError } from '../../app/shared/errors.ts';
import { requestContext, servicesContext } from '../../app/shared/http/context.ts';
import { parseRichText } from '../../app/shared/richtext/richtext.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

// The Marche demo Ambito (ATS n. 6 Fano, seed 000) loaded by the demo through the product's importers, and its
// social-impact report 2022: every figure of the report against the records it comes from, the privacy guard on
// counts of people, the commands' pipeline, and who reads a draft — through the report's own routes.
describe(`the ATS n. 6 Fano and its social-impact report (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  const BASE = 'https://cantiere.test';
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let fano: { id: string; code: string; name: string; regionCode: string };
  let coordinator: Actor;
  const db = () => database.db;

  const routeTable = reportsRoutes.map((r) => ({ id: r.id ?? r.file, path: `/${r.path}`, file: r.file }));

  /** A request's context as the app builds it: the services and the reader. */
  function contextFor(actor: Actor) {
    const context = new RouterContextProvider();
    context.set(servicesContext, { db: database.db, database, config: { ...loadConfig({}), publicUrl: BASE } });
    context.set(requestContext, { requestId: 'test', nonce: '', https: true, clientIp: '127.0.0.1', actor, locale: 'it', csrfToken: '', cookies: [] });
    return context;
  }
  /** Thrown answers (data(…, { status }), responses) become their status. */
  async function answer(run: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
    try {
      const body = await run();
      return { status: body instanceof Response ? body.status : 200, body };
    } catch (thrown) {
      const init = (thrown as { init?: { status?: number } }).init;
      if (init?.status) return { status: init.status, body: null };
      if (thrown instanceof Response) return { status: thrown.status, body: null };
      throw thrown;
    }
  }
  /**
   * A GET of the report's pages: the page's loader work (openImpactReport, what routes/impact.tsx returns), the PDF
   * through its route file's loader (routes/impact-pdf.ts).
   */
  async function get(url: string, actor: Actor = anonymous): Promise<{ status: number; body: unknown }> {
    const { pathname } = new URL(url, BASE);
    const request = new Request(new URL(url, BASE));
    const match = matchRoutes(routeTable, pathname)?.at(-1);
    assert.ok(match, `nessuna rotta per ${pathname}`);
    const route = routeTable.find((r) => r.id === match.route.id)!;
    if (route.file.endsWith('.ts')) {
      const { loader } = (await import(`../../app/${route.file}`)) as { loader: (args: LoaderFunctionArgs) => Promise<unknown> };
      return answer(() => loader({ request, params: match.params, context: contextFor(actor) } as unknown as LoaderFunctionArgs));
    }
    assert.equal(route.file, 'modules/reports/routes/impact.tsx');
    return answer(() => openImpactReport(contextFor(actor), request, match.params.code!));
  }
  const count = async (table: string, where: ReturnType<typeof sql>) => {
    const r = await db().execute(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`);
    return Number(((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows)[0] as { n: number }).n);
  };
  const viewOf = async (year: number): Promise<ImpactView> => {
    const report = (await getImpactReportOfYear(db(), fano.id, year))!;
    return buildImpactView(await readImpactInput(db(), fano, report), { locale: 'it', renderSvg: renderChartSvg });
  };
  const section = <K extends ImpactView['sections'][number]['key']>(view: ImpactView, key: K) =>
    view.sections.find((s) => s.key === key) as Extract<ImpactView['sections'][number], { key: K }>;

  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    const overview = (await getAmbitoOverview(database.db, 'fano'))!;
    fano = { id: overview.ambito.id, code: overview.ambito.code, name: overview.ambito.name, regionCode: overview.ambito.regionCode };
    coordinator = actorWith('coordinator', { ambitoId: fano.id });
  });
  after(() => database.close());

  test('the demo loads the ATS n. 6 Fano: nine comuni of Pesaro e Urbino, capofila Fano, 102.900 inhabitants at the 2011 census', async () => {
    const overview = (await getAmbitoOverview(db(), 'fano'))!;
    assert.equal(overview.ambito.regionCode, '11');
    assert.equal(overview.capofila?.istatCode, '041013');
    assert.deepEqual(
      overview.comuni.map((c) => c.name),
      ['Fano', 'Fratte Rosa', 'Mondavio', 'Mondolfo', 'Monte Porzio', 'Pergola', 'San Costanzo', 'San Lorenzo in Campo', 'Terre Roveresche'],
    );
    const [plan] = await listPlans(db(), fano.id);
    assert.ok(plan);
    assert.deepEqual(
      [plan.periodStartYear, plan.periodEndYear, plan.templateId, plan.status, plan.adoptionDate],
      [2022, 2024, 'marche-linee-guida-pst', 'adopted', '2022-02-25'],
    );
  });

  test('the published Fano report 2022 is public, with every section in order', async () => {
    const page = await get('/ambiti/fano/bilancio-sociale');
    assert.equal(page.status, 200);
    const { view } = page.body as { view: ImpactView };
    assert.equal(view.report.year, 2022);
    assert.equal(view.report.status, 'published');
    assert.deepEqual(
      view.sections.map((s) => s.key),
      [...IMPACT_SECTIONS],
    );
    assert.ok(
      view.sections.every((s) => s.intro && s.intro.length > 10),
      'every section has its introduction',
    );
  });

  test('projects: the six networks, € 2.143.536,31 with the PNRR € 714.989,31 for Mondavio and Terre Roveresche, equal to the records', async () => {
    const view = await viewOf(2022);
    const projects = section(view, 'projects');
    assert.equal(projects.projects.length, 6);
    assert.equal(projects.totalCents, 214_353_631);
    assert.equal((await listProjects(db(), fano.id)).totals.totalCents, projects.totalCents);
    assert.deepEqual(
      projects.bySource.find((s) => s.source === 'PNRR'),
      { source: 'PNRR', cents: 71_498_931 },
    );
    assert.equal(projects.bySource.find((s) => s.source === 'PON Inclusione REACT-EU')!.cents, 21_850_000);
    const dopo = projects.projects.find((p) => p.title === 'Progetto Dopo di Noi')!;
    assert.equal(dopo.totalCents, 58_353_700 + 71_498_931);
    assert.ok(dopo.partners.includes('Fondazione di Comunità Fano-Flaminia-Cesano'));
    // The co-design spending by project is the same records.
    assert.equal(
      section(view, 'spending').coDesign.reduce((s, p) => s + p.cents, 0),
      214_353_631,
    );
  });

  test('LEPS: social workers 18 → 21 (2020 → 2022), 1 per 4.900 inhabitants in 2022: LEPS 1:5.000 reached, 1:4.000 not', async () => {
    const leps = section(await viewOf(2022), 'leps');
    assert.deepEqual(
      leps.years.map((y) => [y.year, y.fte, y.population, y.leps, y.serviceObjective]),
      [
        [2020, 18, 102_900, 'non_raggiunto', 'non_raggiunto'],
        [2021, 18, 102_900, 'non_raggiunto', 'non_raggiunto'],
        [2022, 21, 102_900, 'raggiunto', 'non_raggiunto'],
      ],
    );
    assert.equal(leps.current!.inhabitantsPerWorker, 4_900);
    assert.equal(leps.years[0]!.inhabitantsPerWorker, 5_716.7);
    // Equal to leps' own computation and to the rows of the staff list.
    const staffing = await getStaffing(db(), fano.id, 2022);
    assert.equal(staffing.current.fte, 21);
    assert.equal(await count('social_worker_posts', sql`ambito_id = ${fano.id} AND valid_from <= '2020-12-31'`), 18);
    assert.equal(leps.years[2]!.populationYear, 2011, 'the ratio names the census year it divides by');
  });

  test('participation: 25 meetings, 2 tables with the unions, 7 thematic tables, more than 60 bodies as published; 7 tables recorded', async () => {
    const p = section(await viewOf(2022), 'participation');
    assert.deepEqual(
      p.figures.map((f) => [f.figure, f.published?.value ?? null, f.published?.qualifier ?? null, f.recorded]),
      [
        ['meetings', 25, 'exact', 0],
        ['concertation_tables', 2, 'exact', 0],
        ['thematic_tables', 7, 'exact', 7],
        ['member_organisations', 60, 'more_than', 0],
      ],
    );
    assert.equal(p.figures.find((f) => f.figure === 'thematic_tables')!.recordsMatch, true);
    assert.equal(await count('participation_tables', sql`ambito_id = ${fano.id} AND kind = 'tavolo_tematico'`), 7);
    assert.equal(p.tables.length, 7);
  });

  test('Agenda 2030: the goals 1, 3, 4, 12 and 17 of the seed, from the plan’s objectives and the networks', async () => {
    const a = section(await viewOf(2022), 'agenda2030');
    assert.deepEqual(
      a.goals.map((g) => g.goal),
      [1, 3, 4, 12, 17],
    );
    assert.equal(a.goals.find((g) => g.goal === 17)!.projects.length, 6);
    assert.ok(a.goals.find((g) => g.goal === 12)!.projects.includes('Rete Passamano - Condivisione solidale'));
  });

  test('users and spending: the 2022 services as measured, the contributions 2019-2022 as imported, no services spending recorded', async () => {
    const view = await viewOf(2022);
    assert.deepEqual(
      section(view, 'users').rows.map((r) => [r.objectiveCode, r.count.value]),
      [
        ['B1-TIS', 87],
        ['B3-SAD', 127],
        ['B5-AUTONOMIA', 230],
        ['B6-SED', 227],
      ],
    );
    const s = section(view, 'spending');
    assert.deepEqual(s.years, [2019, 2020, 2021, 2022]);
    assert.deepEqual(
      s.byNature.map((r) => [r.year, r.servizi, r.contributi]),
      [
        [2019, 0, 132_058_300],
        [2020, 0, 139_090_600],
        [2021, 0, 123_109_100],
        [2022, 0, 82_137_700],
      ],
    );
    const recorded = (await listSpendingForImpact(db(), fano.id)).reduce((sum, r) => sum + r.amountCents, 0);
    assert.equal(
      s.byNature.reduce((sum, r) => sum + r.total, 0),
      recorded,
    );
  });

  test('a count of people under 5 is suppressed on the page and in the PDF model', async () => {
    const [plan] = await listPlans(db(), fano.id);
    await importMeasurements({
      db: db(),
      actor: systemActor('prova'),
      planId: plan!.id,
      fileName: 'misure.csv',
      text: 'obiettivo;indicatore;periodo;comune_istat;valore\nB1-RDC;U1;2022;;3\n',
    });
    const view = await viewOf(2022);
    const row = section(view, 'users').rows.find((r) => r.objectiveCode === 'B1-RDC')!;
    assert.deepEqual(row.count, { value: null, suppressed: true });
    const doc = buildImpactDoc(view, { locale: 'it', generatedAt: new Date(), parse: parseRichText });
    const users = doc.blocks.find((b) => b.kind === 'table' && b.table.caption.startsWith('Persone raggiunte'));
    assert.ok(users?.kind === 'table');
    const cells = users.table.rows.find((r) => r[0]!.startsWith('Gruppo di lavoro multiprofessionale'))!;
    assert.equal(cells[1], '< 5');
    assert.ok(!JSON.stringify(view).includes('"value":3'), 'the 3 is nowhere in the view');
  });

  test('the PDF of the published report: a tagged PDF for anyone', async () => {
    const r = await get('/ambiti/fano/bilancio-sociale/pdf');
    assert.equal(r.status, 200);
    const res = r.body as Response;
    assert.equal(res.headers.get('Content-Type'), 'application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.ok(bytes.includes(Buffer.from('/StructTreeRoot')), 'tagged');
  });

  test('a draft is not public: created, edited and published through the pipeline, read only by the members of the Ambito', async () => {
    const audit = async () =>
      Number(
        (
          await db()
            .select({ n: sql<number>`count(*)::int` })
            .from(auditLog)
        )[0]!.n,
      );
    const before = await audit();
    const draft = await createImpactReport({ db: db(), actor: coordinator, ambitoId: fano.id, input: { year: '2021', title: 'Bilancio sociale 2021' } });
    assert.equal(draft.seriesFromYear, 2018);
    assert.equal(draft.status, 'draft');
    assert.equal(await audit(), before + 1);
    // The same year twice is refused, naming it.
    await assert.rejects(
      createImpactReport({ db: db(), actor: coordinator, ambitoId: fano.id, input: { year: '2021', title: 'Altro' } }),
      (e: ValidationError) => e.issues[0]!.message.includes('2021'),
    );
    // Not public: a citizen is sent to sign in, a user of another Ambito gets 404 (the draft is hidden); the latest
    // published report stays the public one.
    for (const url of ['/ambiti/fano/bilancio-sociale?anno=2021', '/ambiti/fano/bilancio-sociale/pdf?anno=2021']) {
      const r = await get(url);
      assert.equal(r.status, 302, url);
      assert.equal(r.body, null);
    }
    assert.equal(((await get('/ambiti/fano/bilancio-sociale')).body as { view: ImpactView }).view.report.year, 2022);
    assert.equal((await get('/ambiti/fano/bilancio-sociale?anno=2021', actorWith('coordinator', { ambitoId: 'altro-ambito' }))).status, 404);
    // A member of the Ambito reads it.
    const member = await get('/ambiti/fano/bilancio-sociale?anno=2021', actorWith('mayor', { ambitoId: fano.id }));
    assert.equal(member.status, 200);
    assert.equal((member.body as { view: ImpactView }).view.report.status, 'draft');
    // Nobody but the Ufficio di Piano edits; the editor page asks for it.
    await assert.rejects(
      updateImpactReport({ db: db(), actor: actorWith('mayor', { ambitoId: fano.id }), reportId: draft.id, input: { version: '1' } }),
      ForbiddenError,
    );
    assert.equal(can(actorWith('mayor', { ambitoId: fano.id }), 'impact.edit', { id: fano.id, regionCode: fano.regionCode }), false);

    // Edit: two sections, reordered, one introduction with a Markdown problem → refused with the section named.
    const form = (version: number, intro: string) => ({
      version: String(version),
      title: 'Bilancio sociale 2021',
      seriesFromYear: '2020',
      'include.leps': 'on',
      'position.leps': '2',
      'include.spending': 'on',
      'position.spending': '1',
      'intro.spending': intro,
    });
    await assert.rejects(updateImpactReport({ db: db(), actor: coordinator, reportId: draft.id, input: form(1, 'Vedi la nota[^9].') }), (e: ValidationError) =>
      e.issues.some((i) => i.path === 'intro.spending' && i.message.startsWith('Introduzione a «La spesa negli anni»')),
    );
    const saved = await updateImpactReport({ db: db(), actor: coordinator, reportId: draft.id, input: form(1, 'I **contributi** alle famiglie.') });
    assert.deepEqual(saved.sections, [
      { key: 'spending', intro: 'I **contributi** alle famiglie.' },
      { key: 'leps', intro: null },
    ]);
    assert.equal(saved.version, 2);
    // A stale form is a conflict; nothing changes.
    await assert.rejects(updateImpactReport({ db: db(), actor: coordinator, reportId: draft.id, input: form(1, 'Altro') }), ConflictError);

    // Publish, then withdraw.
    await publishImpactReport({ db: db(), actor: coordinator, reportId: draft.id, input: { version: '2' } });
    const open = await get('/ambiti/fano/bilancio-sociale?anno=2021');
    assert.equal(open.status, 200);
    assert.deepEqual(
      (open.body as { view: ImpactView }).view.sections.map((s) => s.key),
      ['spending', 'leps'],
    );
    await unpublishImpactReport({ db: db(), actor: coordinator, reportId: draft.id, input: { version: '3' } });
    assert.equal((await get('/ambiti/fano/bilancio-sociale?anno=2021')).status, 302);
    assert.equal((await get('/ambiti/fano/bilancio-sociale?anno=2021', actorWith('staff', { ambitoId: 'altro-ambito' }))).status, 404);
    const actions = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'impact_report'), eq(auditLog.entityId, draft.id)));
    assert.deepEqual(actions.map((a) => a.action).sort(), [
      'reports.impact.created',
      'reports.impact.published',
      'reports.impact.unpublished',
      'reports.impact.updated',
    ]);
  });

  test('published figures: a second import of the same file changes nothing; a plan the Ambito lacks is refused', async () => {
    const file = {
      fileName: 'cifre.json',
      text: JSON.stringify({ fonte: 'Report', piano: { inizio: 2030, fine: 2032 }, cifre: [{ cifra: 'meetings', valore: 3 }] }),
    };
    await assert.rejects(importPublishedFigures({ db: db(), actor: coordinator, ambitoId: fano.id, file }), (e: ValidationError) =>
      e.issues.some((i) => i.path === 'cifre.json, piano'),
    );
    assert.equal(await count('participation_published_figures', sql`ambito_id = ${fano.id}`), 4);
    const rows = await db().select().from(publishedFigures).where(eq(publishedFigures.ambitoId, fano.id));
    assert.ok(rows.every((r) => r.version === 1));
  });

  test('loading the demo again writes nothing for Fano', async () => {
    const audit = async () =>
      Number(
        (
          await db()
            .select({ n: sql<number>`count(*)::int` })
            .from(auditLog)
        )[0]!.n,
      );
    const before = await audit();
    await seedDemo(db());
    assert.equal(await audit(), before);
  });
});
