// The shape of a panel (client-safe): see panels.server.ts for how modules provide them.
import type { MessageKey } from './i18n/messages.ts';

/** The page a panel is shown on, and the record it is about. */
export type PanelSubject =
  | { kind: 'plan'; planId: string; ambitoId: string; ambitoCode: string }
  | { kind: 'objective'; objectiveId: string; planId: string; ambitoId: string; ambitoCode: string }
  | { kind: 'comune'; comuneId: string; istatCode: string; ambitoId: string; ambitoCode: string };

export type PanelItemState = 'done' | 'current' | 'todo' | 'late';

/** One line of a panel: a label as entered (data: not translated), its state, a detail and a link. */
export interface PanelItem {
  label: string;
  state?: PanelItemState | null;
  /** A dictionary sentence about the item (e.g. its dates), with its values. */
  detail?: { key: MessageKey; params?: Record<string, string | number> } | null;
  href?: string | null;
}

export interface Panel {
  id: string;
  title: MessageKey;
  /** A sentence summing the panel up (e.g. «Fase 3 di 6: sintesi dell'Ufficio di Piano»), with its values. */
  summary?: { key: MessageKey; params?: Record<string, string | number> } | null;
  items: PanelItem[];
  /** Where the whole story is told. */
  link?: { href: string; label: MessageKey } | null;
  /** Shown when there are no items. */
  empty?: MessageKey | null;
}
