// Issue 15: the spending import runs as a background job. Queued through the function the page's action calls
// (queueSpendingImport), run by the queue (runJobQueue), with its progress, its result or its problems, and a cancel
// that writes nothing; the files are read as streams, within the limits of rows and of unzipped size.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import { and, eq, gte } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { IMPORT_LIMITS } from '../../app/shared/imports/limits.ts';
import { getJob, registerJobHandlers, requestCancel, runJobQueue, type JobHandler } from '../../app/shared/jobs/jobs.server.ts';
import { setRequestLocale, withRequestId } from '../../app/shared/log.ts';
import { getCatalogue } from '../../app/modules/finance/catalogue.queries.ts';
import {
  getSpendingImportJob,
  listSpendingImportJobs,
  queueSpendingImport,
  SPENDING_IMPORT_JOB,
  spendingImportJobs,
  type UploadedFile,
} from '../../app/modules/finance/finance.jobs.ts';
import { serviceUsers, spendingFacts } from '../../app/modules/finance/finance.schema.ts';
import { writeSpendingWorkbook } from '../../app/modules/finance/spending-xlsx.ts';
import { listAmbitoComuni } from '../../app/modules/territory/index.server.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const HEADER = 'anno;ente;area;canale;importo_euro;natura;note';
const SAMARATE = '012118';
const NATURES = ['', 'servizi', 'contributi', 'strutture'];

const csv = (name: string, text: string, field: UploadedFile['field'] = 'spesa'): UploadedFile => ({
  field,
  fileName: name,
  data: new TextEncoder().encode(text),
});

