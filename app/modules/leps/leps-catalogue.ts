/**
 * The LEPS data files: the catalogue of the LEPS (livelli essenziali delle prestazioni sociali), the priority LEPS
 * cards of a plan with their yearly targets, and the social-worker staff list. Each has a zod schema and an
 * all-or-nothing parser that reports every problem with the file, the entry and the field, in Italian.
 *
 * Sources: L. 234/2021, art. 1, cc. 159-171 (LEPS; the Ambito territoriale sociale guarantees them); Regione
 * Lombardia, DGR XII/2167 del 15/04/2024, Linee di indirizzo per la programmazione sociale territoriale 2025-2027
 * (the LEPS tables by policy area and the five priority LEPS cards with their indicators, «Si recepiscono
 * integralmente gli indicatori individuati con la DGR 2167/2024», Piano di Zona di Gallarate L12344).
 */
import { parseCsv } from '../../shared/csv.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { isIsoDateInRange, refuseControlCharactersInJson, z } from '../../shared/validation.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { CONTRACT_KINDS, EMPLOYER_KINDS, fteFromWeeklyHours, SOCIAL_WORKER_RULES, type SocialWorkerPost } from './leps.rules.ts';
import { FUNDING_SOURCE_CODES, POLICY_AREA_CODES, SOCIAL_WORKER_CSV_COLUMNS } from './leps.vocabulary.ts';

export * from './leps.vocabulary.ts';

const MAX_ISSUES = 50;

// ——— Funding sources ——————————————————————————————————————————————————————————————————————————————

const fundingSourceCode = z.enum(FUNDING_SOURCE_CODES, {
  error: (i) => `fonte di finanziamento sconosciuta: «${String(i.input)}» (ammesse: ${FUNDING_SOURCE_CODES.join(', ')})`,
});

// ——— Policy areas ————————————————————————————————————————————————————————————————————————————————

const policyAreaCode = z.enum(POLICY_AREA_CODES, {
  error: (i) => `area di policy sconosciuta: «${String(i.input)}» (ammesse: ${POLICY_AREA_CODES.join(', ')})`,
});

// ——— The catalogue ———————————————————————————————————————————————————————————————————————————————

/** The stable codes of the 16 LEPS of catalogue version lombardia-2025-2027.1, in the order of the guidelines. */
export const LEPS_CODES = [
  'LEPS_ASSEGNO_INCLUSIONE',
  'LEPS_PRONTO_INTERVENTO',
  'LEPS_VALUTAZIONE_MULTIDIMENSIONALE',
  'LEPS_ACCESSO',
  'LEPS_PRESA_IN_CARICO_INCLUSIONE',
  'LEPS_RESIDENZA_FITTIZIA',
  'LEPS_SAD',
  'LEPS_DIMISSIONI_PROTETTE',
  'LEPS_PERCORSO_ASSISTENZIALE_INTEGRATO',
  'LEPS_PUA',
  'LEPS_SOLLIEVO',
  'LEPS_PREVENZIONE_ALLONTANAMENTO',
  'LEPS_OFFERTA_INTEGRATA',
  'LEPS_SOSTEGNO',
  'LEPS_SERVIZIO_SOCIALE_PROFESSIONALE',
  'LEPS_SUPERVISIONE',
] as const;

/** Where a text comes from in the source document: «L2226» or «L2226-L2293». */
const sourceLines = z.string().regex(/^L\d+(-L\d+)?$/, 'riferimento alle righe non valido: usa «L123» o «L123-L130»');
const text = (what: string) =>
  z
    .string({ error: `${what}: testo mancante` })
    .trim()
    .min(1, `${what}: testo vuoto`);
const nullableText = z.string().trim().min(1, 'testo vuoto: usa null se manca').nullable();

const SourceRef = z.strictObject({ document: text('documento'), section: text('sezione'), lines: sourceLines });

