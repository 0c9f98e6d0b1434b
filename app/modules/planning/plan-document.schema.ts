// The plan exchange file ("cantiere.plan", format version 1): the whole plan of an Ambito in one JSON document,
// used for export, import and fixtures. Documented for users in docs/formats/plan-json.md.
//
// Legal and template sources:
// - Regione Lombardia, DGR XII/2167 del 15.04.2024, Linee di indirizzo per la programmazione sociale territoriale
//   2025-2027: the 26-row objective card ("scheda obiettivo") and the policy areas A-K;
// - Regione Marche, Linee guida per la predisposizione dei Piani Sociali Territoriali di ATS;
// - L. 234/2021, art. 1, cc. 159-171, and D.Lgs. 147/2017: the LEPS (livelli essenziali delle prestazioni sociali).
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { htmlToMarkdown } from '../../shared/richtext/html-to-markdown.ts';
import { validateRichText } from '../../shared/richtext/richtext.ts';
import { isIsoDateInRange, MAX_CENTS, refuseControlCharactersInJson, z } from '../../shared/validation.ts';
import { targetRuleSchema, type TargetRule as VocabularyTargetRule, type TargetRuleType } from './targets.vocabulary.ts';

export const PLAN_FORMAT = 'cantiere.plan';
export const PLAN_FORMAT_VERSION = 1;

const MAX_ISSUES = 50;

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------------------------

