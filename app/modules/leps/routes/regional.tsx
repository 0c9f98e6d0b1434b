import { redirect } from 'react-router';
import type { Route } from './+types/regional';

/**
 * The regional LEPS table is now the LEPS view of the regional workspace (module region), which reads the figures
 * computed once per Ambito instead of building every Ambito's dashboard at each request: old links land there.
 */
export function loader({ params, request }: Route.LoaderArgs) {
  const q = new URLSearchParams({ vista: 'leps' });
  const year = new URL(request.url).searchParams.get('anno');
  if (year) q.set('anno', year);
  return redirect(`/regioni/${encodeURIComponent(params.regionCode)}?${q}`, 301);
}
