/**
 * The LEPS of the professional social service: social workers (assistenti sociali) per inhabitants of an Ambito.
 *
 * L. 178/2020 (Legge di bilancio 2021), art. 1, c. 797: «livello essenziale delle prestazioni sociali […] definito da
 * un operatore ogni 5.000 abitanti» and «un ulteriore obiettivo di servizio definito da un operatore ogni 4.000
 * abitanti»; to that end the Ambito receives, from the Fondo povertà (L. 208/2015, art. 1, c. 386), a yearly
 * contribution for each social worker hired **a tempo indeterminato** by the Ambito or by its comuni, counted in
 * full-time equivalents: a) 40.000 € beyond the ratio 1:6.500 and up to 1:5.000; b) 20.000 € beyond 1:5.000 and up
 * to 1:4.000. Cc. 798-802 and the DM 4 febbraio 2021 set how it is shared out. L. 234/2021, art. 1, cc. 159-171:
 * the Ambito territoriale sociale is the unit that guarantees the LEPS.
 *
 * The seed plans cite the norm (Sebino, «Servizio sociale professionale – Legge di bilancio n.178/2020, art. 1,
 * commi 797 -802») but print neither the ratios nor the amounts: the constants below come from the law itself.
 * Note that the 40.000 € per social worker of the Gallarate PUA card is a different measure (FNA, regional).
 *
 * Pure functions: no I/O, no clock. FTE (ETP, equivalenti a tempo pieno) are computed in ten-thousandths so that
 * part-time sums and threshold checks are exact.
 */

export const SOCIAL_WORKER_RULES = {
  /** LEPS: at least 1 social worker FTE every 5.000 inhabitants (L. 178/2020, art. 1, c. 797). */
  lepsInhabitantsPerWorker: 5_000,
  /** Service objective: 1 social worker FTE every 4.000 inhabitants (same c. 797). */
  serviceObjectiveInhabitantsPerWorker: 4_000,
  /** The contribution starts beyond 1 FTE every 6.500 inhabitants (c. 797, lett. a). */
  contributionStartInhabitantsPerWorker: 6_500,
  /** 40.000 € a year per permanent FTE between 1:6.500 and 1:5.000 (c. 797, lett. a). */
  contributionUpToLepsCentsPerFte: 40_000_00,
  /** 20.000 € a year per permanent FTE between 1:5.000 and 1:4.000 (c. 797, lett. b). */
  contributionUpToObjectiveCentsPerFte: 20_000_00,
  /** Full-time weekly hours in local government (CCNL Funzioni locali): the default for hours → FTE. */
  fullTimeWeeklyHours: 36,
} as const;

/** FTE are summed in ten-thousandths of a full-time post. */
const FTE_SCALE = 10_000;

/**
 * A ratio with what it is made of, so that no figure is shown without its formula: the page writes it out in the
 * reader's language (e.g. «54.346 abitanti / 11 ETP = 4.940,5 abitanti per assistente sociale»).
 */
export interface Ratio {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0. */
  value: number | null;
}

// ——— Staff records ———————————————————————————————————————————————————————————————————————————————

/**
 * The employers that are «l’ambito, ovvero […] i comuni che ne fanno parte» (c. 797): the comuni and the body through
 * which they manage the Ambito. Staff of the health authority, of contracted cooperatives or of temp agencies work
 * in the Ambito's services but are not the Ambito's own social workers.
 */
export const AMBITO_EMPLOYER_KINDS = ['comune', 'ente_capofila', 'consorzio', 'azienda_speciale_consortile', 'asp', 'unione_di_comuni'] as const;

/** Who employs the social worker (the page names them through the dictionary, `leps.employerKind.<kind>`). */
export const EMPLOYER_KINDS = [...AMBITO_EMPLOYER_KINDS, 'azienda_sanitaria', 'ente_terzo_settore', 'agenzia_somministrazione', 'altro'] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];