/** Regional templates a plan can follow. `generico` is for plans whose template is unknown or not regional. */
export const TEMPLATE_IDS = ['lombardia-dgr-xii-2167-2024', 'marche-linee-guida-pst', 'generico'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Plan statuses in workflow order: the same codes as the `statusWorkflow` of the templates in fixtures/templates/. */
export const PLAN_STATUSES = ['draft', 'consultation', 'adopted', 'transmitted', 'implementation', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const OBJECTIVE_KINDS = ['ordinary', 'leps'] as const;

export const ACTION_STATUSES = ['planned', 'in_progress', 'completed', 'partially_completed', 'not_realised', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const INDICATOR_KINDS = ['count', 'ratio', 'boolean', 'duration', 'category'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * How an indicator's values of the periods of a year make the year's value (and every roll-up and target check):
 * - `flow`: summed over the year (accessi, prestazioni erogate, domande presentate);
 * - `stock`: the last value of the year, a state at a date (persone in carico, posti disponibili);
 * - `stock_mean`: the mean of the periods of the year (a stock averaged, as a template may ask; durations);
 * - `rate`: recomputed from the year's numerators and denominators (Σ numeratori / Σ denominatori) when the
 *   indicator records them (kind `ratio`); otherwise the rate of the last period, and the figure says so.
 * When a plan does not state it, it follows from the kind (`defaultAggregation`).
 */
export const INDICATOR_AGGREGATIONS = ['flow', 'stock', 'stock_mean', 'rate'] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];
/** The aggregations each kind admits (yes/no and stages are states: the last value of the year). */
export const INDICATOR_KIND_AGGREGATIONS: Record<IndicatorKind, readonly IndicatorAggregation[]> = {
  count: INDICATOR_AGGREGATIONS,
  duration: INDICATOR_AGGREGATIONS,
  ratio: ['rate', 'stock'],
  boolean: ['stock'],
  category: ['stock'],
};

/** The aggregation an indicator has when the plan does not state one: counts flow, ratios are rates, durations are averaged, yes/no and stages are states. */
export function defaultAggregation(kind: string): IndicatorAggregation {
  switch (kind) {
    case 'ratio':
      return 'rate';
    case 'duration':
      return 'stock_mean';
    case 'boolean':
    case 'category':
      return 'stock';
    default:
      return 'flow';
  }
}

/** The aggregation of an indicator: the one stated, else the default of its kind. */
export function indicatorAggregation(indicator: { kind: string; aggregation?: string | null }): IndicatorAggregation {
  const stated = indicator.aggregation;
  return stated && (INDICATOR_AGGREGATIONS as readonly string[]).includes(stated) ? (stated as IndicatorAggregation) : defaultAggregation(indicator.kind);
}

export const INDICATOR_LEVELS = ['input', 'process', 'output', 'outcome'] as const;

export const PERIODICITIES = ['monthly', 'quarterly', 'semiannual', 'annual', 'triennial'] as const;

/**
 * Policy areas ("aree di policy") of DGR XII/2167/2024, with the labels printed in the objective cards.
 * The cards use these ten letters; letter C does not occur.
 */
export const LOMBARDY_POLICY_AREAS = {
  A: 'Contrasto alla povertà e all’emarginazione sociale e promozione dell’inclusione attiva',
  B: 'Politiche abitative',
  D: 'Domiciliarità',
  E: 'Anziani',
  F: 'Digitalizzazione dei servizi',
  G: 'Politiche giovanili e per i minori',
  H: 'Interventi connessi alle politiche per il lavoro',
  I: 'Interventi per la famiglia',
  J: 'Interventi a favore di persone con disabilità',
  K: 'Interventi di sistema per il potenziamento dell’Ufficio di Piano e il rafforzamento della gestione associata',
} as const;

/** The kinds of value a card field holds: a text, a yes/no answer with its text, a list of items, a bare boolean. */
export const CARD_FIELD_TYPES = ['text', 'yes_no', 'list', 'boolean'] as const;
export type CardFieldType = (typeof CARD_FIELD_TYPES)[number];

/**
 * The 26 rows of the Lombardy objective card (DGR XII/2167/2024), in order (their printed labels are in the template,
 * fixtures/templates/lombardia-dgr-xii-2167-2024.json), with the value shapes each row accepts (the first is the one
 * used when a card is transcribed): `yes_no` is `{ answer, text }`, `list` an array of strings, `text` a string,
 * `boolean` true/false. The second shapes accept what the template editor collects: policy-area letters, a multiple
 * choice, a bare yes/no.
 */
export const LOMBARDY_CARD_FIELD_TYPES = {
  titolo_intervento: ['text'],
  obiettivi: ['text'],
  azioni_programmate: ['text'],
  target: ['text'],
  risorse_economiche: ['text'],
  risorse_personale: ['text'],
  trasversale_aree_policy: ['yes_no', 'list'],
  punti_chiave: ['list'],
  asst_analisi_bisogno: ['yes_no'],
  asst_realizzazione: ['yes_no'],
  cooperazione_altri_ambiti: ['yes_no'],
  continuita_programmazione_precedente: ['yes_no'],
  nuovo_servizio: ['text'],
  continuita_progetto_premiale: ['yes_no', 'boolean'],
  co_programmato_terzo_settore: ['yes_no'],
  co_progettato_terzo_settore: ['yes_no'],
  modalita_coinvolgimento_terzo_settore: ['text'],
  altri_attori_rete: ['yes_no'],
  bisogni: ['text'],
  bisogno_consolidato_o_nuovo: ['text'],
  promozionale_o_riparativo: ['text', 'list'],
  modelli_innovativi: ['yes_no'],
  digitalizzazione: ['yes_no'],
  modalita_organizzative: ['text'],
  risultati_attesi: ['text'],
  impatto: ['text'],
} as const satisfies Record<string, readonly CardFieldType[]>;

export type LombardyCardKey = keyof typeof LOMBARDY_CARD_FIELD_TYPES;
export const LOMBARDY_CARD_KEYS = Object.keys(LOMBARDY_CARD_FIELD_TYPES) as LombardyCardKey[];
const LOMBARDY_CARD_TYPES = new Map<string, readonly CardFieldType[]>(Object.entries(LOMBARDY_CARD_FIELD_TYPES));

/** The codes of a table of labels, in its order, as z.enum takes them. */
const codesOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as [K, ...K[]];

/**
 * Funding sources ("fonti di finanziamento"): the code a budget line carries and its Italian label. The codes are
 * those of the funding-source catalogue (fixtures/catalogues/funding-sources.json). Use a specific share or line when
 * the plan names it (FONDO_POVERTA_QUOTA_SERVIZI rather than FONDO_POVERTA); FONTI_MISTE is for a card that gives one
 * amount for several funds without splitting it: the funds go in the note.
 */
export const FUNDING_SOURCES = {
  FNPS: 'Fondo Nazionale per le Politiche Sociali (FNPS)',
  FNPS_QUOTA_VINCOLATA: 'FNPS – quota vincolata ai LEPS',
  FNA: 'Fondo per le non autosufficienze (FNA)',
  FNA_MISURA_B1: 'FNA – Misura B1 (disabilità gravissima)',
  FNA_MISURA_B2: 'FNA – Misura B2 (disabilità grave e non autosufficienza)',
  FONDO_POVERTA: 'Fondo per la lotta alla povertà e all’esclusione sociale (quota non indicata)',
  FONDO_POVERTA_QUOTA_SERVIZI: 'Fondo Povertà – quota servizi',
  FONDO_POVERTA_ESTREMA: 'Fondo Povertà – quota povertà estrema e senza dimora',
  FONDO_POVERTA_CARE_LEAVERS: 'Fondo Povertà – quota care leavers',
  FONDO_POVERTA_CONTRIBUTO_AS: 'Fondo Povertà – contributo per il potenziamento del servizio sociale professionale',
  FONDO_RDC_ADI: 'Fondo per il Reddito di cittadinanza e l’Assegno di inclusione',
  FSR: 'Fondo Sociale Regionale (FSR)',
  DOPO_DI_NOI: 'Fondo Dopo di Noi (L. 112/2016)',
  FONDO_06: 'Fondo nazionale per il Sistema integrato di educazione e di istruzione 0-6',
  INTESA_FAMIGLIA: 'Fondo per le politiche della famiglia (Intesa Famiglia)',
  FAMI: 'Fondo Asilo, Migrazione e Integrazione (FAMI)',
  PNRR: 'PNRR – linea di investimento non indicata',
  PNRR_M5C2_1_1: 'PNRR M5C2 1.1 – Sostegno alle persone vulnerabili e prevenzione dell’istituzionalizzazione degli anziani non autosufficienti',
  PNRR_M5C2_1_1_1: 'PNRR M5C2 1.1.1 – Sostegno alle capacità genitoriali e prevenzione della vulnerabilità delle famiglie e dei bambini (P.I.P.P.I.)',
  PNRR_M5C2_1_1_2: 'PNRR M5C2 1.1.2 – Autonomia degli anziani non autosufficienti',
  PNRR_M5C2_1_1_3:
    'PNRR M5C2 1.1.3 – Rafforzamento dei servizi sociali domiciliari per garantire la dimissione anticipata assistita e prevenire l’ospedalizzazione',
  PNRR_M5C2_1_1_4: 'PNRR M5C2 1.1.4 – Rafforzamento dei servizi sociali e prevenzione del burn out tra gli operatori sociali',
  PNRR_M5C2_1_2: 'PNRR M5C2 1.2 – Percorsi di autonomia per persone con disabilità',
  PNRR_M5C2_1_3: 'PNRR M5C2 1.3 – Housing temporaneo e stazioni di posta per le persone senza dimora',
  PNRR_M5C2_1_3_1: 'PNRR M5C2 1.3.1 – Povertà estrema: Housing First',
  PNRR_M5C2_1_3_2: 'PNRR M5C2 1.3.2 – Povertà estrema: stazioni di posta',
  FSE_PLUS: 'Fondo Sociale Europeo Plus (programma non indicato)',
  PN_INCLUSIONE: 'PN Inclusione e lotta alla povertà 2021-2027 (FSE+)',
  PR_FSE_PLUS: 'Programma Regionale FSE+ 2021-2027',
  PON_INCLUSIONE: 'PON Inclusione 2014-2020',
  POC: 'Piano operativo complementare (POC Inclusione)',
  COMUNI: 'Risorse proprie dei Comuni',
  UTENZA: 'Compartecipazione degli utenti',
  ALTRI_ENTI_PUBBLICI: 'Altri enti pubblici',
  ALTRE_ENTRATE: 'Altre tipologie di entrata',
  GESTIONE_ASSOCIATA: 'Gestione associata del Piano di Zona',
  FONDI_AMBITO: 'Fondi d’Ambito',
  FONTI_MISTE: 'Più fonti, ripartizione non indicata (vedi nota)',
} as const;
export const FUNDING_SOURCE_CODES = codesOf(FUNDING_SOURCES);

/**
 * The LEPS a plan objective can be linked to, with their labels as printed in the regional guidelines (DGR XII/2167/2024,
 * LEPS tables per policy area). The codes are those of the LEPS catalogue (fixtures/leps/catalogo-leps.json), which
 * also gives each one's legal source. The five "LEPS prioritari" of integration with the ASST are
 * LEPS_VALUTAZIONE_MULTIDIMENSIONALE, LEPS_PREVENZIONE_ALLONTANAMENTO, LEPS_DIMISSIONI_PROTETTE, LEPS_PUA, LEPS_SAD.
 */
export const LEPS = {
  LEPS_ASSEGNO_INCLUSIONE: 'Reddito di cittadinanza ora Assegno di Inclusione (ADI)',
  LEPS_PRONTO_INTERVENTO: 'Pronto intervento sociale',
  LEPS_VALUTAZIONE_MULTIDIMENSIONALE: 'Valutazione multidimensionale e progetto personalizzato',
  LEPS_ACCESSO: 'Servizi per l’accesso, la valutazione e i sostegni da individuare nel progetto individualizzato',
  LEPS_PRESA_IN_CARICO_INCLUSIONE: 'Presa in carico sociale/lavorativa (patto per l’inclusione sociale e lavorativa)',
  LEPS_RESIDENZA_FITTIZIA: 'Servizi per la residenza fittizia',
  LEPS_SAD: 'Incremento SAD',
  LEPS_DIMISSIONI_PROTETTE: 'Servizi sociali per le dimissioni protette',
  LEPS_PERCORSO_ASSISTENZIALE_INTEGRATO: 'Processo «Percorso assistenziale integrato»',
  LEPS_PUA: 'Punti Unici di Accesso (PUA) integrati e UVM: incremento operatori sociali',
  LEPS_SOLLIEVO: 'Servizi di sollievo alle famiglie',
  LEPS_PREVENZIONE_ALLONTANAMENTO: 'Prevenzione dell’allontanamento familiare',
  LEPS_OFFERTA_INTEGRATA: 'Offerta integrata di interventi e servizi secondo le modalità coordinate definite dalle Regioni e provincie autonome',
  LEPS_SOSTEGNO: 'Servizi di sostegno',
  LEPS_SERVIZIO_SOCIALE_PROFESSIONALE: 'Servizio sociale professionale',
  LEPS_SUPERVISIONE: 'Supervisione del personale dei servizi sociali',
} as const;
export const LEPS_CODES = codesOf(LEPS);

/** Kinds of yearly target: the one vocabulary of targets (targets.vocabulary.ts). */
export { TARGET_RULE_TYPES, type TargetRuleType } from './targets.vocabulary.ts';

/** Which indicator kinds each target rule can be applied to. */
export const TARGET_RULE_INDICATOR_KINDS: Record<TargetRuleType, readonly IndicatorKind[]> = {
  gte: ['count', 'duration'],
  gte_percent: ['ratio'],
  gt_previous: ['count', 'duration', 'ratio'],
  lt_previous: ['count', 'duration', 'ratio'],
  eq_yes: ['boolean'],
  baseline: INDICATOR_KINDS,
  milestone: ['category'],
  range_percent: ['ratio'],
  lte: ['count', 'duration'],
};

// ---------------------------------------------------------------------------------------------------------------
// Field schemas
// ---------------------------------------------------------------------------------------------------------------

const text = (label: string, max = 20_000) =>
  z
    .string({ message: `${label}: serve un testo` })
    .trim()
    .min(1, `${label}: il testo è vuoto`)
    .max(max, `${label}: al massimo ${max} caratteri`);
const nullableText = (label: string, max = 20_000) => text(label, max).nullable().default(null);

const year = (label: string) =>
  z
    .number({ message: `${label}: serve un anno (numero)` })
    .int(`${label}: l’anno deve essere un numero intero`)
    .min(2000, `${label}: anno non plausibile (prima del 2000)`)
    .max(2100, `${label}: anno non plausibile (dopo il 2100)`);

const isoDate = (label: string) =>
  z
    .string({ message: `${label}: serve una data AAAA-MM-GG` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: data non valida, usa il formato AAAA-MM-GG (es. 2024-12-02)`)
    .refine(isIsoDateInRange, `${label}: data inesistente o fuori dagli anni ammessi (dal 1900 al 2100)`);

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/;
const code = (label: string) =>
  z
    .string({ message: `${label}: serve un codice` })
    .trim()
    .regex(CODE_PATTERN, `${label}: codice non valido (lettere, cifre, punto, trattino o trattino basso; al massimo 30 caratteri)`);

/** Action numbers as printed: "1", "2" … or "1.1", "2.3" when actions are grouped under system objectives. */
const ACTION_NUMBER_PATTERN = /^\d{1,3}(\.\d{1,3})?$/;
/** Codes of the form "1.2" or "1.1.3" are reserved to indicators of an action. */
const ACTION_INDICATOR_CODE_PATTERN = /^\d+(\.\d+)+$/;

const ALLOWED_HTML_TAGS = new Set([
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'a',
]);
const VOID_HTML_TAGS = new Set(['br']);
const ALLOWED_HTML_ATTRIBUTES: Record<string, readonly string[]> = { a: ['href'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] };

/**
 * Checks that chapter HTML is already sanitised: only the tags and attributes of ALLOWED_HTML_TAGS /
 * ALLOWED_HTML_ATTRIBUTES, double-quoted attribute values, links to http(s), mailto or an anchor, no comments,
 * and every literal "<" written as "&lt;". Returns the first problem, in Italian, or null.
 */
export function findUnsafeHtml(html: string): string | null {
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*(\/?)>/y;
  const attrRe = /\s+([a-zA-Z-]+)="([^"<>]*)"/g;
  const open: string[] = [];
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    tagRe.lastIndex = i;
    const m = tagRe.exec(html);
    if (!m) {
      const snippet = html.slice(i, i + 20);
      return html.startsWith('<!--', i)
        ? 'i commenti HTML non sono ammessi'
        : `marcatura non ammessa o malformata vicino a «${snippet}» (un carattere < nel testo va scritto &lt;)`;
    }
    const [, closing, rawName, attrs, selfClosing] = m;
    const name = rawName!.toLowerCase();
    if (!ALLOWED_HTML_TAGS.has(name)) return `il tag <${name}> non è ammesso (ammessi: ${[...ALLOWED_HTML_TAGS].join(', ')})`;
    if (closing) {
      if (attrs) return `il tag di chiusura </${name}> non può avere attributi`;
      const last = open.pop();
      if (last !== name) return last ? `tag </${name}> chiuso al posto di </${last}>` : `tag </${name}> chiuso senza essere stato aperto`;
    } else {
      for (const a of attrs!.matchAll(attrRe)) {
        const attr = a[1]!.toLowerCase();
        const value = a[2]!;
        if (!(ALLOWED_HTML_ATTRIBUTES[name] ?? []).includes(attr)) return `l’attributo ${attr} non è ammesso sul tag <${name}>`;
        if (attr === 'href' && !/^(https?:\/\/|mailto:|#)/i.test(value.trim()))
          return `collegamento non ammesso: «${value}» (solo http, https, mailto o #ancora)`;
        if ((attr === 'colspan' || attr === 'rowspan' || attr === 'start') && !/^\d{1,3}$/.test(value)) return `valore non valido per ${attr}: «${value}»`;
      }
      if (!VOID_HTML_TAGS.has(name)) {
        if (selfClosing) return `il tag <${name}/> non può essere vuoto`;
        open.push(name);
      }
    }
    i = tagRe.lastIndex - 1;
  }
  if (open.length) return `tag <${open[open.length - 1]}> non chiuso`;
  return null;
}

const html = z
  .string({ message: 'testo del capitolo: serve una stringa HTML o null' })
  .max(500_000, 'testo del capitolo troppo lungo (al massimo 500.000 caratteri)')
  .superRefine((value, ctx) => {
    const problem = findUnsafeHtml(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `HTML non sanificato: ${problem}` });
  });

/** A yes/no answer of a card with its explanation; `answer` is null when the card gives only a text. */
export const YesNoAnswer = z.strictObject({
  answer: z.boolean({ message: 'risposta: serve true (sì), false (no) o null' }).nullable(),
  text: nullableText('motivazione'),
});
export type YesNoAnswer = z.infer<typeof YesNoAnswer>;

/** A card value: plain text, a boolean, a yes/no answer with its text, or the items chosen from a list. */
export const CardValue = z.union(
  [
    text('campo della scheda'),
    z.boolean(),
    YesNoAnswer,
    z.array(text('voce dell’elenco', 2_000), { message: 'serve un elenco di testi' }).min(1, 'elenco vuoto: ometti il campo'),
  ],
  { message: 'valore non valido: serve un testo, true/false, { "answer", "text" } oppure un elenco di testi' },
);
export type CardValue = z.infer<typeof CardValue>;

function cardKeyRank(key: string): number {
  const i = LOMBARDY_CARD_KEYS.indexOf(key as LombardyCardKey);
  return i === -1 ? LOMBARDY_CARD_KEYS.length : i;
}

/** Card fields keyed by template field key; output keys come in template order, then alphabetically. */
export const Card = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'chiave di campo non valida (minuscole, cifre e _)'), CardValue)
  .transform((card) => Object.fromEntries(Object.entries(card).sort(([a], [b]) => cardKeyRank(a) - cardKeyRank(b) || (a < b ? -1 : a > b ? 1 : 0))));

