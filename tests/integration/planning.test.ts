import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
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
  decideVariation,
  deleteBudgetLine,
  exportPlan,
  importPlan,
  updateChapter,
  updateObjective,
} from '../../app/modules/planning/planning.commands.ts';
import { getPlanOverview, listPlans } from '../../app/modules/planning/planning.queries.ts';
import { keepStoredValues } from '../../app/modules/planning/planning.card.ts';
import {
  planActions,
  planBudgetLines,
  planChapters,
  planIndicators,
  planObjectives,
  plans,
  planSnapshots,
  planVariations,
} from '../../app/modules/planning/planning.schema.ts';
import { getTemplate } from '../../app/modules/planning/planning.templates.ts';
import { flattenChapters } from '../../app/modules/planning/template.schema.ts';
import { bodies, bodyMembers, decisions, decisionVotes } from '../../app/modules/governance/governance.schema.ts';
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
    const plan = await createPlan({
      db: database.db,
      actor: coordinator,
      ambitoId,
      input: { title: 'Piano sociale territoriale di prova', periodStartYear: '2031', periodEndYear: '2033', templateId: 'marche-linee-guida-pst' },
    });
    const chapters = await database.db.select().from(planChapters).where(eq(planChapters.planId, plan.id)).orderBy(planChapters.position);
    const expected = flattenChapters(getTemplate('marche-linee-guida-pst')!.chapters).map(({ chapter }) => [chapter.number, chapter.title]);
    assert.deepEqual(
      chapters.map((c) => [c.number, c.title]),
      expected,
    );
    assert.ok(expected.some(([, t]) => /Analisi/i.test(t!)) && expected.some(([, t]) => /Valutazione/i.test(t!)));
  });

  /** A decision of the Ambito's Assemblea dei Sindaci with every current member present and voting for or against. */
  async function decision(number: string, subject: string, approve: boolean, bodyType = 'assemblea_sindaci') {
    const [body] = await database.db
      .select()
      .from(bodies)
      .where(and(eq(bodies.ambitoId, ambitoId), eq(bodies.type, bodyType)));
    assert.ok(body, `the demo has a body of type ${bodyType}`);
    const members = await database.db.select().from(bodyMembers).where(eq(bodyMembers.bodyId, body!.id));
    assert.ok(members.length > 0);
    const [row] = await database.db
      .insert(decisions)
      .values({ bodyId: body!.id, ambitoId, number, date: '2036-11-30', subject, votingRule: { type: 'majority_present' } })
      .returning();
    await database.db.insert(decisionVotes).values(
      members.map((m, i) => ({
        decisionId: row!.id,
        memberId: m.id,
        label: `componente ${i + 1}`,
        attendance: 'present',
        vote: approve ? 'for' : 'against',
      })),
    );
    return row!;
  }

  /** A plan in consultation with one objective complete under the Lombardy template's rules. */
  async function completePlan(start: number) {
    const coordinator = actorWith('coordinator', { ambitoId });
    const plan = await createPlan({
      db: database.db,
      actor: coordinator,
      ambitoId,
      input: {
        title: `Piano di Zona ${start}-${start + 2}`,
        periodStartYear: String(start),
        periodEndYear: String(start + 2),
        templateId: 'lombardia-dgr-xii-2167-2024',
      },
    });
    const o = (await createObjective({ db: database.db, actor: coordinator, planId: plan.id, input: { code: 'D', title: 'Domiciliarità' } }))!;
    const [demoD] = await database.db
      .select()
      .from(planObjectives)
      .where(and(eq(planObjectives.planId, plan2025), eq(planObjectives.code, 'D')));
    await updateObjective({
      db: database.db,
      actor: coordinator,
      objectiveId: o.id,
      input: { version: o.version, title: o.title, priority: false, macroArea: null, policyAreas: ['D'], description: null, card: demoD!.card },
    });
    const action = (await addAction({
      db: database.db,
      actor: coordinator,
      objectiveId: o.id,
      input: { description: 'Sportello badanti', responsible: 'Ufficio di Piano' },
    }))!;
    await addIndicator({
      db: database.db,
      actor: coordinator,
      actionId: action.id,
      input: {
        label: 'N. comuni con sportello',
        kind: 'count',
        level: 'output',
        targets: [{ year: start + 2, rule: { type: 'gte', value: 9 }, text: 'tutti i 9 comuni' }],
      },
    });
    await addBudgetLine({ db: database.db, actor: coordinator, objectiveId: o.id, input: { fund: 'FNA', year: '', amountEuro: '10.000' } });
    const [p] = await database.db.select().from(plans).where(eq(plans.id, plan.id));
    const p1 = await changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: p!.version, status: 'consultation' } });
    return { plan: p1, objectiveId: o.id, actionId: action.id };
  }

  test('editing a draft plan’s objective is versioned and audited; a stale edit is refused; a save that changes nothing writes nothing', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const plan = await createPlan({
      db: database.db,
      actor: coordinator,
      ambitoId,
      input: { title: 'Piano di Zona 2053-2055', periodStartYear: '2053', periodEndYear: '2055', templateId: 'lombardia-dgr-xii-2167-2024' },
    });
    const d = (await createObjective({ db: database.db, actor: coordinator, planId: plan.id, input: { code: 'D', title: 'Domiciliarità' } }))!;
    const input = {
      version: d.version,
      title: d.title,
      priority: d.priority,
      macroArea: d.macroArea,
      policyAreas: d.policyAreas,
      description: d.description,
      card: { ...d.card, impatto: 'Più anziani assistiti a domicilio.' },
    };
    const after = await updateObjective({ db: database.db, actor: coordinator, objectiveId: d.id, input });
    assert.equal(after.version, d.version + 1);
    assert.equal(after.outcome, 'saved');
    await assert.rejects(updateObjective({ db: database.db, actor: coordinator, objectiveId: d.id, input }), ConflictError);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, d.id), eq(auditLog.action, 'planning.objective.updated')));
    assert.equal(audit.length, 1);
    assert.equal((audit[0]!.after as { card: Record<string, string> }).card.impatto, 'Più anziani assistiti a domicilio.');
    // The same values again: no version bump, no audit entry.
    const again = await updateObjective({ db: database.db, actor: coordinator, objectiveId: d.id, input: { ...input, version: after.version } });
    assert.equal(again.outcome, 'unchanged');
    assert.equal(again.version, after.version);
    assert.equal((await database.db.select().from(auditLog).where(eq(auditLog.entityId, d.id))).length, 2, 'created + one update');
    // Chapters too.
    const [chapter] = await database.db.select().from(planChapters).where(eq(planChapters.planId, plan.id));
    const c1 = await updateChapter({
      db: database.db,
      actor: coordinator,
      chapterId: chapter!.id,
      input: { version: chapter!.version, markdown: 'Analisi' },
    });
    const c2 = await updateChapter({ db: database.db, actor: coordinator, chapterId: chapter!.id, input: { version: c1.version, markdown: 'Analisi\r\n' } });
    assert.equal(c2.version, c1.version);
    assert.equal((await database.db.select().from(auditLog).where(eq(auditLog.entityId, chapter!.id))).length, 1);
  });

  test('a no-op save of a demo card (text answers, ticked boxes, links) writes nothing: no version, no audit entry, no variation', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const [d] = await database.db
      .select()
      .from(planObjectives)
      .where(and(eq(planObjectives.planId, plan2025), eq(planObjectives.code, 'D')));
    // What the card form submits for the stored card: a text answer to a multiple-choice question comes back as a list.
    const card = { ...d!.card, promozionale_o_riparativo: [d!.card.promozionale_o_riparativo] };
    const r = await updateObjective({
      db: database.db,
      actor: coordinator,
      objectiveId: d!.id,
      input: {
        version: d!.version,
        title: d!.title,
        priority: d!.priority,
        macroArea: d!.macroArea,
        policyAreas: d!.policyAreas,
        description: d!.description,
        card: keepStoredValues(d!.card, card),
        links: d!.links,
      },
    });
    assert.equal(r.outcome, 'unchanged');
    assert.equal(r.version, d!.version);
    assert.equal((await database.db.select().from(planVariations).where(eq(planVariations.planId, plan2025))).length, 0);
    assert.equal((await database.db.select().from(auditLog).where(eq(auditLog.entityId, d!.id))).length, 0);
    const o = (await getPlanOverview(database.db, plan2025))!;
    assert.deepEqual(o.variance, []);
  });

  test('completeness reads the real actions, indicators and budget lines: no demo objective misses the card rows kept as data', async () => {
    const o = (await getPlanOverview(database.db, plan2025))!;
    const missing = o.objectives.filter((x) => x.incomplete.some((i) => /obbligatori/.test(i))).map((x) => x.code);
    assert.deepEqual(missing, []);
  });

  test('an action with an indicator and yearly targets, and a budget line in euro', async () => {
    const staff = actorWith('staff', { ambitoId });
    const plan = await createPlan({
      db: database.db,
      actor: actorWith('coordinator', { ambitoId }),
      ambitoId,
      input: { title: 'Piano di Zona 2056-2058', periodStartYear: '2056', periodEndYear: '2058', templateId: 'lombardia-dgr-xii-2167-2024' },
    });
    const d = (await createObjective({ db: database.db, actor: staff, planId: plan.id, input: { code: 'D', title: 'Domiciliarità' } }))!;
    const action = (await addAction({
      db: database.db,
      actor: staff,
      objectiveId: d.id,
      input: { description: 'Sportello badanti in ogni comune', responsible: 'Ufficio di Piano', start: '2056-03-01', end: '2058-12-31' },
    }))!;
    assert.equal(action.number, '1');
    const ind = (await addIndicator({
      db: database.db,
      actor: staff,
      actionId: action.id,
      input: {
        label: 'N. comuni con sportello attivo',
        kind: 'count',
        level: 'output',
        targets: [
          { year: 2056, rule: { type: 'baseline' }, text: 'T0' },
          { year: 2057, rule: { type: 'gt_previous' }, text: 'più del 2056' },
          { year: 2058, rule: { type: 'gte', value: 9 }, text: 'tutti i 9 comuni' },
        ],
      },
    }))!;
    assert.equal(ind.code, '1.1');
    await assert.rejects(
      addIndicator({ db: database.db, actor: staff, actionId: action.id, input: { label: 'Quota', kind: 'ratio', level: 'output', targets: [] } }),
      (e: unknown) => e instanceof ValidationError && e.issues.map((i) => i.path).join() === 'numeratorLabel,denominatorLabel',
    );
    const line = (await addBudgetLine({ db: database.db, actor: staff, objectiveId: d.id, input: { fund: 'FNA', year: '2057', amountEuro: '12.500,50' } }))!;
    assert.equal(line.amountCents, 1_250_050);
  });

  test('adoption is refused on a rejected decision, on a decision of another body, without a decision, and on an empty plan', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const rejected = await decision('R1/2036', 'Approvazione del Piano di Zona 2035-2037', false);
    const { plan } = await completePlan(2035);
    const adopt = (input: Record<string, unknown>) =>
      changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: plan.version, status: 'adopted', ...input } });
    const message = async (p: Promise<unknown>) => {
      const e = await p.catch((x: unknown) => x);
      assert.ok(e instanceof ValidationError, `expected a refusal, got ${String(e)}`);
      return e.issues.map((i) => `${i.path}: ${i.message}`).join(' | ');
    };
    assert.match(await message(adopt({})), /^adoptionDecisionId: Per adottare il piano scegli la deliberazione approvata/);
    assert.match(
      await message(adopt({ adoptionDecisionId: rejected.id })),
      /^adoptionDecisionId: La deliberazione n\. R1\/2036 del 30\/11\/2036 \(.+\) è stata respinta: per adottare il piano serve una deliberazione approvata\.$/,
    );
    const [otherBody] = await database.db
      .select()
      .from(bodies)
      .where(and(eq(bodies.ambitoId, ambitoId), sql`${bodies.type} <> 'assemblea_sindaci'`));
    if (otherBody && (await database.db.select().from(bodyMembers).where(eq(bodyMembers.bodyId, otherBody.id))).length > 0) {
      const other = await decision('T1/2036', 'Parere sul Piano di Zona 2035-2037', true, otherBody.type);
      assert.match(
        await message(adopt({ adoptionDecisionId: other.id })),
        /non è dell’organo competente: per adottare il piano serve una deliberazione dell’Assemblea dei Sindaci\.$/,
      );
    }
    const [still] = await database.db.select().from(plans).where(eq(plans.id, plan.id));
    assert.equal(still!.status, 'consultation', 'nothing changed');

    const approved = await decision('A0/2036', 'Approvazione di un piano vuoto', true);
    const empty = await createPlan({
      db: database.db,
      actor: coordinator,
      ambitoId,
      input: { title: 'Piano di Zona 2044-2046', periodStartYear: '2044', periodEndYear: '2046', templateId: 'lombardia-dgr-xii-2167-2024' },
    });
    const e1 = await changePlanStatus({ db: database.db, actor: coordinator, planId: empty.id, input: { version: empty.version, status: 'consultation' } });
    const emptyAdopt = (extra: Record<string, unknown>) =>
      changePlanStatus({
        db: database.db,
        actor: coordinator,
        planId: empty.id,
        input: { version: e1.version, status: 'adopted', adoptionDecisionId: approved.id, ...extra },
      });
    assert.equal(await message(emptyAdopt({})), 'status: Il piano non ha obiettivi: un piano vuoto non si adotta. Aggiungi almeno un obiettivo.');
    assert.equal(
      await message(emptyAdopt({ overrideReason: 'Urgenza' })),
      'status: Il piano non ha obiettivi: un piano vuoto non si adotta. Aggiungi almeno un obiettivo.',
      'not even with an override',
    );
  });

  test('adoption: an approved decision of the Assemblea about this plan; incomplete plans need a written override, recorded in the audit; a decision adopts one plan only', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const yes = await decision('12/2037', 'Approvazione del Piano di Zona 2038-2040', true);
    const { plan } = await completePlan(2038);
    const adopted = await changePlanStatus({
      db: database.db,
      actor: coordinator,
      planId: plan.id,
      input: { version: plan.version, status: 'adopted', adoptionDecisionId: yes.id },
    });
    assert.equal(adopted.adoptionDecisionId, yes.id);
    assert.equal(adopted.adoptionDate, '2036-11-30');
    assert.equal(adopted.adoptionOverrideReason, null);
    assert.match(adopted.adoptionAct!, /deliberazione n\. 12\/2037 del 2036-11-30/);
    const snaps = await database.db.select().from(planSnapshots).where(eq(planSnapshots.planId, plan.id));
    assert.equal(snaps.filter((s) => s.kind === 'baseline').length, 1);

    // An incomplete plan: refused with the missing items, adopted with a written reason.
    const incomplete = await createPlan({
      db: database.db,
      actor: coordinator,
      ambitoId,
      input: { title: 'Piano di Zona 2041-2043', periodStartYear: '2041', periodEndYear: '2043', templateId: 'lombardia-dgr-xii-2167-2024' },
    });
    await createObjective({ db: database.db, actor: coordinator, planId: incomplete.id, input: { code: 'A', title: 'Abitare' } });
    const i1 = await changePlanStatus({
      db: database.db,
      actor: coordinator,
      planId: incomplete.id,
      input: { version: incomplete.version, status: 'consultation' },
    });
    const reused = await changePlanStatus({
      db: database.db,
      actor: coordinator,
      planId: incomplete.id,
      input: { version: i1.version, status: 'adopted', adoptionDecisionId: yes.id, overrideReason: 'x' },
    }).catch((e: unknown) => e);
    assert.ok(reused instanceof ValidationError && /ha già adottato il piano «Piano di Zona 2038-2040»/.test(reused.issues[0]!.message));
    const yes2 = await decision('13/2037', 'Approvazione del Piano di Zona 2041-2043', true);
    const refused = await changePlanStatus({
      db: database.db,
      actor: coordinator,
      planId: incomplete.id,
      input: { version: i1.version, status: 'adopted', adoptionDecisionId: yes2.id },
    }).catch((e: unknown) => e);
    assert.ok(refused instanceof ValidationError);
    assert.equal(refused.issues[0]!.path, 'overrideReason');
    assert.match(
      refused.issues[0]!.message,
      /^Il piano non rispetta i requisiti di completezza del modello: Obiettivo A: mancano i campi obbligatori della scheda «TITOLO INTERVENTO», .* Obiettivo A: 0 azioni, ne serve almeno 1\. Obiettivo A: nessuna risorsa preventivata\. Completalo, oppure scrivi il motivo per cui lo adotti comunque\.$/,
    );
    const reason = 'L’Assemblea ha adottato il piano nella seduta del 30 novembre; le schede saranno completate con la prima variazione.';
    const forced = await changePlanStatus({
      db: database.db,
      actor: coordinator,
      planId: incomplete.id,
      input: { version: i1.version, status: 'adopted', adoptionDecisionId: yes2.id, overrideReason: reason },
    });
    assert.equal(forced.status, 'adopted');
    assert.equal(forced.adoptionOverrideReason, reason);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, incomplete.id), eq(auditLog.action, 'planning.plan.status_changed'), sql`${auditLog.after}->>'status' = 'adopted'`));
    assert.equal((entry!.after as { adoptionOverrideReason: string }).adoptionOverrideReason, reason);
    assert.ok((entry!.after as { incompleteAtAdoption: string[] }).incompleteAtAdoption.length > 0);
  });

  test('after adoption a change is a variation: nothing changes until it is approved; approval applies it in one go; rejection discards it', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const staff = actorWith('staff', { ambitoId });
    const { plan, objectiveId, actionId } = await completePlan(2047);
    const yes = await decision('20/2046', 'Approvazione del Piano di Zona 2047-2049', true);
    await changePlanStatus({
      db: database.db,
      actor: coordinator,
      planId: plan.id,
      input: { version: plan.version, status: 'adopted', adoptionDecisionId: yes.id },
    });
    const [before] = await database.db.select().from(planObjectives).where(eq(planObjectives.id, objectiveId));
    const edit = (card: Record<string, unknown>, version = before!.version) =>
      updateObjective({
        db: database.db,
        actor: staff,
        objectiveId,
        input: {
          version,
          title: before!.title,
          priority: before!.priority,
          macroArea: before!.macroArea,
          policyAreas: before!.policyAreas,
          description: before!.description,
          card,
        },
      });
    const r = await edit({ ...before!.card, impatto: 'Nessun ricovero evitabile.' });
    assert.equal(r.outcome, 'proposed');
    await addAction({ db: database.db, actor: staff, objectiveId, input: { description: 'Teleassistenza' } });
    const [line] = await database.db.select().from(planBudgetLines).where(eq(planBudgetLines.objectiveId, objectiveId));
    assert.equal(await deleteBudgetLine({ db: database.db, actor: staff, lineId: line!.id, version: line!.version }), 'proposed');
    await addBudgetLine({ db: database.db, actor: staff, objectiveId, input: { fund: 'FNA', year: '', amountEuro: '12.000' } });
    // Nothing in the plan changed.
    const [same] = await database.db.select().from(planObjectives).where(eq(planObjectives.id, objectiveId));
    assert.equal(same!.version, before!.version);
    assert.notEqual(same!.card.impatto, 'Nessun ricovero evitabile.');
    assert.equal((await database.db.select().from(planActions).where(eq(planActions.objectiveId, objectiveId))).length, 1);
    // The draft, in words.
    let o = (await getPlanOverview(database.db, plan.id))!;
    const draft = o.variations.find((v) => v.status === 'draft')!;
    assert.equal(draft.changes.length, 4);
    assert.deepEqual(
      draft.items.map((i) => [i.what, i.before, i.after]),
      [
        ['scheda: QUALE IMPATTO DOVREBBE AVERE L’INTERVENTO?', before!.card.impatto, 'Nessun ricovero evitabile.'],
        ['nuova azione', null, 'Teleassistenza'],
        ['riga di bilancio eliminata', 'Fondo per le non autosufficienze (FNA), triennio: 10.000\u00a0€', null],
        ['nuova riga di bilancio', null, 'Fondo per le non autosufficienze (FNA), triennio: 12.000\u00a0€'],
      ].map(([w, b, a]) => [w, b, a]),
    );
    assert.equal(draft.minor, false);
    assert.deepEqual(o.variance, [], 'the approved plan has not changed');
    // A second save of the same form extends nothing; a new edit replaces the objective's proposal.
    assert.equal((await edit({ ...before!.card, impatto: 'Nessun ricovero evitabile.' })).outcome, 'unchanged');
    // Approval: not by the coordinator alone (not minor), not with the adoption's decision, yes with its own.
    const decide = (input: Record<string, unknown>, version = draft.version) =>
      decideVariation({ db: database.db, actor: coordinator, planId: plan.id, variationId: draft.id, input: { version, ...input } });
    await assert.rejects(decide({ decision: 'approve' }), (e: unknown) => e instanceof ValidationError && /non considera minori/.test(e.issues[0]!.message));
    await assert.rejects(
      decide({ decision: 'approve', adoptionDecisionId: yes.id }),
      (e: unknown) => e instanceof ValidationError && /ha già adottato il piano/.test(e.issues[0]!.message),
    );
    await assert.rejects(
      decideVariation({ db: database.db, actor: staff, planId: plan.id, variationId: draft.id, input: { version: draft.version, decision: 'approve' } }),
      ForbiddenError,
    );
    const vote = await decision('21/2046', 'Variazione n. 1 del Piano di Zona 2047-2049', true);
    const approved = await decide({ decision: 'approve', adoptionDecisionId: vote.id });
    assert.equal(approved.status, 'approved');
    const [now] = await database.db.select().from(planObjectives).where(eq(planObjectives.id, objectiveId));
    assert.equal(now!.card.impatto, 'Nessun ricovero evitabile.');
    assert.equal(now!.version, before!.version + 1);
    assert.deepEqual(
      (await database.db.select().from(planActions).where(eq(planActions.objectiveId, objectiveId))).map((a) => [a.number, a.description]).sort(),
      [
        ['1', 'Sportello badanti'],
        ['2', 'Teleassistenza'],
      ],
    );
    assert.deepEqual(
      (await database.db.select().from(planBudgetLines).where(eq(planBudgetLines.objectiveId, objectiveId))).map((l) => l.amountCents),
      [1_200_000],
    );
    o = (await getPlanOverview(database.db, plan.id))!;
    assert.ok(o.variance!.some((v) => v.what === 'risorse preventivate' && v.before === '10.000\u00a0€' && v.after === '12.000\u00a0€'));
    assert.ok(o.snapshots.some((s) => s.kind === 'variation' && s.label === 'Variazione n. 1 approvata (deliberazione n. 21/2046 del 2036-11-30)'));
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, draft.id), eq(auditLog.action, 'planning.variation.approved')));
    assert.equal(entries.length, 1);

    // A minor change (an indicator) is approved by the coordinator; a rejected variation changes nothing.
    await addIndicator({ db: database.db, actor: staff, actionId, input: { label: 'N. famiglie raggiunte', kind: 'count', level: 'output', targets: [] } });
    let v2 = (await getPlanOverview(database.db, plan.id))!.variations.find((v) => v.status === 'draft')!;
    assert.equal(v2.number, 2);
    assert.equal(v2.minor, true);
    await decideVariation({ db: database.db, actor: coordinator, planId: plan.id, variationId: v2.id, input: { version: v2.version, decision: 'approve' } });
    assert.equal((await database.db.select().from(planIndicators).where(eq(planIndicators.actionId, actionId))).length, 2);
    await addBudgetLine({ db: database.db, actor: staff, objectiveId, input: { fund: 'FNA', year: '', amountEuro: '99.000' } });
    v2 = (await getPlanOverview(database.db, plan.id))!.variations.find((v) => v.status === 'draft')!;
    const rejected = await decideVariation({
      db: database.db,
      actor: coordinator,
      planId: plan.id,
      variationId: v2.id,
      input: { version: v2.version, decision: 'reject' },
    });
    assert.equal(rejected.status, 'rejected');
    assert.deepEqual(
      (await database.db.select().from(planBudgetLines).where(eq(planBudgetLines.objectiveId, objectiveId))).map((l) => l.amountCents),
      [1_200_000],
    );
  });

  test('the workflow after adoption: transmitted, implementation, closed; a closed plan cannot be edited', async () => {
    const coordinator = actorWith('coordinator', { ambitoId });
    const { plan } = await completePlan(2050);
    const yes = await decision('1/2050', 'Approvazione del Piano di Zona 2050-2052', true);
    await assert.rejects(
      changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: plan.version, status: 'closed' } }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.message === 'Da «In consultazione» non si può passare a «Chiuso».',
    );
    let p = await changePlanStatus({
      db: database.db,
      actor: coordinator,
      planId: plan.id,
      input: { version: plan.version, status: 'adopted', adoptionDecisionId: yes.id },
    });
    for (const status of ['transmitted', 'implementation', 'closed'] as const)
      p = await changePlanStatus({ db: database.db, actor: coordinator, planId: plan.id, input: { version: p.version, status } });
    assert.equal(p.status, 'closed');
    const closedObjective = await createObjective({
      db: database.db,
      actor: actorWith('admin'),
      planId: plan.id,
      input: { code: 'Z', title: 'Ultimo obiettivo' },
    }).catch((e: unknown) => e);
    assert.ok(closedObjective instanceof ForbiddenError, 'nobody edits a closed plan, not even the administrator');
    await assert.rejects(
      createPlan({
        db: database.db,
        actor: actorWith('comune_referent', { ambitoId }),
        ambitoId,
        input: { title: 'Non autorizzato', periodStartYear: '2060', periodEndYear: '2062', templateId: 'generico' },
      }),
      ForbiddenError,
    );
  });
});