/** A ZIP archive written by hand, whose entries may declare sizes they do not have (a zip bomb does). */
function zip(entries: { name: string; data: Buffer; declared: number }[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc32(e.data), 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(e.declared, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

describe('the spending import as a background job', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>['db'];
  let ambito: { id: string; code: string; name: string; regionCode: string };
  let samarateId: string;
  let enti: string[];
  let areas: string[];
  let channels: string[];
  const coordinator = () => actorWith('coordinator', { ambitoId: ambito.id });
  const run = () => runJobQueue(db, database.kind);
  const factsFrom = async (year: number) =>
    db
      .select()
      .from(spendingFacts)
      .where(and(eq(spendingFacts.ambitoId, ambito.id), gte(spendingFacts.year, year)));
  const auditCount = async () => (await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'finance.spending.imported'))).length;

  /** `rows` valid spending rows from `year` on: every ente × area × channel × nature, in that order. */
  function spendingRows(rows: number, year: number): string[] {
    const lines: string[] = [];
    for (let y = year; lines.length < rows; y++)
      for (const ente of enti)
        for (const area of areas)
          for (const channel of channels)
            for (const nature of NATURES) {
              if (lines.length === rows) return lines;
              lines.push(`${y};${ente};${area};${channel};${((lines.length * 7919) % 100_000) / 100};${nature};`.replace('.', ','));
            }
    return lines;
  }

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    const seeded = await seedDemo(db);
    ambito = seeded.gallarate;
    samarateId = seeded.samarate.id;
    registerJobHandlers(spendingImportJobs);
    enti = ['ambito', ...(await listAmbitoComuni(db, ambito.id)).map((c) => c.istatCode)];
    const catalogue = await getCatalogue(db);
    areas = catalogue.areas.map((a) => a.code);
    channels = catalogue.fundingSources.map((s) => s.code);
  });
  after(() => database.close());

  test('queued as the page does, run by the queue: every row stored, the summary as result, progress at the end, audited once', async () => {
    const notes = ['"virgolette ""doppie"", {graffe}, barra \\ e punto e virgola;"', 'NULL', 'perché è così', ''];
    const rows = spendingRows(5_000, 2040).map((line, i) => (i < notes.length ? line + notes[i] : line));
    const users = ['anno;ente;area;utenti', `2040;ambito;${areas[0]};120`, `2040;${SAMARATE};${areas[1]};`];
    const auditBefore = await auditCount();
    const id = await queueSpendingImport({
      db,
      actor: coordinator(),
      ambito,
      files: [csv('spesa-2040.csv', [HEADER, ...rows].join('\r\n')), csv('utenti-2040.csv', users.join('\n'), 'utenti')],
    });
    const queued = (await getJob(db, id))!;
    assert.equal(queued.status, 'queued');
    assert.equal(queued.kind, SPENDING_IMPORT_JOB);
    assert.equal(queued.ambitoId, ambito.id);
    assert.deepEqual(
      (queued.payload as { files: unknown[] }).files.map((f) => (f as { fileName: string }).fileName),
      ['spesa-2040.csv', 'utenti-2040.csv'],
    );

    assert.equal(await run(), 1);
    const job = (await getJob(db, id))!;
    assert.equal(job.status, 'done', job.error ?? '');
    assert.deepEqual(job.result, {
      files: ['spesa-2040.csv', 'utenti-2040.csv'],
      years: [2040],
      enti: [...new Set([...rows, ...users.slice(1)].map((line) => line.split(';')[1]!))].sort(),
      spendingRows: 5_000,
      usersRows: 2,
      controlTotalsChecked: 0,
      replacedSpendingRows: 0,
      replacedUsersRows: 0,
    });
    assert.equal(job.percent, 100);
    assert.equal(job.done, job.total);
    assert.equal(job.step, 'finance.job.step.write');
    assert.equal(job.issues, null);

    const stored = await factsFrom(2040);
    assert.equal(stored.length, 5_000);
    const expected = rows.reduce((s, line) => s + Math.round(Number(line.split(';')[4]!.replace(',', '.')) * 100), 0);
    assert.equal(
      stored.reduce((s, f) => s + f.amountCents, 0),
      expected,
    );
    // Text goes through the bulk insert as it was written: quotes, braces, backslashes, the word NULL, accents.
    const noteOf = (line: string) =>
      stored.find(
        (f) =>
          [f.year, f.areaCode, f.channelCode, f.nature ?? ''].join(';') ===
            [line.split(';')[0], line.split(';')[2], line.split(';')[3], line.split(';')[5]].join(';') && f.comuneId === null,
      )!.note;
    assert.equal(noteOf(rows[0]!), 'virgolette "doppie", {graffe}, barra \\ e punto e virgola;');
    assert.equal(noteOf(rows[1]!), 'NULL');
    assert.equal(noteOf(rows[2]!), 'perché è così');
    assert.equal(noteOf(rows[3]!), null);
    assert.deepEqual([...new Set(stored.map((f) => f.nature))].sort(), ['contributi', 'servizi', 'strutture', null].sort());
    assert.ok(stored.every((f) => f.source === 'spesa-2040.csv'));
    const usersRows = await db
      .select()
      .from(serviceUsers)
      .where(and(eq(serviceUsers.ambitoId, ambito.id), eq(serviceUsers.year, 2040)));
    assert.deepEqual(usersRows.map((u) => [u.comuneId, u.users, u.published]).sort(), [
      [null, 120, {}],
      [samarateId, null, {}],
    ]);
    assert.equal(await auditCount(), auditBefore + 1);

    // The page shows it to the Ufficio di Piano; a comune referent sees only their own imports.
    assert.equal((await getSpendingImportJob(db, coordinator(), ambito, id))?.id, id);
    assert.ok((await listSpendingImportJobs(db, coordinator(), ambito)).some((j) => j.id === id));
    const referent = actorWith('comune_referent', { ambitoId: ambito.id, comuneId: samarateId });
    assert.equal(await getSpendingImportJob(db, referent, ambito, id), null);
    assert.equal(await getSpendingImportJob(db, coordinator(), { ...ambito, id: samarateId }, id), null, 'another Ambito: not found');
    assert.equal(await getSpendingImportJob(db, coordinator(), ambito, 'not-a-uuid'), null);
  });

  test('re-importing a year and ente replaces its rows (deleted in batches) in the same transaction', async () => {
    // The 1.200 rows are all the Ambito's own of 2040, which held 9 areas × 38 channels × 4 natures = 1.368 rows.
    const perEnte = areas.length * channels.length * NATURES.length;
    const rows = spendingRows(1_200, 2040);
    const id = await queueSpendingImport({ db, actor: coordinator(), ambito, files: [csv('spesa-2040-bis.csv', [HEADER, ...rows].join('\n'))] });
    await run();
    const job = (await getJob(db, id))!;
    assert.equal(job.status, 'done', job.error ?? '');
    assert.equal((job.result as { replacedSpendingRows: number }).replacedSpendingRows, perEnte);
    assert.equal((await factsFrom(2040)).length, 5_000 - perEnte + 1_200);
    assert.equal(
      (
        await db
          .select()
          .from(serviceUsers)
          .where(and(eq(serviceUsers.ambitoId, ambito.id), eq(serviceUsers.year, 2040)))
      ).length,
      2,
      'no users file: the users stay',
    );
  });

  test('a bad file: the job fails with every problem by file, row and column, and nothing is written', async () => {
    const before = (await factsFrom(2050)).length;
    const auditBefore = await auditCount();
    const text = [
      HEADER,
      '2050;ambito;ANZIANI;COMUNI;100;;',
      '2050;ambito;DISABILI;COMUNI;centomila;;',
      '2050;ambito;ANZIANI;FNPS;1;;',
      '20X0;ambito;ANZIANI;FSR;1;;',
    ].join('\n');
    const id = await queueSpendingImport({ db, actor: coordinator(), ambito, files: [csv('spesa-2050.csv', text)] });
    await run();
    const job = (await getJob(db, id))!;
    assert.equal(job.status, 'failed');
    assert.deepEqual(
      job.issues!.map((i) => i.path),
      ['spesa-2050.csv, riga 3, colonna importo_euro', 'spesa-2050.csv, riga 5, colonna anno'],
    );
    assert.equal(job.error, 'Il file spesa-2050.csv non è stato importato: ci sono 2 errori. Nessun dato è stato modificato.');
    assert.equal((await factsFrom(2050)).length, before);
    assert.equal(await auditCount(), auditBefore);
  });

  test('the job checks again who may write each ente: a comune referent’s file with the Ambito’s rows fails, named by row', async () => {
    const referent = actorWith('comune_referent', { ambitoId: ambito.id, comuneId: samarateId });
    const text = [HEADER, `2050;${SAMARATE};ANZIANI;COMUNI;50.000;;`, '2050;ambito;ANZIANI;FNPS;1.000;;'].join('\n');
    const id = await queueSpendingImport({ db, actor: referent, ambito, files: [csv('samarate-2050.csv', text)] });
    await run();
    const job = (await getJob(db, id))!;
    assert.equal(job.status, 'failed');
    assert.deepEqual(
      job.issues!.map((i) => i.path),
      ['samarate-2050.csv, riga 3, colonna ente'],
    );
    assert.equal((await factsFrom(2050)).length, 0);
    // The referent sees their own import.
    assert.equal((await getSpendingImportJob(db, referent, ambito, id))?.id, id);
  });

  test('the problems are written in the language of the person who queued the import', async () => {
    const id = await withRequestId('richiesta-en', async () => {
      setRequestLocale('en');
      return queueSpendingImport({ db, actor: coordinator(), ambito, files: [csv('spending.csv', [HEADER, '2050;ambito;ANZIANI;COMUNI;lots;;'].join('\n'))] });
    });
    await run();
    const job = (await getJob(db, id))!;
    assert.deepEqual(
      job.issues!.map((i) => i.path),
      ['spending.csv, row 2, column importo_euro'],
    );
    assert.match(job.error!, /No data was changed/);
  });

  test('what is obviously wrong is refused at once, before anything is queued; only who may import can queue', async () => {
    const refusal = async (files: UploadedFile[], field: string, message: RegExp) =>
      assert.rejects(queueSpendingImport({ db, actor: coordinator(), ambito, files }), (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.issues[0]!.path, field);
        assert.match(e.issues[0]!.message, message);
        return true;
      });
    await refusal([], 'spesa', /Scegli il file della spesa/);
    await refusal([csv('spesa.xls', 'x')], 'spesa', /spesa\.xls non è un CSV né un XLSX/);
    await refusal([csv('spesa.csv', 'x'), csv('utenti.xlsx', 'x', 'utenti')], 'utenti', /deve essere un CSV/);
    await refusal(
      [
        { field: 'spesa', fileName: 'spesa.xlsx', data: new Uint8Array(await writeSpendingWorkbook({ spending: [['anno']] })) },
        csv('utenti.csv', 'x', 'utenti'),
      ],
      'utenti',
      /foglio «utenti»/,
    );
    await refusal([csv('spesa.xlsx', 'anno;ente\n')], 'spesa', /non è un foglio di calcolo XLSX leggibile/);
    await refusal([{ field: 'spesa', fileName: 'spesa.csv', data: new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1) }], 'spesa', /supera i 15,0 MB \(15,0 MB\)/);
    await assert.rejects(
      queueSpendingImport({ db, actor: actorWith('third_sector', { ambitoId: ambito.id }), ambito, files: [csv('spesa.csv', HEADER)] }),
      ForbiddenError,
    );
  });

  test('cancelled while queued: it never runs and nothing is written', async () => {
    const id = await queueSpendingImport({ db, actor: coordinator(), ambito, files: [csv('spesa-2060.csv', [HEADER, ...spendingRows(100, 2060)].join('\n'))] });
    assert.equal(await requestCancel(db, id), true);
    assert.equal((await getJob(db, id))!.status, 'cancelled');
    assert.equal(await run(), 0);
    assert.equal((await factsFrom(2060)).length, 0);
    assert.equal(await requestCancel(db, id), false, 'a finished job stays as it is');
  });

  test('cancelled while running — reading the rows, or inside the write transaction — nothing is written', async () => {
    const real = spendingImportJobs[SPENDING_IMPORT_JOB]!;
    const auditBefore = await auditCount();
    try {
      for (const step of ['finance.job.step.read', 'finance.job.step.write']) {
        let cancel: Promise<boolean> | null = null;
        // Another request asks to cancel at the job's first progress report of `step` past the start (the page's
        // cancel button): inside the write transaction it waits for the job's rollback on PGlite, so it is not awaited.
        const handler: JobHandler = (ctx) =>
          real({
            ...ctx,
            progress: async (done, total, s) => {
              if (s === step && done > 0 && !cancel) cancel = requestCancel(db, ctx.job.id);
              return ctx.progress(done, total, s);
            },
          });
        registerJobHandlers({ [SPENDING_IMPORT_JOB]: handler });
        const id = await queueSpendingImport({
          db,
          actor: coordinator(),
          ambito,
          files: [csv('spesa-2070.csv', [HEADER, ...spendingRows(12_000, 2070)].join('\n'))],
        });
        assert.equal(await run(), 1);
        await cancel;
        const job = (await getJob(db, id))!;
        assert.equal(job.status, 'cancelled', `${step}: ${job.error ?? ''}`);
        assert.equal(job.step, step);
        assert.equal((await factsFrom(2070)).length, 0, step);
      }
    } finally {
      registerJobHandlers(spendingImportJobs);
    }
    assert.equal(await auditCount(), auditBefore);
  });

  test('the limit of rows: a file over it fails at its first row too many, naming the limit, and nothing is written', async () => {
    const line = '2080;ambito;ANZIANI;COMUNI;1;;\n';
    const text = `${HEADER}\n${line.repeat(IMPORT_LIMITS.maxRows + 1)}`;
    const id = await queueSpendingImport({ db, actor: coordinator(), ambito, files: [csv('enorme.csv', text)] });
    await run();
    const job = (await getJob(db, id))!;
    assert.equal(job.status, 'failed');
    assert.deepEqual(
      job.issues!.map((i) => i.path),
      ['enorme.csv'],
    );
    assert.match(job.error!, /^Il file enorme\.csv non è stato importato: il file ha più di 300\.000 righe di dati, il limite per un file/);
    assert.equal((await factsFrom(2080)).length, 0);
  });

  test('the unzipped limit: declared over it, refused at once; declaring less than it holds, the job fails as it counts', async () => {
    const big = 200 * 1024 * 1024;
    const declaredBomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'), declared: big }]);
    await assert.rejects(
      queueSpendingImport({ db, actor: coordinator(), ambito, files: [{ field: 'spesa', fileName: 'bomba.xlsx', data: declaredBomb }] }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.issues[0]!.path, 'spesa');
        assert.match(
          e.message,
          /bomba\.xlsx non è stato importato: la parte «xl\/worksheets\/sheet1\.xml» del file occupa 200,0 MB una volta decompressa, oltre il limite di 120,0 MB/,
        );
        return true;
      },
    );
    // Two sheets of 80 MB of zeros each, declaring 1 kB: 160 MB unzipped, over the 150 MB of the whole.
    const zeros = Buffer.alloc(80 * 1024 * 1024);
    const lyingBomb = zip([
      { name: 'xl/worksheets/sheet1.xml', data: zeros, declared: 1024 },
      { name: 'xl/worksheets/sheet2.xml', data: zeros, declared: 1024 },
    ]);
    assert.ok(lyingBomb.byteLength < 1024 * 1024);
    const id = await queueSpendingImport({ db, actor: coordinator(), ambito, files: [{ field: 'spesa', fileName: 'bomba.xlsx', data: lyingBomb }] });
    await run();
    const job = (await getJob(db, id))!;
    assert.equal(job.status, 'failed');
    assert.match(
      job.error!,
      /^Il file bomba\.xlsx non è stato importato: decomprimendolo si superano i 150,0 MB consentiti \(letti 150,\d MB prima di fermarsi\)/,
    );
  });

  test('a workbook is streamed through the same checks: its rows imported, its problems named by sheet, row and column', async () => {
    const GALLARATE = '012070';
    const bad = await writeSpendingWorkbook({
      spending: [
        ['anno', 'ente', 'area', 'canale', 'importo_euro', 'note'],
        [2090, GALLARATE, 'ANZIANI', 'COMUNI', 104318.5, 'Comunità è più'],
        [2090, 12070, 'ANZIANI', 'FSR', 10, null],
      ],
      users: [
        ['anno', 'ente', 'area', 'utenti'],
        [2090, GALLARATE, 'ANZIANI', 'molti'],
      ],
    });
    const failing = await queueSpendingImport({ db, actor: coordinator(), ambito, files: [{ field: 'spesa', fileName: 'spesa.xlsx', data: bad }] });
    await run();
    assert.deepEqual(
      (await getJob(db, failing))!.issues!.map((i) => i.path),
      ['spesa.xlsx, foglio spesa, riga 3, colonna ente', 'spesa.xlsx, foglio utenti, riga 2, colonna utenti'],
    );
    const good = await writeSpendingWorkbook({
      spending: [
        ['anno', 'ente', 'area', 'canale', 'importo_euro', 'note'],
        [2090, GALLARATE, 'ANZIANI', 'COMUNI', 104318.5, 'Comunità è più'],
        [2090, GALLARATE, 'ANZIANI', 'FSR', 10, null],
      ],
    });
    const id = await queueSpendingImport({ db, actor: coordinator(), ambito, files: [{ field: 'spesa', fileName: 'spesa.xlsx', data: good }] });
    await run();
    const job = (await getJob(db, id))!;
    assert.equal(job.status, 'done', job.error ?? '');
    const stored = await factsFrom(2090);
    assert.deepEqual(stored.map((f) => [f.amountCents, f.note, f.source]).sort(), [
      [10_00, null, 'spesa.xlsx, foglio spesa'],
      [104_318_50, 'Comunità è più', 'spesa.xlsx, foglio spesa'],
    ]);
  });

  test('a large workbook keeps every accented letter (exceljs decodes each piece of a sheet apart unless told)', async () => {
    const note = (i: number) => `Comunità, attività è più ${i} `.repeat(3).trim();
    const lines = spendingRows(20_000, 2091);
    const book = await writeSpendingWorkbook({
      spending: [
        ['anno', 'ente', 'area', 'canale', 'importo_euro', 'natura', 'note'],
        ...lines.map((line, i) => {
          const [anno, ente, area, canale, importo, natura] = line.split(';');
          return [Number(anno), ente!, area!, canale!, importo!, natura!, note(i)];
        }),
      ],
    });
    const id = await queueSpendingImport({ db, actor: coordinator(), ambito, files: [{ field: 'spesa', fileName: 'accenti.xlsx', data: book }] });
    await run();
    const job = (await getJob(db, id))!;
    assert.equal(job.status, 'done', job.error ?? '');
    const stored = await factsFrom(2091);
    assert.equal(stored.length, 20_000);
    assert.equal(stored.filter((f) => f.note?.includes('\ufffd')).length, 0, 'no letter broken in two');
    const expected = new Set(lines.map((_, i) => note(i)));
    assert.ok(stored.every((f) => expected.has(f.note!)));
  });
});