/** A target for one indicator and year, as a rule the monitoring can check (see targets.vocabulary.ts). */
export const TargetRule = targetRuleSchema;
export type TargetRule = VocabularyTargetRule;

export const Target = z.strictObject({
  year: year('anno del target').nullable(),
  rule: TargetRule,
  text: text('testo originale del risultato atteso', 4_000),
});
export type Target = z.infer<typeof Target>;

export const Indicator = z.strictObject({
  code: code('codice dell’indicatore'),
  label: text('nome dell’indicatore', 2_000),
  kind: z.enum(INDICATOR_KINDS, { message: `tipo di indicatore non previsto (ammessi: ${INDICATOR_KINDS.join(', ')})` }),
  numeratorLabel: nullableText('numeratore', 1_000),
  denominatorLabel: nullableText('denominatore', 1_000),
  level: z.enum(INDICATOR_LEVELS, { message: `livello non previsto (ammessi: ${INDICATOR_LEVELS.join(', ')})` }),
  unit: nullableText('unità di misura', 100),
  source: nullableText('fonte del dato', 1_000),
  periodicity: z
    .enum(PERIODICITIES, { message: `periodicità non prevista (ammesse: ${PERIODICITIES.join(', ')})` })
    .nullable()
    .default(null),
  /** Optional: absent means the default of the kind (see defaultAggregation), so older files keep their bytes. */
  aggregation: z.enum(INDICATOR_AGGREGATIONS, { message: `aggregazione non prevista (ammesse: ${INDICATOR_AGGREGATIONS.join(', ')})` }).optional(),
  systemObjective: z.number().int().positive('numero dell’obiettivo di sistema non valido').nullable().default(null),
  targets: z.array(Target).default([]),
});
export type Indicator = z.infer<typeof Indicator>;

