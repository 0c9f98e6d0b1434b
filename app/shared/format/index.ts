/**
 * How Cantiere writes numbers, money, percentages, dates and periods, in the reader's language — the only place
 * that builds an Intl formatter. Rules and queries return numbers and ISO dates; pages format them here.
 * Decisions (ADR 0006 and 0011): money is integer cents, shown in euro with cents only when there are any
 * («1.480.000 €», «40.000,50 €»); a percentage keeps two decimals and a space before the sign («73,04 %»); a day is
 * «02/12/2024»; a missing figure is «n.d.» (not available), never 0.
 */
export type Locale = 'it' | 'en';

const TAG: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** «n.d.» / «n/a»: a figure that is not available (never shown as 0). */
export const notAvailable = (locale: Locale) => (locale === 'it' ? 'n.d.' : 'n/a');

/** A number with exactly `decimals` digits after the separator (1.234; 30,71). */
export function formatNumber(locale: Locale, n: number, decimals = 0): string {
  return cached(
    `n:${locale}:${decimals}`,
    () => new Intl.NumberFormat(TAG[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: 'always' }),
  ).format(n);
}

/** A number with at most `decimals` digits (5.000; 4.940,5). */
export function formatNumberUpTo(locale: Locale, n: number, decimals: number): string {
  return cached(`nu:${locale}:${decimals}`, () => new Intl.NumberFormat(TAG[locale], { maximumFractionDigits: decimals, useGrouping: 'always' })).format(n);
}

/** A count, or «n.d.» when it is not known. */
export const formatCount = (locale: Locale, n: number | null | undefined) => (n === null || n === undefined ? notAvailable(locale) : formatNumber(locale, n));

/** Euro from integer cents: «1.480.000 €», «40.000,50 €» (en: «€1,480,000», «€40,000.50»); null is «n.d.». */
export function formatMoney(locale: Locale, cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return notAvailable(locale);
  const decimals = cents % 100 === 0 ? 0 : 2;
  return cached(
    `m:${locale}:${decimals}`,
    () =>
      new Intl.NumberFormat(TAG[locale], {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
        useGrouping: 'always',
      }),
  ).format(cents / 100);
}

/** A percentage already multiplied by 100: «73,04 %» (en «73.04%»); null (not computable) is «n.d.». */
export function formatPercent(locale: Locale, value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return notAvailable(locale);
  const n = formatNumber(locale, value, decimals);
  return locale === 'it' ? `${n} %` : `${n}%`;
}

/** A ratio numerator/denominator as a percentage, or «n.d.» when the denominator is 0. */
export const formatRatio = (locale: Locale, numerator: number, denominator: number, decimals = 2) =>
  formatPercent(locale, denominator === 0 ? null : (numerator * 100) / denominator, decimals);

/** A full-time-equivalent figure: always two decimals (30,7138 → «30,71»; 11 → «11,00»). */
export const formatFte = (locale: Locale, n: number) => formatNumber(locale, n, 2);

