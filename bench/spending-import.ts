// Spending import benchmark (issue 15). Generates a spending CSV of --rows rows (102.600 by default, the size of the
// file of issue 15: year × ente × area × channel × nature of the demo's Gallarate), then imports it as the page does —
// queued as a job (queueSpendingImport), run by the queue (runJobQueue) — and prints rows per second for reading
// (the CSV parsed record by record), checking (read + every cell's validation), writing (the job's write step) and the
// whole job; meanwhile the event loop is watched (perf_hooks.monitorEventLoopDelay, and a 5 ms ticker for the longest
// gap) and a /healthz served by this same process is asked every 10 ms, as the web process would be. With --xlsx the
// same rows are also imported as an XLSX workbook (it replaces the CSV's rows: the write step then deletes too).
// On embedded PGlite in a temporary data folder (as the server and the laptop run it; --memory: in memory, as the
// tests), and on PostgreSQL with --database-url (a database is created and dropped). --wal-zero-off sets PGlite's
// `wal_init_zero = off` first: PostgreSQL fills every new 16 MB WAL segment with zeros, which embedded PGlite does in
// this thread (a stall of 80–170 ms about every 25.000 rows written), and the setting avoids it.
// Usage: node bench/spending-import.ts [--rows 102600] [--database-url postgres://postgres@127.0.0.1:55432/postgres]
//        [--memory] [--wal-zero-off] [--xlsx]
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, get, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import '../app/modules/registry.ts';
import { loadDemo } from '../app/modules/demo.server.ts';
import { getCatalogue } from '../app/modules/finance/catalogue.queries.ts';
import { queueSpendingImport, SPENDING_IMPORT_JOB, spendingImportJobs } from '../app/modules/finance/finance.jobs.ts';
import { spendingReader } from '../app/modules/finance/spending-import.ts';
import { getAmbitoByCode, listAmbitoComuni } from '../app/modules/territory/index.server.ts';
import { systemActor } from '../app/shared/auth/actor.ts';
import { openDatabase, type Database } from '../app/shared/db/client.ts';
import { csvRecordsFromBytes } from '../app/shared/imports/csv-stream.ts';
import { getJob, registerJobHandlers, runJobQueue, type JobHandler } from '../app/shared/jobs/jobs.server.ts';
import { configureLog } from '../app/shared/log.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '102600' },
    'database-url': { type: 'string' },
    memory: { type: 'boolean', default: false },
    'wal-zero-off': { type: 'boolean', default: false },
    xlsx: { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
configureLog({ level: 'warn' });

async function open(url: string | undefined): Promise<{ database: Database; label: string; drop: () => Promise<void> }> {
  if (!url && values.memory) return { database: await openDatabase({ memory: true }), label: 'PGlite in memoria', drop: async () => {} };
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'cantiere-bench-import-'));
    return {
      database: await openDatabase({ dataDir: dir }),
      label: `PGlite nella cartella ${dir}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `cantiere_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    database: await openDatabase({ url: target.toString(), poolSize: 5 }),
    label: 'PostgreSQL',
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** What the event loop and a /healthz of this process went through while `work` ran. */
async function watched<T>(work: () => Promise<T>) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  const gaps: { at: number; ms: number }[] = [];
  const ticker = setInterval(() => {
    const now = performance.now();
    gaps.push({ at: last, ms: now - last - 5 });
    last = now;
  }, 5);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"status":"ok"}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let probing = true;
  const probe = async () => {
    while (probing) {
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) =>
        get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        }).on('error', reject),
      );
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const probing$ = probe();
  histogram.enable();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 20));
  histogram.disable();
  probing = false;
  await probing$;
  clearInterval(ticker);
  agent.destroy();
  server.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
  const longest = (from = 0) => Math.max(0, ...gaps.filter((g) => g.at >= from).map((g) => g.ms));
  return {
    result,
    ms,
    loop: { maxMs: Math.max(histogram.max / 1e6, longest()), p99Ms: histogram.percentile(99) / 1e6, longestFrom: longest },
    healthz: { n: latencies.length, p50: pct(50), p99: pct(99), max: latencies.at(-1) ?? NaN },
  };
}

const fmt = (n: number, d = 0) => n.toLocaleString('it-IT', { maximumFractionDigits: d, minimumFractionDigits: d });
const perSecond = (rows: number, ms: number) => `${fmt(rows / (ms / 1000))} righe/s (${fmt(ms)} ms)`;

