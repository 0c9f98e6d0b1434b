import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, memberOrganisationIds, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export const PARTICIPATION_ACTIONS = [
  'participation.read',
  'path.write',
  'table.write',
  'call.write',
  'call.apply',
  'application.decide',
  'membership.leave',
  'meeting.reply',
  'need.write',
  'need.submit',
  'proposal.submit',
  'proposal.readDraft',
  'proposal.answer',
  'comment.write',
  'content.moderate',
  'questionnaire.write',
  'questionnaire.answer',
  'questionnaire.answerPublic',
  'responses.read',
  'project.write',
] as const;
export type ParticipationAction = (typeof PARTICIPATION_ACTIONS)[number];

/**
 * What an action is checked against: the Ambito, and for the acts of an organisation (its proposal, its reply, its
 * answers, its membership) the organisation they belong to.
 */
export type ParticipationSubject = AmbitoScope & { organisationId?: string | null };

/** True when the actor is a third-sector member acting for this organisation of this Ambito. */
export function actsFor(actor: Actor, subject: ParticipationSubject): boolean {
  return !!subject.organisationId && memberOrganisationIds(actor, subject.id).includes(subject.organisationId);
}

/**
 * Participation policy (art. 55 D.Lgs. 117/2017). The Ufficio di Piano (coordinator and staff) runs the path, the tables,
 * the open call and its admissions, the needs register, the questionnaires, the answers to proposals, moderation and
 * the co-designed projects. A third-sector member acts only for its own organisation: it replies to meetings, brings
 * needs and proposals, comments, answers questionnaires and leaves a table; its draft proposals and its answers are
 * seen by no other organisation. Every member role of the Ambito and the Region's reviewer read the rest; a comune
 * referent, a mayor and the regional reviewer only read. Anyone, signed in or not, may apply to an open call and
 * answer a questionnaire opened by a public link (the commands check that the call or questionnaire is open).
 */
export function can(actor: Actor, action: ParticipationAction, subject: ParticipationSubject): boolean {
  const office = hasAmbitoRole(actor, subject, UFFICIO_DI_PIANO);
  switch (action) {
    case 'participation.read':
      return hasAmbitoRole(actor, subject, AMBITO_READERS);
    case 'call.apply':
    case 'questionnaire.answerPublic':
      return true;
    case 'path.write':
    case 'table.write':
    case 'call.write':
    case 'application.decide':
    case 'need.write':
    case 'proposal.answer':
    case 'content.moderate':
    case 'questionnaire.write':
    case 'responses.read':
    case 'project.write':
      return office;
    case 'membership.leave':
      return office || actsFor(actor, subject);
    case 'need.submit':
    case 'comment.write':
      return office || memberOrganisationIds(actor, subject.id).length > 0;
    case 'meeting.reply':
    case 'proposal.submit':
    case 'proposal.readDraft':
    case 'questionnaire.answer':
      return actsFor(actor, subject);
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, PARTICIPATION_ACTIONS);
