import type { Route } from './+types/me';
import { getActor } from '../../../shared/http/request.server.ts';
import { apiJson } from '../api.server.ts';
import { Me } from '../api.schemas.ts';

export function loader({ context }: Route.LoaderArgs) {
  return apiJson(context, async () => {
    const actor = getActor(context);
    return Me.parse({
      authenticated: actor.kind === 'user',
      user: actor.kind === 'user' ? { email: actor.email, name: actor.name, via: actor.via, roles: actor.grants } : null,
    });
  });
}
