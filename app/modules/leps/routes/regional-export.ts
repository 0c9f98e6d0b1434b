import { redirect } from 'react-router';
import type { Route } from './+types/regional-export';

/** The regional LEPS export is the regional workspace's export of its LEPS view now (see routes/regional.tsx). */
export function loader({ params, request }: Route.LoaderArgs) {
  const q = new URLSearchParams({ vista: 'leps' });
  const year = new URL(request.url).searchParams.get('anno');
  if (year) q.set('anno', year);
  return redirect(`/regioni/${encodeURIComponent(params.regionCode)}/esporta.csv?${q}`, 301);
}