export const Action = z.strictObject({
  number: z
    .string({ message: 'numero dell’azione: serve un testo come "1" o "1.2"' })
    .regex(ACTION_NUMBER_PATTERN, 'numero dell’azione non valido (es. "1" o "1.2")'),
  description: text('descrizione dell’azione'),
  systemObjective: z.number().int().positive('numero dell’obiettivo di sistema non valido').nullable().default(null),
  responsible: nullableText('responsabile', 500),
  start: isoDate('data di inizio').nullable().default(null),
  end: isoDate('data di fine').nullable().default(null),
  status: z.enum(ACTION_STATUSES, { message: `stato dell’azione non previsto (ammessi: ${ACTION_STATUSES.join(', ')})` }),
  realisationPercent: z
    .number({ message: 'percentuale di realizzazione: serve un numero' })
    .min(0, 'percentuale sotto 0')
    .max(100, 'percentuale sopra 100')
    .nullable()
    .default(null),
  note: nullableText('nota'),
  expectedResults: z.array(text('risultato atteso', 4_000)).default([]),
  indicators: z.array(Indicator).default([]),
});
export type Action = z.infer<typeof Action>;

export const BudgetLine = z.strictObject({
  fund: z.enum(FUNDING_SOURCE_CODES, { message: 'fonte di finanziamento non prevista: usa uno dei codici documentati (es. FNPS, FNA, FONDI_AMBITO)' }),
  year: year('anno dello stanziamento').nullable(),
  amountCents: z
    .number({ message: 'importo: serve un numero intero di centesimi' })
    .int('importo: serve un numero intero di centesimi (es. 3000000 per 30.000,00 €)')
    .positive('importo: deve essere maggiore di zero')
    .max(MAX_CENTS, 'importo troppo grande: al massimo 100 miliardi di euro (10000000000000 centesimi)'),
  note: nullableText('nota', 2_000),
  sharedAmong: z.array(text('Ambito', 200)).default([]),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const ObjectiveLinks = z.strictObject({
  leps: z.array(z.enum(LEPS_CODES, { message: `LEPS non previsto (ammessi: ${LEPS_CODES.join(', ')})` })).default([]),
  continuesObjective: code('obiettivo del piano precedente').nullable().default(null),
  cooperation: z
    .strictObject({
      ambiti: z.array(text('Ambito', 200)).min(2, 'la cooperazione richiede almeno due Ambiti (compreso il proprio)'),
      leadAmbito: nullableText('Ambito capofila', 200),
    })
    .nullable()
    .default(null),
  asst: z
    .strictObject({
      needsAnalysis: z.boolean().nullable().default(null),
      implementation: z.boolean().nullable().default(null),
    })
    .default({ needsAnalysis: null, implementation: null }),
  agenda2030: z.array(z.number().int().min(1, 'obiettivo Agenda 2030: da 1 a 17').max(17, 'obiettivo Agenda 2030: da 1 a 17')).default([]),
});
export type ObjectiveLinks = z.infer<typeof ObjectiveLinks>;

export const Objective = z.strictObject({
  code: code('codice dell’obiettivo'),
  title: text('titolo dell’obiettivo', 1_000),
  kind: z.enum(OBJECTIVE_KINDS, { message: 'tipo di obiettivo non previsto (ammessi: ordinary, leps)' }),
  macroArea: nullableText('macro-area', 500),
  policyAreas: z.array(z.string().regex(/^[A-Z]$/, 'area di policy: una lettera maiuscola')).default([]),
  priority: z.boolean({ message: 'prioritario: serve true o false' }),
  description: nullableText('descrizione'),
  systemObjectives: z.array(z.strictObject({ number: z.number().int().positive('numero non valido'), text: text('obiettivo di sistema', 4_000) })).default([]),
  card: Card.default({}),
  actions: z.array(Action).default([]),
  indicators: z.array(Indicator).default([]),
  budget: z.array(BudgetLine).default([]),
  links: ObjectiveLinks.default({ leps: [], continuesObjective: null, cooperation: null, asst: { needsAnalysis: null, implementation: null }, agenda2030: [] }),
  source: nullableText('fonte', 1_000),
});
export type Objective = z.infer<typeof Objective>;

/** A chapter's text in Markdown (app/shared/richtext): every problem is named with its line. */
const markdown = z.string({ message: 'testo del capitolo: serve un testo Markdown o null' }).superRefine((value, ctx) => {
  for (const problem of validateRichText(value)) ctx.addIssue({ code: 'custom', message: `testo del capitolo: ${problem.message}` });
});

/**
 * A chapter: its text is Markdown (`markdown`). Files written before rich text carry sanitised HTML (`html`) instead:
 * it is read and converted to Markdown, so the document always comes out with `markdown` only.
 */
export const Chapter = z
  .strictObject({
    number: z
      .string()
      .regex(/^\d+(\.\d+)*$/, 'numero del capitolo non valido (es. "5" o "5.1")')
      .nullable(),
    title: text('titolo del capitolo', 500),
    markdown: markdown.nullable().optional(),
    html: html.nullable().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.markdown != null && c.html != null)
      ctx.addIssue({
        code: 'custom',
        path: ['html'],
        message: 'il capitolo ha sia «markdown» sia «html»: il testo va dato una volta sola, in «markdown» (html solo nei file delle versioni precedenti)',
      });
  })
  .transform(({ number, title, markdown: md, html: legacy }) => ({
    number,
    title,
    markdown: (md ?? (legacy ? htmlToMarkdown(legacy) : '')) || null,
  }));
export type Chapter = z.output<typeof Chapter>;

export const PlanHeader = z.strictObject({
  ambitoCode: z
    .string({ message: 'codice dell’Ambito mancante' })
    .regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'codice dell’Ambito non valido: lettere minuscole, cifre e trattini (es. gallarate)'),
  title: text('titolo del piano', 500),
  periodStartYear: year('primo anno del piano'),
  periodEndYear: year('ultimo anno del piano'),
  template: z.strictObject({
    id: z.enum(TEMPLATE_IDS, { message: `modello non previsto (ammessi: ${TEMPLATE_IDS.join(', ')})` }),
    version: text('versione del modello', 50),
  }),
  status: z.enum(PLAN_STATUSES, { message: `stato del piano non previsto (ammessi: ${PLAN_STATUSES.join(', ')})` }),
  adoption: z
    .strictObject({ date: isoDate('data di adozione').nullable(), act: nullableText('atto di adozione', 2_000) })
    .nullable()
    .default(null),
  predecessor: z
    .strictObject({
      periodStartYear: year('primo anno del piano precedente'),
      periodEndYear: year('ultimo anno del piano precedente'),
      title: nullableText('titolo del piano precedente', 500),
    })
    .nullable()
    .default(null),
  source: nullableText('fonte', 2_000),
});
export type PlanHeader = z.infer<typeof PlanHeader>;

