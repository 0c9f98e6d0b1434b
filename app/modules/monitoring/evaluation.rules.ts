// DGR XII/2167/2024 (Regione Lombardia), Linee di indirizzo per la programmazione sociale territoriale 2025-2027,
// "Schema di valutazione" degli obiettivi del Piano di Zona in chiusura (as applied by the Ambito di Gallarate,
// seed 002 §1.2 L1035-L1121 and §1.3-1.4 L1123-L2965). Pure rules: no I/O.
//
// Decisions (documented because the grid leaves them open):
// - An action counts as "realizzata" when its realisation percentage is above 0 (this reproduces every grade the
//   Gallarate plan publishes; the grade is NOT the mean of the action percentages: objective D has 80/100/100 and
//   is graded 100 %).
// - Rounding. The grade is printed as a whole percentage rounded half up: 2/3 = 66,666… → 67 %, 1/3 → 33 % (the
//   seed prints 67 % for G and N, 33 % for M and O). The band is given to the printed figure, so that what a user
//   reads is consistent (a printed 50 % is never "insufficiente"). A grade strictly between 0 and 100 is never
//   printed as 0 % or 100 % (it is clamped to 1 % / 99 %): "nullo" means no action realised, "ottimo" all of them.
// - The plan mean is the arithmetic mean of the printed objective grades, printed with two decimals rounded half
//   up: (100+75+80+75+75+100+20+100+67+100+100+100+33+67+33+100)/16 = 1225/16 = 76,5625 → "76,56% (sufficiente)"
//   (seed 002 L2945). Averaging the exact fractions gives the same figure here (67+67+33+33 = 2×66,67+2×33,33), and
//   averaging what is printed lets anyone check the mean from the document.
// - Spending coincidence compares integer euro cents exactly: only paid = budgeted is "100% (ottimo)"; nothing
//   budgeted and nothing paid is the case "no resources allocated"; something paid with nothing budgeted is
//   ">100% (sottostimato)" with no percentage.

import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { refuseControlCharactersInJson, z } from '../../shared/validation.ts';
import { percentIssue } from './percent.rules.ts';
import { formatNumber } from './targets.rules.ts';

// ---------------------------------------------------------------------------------------------------------------
// Grado di raggiungimento (DIMENSIONE OUTPUT)

// The formula, (n. azioni realizzate*100)/n. azioni programmate, is written by the pages (mon.grade.formula).

/** The bands exactly as the grid prints them (seed 002 L1049-L1053), worst to best. */
export const ACHIEVEMENT_BAND_LABELS = {
  nullo: '0% (nullo)',
  insufficiente: '1-49% (insufficiente)',
  sufficiente: '50-79% (sufficiente)',
  buono: '80-99% (buono)',
  ottimo: '100% (ottimo)',
};
export type AchievementBand = keyof typeof ACHIEVEMENT_BAND_LABELS;

/** Band of a percentage: 0 nullo; (0, 50) insufficiente; [50, 80) sufficiente; [80, 100) buono; 100 ottimo. */
export function achievementBand(percent: number): AchievementBand {
  const issue = percentIssue('grado di raggiungimento', percent);
  if (issue) throw new ValidationError([issue]);
  if (percent === 0) return 'nullo';
  if (percent < 50) return 'insufficiente';
  if (percent < 80) return 'sufficiente';
  if (percent < 100) return 'buono';
  return 'ottimo';
}

export interface ActionRealisation {
  /** The action's number in the objective (Azione 1, 2…); used in messages. */
  number?: number;
  /** Realisation percentage, 0-100, as stated in the evaluation. */
  realisationPercent: number;
}

export interface AchievementGrade {
  realised: number;
  planned: number;
  /** realised × 100 */
  numerator: number;
  /** planned */
  denominator: number;
  /** The exact percentage. */
  value: number;
  /** The printed percentage (whole number, see the rounding rule above). */
  percent: number;
  band: AchievementBand;
  /** "67% (sufficiente)", as the grid prints it (compared with the grade a document publishes). */
  label: string;
}

