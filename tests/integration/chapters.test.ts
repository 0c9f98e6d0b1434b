import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { demoContext, runDemoSteps } from '../../app/shared/demo/load-demo.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { parseRichText, richTextPlain } from '../../app/shared/richtext/richtext.ts';
import { demoSteps as planningSteps } from '../../app/modules/planning/index.server.ts';
import { exportPlan, updateChapter } from '../../app/modules/planning/planning.commands.ts';
import { getChapter, getPlanOverview, listPlans } from '../../app/modules/planning/planning.queries.ts';
import { planChapters } from '../../app/modules/planning/planning.schema.ts';
import { serializePlanDocument } from '../../app/modules/planning/plan-document.schema.ts';
import { demoSteps as territorySteps } from '../../app/modules/territory/index.server.ts';
import { ambiti } from '../../app/modules/territory/territory.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith } from '../support/fixtures.ts';

describe('plan chapters in Markdown', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let planId: string;
  const chapterTitled = async (title: string) => {
    const [row] = await database.db
      .select()
      .from(planChapters)
      .where(and(eq(planChapters.planId, planId), eq(planChapters.title, title)));
    return row!;
  };

  before(async () => {
    database = await createTestDatabase();
    const ctx = demoContext(database.db);
    await runDemoSteps(ctx, territorySteps.slice(0, 2));
    await runDemoSteps(ctx, planningSteps.slice(0, 1));
    [{ id: ambitoId }] = await database.db.select({ id: ambiti.id }).from(ambiti).where(eq(ambiti.code, 'gallarate'));
    planId = (await listPlans(database.db, ambitoId)).find((p) => p.periodStartYear === 2025)!.id;
  });
  after(() => database.close());

  test('the demo plan’s chapters are written from the plan: every one has its text, with the real tables and notes', async () => {
    const overview = (await getPlanOverview(database.db, planId))!;
    assert.equal(overview.chapters.length, 48);
    assert.ok(overview.chapters.every((c) => c.hasText));
    const resources = await chapterTitled('Risorse impiegate nel settore sociale');
    const chapter = (await getChapter(database.db, planId, resources.id))!;
    const doc = parseRichText(chapter.markdown!);
    const tables = doc.blocks.filter((b) => b.t === 'table');
    assert.equal(tables.length, 2, 'Tabelle 2.3 and 2.4');
    const total =
      tables[1]!.t === 'table' ? tables[1]!.rows.at(-1)!.map((cell) => richTextPlain({ blocks: [{ t: 'paragraph', children: cell }], footnotes: [] })) : [];
    assert.deepEqual(total, ['Totale', '19.834.861', '16.727.271', '935.176', '1.218.857', '584.956', '239.835']);
    assert.match(richTextPlain({ blocks: doc.footnotes[0]!.blocks, footnotes: [] }), /Tabella 2\.4 è a p\. 53/);
  });

  test('saving a chapter: Markdown stored as typed (line ends as LF), versioned and audited; the same text again writes nothing', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const c = await chapterTitled('Conclusioni');
    const markdown = '## Sintesi\r\n\r\nGrado medio **76,56%**[^1].\r\n\r\n[^1]: Documento di Piano, § 1.4.\r\n';
    const saved = await updateChapter({ db: database.db, actor: coordinator, chapterId: c.id, input: { version: c.version, markdown } });
    assert.equal(saved.markdown, '## Sintesi\n\nGrado medio **76,56%**[^1].\n\n[^1]: Documento di Piano, § 1.4.');
    assert.equal(saved.version, c.version + 1);
    const again = await updateChapter({ db: database.db, actor: coordinator, chapterId: c.id, input: { version: saved.version, markdown } });
    assert.equal(again.version, saved.version);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'planning.chapter.updated')));
    assert.equal(audit.length, 1);
    await assert.rejects(
      updateChapter({ db: database.db, actor: coordinator, chapterId: c.id, input: { version: c.version, markdown: 'altro' } }),
      ConflictError,
    );
    await assert.rejects(
      updateChapter({ db: database.db, actor: actorWith('mayor', { ambitoId }), chapterId: c.id, input: { version: saved.version, markdown: 'altro' } }),
      ForbiddenError,
    );
  });

  test('a text with problems is refused with every problem and its line, in one message on the field, and nothing changes', async () => {
    const c = await chapterTitled('Cronoprogramma');
    const markdown = 'Riga uno.\n\nUn [collegamento](javascript:alert(1)).\n\nUna nota[^9].\n\n<b>tag</b>';
    await assert.rejects(
      updateChapter({ db: database.db, actor: actorWith('staff', { ambitoId }), chapterId: c.id, input: { version: c.version, markdown } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.issues.length, 1);
        assert.equal(e.issues[0]!.path, 'markdown');
        assert.match(e.issues[0]!.message, /^Il testo del capitolo non è stato salvato\. Riga 3: il collegamento «javascript:alert\(1\)» non è ammesso/);
        assert.match(e.issues[0]!.message, /Riga 5: la nota \[\^9\] è richiamata ma non è scritta/);
        assert.match(e.issues[0]!.message, /Riga 7: il tag «<b>» non è ammesso/);
        return true;
      },
    );
    assert.equal((await chapterTitled('Cronoprogramma')).version, c.version);
  });

  test('a chapter still stored as HTML (before rich text) is read, exported and edited as Markdown', async () => {
    const c = await chapterTitled('Impianto metodologico');
    await database.db
      .update(planChapters)
      .set({ markdown: null, html: '<h3>Fasi</h3><ol><li>processo</li><li>risultati</li><li>impatto</li></ol><p>Vedi <a href="#x">sopra</a>.</p>' })
      .where(eq(planChapters.id, c.id));
    const legacy = (await getChapter(database.db, planId, c.id))!;
    assert.equal(legacy.markdown, '## Fasi\n\n1. processo\n2. risultati\n3. impatto\n\nVedi sopra.');
    assert.ok(!('html' in legacy));
    const exported = serializePlanDocument(await exportPlan({ db: database.db, actor: actorWith('admin'), planId }));
    assert.ok(!exported.includes('"html"'), 'the export writes markdown only');
    assert.ok(exported.includes('"markdown": "## Fasi\\n\\n1. processo\\n2. risultati\\n3. impatto\\n\\nVedi sopra."'));
    // Saving it (even unchanged) stores the Markdown and clears the HTML.
    const saved = await updateChapter({
      db: database.db,
      actor: actorWith('coordinator', { ambitoId }),
      chapterId: c.id,
      input: { version: c.version, markdown: legacy.markdown! },
    });
    assert.equal(saved.html, null);
    assert.equal(saved.markdown, legacy.markdown);
  });
});