// ---------------------------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------------------------

type Path = (string | number)[];
type Issue = { path: Path; message: string };

/** Each type of card field: whether a value is of that type, and how a message names it. */
const CARD_FIELD_CHECKS: Record<CardFieldType, { is: (value: CardValue) => boolean; description: string }> = {
  text: { is: (v) => typeof v === 'string', description: 'un testo' },
  yes_no: { is: (v) => typeof v === 'object' && !Array.isArray(v), description: 'una risposta { "answer": true/false/null, "text": … }' },
  list: { is: (v) => Array.isArray(v), description: 'un elenco di testi' },
  boolean: { is: (v) => typeof v === 'boolean', description: 'true o false' },
};

function checkCard(card: Record<string, CardValue>, templateId: TemplateId, at: Path, issues: Issue[]) {
  if (templateId !== 'lombardia-dgr-xii-2167-2024') return;
  for (const [key, value] of Object.entries(card)) {
    const types = LOMBARDY_CARD_TYPES.get(key);
    if (!types) {
      issues.push({ path: [...at, key], message: `campo non previsto dalla scheda lombarda (ammessi: ${LOMBARDY_CARD_KEYS.join(', ')})` });
      continue;
    }
    if (!types.some((t) => CARD_FIELD_CHECKS[t].is(value))) {
      issues.push({ path: [...at, key], message: `questo campo della scheda richiede ${types.map((t) => CARD_FIELD_CHECKS[t].description).join(' oppure ')}` });
    }
  }
}

