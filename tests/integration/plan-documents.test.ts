import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { plans } from '../../app/modules/planning/index.server.ts';
import { loadPlanVersion, serializePlanDocument } from '../../app/modules/planning/index.server.ts';
import { requestPlanDocument } from '../../app/modules/reports/documents.commands.ts';
import { getPlanDocument, getPlanDocumentContent, listPlanDocuments, planDocumentsFor } from '../../app/modules/reports/documents.queries.ts';
import { runDocumentQueue, sweepAdoptionDocuments } from '../../app/modules/reports/documents.worker.server.ts';
import { UnauthenticatedError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

/** Runs a local PDF/Office tool; a missing tool fails the test with the Debian package to install (never a skip). */
function tool(cmd: string, args: string[], pkg: string, options: { timeout?: number } = {}): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', timeout: options.timeout ?? 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string; status?: number };
    if (e.code === 'ENOENT') throw new Error(`${cmd} non è installato: serve il pacchetto Debian ${pkg} (vedi .ci/run)`);
    throw new Error(`${cmd} ${args.join(' ')} non è riuscito (uscita ${e.status}): ${e.stderr ?? e.message}`);
  }
}

const squash = (s: string) =>
  s
    .replace(/[\u00ad]/g, '')
    .replace(/-\s*\n\s*/g, '-')
    .replace(/\s+/g, ' ');

