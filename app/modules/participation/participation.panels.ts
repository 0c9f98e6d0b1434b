// Participation's panels on planning's pages (app/shared/panels.server.ts): the plan's path on the plan page, and the
// needs, proposals, meetings and organisations behind an objective on the objective page.
import type { Actor } from '../../shared/auth/actor.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import type { Panel, PanelProvider, PanelSubject } from '../../shared/panels.server.ts';
import { loadScope } from './participation.command.ts';
import { isOutcome } from './participation.proposals.rules.ts';
import { NEED_SOURCES, type NeedSource } from './participation.needs.rules.ts';
import { can } from './participation.policy.ts';
import { objectiveTrail } from './participation.trail.queries.ts';

/** The objective's trail (needs and proposals behind it), for the readers of the Ambito's participation. */
export const objectiveTrailPanel: PanelProvider = async (db: DbOrTx, subject: PanelSubject, actor: Actor): Promise<Panel | null> => {
  if (subject.kind !== 'objective') return null;
  const scope = await loadScope(db, subject.ambitoId);
  if (!can(actor, 'participation.read', scope)) return null;
  const trail = await objectiveTrail(db, subject.ambitoId, subject.objectiveId);
  const base = `/ambiti/${subject.ambitoCode}/partecipazione`;
  return {
    id: 'partecipazione-traccia',
    title: 'part.trail.panel.title',
    summary: {
      key: 'part.trail.panel.summary',
      params: { needs: trail.needs.length, proposals: trail.proposals.length, organisations: trail.organisations.length },
    },
    items: [
      ...trail.needs.map((n) => ({
        label: n.statement,
        detail: { key: `part.needs.source.${(NEED_SOURCES as readonly string[]).includes(n.sourceKind) ? (n.sourceKind as NeedSource) : 'incontro'}` as const },
        href: `${base}/bisogni/${n.id}`,
      })),
      ...trail.proposals.map((p) => ({
        label: p.title ?? '—',
        state: p.outcome ? ('done' as const) : ('current' as const),
        detail: { key: isOutcome(p.outcome) ? (`part.proposals.outcome.${p.outcome}` as const) : ('part.proposals.outcome.none' as const) },
        href: `${base}/proposte/${p.id}`,
      })),
    ],
    link: { href: `${base}/obiettivi/${subject.objectiveId}`, label: 'part.trail.panel.link' },
    empty: 'part.trail.panel.empty',
  };
};

/** The providers the registry registers, in the order their panels appear. */
export const panelProviders: PanelProvider[] = [objectiveTrailPanel];
