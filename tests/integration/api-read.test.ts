import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { RouterContextProvider } from 'react-router';
import { apiRoutes } from '../../app/modules/api/api.routes.ts';
import { importSocialWorkerStaff } from '../../app/modules/leps/leps.commands.ts';
import { lockPeriod, saveMeasurement } from '../../app/modules/monitoring/monitoring.commands.ts';
import { importPlan } from '../../app/modules/planning/planning.commands.ts';
import type { Actor } from '../../app/shared/auth/actor.ts';
import { requestContext, servicesContext, type AppServices } from '../../app/shared/http/context.ts';
import { makeRootMiddleware } from '../../app/shared/http/request.server.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

// The read API on the demo (Ambito di Gallarate, plans 2021-2023 and 2025-2027, spending and users of 2022; Sebino for
// the social workers), through the routes of api.routes.ts and their loaders, as an HTTP client sees them. Every figure
// is checked against a count or a sum of the records written here in SQL, independently of the API's own queries.
describe(`read API on the demo (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let gallarate: { id: string; regionCode: string };
  let sebinoId: string;
  let samarateId: string;
  let adoptedId: string;
  let closedId: string;
  let draftId: string;
  let coordinator: Actor;
  let thirdSector: Actor;
  let otherThirdSector: Actor;
  const anonymous: Actor = { kind: 'anonymous' };
  const TODAY = '2026-12-01';

  /** Rows of a query. */
  const rows = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]> => {
    const result = await database.db.execute(query);
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
  };
  /** The first column of the first row of a query, as a number. */
  const one = async (query: ReturnType<typeof sql>) => Number(Object.values((await rows(query))[0]!)[0]);

  // ——— An HTTP client of the API: the path is matched against api.routes.ts and its loader runs with a request context.

  const routes = apiRoutes.map((r) => {
    const names: string[] = [];
    const pattern = r
      .path!.split('/')
      .map((part) => (part.startsWith(':') ? (names.push(part.slice(1)), '([^/]+)') : part === '*' ? '.*' : part.replace(/\./g, '\\.')))
      .join('/');
    return { regex: new RegExp(`^/${pattern}$`), names, file: r.file };
  });

  interface Answer {
    status: number;
    headers: Headers;
    body: unknown;
  }

  async function get(path: string, actor: Actor = anonymous, headers: Record<string, string> = {}): Promise<Answer> {
    const url = new URL(path, 'http://cantiere.test');
    const route = routes.find((r) => r.regex.test(url.pathname));
    assert.ok(route, `a route for ${url.pathname}`);
    const values = route.regex.exec(url.pathname)!.slice(1);
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(values[i]!)]));
    const { loader } = (await import(`../../app/${route.file}`)) as { loader: (args: unknown) => Promise<Response> | Response };
    const context = new RouterContextProvider();
    context.set(servicesContext, { db: database.db, database, config: {} } as unknown as AppServices);
    context.set(requestContext, { requestId: 'test', nonce: '', clientIp: '127.0.0.1', https: false, actor, locale: 'it', csrfToken: '', cookies: [] });
    const response = await loader({ request: new Request(url, { headers }), params, context });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }

  type Page<T> = { data: T[]; page: { limit: number; next: string | null } };

  /** Every row of a list, following page.next, with the pages it took; each page is checked against its Link header. */
  async function walk<T>(path: string, actor: Actor = anonymous): Promise<{ rows: T[]; pages: number }> {
    const all: T[] = [];
    let next: string | null = path;
    let pages = 0;
    while (next) {
      const r = await get(next, actor);
      assert.equal(r.status, 200, `${next}: ${JSON.stringify(r.body)}`);
      const body = r.body as Page<T>;
      all.push(...body.data);
      assert.equal(r.headers.get('link'), body.page.next ? `<${body.page.next}>; rel="next"` : null);
      next = body.page.next;
      pages++;
      assert.ok(pages < 500, 'the walk ends');
    }
    return { rows: all, pages };
  }

  before(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    gallarate = demo.gallarate;
    samarateId = demo.samarate.id;
    sebinoId = (await rows<{ id: string }>(sql`SELECT id FROM ambiti WHERE code = 'sebino'`))[0]!.id;
    const plans = await rows<{ id: string; status: string }>(sql`SELECT id, status FROM plans WHERE ambito_id = ${gallarate.id}`);
    adoptedId = plans.find((p) => p.status === 'adopted')!.id;
    closedId = plans.find((p) => p.status === 'closed')!.id;
    const organisationId = (await rows<{ organisation_id: string }>(sql`SELECT organisation_id FROM role_assignments WHERE role = 'third_sector'`))[0]!
      .organisation_id;
    coordinator = actorWith('coordinator', { ambitoId: gallarate.id });
    thirdSector = actorWith('third_sector', { ambitoId: gallarate.id, organisationId });
    otherThirdSector = actorWith('third_sector', { ambitoId: sebinoId });

    // A draft plan 2028-2030 of Gallarate, imported from the 2025-2027 document (with its objectives and budget).
    const later = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(later);
      if (v === null || typeof v !== 'object') return v;
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          k,
          k === 'year' && typeof x === 'number' ? x + 3 : /Date$/.test(k) && typeof x === 'string' ? `${Number(x.slice(0, 4)) + 3}${x.slice(4)}` : later(x),
        ]),
      );
    };
    const doc = later(JSON.parse(readFileSync(new URL('../../fixtures/demo/gallarate/plans/piano-2025-2027.json', import.meta.url), 'utf8'))) as {
      plan: Record<string, unknown>;
    };
    doc.plan = { ...doc.plan, title: 'Piano di Zona 2028-2030 (bozza)', periodStartYear: 2028, periodEndYear: 2030, status: 'draft', adoption: null };
    draftId = (await importPlan({ db: database.db, actor: coordinator, ambitoId: gallarate.id, fileName: 'bozza.json', text: JSON.stringify(doc) })).planId;

    // Measurements of the adopted plan: a count (3 then 12), a ratio (12/25 then 3/25), a comune's value; 2025-S1 locked.
    const pick = async (kind: string) =>
      (
        await rows<{ id: string }>(sql`
          SELECT i.id FROM plan_indicators i JOIN plan_objectives o ON o.id = i.objective_id
          WHERE o.plan_id = ${adoptedId} AND i.kind = ${kind} AND i.periodicity = 'semiannual'
          ORDER BY o.position, o.code, i.position, i.code LIMIT 2`)
      ).map((r) => r.id);
    const [count, perComune] = await pick('count');
    const [ratio] = await pick('ratio');
    const save = (indicatorId: string, input: Record<string, string>) =>
      saveMeasurement({ db: database.db, actor: coordinator, indicatorId, input, today: TODAY });
    await save(count!, { period: '2025-S1', value: '3', note: 'nota interna' });
    await save(count!, { period: '2025-S2', value: '12' });
    await save(ratio!, { period: '2025-S1', numerator: '12', denominator: '25' });
    await save(ratio!, { period: '2025-S2', numerator: '3', denominator: '25' });
    await save(perComune!, { period: '2025-S1', value: '7', comuneId: samarateId });
    await lockPeriod({ db: database.db, actor: coordinator, planId: adoptedId, input: { period: '2025-S1' } });

    // Sebino's social workers (the staffing case of tests/integration/leps.test.ts).
    const lines = ['codice;datore_di_lavoro;tipo_datore;contratto;etp;ore_settimanali;fonti_finanziamento;funzione;dal;al;codice_istat_comune'];
    for (let i = 1; i <= 10; i++) lines.push(`AS-${String(i).padStart(2, '0')};Comune di Iseo;ente_capofila;tempo_indeterminato;1;;;;2024-01-01;;`);
    lines.push('AS-11;Comune di Marone;comune;tempo_indeterminato;;18;;Segretariato sociale;2024-01-01;;017106');
    lines.push('AS-12;Comune di Zone;comune;tempo_indeterminato;0,5;;COMUNI;;2025-03-01;;017205');
    lines.push('AS-13;Cooperativa affidataria;ente_terzo_settore;tempo_determinato;1;;;Tutela minori;2025-01-01;;');
    await importSocialWorkerStaff({
      db: database.db,
      actor: actorWith('staff', { ambitoId: sebinoId }),
      ambitoId: sebinoId,
      fileName: 'as.csv',
      text: lines.join('\n'),
    });
  });
  after(() => database.close());

  test('plans of an Ambito: the public reads the adopted and the closed one, the Ambito’s members the draft too', async () => {
    const publicPlans = (await walk<{ id: string; status: string; periodStartYear: number }>('/api/v1/ambiti/gallarate/piani')).rows;
    assert.deepEqual(
      publicPlans.map((p) => p.id),
      [adoptedId, closedId],
      'newest period first',
    );
    assert.equal(publicPlans.length, await one(sql`SELECT count(*) FROM plans WHERE ambito_id = ${gallarate.id} AND status NOT IN ('draft', 'consultation')`));
    for (const who of [coordinator, thirdSector]) {
      const inside = (await walk<{ id: string }>('/api/v1/ambiti/gallarate/piani?limit=1', who)).rows;
      assert.deepEqual(
        inside.map((p) => p.id),
        [draftId, adoptedId, closedId],
      );
    }
    assert.deepEqual(
      (await walk<{ id: string }>('/api/v1/ambiti/gallarate/piani', otherThirdSector)).rows.map((p) => p.id),
      [adoptedId, closedId],
      'a member of another Ambito reads as the public',
    );
  });

  test('a plan with its figures equal to the counts and the sum of its records', async () => {
    const r = await get(`/api/v1/piani/${adoptedId}`);
    assert.equal(r.status, 200);
    const { data } = r.body as { data: { title: string; status: string; ambito: string; figures: Record<string, number>; adoptionDate: string } };
    assert.equal(data.title, 'Piano di Zona 2025-2027 – Ambito Territoriale di Gallarate');
    assert.equal(data.ambito, 'gallarate');
    assert.equal(data.adoptionDate, '2024-12-02');
    const objectives = sql`SELECT id FROM plan_objectives WHERE plan_id = ${adoptedId}`;
    assert.deepEqual(data.figures, {
      objectives: await one(sql`SELECT count(*) FROM (${objectives}) o`),
      actions: await one(sql`SELECT count(*) FROM plan_actions WHERE objective_id IN (${objectives})`),
      indicators: await one(sql`SELECT count(*) FROM plan_indicators WHERE objective_id IN (${objectives})`),
      budgetCents: await one(sql`SELECT coalesce(sum(amount_cents), 0) FROM plan_budget_lines WHERE objective_id IN (${objectives})`),
    });
    assert.deepEqual([data.figures.objectives, data.figures.actions, data.figures.indicators], [24, 104, 301], 'the demo plan of seed 002');
    assert.equal('adoptionOverrideReason' in data, false, 'no internal work data');
  });

  test('a draft plan is a 404 for the public and for another Ambito’s member, exactly like a plan that does not exist', async () => {
    const missing = await get('/api/v1/piani/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    for (const path of ['', '/obiettivi', '/obiettivi/1', '/azioni', '/indicatori', '/misure']) {
      for (const who of [anonymous, otherThirdSector]) {
        const r = await get(`/api/v1/piani/${draftId}${path}`, who);
        assert.equal(r.status, 404, `${path} as ${who.kind}`);
        assert.deepEqual(r.body, missing.body, 'the same answer: the draft’s existence does not leak');
      }
    }
    assert.deepEqual(missing.body, { error: { code: 'not_found', message: 'Il piano non esiste o non è visibile con il tuo profilo.' } });
    // The draft's budget lines are not in the Ambito's budget for the public.
    const lines = (await walk<{ plan: { id: string } }>('/api/v1/ambiti/gallarate/bilancio')).rows;
    assert.equal(
      lines.some((l) => l.plan.id === draftId),
      false,
    );
  });

  test('a third-sector member of the Ambito reads the draft plan, as the planning policy says', async () => {
    const r = await get(`/api/v1/piani/${draftId}`, thirdSector);
    assert.equal(r.status, 200);
    assert.equal((r.body as { data: { status: string } }).data.status, 'draft');
    const objectives = await walk<{ code: string }>(`/api/v1/piani/${draftId}/obiettivi?limit=10`, thirdSector);
    assert.equal(objectives.rows.length, await one(sql`SELECT count(*) FROM plan_objectives WHERE plan_id = ${draftId}`));
  });

  test('objectives in the plan’s order, every one once across pages of 5, with counts and budget equal to the records', async () => {
    const { rows: got, pages } = await walk<{ code: string; actions: number; indicators: number; budgetCents: number }>(
      `/api/v1/piani/${adoptedId}/obiettivi?limit=5`,
    );
    const expected = await rows<{ code: string; actions: string; indicators: string; budget: string }>(sql`
      SELECT o.code,
        (SELECT count(*) FROM plan_actions a WHERE a.objective_id = o.id) AS actions,
        (SELECT count(*) FROM plan_indicators i WHERE i.objective_id = o.id) AS indicators,
        (SELECT coalesce(sum(b.amount_cents), 0) FROM plan_budget_lines b WHERE b.objective_id = o.id) AS budget
      FROM plan_objectives o WHERE o.plan_id = ${adoptedId} ORDER BY o.position, o.code`);
    assert.equal(pages, Math.ceil(expected.length / 5));
    assert.deepEqual(
      got.map((o) => [o.code, o.actions, o.indicators, o.budgetCents]),
      expected.map((o) => [o.code, Number(o.actions), Number(o.indicators), Number(o.budget)]),
    );
  });

  test('one objective with its actions, indicators (with targets) and budget lines, as recorded', async () => {
    const r = await get(`/api/v1/piani/${adoptedId}/obiettivi/1`);
    assert.equal(r.status, 200);
    const { data } = r.body as {
      data: { code: string; actions: { number: string }[]; indicators: { code: string; targets: unknown[] }[]; budgetLines: { amountCents: number }[] };
    };
    const id = sql`SELECT id FROM plan_objectives WHERE plan_id = ${adoptedId} AND code = '1'`;
    assert.deepEqual(
      data.actions.map((a) => a.number),
      (await rows<{ number: string }>(sql`SELECT number FROM plan_actions WHERE objective_id = (${id}) ORDER BY position, number`)).map((a) => a.number),
    );
    const indicators = await rows<{ code: string; targets: unknown }>(
      sql`SELECT code, targets FROM plan_indicators WHERE objective_id = (${id}) ORDER BY position, code`,
    );
    assert.deepEqual(
      data.indicators.map((i) => i.code),
      indicators.map((i) => i.code),
    );
    const stored = (t: unknown) => (typeof t === 'string' ? JSON.parse(t) : t) as { year?: number | null; rule: unknown; text: string }[];
    assert.deepEqual(
      data.indicators.map((i) => i.targets),
      indicators.map((i) => stored(i.targets).map((t) => ({ year: t.year ?? null, rule: t.rule, text: t.text }))),
    );
    assert.equal(
      data.budgetLines.reduce((s, b) => s + b.amountCents, 0),
      await one(sql`SELECT coalesce(sum(amount_cents), 0) FROM plan_budget_lines WHERE objective_id = (${id})`),
    );
    assert.equal((await get(`/api/v1/piani/${adoptedId}/obiettivi/NON-ESISTE`)).status, 404);
  });

  test('actions and indicators: a small page walks every row once, no duplicates, no gaps, in the plan’s order', async () => {
    const actions = (await walk<{ id: string }>(`/api/v1/piani/${adoptedId}/azioni?limit=7`)).rows.map((a) => a.id);
    const expectedActions = (
      await rows<{ id: string }>(sql`
        SELECT a.id FROM plan_actions a JOIN plan_objectives o ON o.id = a.objective_id
        WHERE o.plan_id = ${adoptedId} ORDER BY o.position, o.code, a.position, a.number`)
    ).map((a) => a.id);
    assert.equal(new Set(actions).size, actions.length, 'no action twice');
    assert.deepEqual(actions, expectedActions);
    assert.equal(actions.length, 104);

    const indicators = (await walk<{ id: string; targets: unknown[] }>(`/api/v1/piani/${adoptedId}/indicatori?limit=40`)).rows;
    const expectedIndicators = await rows<{ id: string; targets: number }>(sql`
      SELECT i.id, jsonb_array_length(i.targets) AS targets FROM plan_indicators i JOIN plan_objectives o ON o.id = i.objective_id
      WHERE o.plan_id = ${adoptedId} ORDER BY o.position, o.code, i.position, i.code`);
    assert.deepEqual(
      indicators.map((i) => [i.id, i.targets.length]),
      expectedIndicators.map((i) => [i.id, Number(i.targets)]),
    );
    assert.equal(indicators.length, 301);
  });

  test('measurements: exact values and notes for the Ambito’s members, small counts suppressed for the public', async () => {
    type M = {
      id: string;
      period: string;
      indicatorKind: string;
      value: unknown;
      numerator: number | null;
      denominator: number | null;
      suppressed: boolean;
      status: string;
      comune: { istatCode: string } | null;
      note?: string | null;
    };
    const inside = (await walk<M>(`/api/v1/piani/${adoptedId}/misure?limit=2`, thirdSector)).rows;
    assert.equal(inside.length, await one(sql`SELECT count(*) FROM measurements WHERE plan_id = ${adoptedId}`));
    assert.equal(new Set(inside.map((m) => m.id)).size, inside.length);
    const byKind = (list: M[], kind: string, period: string, comune = false) =>
      list.find((m) => m.indicatorKind === kind && m.period === period && !!m.comune === comune)!;
    assert.deepEqual([byKind(inside, 'count', '2025-S1').value, byKind(inside, 'count', '2025-S1').note], [3, 'nota interna']);
    assert.deepEqual(
      [byKind(inside, 'ratio', '2025-S2').value, byKind(inside, 'ratio', '2025-S2').numerator, byKind(inside, 'ratio', '2025-S2').denominator],
      [12, 3, 25],
    );
    assert.equal(byKind(inside, 'count', '2025-S1', true).comune!.istatCode, '012118', 'Samarate');
    assert.deepEqual(
      inside.map((m) => m.status),
      inside.map((m) => (m.period === '2025-S1' ? 'approvato' : 'provvisorio')),
      '2025-S1 is locked',
    );

    const publicRows = (await walk<M>(`/api/v1/piani/${adoptedId}/misure`)).rows;
    assert.deepEqual(
      publicRows.map((m) => m.id),
      inside.map((m) => m.id),
    );
    const { note: _note, ...withoutNote } = byKind(inside, 'count', '2025-S1');
    assert.deepEqual(byKind(publicRows, 'count', '2025-S1'), { ...withoutNote, value: null, suppressed: true });
    assert.equal(byKind(publicRows, 'count', '2025-S2').value, 12, '12 people are published');
    assert.deepEqual([byKind(publicRows, 'ratio', '2025-S1').value, byKind(publicRows, 'ratio', '2025-S1').suppressed], [48, false], '12/25 = 48 %');
    assert.deepEqual(
      [byKind(publicRows, 'ratio', '2025-S2').value, byKind(publicRows, 'ratio', '2025-S2').numerator, byKind(publicRows, 'ratio', '2025-S2').suppressed],
      [null, null, true],
    );
    assert.equal(
      publicRows.some((m) => 'note' in m),
      false,
      'no note goes out to the public',
    );
  });

  test('spending: the sum over every page equals the records, filters by year and area, notes only inside', async () => {
    type S = { id: string; year: number; area: { code: string; name: string | null }; channel: { code: string }; amountCents: number; source?: string };
    const all = (await walk<S>('/api/v1/ambiti/gallarate/spesa?limit=6')).rows;
    assert.equal(all.length, await one(sql`SELECT count(*) FROM spending_facts WHERE ambito_id = ${gallarate.id}`));
    assert.equal(new Set(all.map((s) => s.id)).size, all.length);
    const total = all.reduce((s, r) => s + r.amountCents, 0);
    assert.equal(total, await one(sql`SELECT sum(amount_cents) FROM spending_facts WHERE ambito_id = ${gallarate.id}`));
    assert.equal(total, 19_834_861_00, 'the spending 2022 of the Ambito di Gallarate (PdZ 2025-2027, Tabella 2.3)');
    assert.ok(all.every((s) => s.area.name !== null && s.source === undefined));
    const minori = (await walk<S>('/api/v1/ambiti/gallarate/spesa?anno=2022&area=MINORI_FAMIGLIA')).rows;
    assert.equal(
      minori.reduce((s, r) => s + r.amountCents, 0),
      await one(sql`SELECT sum(amount_cents) FROM spending_facts WHERE ambito_id = ${gallarate.id} AND year = 2022 AND area_code = 'MINORI_FAMIGLIA'`),
    );
    assert.ok(minori.length > 0 && minori.every((s) => s.area.code === 'MINORI_FAMIGLIA'));
    assert.deepEqual((await walk<S>('/api/v1/ambiti/gallarate/spesa?anno=2019')).rows, []);
    const inside = (await walk<S>('/api/v1/ambiti/gallarate/spesa', thirdSector)).rows;
    assert.ok(inside.every((s) => typeof s.source === 'string' && s.source.length > 0));
  });

  test('users of the services: counts below 5 suppressed for the public, the cost per user computed from the records', async () => {
    type U = { area: { code: string }; users: number | null; suppressed: boolean; costPerUserCents: number | null };
    const records = await rows<{ area_code: string; users: number | null }>(sql`SELECT area_code, users FROM service_users WHERE ambito_id = ${gallarate.id}`);
    const publicRows = (await walk<U>('/api/v1/ambiti/gallarate/utenti?limit=4')).rows;
    const inside = (await walk<U>('/api/v1/ambiti/gallarate/utenti', coordinator)).rows;
    assert.equal(publicRows.length, records.length);
    for (const r of records) {
      const p = publicRows.find((x) => x.area.code === r.area_code)!;
      const i = inside.find((x) => x.area.code === r.area_code)!;
      assert.equal(i.users, r.users, `${r.area_code}: exact inside`);
      const small = r.users !== null && r.users < 5;
      assert.deepEqual([p.users, p.suppressed], small ? [null, true] : [r.users, false], r.area_code);
    }
    assert.deepEqual(
      publicRows
        .filter((p) => p.suppressed)
        .map((p) => p.area.code)
        .sort(),
      ['DIPENDENZE', 'SALUTE_MENTALE'],
      '0 and 2 users',
    );
    assert.equal(publicRows.find((p) => p.area.code === 'ANZIANI')!.costPerUserCents, 801_12, '717.001 € / 895 users, as Tabella 4.2 publishes it');
  });

  test('LEPS: social-worker FTE, population and ratio per year equal to the records, with the two targets', async () => {
    type L = {
      year: number;
      population: number;
      fte: Record<string, number> | null;
      inhabitantsPerWorker: number | null;
      targets: { kind: string; status: string; gapFte: number | null; toHire: number | null }[];
    };
    const years = (await walk<L>('/api/v1/ambiti/sebino/leps?limit=1')).rows;
    assert.equal(years[0]!.year, 2024, 'from the first population figure and staff record');
    assert.deepEqual(
      years.map((y) => y.year),
      Array.from({ length: years.length }, (_, i) => 2024 + i),
    );
    const y2025 = years.find((y) => y.year === 2025)!;
    const permanentFte = await one(sql`
      SELECT sum(fte) FROM social_worker_posts WHERE ambito_id = ${sebinoId} AND contract = 'tempo_indeterminato'
        AND employer_kind IN ('comune', 'ente_capofila') AND valid_from <= '2025-12-31' AND (valid_to IS NULL OR valid_to >= '2025-12-31')`);
    assert.equal(y2025.fte!.tempo_indeterminato_ambito_comuni, permanentFte);
    assert.equal(permanentFte, 11);
    assert.equal(y2025.fte!.tutto_il_personale, 12);
    assert.equal(
      y2025.population,
      await one(sql`
        SELECT sum(p.total) FROM population_facts p JOIN ambito_comuni m ON m.comune_id = p.comune_id
        WHERE m.ambito_id = ${sebinoId} AND m.valid_from <= '2025-12-31' AND (m.valid_to IS NULL OR m.valid_to >= '2025-12-31') AND p.year = 2024`),
      'the sum of the member comuni at 1 January 2024, the latest figure',
    );
    assert.equal(y2025.population, 54_346);
    assert.equal(y2025.inhabitantsPerWorker, 4940.5);
    assert.deepEqual(
      y2025.targets.map((t) => [t.kind, t.status, t.gapFte, t.toHire]),
      [
        ['leps', 'raggiunto', 0, 0],
        ['obiettivo_di_servizio', 'non_raggiunto', 2.5865, 3],
      ],
    );
    assert.equal(years.find((y) => y.year === 2024)!.fte!.tempo_indeterminato_ambito_comuni, 10.5);
    // An Ambito without staff records: the population is there, the FTE and the targets' status are missing, not zero.
    const gallarateYears = (await walk<L>('/api/v1/ambiti/gallarate/leps')).rows;
    assert.ok(gallarateYears.length > 0 && gallarateYears.every((y) => y.fte === null && y.targets.every((t) => t.status === 'dati_mancanti')));
  });

  test('budget lines of the Ambito by area and fund: every line of the readable plans once, filters by plan and year', async () => {
    type B = { id: string; plan: { id: string }; fund: { code: string; name: string }; area: string | null; amountCents: number; year: number | null };
    const all = (await walk<B>('/api/v1/ambiti/gallarate/bilancio?limit=5')).rows;
    const expected = await rows<{ id: string }>(sql`
      SELECT b.id FROM plan_budget_lines b JOIN plan_objectives o ON o.id = b.objective_id JOIN plans p ON p.id = o.plan_id
      WHERE p.ambito_id = ${gallarate.id} AND p.status NOT IN ('draft', 'consultation')
      ORDER BY p.period_start_year, o.position, o.code, b.position, b.id`);
    assert.deepEqual(
      all.map((b) => b.id),
      expected.map((b) => b.id),
    );
    assert.equal(all.length, 28);
    const inside = (await walk<B>(`/api/v1/ambiti/gallarate/bilancio?piano=${draftId}`, coordinator)).rows;
    assert.equal(
      inside.length,
      await one(sql`SELECT count(*) FROM plan_budget_lines WHERE objective_id IN (SELECT id FROM plan_objectives WHERE plan_id = ${draftId})`),
    );
    const year = all.find((b) => b.year !== null)?.year;
    if (year) {
      const ofYear = (await walk<B>(`/api/v1/ambiti/gallarate/bilancio?anno=${year}`)).rows;
      assert.deepEqual(
        ofYear.map((b) => b.id),
        all.filter((b) => b.year === year).map((b) => b.id),
      );
    }
  });

  test('ETags: a matching If-None-Match is a 304 without body; a write gives a new ETag', async () => {
    const path = `/api/v1/piani/${adoptedId}/misure`;
    const first = await get(path);
    const etag = first.headers.get('etag')!;
    assert.match(etag, /^"[A-Za-z0-9_-]{43}"$/);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
    assert.equal(first.headers.get('vary'), 'Authorization, Cookie');
    const again = await get(path, anonymous, { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, null);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal((await get(path, anonymous, { 'If-None-Match': '"stale"' })).status, 200);

    const inside = await get(path, coordinator);
    assert.equal(inside.headers.get('cache-control'), 'private, no-cache');
    assert.notEqual(inside.headers.get('etag'), etag, 'the internal view (notes, exact values) is another representation');

    const indicatorId = (
      await rows<{ id: string }>(sql`
        SELECT i.id FROM measurements m JOIN plan_indicators i ON i.id = m.indicator_id
        WHERE m.plan_id = ${adoptedId} AND m.period = '2025-S2' AND i.kind = 'count' LIMIT 1`)
    )[0]!.id;
    await saveMeasurement({ db: database.db, actor: coordinator, indicatorId, input: { period: '2026-S1', value: '20' }, today: TODAY });
    const changed = await get(path, anonymous, { 'If-None-Match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.equal((changed.body as Page<unknown>).data.length, (first.body as Page<unknown>).data.length + 1);
  });

  test('bad limit, cursor, year, area, plan filter or plan id: 400 naming the parameter, never a 500', async () => {
    const cases: [string, string][] = [
      [`/api/v1/piani/${adoptedId}/obiettivi?limit=0`, 'limit'],
      [`/api/v1/piani/${adoptedId}/obiettivi?limit=1001`, 'limit'],
      [`/api/v1/piani/${adoptedId}/obiettivi?limit=dieci`, 'limit'],
      [`/api/v1/piani/${adoptedId}/obiettivi?cursor=xyz`, 'cursor'],
      [
        `/api/v1/piani/${adoptedId}/misure?cursor=${Buffer.from(JSON.stringify({ l: 'misure', k: [0, 'A', 0, 'B', '2025', 'not-a-uuid'] })).toString('base64url')}`,
        'cursor',
      ],
      [`/api/v1/piani/${adoptedId}/azioni?cursor=${Buffer.from(JSON.stringify({ l: 'obiettivi', k: [0, 'A'] })).toString('base64url')}`, 'cursor'],
      ['/api/v1/ambiti/gallarate/spesa?anno=22', 'anno'],
      ["/api/v1/ambiti/gallarate/spesa?area=MINORI';--", 'area'],
      ['/api/v1/ambiti/gallarate/bilancio?piano=123', 'piano'],
      ['/api/v1/piani/not-a-uuid', 'plan'],
      ["/api/v1/piani/1'%20or%201=1/misure", 'plan'],
    ];
    for (const [path, parameter] of cases) {
      const r = await get(path);
      assert.equal(r.status, 400, path);
      const { error } = r.body as { error: { code: string; message: string; issues: { path: string; message: string }[] } };
      assert.equal(error.code, 'validation.invalid');
      assert.equal(error.issues[0]!.path, parameter, path);
      assert.match(error.message, new RegExp(`Parametro «${parameter}» non valido`), path);
      assert.equal(r.headers.get('cache-control'), 'no-store');
    }
    assert.equal((await get('/api/v1/ambiti/nessuno/piani')).status, 404);
  });

  test('an anonymous API answer sets no cookie (shared caches may keep it), a page still gets its CSRF cookie', async () => {
    const middleware = makeRootMiddleware({ fromApiToken: async () => null, fromSession: async () => null });
    const cookiesOf = async (path: string) => {
      const context = new RouterContextProvider();
      context.set(servicesContext, { db: database.db, database, config: {} } as unknown as AppServices);
      context.set(requestContext, { requestId: 't', nonce: '', clientIp: '', https: false, actor: anonymous, locale: 'it', csrfToken: '', cookies: [] });
      const request = new Request(`http://cantiere.test${path}`);
      const next = async () =>
        path.startsWith('/api/')
          ? get(path).then((a) => new Response(JSON.stringify(a.body), { status: a.status, headers: a.headers }))
          : new Response('pagina');
      const response = (await middleware({ request, context, params: {}, unstable_pattern: '' } as never, next)) as Response;
      return response.headers.getSetCookie();
    };
    assert.deepEqual(await cookiesOf('/api/v1/ambiti/gallarate/piani'), []);
    const answer = await get('/api/v1/ambiti/gallarate/piani');
    assert.equal(answer.headers.get('cache-control'), 'public, max-age=60');
    const page = await cookiesOf('/ambiti/gallarate');
    assert.equal(page.length, 1);
    assert.match(page[0]!, /^cantiere_csrf=/);
  });
});
