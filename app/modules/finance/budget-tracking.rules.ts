/**
 * The plan budget during the plan: for each objective (and action, when given) × fund × year, the budgeted
 * (preventivato), committed (impegnato) and paid (liquidato) amounts recorded at cut-off dates, with their history,
 * and the carry-over of unspent amounts to the next year ("riporto delle economie"). Pure functions in cents.
 *
 * - The budgeted figure starts from the plan's budget lines; a "budgeted" cut-off record replaces it from its date.
 * - The current value of a measure is its latest record (by cut-off date, then by order of entry); earlier records
 *   are its history. A decrease needs a reason (validateCutOffValue in finance.rules.ts).
 * - The amount that can be carried over from a year is what was neither committed nor paid:
 *   budgeted + carried in − carried out − max(committed, paid). It moves to the following year only, within the plan.
 */
import type { FieldIssue } from '../../shared/errors.ts';
import { formatEuro, type BudgetLine } from './finance.rules.ts';

export const TRACKED_MEASURES = ['budgeted', 'committed', 'paid'] as const;
export type TrackedMeasure = (typeof TRACKED_MEASURES)[number];

export const MEASURE_LABELS: Record<TrackedMeasure, string> = { budgeted: 'preventivato', committed: 'impegnato', paid: 'liquidato' };

export interface BudgetKey {
  objectiveId: string;
  actionId: string | null;
  fund: string;
  /** Null: the whole plan period (lines of the plan not split by year). */
  year: number | null;
}

export const budgetKey = (k: BudgetKey) => `${k.objectiveId}|${k.actionId ?? '-'}|${k.fund}|${k.year ?? 'periodo'}`;

export interface CutOffRecord extends BudgetKey {
  measure: TrackedMeasure;
  date: string;
  amountCents: number;
  reason: string | null;
  /** Order of entry (e.g. the creation instant as milliseconds): breaks ties between records of the same date. */
  sequence: number;
}

export interface CarryOverRecord {
  objectiveId: string;
  actionId: string | null;
  fund: string;
  fromYear: number;
  toYear: number;
  amountCents: number;
}

export interface PlannedAmount extends BudgetKey {
  amountCents: number;
}

/** The records of one key and measure, oldest first (by date, then order of entry). */
export function historyOf(records: readonly CutOffRecord[], key: BudgetKey, measure: TrackedMeasure): CutOffRecord[] {
  const k = budgetKey(key);
  return records
    .filter((r) => r.measure === measure && budgetKey(r) === k)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sequence - b.sequence));
}

/** The current value: the latest record, or null when nothing is recorded. */
export function latestOf(records: readonly CutOffRecord[], key: BudgetKey, measure: TrackedMeasure): CutOffRecord | null {
  return historyOf(records, key, measure).at(-1) ?? null;
}

export interface BudgetStatusRow extends BudgetKey {
  /** From the plan's budget lines (0 when the key exists only through cut-off records). */
  plannedCents: number;
  /** The latest budgeted record, or the planned amount. */
  budgetedCents: number;
  budgetedSource: 'plan' | 'cut_off';
  carriedInCents: number;
  carriedOutCents: number;
  /** budgeted + carried in − carried out. */
  availableCents: number;
  committedCents: number | null;
  paidCents: number | null;
  /** available − max(committed, paid), never below zero: what can still be carried over. */
  unspentCents: number;
  lastCutOff: string | null;
  /** Set when the paid amount exceeds the committed one (legal to record, but to be explained). */
  paidOverCommitted: PaidOverCommitted | null;
}

export interface PaidOverCommitted {
  /** paid − committed (committed counted as zero when not recorded). */
  excessCents: number;
  paidCents: number;
  /** Null: no committed amount recorded. */
  committedCents: number | null;
  message: string;
}

/**
 * Paid above committed: recording it is allowed (the commitment may simply not be updated yet), but the page and the
 * save response must say so. Null when nothing is paid or the paid amount is within the committed one.
 */
export function paidOverCommitted(amounts: { committedCents: number | null; paidCents: number | null }): PaidOverCommitted | null {
  const { committedCents, paidCents } = amounts;
  if (paidCents === null || paidCents <= 0) return null;
  const excessCents = paidCents - (committedCents ?? 0);
  if (excessCents <= 0) return null;
  const detail =
    committedCents === null
      ? `liquidati ${formatEuro(paidCents)}, nessun impegnato registrato`
      : `liquidati ${formatEuro(paidCents)}, impegnati ${formatEuro(committedCents)}`;
  return {
    excessCents,
    paidCents,
    committedCents,
    message: `liquidato superiore all’impegnato di ${formatEuro(excessCents)} (${detail}): registrare l’impegno mancante o verificare gli importi`,
  };
}

/**
 * The status of every key of a plan's budget: the plan's lines, the cut-off records and the carry-overs put
 * together. Keys are ordered by objective, action, fund and year as first seen (plan lines first).
 */
