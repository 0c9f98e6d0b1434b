import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { systemActor } from '../../app/shared/auth/actor.ts';
import { fromRoot } from '../../app/shared/paths.ts';
import { createMeeting, saveMinutes } from '../../app/modules/governance/governance.commands.ts';
import { bodies, meetings } from '../../app/modules/governance/governance.schema.ts';
import { saveMeasurement, updateActionProgress } from '../../app/modules/monitoring/monitoring.commands.ts';
import { importProjects } from '../../app/modules/participation/participation.projects.commands.ts';
import { planActions, planIndicators, planObjectives, plans } from '../../app/modules/planning/planning.schema.ts';
import {
  findPortalAmbito,
  getPortalCalendar,
  getPortalHome,
  getPortalLeps,
  getPortalMinutes,
  getPortalObjective,
  getPortalParticipation,
  getPortalPlan,
  getPortalProjects,
  getPortalSpending,
  listPublicPlans,
  type PortalAmbito,
  type PublicPlan,
} from '../../app/modules/portal/portal.queries.ts';
import { choosePlan } from '../../app/modules/portal/portal.rules.ts';
import { seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

// The public portal's reads on the demo Ambito di Gallarate: every figure is checked against the records (counted here
// in SQL, independently of the portal's reads), the progress and latest results against what monitoring records, the
// minutes' publication rule, and the suppression of small counts of people (publishCount) on the demo's own figures.
describe(`public portal of the demo (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambito: PortalAmbito;
  let plan2025: PublicPlan;
  const TODAY = '2026-03-01';
  const NOW = new Date('2026-03-01T10:00:00Z');
  const actor = systemActor('test del portale');

  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    ambito = (await findPortalAmbito(database.db, 'gallarate'))!;
    const chosen = choosePlan(await listPublicPlans(database.db, ambito.id), TODAY, null)!;
    plan2025 = chosen.plan;
  });
  after(() => database.close());

  const rowsOf = async (query: ReturnType<typeof sql>) => {
    const result = await database.db.execute(query);
    return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
  };
  const count = async (query: ReturnType<typeof sql>) => Number(Object.values((await rowsOf(query))[0]!)[0] ?? 0);

  test('the public plans are the adopted ones: 2025-2027 in force by default, 2021-2023 (closed) by its period', async () => {
    const list = await listPublicPlans(database.db, ambito.id);
    assert.deepEqual(
      list.map((p) => [p.periodStartYear, p.status]),
      [
        [2025, 'adopted'],
        [2021, 'closed'],
      ],
    );
    assert.equal(plan2025.periodStartYear, 2025);
    assert.equal(plan2025.adoptionDate, '2024-12-02', 'adopted by the Assemblea dei Sindaci on 2 December 2024');
    assert.equal(choosePlan(list, TODAY, '2021-2023')!.plan.status, 'closed');
    assert.equal(choosePlan(list, TODAY, '2021-2023')!.isDefault, false);
    assert.equal(choosePlan(list, TODAY, '2019-2021'), null);
  });

  test('home: comuni, population and the plan’s figures are those of the records', async () => {
    const home = await getPortalHome(database.db, ambito, plan2025, TODAY, NOW);
    const comuni = await count(sql`
      SELECT count(*) FROM ambito_comuni WHERE ambito_id = ${ambito.id} AND valid_from <= ${TODAY}::date AND (valid_to IS NULL OR valid_to >= ${TODAY}::date)`);
    assert.equal(home.comuni.length, comuni);
    assert.equal(home.comuni.length, 9, 'the nine comuni of fixtures/demo/ambiti.csv');
    assert.equal(home.comuni[0]!.isCapofila, true, 'the capofila first');
    assert.equal(home.population!.total, 122_855, 'Tabella 2.1 of the plan, as the Ambito page shows it');
    assert.equal(home.plan!.objectives, await count(sql`SELECT count(*) FROM plan_objectives WHERE plan_id = ${plan2025.id}`));
    assert.equal(
      home.plan!.budgetCents,
      await count(sql`
        SELECT coalesce(sum(b.amount_cents), 0) FROM plan_budget_lines b JOIN plan_objectives o ON o.id = b.objective_id WHERE o.plan_id = ${plan2025.id}`),
    );
    assert.deepEqual(home.plan!.documents, [], 'no document generated: the page says «Documento in preparazione»');
    assert.equal(home.plan!.progress!.value, null, 'nothing measured yet in the demo: no progress, not 0 %');
    assert.deepEqual(home.plan!.latest, []);
  });

  test('plan: objectives by area with no completeness, draft, variation or history; resources equal the budget lines', async () => {
    const page = await getPortalPlan(database.db, plan2025, TODAY);
    const objectives = await count(sql`SELECT count(*) FROM plan_objectives WHERE plan_id = ${plan2025.id}`);
    assert.equal(
      page.areas.reduce((s, a) => s + a.rows.length, 0),
      objectives,
      'every objective in one area',
    );
    const leps = await count(sql`SELECT count(*) FROM plan_objectives WHERE plan_id = ${plan2025.id} AND kind = 'leps'`);
    assert.equal(page.areas.find((a) => a.kind === 'leps')?.rows.length ?? 0, leps);
    const text = JSON.stringify(page);
    for (const internal of ['incomplete', 'variations', 'snapshots', 'variance', 'baseline', 'draft'])
      assert.ok(!text.includes(`"${internal}"`), `no «${internal}» leaves the portal`);
    assert.equal(
      page.budget.totalCents,
      await count(sql`
        SELECT coalesce(sum(b.amount_cents), 0) FROM plan_budget_lines b JOIN plan_objectives o ON o.id = b.objective_id
        WHERE o.plan_id = ${plan2025.id} AND o.kind = 'ordinary'`),
    );
    assert.equal(
      page.indicators,
      await count(sql`SELECT count(*) FROM plan_indicators i JOIN plan_objectives o ON o.id = i.objective_id WHERE o.plan_id = ${plan2025.id}`),
    );
  });

  test('progress and latest result come from monitoring: a declared realisation and a measured value show on the plan', async () => {
    // The first objective with at least two actions and an indicator.
    const [objective] = await rowsOf(sql`
      SELECT o.id, o.code FROM plan_objectives o
      WHERE o.plan_id = ${plan2025.id} AND (SELECT count(*) FROM plan_actions a WHERE a.objective_id = o.id) >= 2
        AND EXISTS (SELECT 1 FROM plan_indicators i WHERE i.objective_id = o.id AND i.kind = 'count')
      ORDER BY o.position LIMIT 1`);
    assert.ok(objective, 'an objective with two actions and a count indicator');
    const objectiveId = String(objective.id);
    const code = String(objective.code);
    const actions = await database.db.select().from(planActions).where(eq(planActions.objectiveId, objectiveId)).orderBy(asc(planActions.position));
    await updateActionProgress({
      db: database.db,
      actor,
      actionId: actions[0]!.id,
      input: { version: actions[0]!.version, status: 'in_progress', realisationPercent: '60' },
    });
    const [indicator] = await database.db
      .select()
      .from(planIndicators)
      .where(and(eq(planIndicators.objectiveId, objectiveId), eq(planIndicators.kind, 'count')))
      .orderBy(asc(planIndicators.position));
    const period = indicator!.periodicity === 'semiannual' ? '2025-S2' : indicator!.periodicity === 'quarterly' ? '2025-Q4' : '2025';
    await saveMeasurement({ db: database.db, actor, indicatorId: indicator!.id, input: { period, value: '37' }, today: TODAY });

    const page = await getPortalPlan(database.db, plan2025, TODAY);
    const row = page.areas.flatMap((a) => a.rows).find((o) => o.code === code)!;
    assert.equal(row.progress!.value, 60, 'the mean of the actions with a figure: only the declared 60 %');
    assert.equal(row.progress!.counted, 1);
    assert.equal(row.progress!.missing, actions.length - 1, 'the other actions have no figure: left out, not counted as 0');
    assert.equal(row.latest!.indicatorLabel, indicator!.label);
    assert.equal(row.latest!.period, period);
    assert.equal(row.latest!.display, '37');
    assert.equal(page.measuredIndicators, 1);
    const home = await getPortalHome(database.db, ambito, plan2025, TODAY, NOW);
    assert.deepEqual(
      home.plan!.latest.map((r) => [r.objectiveCode, r.display]),
      [[code, '37']],
    );

    const detail = (await getPortalObjective(database.db, plan2025, code, TODAY))!;
    assert.equal(detail.progress!.value, 60);
    assert.equal(detail.actions.length, actions.length);
    assert.equal(detail.actions[0]!.realisation!.value, 60);
    assert.equal(detail.actions[0]!.realisation!.source, 'declared');
    const shown = detail.indicators.find((i) => i.id === indicator!.id)!;
    assert.deepEqual(
      shown.years.map((y) => y.year),
      [2025, 2026, 2027],
    );
    assert.equal(shown.years[0]!.actual, 37, 'the value achieved in 2025');
    assert.equal(shown.years[1]!.actual, null, 'nothing measured for 2026');
    assert.equal(shown.latest!.display, '37');

    // A later count below the privacy threshold is not shown: «meno di 5», on the plan and on the objective, and its
    // year's value with it (art. 26 c.4 D.Lgs. 33/2013; the API applies the same rule).
    const later = indicator!.periodicity === 'semiannual' ? '2026-S1' : indicator!.periodicity === 'quarterly' ? '2026-Q1' : '2026';
    await saveMeasurement({ db: database.db, actor, indicatorId: indicator!.id, input: { period: later, value: '3' }, today: '2026-12-01' });
    const afterSmall = await getPortalPlan(database.db, plan2025, '2026-12-01');
    assert.equal(afterSmall.areas.flatMap((a) => a.rows).find((o) => o.code === code)!.latest!.display, 'meno di 5');
    const small = (await getPortalObjective(database.db, plan2025, code, '2026-12-01'))!.indicators.find((i) => i.id === indicator!.id)!;
    assert.equal(small.latest!.display, 'meno di 5');
    assert.deepEqual([small.years[1]!.actual, small.years[1]!.suppressed], [null, true]);
    assert.deepEqual([small.years[0]!.actual, small.years[0]!.suppressed], [37, false]);
  });

  test('objective: budget by fund adds up to the objective’s budget lines; an unknown code is not found', async () => {
    const [objective] = await rowsOf(sql`
      SELECT o.code, coalesce(sum(b.amount_cents), 0) AS total, count(DISTINCT b.fund) AS funds
      FROM plan_objectives o JOIN plan_budget_lines b ON b.objective_id = o.id
      WHERE o.plan_id = ${plan2025.id} GROUP BY o.id, o.code, o.position ORDER BY o.position LIMIT 1`);
    const detail = (await getPortalObjective(database.db, plan2025, String(objective!.code), TODAY))!;
    assert.equal(detail.budget.totalCents, Number(objective!.total));
    assert.equal(detail.budget.byFund.length, Number(objective!.funds));
    assert.equal(
      detail.budget.byFund.reduce((s, f) => s + f.cents, 0),
      Number(objective!.total),
    );
    assert.equal(await getPortalObjective(database.db, plan2025, 'ZZZ', TODAY), null);
    const closed = (await listPublicPlans(database.db, ambito.id)).find((p) => p.status === 'closed')!;
    const inClosed = await getPortalObjective(database.db, closed, 'A', TODAY);
    assert.ok(inClosed, 'the objectives of the closed 2021-2023 plan are public too');
    assert.deepEqual(inClosed.years, [2021, 2022, 2023]);
  });

  test('calendar: public bodies only; minutes are published once approved, never before, never of a technical body', async () => {
    const byName = async (name: string) =>
      (
        await database.db
          .select()
          .from(bodies)
          .where(and(eq(bodies.ambitoId, ambito.id), eq(bodies.name, name)))
      )[0]!;
    const assembly = await byName('Assemblea dei Sindaci');
    const office = await byName('Ufficio di Piano');
    const ctx = { db: database.db, actor, ambitoId: ambito.id };
    const meeting = (bodyId: string, title: string, date: string) =>
      createMeeting({
        ...ctx,
        bodyId,
        input: { title, date, startTime: '17:00', endTime: '19:00', place: 'Sala consiliare, Gallarate', agenda: '1. Bilancio\n2. Varie' },
      });
    const approved = await meeting(assembly.id, 'Assemblea di gennaio', '2026-01-20');
    const pending = await meeting(assembly.id, 'Assemblea di febbraio', '2026-02-17');
    const next = await meeting(assembly.id, 'Assemblea di aprile', '2026-04-14');
    const technical = await meeting(office.id, 'Riunione dell’Ufficio di Piano', '2026-02-03');
    await saveMinutes({
      ...ctx,
      meetingId: approved.id,
      input: {
        version: approved.version,
        minutes: 'Presenti 7 Sindaci su 9.\nApprovato il bilancio.',
        minutesApprovedAt: '2026-02-17',
        minutesApprovedBy: 'Assemblea dei Sindaci',
      },
    });
    await saveMinutes({ ...ctx, meetingId: pending.id, input: { version: pending.version, minutes: 'Bozza del verbale.' } });
    await saveMinutes({
      ...ctx,
      meetingId: technical.id,
      input: { version: technical.version, minutes: 'Interno.', minutesApprovedAt: '2026-02-03', minutesApprovedBy: 'Ufficio di Piano' },
    });

    const calendar = await getPortalCalendar(database.db, ambito, NOW);
    const all = [...calendar.upcoming, ...calendar.past];
    const publicMeetings = await count(sql`
      SELECT count(*) FROM meetings m JOIN governance_bodies b ON b.id = m.body_id WHERE m.ambito_id = ${ambito.id} AND b.kind <> 'tecnico'`);
    assert.equal(all.length, publicMeetings, 'every meeting of a political, consultative or co-design body');
    assert.ok(!all.some((m) => m.id === technical.id), 'the Ufficio di Piano is a technical body');
    assert.deepEqual(
      calendar.upcoming.map((m) => m.id),
      [next.id],
      'only April is still to come on 1 March 2026',
    );
    const shown = all.find((m) => m.id === approved.id)!;
    assert.deepEqual(shown.agenda, ['Bilancio', 'Varie']);
    assert.equal(shown.day, '2026-01-20');
    assert.equal(shown.startTime, '17:00');
    assert.equal(shown.minutesApprovedAt, '2026-02-17');
    assert.equal(all.find((m) => m.id === pending.id)!.minutesApprovedAt, null, 'written but not approved: not published');

    const minutes = (await getPortalMinutes(database.db, ambito, approved.id))!;
    assert.equal(minutes.minutes, 'Presenti 7 Sindaci su 9.\nApprovato il bilancio.');
    assert.equal(minutes.approvedBy, 'Assemblea dei Sindaci');
    assert.equal(await getPortalMinutes(database.db, ambito, pending.id), null);
    assert.equal(await getPortalMinutes(database.db, ambito, technical.id), null);
    const [stored] = await database.db.select({ minutes: meetings.minutes }).from(meetings).where(eq(meetings.id, technical.id));
    assert.equal(stored!.minutes, 'Interno.', 'the technical minutes exist: the portal withholds them');

    const home = await getPortalHome(database.db, ambito, plan2025, TODAY, NOW);
    assert.equal(home.meetings[0]!.id, next.id, 'the home page lists the next meeting');
  });

  test('participation: calls by their state on the day, public questionnaires with their link', async () => {
    const calls = await rowsOf(sql`SELECT id, opens_on, closes_on, closed_at FROM participation_calls WHERE ambito_id = ${ambito.id}`);
    assert.ok(calls.length > 0, 'the demo has its calls');
    const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
    for (const today of ['2024-01-01', '2024-09-15', '2026-12-01']) {
      const page = await getPortalParticipation(database.db, ambito, today);
      const open = calls.filter((c) => !c.closed_at && day(c.opens_on) <= today && today <= day(c.closes_on)).length;
      const coming = calls.filter((c) => !c.closed_at && today < day(c.opens_on)).length;
      assert.equal(page.calls.filter((c) => c.state === 'aperto').length, open, `calls open on ${today}`);
      assert.equal(page.calls.filter((c) => c.state === 'programmato').length, coming, `calls coming on ${today}`);
      assert.equal(page.calls.length + page.closedCalls.length, calls.length);
    }
    const page = await getPortalParticipation(database.db, ambito, TODAY);
    const publicOnes = await count(sql`
      SELECT count(*) FROM participation_questionnaires WHERE ambito_id = ${ambito.id} AND audience = 'pubblico' AND public_token IS NOT NULL AND status = 'aperto'
        AND (opens_on IS NULL OR opens_on <= ${TODAY}::date) AND (closes_on IS NULL OR closes_on >= ${TODAY}::date)`);
    assert.equal(page.questionnaires.filter((q) => q.window === 'open').length, publicOnes);
    for (const q of page.questionnaires) assert.match(q.token, /^[A-Za-z0-9_-]{16,64}$/);
  });

  test('projects: partners, resources by source, SDG goals; people reached published from 5 up (Fano’s projects)', async () => {
    const empty = await getPortalProjects(database.db, ambito);
    assert.deepEqual(empty.projects, [], 'Gallarate’s plan names no co-designed project');
    // The co-designed projects of the ATS n. 6 Fano impact report, loaded into the demo Ambito for this test.
    const text = readFileSync(fromRoot('fixtures', 'demo', 'fano', 'progetti-coprogettati.json'), 'utf8');
    await importProjects({ db: database.db, actor, ambitoId: ambito.id, fileName: 'progetti-coprogettati.json', text });
    const page = await getPortalProjects(database.db, ambito);
    const source = JSON.parse(text) as {
      projects: { title: string; beneficiariesCount?: number; resources: { amountCents: number }[]; partners: unknown[] }[];
    };
    assert.equal(page.projects.length, source.projects.length);
    assert.equal(
      page.totalCents,
      source.projects.reduce((s, p) => s + p.resources.reduce((t, r) => t + r.amountCents, 0), 0),
    );
    assert.equal(
      page.bySource.reduce((s, r) => s + r.cents, 0),
      page.totalCents,
    );
    const dopoDiNoi = page.projects.find((p) => p.title === 'Progetto Dopo di Noi')!;
    assert.deepEqual(dopoDiNoi.beneficiaries, { value: 5, suppressed: false }, '5 people: at the threshold, published');
    assert.deepEqual(page.projects.find((p) => p.title === 'Rete Compitinsieme')!.beneficiaries, { value: 180, suppressed: false });
    assert.deepEqual(page.projects.find((p) => p.title === 'Rete Comunità Solidale')!.beneficiaries, { value: null, suppressed: false }, 'no count: n.d.');
    const rete = page.projects.find((p) => p.title === 'Rete Comunità Solidale')!;
    assert.equal(rete.partners.length, source.projects.find((p) => p.title === 'Rete Comunità Solidale')!.partners.length);
    assert.deepEqual(rete.sdgGoals, [17]);
  });

  test('spending: 2022 by area equals the Ambito’s rows; users below 5 are suppressed (salute mentale 2, dipendenze 0)', async () => {
    const page = await getPortalSpending(database.db, ambito, plan2025);
    assert.deepEqual(
      page.years.map((y) => y.year),
      [2022],
    );
    const total = await count(
      sql`SELECT coalesce(sum(amount_cents), 0) FROM spending_facts WHERE ambito_id = ${ambito.id} AND year = 2022 AND comune_id IS NULL`,
    );
    assert.equal(page.years[0]!.totalCents, total);
    assert.equal(page.years[0]!.coverage!.basis, 'ambito', 'Tabella 2.4: figures of the Ambito as a whole');
    assert.equal(
      page.areas.reduce((s, a) => s + a.byYear[0]!.cents, 0),
      total,
      'the areas add up to the year',
    );
    const users = new Map(page.users.map((u) => [u.area, u.users]));
    assert.deepEqual(users.get('MINORI_FAMIGLIA'), { value: 4418, suppressed: false });
    assert.deepEqual(users.get('IMMIGRAZIONE'), { value: 14, suppressed: false });
    assert.deepEqual(users.get('SALUTE_MENTALE'), { value: null, suppressed: true }, '2 people: not published');
    assert.deepEqual(users.get('DIPENDENZE'), { value: null, suppressed: true }, '0 is a count below 5 too');
    assert.ok(!users.has('SERVIZIO_SOCIALE_PROFESSIONALE'), 'users not given by the plan (Tabella 4.2): no row');
    assert.ok(!JSON.stringify(page.users).includes('"value":2'), 'the suppressed figure does not leave the read');
    assert.equal(
      page.plan!.byFund.reduce((s, f) => s + f.cents, 0),
      page.plan!.totalCents,
      'the plan’s budget by fund adds up to its ordinary total',
    );
  });

  test('LEPS: the social-worker ratio year by year against 1:5.000 and 1:4.000', async () => {
    const sebino = (await findPortalAmbito(database.db, 'sebino'))!;
    const page = await getPortalLeps(database.db, sebino, 2025);
    const [pop] = await rowsOf(sql`SELECT total FROM population_facts WHERE ambito_id = ${sebino.id} ORDER BY year DESC LIMIT 1`);
    const population =
      pop?.total !== undefined
        ? Number(pop.total)
        : await count(sql`
            SELECT sum(p.total) FROM population_facts p JOIN ambito_comuni ac ON ac.comune_id = p.comune_id
            WHERE ac.ambito_id = ${sebino.id} AND p.year = 2024`);
    const last = page.history.at(-1)!;
    assert.equal(last.year, 2025);
    assert.equal(last.population, population);
    assert.equal(last.lepsRequired, Math.round((population / 5000) * 10_000) / 10_000, 'population / 5.000');
    assert.equal(last.objectiveRequired, Math.round((population / 4000) * 10_000) / 10_000, 'population / 4.000');
    if (!page.staffRecorded) {
      assert.equal(last.fte, null);
      assert.equal(last.lepsStatus, 'dati_mancanti', 'no staff recorded: nothing can be said, not «0 assistenti sociali»');
    }
  });

  test('a plan of another Ambito is not a plan of this portal', async () => {
    const sebino = (await findPortalAmbito(database.db, 'sebino'))!;
    const theirs = await listPublicPlans(database.db, sebino.id);
    const ours = await database.db.select({ id: plans.id }).from(plans).where(eq(plans.ambitoId, ambito.id));
    assert.ok(theirs.every((p) => !ours.some((o) => o.id === p.id)));
    const [objective] = await database.db.select().from(planObjectives).where(eq(planObjectives.planId, plan2025.id)).limit(1);
    if (theirs[0]) assert.equal(await getPortalObjective(database.db, theirs[0], `${objective!.code}-non-esiste`, TODAY), null);
  });
});
