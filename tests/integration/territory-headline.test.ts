import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../app/shared/auth/actor.ts';
import { loadDemo } from '../../app/modules/demo.server.ts';
import { fromRoot } from '../../app/shared/paths.ts';
import { getTerritoryProfile } from '../../app/modules/territory/profile.server.ts';
import { importAmbitoComposition, importPopulation } from '../../app/modules/territory/territory.commands.ts';
import { getAmbitoByCode, getAmbitoOverview } from '../../app/modules/territory/territory.queries.ts';
import { createTestDatabase } from '../support/test-db.ts';

// The headline population of an Ambito is the most recent figure recorded at the level shown, with its date and
// source; figures of different years are never summed.
describe('headline population of an Ambito', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    database = await createTestDatabase();
    await loadDemo(database.db);
  });
  after(() => database.close());

  test('Gallarate: 122.855 at 31/12/2023 from the Ambito’s own series (Tabella 2.1), not the 120.498 of the 2011 census', async () => {
    const overview = (await getAmbitoOverview(database.db, 'gallarate', '2026-12-04'))!;
    assert.equal(overview.headline.level, 'ambito');
    assert.equal(overview.headline.total, 122_855);
    assert.equal(overview.headline.year, 2023);
    assert.equal(overview.headline.referenceDate, '2023-12-31');
    assert.match(overview.headline.source, /Tabella 2\.1/);
    assert.equal(overview.headline.partial, null);
    // The comuni table keeps the census figures, labelled as such, with their own total.
    assert.equal(overview.populationTotal, 120_498);
    // Before 31/12/2023 that figure did not exist yet: the 2022 one.
    assert.equal((await getAmbitoOverview(database.db, 'gallarate', '2023-06-30'))!.headline.total, 122_675);
  });

  test('Sebino: its own 54.346 at 01/01/2024; the comparison across comuni sums only figures of the same year', async () => {
    const admin = systemActor('test');
    await importAmbitoComposition({
      db: database.db,
      actor: admin,
      fileName: 'ambito.csv',
      text: readFileSync(fromRoot('fixtures', 'demo', 'sebino', 'ambito.csv'), 'utf8'),
    });
    const sebino = (await getAmbitoByCode(database.db, 'sebino'))!;
    const text = readFileSync(fromRoot('fixtures', 'demo', 'sebino', 'population', 'popolazione-2024.csv'), 'utf8');
    await importPopulation({ db: database.db, actor: admin, ambitoId: sebino.id, fileName: 'popolazione-2024.csv', text });
    const overview = (await getAmbitoOverview(database.db, 'sebino', '2026-12-04'))!;
    assert.deepEqual([overview.headline.level, overview.headline.total, overview.headline.referenceDate], ['ambito', 54_346, '2024-01-01']);

    let profile = (await getTerritoryProfile(database.db, 'sebino'))!;
    assert.equal(profile.comparisonTotal, 54_346, 'the 12 comuni at 01/01/2024 add up to the Ambito’s figure');
    assert.equal(profile.comparisonYear, 2024);

    // One comune with a newer year: the comparison no longer adds figures of 2025 and 2024, nor shows shares of it.
    await importPopulation({
      db: database.db,
      actor: admin,
      ambitoId: sebino.id,
      fileName: 'iseo-2025.csv',
      text: 'anno;livello;codice;totale;maschi;femmine;eta_0_14;eta_15_64;eta_65_piu;eta_75_piu;eta_0_17;nati;morti;saldo_migratorio;stranieri;anziani_soli;superficie_km2;data_riferimento;fonte\n2025;comune;017085;9050;;;;;;;;;;;;;;2025-12-31;Anagrafe comunale di Iseo\n',
    });
    profile = (await getTerritoryProfile(database.db, 'sebino'))!;
    assert.equal(profile.comparisonTotal, null);
    assert.deepEqual(profile.comparisonYears, [
      { year: 2025, count: 1 },
      { year: 2024, count: 11 },
    ]);
    assert.ok(profile.comparison.every((c) => c.share === null));
  });
});
