import { Outlet } from 'react-router';
import type { Route } from './+types/layout';
import { getServices } from '../../../shared/http/request.server.ts';
import { latestPublishedReport } from '../../reports/index.server.ts';
import { requirePortalAmbito } from '../portal.server.ts';
import { PortalNav, PublicationRules } from '../portal.ui.tsx';

/** Every portal page: the Ambito must exist (404 otherwise); its sub-navigation above, the publication rules below. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  // The social-impact report, once one is published (reports module).
  return { code: ambito.code, impactReport: (await latestPublishedReport(db, ambito.id)) !== null };
}

export default function PortalLayout({ loaderData }: Route.ComponentProps) {
  return (
    <div className="portal">
      <PortalNav code={loaderData.code} impactReport={loaderData.impactReport} />
      <Outlet />
      <PublicationRules />
    </div>
  );
}
