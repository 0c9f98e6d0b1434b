import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, like } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import {
  createService,
  deactivateService,
  importServices,
  loadNomenclature,
  recordServiceYear,
  updateService,
} from '../../app/modules/services/services.commands.ts';
import { listAmbitoServices } from '../../app/modules/services/services.public.queries.ts';
import { listPublicServices } from '../../app/modules/services/services.portal.queries.ts';
import { getService, listNomenclature } from '../../app/modules/services/services.queries.ts';
import { services, serviceTypes, serviceYearFunds, serviceYears } from '../../app/modules/services/services.schema.ts';
import { getCataloguePage } from '../../app/modules/services/services.views.server.ts';
import { demoContext, runDemoSteps } from '../../app/shared/demo/load-demo.ts';
import { demoSteps } from '../../app/modules/services/index.server.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const NOMENCLATURE = read('fixtures/catalogues/nomenclatore-servizi.json');
const GALLARATE_CSV = read('fixtures/demo/gallarate/servizi/servizi-gallarate.csv');
const HEADER = 'codice;nome;codice_nomenclatore;area;destinatari;gestione;ente_erogatore;comune;leps;anno;utenti;spesa_euro;fondi';

describe('services catalogue: nomenclature, Gallarate import, refusals, versions, policy', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let gallarateId: string;
  let samarateId: string;
  const admin = actorWith('admin');
  let staff: ReturnType<typeof actorWith>;
  let referent: ReturnType<typeof actorWith>;
  const counts = async () => {
    const db = database.db;
    const [[s], [y], [f], [a]] = await Promise.all([
      db.select({ n: count() }).from(services),
      db.select({ n: count() }).from(serviceYears),
      db.select({ n: count() }).from(serviceYearFunds),
      db.select({ n: count() }).from(auditLog).where(like(auditLog.action, 'services.%')),
    ]);
    return { services: s!.n, years: y!.n, funds: f!.n, audit: a!.n };
  };

  before(async () => {
    database = await createTestDatabase();
    const seeded = await seedDemo(database.db);
    gallarateId = seeded.gallarate.id;
    samarateId = seeded.samarate.id;
    staff = actorWith('staff', { ambitoId: gallarateId });
    referent = actorWith('comune_referent', { ambitoId: gallarateId, comuneId: samarateId });
    // The demo may already hold the catalogue (once the services demo step is registered): start from an empty one.
    await database.db.delete(services);
  });
  after(() => database.close());

  test('the nomenclature loads once (administrator only), and loading it again changes nothing', async () => {
    await assert.rejects(loadNomenclature({ db: database.db, actor: staff, fileName: 'nomenclatore-servizi.json', text: NOMENCLATURE }), ForbiddenError);
    const first = await loadNomenclature({ db: database.db, actor: admin, fileName: 'nomenclatore-servizi.json', text: NOMENCLATURE });
    const rows = await listNomenclature(database.db);
    assert.equal(rows.length, first.entries);
    assert.equal(rows.find((r) => r.code === 'C1')!.fnpsGoal, 'assistenza_domiciliare');
    const again = await loadNomenclature({ db: database.db, actor: admin, fileName: 'nomenclatore-servizi.json', text: NOMENCLATURE });
    assert.deepEqual([again.added, again.updated], [0, 0]);
    const [entry] = await database.db.select().from(serviceTypes).where(eq(serviceTypes.code, 'A1'));
    assert.equal(entry!.version, 1);
  });

  test('a broken nomenclature file writes nothing', async () => {
    const broken = NOMENCLATURE.replace('"fnpsGoal": "accesso"', '"fnpsGoal": "sanità"');
    const before = await database.db.select({ n: count() }).from(serviceTypes);
    await assert.rejects(loadNomenclature({ db: database.db, actor: admin, fileName: 'n.json', text: broken }), ValidationError);
    assert.deepEqual(await database.db.select({ n: count() }).from(serviceTypes), before);
  });

  test('the Gallarate catalogue imports: 15 services as the plan describes them, the 2022 professional social service', async () => {
    const summary = await importServices({ db: database.db, actor: staff, ambitoId: gallarateId, fileName: 'servizi-gallarate.csv', text: GALLARATE_CSV });
    assert.deepEqual(summary, { file: 'servizi-gallarate.csv', created: 15, updated: 0, years: 1, replacedYears: 0 });
    const list = await listAmbitoServices(database.db, gallarateId);
    assert.equal(list.length, 15);
    const ssp = list.find((s) => s.code === 'SSP')!;
    assert.equal(ssp.typeName, 'Servizio sociale professionale');
    assert.deepEqual(ssp.years, [
      {
        year: 2022,
        users: null,
        spendCents: 166_399_800,
        source: ssp.years[0]!.source,
        funds: [{ fundCode: 'COMUNI', amountCents: 166_399_800, users: null }],
      },
    ]);
    const transport = list.find((s) => s.code === 'TRASPORTO')!;
    assert.equal(transport.management, 'singolo_comune');
    assert.equal(transport.comuneName, 'Gallarate');
    assert.equal(transport.providerName, 'Auser Gallarate');

    const page = await getCataloguePage(database.db, gallarateId, { area: null, management: null, macro: null });
    assert.equal(page.summary.active, 15);
    assert.equal(page.summary.latestYear, 2022);
    assert.deepEqual(page.summary.spend, { value: 166_399_800, counted: 1, of: 15 });
    assert.equal(page.summary.byManagement.singolo_comune, 1);
    assert.ok(page.chartSvg?.startsWith('<svg'));
    const filtered = await getCataloguePage(database.db, gallarateId, { area: 'MINORI_FAMIGLIA', management: null, macro: null });
    assert.deepEqual(filtered.rows.map((r) => r.code).sort(), ['ANTIVIOLENZA', 'PIPPI', 'TITOLI-FAMIGLIE', 'TUTELA']);

    // Importing the same file again updates the services and replaces the year: no duplicates.
    const again = await importServices({ db: database.db, actor: staff, ambitoId: gallarateId, fileName: 'servizi-gallarate.csv', text: GALLARATE_CSV });
    assert.deepEqual([again.created, again.updated, again.replacedYears], [0, 15, 1]);
    assert.equal((await listAmbitoServices(database.db, gallarateId)).length, 15);
  });

  test('a refused import names file, row and column, and writes nothing (services, years, funds, audit)', async () => {
    const before = await counts();
    const text = [
      HEADER,
      'NEW-1;Nuovo;C1;ANZIANI;Anziani;associata_ambito;Ambito;;;2024;10;1.000,00;FNPS=600',
      'NEW-2;Nuovo due;Z9;ANZIANI;Anziani;associata_ambito;Ambito;;;;;;',
      'SSP;Servizio sociale professionale dei Comuni;A2;SERVIZIO_SOCIALE_PROFESSIONALE;Tutti;singolo_comune;Comuni;;;2023;;500,00;COMUNI=700,00',
    ].join('\n');
    await assert.rejects(importServices({ db: database.db, actor: staff, ambitoId: gallarateId, fileName: 'servizi.csv', text }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      const paths = error.issues.map((i) => i.path);
      assert.ok(paths.includes('servizi.csv, riga 3, colonna codice_nomenclatore'), paths.join(' | '));
      assert.ok(paths.includes('servizi.csv, riga 4, colonna comune'));
      assert.ok(paths.includes('servizi.csv, riga 4, colonna fondi'));
      assert.match(error.message, /nessun dato è stato scritto/);
      return true;
    });
    assert.deepEqual(await counts(), before);
  });

  test('create, record a year with its funds, edit from a stale version (conflict), deactivate', async () => {
    const created = await createService({
      db: database.db,
      actor: staff,
      ambitoId: gallarateId,
      input: {
        code: 'ADM-TEST',
        name: 'Assistenza domiciliare minori',
        typeCode: 'c3',
        areaCode: 'MINORI_FAMIGLIA',
        targetGroup: 'Minori e famiglie',
        management: 'affidamento_terzo_settore',
        providerName: 'Cooperativa di prova',
        lepsCodes: ['LEPS_PREVENZIONE_ALLONTANAMENTO'],
      },
    });
    assert.equal(created.typeCode, 'C3');
    await assert.rejects(
      createService({ db: database.db, actor: staff, ambitoId: gallarateId, input: { ...created, code: 'SSP', comuneId: '', lepsCodes: [] } }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'code',
    );
    // A single comune without its comune, an unknown LEPS: refused by field, nothing written.
    const before = await counts();
    await assert.rejects(
      createService({
        db: database.db,
        actor: staff,
        ambitoId: gallarateId,
        input: { ...created, code: 'X', management: 'singolo_comune', comuneId: '', lepsCodes: ['LEPS_NULLA'] },
      }),
      (e: unknown) => e instanceof ValidationError && e.issues.map((i) => i.path).join() === 'comuneId,lepsCodes',
    );
    assert.deepEqual(await counts(), before);

    await recordServiceYear({
      db: database.db,
      actor: staff,
      ambitoId: gallarateId,
      serviceId: created.id,
      input: { year: '2024', users: '14', spend: '20.000,00', fund_1: 'FNPS', amount_1: '12.000,00', fundUsers_1: '9', fund_2: 'COMUNI', amount_2: '8.000' },
    });
    // Funding above the spending is refused.
    await assert.rejects(
      recordServiceYear({
        db: database.db,
        actor: staff,
        ambitoId: gallarateId,
        serviceId: created.id,
        input: { year: '2025', spend: '1.000,00', fund_1: 'FNPS', amount_1: '1.000,01' },
      }),
      (e: unknown) => e instanceof ValidationError && /supera la spesa/.test(e.issues[0]!.message),
    );
    const detail = (await getService(database.db, gallarateId, 'ADM-TEST'))!;
    assert.deepEqual(
      detail.years.map((y) => [y.year, y.users, y.spendCents, y.funds.map((f) => [f.fundCode, f.amountCents, f.users])]),
      [
        [
          2024,
          14,
          2_000_000,
          [
            ['COMUNI', 800_000, null],
            ['FNPS', 1_200_000, 9],
          ],
        ],
      ],
    );
    // The year recorded again without its version is refused; with it, it replaces the funds.
    await assert.rejects(
      recordServiceYear({ db: database.db, actor: staff, ambitoId: gallarateId, serviceId: created.id, input: { year: '2024', spend: '1' } }),
      ValidationError,
    );
    await recordServiceYear({
      db: database.db,
      actor: staff,
      ambitoId: gallarateId,
      serviceId: created.id,
      input: { year: '2024', users: '15', spend: '20.000,00', fund_1: 'FNA', amount_1: '5.000', version: String(detail.years[0]!.version) },
    });
    const changed = (await getService(database.db, gallarateId, 'ADM-TEST'))!;
    assert.deepEqual(
      changed.years[0]!.funds.map((f) => f.fundCode),
      ['FNA'],
    );

    const input = { ...created, comuneId: '', providerCode: '', accessPoint: 'Sede dell’Ufficio di Piano', version: String(created.version) };
    const saved = await updateService({ db: database.db, actor: staff, ambitoId: gallarateId, serviceId: created.id, input });
    assert.equal(saved.version, created.version + 1);
    await assert.rejects(
      updateService({ db: database.db, actor: staff, ambitoId: gallarateId, serviceId: created.id, input: { ...input, name: 'Altro nome' } }),
      ConflictError,
    );
    assert.equal((await getService(database.db, gallarateId, 'ADM-TEST'))!.service.name, 'Assistenza domiciliare minori');

    await deactivateService({ db: database.db, actor: staff, ambitoId: gallarateId, serviceId: created.id, input: { version: String(saved.version) } });
    const publicAreas = await listPublicServices(database.db, gallarateId);
    assert.ok(!publicAreas.flatMap((a) => a.services).some((s) => s.code === 'ADM-TEST'));
    assert.ok(publicAreas.flatMap((a) => a.services).some((s) => s.code === 'SSP'));
    const audit = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'service'), eq(auditLog.entityId, created.id)));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['services.service.created', 'services.service.deactivated', 'services.service.updated']);
  });

  test('a comune referent reads the catalogue but cannot write it; nothing is written', async () => {
    const before = await counts();
    const [service] = await database.db
      .select()
      .from(services)
      .where(and(eq(services.ambitoId, gallarateId), eq(services.code, 'SSP')));
    await assert.rejects(createService({ db: database.db, actor: referent, ambitoId: gallarateId, input: { code: 'R1' } }), ForbiddenError);
    await assert.rejects(
      updateService({ db: database.db, actor: referent, ambitoId: gallarateId, serviceId: service!.id, input: { version: String(service!.version) } }),
      ForbiddenError,
    );
    await assert.rejects(
      recordServiceYear({ db: database.db, actor: referent, ambitoId: gallarateId, serviceId: service!.id, input: { year: '2024' } }),
      ForbiddenError,
    );
    await assert.rejects(importServices({ db: database.db, actor: referent, ambitoId: gallarateId, fileName: 'g.csv', text: GALLARATE_CSV }), ForbiddenError);
    assert.deepEqual(await counts(), before);
  });

  test('the demo step loads the Gallarate catalogue through the importer, once', async () => {
    await database.db.delete(services).where(eq(services.ambitoId, gallarateId));
    await runDemoSteps(demoContext(database.db), demoSteps);
    await runDemoSteps(demoContext(database.db), demoSteps);
    const list = await listAmbitoServices(database.db, gallarateId);
    assert.equal(list.length, 15);
    assert.ok(list.every((s) => s.typeName !== null));
  });
});
