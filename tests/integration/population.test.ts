import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { importPopulation } from '../../app/modules/territory/territory.commands.ts';
import { getTerritoryProfile } from '../../app/modules/territory/profile.server.ts';
import { populationFacts } from '../../app/modules/territory/territory.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const HEADER =
  'anno;livello;codice;totale;maschi;femmine;eta_0_14;eta_15_64;eta_65_piu;eta_75_piu;eta_0_17;nati;morti;saldo_migratorio;stranieri;anziani_soli;superficie_km2';

describe('population: import and context profile', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  before(async () => {
    database = await createTestDatabase();
    ambitoId = (await seedDemo(database.db)).gallarate.id;
  });
  after(() => database.close());

  test('the demo carries Tabella 2.1: 122.026, 122.675, 122.855 and the identities of its rates hold', async () => {
    const profile = (await getTerritoryProfile(database.db, 'gallarate'))!;
    assert.deepEqual(
      profile.trend.points.map((p) => [p.year, p.total]),
      [
        [2021, 122_026],
        [2022, 122_675],
        [2023, 122_855],
      ],
    );
    assert.equal(profile.trend.overall?.variation, 829);
    assert.equal(profile.trend.svg?.startsWith('<svg aria-hidden="true"'), true);
    const published2023 = profile.publishedSeries.find((s) => s.year === 2023)!.published;
    assert.deepEqual(published2023.totalGrowthRate, { value: -3.13, decimals: 2 });
    // The rate identities hold every year; the only discrepancies are the printed indices of 2021 and 2022.
    assert.equal(profile.identities.discrepancies.length, 4);
    assert.ok(profile.identities.discrepancies.every((d) => d.year === 2021 || d.year === 2022));
    const density = profile.indicators.find((i) => i.key === 'density')!;
    assert.equal(Math.round(density.value!), 1587);
    assert.equal(profile.comparison.length, 9);
    assert.equal(profile.comparisonTotal, 120_498);
  });

  test('a malformed file is refused whole with file, row and column, and nothing changes', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const before = await database.db.select().from(populationFacts);
    const auditBefore = (await database.db.select().from(auditLog)).length;
    const csv = [HEADER, '2024;comune;012070;53000;;;;;;;;;;;;;', '2024;comune;012002;abc;;;;;;;;;;;;;', '2024;comune;999999;100;;;;;;;;;;;;;'].join('\n');
    await assert.rejects(importPopulation({ db: database.db, actor: coordinator, ambitoId, fileName: 'popolazione.csv', text: csv }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(e.message, /popolazione\.csv non è stato importato/);
      assert.ok(
        e.issues.some((i) => i.path === 'popolazione.csv, riga 3, colonna totale'),
        JSON.stringify(e.issues),
      );
      return true;
    });
    assert.deepEqual(await database.db.select().from(populationFacts), before);
    assert.equal((await database.db.select().from(auditLog)).length, auditBefore);
  });

  test('a comune outside the Ambito is named with its row', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const csv = [HEADER, '2024;comune;017085;8992;;;;;;;;;;;;;'].join('\n');
    await assert.rejects(importPopulation({ db: database.db, actor: coordinator, ambitoId, fileName: 'sebino.csv', text: csv }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(
        e.issues.map((i) => i.path),
        ['sebino.csv, riga 2, colonna codice'],
      );
      assert.match(e.issues[0]!.message, /non fa parte dell’Ambito/);
      return true;
    });
  });

  test('a good file is imported, audited once, and a second import of the same year replaces the figures', async () => {
    const staff = actorWith('staff', { ambitoId });
    const csv = [
      HEADER,
      '2024;comune;012070;53000;25600;27400;6600;33700;12700;6900;;;;;;;21,12',
      '2024;comune;012118;16100;;;2000;10300;3800;;;;;;;;15,9',
    ].join('\n');
    const s1 = await importPopulation({ db: database.db, actor: staff, ambitoId, fileName: 'p.csv', text: csv });
    assert.deepEqual(s1, { file: 'p.csv', records: 2, created: 2, updated: 0, years: [2024] });
    const s2 = await importPopulation({ db: database.db, actor: staff, ambitoId, fileName: 'p.csv', text: csv.replace('16100;;;2000', '16101;;;2001') });
    assert.equal(s2.updated, 2);
    const rows = await database.db
      .select()
      .from(populationFacts)
      .where(and(eq(populationFacts.year, 2024)));
    assert.equal(rows.find((r) => r.total === 16_101)?.age0to14, 2001);
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, 'territory.population.imported'));
    assert.equal(entries.filter((e) => e.entityId === 'p.csv').length, 2);
    const profile = (await getTerritoryProfile(database.db, 'gallarate'))!;
    const gallarate = profile.comparison.find((c) => c.istatCode === '012070')!;
    assert.equal(gallarate.population, 53_000);
    assert.equal(gallarate.year, 2024);
    assert.equal(Math.round(gallarate.indicators.oldAgeIndex! * 100) / 100, 192.42);
  });

  test('only the Ufficio di Piano imports population figures', async () => {
    for (const role of ['mayor', 'third_sector', 'comune_referent'] as const) {
      await assert.rejects(
        importPopulation({ db: database.db, actor: actorWith(role, { ambitoId }), ambitoId, fileName: 'x.csv', text: HEADER }),
        ForbiddenError,
      );
    }
  });
});
