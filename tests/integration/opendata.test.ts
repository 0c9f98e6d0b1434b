import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { matchRoutes, RouterContextProvider, type LoaderFunctionArgs } from 'react-router';
import { recordCutOff } from '../../app/modules/finance/finance.commands.ts';
import { saveMinutes } from '../../app/modules/governance/governance.commands.ts';
import { addSocialWorkerPost } from '../../app/modules/leps/leps.commands.ts';
import { saveMeasurement } from '../../app/modules/monitoring/monitoring.commands.ts';
import { demoSteps } from '../../app/modules/opendata/index.server.ts';
import { savePublisher } from '../../app/modules/opendata/opendata.commands.ts';
import { DATASETS } from '../../app/modules/opendata/opendata.datasets.ts';
import { opendataRoutes } from '../../app/modules/opendata/opendata.routes.ts';
import { countsPeople } from '../../app/modules/opendata/opendata.rules.ts';
import { opendataPublishers } from '../../app/modules/opendata/opendata.schema.ts';
import { ambitoView, nationalView } from '../../app/modules/opendata/opendata.views.server.ts';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { anonymous, type Actor } from '../../app/shared/auth/actor.ts';
import { loadConfig } from '../../app/shared/config.ts';
import { parseCsv } from '../../app/shared/csv.ts';
import { demoContext, runDemoSteps } from '../../app/shared/demo/load-demo.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { requestContext, servicesContext } from '../../app/shared/http/context.ts';
import { assertHarvestable, assertSameTriples, triplesFromJsonLd, triplesFromTurtle } from '../support/dcat-check.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

