// Issue 10: the LEPS programmed by the Gallarate plan 2025-2027 through ordinary objectives (4 → Pronto intervento
// sociale, 258.000 € of the Fondo Povertà; D → Incremento SAD; M → Sollievo), links set by hand in the card, and
// the LEPS budget never counted twice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getLepsDashboard } from '../../app/modules/leps/leps.queries.ts';
import { decideVariation, updateObjective } from '../../app/modules/planning/planning.commands.ts';
import { getObjectiveDetail, listObjectivesWithLinks, listPlans, listVariations } from '../../app/modules/planning/planning.queries.ts';
import { getTemplate } from '../../app/modules/planning/planning.templates.ts';
import { getRegionalLepsRows } from '../../app/modules/leps/leps.region.queries.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

describe('LEPS: links between plan objectives and LEPS', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let gallarateId: string;
  before(async () => {
    database = await createTestDatabase();
    gallarateId = (await seedDemo(database.db)).gallarate.id;
  });
  after(() => database.close());

  test('objective 4 programmes the Pronto intervento sociale with 258.000 € of the Fondo Povertà', async () => {
    const d = await getLepsDashboard(database.db, gallarateId, 2025);
    const pis = d.rows.find((r) => r.code === 'LEPS_PRONTO_INTERVENTO')!;
    assert.equal(pis.summary.status, 'programmato');
    assert.deepEqual(
      pis.objectives.map((o) => o.code),
      ['4'],
    );
    assert.equal(pis.summary.budgetCents, 258_000_00);
    assert.deepEqual(pis.objectives[0]!.funds, [
      { fund: 'FONDO_POVERTA_QUOTA_SERVIZI', label: 'Fondo povertà – quota servizi', amountCents: 240_000_00 },
      { fund: 'FONDO_POVERTA_ESTREMA', label: 'Fondo povertà – quota povertà estrema', amountCents: 18_000_00 },
    ]);
    assert.equal(pis.budgetShared, null);
    // Every card that names a LEPS is linked to it in the demo plan.
    assert.deepEqual(
      d.rows.filter((r) => r.namedNotLinked.length > 0).map((r) => r.code),
      [],
    );
  });

  test('objective D (SAD/SADH) is under Incremento SAD with the LEPS card, objective M (caregivers) under Sollievo', async () => {
    const d = await getLepsDashboard(database.db, gallarateId, 2025);
    const sad = d.rows.find((r) => r.code === 'LEPS_SAD')!;
    assert.deepEqual(
      sad.objectives.map((o) => [o.code, o.budgetCents]),
      [
        ['D', 1_480_000_00],
        ['LEPS-SAD', 0],
      ],
    );
    assert.equal(sad.summary.budgetCents, 1_480_000_00);
    const sollievo = d.rows.find((r) => r.code === 'LEPS_SOLLIEVO')!;
    assert.deepEqual(
      sollievo.objectives.map((o) => [o.code, o.budgetCents]),
      [['M', 48_000_00]],
    );
    assert.notEqual(sollievo.summary.status, 'non_programmato');
  });

  test('objective I (265.000 €) shows under VMD and PIPPI, marked as shared; the total counts it once', async () => {
    const d = await getLepsDashboard(database.db, gallarateId, 2025);
    const vmd = d.rows.find((r) => r.code === 'LEPS_VALUTAZIONE_MULTIDIMENSIONALE')!;
    assert.equal(vmd.summary.budgetCents, 1_565_000_00);
    assert.deepEqual(vmd.budgetShared, { cents: 265_000_00, objectives: ['I'], leps: ['Prevenzione dell’allontanamento familiare'] });
    // 4 258.000 + D 1.480.000 + I 265.000 + M 48.000 + dimissioni 372.743 + VMD 1.300.000 + PIPPI 105.000 + PUA 120.000 €.
    assert.equal(d.budget.totalCents, 3_948_743_00);
    assert.equal(d.budget.sharedCents, 265_000_00);
    assert.equal(d.budget.rowsSumCents, 3_948_743_00 + 265_000_00);
    const gallarate = (await getRegionalLepsRows(database.db, '03', 2025)).find((r) => r.ambitoCode === 'gallarate')!;
    assert.equal(gallarate.lepsBudgetCents, 3_948_743_00);
    assert.equal(gallarate.programmedLeps, 7);
  });

  test('a link set by hand in the objective card is what the dashboard uses', async () => {
    const plan = (await listPlans(database.db, gallarateId)).find((p) => p.periodStartYear === 2025)!;
    const n = (await listObjectivesWithLinks(database.db, plan.id)).find((o) => o.code === 'N')!;
    const { objective } = (await getObjectiveDetail(database.db, n.id))!;
    const links = objective.links as { leps: string[] };
    const coordinator = actorWith('coordinator', { ambitoId: gallarateId });
    await updateObjective({
      db: database.db,
      actor: coordinator,
      objectiveId: n.id,
      input: {
        version: String(objective.version),
        title: objective.title,
        priority: objective.priority,
        macroArea: objective.macroArea ?? '',
        policyAreas: objective.policyAreas,
        description: objective.description ?? '',
        card: objective.card,
        links: { ...links, leps: ['LEPS_SUPERVISIONE'] },
      },
    });
    // The plan is adopted: the new link is a proposed variation and the dashboard does not use it yet.
    const proposedOnly = await getLepsDashboard(database.db, gallarateId, 2025);
    assert.deepEqual(
      proposedOnly.rows.find((r) => r.code === 'LEPS_SUPERVISIONE')!.objectives.map((o) => o.code),
      [],
    );
    // Links classify the objective: the Lombardy template counts them as a minor change the coordinator approves.
    const draft = (await listVariations(database.db, plan.id, getTemplate(plan.templateId))).find((v) => v.status === 'draft')!;
    assert.equal(draft.minor, true);
    await decideVariation({
      db: database.db,
      actor: coordinator,
      planId: plan.id,
      variationId: draft.id,
      input: { version: draft.version, decision: 'approve' },
    });
    const d = await getLepsDashboard(database.db, gallarateId, 2025);
    const supervision = d.rows.find((r) => r.code === 'LEPS_SUPERVISIONE')!;
    assert.deepEqual(
      supervision.objectives.map((o) => o.code),
      ['N'],
    );
    assert.equal(supervision.summary.budgetCents, 6_000_00);
    assert.equal(d.budget.totalCents, 3_948_743_00 + 6_000_00);
  });

  test('a link removed by hand is removed from the dashboard, which points out that the card still names the LEPS', async () => {
    const plan = (await listPlans(database.db, gallarateId)).find((p) => p.periodStartYear === 2025)!;
    const m = (await listObjectivesWithLinks(database.db, plan.id)).find((o) => o.code === 'M')!;
    const { objective } = (await getObjectiveDetail(database.db, m.id))!;
    await updateObjective({
      db: database.db,
      actor: actorWith('coordinator', { ambitoId: gallarateId }),
      objectiveId: m.id,
      input: {
        version: String(objective.version),
        title: objective.title,
        priority: objective.priority,
        macroArea: objective.macroArea ?? '',
        policyAreas: objective.policyAreas,
        description: objective.description ?? '',
        card: objective.card,
        links: { ...(objective.links as { leps: string[] }), leps: [] },
      },
    });
    const draft = (await listVariations(database.db, plan.id, getTemplate(plan.templateId))).find((v) => v.status === 'draft')!;
    await decideVariation({
      db: database.db,
      actor: actorWith('coordinator', { ambitoId: gallarateId }),
      planId: plan.id,
      variationId: draft.id,
      input: { version: draft.version, decision: 'approve' },
    });
    const d = await getLepsDashboard(database.db, gallarateId, 2025);
    const sollievo = d.rows.find((r) => r.code === 'LEPS_SOLLIEVO')!;
    assert.equal(sollievo.summary.status, 'non_programmato');
    assert.deepEqual(
      sollievo.namedNotLinked.map((o) => o.code),
      ['M'],
    );
    assert.equal(d.budget.totalCents, 3_948_743_00 + 6_000_00 - 48_000_00);
  });
});
