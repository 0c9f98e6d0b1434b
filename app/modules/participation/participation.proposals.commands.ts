// Proposals' writes: an organisation's draft (seen only by it) until it submits it; a proposal recorded from a meeting by
// the Ufficio di Piano; the official answer with its reasons; links to the objectives it fed; comments from table
// members; the coordinator hides abusive content with a reason (the audit log keeps the text).
import { and, eq } from 'drizzle-orm';
import { memberOrganisationIds } from '../../shared/auth/actor.ts';
import type { Tx } from '../../shared/db/client.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { isUuid, noControlCharacters, versionField, z } from '../../shared/validation.ts';
import { meetings } from '../governance/index.server.ts';
import {
  auditFact,
  authorizeAlso,
  command,
  type CommandContext,
  insertAudited,
  invalid,
  type ParticipationScope,
  updateAudited,
} from './participation.command.ts';
import { objectiveOfAmbito } from './participation.needs.commands.ts';
import { answerRefusal, commentRefusal, editRefusal, PROPOSAL_OUTCOMES, proposalVisible } from './participation.proposals.rules.ts';
import { needs, proposalComments, proposalObjectives, proposals, thematicTables } from './participation.schema.ts';

type Input = Record<string, unknown>;

const requiredId = (message: () => string) => z.string({ error: message }).refine(isUuid, { error: message });
const optionalId = (message: () => string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isUuid(v), { error: message });

const contentFields = {
  title: z
    .string({ error: () => tr('part.proposals.error.title') })
    .refine(...noControlCharacters())
    .trim()
    .min(3, { error: () => tr('part.proposals.error.title') })
    .max(300, { error: () => tr('part.proposals.error.title') }),
  body: z
    .string({ error: () => tr('part.proposals.error.body') })
    .refine(...noControlCharacters())
    .trim()
    .min(10, { error: () => tr('part.proposals.error.body') })
    .max(8000, { error: () => tr('part.proposals.error.body') }),
  tableId: optionalId(() => tr('part.proposals.error.table')),
  needId: optionalId(() => tr('part.proposals.error.need')),
};

const draftSchema = z.object({ ...contentFields, organisationId: requiredId(() => tr('part.proposals.error.organisation')) });
const editSchema = z.object({ ...contentFields, version: versionField });
const meetingSchema = z.object({ ...contentFields, meetingId: requiredId(() => tr('part.proposals.error.meeting')) });
const versionSchema = z.object({ version: versionField });
const answerSchema = z.object({
  outcome: z.enum(PROPOSAL_OUTCOMES, { error: () => tr('part.proposals.error.outcome') }),
  reasons: z
    .string({ error: () => tr('part.proposals.error.reasons') })
    .refine(...noControlCharacters())
    .trim()
    .min(10, { error: () => tr('part.proposals.error.reasons') })
    .max(8000, { error: () => tr('part.proposals.error.reasons') }),
  version: versionField,
});
const linkSchema = z.object({ objectiveId: requiredId(() => tr('part.needs.error.objective')) });
const commentSchema = z.object({
  body: z
    .string({ error: () => tr('part.proposals.error.comment') })
    .refine(...noControlCharacters())
    .trim()
    .min(2, { error: () => tr('part.proposals.error.comment') })
    .max(4000, { error: () => tr('part.proposals.error.comment') }),
  organisationId: optionalId(() => tr('part.proposals.error.organisation')),
});
const hideSchema = z.object({
  reason: z
    .string({ error: () => tr('part.proposals.error.hideReason') })
    .refine(...noControlCharacters())
    .trim()
    .min(5, { error: () => tr('part.proposals.error.hideReason') })
    .max(1000, { error: () => tr('part.proposals.error.hideReason') }),
  version: versionField,
});

const who = (ctx: CommandContext) => (ctx.actor.kind === 'user' ? ctx.actor.email : 'sistema');
const what = () => tr('part.proposals.what');

/** The table and the need a proposal names must be the Ambito's. */
async function checkContent(tx: Tx, scope: ParticipationScope, v: { tableId: string | null; needId: string | null }) {
  if (v.tableId) {
    const [t] = await tx
      .select({ id: thematicTables.id })
      .from(thematicTables)
      .where(and(eq(thematicTables.id, v.tableId), eq(thematicTables.ambitoId, scope.id)));
    if (!t) invalid('tableId', tr('part.proposals.error.table'));
  }
  if (v.needId) {
    const [n] = await tx
      .select({ id: needs.id })
      .from(needs)
      .where(and(eq(needs.id, v.needId), eq(needs.ambitoId, scope.id)));
    if (!n) invalid('needId', tr('part.proposals.error.need'));
  }
}

