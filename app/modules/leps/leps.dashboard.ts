/**
 * The LEPS dashboard of an Ambito and the regional table: pure functions, no I/O, no clock (the year is passed in).
 *
 * L. 234/2021, art. 1, c. 160: the Ambito territoriale sociale is the unit that plans and delivers the LEPS; the
 * Lombardy guidelines 2025-2027 (DGR XII/2167/2024) ask each Piano di Zona to programme the five priority LEPS with
 * system objectives and yearly targets. What the plan holds is therefore the evidence of a LEPS: the objectives that
 * name it (links.leps), their indicators and yearly targets, the funds budgeted on them. The professional social
 * service (L. 178/2020, art. 1, c. 797) is judged on the social-worker ratio instead (leps.rules.ts).
 */
import { writeCsv } from '../../shared/exports/csv.ts';
import type { SocialWorkerAssessment, ThresholdCheck } from './leps.rules.ts';

export const SOCIAL_SERVICE_LEPS_CODE = 'LEPS_SERVIZIO_SOCIALE_PROFESSIONALE';

export type LepsStatus = 'programmato' | 'programmato_senza_target' | 'non_programmato' | 'raggiunto' | 'non_raggiunto' | 'dati_mancanti';

export const LEPS_STATUS_LABELS: Record<LepsStatus, string> = {
  programmato: 'Programmato con valori attesi per l’anno',
  programmato_senza_target: 'Programmato, senza valori attesi per l’anno',
  non_programmato: 'Non programmato nel piano',
  raggiunto: 'Soglia raggiunta',
  non_raggiunto: 'Soglia non raggiunta',
  dati_mancanti: 'Dati mancanti',
};

/** Bootstrap Italia badge colour for each status (text stays readable: the label is always written out). */
export const LEPS_STATUS_BADGES: Record<LepsStatus, string> = {
  programmato: 'success',
  programmato_senza_target: 'warning',
  non_programmato: 'secondary',
  raggiunto: 'success',
  non_raggiunto: 'danger',
  dati_mancanti: 'secondary',
};

export interface EvidenceTarget {
  year: number | null;
  rule: { type: string } & Record<string, unknown>;
  text: string;
}

export interface EvidenceIndicator {
  /** The plan indicator's id, when the evidence comes from the database (used to fetch its measurements). */
  id?: string;
  code: string;
  label: string;
  targets: readonly EvidenceTarget[];
}

export interface EvidenceObjective {
  code: string;
  title: string;
  indicators: readonly EvidenceIndicator[];
  budgetCents: number;
}

export interface LepsEvidenceSummary {
  status: LepsStatus;
  objectives: number;
  indicators: number;
  /** Indicators with a target for the year (or for the whole period). */
  indicatorsWithTarget: number;
  budgetCents: number;
  /**
   * For the professional social service judged on the staff list: the LEPS threshold (null when no social worker is
   * recorded). The page says why from it, or from the counts above for a LEPS judged on the plan.
   */
  socialWorkers?: { threshold: ThresholdCheck | null };
}

/** The targets that apply to `year`: those of the year and those set for the whole plan period (year null). */
export function targetsForYear(targets: readonly EvidenceTarget[], year: number): EvidenceTarget[] {
  return targets.filter((t) => t.year === year || t.year === null);
}

/**
 * Status of one LEPS in an Ambito for `year`. The professional social service follows the LEPS threshold of the
 * social-worker ratio (when the staff list is known); every other LEPS is judged on the plan: programmed with targets
 * for the year, programmed without, or not programmed.
 */
export function lepsEvidenceStatus(input: {
  code: string;
  year: number;
  objectives: readonly EvidenceObjective[];
  socialWorkers?: { assessment: SocialWorkerAssessment; staffRecorded: boolean } | null;
}): LepsEvidenceSummary {
  const { code, year } = input;
  // An objective linked twice to the same LEPS is still one objective (its budget counted once).
  const objectives = input.objectives.filter((o, i, all) => all.findIndex((x) => x.code === o.code) === i);
  const indicators = objectives.flatMap((o) => o.indicators);
  const withTarget = indicators.filter((i) => targetsForYear(i.targets, year).length > 0).length;
  const budgetCents = objectives.reduce((s, o) => s + o.budgetCents, 0);
  const base = { objectives: objectives.length, indicators: indicators.length, indicatorsWithTarget: withTarget, budgetCents };
  if (code === SOCIAL_SERVICE_LEPS_CODE && input.socialWorkers) {
    const { assessment, staffRecorded } = input.socialWorkers;
    if (!staffRecorded) return { ...base, status: 'dati_mancanti', socialWorkers: { threshold: null } };
    return { ...base, status: assessment.leps.status, socialWorkers: { threshold: assessment.leps } };
  }
  if (objectives.length === 0) return { ...base, status: 'non_programmato' };
  return { ...base, status: withTarget === 0 ? 'programmato_senza_target' : 'programmato' };
}

