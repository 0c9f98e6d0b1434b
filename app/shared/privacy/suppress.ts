// The privacy guard of every public output (portal, open data, impact report, public API). Art. 26 c.4 D.Lgs.
// 33/2013 forbids publishing data that identify a natural person when health or socio-economic hardship can be
// inferred: Cantiere publishes no personal data of people receiving a benefit, and any count of such people below
// the threshold is suppressed (shown as «< 5» on pages, empty with a flag in files), so that a small number cannot
// point at a family in a small comune. The rule is stated wherever figures are published (`PRIVACY_RULE` keys in
// the dictionaries of the modules that publish).

/** Counts of people below this value are not published. */
export const PRIVACY_THRESHOLD = 5;

export interface PublishedCount {
  /** The count, or null when suppressed (or unknown). */
  value: number | null;
  /** True when the count exists but is below the threshold and is therefore not published. */
  suppressed: boolean;
}

/** A count of people for a public output: published as is from the threshold up, suppressed below it (0 included). */
export function publishCount(n: number | null | undefined, threshold = PRIVACY_THRESHOLD): PublishedCount {
  if (n === null || n === undefined) return { value: null, suppressed: false };
  if (n < threshold) return { value: null, suppressed: true };
  return { value: n, suppressed: false };
}

/** A measured value of an indicator, as monitoring describes it (only the parts the rule needs). */
export type MeasuredValue = { type: 'number'; value: number } | { type: 'ratio'; numerator: number; denominator: number } | { type: string };

/**
 * Whether a measured value of a plan indicator may be published (portal, API). A count indicator is treated as a count
 * of people — its kind does not say whether it counts people, and most do (users taken in charge, families, PAI) — so a
 * count below the threshold is not published; a ratio goes out only when both its parts may (from the percentage and
 * one part the other comes back). Yes/no and text values are published.
 */
export function measurePublishable(kind: string, v: MeasuredValue, threshold = PRIVACY_THRESHOLD): boolean {
  if (v.type === 'ratio' && 'numerator' in v) return !publishCount(v.numerator, threshold).suppressed && !publishCount(v.denominator, threshold).suppressed;
  if (v.type === 'number' && 'value' in v) return kind !== 'count' || !publishCount(v.value, threshold).suppressed;
  return true;
}
