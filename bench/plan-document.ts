// Plan document benchmark: in one run, on the demo's Gallarate 2025-2027 plan (24 objectives, 104 actions, 302
// indicators), times Cantiere's PDF (pdfkit, no browser), Cantiere's DOCX, and LibreOffice converting that DOCX to PDF
// (`soffice --headless --convert-to pdf`, the usual way of getting a PDF out of a Word file), and prints the ratio.
// Usage: npm run bench:document [-- --runs 5]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import '../app/modules/registry.ts';
import { loadDemo } from '../app/modules/demo.server.ts';
import { plans } from '../app/modules/planning/index.server.ts';
import { getPlanDocumentContent } from '../app/modules/reports/documents.queries.ts';
import { requestPlanDocument } from '../app/modules/reports/documents.commands.ts';
import { runDocumentQueue } from '../app/modules/reports/documents.worker.server.ts';
import { systemActor } from '../app/shared/auth/actor.ts';
import { openDatabase } from '../app/shared/db/client.ts';
import { configureLog } from '../app/shared/log.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
configureLog({ level: 'warn' });

const database = await openDatabase({ memory: true });
await database.migrate();
await loadDemo(database.db);
const db = database.db;
const [plan] = await db
  .select({ id: plans.id, ambitoId: plans.ambitoId })
  .from(plans)
  .where(and(eq(plans.periodStartYear, 2025), eq(plans.periodEndYear, 2027)));
const admin = systemActor('misura del documento');
// The adoption's document is queued by the worker's sweep, not here: the queue holds only what the bench asks for.

async function generate(format: 'pdf' | 'docx'): Promise<{ ms: number; bytes: Buffer }> {
  const id = await requestPlanDocument({ db, actor: admin, planId: plan!.id, input: { format, source: 'current' } });
  const t0 = performance.now();
  await runDocumentQueue(db);
  const ms = performance.now() - t0;
  return { ms, bytes: (await getPlanDocumentContent(db, id))! };
}

const dir = mkdtempSync(join(tmpdir(), 'cantiere-bench-doc-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows: { what: string; times: number[]; size: number; pages?: number }[] = [];
const pagesOf = (file: string) => Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
try {
  // Warm-up (module loading, font parsing, JIT), not counted.
  await generate('pdf');
  await generate('docx');
  for (const format of ['pdf', 'docx'] as const) {
    const times: number[] = [];
    let last: Buffer | null = null;
    for (let i = 0; i < runs; i++) {
      const r = await generate(format);
      times.push(r.ms);
      last = r.bytes;
    }
    const file = join(dir, `piano.${format}`);
    writeFileSync(file, last!);
    rows.push({
      what: format === 'pdf' ? 'Cantiere: PDF (PDF/A-2, tagged)' : 'Cantiere: DOCX',
      times,
      size: last!.length,
      pages: format === 'pdf' ? pagesOf(file) : undefined,
    });
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = join(dir, `lo-${i}`);
    const t0 = performance.now();
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', out, join(dir, 'piano.docx')],
      {
        stdio: 'ignore',
      },
    );
    times.push(performance.now() - t0);
  }
  const converted = join(dir, `lo-${runs - 1}`, 'piano.pdf');
  rows.push({ what: 'LibreOffice: DOCX → PDF', times, size: statSync(converted).size, pages: pagesOf(converted) });
} finally {
  await database.close();
}

const ours = median(rows[0].times);
console.log(
  `\nDocumento del piano di Gallarate 2025-2027 — ${runs} misure, mediana; ${cpus().length} core ${cpus()[0]?.model ?? ''}, Node ${process.version}\n`,
);
console.log('| cosa | mediana ms | min ms | max ms | byte | pagine | rapporto con il nostro PDF |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.what} | ${median(r.times).toFixed(0)} | ${Math.min(...r.times).toFixed(0)} | ${Math.max(...r.times).toFixed(0)} | ${r.size} | ${r.pages ?? '—'} | ${(median(r.times) / ours).toFixed(2)} |`,
  );
rmSync(dir, { recursive: true, force: true });
