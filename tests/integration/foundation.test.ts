import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { loadDemo } from '../../app/modules/demo.server.ts';
import { getAmbitoOverview } from '../../app/modules/territory/territory.queries.ts';
import { createTestDatabase } from '../support/test-db.ts';

describe('migrations and the demo Ambito', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  test('migrations apply from empty and readiness reports them', async () => {
    const r = await database.ready();
    assert.equal(r.ok, true, r.detail);
  });

  test('migrating twice is harmless', async () => {
    await database.migrate();
    assert.equal((await database.ready()).ok, true);
  });

  test('the demo loads through the importers: 9 comuni of Gallarate, capofila first, census total 120.498', async () => {
    const demo = await loadDemo(database.db);
    assert.ok(demo.accounts.some((a) => a.role === 'coordinator'));
    const overview = await getAmbitoOverview(database.db, 'gallarate');
    assert.ok(overview);
    assert.equal(overview.ambito.name, 'Ambito Territoriale di Gallarate');
    assert.equal(overview.comuni.length, 9);
    assert.equal(overview.comuni[0]!.name, 'Gallarate');
    assert.equal(overview.capofila?.istatCode, '012070');
    assert.deepEqual(
      overview.comuni.slice(1).map((c) => c.name),
      ['Albizzate', 'Cairate', 'Cassano Magnago', 'Cavaria con Premezzo', 'Jerago con Orago', 'Oggiona con Santo Stefano', 'Samarate', 'Solbiate Arno'],
    );
    assert.equal(overview.populationTotal, 120_498);
    assert.equal(overview.populationMissing, 0);
  });

  test('loading the demo again changes nothing (a second start reuses the data)', async () => {
    const count = async () => (await database.db.select().from(auditLog)).length;
    const before = await count();
    await loadDemo(database.db);
    assert.equal(await count(), before);
  });

  test('the imports were audited as the system', async () => {
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.action, 'territory.comuni.imported'));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.actorLabel, `sistema: caricamento dati dimostrativi`);
    assert.deepEqual(rows[0]!.after, { file: 'comuni-2020.json', created: 7904, updated: 0, total: 7904 });
  });
});
