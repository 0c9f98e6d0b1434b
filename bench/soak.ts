// Soak test (issue 16): minutes of mixed reads and writes at a fixed rate from several signed-in roles, on a fresh
// embedded data folder with the demo (or on DATABASE_URL). Open loop: requests leave on a fixed schedule whatever the
// answers, and each latency runs from the request's scheduled time (no coordinated omission). Every interval it records
// the requests, the errors by status, p50/p95/p99, the server's resident memory and V8 heap, its CPU and the database
// size. Prints Markdown tables for docs/performance.md and writes every sample to a JSON file.
//
// Usage: npm run build && npm run bench:soak -- [--duration 600] [--rate 50] [--writes 0.08] [--interval 10]
//          [--url http://127.0.0.1:3000] [--database-url URL] [--ambito gallarate] [--indicators 12] [--seed 1]
//          [--timeout 30] [--out FILE] [--keep] [--calibrate]
// Without --url the script starts server.ts (the build in build/, or in CANTIERE_BUILD_DIR) on a new data folder with
// the demo, or on DATABASE_URL when it is set (or given); with --url it loads a server already running with the demo
// (loopback only), and the server's memory is not measured. The JSON goes to --out, by default to the system's
// temporary folder (never into the checkout). --calibrate measures each read alone and prints what the mix costs.
// The exit code is 1 when any request failed.
process.env.NODE_ENV ??= 'production';

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { percentile } from './nation/measure.ts';
import { BrowserSession } from './nation/session.ts';
import { mulberry32 } from './nation/random.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../tests/support/demo-accounts.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '600' },
    rate: { type: 'string', default: '50' },
    // The share of the schedule's slots given to the steps of the write flows (each step is one request).
    writes: { type: 'string', default: '0.08' },
    interval: { type: 'string', default: '10' },
    url: { type: 'string' },
    'database-url': { type: 'string' },
    ambito: { type: 'string', default: 'gallarate' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '30' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // How many of the plan's indicators the staff measures again and again (each saved value changes the pages).
    indicators: { type: 'string', default: '12' },
    // Only measure each read of the mix alone (median of 5), print what the mix costs the server, and stop.
    calibrate: { type: 'boolean', default: false },
  },
});

const root = new URL('..', import.meta.url).pathname;
const durationS = Number(values.duration);
const rate = Number(values.rate);
const writeShare = Number(values.writes);
const intervalMs = Number(values.interval) * 1000;
const timeoutMs = Number(values.timeout) * 1000;
const AMBITO = values.ambito!;
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL ?? '';
for (const [name, v] of Object.entries({ duration: durationS, rate, writes: writeShare, interval: intervalMs, timeout: timeoutMs }))
  if (!Number.isFinite(v) || v < 0 || (name !== 'writes' && v === 0)) throw new Error(`--${name} non valido`);
if (writeShare > 0.5) throw new Error('--writes è una quota delle richieste, tra 0 e 0,5');

const PASSWORD = DEMO_PASSWORD;
const { admin: _admin, ...ACCOUNTS } = DEMO_ACCOUNTS;
type Role = keyof typeof ACCOUNTS | 'anonymous';

const say = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const fmt = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined || !Number.isFinite(n)
    ? '—'
    : new Intl.NumberFormat('it-IT', { minimumFractionDigits: digits === 1 ? 0 : digits, maximumFractionDigits: digits, useGrouping: 'always' }).format(n);
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
const MB = 1024 * 1024;

// ——— A seeded random source, so that two runs send the same mix ————————————————————————————————————

const random = mulberry32(Number(values.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
function weighted<T extends { weight: number }>(list: readonly T[]): T {
  let r = random() * list.reduce((s, x) => s + x.weight, 0);
  for (const x of list) if ((r -= x.weight) < 0) return x;
  return list[list.length - 1]!;
}

// ——— HTML forms as a browser without JavaScript sends them ————————————————————————————————————————

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x2F': '/', nbsp: '\u00a0' };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27|#x2F|nbsp);/g, (_m, e: string) => ENTITIES[e]!);
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return m ? decode(m[1]!) : null;
};
const hasAttr = (tag: string, name: string) => new RegExp(`\\s${name}(?:=|\\s|>|/)`, 'i').test(tag);

interface HtmlForm {
  action: string | null;
  method: string;
  fields: [string, string][];
  html: string;
}

/** The forms of a page with the values a browser would submit: hidden and text fields, checked boxes, chosen options. */
function formsOf(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const open = `<form ${m[1]!}>`;
    const fields: [string, string][] = [];
    for (const f of m[2]!.matchAll(/<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g)) {
      const el = f[0];
      const tag = /^<[^>]*>/.exec(el)![0];
      const name = attr(tag, 'name');
      if (!name || hasAttr(tag, 'disabled')) continue;
      if (el.startsWith('<input')) {
        const type = (attr(tag, 'type') ?? 'text').toLowerCase();
        if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
        const box = type === 'checkbox' || type === 'radio';
        if (box && !hasAttr(tag, 'checked')) continue;
        fields.push([name, attr(tag, 'value') ?? (box ? 'on' : '')]);
      } else if (el.startsWith('<select')) {
        const options = [...el.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)];
        const chosen = options.filter((o) => hasAttr(o[1]!, 'selected'));
        const sent = hasAttr(tag, 'multiple') ? chosen : [chosen[0] ?? options[0]].filter((o) => o !== undefined);
        for (const o of sent) fields.push([name, attr(o[1]!, 'value') ?? decode(o[2]!.replace(/<[^>]*>/g, ''))]);
      } else fields.push([name, decode(el.replace(/^<[^>]*>/, '').replace(/<\/textarea>$/, ''))]);
    }
    forms.push({ action: attr(open, 'action'), method: (attr(open, 'method') ?? 'get').toLowerCase(), fields, html: m[0] });
  }
  return forms;
}

const formFor = (html: string, intent: string, where?: (f: HtmlForm) => boolean) =>
  formsOf(html).find((f) => f.method === 'post' && f.fields.some(([k, v]) => k === 'intent' && v === intent) && (!where || where(f))) ?? null;