export const LepsEntry = z.strictObject({
  code: z.string().regex(/^LEPS_[A-Z0-9_]+$/, 'codice LEPS non valido: maiuscole, cifre e trattini bassi, con prefisso LEPS_'),
  /** The name exactly as printed in the guidelines. */
  name: text('nome del LEPS'),
  legalReference: text('normativa'),
  planningAct: text('atto di programmazione'),
  /** The «Fonte di finanziamento» column as printed. */
  fundingText: text('fonte di finanziamento'),
  fundingSources: z.array(fundingSourceCode).min(1, 'serve almeno una fonte di finanziamento'),
  /** The policy areas whose LEPS table lists it, with the lines of the row. */
  policyAreas: z.array(z.strictObject({ code: policyAreaCode, lines: sourceLines })).min(1, 'serve almeno un’area di policy'),
  /** Set for the priority LEPS that have a card with yearly targets. */
  priority: z.strictObject({ number: z.number().int().positive(), lines: sourceLines }).nullable(),
  note: nullableText,
});
export type LepsEntry = z.infer<typeof LepsEntry>;

export const LepsCatalogue = z.strictObject({
  format: z.literal('cantiere.leps-catalogue', { error: 'formato del file non riconosciuto: atteso «cantiere.leps-catalogue»' }),
  version: text('versione del catalogo'),
  title: text('titolo'),
  source: SourceRef,
  leps: z.array(LepsEntry).min(1, 'il catalogo non contiene LEPS'),
});
export type LepsCatalogue = z.infer<typeof LepsCatalogue>;

/**
 * Parses a LEPS catalogue (JSON). Besides the schema: codes and names are unique, an area is not listed twice for
 * the same LEPS, priority numbers are unique. One problem refuses the whole file.
 */
export function parseLepsCatalogue(fileName: string, text: string): LepsCatalogue {
  const catalogue = readJsonFile(fileName, text, LepsCatalogue);
  const issues: FieldIssue[] = [];
  const codes = new Map<string, number>();
  const names = new Map<string, number>();
  const priorities = new Map<number, number>();
  catalogue.leps.forEach((entry, index) => {
    const where = `${fileName}, LEPS ${index + 1} (${entry.code})`;
    const sameCode = codes.get(entry.code);
    if (sameCode !== undefined) issues.push({ path: `${where}, campo code`, message: `codice già usato dal LEPS ${sameCode}` });
    codes.set(entry.code, index + 1);
    const sameName = names.get(entry.name);
    if (sameName !== undefined) issues.push({ path: `${where}, campo name`, message: `nome già usato dal LEPS ${sameName}` });
    names.set(entry.name, index + 1);
    const areas = entry.policyAreas.map((a) => a.code);
    const repeated = areas.filter((a, i) => areas.indexOf(a) !== i);
    if (repeated.length) issues.push({ path: `${where}, campo policyAreas`, message: `area ripetuta: ${[...new Set(repeated)].join(', ')}` });
    if (entry.priority) {
      const samePriority = priorities.get(entry.priority.number);
      if (samePriority !== undefined)
        issues.push({ path: `${where}, campo priority.number`, message: `numero di LEPS prioritario già usato dal LEPS ${samePriority}` });
      priorities.set(entry.priority.number, index + 1);
    }
  });
  if (issues.length) throw refused(fileName, issues);
  return catalogue;
}

// ——— Targets and priority LEPS cards ——————————————————————————————————————————————————————————————

/**
 * A yearly target as a rule the monitoring engine evaluates. The same shapes are used by the plan document:
 * ≥ value, ≥ percent (of a ratio), greater / smaller than the previous year, «yes» for a milestone (protocol
 * defined, activated…), the baseline year (T0), a percent range, ≤ value.
 */
export const TargetRule = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('gte'), value: z.number({ error: 'valore numerico mancante' }).nonnegative() }),
    z.strictObject({ type: z.literal('gte_percent'), value: z.number({ error: 'percentuale mancante' }).min(0).max(100, 'percentuale oltre 100') }),
    z.strictObject({ type: z.literal('gt_previous') }),
    z.strictObject({ type: z.literal('lt_previous') }),
    z.strictObject({ type: z.literal('eq_yes') }),
    z.strictObject({ type: z.literal('baseline') }),
    z
      .strictObject({ type: z.literal('range_percent'), min: z.number().min(0).max(100), max: z.number().min(0).max(100) })
      .refine((r) => r.min <= r.max, 'il minimo supera il massimo'),
    z.strictObject({ type: z.literal('lte'), value: z.number({ error: 'valore numerico mancante' }).nonnegative() }),
  ],
  { error: 'tipo di regola sconosciuto (ammessi: gte, gte_percent, gt_previous, lt_previous, eq_yes, baseline, range_percent, lte)' },
);
export type TargetRule = z.infer<typeof TargetRule>;

