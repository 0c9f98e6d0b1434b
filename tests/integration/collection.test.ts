// Data requests to the comuni (issue 14): the coordinator of Gallarate asks the 9 comuni for the 2024 spending and
// social workers; Samarate fills by form, Cassano Magnago by file; one is sent back with a note, the others
// validated; only validated figures enter the Ambito's (finance's spending, leps's staff) with their source; bad
// files and late changes are refused with nothing written; reminders are one digest per person.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { outbox } from '../../app/shared/mail/outbox.schema.ts';
import { csvTemplate, parseRequestFile, xlsxTemplate } from '../../app/modules/collection/collection.files.ts';
import { openRequest, reviewEntry, saveEntry, sendReminders, uploadEntryFile } from '../../app/modules/collection/collection.commands.ts';
import { getEntryPage, getRequestMatrix, pendingForComune } from '../../app/modules/collection/collection.queries.ts';
import { TEMPLATE_VERSION } from '../../app/modules/collection/collection.rules.ts';
import { dataRequestEntries, dataRequestEvents } from '../../app/modules/collection/collection.schema.ts';
import { getSpendingDashboard } from '../../app/modules/finance/index.server.ts';
import { spendingFacts } from '../../app/modules/finance/finance.schema.ts';
import { socialWorkerPosts } from '../../app/modules/leps/leps.schema.ts';
import { listAmbitoComuni } from '../../app/modules/territory/territory.queries.ts';
import { saveMeasurement } from '../../app/modules/monitoring/monitoring.commands.ts';
import { measurements } from '../../app/modules/monitoring/monitoring.schema.ts';
import { listPlans } from '../../app/modules/planning/planning.queries.ts';
import { planIndicators, planObjectives } from '../../app/modules/planning/planning.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const TODAY = '2025-01-10';
const enc = (s: string) => new TextEncoder().encode(s);

