import { measurePublishable, publishCount } from '../../shared/privacy/suppress.ts';

/**
 * The privacy rule of the public API (art. 26 c.4 D.Lgs. 33/2013, app/shared/privacy/suppress.ts): a caller who does not
 * read the Ambito from the inside gets every count of people below the threshold suppressed (null, `suppressed: true`).
 * A plan's count indicators are treated as counts of people — the kind does not say whether they count people, and most
 * do (users taken in charge, families, PAI) —, and a ratio goes out only when both its numerator and its denominator can
 * (from a published percentage and one part the other could be recomputed).
 */

/** A measured value as the API gives it: the number, yes/no or text; for a ratio its percentage and both parts. */
export interface ApiValue {
  value: number | boolean | string | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

/** The stored value of a measurement as monitoring describes it. */
export type DescribedValue =
  | { type: 'none' }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'text'; value: string }
  | { type: 'ratio'; numerator: number; denominator: number; percent: number | null };

const SUPPRESSED: ApiValue = { value: null, numerator: null, denominator: null, suppressed: true };

/** A measurement's value, exact (internal readers) or through the privacy rule (everyone else). */
export function measurementValue(kind: string, v: DescribedValue, publicView: boolean): ApiValue {
  switch (v.type) {
    case 'none':
      return { value: null, numerator: null, denominator: null, suppressed: false };
    case 'ratio': {
      if (publicView && !measurePublishable(kind, v)) return SUPPRESSED;
      return { value: v.percent, numerator: v.numerator, denominator: v.denominator, suppressed: false };
    }
    case 'number':
      if (publicView && !measurePublishable(kind, v)) return SUPPRESSED;
      return { value: v.value, numerator: null, denominator: null, suppressed: false };
    default:
      return { value: v.value, numerator: null, denominator: null, suppressed: false };
  }
}

/**
 * The users of a service area with their cost per user (spending / users, to the cent): exact for internal readers,
 * otherwise the count through publishCount and, when it is suppressed, no cost per user (it would give the count back).
 */
export function serviceUsersFigures(users: number | null, spendCents: number | null, publicView: boolean) {
  const published = publicView ? publishCount(users) : { value: users, suppressed: false };
  const costPerUserCents = published.value !== null && published.value > 0 && spendCents !== null ? Math.round(spendCents / published.value) : null;
  return { users: published.value, suppressed: published.suppressed, costPerUserCents };
}
