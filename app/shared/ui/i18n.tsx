import { useRouteLoaderData } from 'react-router';
import { formatDate, formatDateTime, formatNumber, translate, type Locale, type MessageKey } from '../i18n/messages.ts';

interface RootData {
  locale: Locale;
}

/** The current language and its helpers, from the root loader (Italian when it is not available). */
export function useI18n() {
  const root = useRouteLoaderData('root') as RootData | undefined;
  const locale: Locale = root?.locale ?? 'it';
  return {
    locale,
    t: (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params),
    n: (value: number, digits = 0) => formatNumber(locale, value, digits),
    dt: (value: Date | string) => formatDateTime(locale, value),
    d: (value: Date | string) => formatDate(locale, value),
  };
}