const { database, label, drop } = await open(values['database-url']);
try {
  await database.migrate();
  await loadDemo(database.db);
  const db = database.db;
  if (values['wal-zero-off'] && database.kind === 'pglite') await db.execute(sql`set wal_init_zero = off`);
  const ambito = (await getAmbitoByCode(db, 'gallarate'))!;
  const members = await listAmbitoComuni(db, ambito.id);
  const catalogue = await getCatalogue(db);
  const options = { fundingSources: catalogue.fundingSources, areas: catalogue.areas, memberIstatCodes: members.map((m) => m.istatCode) };

  // The file: year × ente × area × channel × nature from 2000 on, amounts with a decimal comma.
  const enti = ['ambito', ...members.map((m) => m.istatCode)];
  const natures = ['', 'servizi', 'contributi', 'strutture'];
  const table: (string | number)[][] = [];
  const lines = ['anno;ente;area;canale;importo_euro;natura;note'];
  outer: for (let year = 2000; ; year++)
    for (const ente of enti)
      for (const area of catalogue.areas)
        for (const channel of catalogue.fundingSources)
          for (const nature of natures) {
            if (lines.length > ROWS) break outer;
            const euro = ((lines.length * 7919) % 1_000_000) / 100;
            lines.push(`${year};${ente};${area.code};${channel.code};${euro.toFixed(2).replace('.', ',')};${nature};`);
            if (values.xlsx) table.push([year, ente, area.code, channel.code, euro, nature]);
          }
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);

  console.log(
    `Importazione della spesa: ${fmt(ROWS)} righe, CSV di ${fmt(bytes.byteLength / 1024 / 1024, 1)} MB, ${label}${values['wal-zero-off'] && database.kind === 'pglite' ? ' (wal_init_zero = off)' : ''}`,
  );
  console.log(`Node ${process.version}, ${cpus().length} CPU (${cpus()[0]?.model ?? '?'})\n`);

  // Reading alone, then reading and checking every cell (the same reader the job uses), outside the job.
  let t0 = performance.now();
  let records = 0;
  for (const r of csvRecordsFromBytes(bytes)) records += r.cells.length > 0 ? 1 : 0;
  const parseMs = performance.now() - t0;
  t0 = performance.now();
  const reader = spendingReader({ file: 'spesa.csv' }, options);
  let header = true;
  for (const r of csvRecordsFromBytes(bytes)) {
    if (header) reader.header(r.cells);
    else reader.row(r.line, r.cells);
    header = false;
  }
  const checked = reader.finish();
  const checkMs = performance.now() - t0;
  if (checked.issues.length) throw new Error(`il file generato ha ${checked.issues.length} problemi: ${checked.issues[0]!.message}`);

  // The job, timed step by step: the handler starts once the queue has claimed the job (and read its bytes), its
  // write step at its first progress report of that step.
  const real = spendingImportJobs[SPENDING_IMPORT_JOB]!;
  let handlerStarted = 0;
  let writeStarted = 0;
  const timed: JobHandler = (ctx) => {
    handlerStarted = performance.now();
    return real({
      ...ctx,
      progress: (done, total, step) => {
        if (step === 'finance.job.step.write' && writeStarted === 0) writeStarted = performance.now();
        return ctx.progress(done, total, step);
      },
    });
  };
  registerJobHandlers({ [SPENDING_IMPORT_JOB]: timed });
  const actor = systemActor('misura dell’importazione della spesa');

  const importAs = async (fileName: string, data: Uint8Array) => {
    writeStarted = 0;
    const queued = await watched(() => queueSpendingImport({ db, actor, ambito, files: [{ field: 'spesa', fileName, data }] }));
    const w = await watched(() => runJobQueue(db, database.kind));
    const job = (await getJob(db, queued.result))!;
    if (job.status !== 'done') throw new Error(`lavoro ${job.status}: ${job.error}`);
    const ended = performance.now() - 20;
    return {
      ...w,
      queued,
      claimMs: handlerStarted - (ended - w.ms),
      readMs: writeStarted - handlerStarted,
      writeMs: ended - writeStarted,
      handlerBlockMs: w.loop.longestFrom(handlerStarted),
      result: job.result as { replacedSpendingRows: number },
    };
  };

  const report = (name: string, r: Awaited<ReturnType<typeof importAs>>) => {
    console.log(`${name}`);
    console.log(`  accodamento (l'azione della pagina) ${fmt(r.queued.ms)} ms, event loop bloccato fino a ${fmt(r.queued.loop.maxMs, 1)} ms`);
    console.log(`  presa in carico (il byte del file)  ${fmt(r.claimMs)} ms`);
    console.log(`  lettura e controllo                ${perSecond(ROWS, r.readMs)}`);
    console.log(
      `  scrittura (una transazione)        ${perSecond(ROWS, r.writeMs)}${r.result.replacedSpendingRows ? `, sostituite ${fmt(r.result.replacedSpendingRows)} righe` : ''}`,
    );
    console.log(`  totale del lavoro                  ${perSecond(ROWS, r.ms)}`);
    console.log(
      `  event loop: blocco più lungo ${fmt(r.loop.maxMs, 1)} ms (dall'avvio del gestore: ${fmt(r.handlerBlockMs, 1)} ms), p99 del ritardo ${fmt(r.loop.p99Ms, 1)} ms`,
    );
    console.log(
      `  /healthz ogni 10 ms: ${fmt(r.healthz.n)} risposte, p50 ${fmt(r.healthz.p50, 1)} ms, p99 ${fmt(r.healthz.p99, 1)} ms, max ${fmt(r.healthz.max, 1)} ms\n`,
    );
  };

  console.log(`Lettura (CSV record per record)      ${perSecond(records - 1, parseMs)}`);
  console.log(`Lettura e controllo delle celle      ${perSecond(ROWS, checkMs)}\n`);
  report('Lavoro CSV (come dalla pagina)', await importAs('spesa.csv', bytes));

  if (values.xlsx) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('spesa');
    sheet.addRow(['anno', 'ente', 'area', 'canale', 'importo_euro', 'natura']);
    for (const row of table) sheet.addRow(row);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    console.log(`XLSX di ${fmt(xlsx.byteLength / 1024 / 1024, 1)} MB`);
    report('Lavoro XLSX (come dalla pagina; sostituisce le righe del CSV)', await importAs('spesa.xlsx', xlsx));
  }
} finally {
  await database.close();
  await drop();
}
