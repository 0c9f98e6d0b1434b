/**
 * Money rules of the Piano di Zona, pure and in integer euro cents:
 * - indicators on spending (per capita, share by area and by channel, cost per user, year-on-year change);
 * - the spending matrix area × channel with row and column totals and a checksum report against declared totals
 *   (the way Tabella 2.4 of a Lombardy plan is checked);
 * - services versus cash contributions over the years (the "Servizi vs contributi" series of a social impact report);
 * - budget roll-ups of a plan (by fund, area, year; budgeted, committed, paid, with the shares committed/budgeted and
 *   paid/budgeted), over-allocation per fund and year, funds used outside their period (the band of the regional
 *   evaluation grid, "coincidenza" (pagato × 100) / preventivato, is spendingCoincidence in monitoring/evaluation.rules);
 * - the rule that a recorded value may go down only with a reason (correzione di un errore, disimpegno).
 * Every percentage carries numerator, denominator, value and the formula in words.
 */
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { fundingLineage, yearCoverage, type AreaMapping, type FundingSource } from './catalogues.ts';
import { isIsoDateInRange } from '../../shared/validation.ts';

// ───────────────────────────── amounts and formatting ─────────────────────────────

function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what}: importo non valido (${value}); gli importi sono centesimi interi`);
}

function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what}: numero non valido (${value}); serve un intero non negativo`);
}

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Cents as Italian euro text: 1983486100 → "19.834.861,00 €". */
export function formatEuro(cents: number): string {
  assertCents(cents, 'formatEuro');
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${groupThousands(String(euros))},${rest} €`;
}

/** An integer with Italian thousands separators: 4418 → "4.418". */
export function formatCount(n: number): string {
  return `${n < 0 ? '-' : ''}${groupThousands(String(Math.abs(Math.trunc(n))))}`;
}

/** Rounds half away from zero to `decimals`, without binary artefacts (1.005 → 1.01, where toFixed gives 1.00). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

// ───────────────────────────── ratios ─────────────────────────────

/** A percentage with its parts: value = numerator × 100 / denominator (null when the denominator is zero). */
export interface Percentage {
  numerator: number;
  denominator: number;
  /** Percent, unrounded (41.399… for 41,40 %); null when it cannot be computed. */
  value: number | null;
  /** The computation in words, e.g. "spesa Minori-Famiglia (8.208.518,00 €) / spesa totale (19.827.811,00 €) × 100". */
  formula: string;
}

/** An amount divided by a count (per inhabitant, per user): value in cents, rounded to the cent. */
export interface MoneyRatio {
  numerator: number;
  denominator: number;
  /** Cents per unit, rounded half up to the cent; null when the count is zero or unknown. */
  valueCents: number | null;
  formula: string;
}

export type Unit = 'euro' | 'count';

const show = (n: number, unit: Unit) => (unit === 'euro' ? formatEuro(n) : formatCount(n));

/** numerator × 100 / denominator, with the formula in words. Money is in cents (unit 'euro'). */
export function percentage(numerator: number, denominator: number, labels: { numerator: string; denominator: string }, unit: Unit = 'euro'): Percentage {
  if (unit === 'euro') {
    assertCents(numerator, labels.numerator);
    assertCents(denominator, labels.denominator);
  }
  return {
    numerator,
    denominator,
    value: denominator === 0 ? null : (numerator * 100) / denominator,
    formula: `${labels.numerator} (${show(numerator, unit)}) / ${labels.denominator} (${show(denominator, unit)}) × 100`,
  };
}

function moneyPer(amountCents: number, count: number | null, labels: { amount: string; count: string }): MoneyRatio {
  assertCents(amountCents, labels.amount);
  if (count !== null) assertCount(count, labels.count);
  return {
    numerator: amountCents,
    denominator: count ?? 0,
    valueCents: count === null || count === 0 ? null : Math.round(amountCents / count),
    formula: `${labels.amount} (${formatEuro(amountCents)}) / ${labels.count} (${count === null ? 'non rilevati' : formatCount(count)})`,
  };
}

/** Spending per inhabitant: amount / population. */
export function perCapita(amountCents: number, population: number, label = 'spesa'): MoneyRatio {
  return moneyPer(amountCents, population, { amount: label, count: 'popolazione' });
}

/**
 * Average cost per user of an area: spending / users. `users` null means "not recorded" (as the blank count of
 * Servizio sociale professionale in Tabella 4.2): the cost is then not computable, which is not the same as zero users.
 */
export function costPerUser(spendCents: number, users: number | null, label = 'spesa'): MoneyRatio {
  return moneyPer(spendCents, users, { amount: label, count: 'utenti' });
}

export interface YearOnYearChange {
  previous: { year: number; amountCents: number };
  current: { year: number; amountCents: number };
  differenceCents: number;
  /** (current − previous) × 100 / previous; value null when the previous amount is zero. */
  change: Percentage;
}

/** Change of an amount from one year to another, in cents and in percent of the earlier year. */
export function yearOnYearChange(
  previous: { year: number; amountCents: number },
  current: { year: number; amountCents: number },
  label = 'spesa',
): YearOnYearChange {
  assertCents(previous.amountCents, `${label} ${previous.year}`);
  assertCents(current.amountCents, `${label} ${current.year}`);
  if (current.year <= previous.year) throw new RangeError(`yearOnYearChange: l’anno ${current.year} non segue il ${previous.year}`);
  const differenceCents = current.amountCents - previous.amountCents;
  return {
    previous,
    current,
    differenceCents,
    change: {
      numerator: differenceCents,
      denominator: previous.amountCents,
      value: previous.amountCents === 0 ? null : (differenceCents * 100) / previous.amountCents,
      formula:
        `(${label} ${current.year} (${formatEuro(current.amountCents)}) − ${label} ${previous.year} (${formatEuro(previous.amountCents)}))` +
        ` / ${label} ${previous.year} (${formatEuro(previous.amountCents)}) × 100`,
    },
  };
}

// ───────────────────────────── spending matrix ─────────────────────────────

export interface SpendingCell {
  area: string;
  channel: string;
  amountCents: number;
}

/** Spending by area (rows) and channel (columns), with totals. Missing cells count as zero. */
export interface SpendingMatrix {
  areas: string[];
  channels: string[];
  cells: Record<string, Record<string, number>>;
  rowTotals: Record<string, number>;
  columnTotals: Record<string, number>;
  grandTotal: number;
}

/**
 * Builds the matrix from cells (already filtered to one year and one set of enti). Cells with the same area and
 * channel are summed (e.g. several comuni). `order` fixes the order of rows and columns (catalogue order); codes not
 * listed there follow in order of appearance.
 */
export function buildSpendingMatrix(cells: readonly SpendingCell[], order: { areas?: readonly string[]; channels?: readonly string[] } = {}): SpendingMatrix {
  const areas = [...(order.areas ?? [])];
  const channels = [...(order.channels ?? [])];
  for (const c of cells) {
    assertCents(c.amountCents, `${c.area} × ${c.channel}`);
    if (!areas.includes(c.area)) areas.push(c.area);
    if (!channels.includes(c.channel)) channels.push(c.channel);
  }
  const matrix: Record<string, Record<string, number>> = {};
  const rowTotals: Record<string, number> = {};
  const columnTotals: Record<string, number> = {};
  for (const a of areas) {
    matrix[a] = Object.fromEntries(channels.map((ch) => [ch, 0]));
    rowTotals[a] = 0;
  }
  for (const ch of channels) columnTotals[ch] = 0;
  let grandTotal = 0;
  for (const c of cells) {
    matrix[c.area]![c.channel] = matrix[c.area]![c.channel]! + c.amountCents;
    rowTotals[c.area] = rowTotals[c.area]! + c.amountCents;
    columnTotals[c.channel] = columnTotals[c.channel]! + c.amountCents;
    grandTotal += c.amountCents;
  }
  return { areas, channels, cells: matrix, rowTotals, columnTotals, grandTotal };
}

/** Totals as published next to a table (a "Totale" column per area, a "Totale" row per channel, the grand total). */
export interface DeclaredTotals {
  rowTotals?: Record<string, number>;
  columnTotals?: Record<string, number>;
  grandTotal?: number | null;
}

export interface TotalsMismatch {
  /** 'row': an area's total; 'column': a channel's total; 'grand': the table total. */
  kind: 'row' | 'column' | 'grand';
  /** The area or channel code; null for the grand total. */
  key: string | null;
  declaredCents: number;
  computedCents: number;
  /** declared − computed. */
  differenceCents: number;
  message: string;
}

export interface ChecksumReport {
  ok: boolean;
  /** How many declared totals were checked. */
  checked: number;
  mismatches: TotalsMismatch[];
}

/**
 * Compares declared totals with the sums of the matrix and says which row or column does not add up, and by how much.
 * `names` turns area and channel codes into the labels a user reads.
 */
export function checkSpendingMatrix(
  matrix: SpendingMatrix,
  declared: DeclaredTotals,
  names: { area?: (code: string) => string; channel?: (code: string) => string } = {},
): ChecksumReport {
  const areaName = names.area ?? ((c: string) => c);
  const channelName = names.channel ?? ((c: string) => c);
  const mismatches: TotalsMismatch[] = [];
  let checked = 0;
  const compare = (kind: TotalsMismatch['kind'], key: string | null, declaredCents: number, computedCents: number) => {
    assertCents(declaredCents, key ?? 'totale');
    checked++;
    if (declaredCents === computedCents) return;
    const what = kind === 'row' ? `dell’area ${areaName(key!)}` : kind === 'column' ? `del canale ${channelName(key!)}` : 'generale';
    const parts = kind === 'row' ? 'la somma dei canali' : kind === 'column' ? 'la somma delle aree' : 'la somma di tutte le celle';
    mismatches.push({
      kind,
      key,
      declaredCents,
      computedCents,
      differenceCents: declaredCents - computedCents,
      message: `il totale ${what} dichiarato (${formatEuro(declaredCents)}) non coincide con ${parts} (${formatEuro(computedCents)}): differenza ${formatEuro(declaredCents - computedCents)}`,
    });
  };
  for (const [area, cents] of Object.entries(declared.rowTotals ?? {})) compare('row', area, cents, matrix.rowTotals[area] ?? 0);
  for (const [channel, cents] of Object.entries(declared.columnTotals ?? {})) compare('column', channel, cents, matrix.columnTotals[channel] ?? 0);
  if (declared.grandTotal !== undefined && declared.grandTotal !== null) compare('grand', null, declared.grandTotal, matrix.grandTotal);
  return { ok: mismatches.length === 0, checked, mismatches };
}

export interface Share {
  key: string;
  amountCents: number;
  share: Percentage;
}

/** Each amount as a share of the total (by default the sum of the amounts). */
export function sharesOf(
  amounts: Record<string, number>,
  options: { totalCents?: number; nameOf?: (code: string) => string; prefix?: string; totalLabel?: string } = {},
): Share[] {
  const nameOf = options.nameOf ?? ((c: string) => c);
  const total = options.totalCents ?? Object.values(amounts).reduce((s, v) => s + v, 0);
  return Object.entries(amounts).map(([key, amountCents]) => ({
    key,
    amountCents,
    share: percentage(amountCents, total, { numerator: `${options.prefix ?? 'spesa'} ${nameOf(key)}`, denominator: options.totalLabel ?? 'spesa totale' }),
  }));
}

/** Share of each area in the matrix total ("Rapporto tra spesa sociale settore e spesa sociale totale"). */
export function shareByArea(matrix: SpendingMatrix, nameOf?: (code: string) => string): Share[] {
  return sharesOf(matrix.rowTotals, { totalCents: matrix.grandTotal, nameOf, prefix: 'spesa area', totalLabel: 'spesa totale' });
}

/** Share of each channel in the matrix total ("Provenienza entrate"). */
export function shareByChannel(matrix: SpendingMatrix, nameOf?: (code: string) => string): Share[] {
  return sharesOf(matrix.columnTotals, { totalCents: matrix.grandTotal, nameOf, prefix: 'entrate canale', totalLabel: 'entrate totali' });
}

/** Keyed amounts that differ between two sources (e.g. two tables of the same plan); equal keys are left out. */
export function diffTotals(
  reference: Record<string, number>,
  other: Record<string, number>,
): { key: string; referenceCents: number; otherCents: number; differenceCents: number }[] {
  const keys = [...new Set([...Object.keys(reference), ...Object.keys(other)])];
  return keys
    .map((key) => ({ key, referenceCents: reference[key] ?? 0, otherCents: other[key] ?? 0, differenceCents: (other[key] ?? 0) - (reference[key] ?? 0) }))
    .filter((d) => d.differenceCents !== 0);
}

/**
 * Converts amounts by area from one classification to another (e.g. Lombardy areas → ISTAT areas) with a catalogue
 * mapping. Totals are preserved; codes the mapping does not know are returned apart, never dropped silently.
 */
export function convertAreas(
  amounts: Record<string, number>,
  mapping: AreaMapping,
): { amounts: Record<string, number>; unmapped: string[]; approximated: string[] } {
  const result: Record<string, number> = {};
  for (const e of mapping.entries) if (!(e.to in result)) result[e.to] = 0;
  const unmapped: string[] = [];
  const approximated: string[] = [];
  for (const [area, cents] of Object.entries(amounts)) {
    assertCents(cents, area);
    const entry = mapping.entries.find((e) => e.from === area);
    if (!entry) {
      unmapped.push(area);
      continue;
    }
    result[entry.to] = result[entry.to]! + cents;
    if (entry.fit === 'approximate' && cents !== 0) approximated.push(area);
  }
  return { amounts: result, unmapped, approximated };
}

// ───────────────────────────── services versus contributions ─────────────────────────────

export interface ServicesContributionsInput {
  year: number;
  /** Spending on services (interventi e servizi, strutture). */
  servicesCents: number;
  /** Cash contributions to people and families (contributi, trasferimenti in denaro). */
  contributionsCents: number;
}

export interface ServicesContributionsYear extends ServicesContributionsInput {
  totalCents: number;
  servicesShare: Percentage;
  contributionsShare: Percentage;
}

/**
 * The "servizi vs contributi" split over the years, as charted in a social impact report: for each year and for the
 * whole period, the share of services and of cash contributions in the total. Years are returned in order; gaps in the
 * series are listed so that a chart never joins two distant years as if they were consecutive.
 */
export function servicesVersusContributions(series: readonly ServicesContributionsInput[]): {
  years: ServicesContributionsYear[];
  period: Omit<ServicesContributionsYear, 'year'> & { fromYear: number; toYear: number };
  missingYears: number[];
} {
  if (series.length === 0) throw new ValidationError([{ path: 'anni', message: 'serve almeno un anno' }]);
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  for (const s of series) {
    if (!Number.isInteger(s.year)) issues.push({ path: `anno ${s.year}`, message: 'anno non valido' });
    if (seen.has(s.year)) issues.push({ path: `anno ${s.year}`, message: 'anno ripetuto: ogni anno va indicato una volta sola' });
    seen.add(s.year);
    for (const [field, v] of [
      ['servizi', s.servicesCents],
      ['contributi', s.contributionsCents],
    ] as const) {
      if (!Number.isSafeInteger(v) || v < 0)
        issues.push({ path: `anno ${s.year}, ${field}`, message: 'importo non valido: serve un importo in centesimi non negativo' });
    }
  }
  if (issues.length) throw new ValidationError(issues);
  const split = (year: string, servicesCents: number, contributionsCents: number) => {
    const totalCents = servicesCents + contributionsCents;
    return {
      servicesCents,
      contributionsCents,
      totalCents,
      servicesShare: percentage(servicesCents, totalCents, { numerator: `spesa per servizi ${year}`, denominator: `spesa totale ${year}` }),
      contributionsShare: percentage(contributionsCents, totalCents, { numerator: `contributi ${year}`, denominator: `spesa totale ${year}` }),
    };
  };
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const years = sorted.map((s) => ({ year: s.year, ...split(String(s.year), s.servicesCents, s.contributionsCents) }));
  const fromYear = sorted[0]!.year;
  const toYear = sorted[sorted.length - 1]!.year;
  const missingYears: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!seen.has(y)) missingYears.push(y);
  const services = sorted.reduce((sum, s) => sum + s.servicesCents, 0);
  const contributions = sorted.reduce((sum, s) => sum + s.contributionsCents, 0);
  return { years, period: { fromYear, toYear, ...split(`${fromYear}-${toYear}`, services, contributions) }, missingYears };
}

// ───────────────────────────── plan budget ─────────────────────────────

/** Key used for budget lines without an area. */
export const NO_AREA = '-';
/** Key used in by-year roll-ups for lines budgeted over the whole plan period ("nel triennio") without a yearly split. */
export const WHOLE_PERIOD = 'triennio';

export interface BudgetLine {
  fund: string;
  /** Budget year; null when the plan gives the amount for its whole period, not split by year. */
  year: number | null;
  area?: string | null;
  objective?: string | null;
  budgetedCents: number;
  /** Null: not yet recorded. */
  committedCents?: number | null;
  paidCents?: number | null;
}

export interface FundAllocation {
  fund: string;
  year: number;
  allocatedCents: number;
}

export interface BudgetAmounts {
  budgetedCents: number;
  committedCents: number;
  paidCents: number;
  /** Lines whose committed or paid amount is not recorded yet (counted as zero in the sums). */
  linesWithoutCommitted: number;
  linesWithoutPaid: number;
  committedShare: Percentage;
  paidShare: Percentage;
}

type Sums = Omit<BudgetAmounts, 'committedShare' | 'paidShare'>;

function emptySums(): Sums {
  return { budgetedCents: 0, committedCents: 0, paidCents: 0, linesWithoutCommitted: 0, linesWithoutPaid: 0 };
}

function finish(a: Sums, label: string): BudgetAmounts {
  return {
    ...a,
    committedShare: percentage(a.committedCents, a.budgetedCents, { numerator: `impegnato ${label}`, denominator: `preventivato ${label}` }),
    paidShare: percentage(a.paidCents, a.budgetedCents, { numerator: `pagato ${label}`, denominator: `preventivato ${label}` }),
  };
}

function checkLine(line: BudgetLine, index: number) {
  const what = `riga di budget ${index + 1} (${line.fund}, ${line.year ?? WHOLE_PERIOD})`;
  assertCents(line.budgetedCents, what);
  if (line.committedCents !== undefined && line.committedCents !== null) assertCents(line.committedCents, what);
  if (line.paidCents !== undefined && line.paidCents !== null) assertCents(line.paidCents, what);
  if (line.year !== null && !Number.isInteger(line.year)) throw new RangeError(`${what}: anno non valido`);
}

/** The root of a fund in the catalogue hierarchy (PNRR 1.1.3 → PNRR M5C2; a quota of the Fondo Povertà → Fondo Povertà). */
export function rootFund(sources: readonly FundingSource[], fundCode: string): string {
  const chain = fundingLineage(sources, fundCode);
  return chain.length ? chain[chain.length - 1]!.code : fundCode;
}

/**
 * Totals of a plan's budget lines: overall, by fund, by area, by year and by fund × year. `fundKey` groups funds
 * (e.g. `(f) => rootFund(sources, f)` to add the quotas of the Fondo Povertà together). Lines without a year are
 * summed under WHOLE_PERIOD.
 */
export function rollUpBudget(
  lines: readonly BudgetLine[],
  options: { fundKey?: (fund: string) => string } = {},
): {
  total: BudgetAmounts;
  byFund: Record<string, BudgetAmounts>;
  byArea: Record<string, BudgetAmounts>;
  byYear: Record<string, BudgetAmounts>;
  byFundAndYear: ({ fund: string; year: number | null } & BudgetAmounts)[];
} {
  const fundKey = options.fundKey ?? ((f: string) => f);
  const total = emptySums();
  const byFund = new Map<string, Sums>();
  const byArea = new Map<string, Sums>();
  const byYear = new Map<string, Sums>();
  const byFundYear = new Map<string, { fund: string; year: number | null; sums: Sums }>();
  const bucket = (map: Map<string, Sums>, key: string) => {
    let b = map.get(key);
    if (!b) map.set(key, (b = emptySums()));
    return b;
  };
  lines.forEach((line, index) => {
    checkLine(line, index);
    const fund = fundKey(line.fund);
    const fy = `${fund}|${line.year ?? WHOLE_PERIOD}`;
    if (!byFundYear.has(fy)) byFundYear.set(fy, { fund, year: line.year, sums: emptySums() });
    for (const b of [
      total,
      bucket(byFund, fund),
      bucket(byArea, line.area ?? NO_AREA),
      bucket(byYear, String(line.year ?? WHOLE_PERIOD)),
      byFundYear.get(fy)!.sums,
    ]) {
      b.budgetedCents += line.budgetedCents;
      if (line.committedCents === undefined || line.committedCents === null) b.linesWithoutCommitted++;
      else b.committedCents += line.committedCents;
      if (line.paidCents === undefined || line.paidCents === null) b.linesWithoutPaid++;
      else b.paidCents += line.paidCents;
    }
  });
  const record = (map: Map<string, Sums>, label: (k: string) => string) => Object.fromEntries([...map].map(([k, v]) => [k, finish(v, label(k))]));
  return {
    total: finish(total, 'totale'),
    byFund: record(byFund, (f) => `fondo ${f}`),
    byArea: record(byArea, (a) => (a === NO_AREA ? 'senza area' : `area ${a}`)),
    byYear: record(byYear, (y) => (y === WHOLE_PERIOD ? 'nel triennio' : y)),
    byFundAndYear: [...byFundYear.values()]
      .sort((a, b) => a.fund.localeCompare(b.fund) || (a.year ?? Infinity) - (b.year ?? Infinity))
      .map(({ fund, year, sums }) => ({ fund, year, ...finish(sums, `${fund} ${year ?? 'nel triennio'}`) })),
  };
}

export type AllocationStatus = 'within' | 'over' | 'no_allocation';

export interface AllocationCheck {
  fund: string;
  /** The year, or null for the check over the whole period (made when some lines are not split by year). */
  year: number | null;
  /**
   * Null when no allocation is recorded for the fund (in that year). For the whole-period check with a plan period,
   * the allocations recorded so far when some years of the period have none (status 'no_allocation').
   */
  allocatedCents: number | null;
  budgetedCents: number;
  /** budgeted − allocated when positive, otherwise 0; always 0 when no allocation is recorded (missing data, not an overrun). */
  excessCents: number;
  /** For the whole-period check: the years of the plan period without an allocation of the fund. */
  missingYears: number[];
  status: AllocationStatus;
  overAllocated: boolean;
  message: string | null;
}

/**
 * For each fund and year: is what the plan budgets within what has been allocated ("assegnato")? Flags
 * over-allocation (budgeted > allocated) only against a recorded allocation; a fund with budget lines but no
 * allocation recorded for that year is reported as missing data ("stanziamento non registrato"), never as an overrun.
 * Several allocations of the same fund and year (e.g. two decrees) are summed. When a fund has lines not split by
 * year, a further check compares all its lines with all its allocations (year null).
 */
export function checkAllocations(
  lines: readonly BudgetLine[],
  allocations: readonly FundAllocation[],
  nameOf: (fund: string) => string = (f) => f,
  period?: { fromYear: number; toYear: number },
): AllocationCheck[] {
  const allocated = new Map<string, number>();
  const allocatedByFund = new Map<string, number>();
  for (const a of allocations) {
    assertCents(a.allocatedCents, `assegnazione ${a.fund} ${a.year}`);
    const k = `${a.fund}|${a.year}`;
    allocated.set(k, (allocated.get(k) ?? 0) + a.allocatedCents);
    allocatedByFund.set(a.fund, (allocatedByFund.get(a.fund) ?? 0) + a.allocatedCents);
  }
  const budgeted = new Map<string, { fund: string; year: number | null; cents: number }>();
  const add = (fund: string, year: number | null, cents: number) => {
    const k = `${fund}|${year ?? WHOLE_PERIOD}`;
    const b = budgeted.get(k) ?? { fund, year, cents: 0 };
    b.cents += cents;
    budgeted.set(k, b);
  };
  const unsplitFunds = new Set(lines.filter((l) => l.year === null).map((l) => l.fund));
  lines.forEach((line, index) => {
    checkLine(line, index);
    if (line.year !== null) add(line.fund, line.year, line.budgetedCents);
    if (unsplitFunds.has(line.fund)) add(line.fund, null, line.budgetedCents);
  });
  for (const a of allocations) if (!budgeted.has(`${a.fund}|${a.year}`)) add(a.fund, a.year, 0);
  const when = (year: number | null) => (year === null ? 'nell’intero periodo' : String(year));
  const allocatedYears = (fund: string) => new Set(allocations.filter((a) => a.fund === fund).map((a) => a.year));
  /** Years of the plan period without an allocation of the fund (checked for the whole-period comparison). */
  const yearsWithout = (fund: string) => {
    if (!period) return [];
    const have = allocatedYears(fund);
    const out: number[] = [];
    for (let y = period.fromYear; y <= period.toYear; y++) if (!have.has(y)) out.push(y);
    return out;
  };
  return [...budgeted.entries()]
    .sort(([, a], [, b]) => a.fund.localeCompare(b.fund) || (a.year ?? Infinity) - (b.year ?? Infinity))
    .map(([k, b]) => {
      const alloc = b.year === null ? allocatedByFund.get(b.fund) : allocated.get(k);
      if (alloc === undefined) {
        // Missing data, not an overrun: without an allocation there is nothing to compare the budget with.
        return {
          fund: b.fund,
          year: b.year,
          allocatedCents: null,
          budgetedCents: b.cents,
          excessCents: 0,
          missingYears: [],
          status: 'no_allocation' as const,
          overAllocated: false,
          message:
            b.cents > 0
              ? `${nameOf(b.fund)} ${when(b.year)}: stanziamento non registrato (preventivati ${formatEuro(b.cents)}); il superamento non si può verificare finché non si registra l’assegnazione`
              : null,
        };
      }
      const missingYears = b.year === null ? yearsWithout(b.fund) : [];
      if (missingYears.length > 0) {
        // Lines for the whole period against allocations of only some of its years: the overrun cannot be established.
        return {
          fund: b.fund,
          year: b.year,
          allocatedCents: alloc,
          budgetedCents: b.cents,
          excessCents: 0,
          missingYears,
          status: 'no_allocation' as const,
          overAllocated: false,
          message:
            b.cents > 0
              ? `${nameOf(b.fund)} ${when(b.year)}: stanziamento non registrato per ${missingYears.join(', ')} (registrati ${formatEuro(alloc)} per gli altri anni, preventivati ${formatEuro(b.cents)}); il superamento non si può verificare`
              : null,
        };
      }
      const excess = b.cents - alloc;
      return {
        fund: b.fund,
        year: b.year,
        allocatedCents: alloc,
        budgetedCents: b.cents,
        excessCents: excess > 0 ? excess : 0,
        missingYears: [],
        status: excess > 0 ? ('over' as const) : ('within' as const),
        overAllocated: excess > 0,
        message:
          excess > 0
            ? `${nameOf(b.fund)} ${when(b.year)}: preventivati ${formatEuro(b.cents)} su ${formatEuro(alloc)} assegnati, ${formatEuro(excess)} oltre l’assegnazione`
            : null,
      };
    });
}

export interface FundPeriodIssue {
  /** Position of the line in the input. */
  index: number;
  fund: string;
  year: number | null;
  status: 'unknown_fund' | 'outside_period' | 'partial_year' | 'ends_before_plan';
  /** The fund's short name (its code when unknown) and the period it finances (ISO dates, null = open). */
  fundName: string;
  activeFrom: string | null;
  activeTo: string | null;
  /** For a line not split by year: the plan period it was checked against. */
  planPeriod: { fromYear: number; toYear: number } | null;
}

/**
 * Budget lines on a fund that cannot finance that year: unknown fund code, a year outside the fund's period
 * (e.g. a PNRR line after 31/03/2026), or a year the fund covers only in part (a warning: the amount must be spent
 * within the end date). Lines not split by year are checked against the plan period, when given: a fund ending
 * before the plan does ('ends_before_plan') must be replaced by another channel for the remaining years.
 */
export function checkFundPeriods(
  lines: readonly BudgetLine[],
  sources: readonly FundingSource[],
  planPeriod?: { fromYear: number; toYear: number },
): FundPeriodIssue[] {
  const issues: FundPeriodIssue[] = [];
  lines.forEach((line, index) => {
    const source = sources.find((s) => s.code === line.fund);
    const issue = (status: FundPeriodIssue['status'], checkedAgainstPlan = false) =>
      issues.push({
        index,
        fund: line.fund,
        year: line.year,
        status,
        fundName: source?.shortName ?? line.fund,
        activeFrom: source?.activeFrom ?? null,
        activeTo: source?.activeTo ?? null,
        planPeriod: checkedAgainstPlan && planPeriod ? planPeriod : null,
      });
    if (!source) return issue('unknown_fund');
    if (line.year === null) {
      if (!planPeriod) return;
      const planStart = `${planPeriod.fromYear}-01-01`;
      const planEnd = `${planPeriod.toYear}-12-31`;
      if ((source.activeTo !== null && source.activeTo < planStart) || (source.activeFrom !== null && source.activeFrom > planEnd))
        issue('outside_period', true);
      else if (source.activeTo !== null && source.activeTo < planEnd) issue('ends_before_plan', true);
      return;
    }
    const coverage = yearCoverage(source, line.year);
    if (coverage === 'none') issue('outside_period');
    else if (coverage === 'partial') issue('partial_year');
  });
  return issues;
}

// ───────────────────────────── recorded values at a cut-off date ─────────────────────────────

export const DECREASE_REASONS = ['correzione_errore', 'disimpegno'] as const;
export type DecreaseReason = (typeof DECREASE_REASONS)[number];
/** The reasons as the audit trail and the messages name them (the pages take theirs from the dictionary). */
export const DECREASE_REASON_LABELS: Record<DecreaseReason, string> = { correzione_errore: 'correzione di un errore', disimpegno: 'disimpegno' };

/** The cumulative measures recorded at a cut-off date, as the messages name them. */
const RECORDED_MEASURE_LABELS = { allocated: 'assegnato', budgeted: 'preventivato', committed: 'impegnato', paid: 'pagato' } as const;
export type RecordedMeasure = keyof typeof RECORDED_MEASURE_LABELS;

export interface CutOffValue {
  /** Cut-off date (data di riferimento), ISO. */
  date: string;
  amountCents: number;
}

export type CutOffValidation = { ok: true; differenceCents: number; decrease: boolean; reason: DecreaseReason | null } | { ok: false; issues: FieldIssue[] };

/**
 * Validates a new value recorded at a cut-off date against the previous one. Values are cumulative, so they may go
 * down only with a reason: "correzione_errore" (the earlier figure was wrong) or "disimpegno" (a commitment released;
 * a payment cannot be released, so a lower paid amount is only a correction). The new date may not precede the
 * previous one. Field paths: data, importo, motivo.
 */
export function validateCutOffValue(input: {
  measure: RecordedMeasure;
  previous: CutOffValue | null;
  next: CutOffValue;
  reason?: string | null;
}): CutOffValidation {
  const issues: FieldIssue[] = [];
  const measure = RECORDED_MEASURE_LABELS[input.measure];
  const { previous, next } = input;
  if (!isIsoDateInRange(next.date)) {
    issues.push({ path: 'data', message: `data di riferimento non valida: «${next.date}» (formato AAAA-MM-GG)` });
  }
  if (!Number.isSafeInteger(next.amountCents) || next.amountCents < 0) {
    issues.push({ path: 'importo', message: `importo ${measure} non valido: serve un importo non negativo` });
  }
  const reasonText = input.reason?.trim() || null;
  if (reasonText !== null && !(DECREASE_REASONS as readonly string[]).includes(reasonText)) {
    issues.push({ path: 'motivo', message: `motivo non previsto: «${reasonText}» (ammessi: ${DECREASE_REASONS.join(', ')})` });
  }
  if (issues.length) return { ok: false, issues };
  const reason = reasonText as DecreaseReason | null;
  if (previous === null) return { ok: true, differenceCents: next.amountCents, decrease: false, reason: null };
  if (next.date < previous.date) {
    issues.push({ path: 'data', message: `la data di riferimento (${next.date}) precede quella del valore già registrato (${previous.date})` });
  }
  const differenceCents = next.amountCents - previous.amountCents;
  const decrease = differenceCents < 0;
  if (decrease) {
    const change = `L’importo ${measure} scende da ${formatEuro(previous.amountCents)} a ${formatEuro(next.amountCents)} (${formatEuro(differenceCents)})`;
    if (reason === null) {
      issues.push({
        path: 'motivo',
        message:
          input.measure === 'paid'
            ? `${change}: indica il motivo (correzione di un errore).`
            : `${change}: indica il motivo (correzione di un errore oppure disimpegno).`,
      });
    } else if (reason === 'disimpegno' && input.measure === 'paid') {
      issues.push({
        path: 'motivo',
        message: `${change}: un pagamento non si disimpegna; se il valore precedente era sbagliato indica «correzione di un errore».`,
      });
    }
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, differenceCents, decrease, reason: decrease ? reason : null };
}

// ───────────────────────────── published figures against computed ones ─────────────────────────────

/** A percentage as the source prints it: 41,40 → { value: 41.4, decimals: 2 }. */
export interface PublishedPercent {
  value: number;
  decimals: number;
}

/**
 * Figures a source publishes next to the users of an area, kept as published (never recomputed) with their source,
 * to be checked against the figures computed from the page's dataset.
 */
export interface PublishedAreaFigures {
  /** The area's share of the total spending as published (e.g. Tabella 4.1: Minori-Famiglia 41,40 %). */
  sharePct?: PublishedPercent;
  /** The average cost per user as published, in cents (e.g. Tabella 4.2: Anziani 801,12 €). */
  costPerUserCents?: number;
  /** Where the published figures come from (table of the source document). */
  source?: string;
}

export interface PublishedCheck {
  /** What is checked, e.g. "quota Anziani 2022". */
  what: string;
  /** 'percent': values in percent (41.4 for 41,40 %), difference in percentage points; 'money': values in cents. */
  unit: 'percent' | 'money';
  /** The figure as published. */
  published: number;
  /** The figure computed from the dataset, rounded as the source rounds (percent) or to the cent (money). */
  computed: number;
  /** published − computed, in the unit of the figure (percentage points or cents). */
  difference: number;
  /** Decimals the source prints (percent); 2 for money. */
  decimals: number;
  /** True when the computed figure, rounded as the source rounds, equals the published one. */
  matches: boolean;
  source: string;
  /** How the computed figure is obtained. */
  formula: string;
}

/**
 * A published percentage against the one computed from the dataset: compared at the published number of decimals,
 * with the difference in percentage points.
 */
export function checkPublishedPercent(what: string, published: PublishedPercent, computed: Percentage, source: string): PublishedCheck | null {
  if (computed.value === null) return null;
  const d = published.decimals;
  const shown = roundTo(computed.value, d);
  const difference = roundTo(published.value - shown, d);
  return {
    what,
    unit: 'percent',
    source,
    formula: computed.formula,
    matches: difference === 0,
    published: published.value,
    computed: shown,
    difference,
    decimals: d,
  };
}

/** A published amount per unit (cost per user) against the one computed from the dataset, to the cent. */
export function checkPublishedMoney(what: string, publishedCents: number, computed: MoneyRatio, source: string): PublishedCheck | null {
  assertCents(publishedCents, what);
  if (computed.valueCents === null) return null;
  return moneyCheck(what, publishedCents, computed.valueCents, source, computed.formula);
}

/** A published amount (e.g. an area's spending in another table of the same plan) against the dataset's. */
export function checkPublishedAmount(what: string, publishedCents: number, computedCents: number, source: string, formula: string): PublishedCheck {
  assertCents(publishedCents, what);
  assertCents(computedCents, what);
  return moneyCheck(what, publishedCents, computedCents, source, formula);
}

function moneyCheck(what: string, publishedCents: number, computedCents: number, source: string, formula: string): PublishedCheck {
  const difference = publishedCents - computedCents;
  return { what, unit: 'money', source, formula, matches: difference === 0, published: publishedCents, computed: computedCents, difference, decimals: 2 };
}
