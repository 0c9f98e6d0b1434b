/**
 * Coverage of the Ambito's spending figures, pure.
 *
 * Spending is recorded either for the Ambito as a whole (ente "ambito": associated management, or a table published
 * only as Ambito totals, like Tabella 2.4 of the Gallarate plan) or for each member comune. The two are different
 * datasets and are never added together:
 * - a year with Ambito-level rows has an Ambito figure ('ambito'): complete by definition;
 * - a year with comuni rows only has a sum of comuni ('comuni'), which is the Ambito's figure only when every comune
 *   that belonged to the Ambito in that year has data. Until then it is partial ("1 comune su 9"): it is not the
 *   Ambito total, it is not drawn in a trend nor divided by the population, unless the user asks for the partial
 *   figures, which are then labelled as partial.
 */

export interface CoverageComune {
  istatCode: string;
  name: string;
}

export interface SpendingCoverage {
  year: number;
  /** 'ambito': data recorded for the Ambito as a whole; 'comuni': the sum of the comuni's data. */
  basis: 'ambito' | 'comuni';
  /** The comuni that belonged to the Ambito in that year (empty when the composition is not recorded for it). */
  members: CoverageComune[];
  /** Members with data for the year. */
  withData: CoverageComune[];
  /** Members without data for the year. */
  missing: CoverageComune[];
  /** Comuni with data that were not members in that year (their rows are not part of the Ambito's figure). */
  outside: CoverageComune[];
  /**
   * True for Ambito-level data, and for comuni data when every member has data. The words ("1 comune su 9", the
   * sentence a reader can act on) are in spending-coverage.text.ts, in the reader's language.
   */
  complete: boolean;
}

/**
 * The coverage of a year's spending. `members` are the comuni of the Ambito in that year (territory's membership by
 * date); `comuniWithData` the ISTAT codes of the comuni that have spending rows for the year; `hasAmbitoRows` whether
 * the year has rows recorded for the Ambito as a whole.
 */
export function spendingCoverage(input: {
  year: number;
  hasAmbitoRows: boolean;
  comuniWithData: readonly CoverageComune[];
  members: readonly CoverageComune[];
}): SpendingCoverage {
  const memberCodes = new Set(input.members.map((m) => m.istatCode));
  const dataCodes = new Set(input.comuniWithData.map((c) => c.istatCode));
  const members = [...input.members].sort((a, b) => a.name.localeCompare(b.name, 'it'));
  const withData = members.filter((m) => dataCodes.has(m.istatCode));
  const missing = members.filter((m) => !dataCodes.has(m.istatCode));
  const outside = [...new Map(input.comuniWithData.filter((c) => !memberCodes.has(c.istatCode)).map((c) => [c.istatCode, c])).values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'it'),
  );
  const found = { year: input.year, members, withData, missing, outside };
  if (input.hasAmbitoRows) return { ...found, basis: 'ambito', complete: true };
  return { ...found, basis: 'comuni', complete: members.length > 0 && missing.length === 0 };
}

/**
 * Whether a year's figure may be shown as the Ambito's (totals, trend, per capita): always when complete; when
 * partial, only if the user asked for partial figures — and then it is labelled partial.
 */
export function usableAsAmbitoFigure(coverage: SpendingCoverage, showPartial: boolean): { show: boolean; partial: boolean } {
  if (coverage.complete) return { show: true, partial: false };
  return { show: showPartial, partial: true };
}