/** The achievement grade of one objective from its actions' realisation percentages. */
export function achievementGrade(actions: readonly ActionRealisation[]): AchievementGrade {
  const issues: FieldIssue[] = [];
  if (actions.length === 0) issues.push({ path: 'azioni', message: 'l’obiettivo non ha azioni programmate' });
  actions.forEach((a, i) => {
    const issue = percentIssue(`azione ${a.number ?? i + 1}, percentuale di realizzazione`, a.realisationPercent);
    if (issue) issues.push(issue);
  });
  if (issues.length) throw new ValidationError(issues);
  const planned = actions.length;
  const realised = actions.filter((a) => a.realisationPercent > 0).length;
  return { realised, planned, ...printedGrade(realised * 100, planned, 0) };
}

export interface PlanMeanGrade {
  /** Σ printed grades */
  numerator: number;
  /** number of objectives */
  denominator: number;
  value: number;
  /** Printed with two decimals (76.56). */
  percent: number;
  band: AchievementBand;
  /** The objectives' printed grades, in order (the terms of the mean). */
  terms: number[];
  /** "76,56% (sufficiente)", as the grid prints it. */
  label: string;
}

/** The plan's mean achievement grade over its objectives (mean of the printed grades, two decimals). */
export function planMeanGrade(grades: readonly { code?: string; percent: number }[]): PlanMeanGrade {
  const issues: FieldIssue[] = [];
  if (grades.length === 0) issues.push({ path: 'obiettivi', message: 'nessun obiettivo valutato' });
  grades.forEach((g, i) => {
    const issue = percentIssue(`obiettivo ${g.code ?? i + 1}, grado di raggiungimento`, g.percent, true);
    if (issue) issues.push(issue);
  });
  if (issues.length) throw new ValidationError(issues);
  return {
    ...printedGrade(
      grades.reduce((s, g) => s + g.percent, 0),
      grades.length,
      2,
    ),
    terms: grades.map((g) => g.percent),
  };
}

/** A grade as the grid prints it: numerator × 100 / denominator rounded half up to `decimals`, its band and label. */
function printedGrade(numerator: number, denominator: number, decimals: number) {
  const percent = printedPercent(numerator, denominator, decimals);
  const band = achievementBand(percent);
  return { numerator, denominator, value: numerator / denominator, percent, band, label: `${formatNumber(percent, decimals)}% (${band})` };
}

/**
 * A percentage numerator/denominator (the numerator already × 100) rounded half up to `decimals`, in exact integer
 * arithmetic when both are integers. Clamped so that the printed figure never hides a difference that matters: a
 * value strictly between 0 and 100 never prints as 0 or 100, a value above 100 never prints as 100.
 */
export function printedPercent(numerator: number, denominator: number, decimals: number): number {
  const scale = 10 ** decimals;
  const exact = Number.isInteger(numerator) && Number.isInteger(denominator) && Number.isSafeInteger(2 * numerator * scale + denominator);
  let units = exact ? Math.floor((2 * numerator * scale + denominator) / (2 * denominator)) : Math.floor((numerator * scale) / denominator + 0.5);
  const hundred = 100 * scale;
  if (units === 0 && numerator > 0) units = 1;
  if (units >= hundred && numerator < 100 * denominator) units = hundred - 1;
  if (units <= hundred && numerator > 100 * denominator) units = hundred + 1;
  return units / scale;
}

// ---------------------------------------------------------------------------------------------------------------
// Livello di adeguatezza delle risorse umane e strumentali

/** The five-level scale of the grid (seed 002 L1069-L1073), worst to best. */
export const RESOURCE_ADEQUACY_LEVELS = ['Gravemente inadeguato', 'Inadeguato', 'Sufficientemente adeguato', 'Adeguato', 'Perfettamente adeguato'] as const;
export type ResourceAdequacy = (typeof RESOURCE_ADEQUACY_LEVELS)[number];

/** 1 (Gravemente inadeguato) … 5 (Perfettamente adeguato). */
export function adequacyScore(level: ResourceAdequacy): number {
  return RESOURCE_ADEQUACY_LEVELS.indexOf(level) + 1;
}

