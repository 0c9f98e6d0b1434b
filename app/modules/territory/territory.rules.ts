/** Is a membership (validFrom … validTo, both inclusive, validTo null = still valid) in force on `day` (ISO)? */
export function isInForce(m: { validFrom: string; validTo: string | null }, day: string): boolean {
  return m.validFrom <= day && (m.validTo === null || day <= m.validTo);
}

/**
 * The population of an Ambito as the sum of its comuni. Returns the total and how many comuni lack a figure,
 * so that a partial sum is never shown as if it were complete.
 */
export function populationTotal(comuni: readonly { population: number | null }[]): { total: number; missing: number } {
  let total = 0;
  let missing = 0;
  for (const c of comuni) {
    if (c.population === null) missing++;
    else total += c.population;
  }
  return { total, missing };
}

/** Each comune's share of the Ambito population, in percent with one decimal (formula: pop × 100 / total). */
export function populationShare(population: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((population * 1000) / total) / 10;
}
