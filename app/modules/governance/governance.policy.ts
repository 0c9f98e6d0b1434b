import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, memberOrganisationIds, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type GovernanceAction =
  | 'governance.read'
  | 'organisation.write'
  | 'body.write'
  | 'member.end'
  | 'meeting.create'
  | 'meeting.write'
  | 'decision.write'
  | 'agreement.write'
  | 'outbox.read';

/**
 * Governance actions are checked against the Ambito the records belong to; ending a membership also against the
 * organisation the member sits for (`organisationId`).
 */
export type GovernanceSubject = AmbitoScope & { organisationId?: string | null };

/**
 * Governance policy. The Ufficio di Piano (coordinator and staff) keeps the registry, the bodies, their meetings,
 * decisions and the Accordo di programma, with the system administrator. Every member role of the Ambito
 * (comune referents, third-sector members, mayors) and the regional reviewer of its Region read them; the reviewer
 * never writes. Meetings of every body, the Assemblea / Comitato / Tavolo dei Sindaci included, are convened by the
 * Ufficio di Piano (seed 002: it «supporta l’Assemblea dei Sindaci ed il Tavolo dei Tecnici», L738, which
 * coordinates the Tavoli Tematici, L691, and it coordinates the parties and adherents of the Accordo, L765): a
 * third-sector member reads the meetings of the Assemblea but cannot create them. The outbox holds people's e-mail
 * addresses, so only those who send the convocations read it. A membership is ended by the Ufficio di Piano, or by the
 * third-sector member of the organisation the member sits for (its organisation leaves a thematic table: participation).
 */
export function can(actor: Actor, action: GovernanceAction, subject: GovernanceSubject): boolean {
  switch (action) {
    case 'governance.read':
      return hasAmbitoRole(actor, subject, AMBITO_READERS);
    case 'organisation.write':
    case 'meeting.create':
    case 'body.write':
    case 'meeting.write':
    case 'decision.write':
    case 'agreement.write':
    case 'outbox.read':
      return hasAmbitoRole(actor, subject, UFFICIO_DI_PIANO);
    case 'member.end':
      return (
        hasAmbitoRole(actor, subject, UFFICIO_DI_PIANO) ||
        (!!subject.organisationId && memberOrganisationIds(actor, subject.id).includes(subject.organisationId))
      );
  }
}

export const authorize = makeAuthorize(can);
export const GOVERNANCE_ACTIONS = [
  'governance.read',
  'organisation.write',
  'body.write',
  'member.end',
  'meeting.create',
  'meeting.write',
  'decision.write',
  'agreement.write',
  'outbox.read',
] as const satisfies readonly GovernanceAction[];
export const abilitiesFor = makeAbilities(can, GOVERNANCE_ACTIONS);
