import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import type { Actor } from './actor.ts';

/**
 * Builds a module's `authorize` from its pure `can` function. A refusal is 401 for the anonymous (so the
 * UI can offer to sign in) and 403 for a signed-in user; `hide: true` answers 404 instead, so that the
 * existence of a record outside the actor's scope does not leak.
 */
export function makeAuthorize<A extends string, S>(can: (actor: Actor, action: A, subject: S) => boolean) {
  return function authorize(actor: Actor, action: A, subject: S, options: { hide?: boolean } = {}): void {
    if (can(actor, action, subject)) return;
    if (actor.kind === 'anonymous') throw new UnauthenticatedError();
    if (options.hide) throw new NotFoundError();
    throw new ForbiddenError();
  };
}

/** The abilities map sent to the UI so that it shows only the buttons the server would accept. */
export function makeAbilities<A extends string, S>(can: (actor: Actor, action: A, subject: S) => boolean, actions: readonly A[]) {
  return (actor: Actor, subject: S) => Object.fromEntries(actions.map((a) => [a, can(actor, a, subject)])) as Record<A, boolean>;
}