// ——— Budget: each line counted once ——————————————————————————————————————————————————————————————————

export interface BudgetLineRef {
  id: string;
  amountCents: number;
}

export interface LepsBudgetRow {
  code: string;
  objectives: readonly { id: string; code: string; budgetLines: readonly BudgetLineRef[] }[];
}

export interface LepsBudgetShare {
  /** The budget of the LEPS: each budget line of its objectives once. */
  budgetCents: number;
  /** The part of it also shown under other LEPS (objectives linked to more than one LEPS). */
  sharedCents: number;
  /** Those other LEPS and the objectives through which the budget is shared. */
  sharedWith: string[];
  sharedObjectives: string[];
}

/**
 * Attributes the plan's budget to the LEPS without ever counting a budget line twice. A line belongs to one
 * objective; an objective linked to several LEPS shows its whole budget under each of them (the plan does not say
 * how it splits, and an invented split would be a figure nobody adopted), marked as shared; the total counts every
 * line once. A line reached twice under the same LEPS (an objective linked twice) is counted once there too.
 */
export function attributeLepsBudget(rows: readonly LepsBudgetRow[]): {
  byLeps: Map<string, LepsBudgetShare>;
  totalCents: number;
  rowsSumCents: number;
  sharedCents: number;
} {
  const reachedBy = new Map<string, { amountCents: number; leps: Set<string>; objectiveCode: string }>();
  for (const r of rows) {
    for (const o of r.objectives) {
      for (const l of o.budgetLines) {
        const e = reachedBy.get(l.id) ?? { amountCents: l.amountCents, leps: new Set<string>(), objectiveCode: o.code };
        e.leps.add(r.code);
        reachedBy.set(l.id, e);
      }
    }
  }
  const byLeps = new Map<string, LepsBudgetShare>();
  for (const r of rows) {
    const lines = new Set(r.objectives.flatMap((o) => o.budgetLines.map((l) => l.id)));
    let budgetCents = 0;
    let sharedCents = 0;
    const sharedWith = new Set<string>();
    const sharedObjectives = new Set<string>();
    for (const id of lines) {
      const e = reachedBy.get(id)!;
      budgetCents += e.amountCents;
      if (e.leps.size > 1) {
        sharedCents += e.amountCents;
        sharedObjectives.add(e.objectiveCode);
        for (const other of e.leps) if (other !== r.code) sharedWith.add(other);
      }
    }
    byLeps.set(r.code, { budgetCents, sharedCents, sharedWith: [...sharedWith], sharedObjectives: [...sharedObjectives] });
  }
  const totalCents = [...reachedBy.values()].reduce((s, e) => s + e.amountCents, 0);
  const rowsSumCents = [...byLeps.values()].reduce((s, b) => s + b.budgetCents, 0);
  return { byLeps, totalCents, rowsSumCents, sharedCents: rowsSumCents - totalCents };
}

// ——— The regional table ——————————————————————————————————————————————————————————————————————————

export interface RegionalRow {
  ambitoCode: string;
  ambitoName: string;
  /** The plan that covers the year, if any. */
  planTitle: string | null;
  population: number | null;
  populationYear: number | null;
  /** FTE on the basis of the LEPS (permanent staff of the Ambito and its comuni); null when no staff is recorded. */
  fte: number | null;
  inhabitantsPerWorker: number | null;
  lepsStatus: LepsStatus;
  /** FTE the population requires at 1:5.000 and at 1:4.000 (null without population). */
  requiredLepsFte: number | null;
  requiredObjectiveFte: number | null;
  /** FTE missing to the LEPS (1:5.000) and to the service objective (1:4.000). */
  gapLepsFte: number | null;
  gapObjectiveFte: number | null;
  toHireLeps: number | null;
  toHireObjective: number | null;
  /** LEPS of the catalogue named by at least one objective of the plan. */
  programmedLeps: number;
  catalogueSize: number;
  /** Priority LEPS programmed with targets for the year. */
  priorityWithTargets: number;
  prioritySize: number;
  lepsBudgetCents: number;
}