function checkIndicator(ind: Indicator, plan: PlanHeader, at: Path, issues: Issue[], systemObjectives: Set<number>) {
  const isRatio = ind.kind === 'ratio';
  if (ind.aggregation !== undefined && !INDICATOR_KIND_AGGREGATIONS[ind.kind].includes(ind.aggregation)) {
    issues.push({
      path: [...at, 'aggregation'],
      message: `l’aggregazione ${ind.aggregation} non si applica a un indicatore di tipo ${ind.kind} (ammesse: ${INDICATOR_KIND_AGGREGATIONS[ind.kind].join(', ')})`,
    });
  }
  if (isRatio && !ind.numeratorLabel) issues.push({ path: [...at, 'numeratorLabel'], message: 'un indicatore di tipo rapporto richiede il numeratore' });
  if (isRatio && !ind.denominatorLabel) issues.push({ path: [...at, 'denominatorLabel'], message: 'un indicatore di tipo rapporto richiede il denominatore' });
  if (!isRatio && (ind.numeratorLabel || ind.denominatorLabel)) {
    issues.push({
      path: [...at, ind.numeratorLabel ? 'numeratorLabel' : 'denominatorLabel'],
      message: 'numeratore e denominatore si indicano solo per gli indicatori di tipo rapporto (ratio)',
    });
  }
  if (ind.systemObjective !== null && !systemObjectives.has(ind.systemObjective)) {
    issues.push({ path: [...at, 'systemObjective'], message: `l’obiettivo di sistema ${ind.systemObjective} non esiste in questo obiettivo` });
  }
  const years = new Map<string, number>();
  ind.targets.forEach((t, k) => {
    const tAt = [...at, 'targets', k];
    const key = t.year === null ? 'triennio' : String(t.year);
    const previous = years.get(key);
    if (previous !== undefined)
      issues.push({
        path: [...tAt, 'year'],
        message: `c’è già un target per ${key === 'triennio' ? 'l’intero periodo' : `l’anno ${key}`} (target ${previous + 1})`,
      });
    years.set(key, k);
    const allowedKinds = TARGET_RULE_INDICATOR_KINDS[t.rule.type];
    if (!allowedKinds.includes(ind.kind)) {
      issues.push({
        path: [...tAt, 'rule', 'type'],
        message: `la regola ${t.rule.type} non si applica a un indicatore di tipo ${ind.kind} (ammessi: ${allowedKinds.join(', ')})`,
      });
    }
    if (t.year !== null) {
      const earliest = t.rule.type === 'baseline' ? plan.periodStartYear - 10 : plan.periodStartYear;
      if (t.year < earliest || t.year > plan.periodEndYear) {
        issues.push({ path: [...tAt, 'year'], message: `anno ${t.year} fuori dal periodo del piano (${plan.periodStartYear}-${plan.periodEndYear})` });
      }
    }
    if (t.rule.type === 'gt_previous' || t.rule.type === 'lt_previous' || t.rule.type === 'baseline') {
      if (t.year === null) issues.push({ path: [...tAt, 'year'], message: `la regola ${t.rule.type} richiede un anno` });
    }
    if (
      (t.rule.type === 'gt_previous' || t.rule.type === 'lt_previous') &&
      t.rule.referenceYear !== undefined &&
      t.year !== null &&
      t.rule.referenceYear >= t.year
    ) {
      issues.push({ path: [...tAt, 'rule', 'referenceYear'], message: `l’anno di confronto deve precedere l’anno del target (${t.year})` });
    }
  });
}

