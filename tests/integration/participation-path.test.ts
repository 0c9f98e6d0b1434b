import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { systemActor } from '../../app/shared/auth/actor.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { listBodies } from '../../app/modules/governance/index.server.ts';
import { listPlans } from '../../app/modules/planning/index.server.ts';
import { participationSteps } from '../../app/modules/participation/participation.demo.ts';
import { planPathPanel } from '../../app/modules/participation/participation.panels.ts';
import {
  addStep,
  adoptTemplatePath,
  closeStep,
  editStep,
  importPath,
  moveStep,
  removeStep,
  reopenStep,
  startStep,
} from '../../app/modules/participation/participation.path.commands.ts';
import { getPathView, listPathSteps } from '../../app/modules/participation/participation.path.queries.ts';
import { pathSteps } from '../../app/modules/participation/participation.schema.ts';
import { demoContext } from '../../app/shared/demo/load-demo.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const DEMO_FILE = 'percorso-2025-2027.json';
const demoText = () => readFileSync(new URL(`../../fixtures/demo/gallarate/partecipazione/${DEMO_FILE}`, import.meta.url), 'utf8');

describe('participation: the planning path of a plan', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let plan2025: string;
  let plan2021: string;
  const ctx = (role: Parameters<typeof actorWith>[0] = 'coordinator', extra: Parameters<typeof actorWith>[1] = {}) => ({
    db: database.db,
    actor: actorWith(role, { ambitoId, regionCode: '03', ...extra }),
    ambitoId,
  });
  const count = async (planId: string) => (await listPathSteps(database.db, planId)).length;

  before(async () => {
    database = await createTestDatabase();
    ambitoId = (await seedDemo(database.db)).gallarate.id;
    const plans = await listPlans(database.db, ambitoId);
    plan2025 = plans.find((p) => p.periodStartYear === 2025)!.id;
    plan2021 = plans.find((p) => p.periodStartYear === 2021)!.id;
  });
  after(() => database.close());

  test('the demo gives the 2025-2027 plan its six steps with the dates of the seed, once', async () => {
    const view = await getPathView(database.db, ambitoId, plan2025, '2026-12-05');
    assert.deepEqual(
      view.steps.map((s) => [s.number, s.templateKey, s.startedOn, s.closedOn, s.state, s.closingBody]),
      [
        [1, 'conoscenza', '2024-07-01', '2024-10-09', 'done', 'Ufficio di Piano'],
        [2, 'coprogrammazione', '2024-10-09', '2024-10-18', 'done', 'Tavolo Locale Permanente di confronto con gli Enti del Terzo Settore'],
        [3, 'sintesi', '2024-10-18', '2024-12-02', 'done', 'Ufficio di Piano'],
        [4, 'approvazione', '2024-12-02', '2024-12-02', 'done', 'Assemblea dei Sindaci'],
        [5, 'accordo', '2024-12-02', '2025-01-01', 'done', 'Assemblea dei Sindaci'],
        [6, 'trasmissione', '2025-01-01', null, 'current', 'Ufficio di Piano'],
      ],
    );
    // The closing bodies are the Ambito's governance bodies (by id), not names.
    assert.ok(view.steps.every((s) => s.closingBodyId && !s.closingBodyName));
    assert.deepEqual(view.position, { step: 6, total: 6, index: 5, complete: false, done: 5, late: 0 });
    // Idempotent: a second run of the demo step adds nothing.
    for (const step of participationSteps) await step.run(demoContext(database.db));
    assert.equal(await count(plan2025), 6);
  });

  test('the plan page panel: every step with its state and dates, «Fase 6 di 6», the link only for the Ambito’s readers', async () => {
    const subject = { kind: 'plan' as const, planId: plan2025, ambitoId, ambitoCode: 'gallarate' };
    const panel = (await planPathPanel(database.db, subject, actorWith('third_sector', { ambitoId })))!;
    assert.equal(panel.id, 'percorso');
    assert.deepEqual(panel.summary, { key: 'part.path.summary', params: { step: 6, total: 6, name: 'Trasmissione ad ATS e Regione' } });
    assert.deepEqual(
      panel.items.map((i) => [i.label, i.state]),
      [
        ['1. Analisi del contesto e dei bisogni', 'done'],
        ['2. Tavoli tematici di co-programmazione', 'done'],
        ['3. Sintesi dell’Ufficio di Piano e stesura del Piano di Zona', 'done'],
        ['4. Approvazione dell’Assemblea dei Sindaci', 'done'],
        ['5. Sottoscrizione dell’Accordo di Programma', 'done'],
        ['6. Trasmissione ad ATS e Regione', 'current'],
      ],
    );
    assert.deepEqual(panel.items[3]!.detail, { key: 'part.path.panel.closed', params: { date: '02/12/2024' } });
    assert.deepEqual(panel.items[5]!.detail, { key: 'part.path.panel.started', params: { date: '01/01/2025' } });
    assert.equal(panel.link?.href, `/ambiti/gallarate/piani/${plan2025}/percorso`);
    // The public (the plan is adopted) sees the same steps, without the link to the members' page.
    const publicPanel = (await planPathPanel(database.db, subject, { kind: 'anonymous' }))!;
    assert.deepEqual(publicPanel.items, panel.items);
    assert.equal(publicPanel.link, null);
    // A plan without a path: the empty sentence, no summary.
    const empty = (await planPathPanel(database.db, { ...subject, planId: plan2021 }, { kind: 'anonymous' }))!;
    assert.equal(empty.items.length, 0);
    assert.equal(empty.summary, null);
    assert.equal(empty.empty, 'part.path.panel.empty');
  });

  test('third-sector members, comune referents and the regional reviewer cannot change a path; nothing is written', async () => {
    const bodies = await listBodies(database.db, ambitoId);
    const organisationId = bodies[0]!.id; // any id: the grant names an organisation, the action is the office's anyway
    for (const [role, extra] of [
      ['third_sector', { organisationId }],
      ['comune_referent', {}],
      ['regional_reviewer', {}],
      ['mayor', {}],
    ] as const) {
      const c = ctx(role, extra);
      await assert.rejects(adoptTemplatePath(c, { planId: plan2021, input: {} }), ForbiddenError, role);
      await assert.rejects(addStep(c, { planId: plan2021, input: { name: 'Fase' } }), ForbiddenError, role);
      const step = (await listPathSteps(database.db, plan2025))[5]!;
      await assert.rejects(closeStep(c, { stepId: step.id, input: { version: step.version, closedOn: '2025-01-31' } }), ForbiddenError, role);
      await assert.rejects(editStep(c, { stepId: step.id, input: { version: step.version, name: 'X' } }), ForbiddenError, role);
    }
    assert.equal(await count(plan2021), 0);
    assert.equal((await listPathSteps(database.db, plan2025))[5]!.closedOn, null);
  });

  test('the Ufficio di Piano adopts the template’s path once, with the Ambito’s bodies and planned dates from the typical durations', async () => {
    const rows = await adoptTemplatePath(ctx('staff'), { planId: plan2021, input: { startOn: '2020-09-01' } });
    const bodies = new Map((await listBodies(database.db, ambitoId)).map((b) => [b.id, b.name]));
    assert.deepEqual(
      rows.map((r) => [r.position, r.templateKey, r.closingBodyId ? bodies.get(r.closingBodyId) : r.closingBodyName, r.plannedFrom, r.plannedTo]),
      [
        [1, 'conoscenza', 'Ufficio di Piano', '2020-09-01', '2020-10-31'],
        // Four thematic tables in Gallarate: no single body, the type's name.
        [2, 'tavoli_tematici', 'Tavoli tematici', '2020-10-31', '2020-12-30'],
        [3, 'sintesi', 'Ufficio di Piano', '2020-12-30', '2021-01-29'],
        // No Tavolo Alto della Concertazione in Gallarate: the type's name.
        [4, 'concertazione', 'Tavolo Alto della Concertazione', '2021-01-29', '2021-02-28'],
        [5, 'obiettivi', 'Assemblea dei Sindaci', '2021-02-28', '2021-03-30'],
        [6, 'trasmissione', 'Ufficio di Piano', '2021-03-30', null],
      ],
    );
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, plan2021), eq(auditLog.action, 'path.adopt')));
    assert.equal(audit.length, 1);
    // Every step is late by now (planned ends in 2020-2021, nothing started) but the last, which has no planned end.
    const view = await getPathView(database.db, ambitoId, plan2021, '2026-12-05');
    assert.deepEqual(
      view.steps.map((s) => s.state),
      ['late', 'late', 'late', 'late', 'late', 'todo'],
    );
    await assert.rejects(adoptTemplatePath(ctx(), { planId: plan2021, input: {} }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.path, 'planId');
      return true;
    });
    assert.equal(await count(plan2021), 6);
  });

  test('editing a step keeps its version: a stale form is a conflict and changes nothing', async () => {
    const [first] = await listPathSteps(database.db, plan2021);
    const saved = await editStep(ctx(), {
      stepId: first!.id,
      input: {
        version: String(first!.version),
        name: 'Conoscere per progettare',
        description: 'Dati del territorio',
        closingBodyId: '',
        closingBodyName: 'Ufficio di Piano e Tavolo dei Tecnici',
        plannedFrom: '2020-09-01',
        plannedTo: '2020-11-30',
      },
    });
    assert.equal(saved.version, first!.version + 1);
    assert.equal(saved.closingBodyId, null);
    assert.equal(saved.closingBodyName, 'Ufficio di Piano e Tavolo dei Tecnici');
    await assert.rejects(editStep(ctx(), { stepId: first!.id, input: { version: String(first!.version), name: 'Vecchio nome' } }), ConflictError);
    assert.equal((await listPathSteps(database.db, plan2021))[0]!.name, 'Conoscere per progettare');
  });

  test('bad input names the field and writes nothing', async () => {
    const before = await listPathSteps(database.db, plan2021);
    const issuesOf = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        assert.ok(e instanceof ValidationError, String(e));
        return e.issues.map((i) => i.path).sort();
      }
      assert.fail('accepted');
    };
    assert.deepEqual(await issuesOf(addStep(ctx(), { planId: plan2021, input: { name: ' ', plannedFrom: '2021-02-30' } })), ['name', 'plannedFrom']);
    assert.deepEqual(await issuesOf(addStep(ctx(), { planId: plan2021, input: { name: 'Fase', plannedFrom: '2021-03-01', plannedTo: '2021-02-01' } })), [
      'plannedTo',
    ]);
    assert.deepEqual(await issuesOf(addStep(ctx(), { planId: plan2021, input: { name: 'Fase', closingBodyId: 'non-un-id' } })), ['closingBodyId']);
    // A body of no Ambito (a well-formed id that is not one of Gallarate's bodies).
    assert.deepEqual(await issuesOf(addStep(ctx(), { planId: plan2021, input: { name: 'Fase', closingBodyId: '00000000-0000-4000-8000-000000000000' } })), [
      'closingBodyId',
    ]);
    const step = before[1]!;
    assert.deepEqual(await issuesOf(startStep(ctx(), { stepId: step.id, input: { version: step.version, startedOn: '' } })), ['startedOn']);
    assert.deepEqual(await issuesOf(moveStep(ctx(), { stepId: before[0]!.id, input: { version: before[0]!.version, direction: 'up' } })), ['direction']);
    assert.deepEqual(await listPathSteps(database.db, plan2021), before);
  });

  test('start and close: not before the start, not in the future, in order unless a reason is written', async () => {
    const today = '2021-06-30';
    let [one, two] = await listPathSteps(database.db, plan2021);
    const refused = async (p: Promise<unknown>, path: string) =>
      assert.rejects(p, (e: unknown) => {
        assert.ok(e instanceof ValidationError, String(e));
        assert.deepEqual(
          e.issues.map((i) => i.path),
          [path],
        );
        return true;
      });
    await refused(closeStep(ctx(), { stepId: one!.id, input: { version: one!.version, closedOn: '2020-10-01' }, today }), 'closedOn'); // not started
    await refused(startStep(ctx(), { stepId: one!.id, input: { version: one!.version, startedOn: '2021-07-01' }, today }), 'startedOn'); // future
    one = await startStep(ctx(), { stepId: one!.id, input: { version: one!.version, startedOn: '2020-09-01' }, today });
    await refused(closeStep(ctx(), { stepId: one.id, input: { version: one.version, closedOn: '2020-08-31' }, today }), 'closedOn'); // before start
    await refused(closeStep(ctx(), { stepId: one.id, input: { version: one.version, closedOn: '2021-07-01' }, today }), 'closedOn'); // future
    one = await closeStep(ctx(), { stepId: one.id, input: { version: one.version, closedOn: '2020-11-30', closingAct: 'Relazione di analisi' }, today });
    assert.equal(one.closedOn, '2020-11-30');
    assert.equal(one.closingAct, 'Relazione di analisi');

    // Step 2 closes before step 1 did: refused without a reason, accepted with one (kept in the audit log).
    two = await startStep(ctx(), { stepId: two!.id, input: { version: two!.version, startedOn: '2020-10-01' }, today });
    await refused(closeStep(ctx(), { stepId: two.id, input: { version: two.version, closedOn: '2020-11-15' }, today }), 'reason');
    two = await closeStep(ctx(), {
      stepId: two.id,
      input: { version: two.version, closedOn: '2020-11-15', reason: 'I tavoli hanno chiuso prima della relazione finale' },
      today,
    });
    assert.equal(two.closedOn, '2020-11-15');
    const reasons = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, two.id), eq(auditLog.action, 'path.step.closeOutOfOrder')));
    assert.equal(reasons.length, 1);
    assert.equal((reasons[0]!.after as { reason: string }).reason, 'I tavoli hanno chiuso prima della relazione finale');

    // A closing recorded by mistake is reopened (under its version); an open step cannot be reopened.
    const reopened = await reopenStep(ctx(), { stepId: two.id, input: { version: two.version } });
    assert.equal(reopened.closedOn, null);
    await assert.rejects(reopenStep(ctx(), { stepId: two.id, input: { version: reopened.version } }), ValidationError);
    await assert.rejects(reopenStep(ctx(), { stepId: one.id, input: { version: one.version - 1 } }), ConflictError);
    two = await closeStep(ctx(), {
      stepId: two.id,
      input: { version: reopened.version, closedOn: '2020-11-15', reason: 'I tavoli hanno chiuso prima della relazione finale' },
      today,
    });

    // Step 4 cannot close while step 3 is open, even after starting, without a reason.
    const steps = await listPathSteps(database.db, plan2021);
    const four = await startStep(ctx(), { stepId: steps[3]!.id, input: { version: steps[3]!.version, startedOn: '2021-02-01' }, today });
    await refused(closeStep(ctx(), { stepId: four.id, input: { version: four.version, closedOn: '2021-03-01' }, today }), 'reason');
    const view = await getPathView(database.db, ambitoId, plan2021, today);
    assert.deepEqual(view.position?.step, 3);
    assert.deepEqual(
      view.steps.map((s) => s.state),
      ['done', 'done', 'late', 'late', 'late', 'todo'],
    );
  });

  test('add, move and remove steps: the path stays numbered 1…n', async () => {
    const added = await addStep(ctx(), {
      planId: plan2021,
      input: { name: 'Presentazione alla comunità', closingBodyName: 'Ufficio di Piano', plannedFrom: '2021-04-01', plannedTo: '2021-04-30' },
    });
    assert.equal(added.position, 7);
    assert.equal(added.templateKey, null);
    await moveStep(ctx(), { stepId: added.id, input: { version: added.version, direction: 'up' } });
    let steps = await listPathSteps(database.db, plan2021);
    assert.deepEqual(
      steps.map((s) => [s.position, s.templateKey]),
      [
        [1, 'conoscenza'],
        [2, 'tavoli_tematici'],
        [3, 'sintesi'],
        [4, 'concertazione'],
        [5, 'obiettivi'],
        [6, null],
        [7, 'trasmissione'],
      ],
    );
    // The moved step's version went up: its old form is stale.
    await assert.rejects(moveStep(ctx(), { stepId: added.id, input: { version: added.version, direction: 'up' } }), ConflictError);
    const concertation = steps[3]!;
    await assert.rejects(removeStep(ctx(), { stepId: concertation.id, input: { version: concertation.version + 5 } }), ConflictError);
    await removeStep(ctx(), { stepId: concertation.id, input: { version: concertation.version } });
    steps = await listPathSteps(database.db, plan2021);
    assert.deepEqual(
      steps.map((s) => [s.position, s.templateKey]),
      [
        [1, 'conoscenza'],
        [2, 'tavoli_tematici'],
        [3, 'sintesi'],
        [4, 'obiettivi'],
        [5, null],
        [6, 'trasmissione'],
      ],
    );
    const removed = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, concertation.id), eq(auditLog.action, 'path.step.remove')));
    assert.equal(removed.length, 1);
  });

  test('the import is all or nothing and names file, step and field of every problem', async () => {
    await database.db.delete(pathSteps).where(eq(pathSteps.planId, plan2021));
    const file = JSON.parse(demoText());
    file.plan = { periodStartYear: 2021, periodEndYear: 2023 };
    file.steps[2].closedOn = '2024-13-01';
    file.steps[4].startedOn = '2024-11-01';
    file.steps[4].closedOn = '2024-11-15'; // before step 4 closed (2024-12-02), no reason
    file.steps[5].colore = 'rosso';
    await assert.rejects(
      importPath({ db: database.db, actor: systemActor('test'), ambitoId }, { planId: plan2021, fileName: DEMO_FILE, text: JSON.stringify(file) }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(
          e.issues.map((i) => i.path),
          [`${DEMO_FILE}, fase 3, closedOn`, `${DEMO_FILE}, fase 6, colore`],
        );
        return true;
      },
    );
    // Once the shape is right, the date rules speak (the period is the plan's, the dates out of order are named).
    file.steps[2].closedOn = '2024-12-02';
    delete file.steps[5].colore;
    file.plan = { periodStartYear: 2025, periodEndYear: 2027 };
    await assert.rejects(
      importPath({ db: database.db, actor: systemActor('test'), ambitoId }, { planId: plan2021, fileName: DEMO_FILE, text: JSON.stringify(file) }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.match(e.message, /percorso-2025-2027\.json/);
        assert.deepEqual(
          e.issues.map((i) => i.path),
          [`${DEMO_FILE}, plan`, `${DEMO_FILE}, fase 5, closedOn`],
        );
        return true;
      },
    );
    await assert.rejects(
      importPath({ db: database.db, actor: systemActor('test'), ambitoId }, { planId: plan2021, fileName: DEMO_FILE, text: '{"plan": ' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === DEMO_FILE,
    );
    assert.equal(await count(plan2021), 0);
    const logged = await database.db.select().from(auditLog).where(like(auditLog.action, 'path.import'));
    assert.equal(logged.length, 1, 'only the demo’s import');
  });
});
