// The panel the data requests show on a comune's landing page (territory's «da fare»): what the Ufficio di Piano is
// still waiting for from the comune in the open requests, with the deadlines.
import { eq } from 'drizzle-orm';
import type { PanelProvider } from '../../shared/panels.server.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { ambiti, today as todayIso } from '../territory/index.server.ts';
import { can } from './collection.policy.ts';
import { pendingForComune } from './collection.queries.ts';

export const comunePanel: PanelProvider = async (db, subject, actor) => {
  if (subject.kind !== 'comune') return null;
  const [ambito] = await db.select({ id: ambiti.id, regionCode: ambiti.regionCode }).from(ambiti).where(eq(ambiti.id, subject.ambitoId));
  if (!ambito || !can(actor, 'entry.read', { ...ambito, comuneId: subject.comuneId })) return null;
  const pending = await pendingForComune(db, subject.ambitoId, subject.comuneId);
  const f = serverFormat();
  const today = todayIso();
  const count = pending.reduce((s, p) => s + p.items.length, 0);
  return {
    id: 'raccolte',
    title: 'coll.panel.title',
    summary: count ? { key: 'coll.panel.summary', params: { count } } : null,
    empty: 'coll.panel.empty',
    items: pending.map((p) => ({
      label: p.request.title,
      state: p.request.deadline < today ? 'late' : 'todo',
      detail: {
        key: 'coll.panel.item',
        params: {
          deadline: f.date(p.request.deadline),
          items: p.items.map((i) => `${tr(`coll.item.${i.item}` as MessageKey)} (${tr(`coll.state.${i.state}` as MessageKey).toLowerCase()})`).join('; '),
        },
      },
      href: `/ambiti/${subject.ambitoCode}/raccolte/${p.request.id}/comuni/${subject.istatCode}`,
    })),
    link: { href: `/ambiti/${subject.ambitoCode}/raccolte`, label: 'coll.panel.link' },
  };
};

export const panelProviders = [comunePanel];
