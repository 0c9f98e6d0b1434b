// The read-only faces the regional workspace (app/modules/region) reads each Ambito through: each function checked,
// on the demo Ambiti (Gallarate and Sebino in Lombardia, Fano in the Marche), against the module's own functions for
// the same Ambito and year (the Ambito's home page, the plan overview, the spending dashboard, the plan dashboard and
// the evaluation page, the regional LEPS table, the participation figures page), and against figures of the seeds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { getAmbitoByCode, getAmbitoOverview } from '../../app/modules/territory/territory.queries.ts';
import { readTerritoryForRegion } from '../../app/modules/territory/index.server.ts';
import { ambiti, regions } from '../../app/modules/territory/territory.schema.ts';
import { getPlanOverview } from '../../app/modules/planning/planning.queries.ts';
import { planBudgetLines, planIndicators, planObjectives, plans } from '../../app/modules/planning/planning.schema.ts';
import { readPlanForRegion } from '../../app/modules/planning/index.server.ts';
import { getSpendingDashboard } from '../../app/modules/finance/finance.views.server.ts';
import { readSpendingForRegion } from '../../app/modules/finance/index.server.ts';
import { getPlanDashboard, getPlanEvaluation } from '../../app/modules/monitoring/monitoring.queries.ts';
import { saveMeasurement } from '../../app/modules/monitoring/monitoring.commands.ts';
import { readMonitoringForRegion } from '../../app/modules/monitoring/index.server.ts';
import { ACHIEVEMENT_BAND_LABELS, TARGET_STATUSES } from '../../app/modules/monitoring/index.ts';
import { readLepsForRegion } from '../../app/modules/leps/index.server.ts';
import { readParticipationFigures } from '../../app/modules/participation/participation.opendata.queries.ts';
import { readParticipationForRegion } from '../../app/modules/participation/index.server.ts';
import { getRegionalLepsRows } from '../../app/modules/leps/leps.region.queries.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const CODES = ['gallarate', 'sebino', 'fano'] as const;
const YEARS = [2022, 2024, 2025] as const;
/** The day the targets are judged at (as the plan dashboard is asked). */
const TODAY = '2026-11-26';

/** Equal as amounts by key: a key missing on one side counts as 0 (the dashboard lists every area, with 0). */
function sameAmounts(actual: Record<string, number>, expected: Record<string, number>, what: string) {
  for (const k of new Set([...Object.keys(actual), ...Object.keys(expected)])) assert.equal(actual[k] ?? 0, expected[k] ?? 0, `${what}: ${k}`);
}

const isPlain = (v: unknown): boolean =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (Array.isArray(v) && v.every(isPlain)) ||
  (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(isPlain));

