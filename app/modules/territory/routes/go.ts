import { redirect } from 'react-router';
import type { Route } from './+types/go';

/** The Ambito switcher's target (a GET form, so it works without JavaScript). */
export function loader({ request }: Route.LoaderArgs) {
  const code = new URL(request.url).searchParams.get('ambito') ?? '';
  if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(code)) throw redirect('/');
  throw redirect(`/ambiti/${code}`);
}