export const CONTRACT_KINDS = ['tempo_indeterminato', 'tempo_determinato', 'somministrazione', 'incarico_professionale', 'altro'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** One social worker, or one post, of the Ambito's services over a period. */
export interface SocialWorkerPost {
  /** A code for the person or the post (no personal names are needed). */
  id: string;
  /** Fraction of a full-time post, 0 < fte ≤ 1 (e.g. 0,5 for 18 hours out of 36). */
  fte: number;
  employerKind: EmployerKind;
  employerName: string;
  contract: ContractKind;
  /** Funding source codes (see FUNDING_SOURCES in leps-catalogue.ts), e.g. the L. 178/2020 contribution. */
  fundingSources: readonly string[];
  /** Optional assignment, e.g. «PUA», «Tutela minori». */
  assignment?: string | null;
  /** First day in service (ISO). */
  from: string;
  /** Last day in service (ISO, inclusive), null while still in service. */
  to: string | null;
}

/**
 * Which posts count. `tutto_il_personale`: every social worker of the Ambito's services, whoever employs them;
 * `dipendenti_ambito_comuni`: those employed by the Ambito or its comuni, any contract;
 * `tempo_indeterminato_ambito_comuni`: those employed by the Ambito or its comuni a tempo indeterminato — the basis of
 * the L. 178/2020 contribution and of the yearly ministerial survey.
 */
export const STAFF_BASES = ['tempo_indeterminato_ambito_comuni', 'dipendenti_ambito_comuni', 'tutto_il_personale'] as const;
export type StaffBasis = (typeof STAFF_BASES)[number];

export function countsFor(post: Pick<SocialWorkerPost, 'employerKind' | 'contract'>, basis: StaffBasis): boolean {
  if (basis === 'tutto_il_personale') return true;
  if (!(AMBITO_EMPLOYER_KINDS as readonly EmployerKind[]).includes(post.employerKind)) return false;
  return basis === 'dipendenti_ambito_comuni' || post.contract === 'tempo_indeterminato';
}

/** Part-time as a fraction of a full-time post: weekly hours / full-time hours (36 by default). */
export function fteFromWeeklyHours(weeklyHours: number, fullTimeHours: number = SOCIAL_WORKER_RULES.fullTimeWeeklyHours): Ratio {
  if (!(weeklyHours >= 0) || !(fullTimeHours > 0)) throw new RangeError('weekly hours must be ≥ 0 and full-time hours > 0');
  const value = weeklyHours === 0 ? 0 : roundTo(weeklyHours / fullTimeHours, 4);
  return { numerator: weeklyHours, denominator: fullTimeHours, value };
}

/** Is the post in service on `day` (ISO, both ends inclusive)? */
export function isInServiceOn(post: Pick<SocialWorkerPost, 'from' | 'to'>, day: string): boolean {
  return post.from <= day && (post.to === null || day <= post.to);
}

export interface StaffFte {
  /** The day of the snapshot, or the year for a yearly average. */
  reference: string;
  /** Posts counted at least one day (or on the day). */
  posts: number;
  fte: Record<StaffBasis, number>;
  byEmployerKind: Partial<Record<EmployerKind, number>>;
  byContract: Partial<Record<ContractKind, number>>;
}

/** The FTE in service on one day (e.g. 31 December, the reference date of a yearly count), on every basis. */
export function staffFteOn(posts: readonly SocialWorkerPost[], day: string): StaffFte {
  return summarise(
    day,
    posts.filter((p) => isInServiceOn(p, day)).map((p) => ({ post: p, units: fteUnits(p.fte) })),
  );
}

/**
 * The FTE of a year as an average over its days: a full-time social worker hired on 1 July counts about 0,5 for
 * that year. Useful when staff change during the year; `staffFteOn(posts, 'YYYY-12-31')` gives the year-end count.
 */
export function averageStaffFteInYear(posts: readonly SocialWorkerPost[], year: number): StaffFte {
  const first = dayNumber(`${year}-01-01`);
  const last = dayNumber(`${year}-12-31`);
  const days = last - first + 1;
  const weighted = [];
  for (const p of posts) {
    const from = Math.max(first, dayNumber(p.from));
    const to = Math.min(last, p.to === null ? last : dayNumber(p.to));
    if (to < from) continue;
    weighted.push({ post: p, units: Math.round((fteUnits(p.fte) * (to - from + 1)) / days) });
  }
  return summarise(String(year), weighted);
}

function summarise(reference: string, items: { post: SocialWorkerPost; units: number }[]): StaffFte {
  const totals: Record<StaffBasis, number> = { tempo_indeterminato_ambito_comuni: 0, dipendenti_ambito_comuni: 0, tutto_il_personale: 0 };
  const byEmployer: Partial<Record<EmployerKind, number>> = {};
  const byContract: Partial<Record<ContractKind, number>> = {};
  for (const { post, units } of items) {
    for (const basis of STAFF_BASES) if (countsFor(post, basis)) totals[basis] += units;
    byEmployer[post.employerKind] = (byEmployer[post.employerKind] ?? 0) + units;
    byContract[post.contract] = (byContract[post.contract] ?? 0) + units;
  }
  const toFte = <K extends string>(r: Partial<Record<K, number>>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, (v as number) / FTE_SCALE])) as Partial<Record<K, number>>;
  return {
    reference,
    posts: items.length,
    fte: {
      tempo_indeterminato_ambito_comuni: totals.tempo_indeterminato_ambito_comuni / FTE_SCALE,
      dipendenti_ambito_comuni: totals.dipendenti_ambito_comuni / FTE_SCALE,
      tutto_il_personale: totals.tutto_il_personale / FTE_SCALE,
    },
    byEmployerKind: toFte(byEmployer),
    byContract: toFte(byContract),
  };
}

