import { Link, redirect } from 'react-router';
import type { Route } from './+types/home';
import { AMBITO_READERS, hasAmbitoRole } from '../../../shared/auth/actor.ts';
import { getActor, getServices } from '../../../shared/http/request.server.ts';
import { EmptyState, PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { listAmbiti, listAmbitoComuni } from '../territory.queries.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const actor = getActor(context);
  const ambiti = await listAmbiti(getServices(context).db);
  // A member of exactly one Ambito goes straight to it; everyone else chooses.
  const mine = actor.kind === 'user' ? ambiti.filter((a) => actor.grants.some((g) => g.role !== 'admin') && hasAmbitoRole(actor, a, AMBITO_READERS)) : [];
  // A comune referent (and nothing else) lands on what the Ufficio di Piano is waiting for from its comune.
  const referent = actor.kind === 'user' && actor.grants.length === 1 && actor.grants[0]!.role === 'comune_referent' ? actor.grants[0]! : null;
  const ambito = referent ? ambiti.find((a) => a.id === referent.ambitoId) : undefined;
  if (referent?.comuneId && ambito) {
    const comune = (await listAmbitoComuni(getServices(context).db, ambito.id)).find((c) => c.id === referent.comuneId);
    if (comune) throw redirect(`/ambiti/${ambito.code}/comuni/${comune.istatCode}/da-fare`);
  }
  if (mine.length === 1) throw redirect(`/ambiti/${mine[0]!.code}`);
  return { ambiti };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.lead')} />
      {loaderData.ambiti.length === 0 ? (
        <EmptyState title={t('home.empty')} />
      ) : (
        <ul className="list-group">
          {loaderData.ambiti.map((a) => (
            <li key={a.code} className="list-group-item" translate="no">
              <Link to={`/ambiti/${a.code}`} className="fw-semibold">
                {a.name}
              </Link>{' '}
              <span className="text-secondary">— {a.regionName}</span>
              <span className="d-block small" translate="yes">
                <Link to={`/portale/${a.code}`}>{t('portal.link.open')}</Link>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
