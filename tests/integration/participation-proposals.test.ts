import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, like } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../app/shared/errors.ts';
import { createMeeting } from '../../app/modules/governance/governance.commands.ts';
import { bodies, organisations } from '../../app/modules/governance/governance.schema.ts';
import { saveMeasurement } from '../../app/modules/monitoring/monitoring.commands.ts';
import { listLatestMeasurements } from '../../app/modules/monitoring/monitoring.queries.ts';
import { listPlans } from '../../app/modules/planning/planning.queries.ts';
import { planIndicators, planObjectives } from '../../app/modules/planning/planning.schema.ts';
import {
  addComment,
  answerProposal,
  createDraftProposal,
  hideComment,
  hideProposal,
  linkProposalObjective,
  recordMeetingProposal,
  submitProposal,
  unlinkProposalObjective,
  updateDraftProposal,
} from '../../app/modules/participation/participation.proposals.commands.ts';
import { getProposal, listProposals } from '../../app/modules/participation/participation.proposals.queries.ts';
import { proposalComments, proposals, thematicTables } from '../../app/modules/participation/participation.schema.ts';
import { objectiveTrail, proposalTrail } from '../../app/modules/participation/participation.trail.queries.ts';
import { panelProviders } from '../../app/modules/participation/participation.panels.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const TODAY = '2026-11-26';