// ——— The ratio and the gap ———————————————————————————————————————————————————————————————————————

export type ThresholdStatus = 'raggiunto' | 'non_raggiunto' | 'dati_mancanti';

/**
 * One threshold against the staff in service. The page says it in words from these figures: «LEPS: 1 assistente
 * sociale ogni 5.000 abitanti», then reached, not reached (with the FTE missing and the people to hire) or not
 * assessable without the population.
 */
export interface ThresholdCheck {
  kind: 'leps' | 'obiettivo_di_servizio';
  inhabitantsPerWorker: number;
  /** FTE in service. */
  fte: number;
  /** FTE needed: population / inhabitants per worker (null without population). */
  requiredFte: Ratio | null;
  /** The FTE needed as whole people, rounded up (e.g. 83.484 abitanti → 17 at 1:5.000). */
  requiredPersons: number | null;
  status: ThresholdStatus;
  /** FTE missing to reach the ratio, 0 when reached. */
  gapFte: number | null;
  /** Full-time social workers to hire to reach the ratio, rounded up to a whole person. */
  toHire: number | null;
}

export interface SocialWorkerAssessment {
  population: number | null;
  fte: number;
  /** Inhabitants per social worker FTE (null without population). */
  inhabitantsPerWorker: Ratio | null;
  leps: ThresholdCheck;
  serviceObjective: ThresholdCheck;
}

/**
 * Where an Ambito stands against the LEPS (1:5.000) and the service objective (1:4.000), given its population and
 * its social worker FTE. Reaching a ratio means FTE × inhabitants-per-worker ≥ population (exactly 5.000 inhabitants
 * per FTE reaches the LEPS). Without population (null or 0) nothing can be said: status `dati_mancanti`.
 */