/**
 * The proposal as this actor may see it: a draft of another organisation (or any draft, for the Ufficio di Piano) is
 * "not found", never "forbidden" — its existence is not told.
 */
async function visibleProposal(tx: Tx, ctx: CommandContext, scope: ParticipationScope, proposalId: string) {
  const [p] = isUuid(proposalId)
    ? await tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.id, proposalId), eq(proposals.ambitoId, scope.id)))
    : [];
  if (!p || !proposalVisible(p, memberOrganisationIds(ctx.actor, scope.id))) throw new NotFoundError(what());
  return p;
}

const orgOf = (input: Input) => (typeof input.organisationId === 'string' && isUuid(input.organisationId) ? input.organisationId : null);

/** A third-sector member starts a draft proposal for its organisation (seen only by that organisation). */
export function createDraftProposal(ctx: CommandContext, input: Input) {
  return command(
    ctx,
    'proposal.submit',
    async (tx, scope) => {
      const v = parseInput(draftSchema, input);
      await checkContent(tx, scope, v);
      return insertAudited(tx, ctx, proposals, { ...v, ambitoId: scope.id, status: 'bozza' }, { action: 'proposal.draft', entityType: 'proposal' });
    },
    { organisationId: orgOf(input) },
  );
}

/** The organisation edits its draft (a submitted proposal is no longer edited). */
export function updateDraftProposal(ctx: CommandContext, proposalId: string, input: Input) {
  return command(ctx, 'participation.read', async (tx, scope) => {
    const p = await visibleProposal(tx, ctx, scope, proposalId);
    authorizeAlso(ctx, scope, 'proposal.submit', p.organisationId);
    const { version, ...v } = parseInput(editSchema, input);
    if (editRefusal(p)) invalid('title', tr('part.proposals.error.submitted'));
    await checkContent(tx, scope, v);
    return updateAudited(tx, ctx, proposals, p.id, { action: 'proposal.edit', entityType: 'proposal', version, patch: v, what: what() });
  });
}

/** The organisation submits its draft: from now on every reader of the Ambito sees it and it waits for an answer. */
export function submitProposal(ctx: CommandContext, proposalId: string, input: Input) {
  return command(ctx, 'participation.read', async (tx, scope) => {
    const p = await visibleProposal(tx, ctx, scope, proposalId);
    authorizeAlso(ctx, scope, 'proposal.submit', p.organisationId);
    const { version } = parseInput(versionSchema, input);
    if (editRefusal(p)) invalid('version', tr('part.proposals.error.submitted'));
    return updateAudited(tx, ctx, proposals, p.id, {
      action: 'proposal.submit',
      entityType: 'proposal',
      version,
      patch: { status: 'presentata', submittedAt: new Date(), submittedBy: who(ctx) },
      what: what(),
    });
  });
}

/** The Ufficio di Piano records a proposal that came from a meeting (submitted as it is recorded). */
export function recordMeetingProposal(ctx: CommandContext, input: Input) {
  return command(ctx, 'proposal.answer', async (tx, scope) => {
    const v = parseInput(meetingSchema, input);
    const [m] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, v.meetingId), eq(meetings.ambitoId, scope.id)));
    if (!m) invalid('meetingId', tr('part.proposals.error.meeting'));
    await checkContent(tx, scope, v);
    return insertAudited(
      tx,
      ctx,
      proposals,
      { ...v, ambitoId: scope.id, organisationId: null, status: 'presentata', submittedAt: new Date(), submittedBy: who(ctx) },
      { action: 'proposal.record', entityType: 'proposal' },
    );
  });
}

/** The official answer (accolta, parzialmente accolta, non accolta) with its reasons, under the proposal's version. */
export function answerProposal(ctx: CommandContext, proposalId: string, input: Input) {
  return command(ctx, 'proposal.answer', async (tx, scope) => {
    const v = parseInput(answerSchema, input);
    const p = await visibleProposal(tx, ctx, scope, proposalId);
    if (answerRefusal(p)) invalid('outcome', tr('part.proposals.error.draft'));
    return updateAudited(tx, ctx, proposals, p.id, {
      action: 'proposal.answer',
      entityType: 'proposal',
      version: v.version,
      patch: { outcome: v.outcome, outcomeReasons: v.reasons, answeredAt: new Date(), answeredBy: who(ctx) },
      what: what(),
    });
  });
}