describe('data requests: asked once, entered once, checked, validated, reused', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambito: { id: string; code: string; name: string };
  let comuni: Awaited<ReturnType<typeof listAmbitoComuni>>;
  let requestId: string;
  const byName = (n: string) => comuni.find((c) => c.name === n)!;
  const coordinator = () => actorWith('coordinator', { ambitoId: ambito.id });
  const referentOf = (name: string) => actorWith('comune_referent', { ambitoId: ambito.id, comuneId: byName(name).id });

  const entryOf = async (comune: string, item: string) => {
    const [matrix] = [await getRequestMatrix(database.db, await requestRow(), TODAY)];
    const id = matrix.recipients.find((r) => r.name === comune)!.entries[item as 'spesa']!;
    const [row] = await database.db.select().from(dataRequestEntries).where(eq(dataRequestEntries.id, id));
    return row!;
  };
  const requestRow = async () => {
    const { dataRequests } = await import('../../app/modules/collection/collection.schema.ts');
    const [r] = await database.db.select().from(dataRequests).where(eq(dataRequests.id, requestId));
    return r!;
  };
  const snapshot = async () => ({
    entries: (
      await database.db.select({ id: dataRequestEntries.id, v: dataRequestEntries.version, s: dataRequestEntries.state }).from(dataRequestEntries)
    ).sort((a, b) => a.id.localeCompare(b.id)),
    facts: (await database.db.select({ id: spendingFacts.id }).from(spendingFacts).where(eq(spendingFacts.year, 2024))).length,
    posts: (await database.db.select({ id: socialWorkerPosts.id }).from(socialWorkerPosts)).length,
  });

  before(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    ambito = demo.gallarate;
    comuni = await listAmbitoComuni(database.db, ambito.id, '2024-12-31');
  });
  after(() => database.close());

  test('the coordinator opens the 2024 request to the 9 comuni; each sees it pending', async () => {
    assert.equal(comuni.length, 9);
    await assert.rejects(
      openRequest({ db: database.db, actor: referentOf('Samarate'), ambitoId: ambito.id, today: TODAY, input: {} }),
      (e) => e instanceof ForbiddenError,
    );
    const r = await openRequest({
      db: database.db,
      actor: coordinator(),
      ambitoId: ambito.id,
      today: TODAY,
      input: {
        title: 'Spesa sociale e assistenti sociali 2024',
        year: '2024',
        deadline: '2025-02-28',
        items: ['spesa', 'assistenti_sociali'],
        comuni: comuni.map((c) => c.id),
      },
    });
    requestId = r.request.id;
    assert.equal(r.recipients, 9);
    const pending = await pendingForComune(database.db, ambito.id, byName('Samarate').id);
    assert.deepEqual(
      pending.map((p) => p.items.map((i) => `${i.item}:${i.state}`)),
      [['spesa:da_compilare', 'assistenti_sociali:da_compilare']],
    );
    const matrix = await getRequestMatrix(database.db, await requestRow(), TODAY);
    assert.equal(matrix.progress.validatedRecipients, 0);
    assert.equal(matrix.progress.recipients, 9);
  });

  test('Samarate fills by form: a draft, a refused sending (paid above committed, control total), then sent', async () => {
    const referent = referentOf('Samarate');
    const spesa = await entryOf('Samarate', 'spesa');
    const form = {
      version: String(spesa.version),
      'r.1.area': 'ANZIANI',
      'r.1.channel': 'COMUNI',
      'r.1.committed': '250.000,00',
      'r.1.paid': '251.000,00',
      'r.2.area': 'MINORI_FAMIGLIA',
      'r.2.channel': 'FNPS',
      'r.2.committed': '80.000',
      'r.2.paid': '',
      controlTotal: '340.000,00',
    };
    const saved = await saveEntry({ db: database.db, actor: referent, entryId: spesa.id, form });
    assert.equal(saved.state, 'bozza', 'a draft is saved with its problems');
    const before = await snapshot();
    await assert.rejects(
      saveEntry({ db: database.db, actor: referent, entryId: spesa.id, form: { ...form, version: String(spesa.version + 1), do: 'submit' } }),
      (e) => {
        assert.ok(e instanceof ValidationError);
        const paths = e.issues.map((i) => i.path);
        assert.ok(paths.includes('riga 1, liquidato'), paths.join(' | '));
        assert.ok(paths.includes('totale di controllo'), paths.join(' | '));
        return true;
      },
    );
    assert.deepEqual(await snapshot(), before, 'a refused sending writes nothing');
    const sent = await saveEntry({
      db: database.db,
      actor: referent,
      entryId: spesa.id,
      form: { ...form, version: String(spesa.version + 1), 'r.1.paid': '240.000', controlTotal: '330.000,00', do: 'submit' },
    });
    assert.equal(sent.state, 'inviato');
    const staff = await entryOf('Samarate', 'assistenti_sociali');
    await saveEntry({
      db: database.db,
      actor: referent,
      entryId: staff.id,
      form: {
        version: String(staff.version),
        do: 'submit',
        'r.1.code': 'SAM-01',
        'r.1.employerKind': 'comune',
        'r.1.employerName': 'Comune di Samarate',
        'r.1.contract': 'tempo_indeterminato',
        'r.1.fte': '1',
        'r.1.from': '2018-09-01',
        'r.2.code': 'SAM-02',
        'r.2.employerKind': 'comune',
        'r.2.employerName': 'Comune di Samarate',
        'r.2.contract': 'tempo_indeterminato',
        'r.2.fte': '0,5',
        'r.2.from': '2024-04-01',
      },
    });
    // Another comune's entry is not the referent's to fill.
    const cassano = await entryOf('Cassano Magnago', 'spesa');
    await assert.rejects(
      saveEntry({ db: database.db, actor: referent, entryId: cassano.id, form: { version: String(cassano.version) } }),
      (e) => e instanceof ForbiddenError,
    );
  });

  test('a file of another comune, of another year, of another template version is refused whole, nothing written', async () => {
    const cassano = byName('Cassano Magnago');
    const referent = referentOf('Cassano Magnago');
    const header = `modello;comune_istat;anno;area;canale;impegnato_euro;liquidato_euro`;
    const upload = (text: string) =>
      uploadEntryFile({
        db: database.db,
        actor: referent,
        requestId,
        comuneId: cassano.id,
        fileName: 'cassano.csv',
        data: enc(`\ufeff${header}\n${text}\n`),
        send: false,
      });
    const before = await snapshot();
    const cases: [string, RegExp][] = [
      [`${TEMPLATE_VERSION};012118;2024;ANZIANI;COMUNI;1000;`, /del comune 012118.*012040 \(Cassano Magnago\)/],
      [`${TEMPLATE_VERSION};012040;2023;ANZIANI;COMUNI;1000;`, /anno 2023: la raccolta chiede i dati del 2024/],
      [`cantiere-raccolta-0;012040;2024;ANZIANI;COMUNI;1000;`, /modello «cantiere-raccolta-0».*«cantiere-raccolta-1»/],
    ];
    for (const [row, message] of cases) {
      await assert.rejects(upload(row), (e) => {
        assert.ok(e instanceof ValidationError, String(e));
        assert.match(e.message, /cassano\.csv non è stato caricato.*Nessun dato è stato modificato/);
        assert.match(e.issues[0]!.path, /cassano\.csv, riga 2, colonna/);
        assert.match(e.issues[0]!.message, message);
        return true;
      });
    }
    assert.deepEqual(await snapshot(), before);
  });

  test('Cassano Magnago fills by file (the XLSX template pre-headed for it) and sends', async () => {
    const cassano = byName('Cassano Magnago');
    const referent = referentOf('Cassano Magnago');
    const page = (await getEntryPage(database.db, await requestRow(), cassano.id))!;
    const xlsx = await xlsxTemplate({
      slots: [],
      comuneIstat: cassano.istatCode,
      year: 2024,
      items: ['spesa', 'assistenti_sociali'],
      values: {},
      catalogue: page.catalogue,
    });
    assert.ok(xlsx.byteLength > 1000, 'the XLSX template is a workbook');
    const spending = csvTemplate('spesa', {
      comuneIstat: cassano.istatCode,
      year: 2024,
      items: ['spesa'],
      catalogue: page.catalogue,
      slots: [],
      values: {
        spesa: {
          rows: [
            { area: 'DISABILI', channel: 'COMUNI', committedCents: 412_345_67, paidCents: 400_000_00 },
            { area: 'ANZIANI', channel: 'UTENZA', committedCents: 35_000_00, paidCents: null },
          ],
          controlTotalCents: 447_345_67,
        },
      },
    });
    assert.match(
      spending,
      /^\ufeffmodello;comune_istat;anno;area;canale;impegnato_euro;liquidato_euro\r?\ncantiere-raccolta-1;012040;2024;DISABILI;COMUNI;412345,67;400000,00/,
    );
    const r = await uploadEntryFile({
      db: database.db,
      actor: referent,
      requestId,
      comuneId: cassano.id,
      fileName: 'spesa-cassano.csv',
      data: enc(spending),
      send: true,
    });
    assert.deepEqual(r.items, ['spesa']);
    const entry = await entryOf('Cassano Magnago', 'spesa');
    assert.equal(entry.state, 'inviato');
    assert.equal(entry.channel, 'spesa-cassano.csv');
  });

  test('a filled file with an amount or a count beyond every bound is refused naming the cell (100 bn €, 100 M persons)', async () => {
    const header = '\ufeffmodello;comune_istat;anno;area;canale;impegnato_euro;liquidato_euro\r\n';
    const expect = { comuneIstat: '012040', comuneName: 'Cassano Magnago', year: 2024, items: ['spesa', 'utenti'] as const, slots: [] };
    const tooMuch = await parseRequestFile('spesa.csv', enc(`${header}cantiere-raccolta-1;012040;2024;DISABILI;COMUNI;200.000.000.000,00;\r\n`), expect);
    assert.equal(tooMuch.issues.length, 1);
    assert.match(tooMuch.issues[0]!.path, /spesa\.csv.*riga 2.*impegnato_euro/);
    assert.match(tooMuch.issues[0]!.message, /importo troppo grande: «200\.000\.000\.000,00» \(al massimo 100 miliardi di euro\)/);
    const users = '\ufeffmodello;comune_istat;anno;area;utenti\r\ncantiere-raccolta-1;012040;2024;DISABILI;2147483648\r\n';
    const tooMany = await parseRequestFile('utenti.csv', enc(users), expect);
    assert.equal(tooMany.issues.length, 1);
    assert.match(tooMany.issues[0]!.message, /numero di utenti troppo grande: «2147483648»/);
  });

  test('the coordinator sends Samarate back with a note and validates Cassano: only validated figures enter, with their source', async () => {
    const coord = coordinator();
    const samarate = await entryOf('Samarate', 'spesa');
    await assert.rejects(
      reviewEntry({ db: database.db, actor: coord, entryId: samarate.id, input: { version: samarate.version, decision: 'return' } }),
      (e) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.issues[0]!.path, 'note');
        return true;
      },
    );
    await assert.rejects(
      reviewEntry({ db: database.db, actor: referentOf('Samarate'), entryId: samarate.id, input: { version: samarate.version, decision: 'validate' } }),
      (e) => e instanceof ForbiddenError,
      'a referent never validates',
    );
    await reviewEntry({
      db: database.db,
      actor: coord,
      entryId: samarate.id,
      input: { version: samarate.version, decision: 'return', note: 'Riga 2: il FNPS 2024 del comune è 78.500 €, controlla la determina.' },
    });
    const returned = await entryOf('Samarate', 'spesa');
    assert.equal(returned.state, 'restituito');
    assert.match(returned.returnNote!, /78\.500/);

    const cassano = await entryOf('Cassano Magnago', 'spesa');
    await reviewEntry({ db: database.db, actor: coord, entryId: cassano.id, input: { version: cassano.version, decision: 'validate' } });
    const facts = await database.db
      .select()
      .from(spendingFacts)
      .where(and(eq(spendingFacts.comuneId, byName('Cassano Magnago').id), eq(spendingFacts.year, 2024)));
    assert.equal(facts.length, 2);
    assert.equal(
      facts.reduce((s, f) => s + f.amountCents, 0),
      447_345_67,
    );
    assert.match(
      facts[0]!.source,
      /^Raccolta «Spesa sociale e assistenti sociali 2024» \(dati 2024\): inviati dal comune di Cassano Magnago il .*, validati dall’Ufficio di Piano il /,
    );
    assert.doesNotMatch(facts[0]!.source, /Galli|Ferri|coordinator/, 'no person named in a source that public pages may show');
    const samarateFacts = await database.db
      .select()
      .from(spendingFacts)
      .where(and(eq(spendingFacts.comuneId, byName('Samarate').id), eq(spendingFacts.year, 2024)));
    assert.equal(samarateFacts.length, 0, 'a sent-back entry enters nothing');

    // Samarate's staff (sent) validated: its two people enter leps with the request as source.
    const staff = await entryOf('Samarate', 'assistenti_sociali');
    await reviewEntry({ db: database.db, actor: coord, entryId: staff.id, input: { version: staff.version, decision: 'validate' } });
    const posts = await database.db.select().from(socialWorkerPosts).where(like(socialWorkerPosts.source, 'Raccolta «Spesa sociale%'));
    assert.deepEqual(posts.map((p) => [p.code, p.fte, p.comuneId === byName('Samarate').id]).sort(), [
      ['SAM-01', 1, true],
      ['SAM-02', 0.5, true],
    ]);
    const trail = await database.db.select().from(dataRequestEvents).where(eq(dataRequestEvents.entryId, samarate.id));
    assert.deepEqual(
      trail.map((e) => `${e.fromState}→${e.toState}`),
      ['da_compilare→bozza', 'bozza→inviato', 'inviato→restituito'],
    );
  });

  test('the Ambito’s 2024 spending is a partial sum of comuni, and says so', async () => {
    const d = await getSpendingDashboard(database.db, { id: ambito.id, code: ambito.code, name: ambito.name }, { year: 2024, ente: null, showPartial: false });
    const cov = d.coverage!;
    assert.equal(cov.basis, 'comuni');
    assert.equal(cov.withData.length, 1);
    assert.equal(cov.members.length, 9);
    assert.equal(cov.complete, false);
  });

  test('a submission after validation is refused, nothing written', async () => {
    const cassano = await entryOf('Cassano Magnago', 'spesa');
    const before = await snapshot();
    await assert.rejects(
      saveEntry({ db: database.db, actor: referentOf('Cassano Magnago'), entryId: cassano.id, form: { version: String(cassano.version), do: 'submit' } }),
      (e) => e instanceof ValidationError && /già stata validata/.test(e.message),
    );
    const header = `modello;comune_istat;anno;area;canale;impegnato_euro;liquidato_euro`;
    await assert.rejects(
      uploadEntryFile({
        db: database.db,
        actor: referentOf('Cassano Magnago'),
        requestId,
        comuneId: byName('Cassano Magnago').id,
        fileName: 'di-nuovo.csv',
        data: enc(`${header}\n${TEMPLATE_VERSION};012040;2024;ANZIANI;COMUNI;1;\n`),
        send: true,
      }),
      (e) => e instanceof ValidationError && /già stata validata/.test(e.issues[0]!.message),
    );
    assert.deepEqual(await snapshot(), before);
  });

  test('reminders: one digest per person listing every pending item, not one mail per item, once a day', async () => {
    const coord = coordinator();
    const first = await sendReminders({ db: database.db, actor: coord, ambitoId: ambito.id, today: TODAY, baseUrl: 'https://cantiere.example' });
    const mails = await database.db.select().from(outbox).where(like(outbox.topic, 'collection-digest:%'));
    // The demo has referents for Samarate and Cassano Magnago: Samarate has its spending sent back; Cassano its staff pending.
    assert.equal(first.written, mails.length);
    assert.equal(new Set(mails.map((m) => m.toAddress)).size, mails.length, 'one message per person');
    const samarate = mails.find((m) => m.toAddress === 'referente.samarate@cantiere.example')!;
    assert.match(samarate.body, /Spesa sociale per area e canale, restituito con note/);
    assert.match(samarate.body, /\/ambiti\/gallarate\/comuni\/012118\/da-fare/);
    const again = await sendReminders({ db: database.db, actor: coord, ambitoId: ambito.id, today: TODAY, baseUrl: 'https://cantiere.example' });
    assert.equal(again.written, 0);
    assert.equal(again.skipped, first.written);
  });
  test('a value far from the previous years keeps the draft and asks a reason; with the reason it is sent', async () => {
    // Cassano Magnago's 2024 spending on disability (412.345,67 €) is now validated: 2025 compares with it.
    const cassano = byName('Cassano Magnago');
    const referent = referentOf('Cassano Magnago');
    const { request } = await openRequest({
      db: database.db,
      actor: coordinator(),
      ambitoId: ambito.id,
      today: TODAY,
      input: { title: 'Spesa sociale 2025', year: '2025', deadline: '2026-02-28', items: ['spesa'], comuni: [cassano.id] },
    });
    const page = (await getEntryPage(database.db, request, cassano.id))!;
    const entry = page.entries[0]!;
    const form = { do: 'submit', 'r.1.area': 'DISABILI', 'r.1.channel': 'COMUNI', 'r.1.committed': '900.000' };
    const first = await saveEntry({ db: database.db, actor: referent, entryId: entry.id, form: { ...form, version: String(entry.version) } });
    assert.equal(first.state, 'bozza', 'not sent: the warning needs a reason');
    assert.equal(first.pendingReasons, 1);
    const warning = first.issues[0]!;
    assert.equal(warning.id, 'spesa.range.DISABILI');
    assert.equal(warning.params.max, 412_345_67);
    const sent = await saveEntry({
      db: database.db,
      actor: referent,
      entryId: entry.id,
      form: { ...form, version: String(entry.version + 1), 'reason.spesa.range.DISABILI': 'Nuovo centro diurno disabili aperto a gennaio 2025' },
    });
    assert.equal(sent.state, 'inviato');
    const [row] = await database.db.select().from(dataRequestEntries).where(eq(dataRequestEntries.id, entry.id));
    assert.deepEqual(row!.reasons, { 'spesa.range.DISABILI': 'Nuovo centro diurno disabili aperto a gennaio 2025' });
  });
});

