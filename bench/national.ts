// National benchmark (issue 15): a synthetic Italy of ≈600 Ambiti built through the importers (bench/nation), then the
// pages an Ambito, a Region and the whole country use, measured with autocannon against the same SQL run directly on
// the same database; /healthz while a 100.000-row spending import runs in the background; the server's memory.
// Prints one Markdown table per database, to paste into docs/performance.md.
//
// Usage: npm run build && npm run bench:national -- [--ambiti N] [--regions 03,05] [--database-url URL]
//          [--duration S] [--connections C] [--data-dir DIR] [--skip-build] [--skip-pglite] [--skip-regional]
//          [--skip-sql] [--skip-pages] [--skip-import] [--import-rows N] [--documents before|server] [--year Y] [--seed N]
//          [--concurrency N] [--keep]
// --skip-build reuses the PGlite data folder given by --data-dir (and the PostgreSQL database as it is).
process.env.NODE_ENV ??= 'production';
// The server build's log reads its level when it is loaded (inProcess): warnings only, the tables stay clean.
process.env.LOG_LEVEL = 'warn';

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { systemActor } from '../app/shared/auth/actor.ts';
import { loadConfig } from '../app/shared/config.ts';
import { openDatabase, type Database } from '../app/shared/db/client.ts';
import type { AppServices } from '../app/shared/http/context.ts';
import { configureLog } from '../app/shared/log.ts';
import { createUser } from '../app/modules/accounts/index.server.ts';
import { listAmbiti, listAmbitoComuni } from '../app/modules/territory/index.server.ts';
import { listPlans } from '../app/modules/planning/index.server.ts';
import { runDocumentQueue, sweepAdoptionDocuments } from '../app/modules/reports/index.server.ts';
import { buildNation, bulkSpendingCsv, type NationSummary } from './nation/generate.ts';
import {
  isRead,
  measurePage,
  memoryOf,
  ms2,
  percentile,
  recordingDb,
  replay,
  sampleWhile,
  type PageRun,
  type SqlRun,
  type Statement,
} from './nation/measure.ts';
import { BrowserSession, jobStatusOf } from './nation/session.ts';