export const INDICATOR_KINDS = ['count', 'ratio', 'boolean', 'duration', 'category'] as const;
export const INDICATOR_LEVELS = ['input', 'process', 'output', 'outcome'] as const;

/** Which target rules make sense for which kind of indicator. */
const RULES_BY_KIND: Record<(typeof INDICATOR_KINDS)[number], readonly TargetRule['type'][]> = {
  count: ['gte', 'lte', 'gt_previous', 'lt_previous', 'baseline'],
  ratio: ['gte_percent', 'range_percent', 'gt_previous', 'lt_previous', 'baseline'],
  boolean: ['eq_yes', 'baseline'],
  duration: ['lte', 'gt_previous', 'lt_previous', 'baseline'],
  category: ['baseline'],
};

export const YearTarget = z.strictObject({
  year: z.number().int('anno non valido').min(2000).max(2100),
  rule: TargetRule,
  /** The expected result exactly as printed, so that nothing is lost. */
  text: text('testo del risultato atteso'),
  note: nullableText.optional(),
});

export const LepsIndicator = z.strictObject({
  /** Unique within the card. */
  key: z.string().regex(/^[A-Za-z0-9.]{1,12}$/, 'chiave non valida: lettere, cifre e punti (es. 1, R2, P1)'),
  /** The code printed in the plan, e.g. «Indicatore 2» or «1.1». */
  printedCode: nullableText,
  level: z.enum(INDICATOR_LEVELS, { error: `livello non valido (ammessi: ${INDICATOR_LEVELS.join(', ')})` }).nullable(),
  kind: z.enum(INDICATOR_KINDS, { error: `tipo di indicatore non valido (ammessi: ${INDICATOR_KINDS.join(', ')})` }),
  text: text('testo dell’indicatore'),
  numeratorLabel: nullableText,
  denominatorLabel: nullableText,
  /** Code of the system objective it measures, when the card says so. */
  systemObjective: nullableText,
  /** Number of the programmed action it belongs to, when the card says so. */
  action: nullableText,
  lines: sourceLines,
  targets: z.array(YearTarget),
  note: nullableText,
});
export type LepsIndicator = z.infer<typeof LepsIndicator>;

export const BUDGET_BASES = ['triennio', 'annuo', 'annuo_per_assistente_sociale'] as const;

export const LepsCard = z.strictObject({
  lepsCode: z.string().regex(/^LEPS_[A-Z0-9_]+$/, 'codice LEPS non valido'),
  /** The number printed on the card, if any. */
  number: nullableText,
  title: text('titolo della scheda'),
  /** «Area di policy» of the card. */
  policyAreas: z.array(policyAreaCode),
  /** Areas the objective is transversal to. */
  crossPolicyAreas: z.array(policyAreaCode),
  legalReference: nullableText,
  planningAct: nullableText,
  fundingText: nullableText,
  fundingSources: z.array(fundingSourceCode),
  /** «Integrazione sociosanitaria»: e.g. «ASST», «ATS e ASST». */
  healthIntegration: nullableText,
  lines: sourceLines,
  systemObjectives: z
    .array(z.strictObject({ code: nullableText, text: text('obiettivo di sistema'), lines: sourceLines }))
    .min(1, 'servono gli obiettivi di sistema'),
  indicators: z.array(LepsIndicator).min(1, 'la scheda non ha indicatori'),
  budget: z.array(
    z.strictObject({
      text: text('voce di spesa'),
      fundingSource: fundingSourceCode.nullable(),
      amountCents: z.number().int('importo in centesimi: un numero intero').nonnegative().nullable(),
      basis: z.enum(BUDGET_BASES, { error: `base dell’importo non valida (ammesse: ${BUDGET_BASES.join(', ')})` }).nullable(),
      estimated: z.boolean(),
      lines: sourceLines,
      note: nullableText,
    }),
  ),
  note: nullableText,
});
export type LepsCard = z.infer<typeof LepsCard>;

