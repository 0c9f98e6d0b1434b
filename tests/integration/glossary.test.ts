import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { demoContext, runDemoSteps } from '../../app/shared/demo/load-demo.ts';
import { ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from '../../app/shared/errors.ts';
import { glossaryLinksFor, registerGlossaryProvider } from '../../app/shared/glossary.server.ts';
import { glossarySteps, glossaryTermsFor } from '../../app/modules/reports/index.server.ts';
import { addGlossaryTerm, importGlossary, removeGlossaryTerm, updateGlossaryTerm } from '../../app/modules/reports/glossary.commands.ts';
import { listGlossaryTerms } from '../../app/modules/reports/glossary.queries.ts';
import { glossaryTerms } from '../../app/modules/reports/glossary.schema.ts';
import { demoSteps as territorySteps } from '../../app/modules/territory/index.server.ts';
import { ambiti } from '../../app/modules/territory/territory.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith } from '../support/fixtures.ts';

describe('the glossary of an Ambito', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  const count = async () => (await database.db.select({ id: glossaryTerms.id }).from(glossaryTerms).where(eq(glossaryTerms.ambitoId, ambitoId))).length;
  const auditOf = (action: string) => database.db.select().from(auditLog).where(eq(auditLog.action, action));

  before(async () => {
    database = await createTestDatabase();
    const ctx = demoContext(database.db);
    // The Ambiti (territory's first steps), then the glossary's own demo step through its importer.
    await runDemoSteps(ctx, territorySteps.slice(0, 2));
    await runDemoSteps(ctx, glossarySteps);
    [{ id: ambitoId }] = await database.db.select({ id: ambiti.id }).from(ambiti).where(eq(ambiti.code, 'gallarate'));
  });
  after(() => database.close());

  test('the demo step loads the 33 terms of the essential social glossary once, in alphabetical order', async () => {
    assert.equal(await count(), 33);
    await runDemoSteps(demoContext(database.db), glossarySteps);
    assert.equal(await count(), 33, 'a second start loads nothing');
    const terms = await glossaryTermsFor(database.db, ambitoId);
    assert.deepEqual(
      terms.slice(0, 5).map((t) => t.term),
      ['Accordo di programma', 'ADI', 'Ambito territoriale sociale', 'Amministratore di sostegno', 'Assegno di inclusione'],
    );
    const udp = terms.find((t) => t.slug === 'ufficio-di-piano')!;
    assert.equal(udp.term, 'Ufficio di Piano');
    assert.match(udp.definition, /struttura tecnico-amministrativa dell’Ambito/);
    const [imported] = await auditOf('reports.glossary.imported');
    assert.deepEqual((imported!.after as { added: number; updated: number }).added, 33);
    assert.equal(imported!.ambitoId, ambitoId);
  });

  test('other modules get the terms through app/shared/glossary.server.ts: links to the anchors, definitions as plain text', async () => {
    registerGlossaryProvider(null);
    assert.deepEqual(await glossaryLinksFor(database.db, { id: ambitoId, code: 'gallarate' }), [], 'no provider registered: no terms');
    registerGlossaryProvider(glossaryTermsFor);
    try {
      const links = await glossaryLinksFor(database.db, { id: ambitoId, code: 'gallarate' });
      const leps = links.find((l) => l.term === 'LEPS')!;
      assert.equal(leps.href, '/ambiti/gallarate/glossario#leps');
      assert.ok(leps.definition.startsWith('Livelli essenziali delle prestazioni sociali: gli interventi'), 'the Markdown marks are gone');
    } finally {
      registerGlossaryProvider(null);
    }
  });

  test('the Ufficio di Piano adds a term; the same term spelt otherwise is refused by name; others may not add', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const input = { term: 'Povertà educativa', definition: 'La privazione di opportunità di *apprendimento* e di crescita per bambini e ragazzi.', source: '' };
    const row = await addGlossaryTerm({ db: database.db, actor: coordinator, ambitoId, input });
    assert.equal(row.slug, 'poverta-educativa');
    assert.equal(row.source, null);
    assert.equal((await auditOf('reports.glossary_term.created')).filter((a) => a.entityId === row.id).length, 1);

    await assert.rejects(
      addGlossaryTerm({ db: database.db, actor: actorWith('staff', { ambitoId }), ambitoId, input: { ...input, term: 'POVERTA  EDUCATIVA' } }),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.issues[0]!.path === 'term' &&
        e.issues[0]!.message === 'Il termine «POVERTA EDUCATIVA» c’è già nel glossario, come «Povertà educativa».',
    );
    for (const actor of [actorWith('third_sector', { ambitoId }), actorWith('mayor', { ambitoId }), actorWith('coordinator', { ambitoId: randomUUID() })]) {
      await assert.rejects(addGlossaryTerm({ db: database.db, actor, ambitoId, input: { ...input, term: 'Altro' } }), ForbiddenError);
    }
    await assert.rejects(
      addGlossaryTerm({ db: database.db, actor: actorWith('anonymous'), ambitoId, input: { ...input, term: 'Altro' } }),
      UnauthenticatedError,
    );
    assert.equal(await count(), 34);
  });

  test('a definition is checked as rich text: a forbidden link is named with its line and nothing is written', async () => {
    await assert.rejects(
      addGlossaryTerm({
        db: database.db,
        actor: actorWith('coordinator', { ambitoId }),
        ambitoId,
        input: { term: 'Welfare di comunità', definition: 'Prima riga.\nVedi [qui](javascript:alert(1)).' },
      }),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.issues[0]!.path === 'definition' &&
        /^Definizione non accettata\. Riga 2: il collegamento «javascript:alert\(1\)» non è ammesso/.test(e.issues[0]!.message),
    );
    assert.equal(await count(), 34);
  });

  test('editing: versioned, audited, the anchor follows the words; a stale version is a conflict; no change writes nothing', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const [term] = await database.db
      .select()
      .from(glossaryTerms)
      .where(and(eq(glossaryTerms.ambitoId, ambitoId), eq(glossaryTerms.slug, 'poverta-educativa')));
    const edit = {
      version: term!.version,
      term: 'Povertà educativa minorile',
      definition: term!.definition,
      source: 'Fondo per il contrasto della povertà educativa minorile',
    };
    const r = await updateGlossaryTerm({ db: database.db, actor: coordinator, termId: term!.id, input: edit });
    assert.equal(r.changed, true);
    assert.equal(r.term.slug, 'poverta-educativa-minorile');
    assert.equal(r.term.version, term!.version + 1);
    await assert.rejects(updateGlossaryTerm({ db: database.db, actor: coordinator, termId: term!.id, input: edit }), ConflictError);
    const same = await updateGlossaryTerm({ db: database.db, actor: coordinator, termId: term!.id, input: { ...edit, version: r.term.version } });
    assert.equal(same.changed, false);
    assert.equal((await auditOf('reports.glossary_term.updated')).filter((a) => a.entityId === term!.id).length, 1);
    // Renaming onto another term's anchor is refused.
    await assert.rejects(
      updateGlossaryTerm({ db: database.db, actor: coordinator, termId: term!.id, input: { ...edit, version: r.term.version, term: 'ISEE' } }),
      ValidationError,
    );
    await assert.rejects(
      updateGlossaryTerm({ db: database.db, actor: actorWith('comune_referent', { ambitoId }), termId: term!.id, input: { ...edit, version: r.term.version } }),
      ForbiddenError,
    );
  });

  test('removing: with the version seen, audited with the term before', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const [term] = await database.db
      .select()
      .from(glossaryTerms)
      .where(and(eq(glossaryTerms.ambitoId, ambitoId), eq(glossaryTerms.slug, 'poverta-educativa-minorile')));
    await assert.rejects(removeGlossaryTerm({ db: database.db, actor: coordinator, termId: term!.id, input: { version: term!.version - 1 } }), ConflictError);
    await removeGlossaryTerm({ db: database.db, actor: coordinator, termId: term!.id, input: { version: term!.version } });
    assert.equal(await count(), 33);
    const [entry] = (await auditOf('reports.glossary_term.deleted')).filter((a) => a.entityId === term!.id);
    assert.equal((entry!.before as { term: string }).term, 'Povertà educativa minorile');
  });

  test('a glossary file with problems is refused whole, each problem by row and column', async () => {
    const before = await listGlossaryTerms(database.db, ambitoId);
    const text = [
      'termine;definizione;fonte',
      'Welfare generativo;Un welfare che chiede a chi riceve un aiuto di restituire alla comunità.;',
      ';Definizione senza termine;',
      'ISEE;;DPCM 159/2013',
      'Sussidiarietà;Vedi [qui](data:text/html,x).;Costituzione, art. 118',
      'welfare  GENERATIVO;Doppione.;',
      'Una riga con troppe celle;a;b;c',
    ].join('\n');
    await assert.rejects(
      importGlossary({ db: database.db, actor: actorWith('staff', { ambitoId }), ambitoId, fileName: 'glossario.csv', text }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.message, 'Il file glossario.csv non è stato importato: ci sono 5 errori. Nessun dato è stato modificato.');
        assert.deepEqual(
          e.issues.map((i) => i.path),
          [
            'glossario.csv, riga 3, colonna termine',
            'glossario.csv, riga 4, colonna definizione',
            'glossario.csv, riga 5, colonna definizione',
            'glossario.csv, riga 6, colonna termine',
            'glossario.csv, riga 7',
          ],
        );
        assert.equal(e.issues[3]!.message, 'il termine «welfare GENERATIVO» è già alla riga 2 del file');
        assert.match(e.issues[2]!.message, /Riga 1: il collegamento «data:text\/html,x» non è ammesso/);
        assert.equal(e.issues[1]!.message, 'Scrivi la definizione (al massimo 4.000 caratteri).');
        return true;
      },
    );
    assert.deepEqual(await listGlossaryTerms(database.db, ambitoId), before, 'nothing changed');
  });

  test('a good file adds the new terms, updates those already present and leaves the others', async () => {
    const isee = (await listGlossaryTerms(database.db, ambitoId)).find((t) => t.slug === 'isee')!;
    const text = [
      'termine,definizione,fonte',
      'Welfare generativo,"Un welfare che chiede a chi riceve un aiuto di restituire, quando può, alla comunità.",',
      `ISEE,"Indicatore della situazione economica equivalente, aggiornato.",DPCM 159/2013`,
    ].join('\r\n');
    const r = await importGlossary({ db: database.db, actor: actorWith('coordinator', { ambitoId }), ambitoId, fileName: 'aggiunte.csv', text });
    assert.deepEqual(r, { file: 'aggiunte.csv', added: 1, updated: 1, unchanged: 0 });
    const after = await listGlossaryTerms(database.db, ambitoId);
    assert.equal(after.length, 34);
    const updated = after.find((t) => t.slug === 'isee')!;
    assert.equal(updated.version, isee.version + 1);
    assert.equal(updated.definition, 'Indicatore della situazione economica equivalente, aggiornato.');
  });
});
