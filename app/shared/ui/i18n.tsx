import { useRouteLoaderData } from 'react-router';
import { formatterFor } from '../format/index.ts';
import { formatLocale, translate, type MessageKey, type UiLocale } from '../i18n/messages.ts';

interface RootData {
  locale: UiLocale;
}

export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The current language and its helpers, from the root loader (Italian when it is not available): `t` for the
 * dictionaries, `f` for numbers, money, percentages and dates (app/shared/format).
 */
export function useI18n() {
  const root = useRouteLoaderData('root') as RootData | undefined;
  const locale: UiLocale = root?.locale ?? 'it';
  const f = formatterFor(formatLocale(locale));
  const t: TFunction = (key, params) => translate(locale, key, params);
  return {
    locale,
    t,
    f,
  };
}
