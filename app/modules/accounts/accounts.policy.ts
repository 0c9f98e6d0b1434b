import { type Actor, isAdmin } from '../../shared/auth/actor.ts';
import { makeAuthorize } from '../../shared/auth/policy.ts';

export type AccountsAction = 'user.manage' | 'token.manage' | 'profile.read';

/** Accounts policy: everyone signed in manages their own profile and tokens; administrators manage users. */
export function can(actor: Actor, action: AccountsAction, subject: { userId: string } | null): boolean {
  switch (action) {
    case 'user.manage':
      return isAdmin(actor);
    case 'profile.read':
    case 'token.manage':
      return actor.kind === 'user' && (subject === null || subject.userId === actor.userId);
  }
}

export const authorize = makeAuthorize(can);