export const LepsCardsFile = z.strictObject({
  format: z.literal('cantiere.leps-cards', { error: 'formato del file non riconosciuto: atteso «cantiere.leps-cards»' }),
  formatVersion: z.literal(1, { error: 'versione del formato non supportata: attesa 1' }),
  ambitoCode: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'codice dell’Ambito non valido (es. sebino)'),
  ambitoName: text('nome dell’Ambito'),
  planTitle: text('titolo del piano'),
  period: z.strictObject({ startYear: z.number().int().min(2000).max(2100), endYear: z.number().int().min(2000).max(2100) }),
  catalogueVersion: text('versione del catalogo LEPS'),
  source: SourceRef,
  cards: z.array(LepsCard).min(1, 'il file non contiene schede'),
});
export type LepsCardsFile = z.infer<typeof LepsCardsFile>;

/** Years before the plan's start that a baseline (T0) may refer to (Gallarate's SAD card: «Anno 2023: t0»). */
const BASELINE_YEARS_BEFORE_START = 5;

/**
 * Parses the priority LEPS cards of a plan (JSON). Besides the schema: one card per LEPS; when a catalogue is
 * given, every LEPS code is in it and the catalogue version matches; indicator keys are unique in a card; a year
 * has one target per indicator; target years fall in the plan period (a baseline may be up to 5 years earlier);
 * each rule fits the indicator kind (a percentage needs a ratio, «yes» a milestone); an indicator's system
 * objective exists on the card.
 */
export function parseLepsCards(fileName: string, text: string, catalogue?: LepsCatalogue): LepsCardsFile {
  const file = readJsonFile(fileName, text, LepsCardsFile);
  const issues: FieldIssue[] = [];
  const { startYear, endYear } = file.period;
  if (startYear > endYear) issues.push({ path: `${fileName}, campo period`, message: `l’anno di inizio (${startYear}) segue quello di fine (${endYear})` });
  if (catalogue && file.catalogueVersion !== catalogue.version) {
    issues.push({
      path: `${fileName}, campo catalogueVersion`,
      message: `le schede si riferiscono al catalogo «${file.catalogueVersion}», il catalogo caricato è «${catalogue.version}»`,
    });
  }
  const known = catalogue ? new Set(catalogue.leps.map((l) => l.code)) : null;
  const seenCards = new Map<string, number>();
  file.cards.forEach((card, c) => {
    const where = `${fileName}, scheda ${c + 1} (${card.lepsCode})`;
    if (known && !known.has(card.lepsCode)) issues.push({ path: `${where}, campo lepsCode`, message: `LEPS non presente nel catalogo ${catalogue!.version}` });
    const sameCard = seenCards.get(card.lepsCode);
    if (sameCard !== undefined) issues.push({ path: `${where}, campo lepsCode`, message: `LEPS già descritto dalla scheda ${sameCard}` });
    seenCards.set(card.lepsCode, c + 1);
    const objectiveCodes = new Set(card.systemObjectives.map((o) => o.code).filter((code) => code !== null));
    const keys = new Map<string, number>();
    card.indicators.forEach((indicator, i) => {
      const at = `${where}, indicatore ${i + 1} (${indicator.key})`;
      const sameKey = keys.get(indicator.key);
      if (sameKey !== undefined) issues.push({ path: `${at}, campo key`, message: `chiave già usata dall’indicatore ${sameKey}` });
      keys.set(indicator.key, i + 1);
      if (indicator.systemObjective !== null && !objectiveCodes.has(indicator.systemObjective)) {
        issues.push({ path: `${at}, campo systemObjective`, message: `la scheda non ha l’obiettivo di sistema «${indicator.systemObjective}»` });
      }
      const years = new Set<number>();
      for (const target of indicator.targets) {
        const atYear = `${at}, anno ${target.year}`;
        if (years.has(target.year)) issues.push({ path: atYear, message: 'più di un valore atteso per lo stesso anno' });
        years.add(target.year);
        const earliest = target.rule.type === 'baseline' ? startYear - BASELINE_YEARS_BEFORE_START : startYear;
        if (target.year < earliest || target.year > endYear) {
          issues.push({ path: atYear, message: `anno fuori dal periodo del piano ${startYear}-${endYear}` });
        }
        if (!RULES_BY_KIND[indicator.kind].includes(target.rule.type)) {
          issues.push({
            path: `${atYear}, campo rule.type`,
            message: `la regola «${target.rule.type}» non si applica a un indicatore di tipo «${indicator.kind}» (ammesse: ${RULES_BY_KIND[indicator.kind].join(', ')})`,
          });
        }
      }
    });
  });
  if (issues.length) throw refused(fileName, issues);
  return file;
}

