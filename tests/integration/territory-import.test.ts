import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { systemActor } from '../../app/shared/auth/actor.ts';
import { ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { importAmbitoComposition, importIstatComuni } from '../../app/modules/territory/territory.commands.ts';
import { getAmbitoOverview } from '../../app/modules/territory/territory.queries.ts';
import { ambiti, comuni } from '../../app/modules/territory/territory.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const HEADER = 'codice_ambito;nome_ambito;codice_regione;forma_gestione;distretto_sanitario;codice_istat_comune;capofila;valido_dal;valido_al';
const actor = systemActor('test');

describe('territory importers: all or nothing, errors by row and column', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
  });
  after(() => database.close());

  const snapshot = async () => ({
    ambiti: await database.db.select().from(ambiti),
    comuni: (await database.db.select().from(comuni)).length,
    audit: (await database.db.select().from(auditLog)).length,
  });

  test('an Ambito composition with a bad row is refused whole, naming file, row and column', async () => {
    const before = await snapshot();
    const csv = [
      HEADER,
      'sebino;Ambito 5 Sebino;03;azienda_speciale_consortile;;017085;sì;2021-01-01;',
      'sebino;Ambito 5 Sebino;03;azienda_speciale_consortile;;17086;no;2021-01-01;',
      'sebino;Ambito 5 Sebino;03;azienda_speciale_consortile;;017087;forse;2021-13-01;',
    ].join('\n');
    await assert.rejects(importAmbitoComposition({ db: database.db, actor, fileName: 'sebino.csv', text: csv }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(e.message, /Il file sebino\.csv non è stato importato: ci sono 3 errori\. Nessun dato è stato modificato\./);
      assert.deepEqual(
        e.issues.map((i) => i.path),
        ['sebino.csv, riga 3, colonna codice_istat_comune', 'sebino.csv, riga 4, colonna capofila', 'sebino.csv, riga 4, colonna valido_dal'],
      );
      return true;
    });
    assert.deepEqual(await snapshot(), before);
  });

  test('a comune unknown to the ISTAT list refuses the file and names the row', async () => {
    const before = await snapshot();
    const csv = [HEADER, 'prova;Ambito di prova;03;;;012070;sì;2025-01-01;', 'prova;Ambito di prova;03;;;999999;no;2025-01-01;'].join('\n');
    await assert.rejects(importAmbitoComposition({ db: database.db, actor, fileName: 'prova.csv', text: csv }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues, [
        { path: 'prova.csv, riga 3, colonna codice_istat_comune', message: 'comune 999999 non presente nell’elenco ISTAT importato' },
      ]);
      return true;
    });
    assert.deepEqual(await snapshot(), before);
  });

  test('two current capofila, or none, is an error of the Ambito', async () => {
    const csv = [HEADER, 'prova;Ambito di prova;03;;;012070;sì;2025-01-01;', 'prova;Ambito di prova;03;;;012002;sì;2025-01-01;'].join('\n');
    await assert.rejects(importAmbitoComposition({ db: database.db, actor, fileName: 'prova.csv', text: csv }), /non è stato importato/);
  });

  test('membership history: a comune that left the Ambito is not listed today but is listed on a past date', async () => {
    const csv = [
      HEADER,
      'storico;Ambito storico;03;convenzione;;012070;sì;2020-01-01;',
      'storico;Ambito storico;03;convenzione;;012002;no;2020-01-01;2022-12-31',
    ].join('\n');
    const [r] = await importAmbitoComposition({ db: database.db, actor, fileName: 'storico.csv', text: csv });
    assert.equal(r!.created, true);
    assert.deepEqual(
      (await getAmbitoOverview(database.db, 'storico', '2026-01-01'))!.comuni.map((c) => c.name),
      ['Gallarate'],
    );
    assert.deepEqual(
      (await getAmbitoOverview(database.db, 'storico', '2021-06-30'))!.comuni.map((c) => c.name),
      ['Gallarate', 'Albizzate'],
    );
  });

  test('a malformed ISTAT list is refused with the entry and the field', async () => {
    const before = await snapshot();
    const text = JSON.stringify([
      { codice: '012070', nome: 'Gallarate', regione: { codice: '03', nome: 'Lombardia' }, provincia: { codice: '012', nome: 'Varese' }, popolazione: 50456 },
      { codice: '12070', nome: '', regione: { codice: '03', nome: 'Lombardia' }, provincia: { codice: '012', nome: 'Varese' }, popolazione: -3 },
    ]);
    await assert.rejects(importIstatComuni({ db: database.db, actor, fileName: 'comuni.json', text }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(
        e.issues.map((i) => i.path),
        ['comuni.json, elemento 2, campo codice', 'comuni.json, elemento 2, campo nome', 'comuni.json, elemento 2, campo popolazione'],
      );
      return true;
    });
    await assert.rejects(
      importIstatComuni({ db: database.db, actor, fileName: 'rotto.json', text: '{"non": "un elenco"' }),
      (e: unknown) => e instanceof ValidationError && /non è un JSON valido/.test(e.issues[0]!.message) && /rotto\.json non è stato importato/.test(e.message),
    );
    assert.deepEqual(await snapshot(), before);
  });

  test('only the administrator imports', async () => {
    await assert.rejects(
      importIstatComuni({ db: database.db, actor: actorWith('coordinator', { ambitoId: 'x' }), fileName: 'c.json', text: '[]' }),
      ForbiddenError,
    );
  });
});
