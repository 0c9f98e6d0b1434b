// Reports' panel on planning's plan page (app/shared/panels.server.ts): the plan's documents — the adoption's document
// and the latest ones generated — with the link to the page that generates them.
import { serverFormat } from '../../shared/i18n/tr.server.ts';
import type { Panel, PanelProvider } from '../../shared/panels.server.ts';
import { getPlanHeader } from '../planning/index.server.ts';
import { can } from './reports.policy.ts';
import { documentHref, listPlanDocuments } from './documents.queries.ts';

/** Up to four finished documents of the plan this actor may read, the adoption's first; the link for the Ambito's members. */
export const planDocumentsPanel: PanelProvider = async (db, subject, actor): Promise<Panel | null> => {
  if (subject.kind !== 'plan') return null;
  const header = await getPlanHeader(db, subject.planId);
  if (!header) return null;
  const member = can(actor, 'document.read', header.scope);
  const rows = (await listPlanDocuments(db, subject.planId)).filter((r) => r.status === 'done' && (member || r.adoption));
  if (!member && rows.length === 0) return null;
  const f = serverFormat();
  const shown = [...rows.filter((r) => r.adoption), ...rows.filter((r) => !r.adoption)].slice(0, 4);
  return {
    id: 'documento',
    title: 'rep.panel.title',
    summary: null,
    items: shown.map((r) => ({
      label: `${r.format.toUpperCase()} — ${r.planVersionLabel ?? ''}`,
      state: r.adoption ? 'done' : null,
      detail: { key: 'rep.panel.item', params: { date: f.dateTime(r.finishedAt ?? r.createdAt), size: f.fileSize(r.bytes ?? 0) } },
      href: documentHref(subject.ambitoCode, subject.planId, r.id),
    })),
    link: member ? { href: `/ambiti/${subject.ambitoCode}/piani/${subject.planId}/documento`, label: 'rep.panel.link' } : null,
    empty: 'rep.panel.empty',
  };
};

export const panelProviders = [planDocumentsPanel];
