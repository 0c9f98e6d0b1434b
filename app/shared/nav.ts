import type { AmbitoScope } from './auth/actor.ts';
import type { MessageKey } from './i18n/messages.ts';

/** One entry of the main menu. `order` places it among the entries of every module (lower first). */
export interface NavEntry {
  key: MessageKey;
  href: string;
  order: number;
}

/** The Ambito the menu is built for (null: no Ambito chosen). */
export type NavAmbito = (AmbitoScope & { code: string }) | null;