const fieldOf = (form: HtmlForm, name: string) => form.fields.find(([k]) => k === name)?.[1] ?? null;

/** The form's fields with some values changed (and the CSRF token of the session that sends it). */
function filled(form: HtmlForm, changes: Record<string, string>, csrf?: string): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of form.fields) if (!(k in changes) && !(k === '_csrf' && csrf)) body.append(k, v);
  for (const [k, v] of Object.entries(changes)) body.append(k, v);
  if (csrf) body.set('_csrf', csrf);
  return body;
}

/** Same-origin links of a page matching a pattern (first capture group), without duplicates, in page order. */
const linksOf = (html: string, pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((m) => decode(m[1]!)))];
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

// ——— The server under test ———————————————————————————————————————————————————————————————————————

/**
 * Loaded into the server with --import: answers the bench's requests for memory and event-loop delay over IPC. It also
 * notes the WebAssembly memories the process makes (PGlite's database engine), whose size is neither V8 heap nor
 * `external`, and which never shrink.
 */
const PROBE = `
import { monitorEventLoopDelay } from 'node:perf_hooks';
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const memories = new Set();
const note = (instance) => {
  for (const e of Object.values(instance?.exports ?? {})) if (e instanceof WebAssembly.Memory) memories.add(new WeakRef(e));
  return instance;
};
const { instantiate, Instance, Memory } = WebAssembly;
WebAssembly.instantiate = async (...args) => {
  const r = await instantiate(...args);
  note(r instanceof Instance ? r : r.instance);
  return r;
};
WebAssembly.Memory = new Proxy(Memory, { construct: (target, args) => { const m = new target(...args); memories.add(new WeakRef(m)); return m; } });
process.on('message', (m) => {
  if (m !== 'soak:sample' || !process.send) return;
  const u = process.memoryUsage();
  let wasm = 0;
  for (const ref of memories) { const mem = ref.deref(); if (mem) wasm += mem.buffer.byteLength; else memories.delete(ref); }
  process.send({ soak: true, heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external, arrayBuffers: u.arrayBuffers, wasm,
    loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 });
  loop.reset();
});`;

interface Probe {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  wasm: number;
  loopP99: number;
  loopMax: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(PROBE)}`, 'server.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', CANTIERE_DEMO: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const deadline = Date.now() + 300_000;
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  for (;;) {
    if (exited !== undefined) throw new Error(`il server è terminato durante l’avvio (${exited})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error('il server non risponde a /readyz');
    await new Promise((r) => setTimeout(r, 250));
  }
}

function probeOf(child: ChildProcess): Promise<Probe | null> {
  if (!child.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(null), 5000);
    const onMessage = (m: unknown) => {
      if (m && typeof m === 'object' && 'soak' in m) done(m as unknown as Probe);
    };
    const done = (p: Probe | null) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(p);
    };
    child.on('message', onMessage);
    child.send('soak:sample');
  });
}