// ——— Social-worker staff list (CSV) ————————————————————————————————————————————————————————————————

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'data non valida: usa il formato AAAA-MM-GG (es. 2025-01-01)')
  .refine(isIsoDateInRange, 'data inesistente o fuori dagli anni ammessi (dal 1900 al 2100)');

const italianDecimal = (what: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return null;
      if (!/^\d+([.,]\d+)?$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: `${what}: numero non valido «${v}» (es. 0,5)` });
        return z.NEVER;
      }
      return Number(v.replace(',', '.'));
    });

const StaffCsvRow = z.object({
  codice: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._/-]{1,40}$/, 'codice mancante o non valido: lettere, cifre, punti, trattini (es. AS-01)'),
  datore_di_lavoro: z.string().trim().min(2, 'nome del datore di lavoro mancante'),
  tipo_datore: z
    .string()
    .trim()
    .pipe(z.enum(EMPLOYER_KINDS, { error: `tipo di datore non previsto (ammessi: ${EMPLOYER_KINDS.join(', ')})` })),
  contratto: z
    .string()
    .trim()
    .pipe(z.enum(CONTRACT_KINDS, { error: `contratto non previsto (ammessi: ${CONTRACT_KINDS.join(', ')})` })),
  etp: italianDecimal('equivalente a tempo pieno').pipe(
    z.number().positive('l’ETP deve essere maggiore di 0').max(1, 'l’ETP non può superare 1 (un posto a tempo pieno)').nullable(),
  ),
  ore_settimanali: italianDecimal('ore settimanali').pipe(
    z
      .number()
      .positive('le ore settimanali devono essere maggiori di 0')
      .max(SOCIAL_WORKER_RULES.fullTimeWeeklyHours, `le ore settimanali non possono superare ${SOCIAL_WORKER_RULES.fullTimeWeeklyHours} (tempo pieno)`)
      .nullable(),
  ),
  fonti_finanziamento: z
    .string()
    .trim()
    .transform((v) => (v === '' ? [] : v.split('+').map((s) => s.trim())))
    .pipe(z.array(fundingSourceCode)),
  funzione: z
    .string()
    .trim()
    .transform((v) => v || null),
  dal: isoDate,
  al: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(isoDate.nullable()),
});

/**
 * Parses the social-worker staff list (CSV, ';' or ','). Every problem is reported with file, row and column;
 * one bad row refuses the whole file. Periods of the same `codice` must not overlap.
 */