// The open data of the demo Ambito di Gallarate, read through the routes as a harvester and a re-user would: the
// DCAT-AP_IT catalogue (both serialisations, every required field, every distribution answering), each dataset's
// rows and sums against SQL on the records, the privacy guard, and the coordinator's publisher form.
describe(`open data of the demo (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  const BASE = 'https://cantiere.test';
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let gallarateId: string;
  let planId: string;
  let peopleIndicator: { id: string; code: string; objective: string };
  let thingIndicator: { id: string; code: string; objective: string };

  /** The rows of a query. */
  const rows = async <T>(query: ReturnType<typeof sql>) => {
    const result = await database.db.execute(query);
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
  };
  const scalar = async (query: ReturnType<typeof sql>) => Number(Object.values((await rows<Record<string, unknown>>(query))[0]!)[0] ?? 0);

  const routeTable = opendataRoutes.map((r) => ({ id: r.id ?? r.file, path: `/${r.path}`, file: r.file }));

  /** A GET through the module's route table (the route file's loader), as the app serves it; thrown answers become responses. */
  async function get(url: string, headers: Record<string, string> = {}, actor: Actor = anonymous): Promise<Response> {
    const { pathname } = new URL(url, BASE);
    const match = matchRoutes(routeTable, pathname)?.at(-1);
    assert.ok(match, `nessuna rotta per ${pathname}`);
    const route = routeTable.find((r) => r.id === match.route.id)!;
    assert.ok(route.file.endsWith('.ts'), `${pathname} è una pagina, non un file`);
    const { loader } = (await import(`../../app/${route.file}`)) as { loader: (args: LoaderFunctionArgs) => Promise<Response> };
    const context = new RouterContextProvider();
    context.set(servicesContext, { db: database.db, database, config: { ...loadConfig({}), publicUrl: BASE } });
    context.set(requestContext, { requestId: 'test', nonce: '', https: true, clientIp: '127.0.0.1', actor, locale: 'it', csrfToken: '', cookies: [] });
    try {
      return await loader({ request: new Request(new URL(url, BASE), { headers }), params: match.params, context } as unknown as LoaderFunctionArgs);
    } catch (thrown) {
      const init = (thrown as { init?: { status?: number } }).init;
      if (init?.status) return new Response(String((thrown as { data?: unknown }).data ?? ''), { status: init.status });
      throw thrown;
    }
  }
  const csvOf = async (dataset: string) => {
    const r = await get(`/dati/gallarate/${dataset}.csv`);
    assert.equal(r.status, 200, `${dataset}.csv`);
    return parseCsv(await r.text());
  };
  const jsonOf = async (dataset: string) =>
    (await (await get(`/dati/gallarate/${dataset}.json`)).json()) as { rows: Record<string, unknown>[]; columns: { name: string }[]; modified: string };
  const sum = (values: unknown[]) => Math.round(values.reduce<number>((s, v) => s + (v === null || v === '' ? 0 : Number(v)), 0) * 100);

  before(async () => {
    database = await createTestDatabase();
    gallarateId = (await seedDemo(database.db)).gallarate.id;
    await runDemoSteps(demoContext(database.db), demoSteps);
    const coordinator = actorWith('coordinator', { ambitoId: gallarateId });
    [{ id: planId }] = await rows<{ id: string }>(sql`SELECT id FROM plans WHERE ambito_id = ${gallarateId} AND status = 'adopted'`);
    // Two measured counts of the adopted plan: 3 people at the meetings (suppressed), and 2 of something else (published).
    const counts = await rows<{ id: string; code: string; objective: string; label: string }>(sql`
      SELECT i.id, i.code, o.code AS objective, i.label FROM plan_indicators i JOIN plan_objectives o ON o.id = i.objective_id
      WHERE o.plan_id = ${planId} AND i.kind = 'count' AND i.periodicity = 'semiannual' ORDER BY o.position, i.position`);
    peopleIndicator = counts.find((i) => countsPeople(i.label))!;
    thingIndicator = counts.find((i) => !countsPeople(i.label))!;
    assert.ok(peopleIndicator && thingIndicator);
    await saveMeasurement({
      db: database.db,
      actor: coordinator,
      indicatorId: peopleIndicator.id,
      input: { period: '2025-S1', value: '3' },
      today: '2025-12-01',
    });
    await saveMeasurement({
      db: database.db,
      actor: coordinator,
      indicatorId: thingIndicator.id,
      input: { period: '2025-S1', value: '2' },
      today: '2025-12-01',
    });
    // A commitment and a payment recorded for the PUA objective (no budgeted record: the plan's lines stay the funding).
    const [{ id: pua }] = await rows<{ id: string }>(sql`SELECT id FROM plan_objectives WHERE plan_id = ${planId} AND code = 'LEPS-PUA'`);
    for (const [measure, amountEuro] of [
      ['committed', '30.000'],
      ['paid', '12.500,50'],
    ] as const)
      await recordCutOff({
        db: database.db,
        actor: coordinator,
        planId,
        input: { objectiveId: pua, fund: 'FNA', year: '2025', measure, date: '2025-06-30', amountEuro },
      });
    // A social worker of the capofila from 2024.
    await addSocialWorkerPost({
      db: database.db,
      actor: coordinator,
      ambitoId: gallarateId,
      input: {
        code: 'AS-01',
        employerKind: 'ente_capofila',
        employerName: 'Comune di Gallarate',
        contract: 'tempo_indeterminato',
        fte: '1',
        validFrom: '2024-01-01',
      },
    });
    // Approved minutes of a public meeting that name a mayor: the link is published, the text and the name are not.
    const [meeting] = await rows<{ id: string; version: number }>(sql`
      SELECT m.id, m.version FROM meetings m JOIN governance_bodies b ON b.id = m.body_id
      WHERE m.ambito_id = ${gallarateId} AND b.kind = 'coprogettazione' ORDER BY m.starts_at, b.name LIMIT 1`);
    await saveMinutes({
      db: database.db,
      actor: coordinator,
      ambitoId: gallarateId,
      meetingId: meeting!.id,
      input: { version: meeting!.version, minutes: 'Presenti: Andrea Cassani, Sindaco.', minutesApprovedAt: '2024-11-05', minutesApprovedBy: 'Tavolo' },
    });
  });
  after(() => database.close());

  test('the Ambito’s catalogue: JSON-LD and Turtle give the same triples, with every field a harvester requires', async () => {
    const ttl = await get('/dati/gallarate/catalogo.ttl');
    assert.equal(ttl.status, 200);
    assert.match(ttl.headers.get('content-type')!, /^text\/turtle/);
    const jsonld = await get('/dati/gallarate/catalogo.jsonld');
    assert.equal(jsonld.headers.get('content-type'), 'application/ld+json');
    const fromTurtle = triplesFromTurtle(await ttl.text());
    assertSameTriples(fromTurtle, await triplesFromJsonLd(await jsonld.json()));
    const report = assertHarvestable(fromTurtle);
    assert.deepEqual(report.catalogues, [`${BASE}/dati/gallarate#catalogo`]);
    assert.equal(report.datasets.length, DATASETS.length);
    assert.equal(report.distributions.length, DATASETS.length * 2);
    // The publisher and the rights holder with the capofila's IPA code, exactly as declared.
    const text = await (await get('/dati/gallarate/catalogo.ttl')).text();
    assert.match(text, /dct:identifier "c_d869"/);
    assert.match(text, /frequency\/ANNUAL_2>/);
    assert.doesNotMatch(text, /UNKNOWN/);
  });

  test('every distribution URL of the catalogue answers 200 with its content type, open to every origin', async () => {
    const report = assertHarvestable(triplesFromTurtle(await (await get('/dati/catalogo.ttl')).text()));
    assert.ok(report.distributions.length >= DATASETS.length * 2);
    for (const d of report.distributions) {
      assert.ok(d.url.startsWith(`${BASE}/dati/`), d.url);
      const r = await get(d.url);
      assert.equal(r.status, 200, d.url);
      assert.equal(r.headers.get('content-type'), d.format === 'CSV' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8', d.url);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
      assert.ok(r.headers.get('etag') && r.headers.get('last-modified'), d.url);
    }
  });

  test('the combined catalogue holds only the Ambiti that publish; without settings nothing is published and the page says what is missing', async () => {
    const national = assertHarvestable(triplesFromTurtle(await (await get('/dati/catalogo.ttl')).text()));
    assert.deepEqual(national.catalogues, [`${BASE}/dati/gallarate#catalogo`]);
    assertSameTriples(
      triplesFromTurtle(await (await get('/dati/catalogo.ttl')).text()),
      await triplesFromJsonLd(await (await get('/dati/catalogo.jsonld')).json()),
    );
    for (const path of [
      '/dati/sebino/catalogo.ttl',
      '/dati/sebino/catalogo.jsonld',
      '/dati/sebino/azioni.csv',
      '/dati/gallarate/persone.csv',
      '/dati/nessuno/azioni.csv',
    ])
      assert.equal((await get(path)).status, 404, path);
    const sebino = await ambitoView(database.db, anonymous, 'sebino', BASE);
    assert.equal(sebino.published, false);
    assert.equal(sebino.catalogue, null);
    assert.deepEqual(sebino.missing, ['publisherName', 'publisherIpaCode', 'rightsHolderName', 'rightsHolderIpaCode', 'contactEmail', 'updateFrequency']);
    assert.ok(sebino.datasets.every((d) => d.csv === null && d.rows === null && d.columns.length > 0));
    assert.deepEqual(
      (await nationalView(database.db, BASE)).ambiti.map((a) => [a.code, a.publisherIpaCode]),
      [['gallarate', 'c_d869']],
    );
  });

  test('CSV and JSON carry the same rows; the CSV is UTF-8 with BOM, «;», one header row of the documented columns', async () => {
    for (const def of DATASETS) {
      const bytes = new Uint8Array(await (await get(`/dati/gallarate/${def.id}.csv`)).arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], `${def.id}: BOM UTF-8`);
      const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      assert.ok(raw.split('\r\n')[0]!.includes(';'), def.id);
      const csv = parseCsv(raw);
      assert.equal(csv.delimiter, ';');
      assert.deepEqual(
        csv.header,
        def.columns.map((c) => c.name),
      );
      const json = await jsonOf(def.id);
      assert.deepEqual(
        json.columns.map((c) => c.name),
        csv.header,
      );
      assert.equal(json.rows.length, csv.rows.length, def.id);
      assert.match(json.modified, /^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('a conditional GET with the ETag or Last-Modified gets 304 without a body; a changed record changes both', async () => {
    const first = await get('/dati/gallarate/spesa-sociale.csv');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    const byTag = await get('/dati/gallarate/spesa-sociale.csv', { 'If-None-Match': etag });
    assert.equal(byTag.status, 304);
    assert.equal(await byTag.text(), '');
    assert.equal((await get('/dati/gallarate/spesa-sociale.csv', { 'If-Modified-Since': lastModified })).status, 304);
    assert.equal((await get('/dati/gallarate/spesa-sociale.csv', { 'If-None-Match': '"altro"' })).status, 200);
    // Last-Modified is the latest change of the spending records.
    const [{ at }] = await rows<{ at: string | Date }>(sql`SELECT max(updated_at) AS at FROM spending_facts WHERE ambito_id = ${gallarateId}`);
    assert.equal(lastModified, new Date(Math.floor(new Date(at).getTime() / 1000) * 1000).toUTCString());
    assert.equal(
      (await get('/dati/gallarate/catalogo.ttl', { 'If-None-Match': (await get('/dati/gallarate/catalogo.ttl')).headers.get('etag')! })).status,
      304,
    );
    // A new measurement changes the indicators' file: the harvester's copy is no longer current.
    const before = await get('/dati/gallarate/indicatori.csv');
    await saveMeasurement({
      db: database.db,
      actor: actorWith('coordinator', { ambitoId: gallarateId }),
      indicatorId: thingIndicator.id,
      input: { period: '2025-S2', value: '4' },
      today: '2026-01-15',
    });
    const changed = await get('/dati/gallarate/indicatori.csv', { 'If-None-Match': before.headers.get('etag')! });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), before.headers.get('etag'));
    assert.ok(Date.parse(changed.headers.get('last-modified')!) >= Date.parse(before.headers.get('last-modified')!));
  });

  test('objectives, actions, indicators and the plan budget: rows and sums equal the records', async () => {
    const publicPlans = sql`SELECT id FROM plans WHERE ambito_id = ${gallarateId} AND status NOT IN ('draft', 'consultation')`;
    const objectives = await csvOf('obiettivi');
    assert.equal(objectives.rows.length, await scalar(sql`SELECT count(*) FROM plan_objectives WHERE plan_id IN (${publicPlans})`));
    assert.equal(objectives.rows.length, 16 + 24, 'the 16 objectives of 2021-2023 and the 24 of 2025-2027');

    const actions = await jsonOf('azioni');
    const actionRows = actions.rows.filter((r) => r.tipo_riga === 'azione');
    assert.equal(
      actionRows.length,
      await scalar(sql`SELECT count(*) FROM plan_actions a JOIN plan_objectives o ON o.id = a.objective_id WHERE o.plan_id IN (${publicPlans})`),
    );
    const budgetCents = await scalar(
      sql`SELECT sum(b.amount_cents) FROM plan_budget_lines b JOIN plan_objectives o ON o.id = b.objective_id WHERE o.plan_id IN (${publicPlans})`,
    );
    // The FNA commitment is a new budget key with no planned line: it adds no funding.
    assert.equal(sum(actions.rows.map((r) => r.finanz_totale)), budgetCents);
    const bySource = ['finanz_ue', 'finanz_stato', 'finanz_regione', 'finanz_comune', 'finanz_altro_pubblico', 'finanz_privato', 'finanz_non_ripartito'];
    assert.equal(sum(actions.rows.flatMap((r) => bySource.map((c) => r[c]))), budgetCents, 'the sources add up to the total');
    assert.ok(
      actions.rows.every((r) => r.cup === null && r.cf_soggetto_attuatore === null),
      'never an invented CUP or fiscal code',
    );
    assert.equal(new Set(actions.rows.map((r) => r.cod_locale_progetto)).size, actions.rows.length, 'every local code is unique');
    const pua = actions.rows.find((r) => r.tipo_riga === 'obiettivo' && r.codice_obiettivo === 'LEPS-PUA' && r.periodo === '2025-2027')!;
    assert.deepEqual([pua.impegni, pua.pagamenti, pua.data_rilevazione_finanziaria], [30000, 12500.5, '2025-06-30']);
    const [members] = await rows<{ codes: string }>(sql`
      SELECT string_agg(c.istat_code, ':::') AS codes FROM ambito_comuni ac JOIN comuni c ON c.id = ac.comune_id WHERE ac.ambito_id = ${gallarateId}`);
    assert.deepEqual(String(actionRows[0]!.cod_comune).split(':::').sort(), members!.codes.split(':::').sort());
    assert.equal(actionRows[0]!.cod_regione, '03');

    const indicators = await csvOf('indicatori');
    assert.equal(
      indicators.rows.length,
      await scalar(sql`
        SELECT sum(p.period_end_year - p.period_start_year + 1) FROM plan_indicators i
        JOIN plan_objectives o ON o.id = i.objective_id JOIN plans p ON p.id = o.plan_id WHERE p.id IN (${publicPlans})`),
    );

    const budget = await jsonOf('bilancio-piano');
    assert.equal(
      budget.rows.length,
      await scalar(sql`SELECT count(*) FROM plan_budget_lines b JOIN plan_objectives o ON o.id = b.objective_id WHERE o.plan_id IN (${publicPlans})`),
    );
    assert.equal(sum(budget.rows.map((r) => r.importo_euro)), budgetCents);
  });

  test('social spending and users: rows and sums equal the records, with the year’s coverage', async () => {
    const spending = await jsonOf('spesa-sociale');
    assert.equal(spending.rows.length, await scalar(sql`SELECT count(*) FROM spending_facts WHERE ambito_id = ${gallarateId}`));
    assert.equal(
      sum(spending.rows.map((r) => r.importo_euro)),
      await scalar(sql`SELECT sum(amount_cents) FROM spending_facts WHERE ambito_id = ${gallarateId}`),
    );
    assert.equal(sum(spending.rows.map((r) => r.importo_euro)), 19_834_861_00, 'Tabella 2.4 del Piano di Zona 2025-2027');
    assert.ok(spending.rows.every((r) => r.anno === 2022 && r.livello === 'ambito' && r.copertura_base === 'ambito' && r.copertura_completa === true));

    const users = await jsonOf('utenti-servizi');
    assert.equal(users.rows.length, await scalar(sql`SELECT count(*) FROM service_users WHERE ambito_id = ${gallarateId}`));
    const byArea = new Map(users.rows.map((r) => [r.codice_area, r]));
    for (const area of ['SALUTE_MENTALE', 'DIPENDENZE']) assert.deepEqual([byArea.get(area)!.utenti, byArea.get(area)!.utenti_soppresso], [null, true], area);
    assert.deepEqual([byArea.get('IMMIGRAZIONE')!.utenti, byArea.get('IMMIGRAZIONE')!.utenti_soppresso], [14, false]);
    assert.deepEqual(
      [byArea.get('SERVIZIO_SOCIALE_PROFESSIONALE')!.utenti, byArea.get('SERVIZIO_SOCIALE_PROFESSIONALE')!.utenti_soppresso],
      [null, false],
      'not recorded is not suppressed',
    );
    const published = users.rows.filter((r) => r.utenti !== null).reduce((s, r) => s + Number(r.utenti), 0);
    assert.equal(published, await scalar(sql`SELECT sum(users) FROM service_users WHERE ambito_id = ${gallarateId} AND users >= 5`));
  });

  test('small counts of people measured for an indicator are suppressed in every file that carries them; other counts are not', async () => {
    const indicators = await jsonOf('indicatori');
    const row = (i: typeof peopleIndicator) =>
      indicators.rows.find((r) => r.codice_indicatore === i.code && r.codice_obiettivo === i.objective && r.anno === 2025 && r.periodo === '2025-2027')!;
    const people = row(peopleIndicator);
    assert.deepEqual([people.valore, people.valore_soppresso], [null, true]);
    const thing = row(thingIndicator);
    assert.deepEqual([thing.valore_soppresso, Number(thing.valore) >= 2], [false, true]);
    const actions = await jsonOf('azioni');
    const slot = actions.rows
      .filter((r) => r.codice_obiettivo === peopleIndicator.objective && r.periodo === '2025-2027')
      .flatMap((r) =>
        [1, 2, 3, 4]
          .filter((n) => r[`indicatore_${n}_codice`] === peopleIndicator.code)
          .map((n) => [r[`indicatore_${n}_realizzato`], r[`indicatore_${n}_soppresso`]]),
      );
    assert.deepEqual(slot, [[null, true]]);
    const objectives = await jsonOf('obiettivi');
    assert.ok(
      objectives.rows.every((r) => r.ultimo_risultato_valore !== '3'),
      'the suppressed 3 is nowhere',
    );
  });

  test('social workers, participation and meetings: rows equal the records', async () => {
    const workers = await jsonOf('leps-assistenti-sociali');
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric' }).format(new Date()));
    assert.deepEqual(
      workers.rows.map((r) => r.anno),
      Array.from({ length: year - 2024 + 1 }, (_, i) => 2024 + i),
    );
    assert.ok(workers.rows.every((r) => r.etp_tempo_indeterminato === 1 && r.etp_totale === 1));

    const participation = await jsonOf('partecipazione');
    const figure = (name: string) => participation.rows.filter((r) => r.figura === name);
    assert.equal(figure('tavoli')[0]!.numero, await scalar(sql`SELECT count(*) FROM participation_tables WHERE ambito_id = ${gallarateId}`));
    assert.equal(
      figure('bisogni')[0]!.numero,
      await scalar(sql`SELECT count(*) FROM participation_needs WHERE ambito_id = ${gallarateId} AND merged_into_id IS NULL`),
    );
    assert.equal(
      figure('bisogni_per_fonte').reduce((s, r) => s + Number(r.numero), 0),
      figure('bisogni')[0]!.numero,
    );
    assert.equal(figure('incontri_svolti_per_tavolo').length, 5);

    const meetings = await jsonOf('riunioni');
    assert.equal(
      meetings.rows.length,
      await scalar(sql`
        SELECT count(*) FROM meetings m JOIN governance_bodies b ON b.id = m.body_id
        WHERE m.ambito_id = ${gallarateId} AND b.kind IN ('politico', 'consultivo', 'coprogettazione')`),
    );
    const approved = meetings.rows.filter((r) => r.verbale_approvato_il !== null);
    assert.equal(approved.length, 1);
    assert.match(String(approved[0]!.link_verbale), /^https:\/\/cantiere\.test\/portale\/gallarate\/calendario\/[0-9a-f-]{36}\/verbale\.txt$/);
    assert.equal(
      meetings.rows.reduce((s, r) => s + Number(r.punti_ordine_del_giorno), 0),
      await scalar(sql`
        SELECT count(*) FROM meeting_agenda_items a JOIN meetings m ON m.id = a.meeting_id JOIN governance_bodies b ON b.id = m.body_id
        WHERE m.ambito_id = ${gallarateId} AND b.kind IN ('politico', 'consultivo', 'coprogettazione')`),
    );
  });

  test('no dataset names a person: neither the people of the registry nor the users of Cantiere', async () => {
    const names = [...(await rows<{ name: string }>(sql`SELECT full_name AS name FROM people`)), ...(await rows<{ name: string }>(sql`SELECT name FROM users`))]
      .map((r) => r.name.toLowerCase())
      .filter((n) => n.length > 5);
    assert.ok(names.some((n) => n.includes('andrea cassani')));
    for (const def of DATASETS)
      for (const format of ['csv', 'json']) {
        const body = (await (await get(`/dati/gallarate/${def.id}.${format}`)).text()).toLowerCase();
        const found = names.filter((n) => body.includes(n));
        assert.deepEqual(found, [], `${def.id}.${format}`);
      }
  });

  test('the publisher form: the coordinator only, a wrong IPA code named and nothing changed, a stale form refused, a change versioned and audited', async () => {
    const [before] = await database.db.select().from(opendataPublishers).where(eq(opendataPublishers.ambitoId, gallarateId));
    const input = {
      version: String(before!.version),
      publisherName: 'Comune di Gallarate',
      publisherIpaCode: 'C_D869',
      rightsHolderName: 'Comune di Gallarate',
      rightsHolderIpaCode: 'c_d869',
      contactEmail: 'dati.aperti@cantiere.example',
      updateFrequency: 'ANNUAL',
    };
    for (const role of ['staff', 'comune_referent', 'mayor'] as const)
      await assert.rejects(savePublisher({ db: database.db, actor: actorWith(role, { ambitoId: gallarateId }), ambitoId: gallarateId, input }), ForbiddenError);
    const coordinator = actorWith('coordinator', { ambitoId: gallarateId });
    await assert.rejects(
      savePublisher({
        db: database.db,
        actor: coordinator,
        ambitoId: gallarateId,
        input: { ...input, rightsHolderIpaCode: 'comune di gallarate', updateFrequency: 'UNKNOWN' },
      }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        const byField = new Map(e.issues.map((i) => [i.path, i.message]));
        assert.match(byField.get('rightsHolderIpaCode')!, /^Codice IPA del titolare: codice IPA non valido/);
        assert.match(byField.get('updateFrequency')!, /^Frequenza di aggiornamento: scegli una frequenza/);
        return true;
      },
    );
    await assert.rejects(savePublisher({ db: database.db, actor: coordinator, ambitoId: gallarateId, input: { ...input, version: '0' } }), ConflictError);
    const [unchanged] = await database.db.select().from(opendataPublishers).where(eq(opendataPublishers.ambitoId, gallarateId));
    assert.deepEqual(unchanged, before);
    const saved = await savePublisher({ db: database.db, actor: coordinator, ambitoId: gallarateId, input });
    assert.deepEqual([saved.version, saved.publisherIpaCode, saved.updateFrequency], [before!.version + 1, 'c_d869', 'ANNUAL']);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'opendata.publisher.updated'), eq(auditLog.entityId, before!.id)));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.ambitoId, gallarateId);
    // The datasets without their own frequency now declare the new one.
    assert.match(await (await get('/dati/gallarate/catalogo.ttl')).text(), /frequency\/ANNUAL>/);
  });
});