/** Links a submitted proposal to an objective it fed. */
export function linkProposalObjective(ctx: CommandContext, proposalId: string, input: Input) {
  return command(ctx, 'proposal.answer', async (tx, scope) => {
    const v = parseInput(linkSchema, input);
    const p = await visibleProposal(tx, ctx, scope, proposalId);
    await objectiveOfAmbito(tx, scope, v.objectiveId);
    const [existing] = await tx
      .select({ id: proposalObjectives.id })
      .from(proposalObjectives)
      .where(and(eq(proposalObjectives.proposalId, p.id), eq(proposalObjectives.objectiveId, v.objectiveId)));
    if (existing) invalid('objectiveId', tr('part.needs.error.linked'));
    return insertAudited(
      tx,
      ctx,
      proposalObjectives,
      { proposalId: p.id, objectiveId: v.objectiveId, linkedBy: who(ctx) },
      { action: 'proposal.link', entityType: 'proposal', entityId: p.id },
    );
  });
}

/** Removes a proposal's link to an objective. */
export function unlinkProposalObjective(ctx: CommandContext, proposalId: string, input: Input) {
  return command(ctx, 'proposal.answer', async (tx, scope) => {
    const v = parseInput(linkSchema, input);
    const p = await visibleProposal(tx, ctx, scope, proposalId);
    const removed = await tx
      .delete(proposalObjectives)
      .where(and(eq(proposalObjectives.proposalId, p.id), eq(proposalObjectives.objectiveId, v.objectiveId)))
      .returning();
    if (!removed.length) invalid('objectiveId', tr('part.needs.error.notLinked'));
    await auditFact(tx, ctx, { action: 'proposal.unlink', entityType: 'proposal', entityId: p.id, before: removed[0] });
  });
}

/** A table member (or the Ufficio di Piano) comments on a submitted proposal; a member comments for its organisation. */
export function addComment(ctx: CommandContext, proposalId: string, input: Input) {
  return command(ctx, 'comment.write', async (tx, scope) => {
    const v = parseInput(commentSchema, input);
    const p = await visibleProposal(tx, ctx, scope, proposalId);
    if (commentRefusal(p)) invalid('body', tr('part.proposals.error.draft'));
    const own = memberOrganisationIds(ctx.actor, scope.id);
    let organisationId: string | null = v.organisationId;
    if (organisationId && !own.includes(organisationId)) invalid('organisationId', tr('part.proposals.error.organisation'));
    if (!organisationId && own.length) organisationId = own[0]!;
    return insertAudited(
      tx,
      ctx,
      proposalComments,
      { proposalId: p.id, organisationId, authorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null, body: v.body },
      { action: 'comment.write', entityType: 'comment' },
    );
  });
}

/** The coordinator hides an abusive comment with a reason; its text stays in the audit log (the record before). */
export function hideComment(ctx: CommandContext, commentId: string, input: Input) {
  return command(ctx, 'content.moderate', async (tx, scope) => {
    const v = parseInput(hideSchema, input);
    const [c] = isUuid(commentId)
      ? await tx
          .select({ comment: proposalComments })
          .from(proposalComments)
          .innerJoin(proposals, eq(proposals.id, proposalComments.proposalId))
          .where(and(eq(proposalComments.id, commentId), eq(proposals.ambitoId, scope.id)))
      : [];
    if (!c) throw new NotFoundError(tr('part.proposals.comment.what'));
    if (c.comment.hiddenAt) invalid('reason', tr('part.proposals.error.alreadyHidden'));
    return updateAudited(tx, ctx, proposalComments, c.comment.id, {
      action: 'content.hide',
      entityType: 'comment',
      version: v.version,
      patch: { hiddenAt: new Date(), hiddenReason: v.reason, hiddenBy: who(ctx) },
      what: tr('part.proposals.comment.what'),
    });
  });
}

/** The coordinator hides an abusive proposal with a reason (its title and text stay in the audit log). */
export function hideProposal(ctx: CommandContext, proposalId: string, input: Input) {
  return command(ctx, 'content.moderate', async (tx, scope) => {
    const v = parseInput(hideSchema, input);
    const p = await visibleProposal(tx, ctx, scope, proposalId);
    if (p.hiddenAt) invalid('reason', tr('part.proposals.error.alreadyHidden'));
    return updateAudited(tx, ctx, proposals, p.id, {
      action: 'content.hide',
      entityType: 'proposal',
      version: v.version,
      patch: { hiddenAt: new Date(), hiddenReason: v.reason, hiddenBy: who(ctx) },
      what: what(),
    });
  });
}
