import type { Route } from './+types/home';
import { PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { readParticipation } from './participation.server.ts';

/** The participation home of an Ambito: where each part of the path, the tables and the contributions stand. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { ambito } = await readParticipation(context, request, params.code);
  return { ambito };
}

export default function ParticipationHome({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { ambito } = loaderData;
  return (
    <PageHeader
      title={t('part.home.title')}
      context={ambito.name}
      lead={t('part.home.lead')}
      breadcrumb={[{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }]}
    />
  );
}
