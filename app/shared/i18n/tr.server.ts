import { currentRequestLocale } from '../log.ts';
import { isLocale, PSEUDO_LOCALE, translate, type MessageKey, type UiLocale } from './messages.ts';
import { formatterFor } from '../format/index.ts';
import { formatLocale } from './messages.ts';

/** The language of the request being served (Italian outside a request: scripts, tests, the mail worker). */
export function requestLocale(): UiLocale {
  const l = currentRequestLocale();
  return isLocale(l) || l === PSEUDO_LOCALE ? (l as UiLocale) : 'it';
}

/**
 * A message written on the server — a command's error or confirmation — in the language of the person asking.
 * Commands call it where they build the message, so the same command answers an Italian and an English user.
 */
export function tr(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(requestLocale(), key, params);
}

/** Formatters in the request's language, for messages that carry figures. */
export const serverFormat = () => formatterFor(formatLocale(requestLocale()));
