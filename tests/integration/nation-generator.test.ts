import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildNation, readIstatFixture, type NationSummary } from '../../bench/nation/generate.ts';
import { bulkSpendingCsv, planAmbiti, planDocument, spendingCsv } from '../../bench/nation/files.ts';
import { getAmbitoByCode, listAmbiti, listAmbitoComuni, listComuniPopulation } from '../../app/modules/territory/index.server.ts';
import { listPlans } from '../../app/modules/planning/index.server.ts';
import { getPlanDashboard } from '../../app/modules/monitoring/index.server.ts';
import { listSpendingFacts } from '../../app/modules/finance/index.server.ts';
import { listSocialWorkerPosts } from '../../app/modules/leps/index.server.ts';
import { createTestDatabase } from '../support/test-db.ts';

// The synthetic nation of the national benchmark (bench/national.ts), small: Valle d'Aosta (74 comuni, one province)
// in 4 Ambiti, each with a plan of 2 objectives, 5 actions, 6 indicators and 4 semesters of measurements.
const OPTIONS = { regions: ['02'], ambiti: 4, objectives: 2, actions: 5, indicators: 6, semesters: 4, seed: 7 };

describe('the synthetic nation is built through the importers', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let nation: NationSummary;
  before(async () => {
    database = await createTestDatabase();
    nation = await buildNation(database.db, OPTIONS);
  });
  after(() => database.close());

  test('every comune of the Region is in one of the Ambiti, each with a capofila, a health agency and a trust', async () => {
    const comuniOfRegion = readIstatFixture().entries.filter((e) => e.regione.codice === '02').length;
    assert.equal(nation.counts.comuni, comuniOfRegion);
    const ambiti = await listAmbiti(database.db);
    assert.deepEqual(ambiti.map((a) => a.code).sort(), ['b-007-1', 'b-007-2', 'b-007-3', 'b-007-4']);
    let members = 0;
    for (const a of ambiti) {
      const comuni = await listAmbitoComuni(database.db, a.id);
      members += comuni.length;
      const capofila = comuni.filter((c) => c.isCapofila);
      assert.equal(capofila.length, 1, a.code);
      assert.equal(a.name, `Ambito ${capofila[0]!.name}`);
      const row = await getAmbitoByCode(database.db, a.code);
      assert.match(row!.healthAuthority ?? '', /^ASL /);
      assert.match(row!.healthTrust ?? '', /^Distretto sanitario di /);
    }
    assert.equal(members, comuniOfRegion);
    assert.equal(nation.counts.ambiti, 4);
  });

  test('population: one row per comune and year of spending', async () => {
    let rows = 0;
    for (const a of nation.ambiti) rows += (await listComuniPopulation(database.db, a.id)).length;
    assert.equal(rows, nation.counts.comuni * nation.years.length);
    assert.equal(rows, nation.counts.populationRows);
  });

  test('plans: one adopted plan per Ambito with its objectives, actions, indicators and measurements; targets are judged', async () => {
    const today = `${nation.plan.startYear + 1}-12-31`;
    const totals = { objectives: 0, actions: 0, indicators: 0, measurements: 0, reached: 0, notReached: 0 };
    for (const a of nation.ambiti) {
      const plans = await listPlans(database.db, a.id);
      assert.equal(plans.length, 1, a.code);
      assert.equal(plans[0]!.status, 'adopted');
      assert.equal(plans[0]!.periodStartYear, nation.plan.startYear);
      const dashboard = (await getPlanDashboard(database.db, plans[0]!.id, today))!;
      totals.objectives += dashboard.objectives.length;
      totals.actions += dashboard.objectives.reduce((s, o) => s + o.actions.length, 0);
      totals.indicators += dashboard.indicatorCount;
      totals.measurements += dashboard.measurementCount;
      totals.reached += dashboard.totals.raggiunto;
      totals.notReached += dashboard.totals.non_raggiunto;
    }
    assert.deepEqual(
      { objectives: totals.objectives, actions: totals.actions, indicators: totals.indicators, measurements: totals.measurements },
      { objectives: 4 * 2, actions: 4 * 5, indicators: 4 * 6, measurements: 4 * 6 * 4 },
    );
    assert.deepEqual(
      { plans: nation.counts.plans, objectives: nation.counts.objectives, actions: nation.counts.actions, indicators: nation.counts.indicators },
      { plans: 4, objectives: 8, actions: 20, indicators: 24 },
    );
    assert.equal(nation.counts.measurements, totals.measurements);
    assert.deepEqual(nation.plan.semesters, ['2024-S1', '2024-S2', '2025-S1', '2025-S2']);
    assert.ok(totals.reached > 0, 'some targets are reached');
    assert.ok(totals.notReached > 0, 'some targets are not');
  });

  test('spending by comune × area × channel and the social workers', async () => {
    let spending = 0;
    let posts = 0;
    const years = new Set<number>();
    for (const a of nation.ambiti) {
      const facts = await listSpendingFacts(database.db, a.id);
      spending += facts.length;
      for (const f of facts) years.add(f.year);
      posts += (await listSocialWorkerPosts(database.db, a.id)).length;
    }
    assert.equal(spending, nation.counts.spendingRows);
    assert.ok(spending > nation.counts.comuni * 3 * 9, 'at least one row per comune, year and area');
    assert.deepEqual([...years].sort(), nation.years);
    assert.equal(posts, nation.counts.posts);
    assert.ok(posts > 0);
  });

  test('every step is timed with what it imported', () => {
    assert.deepEqual(
      nation.steps.map((s) => s.step),
      [
        'cataloghi (fonti, aree di spesa, LEPS)',
        'comuni ISTAT',
        'composizione degli Ambiti',
        'agenzia e azienda sanitaria degli Ambiti',
        'popolazione',
        'piani (obiettivi, azioni, indicatori, target)',
        'misure degli indicatori',
        'spesa sociale (comune × area × canale)',
        'assistenti sociali',
      ],
    );
    for (const s of nation.steps) assert.ok(s.rows > 0 && s.ms >= 0, s.step);
  });
});