/** Resident memory (total, anonymous, peak) in MB and CPU time in seconds of a process, from Linux /proc. */
function processStats(pid: number): { rssMb: number; anonMb: number; hwmMb: number; cpuS: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
    // Fields 14 and 15 of /proc/<pid>/stat (after the command in parentheses): user and system time in clock ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuS = (Number(after[11]) + Number(after[12])) / 100;
    return { rssMb: round(kb('VmRSS')), anonMb: round(kb('RssAnon')), hwmMb: round(kb('VmHWM')), cpuS };
  } catch {
    return null;
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

// ——— Requests, measured from their scheduled time ————————————————————————————————————————————————

type Outcome = 'ok' | 'error' | 'expected409';
interface Done {
  kind: string;
  role: Role;
  write: boolean;
  scheduled: number;
  done: number;
  latency: number;
  /** The HTTP status, or what went wrong: timeout, rete (the connection, with its code), flusso (a flow could not go on). */
  status: number | string;
  outcome: Outcome;
}

let t0 = 0;
const records: Done[] = [];
const flowFailures: string[] = [];
let inFlight = 0;
let base = '';
const sessions = new Map<Role, { session: BrowserSession; csrf: string }>();

interface Answer {
  status: number;
  location: string | null;
  body: string;
}

/**
 * One request of the schedule: sent now, for the slot scheduled at `scheduled` (performance.now() time). A 2xx or 3xx is
 * a success, except a redirect to the sign-in page of a signed-in role (a lost session); a 409 is expected only where a
 * flow races on purpose. Returns the answer, or null when it failed.
 */
async function send(
  kind: string,
  role: Role,
  path: string,
  scheduled: number,
  options: { body?: URLSearchParams; expect409?: boolean; record?: boolean } = {},
): Promise<Answer | null> {
  const { session } = sessions.get(role)!;
  const write = !!options.body;
  inFlight++;
  let status: Done['status'];
  let answer: Answer | null = null;
  try {
    const response = await session.fetch(path, {
      method: write ? 'POST' : 'GET',
      body: options.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    status = response.status;
    answer = { status, location: response.headers.get('location'), body };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    status = e.name === 'TimeoutError' ? 'timeout' : `rete${e.cause?.code ? ` ${e.cause.code}` : ''}`;
  } finally {
    inFlight--;
  }
  const now = performance.now();
  let outcome: Outcome = 'error';
  if (typeof status === 'number') {
    const lostSession = status >= 300 && status < 400 && role !== 'anonymous' && (answer?.location ?? '').startsWith('/accedi');
    if (status === 409 && options.expect409) outcome = 'expected409';
    else if (status < 400 && !lostSession) outcome = 'ok';
  }
  if (options.record !== false) records.push({ kind, role, write, scheduled: scheduled - t0, done: now - t0, latency: now - scheduled, status, outcome });
  return outcome === 'error' ? null : answer;
}

/** A flow that could not go on although its requests succeeded (a form or a link missing): counted as an error. */
function flowFailure(kind: string, role: Role, scheduled: number, why: string, record = true) {
  if (flowFailures.length < 20) flowFailures.push(`${kind}: ${why}`);
  if (record)
    records.push({ kind, role, write: false, scheduled: scheduled - t0, done: performance.now() - t0, latency: 0, status: 'flusso', outcome: 'error' });
}

// ——— What the roles read ——————————————————————————————————————————————————————————————————————————

interface Targets {
  planId: string;
  regionCode: string;
  indicators: Indicator[];
  portalObjectives: string[];
  datasets: string[];
  bodies: { path: string; create: HtmlForm }[];
  meetings: string[];
  needs: string[];
  bringForm: HtmlForm | null;
}

interface Indicator {
  path: string;
  period: string | null;
  busy: boolean;
}

interface Read {
  kind: string;
  role: Role;
  weight: number;
  path: () => string;
}

function readsOf(t: Targets): Read[] {
  const a = `/ambiti/${AMBITO}`;
  const plan = `${a}/piani/${t.planId}`;
  const monitoring = `${a}/monitoraggio/${t.planId}`;
  const r = (kind: string, role: Role, weight: number, path: string | (() => string)): Read => ({
    kind,
    role,
    weight,
    path: typeof path === 'string' ? () => path : path,
  });
  // The weights (shares of the reads) follow what a platform serves most: API clients and calendar subscriptions poll
  // small answers, people open Ambito pages, and the heavy pages (the portal, the plan, the monitoring dashboard: 100–250
  // ms of a single PGlite process each) are a few in a hundred. `--calibrate` prints what each one costs.
  return [
    // Machines: the API, the calendar subscriptions, the open data.
    r('API: ambiti', 'anonymous', 6, '/api/v1/ambiti'),
    r('API: Ambito', 'anonymous', 6, `/api/v1/ambiti/${AMBITO}`),
    r('API: piano', 'anonymous', 5, `/api/v1/piani/${t.planId}`),
    r('API: indicatori', 'anonymous', 5, `/api/v1/piani/${t.planId}/indicatori`),
    r('API: LEPS', 'anonymous', 3, `/api/v1/ambiti/${AMBITO}/leps`),
    r('calendario ICS', 'coordinator', 5, `${a}/calendario.ics`),
    r('calendario ICS', 'mayor', 5, `${a}/calendario.ics`),
    r('riunione: ICS', 'coordinator', 2, () => `${pick(t.meetings)}/invito.ics`),
    r('dati aperti: catalogo', 'anonymous', 2, '/dati'),
    r('dati aperti: Ambito', 'anonymous', 0.3, `/dati/${AMBITO}`),
    r('dati aperti: file', 'anonymous', 0.5, () => pick(t.datasets)),
    // Citizens: the portal, the public Ambito page, the LEPS catalogue.
    r('portale: calendario', 'anonymous', 3, `/portale/${AMBITO}/calendario`),
    r('portale: home', 'anonymous', 0.4, `/portale/${AMBITO}`),
    r('portale: piano', 'anonymous', 0.3, `/portale/${AMBITO}/piano`),
    r('portale: obiettivo', 'anonymous', 0.6, () => `/portale/${AMBITO}/piano/obiettivi/${encodeURIComponent(pick(t.portalObjectives))}`),
    r('Ambito (pubblico)', 'anonymous', 3, a),
    r('LEPS: catalogo', 'anonymous', 2, '/leps/catalogo'),
    // The Office of plan.
    r('Ambito', 'coordinator', 4, a),
    r('piani', 'coordinator', 2, `${a}/piani`),
    r('piano', 'coordinator', 0.4, plan),
    r('monitoraggio: cruscotto', 'coordinator', 0.3, monitoring),
    r('organi', 'coordinator', 1.5, `${a}/organi`),
    r('organo', 'coordinator', 1, () => pick(t.bodies).path),
    r('riunione', 'coordinator', 2, () => pick(t.meetings)),
    r('glossario', 'coordinator', 1.5, `${a}/glossario`),
    r('Ambito', 'staff', 4, a),
    r('monitoraggio: indicatore', 'staff', 2, () => pick(t.indicators).path),
    r('monitoraggio: cruscotto', 'staff', 0.2, monitoring),
    r('LEPS: Ambito', 'staff', 0.5, `${a}/leps`),
    r('risorse', 'staff', 0.7, `${a}/risorse`),
    r('bisogni', 'staff', 0.3, `${a}/partecipazione/bisogni`),
    r('bisogno', 'staff', 1, () => pick(t.needs)),
    // The comuni, the third sector, the mayor, the Region.
    r('Ambito', 'comune_referent', 3, a),
    r('raccolte', 'comune_referent', 1.5, `${a}/raccolte`),
    r('monitoraggio: cruscotto', 'comune_referent', 0.2, monitoring),
    r('territorio', 'comune_referent', 0.7, `${a}/territorio`),
    r('partecipazione', 'third_sector', 2, `${a}/partecipazione`),
    r('bisogni', 'third_sector', 0.3, `${a}/partecipazione/bisogni`),
    r('bisogno', 'third_sector', 1, () => pick(t.needs)),
    r('avvisi', 'third_sector', 1.5, `${a}/partecipazione/avvisi`),
    r('Ambito', 'mayor', 3, a),
    r('monitoraggio: cruscotto', 'mayor', 0.2, monitoring),
    r('piano', 'mayor', 0.2, plan),
    r('Regione', 'regional_reviewer', 1.5, `/regioni/${t.regionCode}`),
    r('Regione: LEPS', 'regional_reviewer', 1, `/regioni/${t.regionCode}?vista=leps`),
  ];
}

// ——— The write flows: each step is one request of the schedule ——————————————————————————————————————

/** Waits for the next write slot of the schedule: its scheduled time, or null when the run is over. */
type Slot = () => Promise<number | null>;
let runId = '';
let counter = 0;

/** Today in ISO, plus `days`. */
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A measurement saved on an indicator (a new one the first time, then corrected with its version), by the staff. */
async function measurementFlow(slot: Slot, targets: Targets, record = true, only?: Indicator): Promise<boolean> {
  const free = only ? [only] : targets.indicators.filter((i) => !i.busy);
  if (free.length === 0) return false;
  const indicator = pick(free);
  indicator.busy = true;
  try {
    const s1 = await slot();
    if (s1 === null) return false;
    const page = indicator.period ? `${indicator.path}?periodo=${encodeURIComponent(indicator.period)}` : indicator.path;
    const answer = await send('monitoraggio: indicatore (per la misura)', 'staff', page, s1, { record });
    if (!answer) return false;
    const form = formFor(answer.body, 'measurement');
    if (!form) return (flowFailure('monitoraggio: indicatore (per la misura)', 'staff', s1, `modulo della misura assente su ${page}`, record), false);
    const value = String(1 + Math.floor(random() * 90));
    const changes: Record<string, string> = { note: `Prova di durata ${runId}` };
    if (fieldOf(form, 'numerator') !== null) Object.assign(changes, { numerator: value, denominator: '100' });
    else if (/<select\b[^>]*name="value"/.test(form.html)) changes.value = random() < 0.5 ? 'sì' : 'no';
    else changes.value = value;
    const s2 = await slot();
    if (s2 === null) return false;
    const saved = await send('scrittura: misura', 'staff', form.action ?? indicator.path, s2, { body: filled(form, changes), record });
    if (!saved) return false;
    indicator.period = fieldOf(form, 'period');
    return true;
  } finally {
    indicator.busy = false;
  }
}

/** A glossary term added, then removed from its edit form (so the glossary keeps its size), by the coordinator or the staff. */
async function glossaryFlow(slot: Slot): Promise<void> {
  const role: Role = random() < 0.5 ? 'coordinator' : 'staff';
  const page = `/ambiti/${AMBITO}/glossario`;
  const n = ++counter;
  const s1 = await slot();
  if (s1 === null) return;
  const term = `Prova di durata ${runId} ${n}`;
  const body = new URLSearchParams({
    _csrf: sessions.get(role)!.csrf,
    intent: 'add',
    term,
    definition: `Voce ${n} aggiunta e tolta dalla prova di durata.`,
    source: '',
  });
  const added = await send('scrittura: glossario, aggiunta', role, page, s1, { body });
  if (!added) return;
  const slug = added.location?.split('#')[1];
  if (!slug) return flowFailure('scrittura: glossario, aggiunta', role, s1, `nessuna voce nel rinvio (${added.location})`);
  const s2 = await slot();
  if (s2 === null) return;
  const editing = await send('glossario (modifica)', role, `${page}?modifica=${encodeURIComponent(slug)}`, s2);
  if (!editing) return;
  const edit = formFor(editing.body, 'edit');
  const termId = edit && fieldOf(edit, 'termId');
  const remove = termId ? formFor(editing.body, 'remove', (f) => fieldOf(f, 'termId') === termId) : null;
  if (!remove) return flowFailure('glossario (modifica)', role, s2, `modulo per togliere «${term}» assente`);
  const s3 = await slot();
  if (s3 === null) return;
  await send('scrittura: glossario, rimozione', role, remove.action ?? page, s3, { body: filled(remove, {}) });
}

/** A need brought by the third sector, then its page (where the form sends it). */
async function needFlow(slot: Slot, targets: Targets): Promise<void> {
  const form = targets.bringForm!;
  const n = ++counter;
  const s1 = await slot();
  if (s1 === null) return;
  const body = filled(form, {
    statement: `Bisogno segnalato dalla prova di durata (${runId}, n. ${n}): trasporti per le visite mediche degli anziani soli.`,
    category: 'Mobilità',
    targetGroup: 'Anziani',
    evidence: 'Richieste raccolte allo sportello nelle ultime settimane.',
  });
  const brought = await send('scrittura: bisogno', 'third_sector', form.action ?? `/ambiti/${AMBITO}/partecipazione/bisogni`, s1, { body });
  if (!brought) return;
  if (!brought.location) return flowFailure('scrittura: bisogno', 'third_sector', s1, 'nessun rinvio alla pagina del bisogno');
  const s2 = await slot();
  if (s2 === null) return;
  if (await send('bisogno (dopo l’invio)', 'third_sector', brought.location, s2)) targets.needs.push(brought.location.split('?')[0]!);
}

/**
 * A meeting created by the coordinator, then its page, then an edit; one flow in three then races: the coordinator
 * and the staff send an edit with the same version, and exactly one of the two must be refused with 409.
 */
async function meetingFlow(slot: Slot, targets: Targets): Promise<void> {
  const body = targets.bodies[counter % targets.bodies.length]!;
  const n = ++counter;
  const s1 = await slot();
  if (s1 === null) return;
  const create = filled(body.create, {
    title: `Riunione della prova di durata n. ${n}`,
    date: isoDay(7 + (n % 300)),
    startTime: '09:30',
    endTime: '11:00',
    place: 'Sala consiliare',
    agenda: 'Punto unico: verifica dell’andamento del piano.',
  });
  const created = await send('scrittura: riunione, creazione', 'coordinator', body.create.action ?? body.path, s1, { body: create });
  if (!created) return;
  const meeting = created.location ? /^(\/ambiti\/[^/]+\/riunioni\/[0-9a-f-]{36})/.exec(created.location)?.[1] : undefined;
  if (!meeting || !created.location) return flowFailure('scrittura: riunione, creazione', 'coordinator', s1, `rinvio inatteso (${created.location})`);
  const s2 = await slot();
  if (s2 === null) return;
  const page = await send('riunione (dopo la creazione)', 'coordinator', created.location, s2);
  if (!page) return;
  const edit = formFor(page.body, 'edit');
  if (!edit) return flowFailure('riunione (dopo la creazione)', 'coordinator', s2, 'modulo di modifica assente');
  const s3 = await slot();
  if (s3 === null) return;
  if (
    !(await send('scrittura: riunione, modifica', 'coordinator', edit.action ?? meeting, s3, { body: filled(edit, { place: 'Sala riunioni, secondo piano' }) }))
  )
    return;
  targets.meetings.push(meeting);
  if (n % 3 !== 0) return;
  const s4 = await slot();
  if (s4 === null) return;
  const fresh = await send('riunione', 'coordinator', meeting, s4);
  const again = fresh && formFor(fresh.body, 'edit');
  if (!again) return fresh ? flowFailure('riunione', 'coordinator', s4, 'modulo di modifica assente') : undefined;
  // The same version from two people: sent one slot apart, each waits for its own answer.
  const s5 = await slot();
  if (s5 === null) return;
  const first = send('scrittura: riunione, modifica concorrente', 'coordinator', again.action ?? meeting, s5, {
    body: filled(again, { agenda: 'Due punti: andamento del piano; calendario.' }),
    expect409: true,
  });
  const s6 = await slot();
  const second =
    s6 === null
      ? Promise.resolve(null)
      : send('scrittura: riunione, modifica concorrente', 'staff', again.action ?? meeting, s6, {
          body: filled(again, { place: 'Sala del Consiglio' }, sessions.get('staff')!.csrf),
          expect409: true,
        });
  const answers = await Promise.all([first, second]);
  if (s6 === null) return;
  const statuses = answers.map((x) => x?.status);
  if (!(statuses.includes(409) && statuses.some((s) => s !== undefined && s >= 300 && s < 400)))
    flowFailure('scrittura: riunione, modifica concorrente', 'staff', s6, `attesi un 3xx e un 409, avuti ${statuses.join(' e ')}`);
}

// ——— Set-up: sessions, the demo's ids, the mix checked once ————————————————————————————————————————

async function setUp(): Promise<{ targets: Targets; reads: Read[]; skipped: string[] }> {
  sessions.set('anonymous', { session: new BrowserSession(base), csrf: '' });
  for (const [role, email] of Object.entries(ACCOUNTS) as [Role, string][]) {
    const session = new BrowserSession(base);
    await session.signIn(email, PASSWORD);
    // The CSRF token of a signed-in browser is derived from its session: read from a page after signing in.
    sessions.set(role, { session, csrf: await session.csrf(`/ambiti/${AMBITO}`) });
  }
  const get = async (role: Role, path: string) => {
    const r = await sessions.get(role)!.session.fetch(path);
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${path} (${role}): HTTP ${r.status}`);
    return body;
  };
  const a = `/ambiti/${AMBITO}`;
  const ambito = JSON.parse(await get('anonymous', `/api/v1/ambiti/${AMBITO}`)) as { data: { region: { code: string } } };
  const monitoring = await get('staff', `${a}/monitoraggio`);
  const planId = linksOf(monitoring, new RegExp(`href="${a}/monitoraggio/(${UUID})"`, 'g'))[0];
  if (!planId) throw new Error('nessun piano monitorato nell’Ambito');
  const dashboard = await get('staff', `${a}/monitoraggio/${planId}`);
  const indicatorPaths = linksOf(dashboard, new RegExp(`href="(${a}/monitoraggio/${planId}/indicatori/${UUID})"`, 'g'));
  const portal = await get('anonymous', `/portale/${AMBITO}/piano`);
  const opendata = await get('anonymous', `/dati/${AMBITO}`);
  const bodiesPage = await get('coordinator', `${a}/organi`);
  const bodies: Targets['bodies'] = [];
  const meetings: string[] = [];
  for (const path of linksOf(bodiesPage, new RegExp(`href="(${a}/organi/${UUID})"`, 'g'))) {
    const html = await get('coordinator', path);
    const create = formFor(html, 'create-meeting');
    if (create) bodies.push({ path, create });
    meetings.push(...linksOf(html, new RegExp(`href="(${a}/riunioni/${UUID})"`, 'g')));
  }
  const needsPage = await get('third_sector', `${a}/partecipazione/bisogni`);
  const targets: Targets = {
    planId,
    regionCode: ambito.data.region.code,
    indicators: indicatorPaths.map((path) => ({ path, period: null, busy: false })),
    portalObjectives: linksOf(portal, new RegExp(`href="/portale/${AMBITO}/piano/obiettivi/([^"?#]+)`, 'g')).map(decodeURIComponent),
    datasets: linksOf(opendata, new RegExp(`href="(?:https?://[^/"]+)?(/dati/${AMBITO}/[^"/?#]+\\.(?:csv|json))"`, 'g')),
    bodies,
    meetings: [...new Set(meetings)],
    needs: linksOf(needsPage, new RegExp(`href="(${a}/partecipazione/bisogni/${UUID})"`, 'g')).slice(0, 30),
    bringForm: formFor(needsPage, 'bring'),
  };
  // A few indicators spread over the plan, always the same ones.
  const every = Math.max(1, Math.floor(targets.indicators.length / Number(values.indicators)));
  targets.indicators = targets.indicators.filter((_, i) => i % every === 0).slice(0, Number(values.indicators));
  const missing = Object.entries({
    indicatori: targets.indicators,
    'obiettivi del portale': targets.portalObjectives,
    'dati aperti': targets.datasets,
    'organi con riunioni': targets.bodies,
    riunioni: targets.meetings,
    bisogni: targets.needs,
  }).filter(([, list]) => list.length === 0);
  if (missing.length) throw new Error(`la demo non ha: ${missing.map(([k]) => k).join(', ')}`);

  // Every read once (a warm-up too): those a role may not open are left out of the mix, and said.
  const skipped: string[] = [];
  const reads: Read[] = [];
  for (const read of readsOf(targets)) {
    const path = read.path();
    const answer = await send(read.kind, read.role, path, performance.now(), { record: false });
    if (answer) reads.push(read);
    else skipped.push(`${read.kind} (${read.role}) ${path}`);
  }
  // Every indicator once through the measurement flow: those the staff cannot measure (or whose form this script
  // cannot fill) are left out.
  const now: Slot = async () => performance.now();
  const measurable: Indicator[] = [];
  for (const indicator of targets.indicators) {
    // The period the form suggests; from then on the flow opens the page on that period, where a value already saved
    // (by an earlier run on the same server) comes with its version.
    const page = await send('monitoraggio: indicatore', 'staff', indicator.path, performance.now(), { record: false });
    indicator.period = page ? fieldOf(formFor(page.body, 'measurement') ?? { action: null, method: 'post', fields: [], html: '' }, 'period') : null;
    if (indicator.period && (await measurementFlow(now, targets, false, indicator))) measurable.push(indicator);
  }
  if (measurable.length === 0) throw new Error('nessun indicatore misurabile dallo staff');
  if (measurable.length < targets.indicators.length) skipped.push(`${targets.indicators.length - measurable.length} indicatori non misurabili`);
  targets.indicators = measurable;
  return { targets, reads, skipped };
}

// ——— The run ——————————————————————————————————————————————————————————————————————————————————————

interface Sample {
  t: number;
  rssMb: number | null;
  rssAnonMb: number | null;
  peakMb: number | null;
  heapUsedMb: number | null;
  heapTotalMb: number | null;
  externalMb: number | null;
  arrayBuffersMb: number | null;
  /** The WebAssembly memories of the process (PGlite). */
  wasmMb: number | null;
  loopP99Ms: number | null;
  loopMaxMs: number | null;
  serverCpuPct: number | null;
  benchCpuPct: number;
  load1: number;
  dbMb: number | null;
  inFlight: number;
  /** The requests answered since the sample before. */
  window?: Span;
}

interface Span {
  from: number;
  to: number;
  requests: number;
  ok: number;
  errors: Record<string, number>;
  expected409: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The requests answered between `from` and `to` (ms from the start), or scheduled then with `by` 'scheduled'. */
function windowOf(from: number, to: number, by: 'done' | 'scheduled' = 'done'): Span {
  const done = records.filter((r) => r[by] >= from && r[by] < to);
  const latencies = done
    .filter((r) => r.status !== 'flusso')
    .map((r) => r.latency)
    .sort((x, y) => x - y);
  const errors: Record<string, number> = {};
  for (const r of done) if (r.outcome === 'error') errors[String(r.status)] = (errors[String(r.status)] ?? 0) + 1;
  return {
    from: round(from / 1000, 0),
    to: round(to / 1000, 0),
    requests: done.filter((r) => r.status !== 'flusso').length,
    ok: done.filter((r) => r.outcome === 'ok').length,
    errors,
    expected409: done.filter((r) => r.outcome === 'expected409').length,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
  };
}

const errorCount = (w: Span) => Object.values(w.errors).reduce((s, n) => s + n, 0);

/** Least-squares slope of y over x. */
function slope(points: readonly [number, number][]): number | null {
  if (points.length < 3) return null;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? null : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
}

/** Each read alone, five times in a row (median): what the mix costs the server per request, weighed. */
async function calibrate(reads: Read[]) {
  const rows: { read: Read; ms: number }[] = [];
  for (const read of reads) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await send(read.kind, read.role, read.path(), start, { record: false });
      times.push(performance.now() - start);
    }
    rows.push({
      read,
      ms: percentile(
        times.sort((x, y) => x - y),
        50,
      ),
    });
  }
  const weight = rows.reduce((s, r) => s + r.read.weight, 0);
  const mean = rows.reduce((s, r) => s + r.read.weight * r.ms, 0) / weight;
  const lines = ['| lettura | ruolo | peso | mediana ms | quota del costo |', '|---|---|---:|---:|---:|'];
  for (const r of rows.sort((x, y) => y.read.weight * y.ms - x.read.weight * x.ms))
    lines.push(`| ${r.read.kind} | ${r.read.role} | ${r.read.weight} | ${fmt(r.ms)} | ${fmt((r.read.weight * r.ms * 100) / (mean * weight))} % |`);
  lines.push(
    `\nCosto medio pesato di una lettura: ${fmt(mean)} ms; a ${fmt(rate)} richieste/s le letture chiedono circa ${fmt((mean * rate * (1 - writeShare)) / 10)} % di un core.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  let child: ChildProcess | null = null;
  let dataDir: string | null = null;
  let pgClient: pg.Client | null = null;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  runId = `${stamp.slice(0, 10)}-${Math.floor(random() * 1e6).toString(36)}`;
  try {
    if (values.url) {
      const url = new URL(values.url);
      // A load test sends traffic only to this machine.
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && !url.hostname.startsWith('127.'))
        throw new Error('--url: solo un server su questa macchina (127.0.0.1, localhost, [::1])');
      base = url.origin;
    } else {
      const port = await freePort();
      const env: Record<string, string> = { DATABASE_URL: databaseUrl };
      if (!databaseUrl) env.CANTIERE_DATA_DIR = dataDir = mkdtempSync(join(tmpdir(), 'cantiere-soak-'));
      say(`avvio del server (${databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`}, porta ${port})…`);
      child = await startServer(env, port);
      base = `http://127.0.0.1:${port}`;
      if (databaseUrl) {
        pgClient = new pg.Client({ connectionString: databaseUrl });
        await pgClient.connect();
      }
    }
    say('accesso dei ruoli e lettura della demo…');
    const { targets, reads, skipped } = await setUp();
    for (const s of skipped) say(`escluso dal mix: ${s}`);
    say(
      `${reads.length} letture, ${targets.indicators.length} indicatori, ${targets.bodies.length} organi, ${targets.meetings.length} riunioni; ${rate} richieste/s per ${durationS} s`,
    );
    if (values.calibrate) return await calibrate(reads);

    const dbBytes = async () => {
      if (dataDir) return folderBytes(dataDir);
      if (pgClient) return Number((await pgClient.query<{ n: string }>('select pg_database_size(current_database()) as n')).rows[0]!.n);
      return null;
    };
    const samples: Sample[] = [];
    let lastCpu = child?.pid ? (processStats(child.pid)?.cpuS ?? 0) : 0;
    let lastBenchCpu = process.cpuUsage();
    let lastAt = performance.now();
    const sample = async (t: number, window?: Span) => {
      const stats = child?.pid ? processStats(child.pid) : null;
      const probe = child ? await probeOf(child) : null;
      const now = performance.now();
      const benchCpu = process.cpuUsage(lastBenchCpu);
      const seconds = (now - lastAt) / 1000;
      const db = await dbBytes();
      const s: Sample = {
        t: round(t / 1000, 0),
        rssMb: stats?.rssMb ?? null,
        rssAnonMb: stats?.anonMb ?? null,
        peakMb: stats?.hwmMb ?? null,
        heapUsedMb: probe ? round(probe.heapUsed / MB) : null,
        heapTotalMb: probe ? round(probe.heapTotal / MB) : null,
        externalMb: probe ? round(probe.external / MB) : null,
        arrayBuffersMb: probe ? round(probe.arrayBuffers / MB) : null,
        wasmMb: probe ? round(probe.wasm / MB) : null,
        loopP99Ms: probe ? round(probe.loopP99) : null,
        loopMaxMs: probe ? round(probe.loopMax) : null,
        serverCpuPct: stats ? round(((stats.cpuS - lastCpu) / seconds) * 100, 0) : null,
        benchCpuPct: round(((benchCpu.user + benchCpu.system) / 1e6 / seconds) * 100, 0),
        load1: round(loadavg()[0]!, 2),
        dbMb: db === null ? null : round(db / MB),
        inFlight,
        window,
      };
      if (stats) lastCpu = stats.cpuS;
      lastBenchCpu = process.cpuUsage();
      lastAt = now;
      samples.push(s);
      return s;
    };

    // The schedule: slot i leaves at t0 + i / rate. A write slot goes to a flow waiting for its next step, else starts
    // a new flow (at most 16 at once), else is a read.
    const waiting: ((scheduled: number | null) => void)[] = [];
    const slot: Slot = () => new Promise((resolve) => waiting.push(resolve));
    const flows = new Set<Promise<unknown>>();
    const FLOWS = [
      { weight: 4, start: () => measurementFlow(slot, targets) },
      { weight: 2, start: () => glossaryFlow(slot) },
      { weight: 2, start: () => meetingFlow(slot, targets) },
      ...(targets.bringForm ? [{ weight: 1, start: () => needFlow(slot, targets) }] : []),
    ];
    const pending = new Set<Promise<unknown>>();
    const fire = (scheduled: number) => {
      if (random() < writeShare) {
        if (waiting.length === 0 && flows.size < 16) {
          const flow = weighted(FLOWS).start();
          flows.add(flow);
          void flow.finally(() => flows.delete(flow));
        }
        const next = waiting.shift();
        if (next) return next(scheduled);
      }
      const read = weighted(reads);
      const request = send(read.kind, read.role, read.path(), scheduled);
      pending.add(request);
      void request.finally(() => pending.delete(request));
    };

    const total = Math.floor(rate * durationS);
    const step = 1000 / rate;
    t0 = performance.now() + 50;
    let nextSample = t0 + intervalMs;
    let windowStart = t0;
    const report = async (at: number) => {
      const w = windowOf(windowStart - t0, at - t0);
      windowStart = at;
      const s = await sample(at - t0, w);
      say(
        `${String(s.t).padStart(4)} s: ${w.requests} richieste, ${errorCount(w)} errori${w.expected409 ? `, ${w.expected409} 409 attesi` : ''}, p50 ${fmt(w.p50)} p95 ${fmt(w.p95)} p99 ${fmt(w.p99)} ms; ` +
          `RSS ${fmt(s.rssMb)} MB, heap ${fmt(s.heapUsedMb)} MB, WASM ${fmt(s.wasmMb)} MB, DB ${fmt(s.dbMb)} MB, CPU server ${fmt(s.serverCpuPct)} %, in volo ${s.inFlight}`,
      );
    };
    await sample(0);
    let reporting: Promise<void> = Promise.resolve();
    for (let i = 0; i < total;) {
      const now = performance.now();
      while (i < total && t0 + i * step <= now) fire(t0 + i++ * step);
      if (now >= nextSample) {
        // Sampling waits for the server's answer over IPC: it runs beside the schedule, never holding it up.
        const at = nextSample;
        reporting = reporting.then(() => report(at));
        nextSample += intervalMs;
      }
      const wait = Math.min(t0 + i * step, nextSample) - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    // The run is over: flows waiting for a slot stop, the requests in flight are awaited (each has its time-out).
    for (const w of waiting.splice(0)) w(null);
    await Promise.all([...pending, ...flows]);
    await reporting;
    await report(Math.max(performance.now(), windowStart + 1));

    // ——— Results ———
    const end = records.reduce((m, r) => Math.max(m, r.done), 0);
    const all = windowOf(0, end + 1);
    // Per minute of the schedule: the requests due in that minute, however late they were answered.
    const minutes: (Span & {
      rssMb: number | null;
      heapUsedMinMb: number | null;
      heapUsedMaxMb: number | null;
      heapTotalMb: number | null;
      wasmMb: number | null;
      dbMb: number | null;
      serverCpuPct: number | null;
      load1: number;
    })[] = [];
    for (let m = 0; m * 60_000 < durationS * 1000; m++) {
      const w = windowOf(m * 60_000, (m + 1) * 60_000, 'scheduled');
      const inMinute = samples.filter((s) => s.t > m * 60 && s.t <= (m + 1) * 60);
      const last = inMinute[inMinute.length - 1];
      const cpu = inMinute.map((s) => s.serverCpuPct).filter((v): v is number => v !== null);
      const heap = inMinute.map((s) => s.heapUsedMb).filter((v): v is number => v !== null);
      minutes.push({
        ...w,
        rssMb: last?.rssMb ?? null,
        heapUsedMinMb: heap.length ? Math.min(...heap) : null,
        heapUsedMaxMb: heap.length ? Math.max(...heap) : null,
        heapTotalMb: last?.heapTotalMb ?? null,
        wasmMb: last?.wasmMb ?? null,
        dbMb: last?.dbMb ?? null,
        serverCpuPct: cpu.length ? round(cpu.reduce((s, v) => s + v, 0) / cpu.length, 0) : null,
        load1: round(inMinute.reduce((s, v) => s + v.load1, 0) / Math.max(1, inMinute.length), 2),
      });
    }
    const kinds = [...new Set(records.map((r) => `${r.kind}|${r.role}`))].map((key) => {
      const [kind, role] = key.split('|') as [string, Role];
      const rs = records.filter((r) => r.kind === kind && r.role === role && r.status !== 'flusso');
      const lat = rs.map((r) => r.latency).sort((x, y) => x - y);
      return {
        kind,
        role,
        write: rs.some((r) => r.write),
        requests: rs.length,
        errors: rs.filter((r) => r.outcome === 'error').length,
        expected409: rs.filter((r) => r.outcome === 'expected409').length,
        p50: round(percentile(lat, 50)),
        p95: round(percentile(lat, 95)),
        p99: round(percentile(lat, 99)),
      };
    });
    kinds.sort((x, y) => Number(x.write) - Number(y.write) || y.requests - x.requests);
    const fit = (field: keyof Sample, from = 120) => {
      const points = samples
        .filter((s) => s.t >= from)
        .filter((s) => typeof s[field] === 'number')
        .map((s) => [s.t / 60, s[field] as number] as [number, number]);
      const v = slope(points);
      return v === null ? null : round(v, 2);
    };
    const slopes = {
      rssMbPerMin: fit('rssMb'),
      rssAnonMbPerMin: fit('rssAnonMb'),
      heapUsedMbPerMin: fit('heapUsedMb'),
      heapTotalMbPerMin: fit('heapTotalMb'),
      wasmMbPerMin: fit('wasmMb'),
      dbMbPerMin: fit('dbMb'),
      // The second half alone: a growth that is slowing down (a cache filling up) is smaller here.
      rssMbPerMinSecondHalf: fit('rssMb', durationS / 2),
    };
    const setup = {
      date: new Date().toISOString(),
      rate,
      durationS,
      writeShare,
      seed: Number(values.seed),
      database: values.url ? 'server esterno' : databaseUrl ? 'PostgreSQL' : 'PGlite',
      url: values.url ?? null,
      cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
      node: process.version,
      reads: reads.map((r) => ({ kind: r.kind, role: r.role, weight: r.weight })),
      skipped,
      flowFailures,
    };
    const result = { setup, total: all, minutes, kinds, samples, slopes };
    const out = values.out ?? join(tmpdir(), `cantiere-soak-${stamp}.json`);
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);

    // ——— Markdown ———
    const lines: string[] = [];
    const errs = errorCount(all);
    lines.push(
      `\n${setup.database}, ${fmt(rate)} richieste/s per ${fmt(durationS)} s (${fmt(all.requests)} richieste, scritture ${fmt(writeShare * 100)} % delle richieste), ` +
        `${setup.cpus}, Node ${process.version}; risultati completi in ${out}\n`,
    );
    lines.push(
      `Totale: ${fmt(all.ok)} riuscite, ${fmt(errs)} errori${
        errs
          ? ` (${Object.entries(all.errors)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')})`
          : ''
      }, ` + `${fmt(all.expected409)} 409 attesi; p50 ${fmt(all.p50)} ms, p95 ${fmt(all.p95)} ms, p99 ${fmt(all.p99)} ms, max ${fmt(all.max)} ms.\n`,
    );
    lines.push(
      '| minuto | richieste | errori | 409 attesi | p50 ms | p95 ms | p99 ms | max ms | RSS MB (fine) | heap usato MB (min–max) | heap totale MB | WASM MB | DB MB | CPU server % | carico macchina |',
    );
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [i, m] of minutes.entries())
      lines.push(
        `| ${i + 1} | ${fmt(m.requests)} | ${fmt(errorCount(m))} | ${fmt(m.expected409)} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${fmt(m.max)} | ${fmt(m.rssMb)} | ${fmt(m.heapUsedMinMb, 0)}–${fmt(m.heapUsedMaxMb, 0)} | ${fmt(m.heapTotalMb)} | ${fmt(m.wasmMb)} | ${fmt(m.dbMb)} | ${fmt(m.serverCpuPct)} | ${fmt(m.load1, 2)} |`,
      );
    lines.push('\n| richiesta | ruolo | richieste | errori | 409 attesi | p50 ms | p95 ms | p99 ms |');
    lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const k of kinds)
      lines.push(`| ${k.kind} | ${k.role} | ${fmt(k.requests)} | ${fmt(k.errors)} | ${fmt(k.expected409)} | ${fmt(k.p50)} | ${fmt(k.p95)} | ${fmt(k.p99)} |`);
    lines.push(
      `\nPendenza dopo i primi 2 minuti (regressione lineare sui campioni ogni ${fmt(intervalMs / 1000)} s): RSS ${fmt(slopes.rssMbPerMin, 2)} MB/min, ` +
        `RSS anonima ${fmt(slopes.rssAnonMbPerMin, 2)} MB/min, heap usato ${fmt(slopes.heapUsedMbPerMin, 2)} MB/min, heap totale ${fmt(slopes.heapTotalMbPerMin, 2)} MB/min, ` +
        `WASM ${fmt(slopes.wasmMbPerMin, 2)} MB/min, database ${fmt(slopes.dbMbPerMin, 2)} MB/min; RSS nella seconda metà ${fmt(slopes.rssMbPerMinSecondHalf, 2)} MB/min.`,
    );
    if (flowFailures.length) lines.push(`\nFlussi interrotti: ${flowFailures.join('; ')}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (errs > 0) process.exitCode = 1;
  } finally {
    await pgClient?.end();
    if (child) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const timer = setTimeout(r, 10_000);
        child!.once('exit', () => (clearTimeout(timer), r(null)));
      });
    }
    if (dataDir && !values.keep) rmSync(dataDir, { recursive: true, force: true });
    else if (dataDir) say(`cartella dei dati tenuta: ${dataDir}`);
  }
}

await main();
