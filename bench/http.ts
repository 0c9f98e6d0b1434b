// HTTP benchmark: requests per second and p50/p95/p99 latency of /healthz and of the Ambito home page, measured with
// autocannon on loopback in the same run as a bare node:http server answering a fixed body; prints the ratios.
// Usage: npm run build && npm run bench [-- --duration 10 --connections 10]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    // Also measure the page on a PostgreSQL server (the production set-up), e.g. postgres://postgres@127.0.0.1:55432/postgres
    'database-url': { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const root = new URL('..', import.meta.url).pathname;

function start(cmd: string[], env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, cmd, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 120_000;
    const poll = async () => {
      try {
        if ((await fetch(readyUrl)).ok) return resolve(child);
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline) return reject(new Error(`${readyUrl} non risponde`));
      setTimeout(poll, 250);
    };
    child.once('exit', (code) => reject(new Error(`processo terminato (${code})`)));
    void poll();
  });
}

interface Row {
  target: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Exact percentile of the recorded latencies (nearest rank). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(target: string, url: string): Promise<Row> {
  await autocannon({ url, connections, duration: 2 }); // warm-up
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration }, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 100) / 100;
  return {
    target,
    rps: Math.round(r.requests.average),
    p50: ms(percentile(times, 50)),
    p95: ms(percentile(times, 95)),
    p99: ms(percentile(times, 99)),
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'cantiere-bench-'));
const children: ChildProcess[] = [];
try {
  children.push(await start(['bench/bare-server.ts'], { PORT: '3301' }, 'http://127.0.0.1:3301/'));
  children.push(
    await start(
      ['server.ts'],
      { PORT: '3302', HOST: '127.0.0.1', CANTIERE_DATA_DIR: dataDir, DATABASE_URL: '', CANTIERE_DEMO: '1', LOG_LEVEL: 'warn' },
      'http://127.0.0.1:3302/readyz',
    ),
  );
  const rows = [
    await measure('node:http, corpo fisso', 'http://127.0.0.1:3301/'),
    await measure('Cantiere /healthz', 'http://127.0.0.1:3302/healthz'),
    await measure('Cantiere /ambiti/gallarate (pagina, SSR + PGlite)', 'http://127.0.0.1:3302/ambiti/gallarate'),
  ];
  if (values['database-url']) {
    children.pop()!.kill('SIGTERM');
    children.push(
      await start(
        ['server.ts'],
        { PORT: '3303', HOST: '127.0.0.1', DATABASE_URL: values['database-url'], CANTIERE_DEMO: '1', LOG_LEVEL: 'warn' },
        'http://127.0.0.1:3303/readyz',
      ),
    );
    rows.push(await measure('Cantiere /ambiti/gallarate (pagina, SSR + PostgreSQL)', 'http://127.0.0.1:3303/ambiti/gallarate'));
  }
  const base = rows[0]!.rps;
  process.stdout.write(
    `\nautocannon: ${connections} connessioni, ${duration} s per bersaglio; ${cpus().length} core (${cpus()[0]?.model ?? '?'}); Node ${process.version}\n\n`,
  );
  process.stdout.write(
    '| bersaglio | richieste/s | p50 ms | p95 ms | p99 ms | rapporto con node:http | errori | non-2xx |\n|---|---:|---:|---:|---:|---:|---:|---:|\n',
  );
  for (const r of rows) {
    process.stdout.write(`| ${r.target} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${(r.rps / base).toFixed(3)} | ${r.errors} | ${r.non2xx} |\n`);
  }
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  rmSync(dataDir, { recursive: true, force: true });
}
