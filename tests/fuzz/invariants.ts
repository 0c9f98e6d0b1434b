// What any value accepted by the application's input rules must respect (issue 16), whatever was typed: record ids are
// UUIDs; dates are days of the calendar within 1900–2100; money is integer cents from 0 to 10^13; whole numbers fit
// their columns; texts hold no C0 control character other than tab, line feed and carriage return.
import { DATE_RANGE, hasControlCharacters, isIsoDateInRange, isUuid, MAX_CENTS, PG_INTEGER_MAX, YEAR_RANGE } from '../../app/shared/validation.ts';

/** The names of fields whose text is never stored as such (a password is hashed), so it may hold any character. */
const NOT_STORED = /^(password|currentPassword|newPassword|redirectTo)$/;

/** Fields named …Id that hold a code, not a record id. */
const CODE_NAMES = /^(templateId)$/;

const isIdName = (key: string) => /(^id$|Id$)/.test(key) && !CODE_NAMES.test(key);
const isIdListName = (key: string) => /Ids$/.test(key);
const isDateName = (key: string) => /(^date$|Date$|^deadline$|On$|^valid(From|To)$|^active(From|To)$)/.test(key);
const isYearName = (key: string) => /(^year$|Year$|^anno$)/.test(key);
const isMoneyName = (key: string) => /(cents|Cents|euro|Euro|^amount$|Amount$)/.test(key);

/**
 * The problems of an accepted (parsed) value, as «path: problem»; empty when it respects the invariants. Names tell
 * what a field holds: `…Id` a UUID, `date`/`…Date`/`…On`/`validFrom` a day, `year`/`…Year` a year, `…Cents`/`…Euro`
 * money in cents.
 */
export function invariantProblems(value: unknown, key = '', path = '(valore)'): string[] {
  if (typeof value === 'string') {
    const problems: string[] = [];
    const shown = JSON.stringify(value.slice(0, 40));
    if (!NOT_STORED.test(key) && hasControlCharacters(value)) problems.push(`${path}: testo con caratteri di controllo ${shown}`);
    if ((isIdName(key) || isIdListName(key)) && !isUuid(value)) problems.push(`${path}: id non UUID ${shown}`);
    if (isDateName(key) && !isIsoDateInRange(value)) problems.push(`${path}: data non valida o fuori da ${DATE_RANGE.min}…${DATE_RANGE.max}: ${shown}`);
    return problems;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return [`${path}: numero non finito ${value}`];
    if (isMoneyName(key)) return Number.isSafeInteger(value) && value >= 0 && value <= MAX_CENTS ? [] : [`${path}: importo non in centesimi 0…10^13: ${value}`];
    if (isYearName(key))
      return Number.isInteger(value) && value >= YEAR_RANGE.min && value <= YEAR_RANGE.max ? [] : [`${path}: anno fuori da 1900…2100: ${value}`];
    // A percentage or a full-time equivalent is a decimal (a double precision column), not a count.
    if (Number.isInteger(value) && Math.abs(value) > PG_INTEGER_MAX && !/(percent|Percent|fte|Fte)/.test(key))
      return [`${path}: intero oltre 2^31 − 1: ${value}`];
    return [];
  }
  if (typeof value === 'bigint') return [`${path}: bigint ${value}`];
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return [`${path}: data non valida`];
    const year = value.getUTCFullYear();
    return year >= YEAR_RANGE.min - 1 && year <= YEAR_RANGE.max + 1 ? [] : [`${path}: istante fuori da 1900…2100: ${value.toISOString()}`];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => invariantProblems(v, key, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    if (value instanceof Uint8Array || value instanceof Blob) return [];
    return Object.entries(value).flatMap(([k, v]) => [
      ...(hasControlCharacters(k) ? [`${path}: chiave con caratteri di controllo ${JSON.stringify(k)}`] : []),
      ...invariantProblems(v, k, `${path}.${k}`),
    ]);
  }
  return [];
}