/**
 * Reads the level from the free text an evaluator wrote ("Adeguato, per quanto realizzato", "Complessivamente,
 * risorse sufficientemente adeguate."). When the text sums up with "Complessivamente", the summary decides. Null
 * when the text says "Non pertinente" or names no level.
 */
export function classifyAdequacy(text: string): ResourceAdequacy | null {
  let t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (t.startsWith('non pertinente')) return null;
  const summary = t.lastIndexOf('complessivamente');
  if (summary >= 0) t = t.slice(summary);
  if (t.includes('gravemente inadeguat')) return 'Gravemente inadeguato';
  if (t.includes('perfettamente adeguat')) return 'Perfettamente adeguato';
  if (t.includes('sufficientemente adeguat')) return 'Sufficientemente adeguato';
  if (t.includes('inadeguat')) return 'Inadeguato';
  if (t.includes('adeguat')) return 'Adeguato';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Livello di coincidenza tra risorse stanziate e risorse impegnate/liquidate

// The formula, (pagato*100)/preventivato, is written by the pages (mon.spending.formula).

/** The classes as the grid prints them (seed 002 L1083-L1086), and the wording used when nothing was allocated. */
export const SPENDING_CLASS_LABELS = {
  below_100: '<100% (non realizzato come programmato o sovrastimato)',
  equal_100: '100% (ottimo)',
  above_100: '>100% (sottostimato)',
  no_resources: 'Poiché non erano state stanziate risorse, non si sono avute spese.',
};
export type SpendingClass = keyof typeof SPENDING_CLASS_LABELS;
export const SPENDING_CLASSES = Object.keys(SPENDING_CLASS_LABELS) as [SpendingClass, ...SpendingClass[]];

export interface SpendingLine {
  /** Budgeted ("stanziato / preventivato"), integer euro cents. */
  budgetedCents: number;
  /** Paid ("impegnato / liquidato"), integer euro cents. */
  paidCents: number;
}

export interface SpendingCoincidence {
  budgetedCents: number;
  paidCents: number;
  /** paid × 100, in cents */
  numerator: number;
  /** budgeted, in cents */
  denominator: number;
  /** Percentage; null when nothing was budgeted. */
  value: number | null;
  /** Printed with two decimals; null when nothing was budgeted. */
  percent: number | null;
  spendingClass: SpendingClass;
  label: string;
}

/** Spending coincidence of an objective (or action) from its budget lines. */
export function spendingCoincidence(lines: SpendingLine | readonly SpendingLine[]): SpendingCoincidence {
  const list: readonly SpendingLine[] = Array.isArray(lines) ? lines : [lines as SpendingLine];
  const issues: FieldIssue[] = [];
  list.forEach((l, i) => {
    const where = list.length > 1 ? `riga ${i + 1}, ` : '';
    for (const [field, label] of [
      ['budgetedCents', 'importo preventivato'],
      ['paidCents', 'importo pagato'],
    ] as const) {
      const v = l[field];
      if (!Number.isSafeInteger(v) || v < 0) {
        issues.push({ path: `${where}${label}`, message: `importo non valido: «${String(v)}» (centesimi di euro, intero non negativo)` });
      }
    }
  });
  if (issues.length) throw new ValidationError(issues);
  const budgetedCents = list.reduce((s, l) => s + l.budgetedCents, 0);
  const paidCents = list.reduce((s, l) => s + l.paidCents, 0);
  const numerator = paidCents * 100;
  const base = { budgetedCents, paidCents, numerator, denominator: budgetedCents };
  if (budgetedCents === 0) {
    if (paidCents === 0) {
      return {
        ...base,
        value: null,
        percent: null,
        spendingClass: 'no_resources',
        label: SPENDING_CLASS_LABELS.no_resources,
      };
    }
    return {
      ...base,
      value: null,
      percent: null,
      spendingClass: 'above_100',
      label: SPENDING_CLASS_LABELS.above_100,
    };
  }
  const value = numerator / budgetedCents;
  const spendingClass: SpendingClass = paidCents < budgetedCents ? 'below_100' : paidCents === budgetedCents ? 'equal_100' : 'above_100';
  const percent = printedPercent(numerator, budgetedCents, 2);
  return {
    ...base,
    value,
    percent,
    spendingClass,
    label: SPENDING_CLASS_LABELS[spendingClass],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The filled grid of a closing plan (one record per objective)

export const YES_NO_ANSWERS = ['yes', 'no', 'not_applicable'] as const;
export type YesNoAnswer = (typeof YES_NO_ANSWERS)[number];

const text = z.string().trim().min(1, 'testo vuoto');
const yesNo = z.enum(YES_NO_ANSWERS, { message: 'risposta non valida (yes, no, not_applicable)' }).nullable();

export const objectiveEvaluationSchema = z.object({
  code: z.string().trim().min(1, 'codice mancante').max(10, 'codice troppo lungo'),
  title: text,
  macroArea: text,
  priority: z.boolean({ message: 'indica se l’obiettivo era prioritario (true/false)' }),
  sourceLines: z.string().optional(),
  actions: z
    .array(
      z.object({
        number: z.int({ message: 'numero di azione non valido' }).positive('numero di azione non valido'),
        text,
        realisationPercent: z
          .number({ message: 'percentuale di realizzazione mancante' })
          .min(0, 'la percentuale va da 0 a 100')
          .max(100, 'la percentuale va da 0 a 100'),
      }),
    )
    .min(1, 'l’obiettivo non ha azioni'),
  realisation: z.object({ statements: z.array(text), notes: text.nullable() }),
  publishedGrade: z
    .object({
      percent: z.int().min(0).max(100),
      band: z.enum(Object.keys(ACHIEVEMENT_BAND_LABELS) as [AchievementBand, ...AchievementBand[]], { message: 'fascia non valida' }),
      sourceLines: z.string().optional(),
    })
    .nullable()
    .optional(),
  usersEvaluation: text.nullable(),
  resourceAdequacy: z.object({
    text: text.nullable(),
    level: z.enum(RESOURCE_ADEQUACY_LEVELS, { message: 'livello di adeguatezza non valido' }).nullable(),
  }),
  spendingCoincidence: z.object({
    text: text.nullable(),
    spendingClass: z.enum(SPENDING_CLASSES, { message: 'classe di coincidenza non valida' }).nullable(),
    percent: z.number().min(0, 'percentuale non valida').nullable(),
  }),
  criticalIssues: text.nullable(),
  needAnswered: z.object({ answer: yesNo, text: text.nullable() }),
  continuityWithPrevious: z.enum(['yes', 'no'], { message: 'risposta non valida (yes, no)' }).nullable(),
  reproposed: z.object({ answer: yesNo, text: text.nullable() }),
});
export type ObjectiveEvaluation = z.infer<typeof objectiveEvaluationSchema>;

const triennium = z
  .object({ from: z.int(), to: z.int() })
  .refine((t) => t.to - t.from === 2, { message: 'un triennio va da un anno a due anni dopo (es. 2021-2023)' });

/**
 * True when a text carries an internal reference instead of a public citation: line numbers of a text extraction
 * ("L1916-L2018") or a repository file name ("README-evaluation.md", "grid.json"). Such references belong to the
 * fixture's provenance notes, never to a page.
 */
export function hasInternalReference(value: string): boolean {
  return /\bL\d+(?:\s*[-–]\s*L?\d+)?\b/.test(value) || /[\w-]+\.(?:md|json|csv|txt|ts)\b/i.test(value);
}

const publicCitation = text.refine((v) => !hasInternalReference(v), {
  message: 'cita il documento pubblicato (titolo, capitolo o tabella), non numeri di riga o nomi di file',
});

/** The citation shown with an objective's grid: document, section, objective (public references only). */
export function evaluationCitation(source: { document: string; section?: string | undefined }, objective: { code: string; title: string }): string {
  return [source.document, source.section, `obiettivo ${objective.code} «${objective.title}»`].filter(Boolean).join(', ');
}

export const evaluationGridSchema = z.object({
  ambito: text,
  plan: triennium,
  previousPlan: triennium,
  nextPlan: triennium,
  /** The public source: document title and section; `lines` is provenance for maintainers, never shown. */
  source: z.object({ document: publicCitation, section: publicCitation.optional(), lines: text.optional() }).optional(),
  publishedMean: z.object({ label: text, sourceLines: z.string().optional() }).nullable().optional(),
  objectives: z.array(objectiveEvaluationSchema).min(1, 'nessun obiettivo'),
});
export type EvaluationGrid = z.infer<typeof evaluationGridSchema>;

/**
 * Reads a filled evaluation grid (JSON). All-or-nothing: every problem is reported with the file, the objective and
 * the field, and one bad objective refuses the whole file.
 */
export function parseEvaluationGrid(fileName: string, json: string): EvaluationGrid {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ValidationError([{ path: fileName, message: `il file non è un JSON valido (${(error as Error).message})` }], gridFailed(fileName));
  }
  refuseControlCharactersInJson(data, fileName);
  const parsed = evaluationGridSchema.safeParse(data);
  const objectives = (data as { objectives?: unknown } | null)?.objectives;
  const objectiveName = (index: number): string => {
    const code = Array.isArray(objectives) ? (objectives[index] as { code?: unknown } | undefined)?.code : undefined;
    return typeof code === 'string' && code.trim() ? `obiettivo ${code}` : `obiettivo n. ${index + 1}`;
  };
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const [head, index, ...rest] = i.path.map(String);
      if (head === 'objectives' && index !== undefined && /^\d+$/.test(index)) {
        return { path: `${fileName}, ${objectiveName(Number(index))}${rest.length ? `, campo ${rest.join('.')}` : ''}`, message: i.message };
      }
      return { path: `${fileName}${i.path.length ? `, campo ${i.path.map(String).join('.')}` : ''}`, message: i.message };
    });
    throw new ValidationError(issues.slice(0, 50), gridFailed(fileName));
  }
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  parsed.data.objectives.forEach((o, i) => {
    const where = `${fileName}, obiettivo ${o.code}`;
    const previous = seen.get(o.code);
    if (previous !== undefined) issues.push({ path: `${where}, campo code`, message: `codice già usato dall’obiettivo n. ${previous}` });
    seen.set(o.code, i + 1);
    o.actions.forEach((a, j) => {
      if (a.number !== j + 1)
        issues.push({ path: `${where}, azione ${j + 1}, campo number`, message: `le azioni vanno numerate 1, 2, 3…: trovato ${a.number}` });
    });
    const { spendingClass, percent } = o.spendingCoincidence;
    if (percent !== null) {
      const expected: SpendingClass = percent < 100 ? 'below_100' : percent === 100 ? 'equal_100' : 'above_100';
      if (spendingClass !== expected) {
        issues.push({
          path: `${where}, campo spendingCoincidence.spendingClass`,
          message: `con ${formatNumber(percent, 2)}% la classe è ${expected}, non ${String(spendingClass)}`,
        });
      }
    } else if (spendingClass === 'below_100' || spendingClass === 'equal_100') {
      issues.push({ path: `${where}, campo spendingCoincidence.percent`, message: `la classe ${spendingClass} richiede la percentuale` });
    }
  });
  if (issues.length) throw new ValidationError(issues.slice(0, 50), gridFailed(fileName));
  return parsed.data;
}

function gridFailed(fileName: string): string {
  return `La griglia di valutazione ${fileName} non è stata caricata: correggi gli errori indicati e riprova.`;
}

export interface ObjectiveResult {
  code: string;
  title: string;
  macroArea: string;
  grade: AchievementGrade;
  adequacy: ResourceAdequacy | null;
}

export interface GridResult {
  objectives: ObjectiveResult[];
  mean: PlanMeanGrade;
}

/** Grades every objective of a filled grid and the plan's mean. */
export function evaluateGrid(grid: Pick<EvaluationGrid, 'objectives'>): GridResult {
  const objectives = grid.objectives.map((o) => ({
    code: o.code,
    title: o.title,
    macroArea: o.macroArea,
    grade: achievementGrade(o.actions.map((a) => ({ number: a.number, realisationPercent: a.realisationPercent }))),
    adequacy: o.resourceAdequacy.level,
  }));
  return { objectives, mean: planMeanGrade(objectives.map((o) => ({ code: o.code, percent: o.grade.percent }))) };
}