describe('the nation’s files are deterministic', () => {
  const entries = readIstatFixture().entries;

  test('about 600 Ambiti over the whole country, grouped by province, every comune once', () => {
    const ambiti = planAmbiti(entries, 600);
    assert.equal(ambiti.length, 600);
    assert.equal(
      ambiti.reduce((s, a) => s + a.members.length, 0),
      entries.length,
    );
    assert.equal(new Set(ambiti.map((a) => a.code)).size, 600);
    for (const a of ambiti) assert.ok(a.members.every((m) => m.provincia.codice === a.provinceCode));
  });

  test('the same seed gives the same files, another seed other figures', () => {
    const [a] = planAmbiti(
      entries.filter((e) => e.regione.codice === '02'),
      2,
    );
    const shape = { objectives: 3, actions: 6, indicators: 12, startYear: 2025 };
    assert.equal(planDocument(1, a!, shape).text, planDocument(1, a!, shape).text);
    assert.notEqual(planDocument(1, a!, shape).text, planDocument(2, a!, shape).text);
    assert.equal(spendingCsv(1, a!, [2024, 2025]).text, spendingCsv(1, a!, [2024, 2025]).text);
  });

  test('the large import file has the rows asked, all distinct', () => {
    const file = bulkSpendingCsv(
      { code: 'x', memberIstatCodes: ['007001', '007002', '007003', '007004', '007005', '007006', '007007', '007008'] },
      20_000,
      2025,
    );
    const lines = file.text.trim().split('\n').slice(1);
    assert.equal(file.rows, 20_000);
    assert.equal(new Set(lines.map((l) => l.split(';').slice(0, 4).concat(l.split(';')[5]!).join('|'))).size, 20_000);
  });
});