function checkObjective(o: Objective, plan: PlanHeader, at: Path, issues: Issue[]) {
  checkCard(o.card, plan.template.id, [...at, 'card'], issues);
  const lombardy = plan.template.id === 'lombardia-dgr-xii-2167-2024';
  const seenAreas = new Set<string>();
  o.policyAreas.forEach((letter, k) => {
    if (seenAreas.has(letter)) issues.push({ path: [...at, 'policyAreas', k], message: `area di policy ${letter} ripetuta` });
    seenAreas.add(letter);
    if (lombardy && !(letter in LOMBARDY_POLICY_AREAS)) {
      issues.push({
        path: [...at, 'policyAreas', k],
        message: `area di policy ${letter} non prevista dalla DGR XII/2167/2024 (ammesse: ${Object.keys(LOMBARDY_POLICY_AREAS).join(', ')})`,
      });
    }
  });
  if (o.kind === 'leps' && o.links.leps.length === 0)
    issues.push({ path: [...at, 'links', 'leps'], message: 'un obiettivo LEPS deve indicare almeno un LEPS' });
  const leps = new Set<string>();
  o.links.leps.forEach((l, k) => {
    if (leps.has(l)) issues.push({ path: [...at, 'links', 'leps', k], message: `LEPS ${l} ripetuto` });
    leps.add(l);
  });
  if (o.links.continuesObjective !== null && plan.predecessor === null) {
    issues.push({
      path: [...at, 'links', 'continuesObjective'],
      message: 'il piano non indica un piano precedente (plan.predecessor): la continuità non può essere collegata',
    });
  }
  const coop = o.links.cooperation;
  if (coop?.leadAmbito && !coop.ambiti.includes(coop.leadAmbito)) {
    issues.push({ path: [...at, 'links', 'cooperation', 'leadAmbito'], message: `l’Ambito capofila «${coop.leadAmbito}» non è tra gli Ambiti che cooperano` });
  }

  const systemObjectives = new Set<number>();
  o.systemObjectives.forEach((s, k) => {
    if (systemObjectives.has(s.number)) issues.push({ path: [...at, 'systemObjectives', k, 'number'], message: `obiettivo di sistema ${s.number} ripetuto` });
    systemObjectives.add(s.number);
  });

  const indicatorCodes = new Map<string, string>();
  const claimCode = (c: string, where: string, path: Path) => {
    const previous = indicatorCodes.get(c);
    if (previous) issues.push({ path, message: `codice indicatore ${c} già usato (${previous})` });
    else indicatorCodes.set(c, where);
  };
  const actionNumbers = new Set<string>();
  o.actions.forEach((a, k) => {
    const aAt = [...at, 'actions', k];
    if (actionNumbers.has(a.number)) issues.push({ path: [...aAt, 'number'], message: `azione ${a.number} ripetuta` });
    actionNumbers.add(a.number);
    if (a.systemObjective !== null && !systemObjectives.has(a.systemObjective)) {
      issues.push({ path: [...aAt, 'systemObjective'], message: `l’obiettivo di sistema ${a.systemObjective} non esiste in questo obiettivo` });
    }
    if (a.start && a.end && a.end < a.start) issues.push({ path: [...aAt, 'end'], message: 'la data di fine precede quella di inizio' });
    if (a.status === 'completed' && a.realisationPercent !== null && a.realisationPercent !== 100) {
      issues.push({ path: [...aAt, 'status'], message: `azione indicata come realizzata ma con realizzazione al ${a.realisationPercent}%` });
    }
    a.indicators.forEach((ind, j) => {
      const iAt = [...aAt, 'indicators', j];
      if (!ind.code.startsWith(`${a.number}.`))
        issues.push({
          path: [...iAt, 'code'],
          message: `il codice di un indicatore dell’azione ${a.number} deve iniziare con «${a.number}.» (es. ${a.number}.1)`,
        });
      claimCode(ind.code, `azione ${a.number}`, [...iAt, 'code']);
      checkIndicator(ind, plan, iAt, issues, systemObjectives);
    });
  });
  o.indicators.forEach((ind, j) => {
    const iAt = [...at, 'indicators', j];
    if (ACTION_INDICATOR_CODE_PATTERN.test(ind.code)) {
      issues.push({
        path: [...iAt, 'code'],
        message: `i codici come «${ind.code}» sono riservati agli indicatori di un’azione: spostalo nell’azione o usa un codice che inizia con una lettera`,
      });
    }
    claimCode(ind.code, 'indicatori dell’obiettivo', [...iAt, 'code']);
    checkIndicator(ind, plan, iAt, issues, systemObjectives);
  });

  o.budget.forEach((b, k) => {
    const bAt = [...at, 'budget', k];
    if (b.fund === 'FONTI_MISTE' && !b.note)
      issues.push({ path: [...bAt, 'note'], message: 'con FONTI_MISTE indica nella nota le fonti che compongono l’importo' });
    if (b.year !== null && (b.year < plan.periodStartYear || b.year > plan.periodEndYear)) {
      issues.push({ path: [...bAt, 'year'], message: `anno ${b.year} fuori dal periodo del piano (${plan.periodStartYear}-${plan.periodEndYear})` });
    }
    if (b.sharedAmong.length === 1)
      issues.push({
        path: [...bAt, 'sharedAmong'],
        message: 'un importo condiviso riguarda almeno due Ambiti (compreso il proprio); lascia l’elenco vuoto se è solo di questo Ambito',
      });
  });
}