describe('regional faces: each module’s figures of an Ambito and a year, as its own pages give them', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const ids = new Map<string, { id: string; code: string; name: string }>();
  const db = () => database.db;
  const ambito = (code: string) => ids.get(code)!;

  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    for (const code of CODES) {
      const a = (await getAmbitoByCode(database.db, code))!;
      ids.set(code, { id: a.id, code: a.code, name: a.name });
    }
  });
  after(() => database.close());

  test('territory: the comuni on 31 December, their provinces, and the population of the Ambito’s home page on that day', async () => {
    for (const code of CODES)
      for (const year of YEARS) {
        const f = await readTerritoryForRegion(db(), ambito(code).id, year);
        const o = (await getAmbitoOverview(db(), code, `${year}-12-31`))!;
        const where = `${code} ${year}`;
        assert.equal(f.comuni, o.comuni.length, where);
        assert.equal(
          f.provinces.reduce((s, p) => s + p.comuni, 0),
          o.comuni.length,
          where,
        );
        assert.deepEqual(f.provinces.map((p) => p.name).sort(), [...new Set(o.comuni.map((c) => c.provinceName))].sort(), where);
        assert.equal(f.healthDistrict, o.ambito.healthDistrict, where);
        if (f.population !== null) {
          assert.equal(f.population, o.headline.total, where);
          assert.equal(f.populationYear, o.headline.year, where);
          assert.equal(f.populationBasis, o.headline.level, where);
          assert.equal(f.populationComuni, o.headline.covered, where);
        } else assert.equal(o.comuni.length, 0, where);
        assert.ok(isPlain(f), where);
      }
    // Seed figures: Gallarate's 9 comuni of the province of Varese, its Ambito total of 2023 (122.855) for 2024;
    // Sebino's 12 comuni of Brescia from 2025 (none before), 54.346 inhabitants on 1.1.2024; Fano's 9 comuni, 2011 census.
    const g = await readTerritoryForRegion(db(), ambito('gallarate').id, 2024);
    assert.deepEqual(g.provinces, [{ code: '012', name: 'Varese', comuni: 9 }]);
    assert.deepEqual([g.population, g.populationYear, g.populationBasis, g.populationComuni], [122_855, 2023, 'ambito', 9]);
    assert.equal(g.healthDistrict, 'ASST Valle Olona – Distretto di Gallarate (ATS Insubria)');
    const s24 = await readTerritoryForRegion(db(), ambito('sebino').id, 2024);
    const s25 = await readTerritoryForRegion(db(), ambito('sebino').id, 2025);
    assert.equal(s24.comuni, 0);
    assert.deepEqual([s25.comuni, s25.provinces[0]?.name, s25.population, s25.populationYear], [12, 'Brescia', 54_346, 2024]);
    assert.equal((await readTerritoryForRegion(db(), ambito('sebino').id, 2022)).population, null);
    const f = await readTerritoryForRegion(db(), ambito('fano').id, 2024);
    assert.deepEqual([f.comuni, f.population, f.populationYear, f.populationBasis], [9, 102_900, 2011, 'comuni']);
  });

  test('planning: the plan covering the year with the overview’s counts and budget, and the plan closed before it', async () => {
    for (const code of CODES)
      for (const year of YEARS) {
        const f = await readPlanForRegion(db(), ambito(code).id, year);
        const where = `${code} ${year}`;
        assert.ok(isPlain(f), where);
        if (!f.plan) {
          assert.deepEqual([f.objectives, f.actions, f.indicators, f.budget.totalCents, f.budget.lines], [0, 0, 0, 0, 0], where);
          continue;
        }
        assert.ok(f.plan.periodStartYear <= year && year <= f.plan.periodEndYear, where);
        const o = (await getPlanOverview(db(), f.plan.id))!;
        assert.deepEqual([f.objectives, f.actions, f.indicators], [o.counts.objectives, o.counts.actions, o.counts.indicators], where);
        assert.equal(f.plan.status, o.plan.status, where);
        // No demo plan splits every line by year: the figures are the whole period's, as the overview shows.
        assert.equal(f.budget.scope, 'period', where);
        assert.equal(f.budget.totalCents, o.ordinary.total + o.leps.total, where);
        assert.equal(f.budget.lepsCents, o.leps.total, where);
        const funds: Record<string, number> = {};
        for (const [fund, , cents] of [...o.ordinary.byFund, ...o.leps.byFund]) funds[fund] = (funds[fund] ?? 0) + cents;
        sameAmounts(f.budget.byFund, funds, `${where} fund`);
        for (const [area, cents] of o.ordinary.byArea) assert.equal(f.budget.byArea[area], cents, `${where} area ${area}`);
        assert.equal(
          Object.values(f.budget.byArea).reduce((s, v) => s + v, 0),
          f.budget.totalCents,
          where,
        );
      }
    // Gallarate 2025: the 2025-2027 plan adopted on 2 December 2024 (24 objectives, 104 actions, 301 indicators, 28
    // budget lines, € 6.114.743,00 of which € 1.897.743,00 on LEPS objectives); the 2021-2023 plan is the closed one.
    const g = await readPlanForRegion(db(), ambito('gallarate').id, 2025);
    assert.equal(g.plan?.title, 'Piano di Zona 2025-2027 – Ambito Territoriale di Gallarate');
    assert.equal(g.plan?.adoptedOn, '2024-12-02');
    assert.deepEqual([g.objectives, g.actions, g.indicators, g.budget.lines], [24, 104, 301, 28]);
    assert.deepEqual([g.budget.totalCents, g.budget.lepsCents], [611_474_300, 189_774_300]);
    assert.deepEqual(g.budget.byYear, { 2025: 4_000_000, 2026: 4_000_000, 2027: 4_000_000, triennio: 599_474_300 });
    assert.equal(g.closedPlan?.title, 'Piano di Zona 2021-2023 – Ambito Territoriale di Gallarate');
    const g24 = await readPlanForRegion(db(), ambito('gallarate').id, 2024);
    assert.equal(g24.plan, null);
    assert.deepEqual([g24.closedPlan?.periodStartYear, g24.closedPlan?.periodEndYear, g24.closedPlan?.status], [2021, 2023, 'closed']);
    const f = await readPlanForRegion(db(), ambito('fano').id, 2024);
    assert.deepEqual([f.plan?.periodStartYear, f.plan?.adoptedOn, f.budget.totalCents, f.closedPlan], [2022, '2022-02-25', 15_958_779, null]);
  });

  test('planning: when every line of the plan has a year, the budget is the year’s lines (scope «year»)', async () => {
    // A plan made here (not data): two yearly lines on one fund, one on another.
    await db().insert(regions).values({ code: '09', name: 'Toscana' }).onConflictDoNothing();
    const [a] = await db().insert(ambiti).values({ code: 'prova-anni', name: 'Ambito di prova', regionCode: '09' }).returning();
    const [p] = await db()
      .insert(plans)
      .values({
        ambitoId: a!.id,
        title: 'Piano di prova',
        periodStartYear: 2030,
        periodEndYear: 2032,
        templateId: 'lombardia-2025-2027',
        templateVersion: '1',
        status: 'draft',
      })
      .returning();
    const [o] = await db()
      .insert(planObjectives)
      .values({ planId: p!.id, position: 1, code: 'A', title: 'Obiettivo', kind: 'ordinary', macroArea: 'Anziani', links: {} })
      .returning();
    await db()
      .insert(planBudgetLines)
      .values([
        { objectiveId: o!.id, position: 1, fund: 'FNPS', year: 2030, amountCents: 100_000 },
        { objectiveId: o!.id, position: 2, fund: 'FNPS', year: 2031, amountCents: 250_000 },
        { objectiveId: o!.id, position: 3, fund: 'FNA', year: 2030, amountCents: 50_000 },
      ]);
    const f = await readPlanForRegion(db(), a!.id, 2030);
    assert.equal(f.plan?.adoptedOn, null); // a draft
    assert.deepEqual(f.budget, {
      scope: 'year',
      totalCents: 150_000,
      lepsCents: 0,
      byArea: { Anziani: 150_000 },
      byFund: { FNPS: 100_000, FNA: 50_000 },
      byYear: { 2030: 150_000 },
      lines: 2,
    });
    assert.equal((await readPlanForRegion(db(), a!.id, 2032)).budget.totalCents, 0);
  });

  test('finance: the spending dashboard’s total, areas, channels and coverage of the year', async () => {
    for (const code of CODES)
      for (const year of [2019, 2022, 2024]) {
        const f = await readSpendingForRegion(db(), ambito(code).id, year);
        const where = `${code} ${year}`;
        assert.ok(isPlain(f), where);
        assert.equal(f.year, year);
        const d = await getSpendingDashboard(db(), ambito(code), { year, ente: null, showPartial: true });
        if (d.year !== year) {
          // No row for the year: nothing counted, the members at the end of the year without data.
          assert.deepEqual([f.totalCents, f.rows, f.coverage.withData, f.coverage.ambitoRows, f.complete], [0, 0, 0, false, false], where);
          continue;
        }
        assert.equal(f.totalCents, d.matrix!.grandTotal, where);
        sameAmounts(f.byArea, d.matrix!.rowTotals, `${where} area`);
        sameAmounts(f.byChannel, d.matrix!.columnTotals, `${where} channel`);
        assert.deepEqual(
          f.coverage,
          { withData: d.coverage!.withData.length, members: d.coverage!.members.length, ambitoRows: d.coverage!.basis === 'ambito' },
          where,
        );
        assert.equal(f.complete, !d.partial, where);
      }
    // Seeds: Gallarate 2022, Tabella 2.4 of the plan (72 rows for the Ambito, € 19.834.861,00); Fano 2022, € 821.377,00.
    const g = await readSpendingForRegion(db(), ambito('gallarate').id, 2022);
    assert.deepEqual([g.totalCents, g.rows, g.coverage.ambitoRows, g.coverage.members, g.complete], [1_983_486_100, 72, true, 9, true]);
    assert.equal((await readSpendingForRegion(db(), ambito('fano').id, 2022)).totalCents, 82_137_700);
    assert.equal((await readSpendingForRegion(db(), ambito('gallarate').id, 2024)).coverage.members, 9);
  });

  test('monitoring: the evaluation’s grades are the evaluation page’s; Gallarate 2021-2023 averages 76,56 % (sufficiente)', async () => {
    const closed = (await readPlanForRegion(db(), ambito('gallarate').id, 2025)).closedPlan!;
    const m = await readMonitoringForRegion(db(), { planId: null, closedPlanId: closed.id, year: 2025 });
    assert.equal(m.targets, null);
    const e = (await getPlanEvaluation(db(), closed.id))!;
    assert.deepEqual(Object.keys(m.evaluation!.byGrade), Object.keys(ACHIEVEMENT_BAND_LABELS));
    assert.equal(m.evaluation!.objectives, e.objectives.length);
    assert.equal(m.evaluation!.evaluated, e.evaluatedCount);
    for (const band of Object.keys(ACHIEVEMENT_BAND_LABELS))
      assert.equal(
        m.evaluation!.byGrade[band as keyof typeof ACHIEVEMENT_BAND_LABELS],
        e.objectives.filter((o) => o.evaluation && o.grade?.band === band).length,
      );
    // Seed 002: 16 objectives graded 100 (×7), 80, 75 (×3), 67 (×2), 33 (×2), 20; mean 76,56 %.
    assert.deepEqual(m.evaluation, {
      objectives: 16,
      evaluated: 16,
      byGrade: { nullo: 0, insufficiente: 3, sufficiente: 5, buono: 1, ottimo: 7 },
      mean: { percent: 76.56, band: 'sufficiente' },
    });
    assert.ok(isPlain(m));
    assert.deepEqual(await readMonitoringForRegion(db(), { planId: null, closedPlanId: null, year: 2025 }), { targets: null, evaluation: null });
  });

  test('monitoring: each indicator’s target of the year judged as the plan dashboard judges it', async () => {
    const planId = (await readPlanForRegion(db(), ambito('gallarate').id, 2025)).plan!.id;
    const read = () => readMonitoringForRegion(db(), { planId, closedPlanId: null, year: 2025, today: TODAY });
    const before = (await read()).targets!;
    const dash = (await getPlanDashboard(db(), planId, TODAY))!;
    assert.equal(before.indicators, dash.indicatorCount);
    assert.equal(before.measured, dash.measured.length);
    assert.deepEqual(Object.keys(before.byStatus), [...TARGET_STATUSES]);
    // Indicators with a target of 2025 or a target without a year, counted from the plan's rows.
    const rows = await db()
      .select({ targets: planIndicators.targets })
      .from(planIndicators)
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .where(eq(planObjectives.planId, planId));
    const expected = rows.filter((r) => r.targets.some((t) => t.year === 2025) || r.targets.some((t) => t.year === null)).length;
    assert.equal(before.withTarget, expected);
    assert.equal(
      Object.values(before.byStatus).reduce((s, n) => s + n, 0),
      before.withTarget,
    );

    // Two semesters of 2025 for the PUA's ratio (target 2025: ≥ 50 %): 12/25 = 48 % → not reached, on both pages.
    const [pua] = await db()
      .select({ id: planIndicators.id })
      .from(planIndicators)
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .where(and(eq(planObjectives.planId, planId), eq(planObjectives.code, 'LEPS-PUA'), eq(planIndicators.code, '2.1')));
    const staff = actorWith('staff', { ambitoId: ambito('gallarate').id });
    for (const period of ['2025-S1', '2025-S2'])
      await saveMeasurement({ db: db(), actor: staff, indicatorId: pua!.id, input: { period, numerator: '12', denominator: '25' }, today: TODAY });
    const after = (await read()).targets!;
    const shown = (await getPlanDashboard(db(), planId, TODAY))!.measured.find((i) => i.id === pua!.id)!;
    assert.equal(shown.evaluations.find((e) => e.year === 2025)!.status, 'non_raggiunto');
    assert.deepEqual([after.measured, after.measuredInYear, after.withTarget], [1, 1, before.withTarget]);
    assert.equal(after.byStatus.non_raggiunto, before.byStatus.non_raggiunto + 1);
    assert.equal(after.byStatus.dati_mancanti, before.byStatus.dati_mancanti - 1);
    // Fano's 2022-2024 plan: 5 indicators, 4 with values (Ambito records), none with a target.
    const fano = (await readPlanForRegion(db(), ambito('fano').id, 2022)).plan!.id;
    const f = (await readMonitoringForRegion(db(), { planId: fano, closedPlanId: null, year: 2022, today: TODAY })).targets!;
    assert.deepEqual([f.indicators, f.measured, f.withTarget], [5, 4, 0]);
  });

  test('leps: the row of the regional LEPS table, for every Ambito of both Regions', async () => {
    for (const [regionCode, codes] of [
      ['03', ['gallarate', 'sebino']],
      ['11', ['fano']],
    ] as const)
      for (const year of [2022, 2025]) {
        const table = await getRegionalLepsRows(db(), regionCode, year);
        for (const code of codes) {
          const { ambitoCode: _c, ambitoName: _n, ...row } = table.find((r) => r.ambitoCode === code)!;
          const f = await readLepsForRegion(db(), ambito(code).id, year);
          assert.deepEqual(f, row, `${code} ${year}`);
          assert.ok(isPlain(f));
        }
      }
    // Fano: 21 FTE of social workers for 102.900 inhabitants (2011) → 4.900 per worker, the LEPS (1:5.000) reached.
    const f = await readLepsForRegion(db(), ambito('fano').id, 2024);
    assert.deepEqual([f.fte, f.population, f.inhabitantsPerWorker, f.lepsStatus], [21, 102_900, 4_900, 'raggiunto']);
  });

  test('participation: the figures page’s numbers, with the projects, calls and published figures', async () => {
    const now = new Date('2026-11-26T12:00:00Z');
    for (const code of CODES) {
      const f = await readParticipationForRegion(db(), ambito(code).id, 2025, now);
      const { figures } = await readParticipationFigures(db(), ambito(code).id, now);
      assert.ok(isPlain(f), code);
      assert.deepEqual(
        [f.tables, f.tableMembers, f.meetings, f.organisations, f.needs, f.proposals, f.proposalsAnswered, f.questionnaireResponses],
        [
          figures.tables,
          figures.memberOrganisations,
          figures.meetingsHeld,
          figures.organisationsTookPart,
          figures.needsTotal,
          figures.proposalsTotal,
          figures.proposalsAnswered,
          figures.responsesTotal,
        ],
        code,
      );
      assert.equal(f.meetingsWithAttendance, figures.attendanceRecorded.numerator, code);
      assert.equal(f.attendees, figures.attendanceRecorded.numerator > 0 ? figures.peoplePresent : null, code);
    }
    // Seeds: Gallarate's 5 tables and 72 needs; Fano's 7 thematic tables, 6 co-designed networks and 4 published
    // figures; nothing for Sebino.
    const g = await readParticipationForRegion(db(), ambito('gallarate').id, 2025, now);
    assert.deepEqual([g.recorded, g.tables, g.needs], [true, 5, 72]);
    const f = await readParticipationForRegion(db(), ambito('fano').id, 2025, now);
    assert.deepEqual([f.recorded, f.tables, f.projects, f.publishedFigures], [true, 7, 6, 4]);
    const s = await readParticipationForRegion(db(), ambito('sebino').id, 2025, now);
    assert.equal(s.recorded, false);
  });
});