const { values } = parseArgs({
  options: {
    ambiti: { type: 'string' },
    regions: { type: 'string' },
    'database-url': { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'data-dir': { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'skip-pglite': { type: 'boolean', default: false },
    'skip-regional': { type: 'boolean', default: false },
    'skip-sql': { type: 'boolean', default: false },
    'skip-pages': { type: 'boolean', default: false },
    'skip-import': { type: 'boolean', default: false },
    'import-rows': { type: 'string', default: '100000' },
    // The adoption documents (PDF) of the adopted plans: made here before the measures (before), or left to the server's worker (server).
    documents: { type: 'string', default: 'before' },
    year: { type: 'string' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const root = new URL('..', import.meta.url).pathname;
const duration = Number(values.duration);
const connections = Number(values.connections);
const importRows = Number(values['import-rows']);
const regions = values.regions ? values.regions.split(',').map((r) => r.trim()) : undefined;
const ADMIN = { email: 'admin@benchmark.example', name: 'Amministratore del benchmark' };
const REVIEWER = { email: 'revisore@benchmark.example', name: 'Revisore regionale del benchmark' };
const PASSWORD = 'benchmark-nazionale-2026';
const actor = systemActor('benchmark');
configureLog({ level: 'warn' });

const say = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const numbers = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2, useGrouping: 'always' });
const fmt = (n: number) => (Number.isFinite(n) ? numbers.format(n) : '—');

// ——— Targets and set-up ————————————————————————————————————————————————————————————————————————

interface Targets {
  regionCode: string;
  regionName: string;
  regionAmbiti: number;
  ambitoCode: string;
  ambitoName: string;
  planId: string;
  /** Another Ambito of the Region, for the large import (so the measured pages keep their data). */
  importCode: string;
  importMembers: string[];
  year: number;
}

/** The largest Region (most Ambiti), its first Ambito with a plan (pages) and its last one (import), from the database. */
async function findTargets(database: Database, nation: NationSummary | null): Promise<Targets> {
  const all = (await listAmbiti(database.db)).sort((a, b) => a.code.localeCompare(b.code, 'it', { numeric: true }));
  if (all.length === 0) throw new Error('il database non ha Ambiti: costruisci la nazione (senza --skip-build)');
  const byRegion = Map.groupBy(all, (a) => a.regionCode);
  const [regionCode, list] = [...byRegion].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]!;
  let page: (typeof list)[number] | null = null;
  let planId = '';
  for (const a of list) {
    const plans = await listPlans(database.db, a.id);
    if (plans.length) {
      page = a;
      planId = plans[0]!.id;
      break;
    }
  }
  if (!page) throw new Error(`nessun Ambito della Regione ${regionCode} ha un piano`);
  const importTarget = list.length > 1 ? list[list.length - 1]! : page;
  const year = values.year ? Number(values.year) : (nation?.plan.startYear ?? 2025);
  return {
    regionCode,
    regionName: page.regionName,
    regionAmbiti: list.length,
    ambitoCode: page.code,
    ambitoName: page.name,
    planId,
    importCode: importTarget.code,
    importMembers: (await listAmbitoComuni(database.db, importTarget.id)).map((c) => c.istatCode),
    year,
  };
}

/** The national figures of the regional workspace (the lead's module): skipped, with a note, while it does not exist. */
async function refreshFigures(database: Database, year: number): Promise<string> {
  if (values['skip-regional']) return 'aggiornamento delle cifre regionali saltato (--skip-regional)';
  const path = join(root, 'app', 'modules', 'region', 'index.server.ts');
  if (!existsSync(path)) return 'modulo region assente: pagine regionali saltate';
  const region = (await import(pathToFileURL(path).href)) as {
    refreshRegionalFigures?: (
      db: Database['db'],
      opts: { year: number; regionCode?: string | null; onlyStale?: boolean; onProgress?: (done: number, total: number) => void },
    ) => Promise<{ ambiti: number }>;
  };
  if (typeof region.refreshRegionalFigures !== 'function') return 'refreshRegionalFigures non ancora esportata: pagine regionali saltate';
  const t0 = performance.now();
  const onProgress = (done: number, total: number) => {
    if (done % 50 === 0 || done === total) say(`  cifre regionali: ${done}/${total}`);
  };
  // A reused data folder (--skip-build) keeps its figures: only the missing or stale ones are recomputed.
  const r = await region.refreshRegionalFigures(database.db, { year, regionCode: null, onlyStale: values['skip-build'], onProgress });
  const s = (performance.now() - t0) / 1000;
  return `cifre regionali ${year} di ${fmt(r.ambiti)} Ambiti calcolate in ${fmt(s)} s (${fmt(r.ambiti / s)} Ambiti/s)`;
}

/** The admin and the regional reviewer of the largest Region, through the accounts module (kept when they exist). */
async function createAccounts(database: Database, regionCode: string) {
  for (const [who, roles] of [
    [ADMIN, [{ role: 'admin' as const }]],
    [REVIEWER, [{ role: 'regional_reviewer' as const, regionCode }]],
  ] as const) {
    try {
      await createUser({ db: database.db, actor, input: { ...who, password: PASSWORD, roles: [...roles] } });
    } catch (error) {
      if (!/Esiste già/.test(JSON.stringify((error as { issues?: unknown }).issues ?? (error as Error).message))) throw error;
    }
  }
}

/**
 * The adoption documents of the adopted plans (one PDF each), made by the product's document queue in this process.
 * The server's worker would otherwise make them in the web process while the pages are measured; and each one is an
 * audit entry about its Ambito, which would make that Ambito's regional figures stale: so they come before the refresh.
 */
async function makeAdoptionDocuments(database: Database): Promise<string> {
  if (values.documents === 'server') return 'documenti dell’adozione lasciati al worker del server (--documents server): generati durante le misure';
  const queued = await sweepAdoptionDocuments(database.db);
  if (queued === 0) return 'documenti dell’adozione già presenti';
  say(`documenti dell’adozione: ${queued} PDF in coda…`);
  const t0 = performance.now();
  const made = await runDocumentQueue(database.db);
  const s = (performance.now() - t0) / 1000;
  return `documenti dell’adozione: ${fmt(made)} PDF generati in ${fmt(s)} s (${fmt(s / Math.max(1, made))} s per documento)`;
}

// ——— Pages ———————————————————————————————————————————————————————————————————————————————————————

interface Page {
  label: string;
  path: string;
  as: 'admin' | 'reviewer';
}

function pagesOf(t: Targets): Page[] {
  return [
    { label: 'Ambito', path: `/ambiti/${t.ambitoCode}`, as: 'admin' },
    { label: 'Piano', path: `/ambiti/${t.ambitoCode}/piani/${t.planId}`, as: 'admin' },
    { label: `Regione ${t.regionName} (${t.regionAmbiti} Ambiti)`, path: `/regioni/${t.regionCode}?anno=${t.year}`, as: 'reviewer' },
    { label: 'Italia', path: `/italia?anno=${t.year}`, as: 'admin' },
    // Last: its requests take seconds each, and the ones still queued when its measure ends would weigh on the next page.
    { label: 'Monitoraggio (cruscotto)', path: `/ambiti/${t.ambitoCode}/monitoraggio/${t.planId}`, as: 'admin' },
  ];
}

const serverBuild = join(root, 'build', 'server', 'index.js');

type Sessions = Record<Page['as'], Map<string, string>>;

/**
 * The work done in this process with the app's request listener (from the server build) on a drizzle instance with a
 * logger: the two users sign in (before the regional figures are computed — a sign-in is written in the audit log,
 * and a later write about no Ambito makes every Ambito's figures stale, which the server's sweep would recompute
 * during the measures), then `between` runs (the refresh), then each page is requested once to warm up and once
 * recorded. Returns the sessions' cookies (reused by the server: sessions live in the database) and the statements.
 */
async function inProcess(
  database: Database,
  pages: Page[],
  between: () => Promise<void>,
): Promise<{ sessions: Sessions; captured: Map<string, { status: number; statements: Statement[] }> }> {
  const captured = new Map<string, { status: number; statements: Statement[] }>();
  const build = (await import(pathToFileURL(serverBuild).href)) as { createAppListener: (services: AppServices) => Parameters<typeof createServer>[1] };
  const recorder = recordingDb(database);
  const config = loadConfig({ ...process.env, CANTIERE_DEMO: '0', DATABASE_URL: '', LOG_LEVEL: 'warn', NODE_ENV: 'production' });
  const services: AppServices = { db: recorder.db, database: { ...database, db: recorder.db }, config };
  const server: Server = createServer(build.createAppListener(services));
  // As the app's server does (server/app.ts): the refresh below can hold this process for minutes, and a socket the
  // server closed meanwhile (Node's default is 5 s) would be reused by fetch and reset.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const sessions = { admin: new BrowserSession(base), reviewer: new BrowserSession(base) };
    await sessions.admin.signIn(ADMIN.email, PASSWORD);
    await sessions.reviewer.signIn(REVIEWER.email, PASSWORD);
    await between();
    if (!values['skip-sql']) {
      say('cattura delle query di ogni pagina…');
      for (const page of pages) {
        const session = sessions[page.as];
        await (await session.fetch(page.path)).arrayBuffer();
        const { result: status, statements } = await recorder.record(async () => {
          const r = await session.fetch(page.path);
          await r.arrayBuffer();
          return r.status;
        });
        captured.set(page.path, { status, statements });
      }
    }
    return { sessions: { admin: new Map(sessions.admin.cookies), reviewer: new Map(sessions.reviewer.cookies) }, captured };
  } finally {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}

function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CANTIERE_DEMO: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ready = `http://127.0.0.1:${port}/readyz`;
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 300_000;
    const poll = async () => {
      try {
        if ((await fetch(ready)).ok) return resolve(child);
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline) return reject(new Error(`${ready} non risponde`));
      setTimeout(poll, 250);
    };
    child.once('exit', (code) => reject(new Error(`processo terminato (${code})`)));
    void poll();
  });
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

interface ImportRun {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  outcome: string;
  health: { samples: number; p50: number; p99: number; max: number; failed: number };
}

/**
 * Posts a large spending file to the import page (multipart, the page's fields) as the administrator, follows the job
 * page (`?lavoro=<id>`) until its `data-job-status` is done or failed, and samples /healthz every 10 ms meanwhile.
 */
async function importWhileSampling(session: BrowserSession, t: Targets, csv: { text: string; rows: number }): Promise<ImportRun> {
  const base = session.base;
  const path = `/ambiti/${t.importCode}/risorse/importa`;
  const token = await session.csrf(path);
  const form = new FormData();
  form.set('_csrf', token);
  form.set('intent', 'import');
  form.set('spesa', new Blob([csv.text], { type: 'text/csv' }), 'spesa-benchmark.csv');
  let resolveDone!: () => void;
  const finished = new Promise<void>((r) => (resolveDone = r));
  const sampling = sampleWhile(`${base}/healthz`, 10, finished);
  const t0 = performance.now();
  let outcome: string;
  try {
    const response = await session.fetch(path, { method: 'POST', body: form });
    const location = response.headers.get('location');
    const body = await response.text();
    if (location && /[?&]lavoro=/.test(location)) {
      outcome = 'timeout';
      const deadline = Date.now() + 60 * 60_000;
      while (Date.now() < deadline) {
        const status = jobStatusOf(await (await session.fetch(location)).text());
        if (status === 'done' || status === 'failed' || status === 'cancelled') {
          outcome = `lavoro in background: ${status}`;
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    } else {
      // Before the import became a background job, the page imported within the request and answered the form.
      const failed = response.status >= 400 || /non sono stati importati|non è stato importato/.test(body);
      outcome = `nella richiesta (HTTP ${response.status}${failed ? ', rifiutata' : ''})`;
    }
  } finally {
    resolveDone();
  }
  const seconds = (performance.now() - t0) / 1000;
  const times = await sampling;
  const ok = times.filter(Number.isFinite);
  return {
    rows: csv.rows,
    bytes: Buffer.byteLength(csv.text),
    seconds,
    rowsPerSecond: Math.round(csv.rows / seconds),
    outcome,
    health: {
      samples: times.length,
      p50: ms2(percentile(ok, 50)),
      p99: ms2(percentile(ok, 99)),
      max: ms2(ok[ok.length - 1] ?? NaN),
      failed: times.length - ok.length,
    },
  };
}

// ——— One database ———————————————————————————————————————————————————————————————————————————————————

interface Target {
  label: string;
  kind: 'pglite' | 'postgres';
  dataDir?: string;
  url?: string;
  port: number;
}

interface PageResult {
  page: Page;
  status: number;
  run: PageRun | null;
  statements: Statement[];
  sql: SqlRun | null;
  note: string | null;
}

const open = (t: Target) => (t.url ? openDatabase({ url: t.url, poolSize: connections }) : openDatabase({ dataDir: t.dataDir! }));

/** Drops and recreates the `public` and `drizzle` schemas of a PostgreSQL database (its data are lost). */
async function resetPostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema if exists drizzle cascade');
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

async function runOn(target: Target): Promise<string> {
  const out: string[] = [];
  const nationFile = target.dataDir ? join(target.dataDir, 'nation.json') : null;
  let nation: NationSummary | null = null;

  // 1. The nation.
  if (!values['skip-build']) {
    if (target.url) await resetPostgres(target.url);
    const database = await open(target);
    try {
      await database.migrate();
      say(`${target.label}: costruzione della nazione…`);
      let last = '';
      nation = await buildNation(database.db, {
        ambiti: values.ambiti ? Number(values.ambiti) : undefined,
        regions,
        seed: Number(values.seed),
        concurrency: Number(values.concurrency ?? (target.kind === 'postgres' ? 4 : 1)),
        onProgress: (step, done, total) => {
          if (step !== last || done === total) say(`  ${step}: ${done}/${total}`);
          last = step;
        },
      });
      if (nationFile) writeFileSync(nationFile, JSON.stringify(nation));
    } finally {
      await database.close();
    }
  } else if (nationFile && existsSync(nationFile)) {
    nation = JSON.parse(readFileSync(nationFile, 'utf8')) as NationSummary;
  }
  if (nation) out.push(buildTable(target.label, nation));

  // 2. Targets, regional figures, accounts, the statements of each page.
  let database = await open(target);
  let targets: Targets;
  let pages: Page[];
  let captured = new Map<string, { status: number; statements: Statement[] }>();
  let sessions: Sessions | null = null;
  const notes: string[] = [];
  try {
    await database.migrate();
    targets = await findTargets(database, nation);
    pages = pagesOf(targets);
    await createAccounts(database, targets.regionCode);
    const documents = await makeAdoptionDocuments(database);
    say(`${target.label}: ${documents}`);
    notes.push(documents);
    const refresh = async () => {
      const note = await refreshFigures(database, targets.year);
      say(`${target.label}: ${note}`);
      notes.push(note);
    };
    if (existsSync(serverBuild)) ({ sessions, captured } = await inProcess(database, pages, refresh));
    else {
      await refresh();
      notes.push('build del server assente: SQL di riferimento, pagine e importazione saltati (esegui npm run build)');
    }
  } finally {
    await database.close();
  }

  // 3. The server: pages, then the large import with /healthz sampled, then its memory.
  const results: PageResult[] = pages.map((page) => ({
    page,
    status: captured.get(page.path)?.status ?? 0,
    run: null,
    statements: captured.get(page.path)?.statements ?? [],
    sql: null,
    note: captured.get(page.path)?.status === 404 ? 'pagina assente (404): saltata' : null,
  }));
  let importRun: ImportRun | null = null;
  let memory: { afterPages: ReturnType<typeof memoryOf>; afterRun: ReturnType<typeof memoryOf> } | null = null;
  if (sessions && (!values['skip-pages'] || !values['skip-import'])) {
    say(`${target.label}: avvio di Cantiere…`);
    const env: Record<string, string> = target.url
      ? { DATABASE_URL: target.url, DATABASE_POOL_SIZE: String(connections) }
      : { CANTIERE_DATA_DIR: target.dataDir!, DATABASE_URL: '' };
    const child = await startServer(env, target.port);
    const base = `http://127.0.0.1:${target.port}`;
    try {
      if (!values['skip-pages']) {
        const signedIn = { admin: new BrowserSession(base, sessions.admin), reviewer: new BrowserSession(base, sessions.reviewer) };
        for (const r of results) {
          const session = signedIn[r.page.as];
          const probe = await session.fetch(r.page.path);
          await probe.arrayBuffer();
          r.status = probe.status;
          if (probe.status === 404) {
            r.note = 'pagina assente (404): saltata';
            continue;
          }
          if (probe.status !== 200) {
            r.note = `HTTP ${probe.status}: saltata`;
            continue;
          }
          say(`${target.label}: ${r.page.path} (${duration} s)…`);
          r.run = await measurePage(base + r.page.path, { connections, duration, headers: { cookie: session.cookieHeader() } });
        }
      }
      memory = { afterPages: memoryOf(child.pid!), afterRun: null };
      if (!values['skip-import']) {
        const csv = bulkSpendingCsv({ code: targets.importCode, memberIstatCodes: targets.importMembers }, importRows, targets.year);
        say(`${target.label}: importazione di ${fmt(csv.rows)} righe (${fmt(Buffer.byteLength(csv.text) / 1e6)} MB) in ${targets.importCode}…`);
        importRun = await importWhileSampling(new BrowserSession(base, sessions.admin), targets, csv);
      }
      memory.afterRun = memoryOf(child.pid!);
    } finally {
      await stopServer(child);
    }
  }

  // 4. The same SQL, directly on the same database, as many times as the page was requested.
  if (captured.size && results.some((r) => r.run)) {
    database = await open(target);
    try {
      for (const r of results) {
        if (!r.run) continue;
        const reads = r.statements.filter(isRead);
        if (reads.length < r.statements.length) r.note = `${r.statements.length - reads.length} scritture non ripetute`;
        say(`${target.label}: SQL di ${r.page.path} × ${r.run.requests}…`);
        try {
          r.sql = await replay(database, reads, r.run.requests, connections);
        } catch (error) {
          r.note = `SQL non ripetibile: ${(error as Error).message.slice(0, 120)}`;
        }
      }
    } finally {
      await database.close();
    }
  }

  out.push(resultTable(target, targets, results, importRun, memory, notes));
  return out.join('\n');
}

// ——— Tables ——————————————————————————————————————————————————————————————————————————————————————

function buildTable(label: string, n: NationSummary): string {
  const c = n.counts;
  const lines = [
    `### Costruzione della nazione (${label})`,
    '',
    `${fmt(c.regions)} Regioni, ${fmt(c.comuni)} comuni, ${fmt(c.ambiti)} Ambiti; per Ambito un piano ${n.plan.startYear}-${n.plan.endYear} ` +
      `(in tutto ${fmt(c.objectives)} obiettivi, ${fmt(c.actions)} azioni, ${fmt(c.indicators)} indicatori, ${fmt(c.targets)} target, ` +
      `${fmt(c.budgetLines)} righe di budget), ${fmt(c.measurements)} misure (${n.plan.semesters.join(', ')}), ${fmt(c.spendingRows)} righe di spesa ` +
      `(${n.years.join(', ')}), ${fmt(c.populationRows)} righe di popolazione, ${fmt(c.posts)} assistenti sociali. Totale ${fmt(n.totalMs / 1000)} s.`,
    '',
    '| passo | file | righe | secondi | righe/s |',
    '|---|---:|---:|---:|---:|',
    ...n.steps.map((s) => `| ${s.step} | ${fmt(s.files)} | ${fmt(s.rows)} | ${fmt(s.ms / 1000)} | ${fmt(s.rowsPerSecond)} |`),
    '',
  ];
  return lines.join('\n');
}

function resultTable(
  target: Target,
  t: Targets,
  results: PageResult[],
  imp: ImportRun | null,
  memory: { afterPages: ReturnType<typeof memoryOf>; afterRun: ReturnType<typeof memoryOf> } | null,
  notes: string[],
): string {
  const lines = [
    `### Pagine (${target.label})`,
    '',
    `${t.ambitoName} (\`${t.ambitoCode}\`), Regione ${t.regionName}, anno ${t.year}; autocannon ${connections} connessioni, ${duration} s per pagina dopo 2 s di riscaldamento; ` +
      `SQL diretto: le query catturate della pagina (solo letture), eseguite sullo stesso database lo stesso numero di volte con ${connections} in parallelo; ` +
      `${cpus().length} core (${cpus()[0]?.model ?? '?'}); Node ${process.version}.`,
    '',
    '| pagina | richieste/s | p50 ms | p95 ms | p99 ms | errori | non-2xx | query | SQL richieste/s | SQL p50 ms | SQL p99 ms | p50 pagina ÷ SQL | richieste/s SQL ÷ pagina |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const name = `${r.page.label} \`${r.page.path}\`${r.note ? ` (${r.note})` : ''}`;
    if (!r.run) {
      lines.push(`| ${name} | — | — | — | — | — | — | ${r.statements.length || '—'} | — | — | — | — | — |`);
      continue;
    }
    const s = r.sql;
    lines.push(
      `| ${name} | ${fmt(r.run.rps)} | ${fmt(r.run.p50)} | ${fmt(r.run.p95)} | ${fmt(r.run.p99)} | ${r.run.errors} | ${r.run.non2xx} | ${r.statements.length || '—'} | ` +
        (s ? `${fmt(s.rps)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(r.run.p50 / s.p50)} | ${fmt(s.rps / r.run.rps)} |` : '— | — | — | — | — |'),
    );
  }
  lines.push('');
  if (imp) {
    lines.push(
      '| durante l’importazione | righe | MB | secondi | righe/s | esito | /healthz campioni | p50 ms | p99 ms | max ms | falliti |',
      '|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|',
      `| spesa di \`${t.importCode}\` | ${fmt(imp.rows)} | ${fmt(imp.bytes / 1e6)} | ${fmt(imp.seconds)} | ${fmt(imp.rowsPerSecond)} | ${imp.outcome} | ` +
        `${fmt(imp.health.samples)} | ${fmt(imp.health.p50)} | ${fmt(imp.health.p99)} | ${fmt(imp.health.max)} | ${imp.health.failed} |`,
      '',
    );
  }
  if (memory) {
    const mb = (m: ReturnType<typeof memoryOf>) => (m ? `${fmt(m.rssMb)} MB (picco ${fmt(m.peakMb)} MB)` : '—');
    lines.push(`Memoria residente del server: dopo le pagine ${mb(memory.afterPages)}, a fine prova ${mb(memory.afterRun)}.`, '');
  }
  for (const n of notes) lines.push(`- ${n}`);
  if (notes.length) lines.push('');
  return lines.join('\n');
}

// ——— Main ——————————————————————————————————————————————————————————————————————————————————————————

const databases: Target[] = [];
let tmpDir: string | null = null;
if (!values['skip-pglite']) {
  let dataDir = values['data-dir'];
  if (values['skip-build'] && !dataDir) throw new Error('--skip-build richiede --data-dir (la cartella di una costruzione precedente)');
  if (!dataDir) dataDir = tmpDir = mkdtempSync(join(tmpdir(), 'cantiere-nazione-'));
  else if (!values['skip-build']) {
    mkdirSync(dataDir, { recursive: true });
    if (readdirSync(dataDir).length) throw new Error(`la cartella ${dataDir} non è vuota: la costruzione richiede un database vuoto`);
  }
  databases.push({ label: 'PGlite', kind: 'pglite', dataDir, port: 3311 });
}
if (values['database-url']) databases.push({ label: 'PostgreSQL', kind: 'postgres', url: values['database-url'], port: 3312 });

try {
  const tables: string[] = [];
  for (const target of databases) tables.push(await runOn(target));
  process.stdout.write(`\n${tables.join('\n')}\n`);
  if (tmpDir && values.keep) say(`cartella dei dati conservata: ${tmpDir} (riusala con --skip-build --data-dir ${tmpDir})`);
} finally {
  if (tmpDir && !values.keep) rmSync(tmpDir, { recursive: true, force: true });
}