export function budgetStatus(input: {
  planned: readonly PlannedAmount[];
  cutOffs: readonly CutOffRecord[];
  carryOvers: readonly CarryOverRecord[];
}): BudgetStatusRow[] {
  const keys = new Map<string, BudgetKey & { plannedCents: number }>();
  const touch = (k: BudgetKey) => {
    const id = budgetKey(k);
    if (!keys.has(id)) keys.set(id, { objectiveId: k.objectiveId, actionId: k.actionId, fund: k.fund, year: k.year, plannedCents: 0 });
    return keys.get(id)!;
  };
  for (const p of input.planned) touch(p).plannedCents += p.amountCents;
  for (const r of input.cutOffs) touch(r);
  for (const c of input.carryOvers) {
    touch({ ...c, year: c.fromYear });
    touch({ ...c, year: c.toYear });
  }
  return [...keys.values()].map((k) => {
    const budgeted = latestOf(input.cutOffs, k, 'budgeted');
    const committed = latestOf(input.cutOffs, k, 'committed');
    const paid = latestOf(input.cutOffs, k, 'paid');
    const same = (c: CarryOverRecord) => c.objectiveId === k.objectiveId && c.actionId === k.actionId && c.fund === k.fund;
    const carriedInCents = input.carryOvers.filter((c) => same(c) && c.toYear === k.year).reduce((s, c) => s + c.amountCents, 0);
    const carriedOutCents = input.carryOvers.filter((c) => same(c) && c.fromYear === k.year).reduce((s, c) => s + c.amountCents, 0);
    const budgetedCents = budgeted ? budgeted.amountCents : k.plannedCents;
    const availableCents = budgetedCents + carriedInCents - carriedOutCents;
    const used = Math.max(committed?.amountCents ?? 0, paid?.amountCents ?? 0);
    const dates = [budgeted, committed, paid]
      .filter((r): r is CutOffRecord => r !== null)
      .map((r) => r.date)
      .sort();
    return {
      ...k,
      budgetedCents,
      budgetedSource: budgeted ? ('cut_off' as const) : ('plan' as const),
      carriedInCents,
      carriedOutCents,
      availableCents,
      committedCents: committed?.amountCents ?? null,
      paidCents: paid?.amountCents ?? null,
      unspentCents: Math.max(0, availableCents - used),
      lastCutOff: dates.at(-1) ?? null,
      paidOverCommitted: paidOverCommitted({ committedCents: committed?.amountCents ?? null, paidCents: paid?.amountCents ?? null }),
    };
  });
}

/** The status rows as the budget lines of the roll-up rules (budgeted = available, i.e. after carry-overs). */
export function toBudgetLines(
  rows: readonly BudgetStatusRow[],
  areaOf: (objectiveId: string) => string | null = () => null,
  objectiveCodeOf: (objectiveId: string) => string | null = () => null,
): BudgetLine[] {
  return rows.map((r) => ({
    fund: r.fund,
    year: r.year,
    area: areaOf(r.objectiveId),
    objective: objectiveCodeOf(r.objectiveId),
    budgetedCents: r.availableCents,
    committedCents: r.committedCents,
    paidCents: r.paidCents,
  }));
}

/**
 * Checks a carry-over of unspent money from one year to the next of the same objective, action and fund.
 * Field paths: anno_origine, importo.
 */
export function validateCarryOver(input: {
  fromYear: number | null;
  amountCents: number;
  status: BudgetStatusRow | null;
  planPeriod: { fromYear: number; toYear: number };
}): { ok: true; toYear: number } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (input.fromYear === null) {
    issues.push({
      path: 'anno_origine',
      message: 'Si riporta all’anno successivo solo un importo annuale: le risorse indicate per l’intero periodo non hanno un anno da cui partire.',
    });
    return { ok: false, issues };
  }
  const toYear = input.fromYear + 1;
  if (input.fromYear < input.planPeriod.fromYear || toYear > input.planPeriod.toYear) {
    issues.push({
      path: 'anno_origine',
      message: `Dal ${input.fromYear} al ${toYear}: il riporto deve restare nel periodo del piano (${input.planPeriod.fromYear}-${input.planPeriod.toYear}).`,
    });
  }
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    issues.push({ path: 'importo', message: 'Importo da riportare non valido: serve un importo maggiore di zero.' });
  } else if (!input.status) {
    issues.push({ path: 'importo', message: `Nel ${input.fromYear} non ci sono risorse preventivate per questo fondo: non c’è nulla da riportare.` });
  } else if (input.amountCents > input.status.unspentCents) {
    issues.push({
      path: 'importo',
      message: `Si possono riportare al massimo ${formatEuro(input.status.unspentCents)}: disponibili ${formatEuro(input.status.availableCents)}, impegnati ${formatEuro(input.status.committedCents ?? 0)}, liquidati ${formatEuro(input.status.paidCents ?? 0)}.`,
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, toYear };
}
