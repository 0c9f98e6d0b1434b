import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { parsePlanDocument, serializePlanDocument } from '../../app/modules/planning/plan-document.schema.ts';
import {
  addAction,
  addBudgetLine,
  addIndicator,
  changePlanStatus,
  createObjective,
  createPlan,
  exportPlan,
  importPlan,
  updateObjective,
} from '../../app/modules/planning/planning.commands.ts';
import { getPlanOverview, listPlans } from '../../app/modules/planning/planning.queries.ts';
import { planChapters, planObjectives, plans, planSnapshots } from '../../app/modules/planning/planning.schema.ts';
import { getTemplate } from '../../app/modules/planning/planning.templates.ts';
import { flattenChapters } from '../../app/modules/planning/template.schema.ts';
import { bodies, decisions } from '../../app/modules/governance/governance.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/demo/gallarate/plans/${name}`, import.meta.url), 'utf8');

describe('planning: plans on regional templates', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let plan2025: string;
  before(async () => {
    database = await createTestDatabase();
    ambitoId = (await seedDemo(database.db)).gallarate.id;
    plan2025 = (await listPlans(database.db, ambitoId)).find((p) => p.periodStartYear === 2025)!.id;
  });
  after(() => database.close());

  test('the demo plan has 19 objectives plus 5 LEPS cards; section-5 budgets total 4.217.000 € and D is the largest', async () => {
    const o = (await getPlanOverview(database.db, plan2025))!;
    assert.equal(o.objectives.filter((x) => x.kind === 'ordinary').length, 19);
    assert.equal(o.objectives.filter((x) => x.kind === 'leps').length, 5);
    assert.equal(o.ordinary.total, 4_217_000_00);
    const d = o.objectives.find((x) => x.code === 'D')!;
    assert.equal(d.budgetCents, 1_480_000_00);
    assert.ok(o.objectives.filter((x) => x.kind === 'ordinary').every((x) => x.budgetCents <= d.budgetCents));
    assert.equal(o.statusLabel, 'Adottato');
    assert.ok(o.baseline, 'an adopted plan has its frozen baseline');
    assert.deepEqual(o.variance, []);
  });

  test('export → import → export yields the same document (and the fixture itself, byte for byte)', async () => {
    const admin = actorWith('admin');
    const first = serializePlanDocument(await exportPlan({ db: database.db, actor: admin, planId: plan2025 }));
    assert.equal(first, serializePlanDocument(parsePlanDocument('f.json', fixture('piano-2025-2027.json'))));
    // Import the export into another Ambito-less period by changing the years, then export again.
    const doc = JSON.parse(first);
    doc.plan.periodStartYear = 2028;
    doc.plan.periodEndYear = 2030;
    doc.plan.predecessor = { periodStartYear: 2025, periodEndYear: 2027, title: 'Piano di Zona 2025-2027' };
    for (const o of doc.objectives) {
      for (const i of [...o.indicators, ...o.actions.flatMap((a: { indicators: unknown[] }) => a.indicators)] as { targets: { year: number | null }[] }[]) {
        for (const t of i.targets) if (t.year !== null) t.year += 3;
      }
      for (const b of o.budget) if (b.year !== null) b.year += 3;
      for (const a of o.actions) {
        a.start = null;
        a.end = null;
      }
    }
    const text = serializePlanDocument(doc);
    const { planId } = await importPlan({ db: database.db, actor: actorWith('coordinator', { ambitoId }), ambitoId, fileName: 'copia.json', text });
    const again = serializePlanDocument(await exportPlan({ db: database.db, actor: admin, planId }));
    assert.equal(again, text);
  });

  test('the 2021-2023 plan round-trips too, with its 16 objectives and realisation percentages', async () => {
    const p2021 = (await listPlans(database.db, ambitoId)).find((p) => p.periodStartYear === 2021)!.id;
    const doc = await exportPlan({ db: database.db, actor: actorWith('admin'), planId: p2021 });
    assert.equal(doc.objectives.length, 16);
    assert.equal(serializePlanDocument(doc), serializePlanDocument(parsePlanDocument('f.json', fixture('piano-2021-2023.json'))));
  });

  test('a plan created on the Marche template has exactly the chapter skeleton of the Marche guidelines', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const plan = await createPlan({ db: database.db, actor: coordinator, ambitoId, input: { title: 'Piano sociale territoriale di prova', periodStartYear: '2031', periodEndYear: '2033', templateId: 'marche-linee-guida-pst' } });
    const chapters = await database.db.select().from(planChapters).where(eq(planChapters.planId, plan.id)).orderBy(planChapters.position);
    const expected = flattenChapters(getTemplate('marche-linee-guida-pst')!.chapters).map(({ chapter }) => [chapter.number, chapter.title]);
    assert.deepEqual(chapters.map((c) => [c.number, c.title]), expected);
    assert.ok(expected.some(([, t]) => /Analisi/i.test(t!)) && expected.some(([, t]) => /Valutazione/i.test(t!)));
  });

  test('editing an objective card is versioned and audited; a stale edit is refused', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const [d] = await database.db.select().from(planObjectives).where(and(eq(planObjectives.planId, plan2025), eq(planObjectives.code, 'D')));
    const input = { version: d!.version, title: d!.title, priority: d!.priority, macroArea: d!.macroArea, policyAreas: d!.policyAreas, description: d!.description, card: { ...d!.card, impatto: 'Più anziani assistiti a domicilio.' } };
    const after = await updateObjective({ db: database.db, actor: coordinator, objectiveId: d!.id, input });
    assert.equal(after.version, d!.version + 1);
    await assert.rejects(updateObjective({ db: database.db, actor: coordinator, objectiveId: d!.id, input }), ConflictError);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, d!.id));
    assert.equal(audit.length, 1);
    assert.equal((audit[0]!.after as { card: Record<string, string> }).card.impatto, 'Più anziani assistiti a domicilio.');
    // After adoption the change is a variation against the frozen baseline.
    const o = (await getPlanOverview(database.db, plan2025))!;
    assert.deepEqual(o.variance!.map((v) => [v.objectiveCode, v.what]), [['D', 'scheda: impatto']]);
    const [baseline] = await database.db.select().from(planSnapshots).where(and(eq(planSnapshots.planId, plan2025), eq(planSnapshots.kind, 'baseline')));
    const baseD = (baseline!.document as { objectives: { code: string; card: Record<string, unknown> }[] }).objectives.find((x) => x.code === 'D')!;
    assert.notEqual(baseD.card.impatto, 'Più anziani assistiti a domicilio.');
  });

  test('an action with an indicator and yearly targets, and a budget line in euro', async () => {
    const staff = actorWith('staff', { ambitoId });
    const [d] = await database.db.select().from(planObjectives).where(and(eq(planObjectives.planId, plan2025), eq(planObjectives.code, 'D')));
    const action = await addAction({ db: database.db, actor: staff, objectiveId: d!.id, input: { description: 'Sportello badanti in ogni comune', responsible: 'Ufficio di Piano', start: '2025-03-01', end: '2027-12-31' } });
    assert.equal(action.number, '4');
    const ind = await addIndicator({
      db: database.db,
      actor: staff,
      actionId: action.id,
      input: {
        label: 'N. comuni con sportello attivo',
        kind: 'count',
        level: 'output',
        targets: [
          { year: 2025, rule: { type: 'baseline' }, text: 'T0' },
          { year: 2026, rule: { type: 'gt_previous' }, text: 'più del 2025' },
          { year: 2027, rule: { type: 'gte', value: 9 }, text: 'tutti i 9 comuni' },
        ],
      },
    });
    assert.equal(ind.code, '4.1');
    await assert.rejects(
      addIndicator({ db: database.db, actor: staff, actionId: action.id, input: { label: 'Quota', kind: 'ratio', level: 'output', targets: [] } }),
      (e: unknown) => e instanceof ValidationError && e.issues.map((i) => i.path).join() === 'numeratorLabel,denominatorLabel',
    );
    const line = await addBudgetLine({ db: database.db, actor: staff, objectiveId: d!.id, input: { fund: 'FNA', year: '2026', amountEuro: '12.500,50' } });
    assert.equal(line.amountCents, 1_250_050);
  });

  test('the workflow: adoption needs a date, freezes the baseline once; a closed plan cannot be edited', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const plan = await createPlan({ db: database.db, actor: coordinator, ambitoId, input: { title: 'Piano di Zona 2034-2036', periodStartYear: '2034', periodEndYear: '2036', templateId: 'lombardia-dgr-xii-2167-2024' } });
    await assert.rejects(
      changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: plan.version, status: 'adopted' } }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.message === 'Da «Bozza» non si può passare a «Adottato».',
    );
    const p1 = await changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: plan.version, status: 'consultation' } });
    await assert.rejects(changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: p1.version, status: 'adopted' } }), (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'adoptionDate');
    const p2 = await changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: p1.version, status: 'adopted', adoptionDate: '2033-12-02' } });
    const snaps = await database.db.select().from(planSnapshots).where(eq(planSnapshots.planId, plan.id));
    assert.deepEqual(snaps.map((s) => s.kind).sort(), ['baseline', 'status', 'status']);
    let p = p2;
    for (const status of ['transmitted', 'implementation', 'closed'] as const) p = await changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: p.version, status } });
    const [o] = await database.db.select().from(plans).where(eq(plans.id, plan.id));
    assert.equal(o!.status, 'closed');
    const closedObjective = await createObjective({ db: database.db, actor: actorWith('admin'), planId: plan.id, input: { code: 'Z', title: 'Ultimo obiettivo' } }).catch((e: unknown) => e);
    assert.ok(closedObjective instanceof ForbiddenError, 'nobody edits a closed plan, not even the administrator');
    await assert.rejects(
      createPlan({ db: database.db, actor: actorWith('comune_referent', { ambitoId }), ambitoId, input: { title: 'Non autorizzato', periodStartYear: '2040', periodEndYear: '2042', templateId: 'generico' } }),
      ForbiddenError,
    );
  });

  test('adoption can link the decision of the mayors’ body: its date and number become the plan’s adoption', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const [assemblea] = await database.db.select().from(bodies).where(and(eq(bodies.ambitoId, ambitoId), eq(bodies.type, 'assemblea_sindaci')));
    assert.ok(assemblea, 'the demo has the Assemblea dei Sindaci');
    const [decision] = await database.db
      .insert(decisions)
      .values({ bodyId: assemblea!.id, ambitoId, number: '12/2037', date: '2037-12-01', subject: 'Approvazione del Piano di Zona 2038-2040', votingRule: { type: 'majority_present' } })
      .returning();
    const plan = await createPlan({ db: database.db, actor: coordinator, ambitoId, input: { title: 'Piano di Zona 2038-2040', periodStartYear: '2038', periodEndYear: '2040', templateId: 'lombardia-dgr-xii-2167-2024' } });
    const p1 = await changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: plan.version, status: 'consultation' } });
    const other = await changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: p1.version, status: 'adopted', adoptionDecisionId: '00000000-0000-4000-8000-000000000000' } }).catch((e: unknown) => e);
    assert.ok(other instanceof ValidationError && other.issues[0]!.path === 'adoptionDecisionId');
    const adopted = await changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: p1.version, status: 'adopted', adoptionDecisionId: decision!.id } });
    assert.equal(adopted.adoptionDecisionId, decision!.id);
    assert.equal(adopted.adoptionDate, '2037-12-01');
    assert.match(adopted.adoptionAct!, /deliberazione n\. 12\/2037 del 2037-12-01/);
  });
});