export const REGIONAL_SORT_KEYS = [
  'ambito',
  'popolazione',
  'etp',
  'abitanti_per_etp',
  'gap_leps',
  'gap_obiettivo',
  'leps_programmati',
  'prioritari',
  'risorse',
] as const;
export type RegionalSortKey = (typeof REGIONAL_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export const REGIONAL_SORT_LABELS: Record<RegionalSortKey, string> = {
  ambito: 'Ambito',
  popolazione: 'Popolazione',
  etp: 'Assistenti sociali (ETP)',
  abitanti_per_etp: 'Abitanti per assistente sociale',
  gap_leps: 'ETP mancanti al LEPS 1:5.000',
  gap_obiettivo: 'ETP mancanti all’obiettivo 1:4.000',
  leps_programmati: 'LEPS programmati',
  prioritari: 'LEPS prioritari con valori attesi',
  risorse: 'Risorse sugli obiettivi LEPS',
};

/** The value a column of the regional table is sorted by. */
export const REGIONAL_SORT_VALUE: Record<RegionalSortKey, (r: RegionalRow) => number | string | null> = {
  ambito: (r) => r.ambitoName,
  popolazione: (r) => r.population,
  etp: (r) => r.fte,
  abitanti_per_etp: (r) => r.inhabitantsPerWorker,
  gap_leps: (r) => r.gapLepsFte,
  gap_obiettivo: (r) => r.gapObjectiveFte,
  leps_programmati: (r) => r.programmedLeps,
  prioritari: (r) => r.priorityWithTargets,
  risorse: (r) => r.lepsBudgetCents,
};

/** Reads `?ordina=…&verso=…` safely: unknown values fall back to the Ambito name, ascending. */
export function parseRegionalSort(sort: string | null, direction: string | null): { key: RegionalSortKey; direction: SortDirection } {
  const key = (REGIONAL_SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as RegionalSortKey) : 'ambito';
  return { key, direction: direction === 'desc' ? 'desc' : 'asc' };
}

/** Sorts the rows by a column; missing values always go last, ties keep the Ambito name order. */
export function sortRegionalRows(rows: readonly RegionalRow[], key: RegionalSortKey, direction: SortDirection): RegionalRow[] {
  const value = REGIONAL_SORT_VALUE[key];
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: RegionalRow, b: RegionalRow) => a.ambitoName.localeCompare(b.ambitoName, 'it');
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null && y === null) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    const c = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, 'it') : (x as number) - (y as number);
    return c !== 0 ? sign * c : byName(a, b);
  });
}

export const REGIONAL_CSV_COLUMNS = [
  'codice_ambito',
  'ambito',
  'piano',
  'popolazione',
  'anno_popolazione',
  'etp_assistenti_sociali',
  'abitanti_per_etp',
  'stato_leps_servizio_sociale',
  'etp_richiesti_leps_1_5000',
  'etp_richiesti_obiettivo_1_4000',
  'etp_mancanti_leps_1_5000',
  'da_assumere_leps_1_5000',
  'etp_mancanti_obiettivo_1_4000',
  'da_assumere_obiettivo_1_4000',
  'leps_programmati',
  'leps_catalogo',
  'prioritari_con_valori_attesi',
  'prioritari',
  'risorse_obiettivi_leps_euro',
] as const;

/**
 * The regional table as CSV for a spreadsheet: `;` separator, decimal comma, UTF-8 with BOM, CRLF line ends, one
 * header row; empty cells where a figure is missing. Amounts in euro with two decimals.
 */
export function regionalCsv(rows: readonly RegionalRow[]): string {
  const num = (n: number | null, decimals = 0) => (n === null ? '' : n.toFixed(decimals).replace('.', ','));
  return writeCsv(
    REGIONAL_CSV_COLUMNS,
    rows.map((r) => [
      r.ambitoCode,
      r.ambitoName,
      r.planTitle ?? '',
      num(r.population),
      num(r.populationYear),
      num(r.fte, 4),
      num(r.inhabitantsPerWorker, 1),
      LEPS_STATUS_LABELS[r.lepsStatus],
      num(r.requiredLepsFte, 4),
      num(r.requiredObjectiveFte, 4),
      num(r.gapLepsFte, 4),
      num(r.toHireLeps),
      num(r.gapObjectiveFte, 4),
      num(r.toHireObjective),
      num(r.programmedLeps),
      num(r.catalogueSize),
      num(r.priorityWithTargets),
      num(r.prioritySize),
      num(r.lepsBudgetCents / 100, 2),
    ]),
  );
}