export function assessSocialWorkerRatio(input: { population: number | null; fte: number }): SocialWorkerAssessment {
  const { population, fte } = input;
  if (population !== null && !(Number.isInteger(population) && population >= 0)) throw new RangeError('population must be a non-negative integer or null');
  if (!(Number.isFinite(fte) && fte >= 0)) throw new RangeError('FTE must be a non-negative number');
  const units = fteUnits(fte);
  const known = population !== null && population > 0 ? population : null;
  return {
    population,
    fte: units / FTE_SCALE,
    inhabitantsPerWorker: known === null ? null : inhabitantsPerFte(known, units),
    leps: checkThreshold('leps', known, units, SOCIAL_WORKER_RULES.lepsInhabitantsPerWorker),
    serviceObjective: checkThreshold('obiettivo_di_servizio', known, units, SOCIAL_WORKER_RULES.serviceObjectiveInhabitantsPerWorker),
  };
}

function inhabitantsPerFte(population: number, units: number): Ratio {
  const fte = units / FTE_SCALE;
  if (units === 0) return { numerator: population, denominator: 0, value: null };
  return { numerator: population, denominator: fte, value: roundTo((population * FTE_SCALE) / units, 1) };
}

function checkThreshold(kind: ThresholdCheck['kind'], population: number | null, units: number, perWorker: number): ThresholdCheck {
  const base = { kind, inhabitantsPerWorker: perWorker, fte: units / FTE_SCALE };
  if (population === null) {
    return { ...base, requiredFte: null, requiredPersons: null, status: 'dati_mancanti', gapFte: null, toHire: null };
  }
  const required = roundTo(population / perWorker, 4);
  const requiredFte: Ratio = { numerator: population, denominator: perWorker, value: required };
  const requiredPersons = Math.ceil(population / perWorker);
  // Shortfall in FTE units, exact: population × scale − units × perWorker, over perWorker.
  const shortfall = population * FTE_SCALE - units * perWorker;
  if (shortfall <= 0) return { ...base, requiredFte, requiredPersons, status: 'raggiunto', gapFte: 0, toHire: 0 };
  return {
    ...base,
    requiredFte,
    requiredPersons,
    status: 'non_raggiunto',
    gapFte: Math.ceil(shortfall / perWorker) / FTE_SCALE,
    toHire: Math.ceil(shortfall / (perWorker * FTE_SCALE)),
  };
}

// ——— The L. 178/2020 contribution ——————————————————————————————————————————————————————————————————

/**
 * One band of c. 797 (the page writes «L. 178/2020, art. 1, c. 797, lett. a): 40.000 € per ETP a tempo indeterminato
 * oltre 1:6.500 e fino a 1:5.000» and the computation «ETP × € per ETP = importo» from these figures).
 */
export interface ContributionBand {
  /** Letter of c. 797: a) from 1:6.500 to 1:5.000, b) from 1:5.000 to 1:4.000. */
  letter: 'a' | 'b';
  /** The ratios the band runs between (inhabitants per FTE), e.g. 6.500 and 5.000. */
  startInhabitantsPerWorker: number;
  endInhabitantsPerWorker: number;
  /** FTE at which the band starts and ends for this population. */
  fromFte: number;
  toFte: number;
  /** Permanent FTE that fall in the band. */
  countedFte: number;
  centsPerFte: number;
  amountCents: number;
  /** True when the amount was computed on FTE with more than two decimals (the shown FTE are rounded). */
  fromUnroundedFte: boolean;
}

export interface SocialWorkerContribution {
  population: number | null;
  /** Permanent FTE of the Ambito and its comuni (basis `tempo_indeterminato_ambito_comuni`). */
  permanentFte: number;
  /** Empty when the contribution cannot be computed (no population). */
  bands: ContributionBand[];
  totalCents: number;
  /** The ratio the contribution starts beyond (1:6.500), for «nessun contributo». */
  startInhabitantsPerWorker: number;
}

/**
 * The yearly contribution of L. 178/2020, art. 1, c. 797 for a population and the permanent FTE of the Ambito and
 * its comuni: 40.000 € per FTE beyond 1:6.500 up to 1:5.000, 20.000 € per FTE beyond 1:5.000 up to 1:4.000, nothing
 * beyond. Fractions of FTE count pro rata; amounts are rounded to the cent. The actual payment also depends on the
 * national allocation (DM 4 febbraio 2021): this is the entitlement the law describes, not a payment forecast.
 */