export const PlanDocument = z
  .strictObject({
    format: z.literal(PLAN_FORMAT, { message: `questo file non è un piano Cantiere: il campo format deve valere «${PLAN_FORMAT}»` }),
    formatVersion: z.literal(PLAN_FORMAT_VERSION, {
      message: `versione del formato non supportata: questa versione di Cantiere legge la versione ${PLAN_FORMAT_VERSION}`,
    }),
    plan: PlanHeader,
    chapters: z.array(Chapter).default([]),
    objectives: z.array(Objective).default([]),
  })
  .superRefine((doc, ctx) => {
    const issues: Issue[] = [];
    const { plan } = doc;
    if (plan.periodEndYear < plan.periodStartYear) issues.push({ path: ['plan', 'periodEndYear'], message: 'l’ultimo anno precede il primo' });
    else if (plan.periodEndYear - plan.periodStartYear > 9) issues.push({ path: ['plan', 'periodEndYear'], message: 'un piano copre al massimo dieci anni' });
    if (plan.predecessor) {
      if (plan.predecessor.periodEndYear < plan.predecessor.periodStartYear)
        issues.push({ path: ['plan', 'predecessor', 'periodEndYear'], message: 'l’ultimo anno precede il primo' });
      if (plan.predecessor.periodEndYear >= plan.periodStartYear)
        issues.push({ path: ['plan', 'predecessor', 'periodEndYear'], message: 'il piano precedente deve finire prima dell’inizio di questo piano' });
    }
    const codes = new Map<string, number>();
    doc.objectives.forEach((o, i) => {
      const previous = codes.get(o.code);
      if (previous !== undefined) issues.push({ path: ['objectives', i, 'code'], message: `codice ${o.code} già usato dall’obiettivo ${previous + 1}` });
      else codes.set(o.code, i);
      checkObjective(o, plan, ['objectives', i], issues);
    });
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

/** A plan document as read (defaults filled in, card keys in canonical order). */
export type PlanDocument = z.output<typeof PlanDocument>;
/** A plan document as written by hand or by another program (fields with a default may be omitted). */
export type PlanDocumentInput = z.input<typeof PlanDocument>;

// ---------------------------------------------------------------------------------------------------------------
// Reading and writing
// ---------------------------------------------------------------------------------------------------------------

/** "objectives[3].actions[0].indicators[1].code" */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(documento)';
}

/** A readable hint for a JSON path in the raw data, e.g. "obiettivo D, azione 2, indicatore 2.1". */
function describeLocation(raw: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (let k = 0; k < path.length; k++) {
    const key = path[k]!;
    const parentKey = path[k - 1];
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
    if (typeof key !== 'number' || node === null || typeof node !== 'object') continue;
    const item = node as Record<string, unknown>;
    if (parentKey === 'objectives' && typeof item.code === 'string') parts.push(`obiettivo ${item.code}`);
    else if (parentKey === 'actions' && typeof item.number === 'string') parts.push(`azione ${item.number}`);
    else if (parentKey === 'indicators' && typeof item.code === 'string') parts.push(`indicatore ${item.code}`);
    else if (parentKey === 'targets' && (typeof item.year === 'number' || item.year === null))
      parts.push(item.year === null ? 'target del periodo' : `target ${item.year}`);
    else if (parentKey === 'chapters' && typeof item.title === 'string') parts.push(`capitolo «${item.title.slice(0, 40)}»`);
  }
  return parts.join(', ');
}

function failedMessage(fileName: string, count: number) {
  return `Il file ${fileName} non è stato importato: ${count === 1 ? 'c’è un errore' : `ci sono ${count} errori`}. Nessun dato è stato modificato.`;
}

function toIssues(
  fileName: string,
  raw: unknown,
  zodIssues: readonly { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[],
): FieldIssue[] {
  return zodIssues.map((i) => {
    const where = describeLocation(raw, i.path);
    const message =
      i.code === 'unrecognized_keys' && i.keys
        ? `${i.keys.length === 1 ? 'campo non previsto' : 'campi non previsti'} dal formato: ${i.keys.map((k) => `«${k}»`).join(', ')} (controlla il nome del campo e la versione del formato)`
        : i.message;
    return { path: `${fileName}, ${jsonPath(i.path)}${where ? ` (${where})` : ''}`, message };
  });
}

/**
 * Reads a plan exchange file. All or nothing: any problem throws a ValidationError listing each one with the
 * file name and the JSON path (plus the objective/action/indicator it belongs to).
 */
export function parsePlanDocument(fileName: string, text: string): PlanDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ValidationError([{ path: fileName, message: `il file non è un JSON valido (${(error as Error).message})` }], failedMessage(fileName, 1));
  }
  refuseControlCharactersInJson(raw, fileName);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ValidationError(
      [{ path: fileName, message: 'il file deve contenere un oggetto JSON con i campi format, formatVersion, plan, chapters e objectives' }],
      failedMessage(fileName, 1),
    );
  }
  const parsed = PlanDocument.safeParse(raw);
  if (!parsed.success) {
    const issues = toIssues(fileName, raw, parsed.error.issues);
    throw new ValidationError(issues.slice(0, MAX_ISSUES), failedMessage(fileName, issues.length));
  }
  return parsed.data;
}

/**
 * Writes a plan exchange file: validated, defaults filled in, keys in the order of the schema (card fields in
 * template order), two-space indentation and a final newline, so the same plan always gives the same bytes and
 * parse → serialise → parse is lossless.
 */
export function serializePlanDocument(doc: PlanDocumentInput): string {
  const parsed = PlanDocument.safeParse(doc);
  if (!parsed.success) {
    const issues = toIssues('piano', doc, parsed.error.issues);
    throw new ValidationError(issues.slice(0, MAX_ISSUES), 'Il piano non può essere esportato: alcuni dati non sono validi.');
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Derived figures
// ---------------------------------------------------------------------------------------------------------------

/** Sum of the budget lines of one objective (all funds and years; shared amounts counted in full). */
export function objectiveBudgetCents(objective: Pick<Objective, 'budget'>): number {
  return objective.budget.reduce((sum, line) => sum + line.amountCents, 0);
}