const dayOf = (d: Date | string) => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T12:00:00Z`) : new Date(d));

/** A day: «02/12/2024»; an ISO day («2024-12-02») is read as that day wherever the server runs. Null is «—». */
export function formatDate(locale: Locale, d: Date | string | null | undefined): string {
  if (d === null || d === undefined || d === '') return '—';
  return cached(
    `d:${locale}`,
    () => new Intl.DateTimeFormat(TAG[locale], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Rome' }),
  ).format(dayOf(d));
}

/** A day in words, for documents and headings: «2 dicembre 2024» / «2 December 2024». */
export function formatDateLong(locale: Locale, d: Date | string): string {
  return cached(`dl:${locale}`, () => new Intl.DateTimeFormat(TAG[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' })).format(
    dayOf(d),
  );
}

/** A moment, in Rome's time: «02/12/2024, 09:30:00». */
export function formatDateTime(locale: Locale, d: Date | string): string {
  return cached(
    `dt:${locale}`,
    () =>
      new Intl.DateTimeFormat(TAG[locale], {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZone: 'Europe/Rome',
      }),
  ).format(new Date(d));
}

/** A time of day: «09:30». */
export function formatTime(locale: Locale, d: Date | string): string {
  return cached(`t:${locale}`, () => new Intl.DateTimeFormat(TAG[locale], { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' })).format(new Date(d));
}

/** A span of years: «2025–2027» (one year alone: «2025»). */
export const formatYears = (start: number, end: number) => (start === end ? String(start) : `${start}–${end}`);

/** A file size: «1,2 MB», «350 kB». */
export const formatFileSize = (locale: Locale, bytes: number) =>
  bytes >= 1024 * 1024 ? `${formatNumber(locale, bytes / 1024 / 1024, 1)} MB` : `${formatNumber(locale, Math.max(1, Math.round(bytes / 1024)))} kB`;

// ───────────────────────────── parsers (Italian input) ─────────────────────────────

/** Why a typed number was refused; callers turn the reason into a message that says where. */
export type ParseFailure = 'missing' | 'negative' | 'invalid' | 'too_many_decimals' | 'too_large';
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ParseFailure };

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * A number as Italians type it: «12», «1.234», «1.234,5», «0,75», and «12.5» (a single dot followed by one or two
 * digits is a decimal point, as in spreadsheets; followed by three digits it is a thousands separator). Negative
 * numbers with a leading minus. Blank is `null`; anything else unreadable is NaN.
 */
export function parseItalianNumber(raw: string): number | null {
  let t = raw.replace(SPACES, '');
  if (!t) return null;
  let sign = 1;
  if (/^[-−]/.test(t)) {
    sign = -1;
    t = t.slice(1);
  }
  let normal: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normal = t.replaceAll('.', '').replace(',', '.');
  else if (/^\d+(,\d+)?$/.test(t)) normal = t.replace(',', '.');
  else if (/^\d+\.\d{1,2}$/.test(t)) normal = t;
  else return Number.NaN;
  return sign * Number(normal);
}

/**
 * An amount in euro, to integer cents: «1.234,56», «1234,56», «1.234», «1234», «1234.5», «€ 1.234,00». At most two
 * decimals; negative amounts are refused.
 */
export function parseEuroCents(raw: string): Parsed<number> {
  const s = raw.replace(SPACES, '').replace(/^€|€$/g, '');
  if (s === '') return { ok: false, reason: 'missing' };
  if (/^[-−]/.test(s)) return { ok: false, reason: 'negative' };
  let euros: string;
  let decimals = '';
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{1,3}(?:\.\d{3})+|\d+),(\d+)$/))) {
    euros = m[1]!.replace(/\./g, '');
    decimals = m[2]!;
  } else if (/^\d{1,3}(?:\.\d{3})+$/.test(s) || /^\d+$/.test(s)) {
    euros = s.replace(/\./g, '');
  } else if ((m = s.match(/^(\d+)\.(\d{1,2})$/))) {
    euros = m[1]!;
    decimals = m[2]!;
  } else return { ok: false, reason: 'invalid' };
  if (decimals.length > 2) return { ok: false, reason: 'too_many_decimals' };
  const cents = Number(euros) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return { ok: false, reason: 'too_large' };
  return { ok: true, value: cents };
}

/** A whole count: «4418» or «4.418». Blank is null (not recorded). */
export function parseCount(raw: string): Parsed<number | null> {
  const s = raw.replace(SPACES, '');
  if (s === '') return { ok: true, value: null };
  if (/^[-−]/.test(s)) return { ok: false, reason: 'negative' };
  if (/^\d+$/.test(s) || /^\d{1,3}(?:\.\d{3})+$/.test(s)) {
    const n = Number(s.replace(/\./g, ''));
    return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, reason: 'too_large' };
  }
  return { ok: false, reason: 'invalid' };
}

/** An object with every formatter bound to one language, for pages (`useFormat()`) and server-side documents. */
export function formatterFor(locale: Locale) {
  return {
    locale,
    number: (n: number, decimals = 0) => formatNumber(locale, n, decimals),
    numberUpTo: (n: number, decimals: number) => formatNumberUpTo(locale, n, decimals),
    count: (n: number | null | undefined) => formatCount(locale, n),
    money: (cents: number | null | undefined) => formatMoney(locale, cents),
    percent: (value: number | null | undefined, decimals = 2) => formatPercent(locale, value, decimals),
    ratio: (numerator: number, denominator: number, decimals = 2) => formatRatio(locale, numerator, denominator, decimals),
    fte: (n: number) => formatFte(locale, n),
    date: (d: Date | string | null | undefined) => formatDate(locale, d),
    dateLong: (d: Date | string) => formatDateLong(locale, d),
    dateTime: (d: Date | string) => formatDateTime(locale, d),
    time: (d: Date | string) => formatTime(locale, d),
    years: formatYears,
    fileSize: (bytes: number) => formatFileSize(locale, bytes),
    na: notAvailable(locale),
  };
}
export type Formatter = ReturnType<typeof formatterFor>;
