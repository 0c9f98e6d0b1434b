import { type Actor, type AmbitoScope, hasAmbitoRole, isAdmin, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAuthorize } from '../../shared/auth/policy.ts';

export type AccountsAction = 'user.manage' | 'token.manage' | 'profile.read' | 'member.enrol';

/**
 * Accounts policy: everyone signed in manages their own profile and tokens; administrators manage users; the Ufficio
 * di Piano of an Ambito enrols the accounts of the third-sector organisations it admits to its tables (participation).
 */
export function can(actor: Actor, action: AccountsAction, subject: { userId: string } | AmbitoScope | null): boolean {
  switch (action) {
    case 'member.enrol':
      return subject !== null && 'regionCode' in subject && hasAmbitoRole(actor, subject, UFFICIO_DI_PIANO);
    case 'user.manage':
      return isAdmin(actor);
    case 'profile.read':
    case 'token.manage':
      return actor.kind === 'user' && (subject === null || ('userId' in subject && subject.userId === actor.userId));
  }
}

export const authorize = makeAuthorize(can);