// The Gallarate 2025-2027 plan of the demo as the Ufficio di Piano hands it to the mayors: the DOCX opens in
// LibreOffice, the PDF is tagged with its language, embeds its fonts, passes qpdf, and holds every objective title in
// the plan's order; each document carries the hash of the plan version it shows.
describe(`plan documents of the demo plan (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let planId: string;
  const dir = mkdtempSync(join(tmpdir(), 'cantiere-doc-'));

  before(async () => {
    database = await createTestDatabase();
    ambitoId = (await seedDemo(database.db)).gallarate.id;
    const [plan] = await database.db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.ambitoId, ambitoId), eq(plans.periodStartYear, 2025)));
    planId = plan!.id;
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  });

  test('only the Ufficio di Piano asks for a document; a bad format is refused and nothing is queued', async () => {
    const before = (await listPlanDocuments(database.db, planId)).length;
    await assert.rejects(
      requestPlanDocument({ db: database.db, actor: actorWith('anonymous'), planId, input: { format: 'pdf', source: 'current' } }),
      UnauthenticatedError,
    );
    await assert.rejects(
      requestPlanDocument({ db: database.db, actor: actorWith('comune_referent', { ambitoId }), planId, input: { format: 'pdf', source: 'current' } }),
      ForbiddenError,
    );
    await assert.rejects(
      requestPlanDocument({ db: database.db, actor: actorWith('coordinator', { ambitoId }), planId, input: { format: 'odt', source: 'current' } }),
      (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.path === 'format'),
    );
    assert.equal((await listPlanDocuments(database.db, planId)).length, before);
  });

  test('the PDF of the current text: tagged, in Italian, fonts embedded, qpdf-clean, every objective title in order, with the version’s hash', async () => {
    const id = await requestPlanDocument({
      db: database.db,
      actor: actorWith('coordinator', { ambitoId }),
      planId,
      input: { format: 'pdf', source: 'current' },
    });
    await runDocumentQueue(database.db);
    const doc = (await getPlanDocument(database.db, planId, id))!;
    assert.equal(doc.status, 'done', doc.error ?? '');
    assert.equal(doc.progress, 100);
    const current = (await loadPlanVersion(database.db, planId, 'current'))!;
    assert.equal(doc.planSha256, createHash('sha256').update(serializePlanDocument(current.document)).digest('hex'));
    const content = (await getPlanDocumentContent(database.db, id))!;
    assert.equal(doc.bytes, content.length);
    assert.equal(doc.fileSha256, createHash('sha256').update(content).digest('hex'));
    const file = join(dir, 'piano.pdf');
    writeFileSync(file, content);

    const info = tool('pdfinfo', [file], 'poppler-utils');
    assert.match(info, /^Tagged:\s+yes$/m);
    assert.equal(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]), doc.pages);
    assert.match(content.toString('latin1'), /\/Lang\s*\(it-IT\)/);
    const fonts = tool('pdffonts', [file], 'poppler-utils').trim().split('\n').slice(2);
    assert.ok(fonts.length > 0);
    for (const line of fonts) assert.match(line, /\byes\b.*\byes\b/, `font non incorporato: ${line}`);
    tool('qpdf', ['--check', file], 'qpdf');
    const text = squash(tool('pdftotext', ['-enc', 'UTF-8', file, '-'], 'poppler-utils'));
    let from = 0;
    for (const o of current.document.objectives) {
      const at = text.indexOf(squash(o.title), from);
      assert.ok(at >= 0, `titolo dell’obiettivo ${o.code} non trovato dopo il precedente: «${o.title}»`);
      from = at + 1;
    }
    assert.ok(text.replace(/\s/g, '').includes(doc.planSha256!), 'the hash of the version is printed on the cover');
    console.log(`# PDF del piano di Gallarate 2025-2027: ${doc.pages} pagine, ${content.length} byte`);
  });

  test('the DOCX of the current text converts with LibreOffice without error', async () => {
    const id = await requestPlanDocument({
      db: database.db,
      actor: actorWith('staff', { ambitoId }),
      planId,
      input: { format: 'docx', source: 'current', locale: 'it' },
    });
    await runDocumentQueue(database.db);
    const doc = (await getPlanDocument(database.db, planId, id))!;
    assert.equal(doc.status, 'done', doc.error ?? '');
    const file = join(dir, 'piano.docx');
    writeFileSync(file, (await getPlanDocumentContent(database.db, id))!);
    tool(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), file],
      'libreoffice-writer-nogui',
      {
        timeout: 180_000,
      },
    );
    const converted = join(dir, 'lo', 'piano.pdf');
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(tool('pdfinfo', [converted], 'poppler-utils'))?.[1]);
    assert.ok(pages > 10);
    const text = squash(tool('pdftotext', ['-enc', 'UTF-8', converted, '-'], 'poppler-utils'));
    const current = (await loadPlanVersion(database.db, planId, 'current'))!;
    for (const o of current.document.objectives) assert.ok(text.includes(squash(o.title)), `titolo dell’obiettivo ${o.code} assente dal DOCX convertito`);
    console.log(`# DOCX del piano di Gallarate 2025-2027 convertito da LibreOffice: ${pages} pagine, ${readFileSync(file).length} byte`);
  });

  test('the adopted plan’s document is kept with the adoption once, and only it is published', async () => {
    const baseline = await loadPlanVersion(database.db, planId, 'baseline');
    assert.ok(baseline, 'the demo plan 2025-2027 is adopted and has its frozen baseline');
    const queued = await sweepAdoptionDocuments(database.db);
    assert.ok(queued >= 1);
    assert.equal(await sweepAdoptionDocuments(database.db), 0, 'a second sweep queues nothing');
    await runDocumentQueue(database.db);
    const adoption = (await listPlanDocuments(database.db, planId)).filter((d) => d.adoption);
    assert.equal(adoption.length, 1);
    assert.equal(adoption[0].status, 'done', adoption[0].error ?? '');
    assert.equal(adoption[0].source, 'baseline');
    assert.equal(adoption[0].planSha256, createHash('sha256').update(serializePlanDocument(baseline.document)).digest('hex'));
    const published = await planDocumentsFor(database.db, planId);
    assert.deepEqual(
      published.map((p) => [p.format, p.id]),
      [['pdf', adoption[0].id]],
    );
    const audit = await database.db.execute(sql`SELECT count(*) AS n FROM audit_log WHERE entity_type = 'plan_document' AND entity_id = ${adoption[0].id}`);
    const rows = (Array.isArray(audit) ? audit : (audit as { rows: { n: unknown }[] }).rows) as { n: unknown }[];
    assert.equal(Number(rows[0].n), 2, 'requested and generated');
  });
});
