// Participation's panels on planning's pages (app/shared/panels.server.ts): the plan's path on the plan page, and the
// needs, proposals, meetings and organisations behind an objective on the objective page.
import type { Actor } from '../../shared/auth/actor.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import { isOutcome } from './participation.proposals.rules.ts';
import { NEED_SOURCES, type NeedSource } from './participation.needs.rules.ts';
import { objectiveTrail } from './participation.trail.queries.ts';
import { serverFormat } from '../../shared/i18n/tr.server.ts';
import type { Panel, PanelItem, PanelProvider, PanelSubject } from '../../shared/panels.server.ts';
import { loadScope } from './participation.command.ts';
import { getPathView, type PathStepView } from './participation.path.queries.ts';
import { can } from './participation.policy.ts';

/** The sentence under a step: when it closed, started or is planned (dates in the request's language). */
function stepDetail(s: PathStepView, date: (iso: string) => string): PanelItem['detail'] {
  if (s.closedOn) return { key: 'part.path.panel.closed', params: { date: date(s.closedOn) } };
  if (s.startedOn)
    return s.plannedTo
      ? { key: 'part.path.panel.startedDue', params: { date: date(s.startedOn), to: date(s.plannedTo) } }
      : { key: 'part.path.panel.started', params: { date: date(s.startedOn) } };
  if (s.plannedFrom && s.plannedTo) return { key: 'part.path.panel.planned', params: { from: date(s.plannedFrom), to: date(s.plannedTo) } };
  if (s.plannedTo) return { key: 'part.path.panel.plannedTo', params: { to: date(s.plannedTo) } };
  if (s.plannedFrom) return { key: 'part.path.panel.plannedFrom', params: { from: date(s.plannedFrom) } };
  return null;
}

/**
 * Where the plan stands on its planning path: each step with its state and dates, «Fase N di M: <nome>», and the
 * link to the path page for those who may read it (the Ambito's members and the Region's reviewer). The panel holds
 * no personal data: it is shown to whoever sees the plan page (everyone, once the plan is adopted).
 */
export const planPathPanel: PanelProvider = async (db, subject, actor): Promise<Panel | null> => {
  if (subject.kind !== 'plan') return null;
  const [view, scope] = await Promise.all([getPathView(db, subject.ambitoId, subject.planId), loadScope(db, subject.ambitoId)]);
  const f = serverFormat();
  const p = view.position;
  const current = p ? view.steps[p.index] : undefined;
  return {
    id: 'percorso',
    title: 'part.path.panel.title',
    summary: !p
      ? null
      : p.complete
        ? { key: 'part.path.summaryComplete', params: { total: p.total } }
        : { key: 'part.path.summary', params: { step: p.step, total: p.total, name: current!.name } },
    items: view.steps.map((s) => ({ label: `${s.number}. ${s.name}`, state: s.state, detail: stepDetail(s, f.date) })),
    link: can(actor, 'participation.read', scope)
      ? { href: `/ambiti/${subject.ambitoCode}/piani/${subject.planId}/percorso`, label: 'part.path.panel.link' }
      : null,
    empty: 'part.path.panel.empty',
  };
};

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
export const panelProviders: PanelProvider[] = [planPathPanel, objectiveTrailPanel];