describe('data requests: the values of the indicators measured per comune', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambito: { id: string; code: string; name: string };
  let samarate: { id: string };
  let indicatorId: string;

  before(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    ambito = demo.gallarate;
    const comuni = await listAmbitoComuni(database.db, ambito.id, '2026-12-31');
    samarate = comuni.find((c) => c.istatCode === '012118')!;
    const gallarate = comuni.find((c) => c.name === 'Gallarate')!;
    const plan = (await listPlans(database.db, ambito.id)).find((p) => p.periodStartYear === 2025)!;
    // Objective D, indicator 1.3 (persons taken in charge by SAD-SADH), semiannual: the Ufficio di Piano measures it
    // per comune once it records a comune's value.
    const [row] = await database.db
      .select({ id: planIndicators.id })
      .from(planIndicators)
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .where(and(eq(planObjectives.planId, plan.id), eq(planObjectives.code, 'D'), eq(planIndicators.code, '1.3')));
    indicatorId = row!.id;
    await saveMeasurement({
      db: database.db,
      actor: actorWith('staff', { ambitoId: ambito.id }),
      indicatorId,
      input: { period: '2026-S1', comuneId: gallarate.id, value: '12' },
      today: '2026-12-04',
    });
  });
  after(() => database.close());

  test('asked, entered with a wrong value refused, validated into monitoring with its source', async () => {
    const coordinator = actorWith('coordinator', { ambitoId: ambito.id });
    const referent = actorWith('comune_referent', { ambitoId: ambito.id, comuneId: samarate.id });
    const { request } = await openRequest({
      db: database.db,
      actor: coordinator,
      ambitoId: ambito.id,
      today: '2026-12-04',
      input: { title: 'Indicatori per comune 2026', year: '2026', deadline: '2027-01-31', items: ['indicatori'], comuni: [samarate.id] },
    });
    const page = (await getEntryPage(database.db, request, samarate.id))!;
    const slots = page.slots.filter((s) => s.indicatorId === indicatorId);
    assert.deepEqual(
      slots.map((s) => s.period),
      ['2026-S1', '2026-S2'],
    );
    const entry = page.entries[0]!;
    const form = (value: string, version: number) => ({
      version: String(version),
      do: 'submit',
      'r.1.indicatorId': indicatorId,
      'r.1.period': '2026-S1',
      'r.1.value': value,
      'r.2.indicatorId': indicatorId,
      'r.2.period': '2026-S2',
      'r.2.value': '',
    });
    await assert.rejects(saveEntry({ db: database.db, actor: referent, entryId: entry.id, form: form('sette', entry.version) }), (e) => {
      assert.ok(e instanceof ValidationError);
      assert.match(e.issues[0]!.path, /^D · 1\.3, 2026-S1$/);
      return true;
    });
    await saveEntry({ db: database.db, actor: referent, entryId: entry.id, form: form('7', entry.version) });
    const [sent] = await database.db.select().from(dataRequestEntries).where(eq(dataRequestEntries.id, entry.id));
    assert.equal(sent!.state, 'inviato');
    await reviewEntry({ db: database.db, actor: coordinator, entryId: entry.id, input: { version: sent!.version, decision: 'validate' } });
    const [value] = await database.db
      .select()
      .from(measurements)
      .where(and(eq(measurements.indicatorId, indicatorId), eq(measurements.comuneId, samarate.id), eq(measurements.period, '2026-S1')));
    assert.equal(value!.valueNumber, 7);
    assert.match(value!.note!, /^Raccolta «Indicatori per comune 2026» \(dati 2026\)/);
  });
});