export function socialWorkerContribution(input: { population: number | null; permanentFte: number }): SocialWorkerContribution {
  const { population, permanentFte } = input;
  if (!(Number.isFinite(permanentFte) && permanentFte >= 0)) throw new RangeError('FTE must be a non-negative number');
  const units = fteUnits(permanentFte);
  const r = SOCIAL_WORKER_RULES;
  const base = { population, permanentFte: units / FTE_SCALE, startInhabitantsPerWorker: r.contributionStartInhabitantsPerWorker };
  if (population === null || population <= 0) return { ...base, bands: [], totalCents: 0 };
  const band = (letter: 'a' | 'b', startPer: number, endPer: number, centsPerFte: number): ContributionBand => {
    const fromUnits = (population * FTE_SCALE) / startPer;
    const toUnits = (population * FTE_SCALE) / endPer;
    const counted = Math.max(0, Math.min(units, toUnits) - fromUnits);
    const countedFte = roundTo(counted / FTE_SCALE, 4);
    const amountCents = Math.round((counted * centsPerFte) / FTE_SCALE);
    return {
      letter,
      startInhabitantsPerWorker: startPer,
      endInhabitantsPerWorker: endPer,
      fromFte: roundTo(fromUnits / FTE_SCALE, 4),
      toFte: roundTo(toUnits / FTE_SCALE, 4),
      countedFte,
      centsPerFte,
      amountCents,
      fromUnroundedFte: roundTo(countedFte, 2) !== countedFte,
    };
  };
  const bands = [
    band('a', r.contributionStartInhabitantsPerWorker, r.lepsInhabitantsPerWorker, r.contributionUpToLepsCentsPerFte),
    band('b', r.lepsInhabitantsPerWorker, r.serviceObjectiveInhabitantsPerWorker, r.contributionUpToObjectiveCentsPerFte),
  ];
  return { ...base, bands, totalCents: bands.reduce((s, b) => s + b.amountCents, 0) };
}

// ——— History over years ——————————————————————————————————————————————————————————————————————————

export interface StaffingYear {
  year: number;
  population: number | null;
  staff: StaffFte;
  /** FTE on the chosen basis. */
  fte: number;
  /** FTE change from the previous year of the series (null for the first). */
  fteChange: number | null;
  assessment: SocialWorkerAssessment;
}

/**
 * The ratio year by year. Staff are counted on 31 December (`al_31_dicembre`, default) or as the average over the
 * year (`media_annua`), on the chosen basis (default: permanent staff of the Ambito and its comuni). A year without
 * a population figure is kept, with status `dati_mancanti`.
 */
export function socialWorkerHistory(
  posts: readonly SocialWorkerPost[],
  populationByYear: readonly { year: number; population: number | null }[],
  options: { basis?: StaffBasis; reference?: 'al_31_dicembre' | 'media_annua' } = {},
): StaffingYear[] {
  const basis = options.basis ?? 'tempo_indeterminato_ambito_comuni';
  const reference = options.reference ?? 'al_31_dicembre';
  const years = [...populationByYear].sort((a, b) => a.year - b.year);
  const result: StaffingYear[] = [];
  for (const { year, population } of years) {
    const staff = reference === 'media_annua' ? averageStaffFteInYear(posts, year) : staffFteOn(posts, `${year}-12-31`);
    const fte = staff.fte[basis];
    const previous = result[result.length - 1];
    result.push({
      year,
      population,
      staff,
      fte,
      fteChange: previous ? (fteUnits(fte) - fteUnits(previous.fte)) / FTE_SCALE : null,
      assessment: assessSocialWorkerRatio({ population, fte }),
    });
  }
  return result;
}

// ——— Helpers ———————————————————————————————————————————————————————————————————————————————————

function fteUnits(fte: number): number {
  return Math.round(fte * FTE_SCALE);
}

function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}