export function parseSocialWorkerStaff(fileName: string, text: string): SocialWorkerPost[] {
  const table = parseCsv(text);
  const rowAt = (line: number) => tr('leps.import.row', { file: fileName, line });
  const at = (line: number, column: string) => tr('leps.cmd.rowColumn', { file: fileName, line, column });
  const missing = SOCIAL_WORKER_CSV_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length) {
    const expected = SOCIAL_WORKER_CSV_COLUMNS.join(', ');
    throw refused(fileName, [{ path: rowAt(1), message: tr('leps.import.missingColumns', { missing: missing.join(', '), expected }) }]);
  }
  const issues: FieldIssue[] = [];
  const posts: (SocialWorkerPost & { line: number })[] = [];
  for (const { line, cells } of table.rows) {
    if (cells.length !== table.header.length) {
      issues.push({ path: rowAt(line), message: tr('leps.import.cells', { cells: cells.length, header: table.header.length }) });
      continue;
    }
    const parsed = StaffCsvRow.safeParse(Object.fromEntries(table.header.map((h, i) => [h, cells[i] ?? ''])));
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ path: at(line, String(i.path[0] ?? '?')), message: i.message });
      continue;
    }
    const r = parsed.data;
    if ((r.etp === null) === (r.ore_settimanali === null)) {
      issues.push({ path: at(line, 'etp'), message: tr('leps.import.fteOrHours') });
      continue;
    }
    if (r.al !== null && r.al < r.dal) {
      issues.push({ path: at(line, 'al'), message: tr('leps.import.endBeforeStart') });
      continue;
    }
    const overlap = posts.find((p) => p.id === r.codice && p.from <= (r.al ?? '9999-12-31') && r.dal <= (p.to ?? '9999-12-31'));
    if (overlap) {
      issues.push({ path: at(line, 'dal'), message: tr('leps.import.overlap', { code: r.codice, line: overlap.line }) });
      continue;
    }
    posts.push({
      line,
      id: r.codice,
      fte: r.etp ?? fteFromWeeklyHours(r.ore_settimanali!).value!,
      employerKind: r.tipo_datore,
      employerName: r.datore_di_lavoro,
      contract: r.contratto,
      fundingSources: r.fonti_finanziamento,
      assignment: r.funzione,
      from: r.dal,
      to: r.al,
    });
  }
  if (issues.length) throw refused(fileName, issues);
  if (posts.length === 0) throw refused(fileName, [{ path: fileName, message: tr('leps.import.noRows') }]);
  return posts.map(({ line: _line, ...post }) => post);
}

// ——— Helpers ———————————————————————————————————————————————————————————————————————————————————

/** Reads a JSON file against its schema; any problem refuses the file, each one named by its place in the file. */
function readJsonFile<T>(fileName: string, text: string, schema: z.ZodType<T>): T {
  const data = readJson(fileName, text);
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw refused(
    fileName,
    parsed.error.issues.map((i) => ({ path: describePath(fileName, i.path, data), message: i.message })),
  );
}

function readJson(fileName: string, text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw refused(fileName, [{ path: fileName, message: tr('leps.import.invalidJson', { error: (error as Error).message }) }]);
  }
  refuseControlCharactersInJson(data, fileName);
  return data;
}

/** «Il file … non è stato importato: …», in the request's language. */
export const notImportedMessage = (file: string, count: number) => tr(count === 1 ? 'leps.cmd.notImported' : 'leps.cmd.notImported.many', { file, count });

function refused(fileName: string, issues: FieldIssue[]): ValidationError {
  return new ValidationError(issues.slice(0, MAX_ISSUES), notImportedMessage(fileName, issues.length));
}

const ARRAY_LABELS: Record<string, string> = {
  leps: 'LEPS',
  cards: 'scheda',
  indicators: 'indicatore',
  targets: 'valore atteso',
  systemObjectives: 'obiettivo di sistema',
  policyAreas: 'area di policy',
  budget: 'voce di spesa',
};

/** «catalogo-leps.json, LEPS 3 (LEPS_VALUTAZIONE_MULTIDIMENSIONALE), campo fundingSources.1» from a zod path. */
function describePath(fileName: string, path: readonly PropertyKey[], data: unknown): string {
  const parts = [fileName];
  const field: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = path[i + 1];
    const label = typeof key === 'string' ? ARRAY_LABELS[key] : undefined;
    if (typeof key === 'string' && label && typeof next === 'number' && field.length === 0) {
      const item = (node as Record<string, unknown[]> | undefined)?.[key]?.[next] as Record<string, unknown> | undefined;
      const id = item?.code ?? item?.lepsCode ?? item?.key ?? item?.year;
      parts.push(`${label} ${next + 1}${typeof id === 'string' || typeof id === 'number' ? ` (${id})` : ''}`);
      node = item;
      i++;
    } else {
      field.push(String(key));
    }
  }
  if (field.length) parts.push(`campo ${field.join('.')}`);
  return parts.join(', ');
}