describe(`participation: proposals, answers, comments, moderation, trail (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let plan2025: string;
  let orgA: { id: string; name: string };
  let orgB: { id: string; name: string };
  let tableId: string;
  let meetingId: string;
  let objectiveId: string;
  let indicatorId: string;
  const db = () => database.db;
  const coordinator = () => actorWith('coordinator', { ambitoId });
  const member = (organisationId: string) => actorWith('third_sector', { ambitoId, organisationId });
  const ctx = (actor = coordinator()) => ({ db: db(), actor, ambitoId });
  const proposalCount = async () => (await db().select({ n: count() }).from(proposals).where(eq(proposals.ambitoId, ambitoId)))[0]!.n;
  const draftInput = () => ({
    organisationId: orgA.id,
    title: 'Sportello unico per i caregiver',
    body: 'Uno sportello settimanale in ogni comune per orientare i caregiver familiari.',
    tableId,
  });

  before(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    ambitoId = demo.gallarate.id;
    plan2025 = (await listPlans(db(), ambitoId)).find((p) => p.periodStartYear === 2025)!.id;
    const orgs = await db().select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.ambitoId, ambitoId));
    orgA = orgs[0]!;
    orgB = orgs[1]!;
    const [body] = await db()
      .select()
      .from(bodies)
      .where(and(eq(bodies.ambitoId, ambitoId), like(bodies.name, 'Tavolo Tematico Anziani')));
    // The demo's tables step has attached a table to each body; a database without it gets one here.
    const [existing] = await db().select().from(thematicTables).where(eq(thematicTables.bodyId, body!.id));
    const [t] = existing
      ? [existing]
      : await db()
          .insert(thematicTables)
          .values({ ambitoId, planId: plan2025, periodStartYear: 2025, periodEndYear: 2027, kind: 'tavolo_tematico', name: body!.name, bodyId: body!.id })
          .returning();
    tableId = t!.id;
    meetingId = (
      await createMeeting({
        db: db(),
        actor: coordinator(),
        ambitoId,
        bodyId: body!.id,
        input: { title: 'Seconda sessione del Tavolo Anziani', date: '2024-10-18', startTime: '09:30', endTime: '12:30', place: 'Gallarate' },
      })
    ).id;
    const [pua] = await db()
      .select({ objectiveId: planObjectives.id, indicatorId: planIndicators.id })
      .from(planIndicators)
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .where(and(eq(planObjectives.planId, plan2025), eq(planObjectives.code, 'LEPS-PUA'), eq(planIndicators.code, '2.1')));
    objectiveId = pua!.objectiveId;
    indicatorId = pua!.indicatorId;
  });
  after(() => database.close());

  test('a draft is seen only by its organisation: not by another organisation, not listed to the Ufficio di Piano', async () => {
    const draft = await createDraftProposal(ctx(member(orgA.id)), draftInput());
    assert.equal(draft.status, 'bozza');
    assert.deepEqual(
      (await listProposals(db(), ambitoId, [orgA.id])).map((p) => p.id),
      [draft.id],
    );
    assert.deepEqual(await listProposals(db(), ambitoId, [orgB.id]), []);
    assert.deepEqual(await listProposals(db(), ambitoId, []), [], 'the Ufficio di Piano does not list drafts');
    assert.equal(await getProposal(db(), ambitoId, draft.id, [orgB.id]), null);
    assert.equal(await getProposal(db(), ambitoId, draft.id, []), null);
    // Another organisation cannot edit, submit or even learn of it; the Ufficio di Piano cannot answer it.
    await assert.rejects(updateDraftProposal(ctx(member(orgB.id)), draft.id, { ...draftInput(), version: '1' }), NotFoundError);
    await assert.rejects(submitProposal(ctx(member(orgB.id)), draft.id, { version: '1' }), NotFoundError);
    await assert.rejects(answerProposal(ctx(), draft.id, { outcome: 'accolta', reasons: 'Motivazioni sufficienti.', version: '1' }), NotFoundError);
    // A member cannot write a draft for an organisation it does not act for.
    await assert.rejects(createDraftProposal(ctx(member(orgB.id)), draftInput()), ForbiddenError);
    await db().delete(proposals).where(eq(proposals.id, draft.id));
  });

  test('the organisation edits its draft under its version and submits it; then every reader sees it and it is no longer edited', async () => {
    const draft = await createDraftProposal(ctx(member(orgA.id)), draftInput());
    const edited = await updateDraftProposal(ctx(member(orgA.id)), draft.id, { ...draftInput(), title: 'Sportello per i caregiver familiari', version: '1' });
    assert.equal(edited.version, 2);
    await assert.rejects(updateDraftProposal(ctx(member(orgA.id)), draft.id, { ...draftInput(), version: '1' }), ConflictError);
    await assert.rejects(submitProposal(ctx(member(orgA.id)), draft.id, { version: '1' }), ConflictError);
    const submitted = await submitProposal(ctx(member(orgA.id)), draft.id, { version: '2' });
    assert.equal(submitted.status, 'presentata');
    assert.ok(submitted.submittedAt);
    assert.deepEqual(
      (await listProposals(db(), ambitoId, [orgB.id])).map((p) => p.title),
      ['Sportello per i caregiver familiari'],
    );
    await assert.rejects(updateDraftProposal(ctx(member(orgA.id)), draft.id, { ...draftInput(), version: '3' }), ValidationError);
    const audit = (await db().select().from(auditLog).where(eq(auditLog.entityId, draft.id))).map((a) => a.action).sort();
    assert.deepEqual(audit, ['proposal.draft', 'proposal.edit', 'proposal.submit']);
  });

  test('the official answer needs its reasons; bad input writes nothing; it is versioned', async () => {
    const [p] = await listProposals(db(), ambitoId, []);
    await assert.rejects(
      answerProposal(ctx(), p!.id, { outcome: 'accolta', reasons: '', version: String(p!.version) }),
      (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.path === 'reasons'),
    );
    await assert.rejects(
      answerProposal(ctx(), p!.id, { outcome: 'respinta', reasons: 'Motivazioni lunghe.', version: String(p!.version) }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'outcome',
    );
    assert.equal((await getProposal(db(), ambitoId, p!.id, []))!.outcome, null);
    const answered = await answerProposal(ctx(), p!.id, {
      outcome: 'parzialmente_accolta',
      reasons: 'Lo sportello entra nel PUA (obiettivo LEPS-PUA); non in ogni comune ma nei tre più popolosi.',
      version: String(p!.version),
    });
    assert.equal(answered.outcome, 'parzialmente_accolta');
    await assert.rejects(answerProposal(ctx(), p!.id, { outcome: 'accolta', reasons: 'Ripensamento motivato.', version: String(p!.version) }), ConflictError);
    const read = (await getProposal(db(), ambitoId, p!.id, [orgB.id]))!;
    assert.equal(read.outcomeReasons, 'Lo sportello entra nel PUA (obiettivo LEPS-PUA); non in ogni comune ma nei tre più popolosi.');
  });

  test('a proposal from a meeting is recorded by the Ufficio di Piano with its meeting; roles that only read are refused', async () => {
    const before = await proposalCount();
    const fromMeeting = await recordMeetingProposal(ctx(), {
      meetingId,
      title: 'Telefono amico per anziani soli',
      body: 'Un numero dedicato per raggiungere gli anziani soli.',
    });
    assert.equal(fromMeeting.status, 'presentata');
    assert.equal(fromMeeting.organisationId, null);
    await assert.rejects(
      recordMeetingProposal(ctx(), { title: 'Senza incontro', body: 'Proposta senza il suo incontro.' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'meetingId',
    );
    for (const role of ['comune_referent', 'regional_reviewer', 'mayor'] as const) {
      const actor = actorWith(role, { ambitoId, regionCode: '03' });
      await assert.rejects(createDraftProposal(ctx(actor), draftInput()), ForbiddenError, role);
      await assert.rejects(recordMeetingProposal(ctx(actor), { meetingId, title: 'Titolo valido', body: 'Un testo abbastanza lungo.' }), ForbiddenError, role);
      await assert.rejects(
        answerProposal(ctx(actor), fromMeeting.id, { outcome: 'accolta', reasons: 'Motivazioni sufficienti.', version: '1' }),
        ForbiddenError,
        role,
      );
      await assert.rejects(addComment(ctx(actor), fromMeeting.id, { body: 'Un commento' }), ForbiddenError, role);
      await assert.rejects(linkProposalObjective(ctx(actor), fromMeeting.id, { objectiveId }), ForbiddenError, role);
    }
    await assert.rejects(
      answerProposal(ctx(member(orgA.id)), fromMeeting.id, { outcome: 'accolta', reasons: 'Motivazioni sufficienti.', version: '1' }),
      ForbiddenError,
    );
    assert.equal(await proposalCount(), before + 1);
  });

  test('comments on a submitted proposal; the coordinator hides one with a reason; readers see the reason, the audit log keeps the text', async () => {
    const [p] = (await listProposals(db(), ambitoId, [])).filter((x) => x.organisationId === orgA.id);
    const kind = await addComment(ctx(member(orgB.id)), p!.id, { body: 'Siamo disponibili a collaborare allo sportello.' });
    assert.equal(kind.organisationId, orgB.id);
    const abusive = await addComment(ctx(member(orgB.id)), p!.id, { body: 'Testo offensivo verso una persona.' });
    await assert.rejects(addComment(ctx(member(orgB.id)), p!.id, { body: '' }), (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'body');
    await assert.rejects(hideComment(ctx(member(orgA.id)), abusive.id, { reason: 'Offensivo', version: '1' }), ForbiddenError);
    await assert.rejects(
      hideComment(ctx(), abusive.id, { reason: '', version: '1' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'reason',
    );
    const hidden = await hideComment(ctx(), abusive.id, { reason: 'Linguaggio offensivo verso una persona', version: '1' });
    assert.equal(hidden.hiddenReason, 'Linguaggio offensivo verso una persona');
    await assert.rejects(hideComment(ctx(), abusive.id, { reason: 'Di nuovo nascosto', version: '2' }), ValidationError, 'already hidden');
    await assert.rejects(hideComment(ctx(), kind.id, { reason: 'Modulo vecchio', version: '7' }), ConflictError);
    const read = (await getProposal(db(), ambitoId, p!.id, []))!;
    assert.deepEqual(
      read.comments.map((c) => [c.body, c.hiddenReason, c.organisationName]),
      [
        ['Siamo disponibili a collaborare allo sportello.', null, orgB.name],
        [null, 'Linguaggio offensivo verso una persona', orgB.name],
      ],
    );
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, abusive.id), eq(auditLog.action, 'content.hide')));
    assert.equal((entry!.before as { body: string }).body, 'Testo offensivo verso una persona.');
    const [row] = await db().select().from(proposalComments).where(eq(proposalComments.id, abusive.id));
    assert.equal(row!.body, 'Testo offensivo verso una persona.', 'the record keeps it too; pages never send it');
    // A draft is not commented.
    const draft = await createDraftProposal(ctx(member(orgA.id)), draftInput());
    await assert.rejects(addComment(ctx(member(orgA.id)), draft.id, { body: 'Commento alla bozza' }), ValidationError);
    await assert.rejects(addComment(ctx(member(orgB.id)), draft.id, { body: 'Commento alla bozza' }), NotFoundError);
  });

  test('a hidden proposal shows only the reason', async () => {
    const p = await recordMeetingProposal(ctx(), { meetingId, title: 'Proposta offensiva', body: 'Un testo offensivo da nascondere.' });
    await hideProposal(ctx(), p.id, { reason: 'Contenuto offensivo', version: '1' });
    const read = (await getProposal(db(), ambitoId, p.id, []))!;
    assert.equal(read.title, null);
    assert.equal(read.body, null);
    assert.equal(read.hiddenReason, 'Contenuto offensivo');
  });

  test('the trail both ways: the proposal’s objective with its latest result and target status; the objective’s proposals, meetings, organisations and panel', async () => {
    const [p] = (await listProposals(db(), ambitoId, [])).filter((x) => x.organisationId === orgA.id);
    const fromMeeting = (await listProposals(db(), ambitoId, [])).find((x) => x.title === 'Telefono amico per anziani soli')!;
    await linkProposalObjective(ctx(), p!.id, { objectiveId });
    await linkProposalObjective(ctx(), fromMeeting.id, { objectiveId });
    await assert.rejects(linkProposalObjective(ctx(), p!.id, { objectiveId }), ValidationError);
    await assert.rejects(
      linkProposalObjective(ctx(), p!.id, { objectiveId: '00000000-0000-4000-8000-000000000000' }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'objectiveId',
    );
    const staff = actorWith('staff', { ambitoId });
    await saveMeasurement({ db: db(), actor: staff, indicatorId, input: { period: '2026-S1', numerator: '20', denominator: '25' } });
    const [latest] = await listLatestMeasurements(db(), [indicatorId], TODAY);
    const trail = await proposalTrail(db(), p!.id, TODAY);
    const indicator = trail[0]!.indicators.find((i) => i.id === indicatorId)!;
    assert.equal(indicator.period, '2026-S1');
    assert.equal(indicator.value, latest!.display);
    assert.equal(indicator.targetStatus, 'in_corso');
    const back = await objectiveTrail(db(), ambitoId, objectiveId);
    assert.deepEqual(
      back.proposals.map((x) => [x.title, x.outcome, x.organisationName, x.meetingDate]),
      [
        ['Sportello per i caregiver familiari', 'parzialmente_accolta', orgA.name, null],
        ['Telefono amico per anziani soli', null, null, '2024-10-18'],
      ],
    );
    assert.deepEqual(
      back.meetings.map((m) => [m.title, m.date]),
      [['Seconda sessione del Tavolo Anziani', '2024-10-18']],
    );
    assert.deepEqual(
      back.organisations.map((o) => o.name),
      [orgA.name],
    );
    const panels = await Promise.all(
      panelProviders.map((provider) => provider(db(), { kind: 'objective', objectiveId, planId: plan2025, ambitoId, ambitoCode: 'gallarate' }, staff)),
    );
    const panel = panels.find((x) => x?.id === 'partecipazione-traccia')!;
    assert.equal(panel.items.length, 2);
    assert.deepEqual(panel.summary!.params, { needs: 0, proposals: 2, organisations: 1 });
    await unlinkProposalObjective(ctx(), fromMeeting.id, { objectiveId });
    assert.equal((await objectiveTrail(db(), ambitoId, objectiveId)).proposals.length, 1);
  });
});
