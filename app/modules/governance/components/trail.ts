// The breadcrumbs of the governance pages: from the Ambito to the list of bodies (or the registry), then the body and
// the meeting a page belongs to.
import type { Crumb, TFunction } from '../../../shared/ui/kit.ts';

type Ambito = { code: string; name: string };

/** The Ambito, the list of its bodies, then `body` and `meeting` when given. */
export function bodiesTrail(t: TFunction, ambito: Ambito, body?: { id: string; name: string } | null, meeting?: { id: string; title: string } | null): Crumb[] {
  const home = `/ambiti/${ambito.code}`;
  return [
    { label: ambito.name, data: true, to: home },
    { label: t('gov.bodies.title'), to: `${home}/organi` },
    ...(body ? [{ label: body.name, data: true, to: `${home}/organi/${body.id}` }] : []),
    ...(meeting ? [{ label: meeting.title, data: true, to: `${home}/riunioni/${meeting.id}` }] : []),
  ];
}

/** The Ambito and its registry of organisations and people. */
export const registryTrail = (t: TFunction, ambito: Ambito): Crumb[] => [
  { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
  { label: t('gov.orgs.title'), to: `/ambiti/${ambito.code}/organizzazioni` },
];
