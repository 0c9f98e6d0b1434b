/**
 * Regional plan templates as data. A template describes what a plan written for a Region must contain: its chapter
 * skeleton, the policy areas with their "punti chiave", the objective card (ordered fields), the LEPS card, the
 * evaluation grid of the previous plan and the status labels of the plan. A new Region is a new JSON file under
 * `fixtures/templates/`, checked by `parseTemplate`; nothing here is Region-specific code.
 *
 * Legal sources of the shipped templates: D.G.R. Lombardia XII/2167 del 15.04.2024 (Linee di indirizzo per la
 * programmazione sociale territoriale 2025-2027, with its "Schema di valutazione"); Regione Marche, Linee guida per la
 * predisposizione dei Piani Sociali Territoriali di ATS; L. 328/2000 art. 19 for the generic template.
 * How to write a template: docs/templates.md.
 */
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { isIsoDateInRange, z } from '../../shared/validation.ts';
// The statuses (every template labels all of them, in order), indicator levels and aggregations (a template states an
// aggregation where its cards say so; absent, it follows the measure) are the plan exchange format's vocabularies.
import { INDICATOR_AGGREGATIONS, INDICATOR_LEVELS, PLAN_STATUSES } from './plan-document.schema.ts';
import { templateTargetRuleSchema, type TemplateTargetRule } from './targets.vocabulary.ts';

/** The kinds of answer an objective-card field collects (see docs/templates.md for the shape of each answer). */
export const TEMPLATE_FIELD_TYPES = [
  'text',
  'yesno',
  'yesno_text',
  'choice',
  'multichoice',
  'number',
  'money',
  'policy_areas',
  'key_points',
  'actions',
  'indicators',
  'results',
] as const;
export type TemplateFieldType = (typeof TEMPLATE_FIELD_TYPES)[number];

/** What a chapter holds besides its narrative text. */
export const CHAPTER_CONTENTS = ['objective_cards', 'leps_cards', 'evaluation_grid', 'previous_plan_evaluation'] as const;

/** How one dimension of the evaluation grid is answered. */
export const EVALUATION_ANSWERS = ['computed_band', 'choice', 'yesno', 'yesno_text', 'text'] as const;

/** Kinds of yearly target a LEPS indicator can carry: the one vocabulary of targets (targets.vocabulary.ts). */
export { TARGET_RULE_TYPES } from './targets.vocabulary.ts';

const WITH_OPTIONS: readonly TemplateFieldType[] = ['choice', 'multichoice'];
const WITH_OTHER: readonly TemplateFieldType[] = ['choice', 'multichoice', 'key_points'];
const WITH_NOTE: readonly TemplateFieldType[] = ['choice', 'multichoice', 'number', 'money', 'policy_areas', 'key_points'];
const WITH_LEVEL: readonly TemplateFieldType[] = ['indicators', 'results'];

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

const text = (what: string, max = 2000) =>
  z
    .string({ message: `${what}: serve un testo` })
    .trim()
    .min(1, `${what}: il testo è vuoto`)
    .max(max, `${what}: al massimo ${max} caratteri`);

const optionalText = (what: string, max = 4000) => text(what, max).nullable().optional();

const isoDate = z
  .string({ message: 'data: serve una stringa nel formato AAAA-MM-GG' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'data non valida: usa il formato AAAA-MM-GG (es. 2024-04-15)')
  .refine(isIsoDateInRange, 'data inesistente');

const identifier = (what: string) =>
  z
    .string({ message: `${what}: serve un identificativo` })
    .regex(/^[a-z][a-z0-9_]{0,59}$/, `${what} non valida: lettere minuscole, cifre e trattino basso, iniziale una lettera (es. titolo_intervento)`);

const code = (what: string) =>
  z
    .string({ message: `${what}: serve un codice` })
    .regex(/^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/, `${what} non valido: lettere, cifre e separatori . _ - (es. A, B.1, OS1-A6)`)
    .max(20, `${what}: al massimo 20 caratteri`);

// Semantic Versioning 2.0.0 (https://semver.org), without the optional "v".
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

// ---------------------------------------------------------------------------------------------------------------
// Card fields (objective card and LEPS card)

export const TemplateField = z
  .strictObject({
    key: identifier('chiave del campo'),
    label: text('etichetta del campo', 600),
    type: z.enum(TEMPLATE_FIELD_TYPES, { message: `tipo di campo non previsto (ammessi: ${TEMPLATE_FIELD_TYPES.join(', ')})` }),
    required: z.boolean({ message: 'required: indica true (campo obbligatorio) oppure false' }),
    help: optionalText('testo di aiuto', 2000),
    options: z.array(text('valore ammesso', 300)).optional(),
    allowOther: z.boolean().optional(),
    allowNote: z.boolean().optional(),
    detailsRequiredIfYes: z.boolean().optional(),
    indicatorLevel: z.enum(INDICATOR_LEVELS, { message: `livello di indicatore non previsto (ammessi: ${INDICATOR_LEVELS.join(', ')})` }).optional(),
    labelVariants: z.array(text('variante dell’etichetta', 600)).optional(),
  })
  .superRefine((field, ctx) => {
    const is = (types: readonly TemplateFieldType[]) => types.includes(field.type);
    if (is(WITH_OPTIONS)) {
      if (!field.options || field.options.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: `un campo di tipo «${field.type}» deve elencare in «options» almeno un valore ammesso` });
      } else {
        duplicates(field.options).forEach(([i, first]) =>
          ctx.addIssue({ code: 'custom', path: ['options', i], message: `valore «${field.options![i]}» già elencato (posizione ${first + 1})` }),
        );
      }
    } else if (field.options !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `«options» vale solo per i campi choice e multichoice, non per «${field.type}»` });
    }
    if (field.allowOther !== undefined && !is(WITH_OTHER)) {
      ctx.addIssue({ code: 'custom', path: ['allowOther'], message: `«allowOther» vale solo per i campi ${WITH_OTHER.join(', ')}` });
    }
    if (field.allowNote !== undefined && !is(WITH_NOTE)) {
      ctx.addIssue({ code: 'custom', path: ['allowNote'], message: `«allowNote» vale solo per i campi ${WITH_NOTE.join(', ')}` });
    }
    if (field.detailsRequiredIfYes !== undefined && field.type !== 'yesno_text') {
      ctx.addIssue({ code: 'custom', path: ['detailsRequiredIfYes'], message: '«detailsRequiredIfYes» vale solo per i campi yesno_text' });
    }
    if (field.indicatorLevel !== undefined && !is(WITH_LEVEL)) {
      ctx.addIssue({ code: 'custom', path: ['indicatorLevel'], message: '«indicatorLevel» vale solo per i campi indicators e results' });
    }
  });
export type TemplateField = z.infer<typeof TemplateField>;

const Card = (what: string) =>
  z
    .strictObject({
      title: text(`titolo della ${what}`, 300),
      fields: z.array(TemplateField).min(1, `la ${what} deve avere almeno un campo`),
    })
    .superRefine((card, ctx) => {
      duplicates(card.fields.map((f) => f.key)).forEach(([i, first]) =>
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `chiave «${card.fields[i]!.key}» già usata dal campo ${first + 1}` }),
      );
    });

export const ObjectiveCard = Card('scheda obiettivo');
export type ObjectiveCard = z.infer<typeof ObjectiveCard>;

// ---------------------------------------------------------------------------------------------------------------
// Chapters, policy areas, macro-areas, regional plan codes

export interface TemplateChapter {
  key: string;
  number: string | null;
  title: string;
  guidance?: string | null;
  contains?: (typeof CHAPTER_CONTENTS)[number] | null;
  macroArea?: string | null;
  policyAreas?: string[];
  regionalPlanCodes?: string[];
  children: TemplateChapter[];
}

export const TemplateChapter: z.ZodType<TemplateChapter> = z.lazy(() =>
  z
    .strictObject({
      key: z
        .string({ message: 'chiave del capitolo: serve un identificativo' })
        .regex(/^[a-z0-9]+([._-][a-z0-9]+)*$/, 'chiave del capitolo non valida: lettere minuscole, cifre e separatori . _ - (es. 5.2, a.1.2-analisi)'),
      number: z
        .string({ message: 'numero del capitolo: una stringa (es. "1.2") oppure null' })
        .trim()
        .min(1, 'numero del capitolo vuoto: usa null per un capitolo senza numero')
        .max(20)
        .nullable(),
      title: text('titolo del capitolo', 500),
      guidance: optionalText('indicazioni per la compilazione', 4000),
      contains: z
        .enum(CHAPTER_CONTENTS, { message: `contenuto non previsto (ammessi: ${CHAPTER_CONTENTS.join(', ')})` })
        .nullable()
        .optional(),
      macroArea: code('codice della macro-area').nullable().optional(),
      policyAreas: z.array(code('codice dell’area di policy')).optional(),
      regionalPlanCodes: z.array(code('codice del piano regionale')).optional(),
      children: z.array(TemplateChapter),
    })
    .superRefine((chapter, ctx) => {
      const numbers = chapter.children.map((c) => c.number);
      duplicates(numbers).forEach(([i, first]) => {
        if (numbers[i] !== null)
          ctx.addIssue({ code: 'custom', path: ['children', i, 'number'], message: `numero «${numbers[i]}» già usato dal sottocapitolo ${first + 1}` });
      });
    }),
);

export const PolicyArea = z.strictObject({
  code: code('codice dell’area di policy'),
  name: text('nome dell’area di policy', 300),
  keyPoints: z.array(text('punto chiave', 300)),
});
export type PolicyArea = z.infer<typeof PolicyArea>;

export const MacroArea = z.strictObject({
  code: code('codice della macro-area'),
  name: text('nome della macro-area', 300),
  policyAreas: z.array(code('codice dell’area di policy')),
});
export type MacroArea = z.infer<typeof MacroArea>;

export const RegionalPlanCodes = z.strictObject({
  source: z.strictObject({ act: text('atto del piano regionale', 300), date: isoDate.nullable() }),
  objectives: z
    .array(
      z.strictObject({
        code: code('codice dell’obiettivo strategico'),
        name: text('nome dell’obiettivo strategico', 500),
        actions: z.array(z.strictObject({ code: code('codice dell’azione di sistema'), name: optionalText('nome dell’azione di sistema', 500) })),
      }),
    )
    .min(1, 'elenca almeno un obiettivo strategico'),
});
export type RegionalPlanCodes = z.infer<typeof RegionalPlanCodes>;

// ---------------------------------------------------------------------------------------------------------------
// LEPS card and priority LEPS

/** A LEPS target's rule: the plan's vocabulary (a milestone may name its stage only in the printed text). */
export const TargetRule = templateTargetRuleSchema;
export type TargetRule = TemplateTargetRule;

export const PriorityLeps = z
  .strictObject({
    code: code('codice del LEPS'),
    name: text('nome del LEPS', 300),
    norm: text('norma di riferimento', 500),
    programmingAct: text('atto di programmazione', 500),
    funding: text('fonti di finanziamento', 500),
    healthIntegration: text('integrazione sociosanitaria', 100),
    systemObjectives: z.array(z.strictObject({ number: text('numero dell’obiettivo di sistema', 10), text: text('obiettivo di sistema', 1000) })).min(1),
    indicators: z
      .array(
        z.strictObject({
          label: text('indicatore', 1000),
          measure: z.enum(['ratio', 'count', 'time', 'milestone'], { message: 'misura non prevista (ammesse: ratio, count, time, milestone)' }),
          aggregation: z.enum(INDICATOR_AGGREGATIONS, { message: `aggregazione non prevista (ammesse: ${INDICATOR_AGGREGATIONS.join(', ')})` }).optional(),
          targets: z
            .array(
              z.strictObject({
                year: z.number({ message: 'anno: serve un numero' }).int().min(2000).max(2100),
                text: optionalText('traguardo', 1000),
                rule: TargetRule.nullable(),
              }),
            )
            .min(1),
        }),
      )
      .min(1),
  })
  .superRefine((leps, ctx) => {
    leps.indicators.forEach((indicator, i) =>
      duplicates(indicator.targets.map((t) => t.year)).forEach(([j, first]) =>
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'targets', j, 'year'],
          message: `anno ${indicator.targets[j]!.year} già indicato (posizione ${first + 1})`,
        }),
      ),
    );
  });
export type PriorityLeps = z.infer<typeof PriorityLeps>;

export const LepsCard = z
  .strictObject({
    title: text('titolo della scheda LEPS', 300),
    fields: z.array(TemplateField).min(1, 'la scheda LEPS deve avere almeno un campo'),
    priorityLeps: z.array(PriorityLeps),
  })
  .superRefine((card, ctx) => {
    duplicates(card.fields.map((f) => f.key)).forEach(([i, first]) =>
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `chiave «${card.fields[i]!.key}» già usata dal campo ${first + 1}` }),
    );
    duplicates(card.priorityLeps.map((l) => l.code)).forEach(([i, first]) =>
      ctx.addIssue({
        code: 'custom',
        path: ['priorityLeps', i, 'code'],
        message: `codice LEPS «${card.priorityLeps[i]!.code}» già usato (posizione ${first + 1})`,
      }),
    );
  });
export type LepsCard = z.infer<typeof LepsCard>;

// ---------------------------------------------------------------------------------------------------------------
// Evaluation grid ("Schema di valutazione")

export const EvaluationBand = z.strictObject({
  label: text('etichetta della fascia', 200),
  grade: text('giudizio della fascia', 100),
  min: z.number().nullable(),
  minInclusive: z.boolean(),
  max: z.number().nullable(),
  maxInclusive: z.boolean(),
});
export type EvaluationBand = z.infer<typeof EvaluationBand>;

const FormulaTerm = z.strictObject({ key: identifier('chiave del termine'), label: text('etichetta del termine', 200) });

export const EvaluationDimension = z
  .strictObject({
    key: identifier('chiave della dimensione'),
    group: optionalText('gruppo della dimensione', 200),
    label: text('etichetta della dimensione', 600),
    answer: z.enum(EVALUATION_ANSWERS, { message: `tipo di risposta non previsto (ammessi: ${EVALUATION_ANSWERS.join(', ')})` }),
    help: optionalText('testo di aiuto', 1000),
    formula: z
      .strictObject({ text: text('formula', 300), numerator: FormulaTerm, denominator: FormulaTerm, multiplier: z.number().positive() })
      .nullable()
      .optional(),
    bands: z.array(EvaluationBand).optional(),
    options: z.array(text('valore ammesso', 300)).optional(),
    motivationRequired: z.boolean().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.answer === 'computed_band') {
      if (!d.formula) ctx.addIssue({ code: 'custom', path: ['formula'], message: 'una dimensione «computed_band» deve indicare la formula' });
      if (!d.bands || d.bands.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['bands'], message: 'una dimensione «computed_band» deve elencare le fasce' });
      } else {
        for (const issue of bandIssues(d.bands)) ctx.addIssue({ code: 'custom', path: ['bands', ...issue.path], message: issue.message });
      }
    } else {
      if (d.bands !== undefined) ctx.addIssue({ code: 'custom', path: ['bands'], message: '«bands» vale solo per le dimensioni «computed_band»' });
      if (d.formula) ctx.addIssue({ code: 'custom', path: ['formula'], message: '«formula» vale solo per le dimensioni «computed_band»' });
    }
    if (d.answer === 'choice') {
      if (!d.options || d.options.length === 0)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'una dimensione «choice» deve elencare in «options» almeno un valore ammesso' });
      else
        duplicates(d.options).forEach(([i, first]) =>
          ctx.addIssue({ code: 'custom', path: ['options', i], message: `valore «${d.options![i]}» già elencato (posizione ${first + 1})` }),
        );
    } else if (d.options !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: '«options» vale solo per le dimensioni «choice»' });
    }
  });
export type EvaluationDimension = z.infer<typeof EvaluationDimension>;

export const EvaluationGrid = z
  .strictObject({
    title: text('titolo della griglia', 300),
    source: optionalText('fonte della griglia', 500),
    dimensions: z.array(EvaluationDimension).min(1, 'la griglia deve avere almeno una dimensione'),
    summary: z
      .strictObject({ label: text('etichetta della sintesi', 300), dimension: identifier('dimensione della sintesi'), method: z.literal('mean') })
      .nullable()
      .optional(),
  })
  .superRefine((grid, ctx) => {
    const keys = grid.dimensions.map((d) => d.key);
    duplicates(keys).forEach(([i, first]) =>
      ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'key'], message: `chiave «${keys[i]}» già usata dalla dimensione ${first + 1}` }),
    );
    if (grid.summary) {
      const target = grid.dimensions.find((d) => d.key === grid.summary!.dimension);
      if (!target)
        ctx.addIssue({ code: 'custom', path: ['summary', 'dimension'], message: `dimensione «${grid.summary.dimension}» inesistente nella griglia` });
      else if (target.answer !== 'computed_band')
        ctx.addIssue({
          code: 'custom',
          path: ['summary', 'dimension'],
          message: `la media si calcola solo su una dimensione «computed_band», non su «${target.answer}»`,
        });
    }
  });
export type EvaluationGrid = z.infer<typeof EvaluationGrid>;

// ---------------------------------------------------------------------------------------------------------------
// Adoption and variations

/** What a plan must contain before it can be adopted (the coordinator may override with a written reason). */
export const COMPLETENESS_RULES = ['min_objectives', 'required_card_fields', 'actions_per_objective', 'indicators_per_action', 'budget_per_objective'] as const;

export const Adoption = z.strictObject({
  /** The type of governance body whose approved decision adopts the plan and its variations (e.g. assemblea_sindaci). */
  bodyType: z
    .string({ message: 'adoption.bodyType: il tipo di organo che adotta il piano (es. assemblea_sindaci)' })
    .regex(/^[a-z_]+$/, 'tipo di organo non valido (es. assemblea_sindaci)'),
  /** Completeness rules checked at adoption: the minimum count of each. */
  completeness: z
    .array(
      z.strictObject({
        rule: z.enum(COMPLETENESS_RULES, { message: `regola di completezza non prevista (ammesse: ${COMPLETENESS_RULES.join(', ')})` }),
        min: z.number().int().min(1).max(1000).optional(),
      }),
    )
    .refine((list) => new Set(list.map((r) => r.rule)).size === list.length, 'ogni regola di completezza una volta sola'),
  /**
   * What counts as a minor change, which the coordinator may approve without a decision: the objective's fields
   * (`description`, `card.<key>` …) and the kinds of change (`indicator.add` …). Anything else needs a decision.
   */
  minorChanges: z.array(
    z
      .string()
      .regex(
        /^(card\.[a-z0-9_]+|title|priority|macroArea|policyAreas|description|links|objective\.add|objective\.carry|action\.add|indicator\.add|budget\.add|budget\.delete)$/,
        'modifica minore non prevista',
      ),
  ),
});
export type Adoption = z.infer<typeof Adoption>;

/** When a template says nothing: the mayors' assembly adopts, a plan needs at least one objective, nothing is minor. */
export const DEFAULT_ADOPTION: Adoption = { bodyType: 'assemblea_sindaci', completeness: [{ rule: 'min_objectives', min: 1 }], minorChanges: [] };

// ---------------------------------------------------------------------------------------------------------------
// The planning path the template proposes (participation adopts it for a plan, then the Ambito adapts it)

/** One step of the proposed path: what goes in, what comes out, the type of governance body that closes it. */
export const PathStep = z.strictObject({
  key: identifier('chiave del passo'),
  name: text('nome del passo', 200),
  description: optionalText('descrizione del passo', 2000),
  inputs: optionalText('ingressi del passo', 2000),
  outputs: optionalText('uscite del passo', 2000),
  /** The type of governance body that closes the step (e.g. assemblea_sindaci, ufficio_di_piano, tavolo_terzo_settore). */
  closingBodyType: z
    .string({ message: 'closingBodyType: il tipo di organo che chiude il passo (es. ufficio_di_piano)' })
    .regex(/^[a-z_]+$/, 'tipo di organo non valido (es. assemblea_sindaci, ufficio_di_piano, tavolo_terzo_settore)'),
  /** How many days the step usually takes (null: no typical duration). */
  typicalDurationDays: z
    .number({ message: 'typicalDurationDays: un numero di giorni oppure null' })
    .int('typicalDurationDays: un numero intero di giorni')
    .min(1, 'typicalDurationDays: almeno 1 giorno')
    .max(730, 'typicalDurationDays: al massimo 730 giorni')
    .nullable()
    .optional(),
});
export type PathStep = z.infer<typeof PathStep>;

export const ParticipationPath = z
  .array(PathStep)
  .min(1, 'il percorso proposto deve avere almeno un passo')
  .max(30, 'il percorso proposto: al massimo 30 passi')
  .superRefine((steps, ctx) => {
    duplicates(steps.map((s) => s.key)).forEach(([i, first]) =>
      ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `chiave «${steps[i]!.key}» già usata dal passo ${first + 1}` }),
    );
  });

// ---------------------------------------------------------------------------------------------------------------
// The template

export const PlanTemplate = z
  .strictObject({
    id: z
      .string({ message: 'id: serve un identificativo' })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id non valido: lettere minuscole, cifre e trattini (es. lombardia-dgr-xii-2167-2024)')
      .max(80),
    version: z
      .string({ message: 'version: serve una versione semver (es. 1.0.0)' })
      .regex(SEMVER, 'versione non valida: usa il formato semver MAGGIORE.MINORE.PATCH (es. 1.0.0)'),
    region: z
      .string({ message: 'region: codice ISTAT della regione (es. "03") oppure null per un modello generico' })
      .regex(/^(0[1-9]|1\d|20)$/, 'codice ISTAT della regione non valido: due cifre da 01 a 20 (es. 03 Lombardia, 11 Marche)')
      .nullable(),
    name: text('nome del modello', 300),
    planName: text('nome del piano', 200),
    legalBasis: z.strictObject({
      act: text('atto di riferimento', 300),
      date: isoDate.nullable(),
      title: optionalText('oggetto dell’atto', 1000),
    }),
    periodYears: z.number({ message: 'periodYears: serve un numero di anni' }).int('periodYears: un numero intero di anni').min(1).max(10),
    firstYear: z.number({ message: 'firstYear: un anno oppure null' }).int().min(2000).max(2100).nullable(),
    statusWorkflow: z.array(
      z.strictObject({
        status: z.enum(PLAN_STATUSES, { message: `stato non previsto (ammessi: ${PLAN_STATUSES.join(', ')})` }),
        label: text('etichetta dello stato', 100),
        description: optionalText('descrizione dello stato', 500),
      }),
    ),
    chapters: z.array(TemplateChapter).min(1, 'il modello deve avere almeno un capitolo'),
    policyAreas: z.array(PolicyArea),
    macroAreas: z.array(MacroArea),
    objectiveCard: ObjectiveCard,
    lepsCard: LepsCard.nullable(),
    evaluationGrid: EvaluationGrid.nullable(),
    regionalPlanCodes: RegionalPlanCodes.nullable(),
    adoption: Adoption.optional(),
    /** The laws and acts the plan rests on, printed as the annex «Riferimenti normativi» of the plan document. */
    normativeReferences: z.array(z.strictObject({ act: text('atto', 300), date: isoDate.nullable(), title: text('oggetto dell’atto', 1000) })).optional(),
    /** The planning path the template proposes (knowledge → tables → synthesis → approval → transmission…). */
    participationPath: ParticipationPath.optional(),
  })
  .superRefine((t, ctx) => {
    const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    // Status workflow: the product's statuses, all of them, in order.
    const statuses = t.statusWorkflow.map((s) => s.status);
    if (statuses.join() !== PLAN_STATUSES.join()) {
      const at = statuses.findIndex((s, i) => s !== PLAN_STATUSES[i]);
      add(
        at >= 0 ? ['statusWorkflow', at, 'status'] : ['statusWorkflow'],
        `gli stati devono essere esattamente, in quest’ordine: ${PLAN_STATUSES.join(' → ')} (trovati: ${statuses.join(' → ') || 'nessuno'})`,
      );
    }

    // Policy areas and macro-areas.
    const areaCodes = new Set(t.policyAreas.map((a) => a.code));
    duplicates(t.policyAreas.map((a) => a.code)).forEach(([i, first]) =>
      add(['policyAreas', i, 'code'], `codice «${t.policyAreas[i]!.code}» già usato dall’area ${first + 1}`),
    );
    duplicates(t.policyAreas.map((a) => a.name)).forEach(([i, first]) => add(['policyAreas', i, 'name'], `nome già usato dall’area ${first + 1}`));
    t.policyAreas.forEach((a, i) =>
      duplicates(a.keyPoints).forEach(([j, first]) =>
        add(['policyAreas', i, 'keyPoints', j], `punto chiave «${a.keyPoints[j]}» già elencato (posizione ${first + 1})`),
      ),
    );
    duplicates(t.macroAreas.map((m) => m.code)).forEach(([i, first]) =>
      add(['macroAreas', i, 'code'], `codice «${t.macroAreas[i]!.code}» già usato dalla macro-area ${first + 1}`),
    );
    t.macroAreas.forEach((m, i) =>
      m.policyAreas.forEach((c, j) => {
        if (!areaCodes.has(c))
          add(['macroAreas', i, 'policyAreas', j], `area di policy «${c}» inesistente (aree definite: ${[...areaCodes].join(', ') || 'nessuna'})`);
      }),
    );

    // Card fields that need the vocabularies.
    t.objectiveCard.fields.forEach((f, i) => {
      if (f.type === 'policy_areas' && t.policyAreas.length === 0)
        add(['objectiveCard', 'fields', i, 'type'], 'un campo «policy_areas» richiede almeno un’area in «policyAreas»');
      if (f.type === 'key_points' && !f.allowOther && !t.policyAreas.some((a) => a.keyPoints.length > 0)) {
        add(['objectiveCard', 'fields', i, 'type'], 'un campo «key_points» richiede punti chiave in «policyAreas» (oppure «allowOther»: true)');
      }
    });

    // Minor changes name fields of the card.
    t.adoption?.minorChanges.forEach((m, i) => {
      if (m.startsWith('card.') && !t.objectiveCard.fields.some((f) => `card.${f.key}` === m))
        add(['adoption', 'minorChanges', i], `campo «${m.slice(5)}» inesistente nella scheda obiettivo`);
    });

    // Chapters: unique keys, valid references, required companions.
    const macroCodes = new Set(t.macroAreas.map((m) => m.code));
    const planCodes = new Set(t.regionalPlanCodes?.objectives.flatMap((o) => [o.code, ...o.actions.map((a) => a.code)]) ?? []);
    const seenKeys = new Map<string, string>();
    const contents = new Set<string>();
    const visit = (chapters: TemplateChapter[], path: (string | number)[]) =>
      chapters.forEach((c, i) => {
        const here = [...path, i];
        const where = formatPath(here);
        const previous = seenKeys.get(c.key);
        if (previous) add([...here, 'key'], `chiave «${c.key}» già usata dal capitolo ${previous}`);
        else seenKeys.set(c.key, where);
        if (c.contains) contents.add(c.contains);
        if (c.macroArea && !macroCodes.has(c.macroArea))
          add([...here, 'macroArea'], `macro-area «${c.macroArea}» inesistente (definite: ${[...macroCodes].join(', ') || 'nessuna'})`);
        (c.policyAreas ?? []).forEach((pa, j) => {
          if (!areaCodes.has(pa))
            add([...here, 'policyAreas', j], `area di policy «${pa}» inesistente (aree definite: ${[...areaCodes].join(', ') || 'nessuna'})`);
        });
        (c.regionalPlanCodes ?? []).forEach((rc, j) => {
          if (!planCodes.has(rc)) add([...here, 'regionalPlanCodes', j], `codice «${rc}» assente in «regionalPlanCodes»`);
        });
        if (c.contains === 'leps_cards' && !t.lepsCard) add([...here, 'contains'], 'il capitolo raccoglie schede LEPS ma il modello non definisce «lepsCard»');
        if ((c.contains === 'evaluation_grid' || c.contains === 'previous_plan_evaluation') && !t.evaluationGrid) {
          add([...here, 'contains'], 'il capitolo usa la griglia di valutazione ma il modello non definisce «evaluationGrid»');
        }
        visit(c.children, [...here, 'children']);
      });
    visit(t.chapters, ['chapters']);
    if (!contents.has('objective_cards')) add(['chapters'], 'almeno un capitolo deve raccogliere le schede obiettivo («contains»: "objective_cards")');

    // Years of the LEPS targets fall within the plan period.
    t.lepsCard?.priorityLeps.forEach((leps, i) =>
      leps.indicators.forEach((indicator, j) =>
        indicator.targets.forEach((target, k) => {
          const path = ['lepsCard', 'priorityLeps', i, 'indicators', j, 'targets', k, 'year'];
          if (t.firstYear === null) add(path, 'traguardi annuali indicati ma «firstYear» è null: indica il primo anno del periodo');
          else if (target.year < t.firstYear || target.year > t.firstYear + t.periodYears - 1) {
            add(path, `anno ${target.year} fuori dal periodo del piano (${t.firstYear}-${t.firstYear + t.periodYears - 1})`);
          }
        }),
      ),
    );
  });
export type PlanTemplate = z.infer<typeof PlanTemplate>;

// ---------------------------------------------------------------------------------------------------------------
// Reading a template file

const MAX_ISSUES = 50;

/**
 * Reads a template file (JSON). Every problem is reported with the file and the JSON path of the value, e.g.
 * `lombardia.json, objectiveCard.fields[12].options`; one problem refuses the whole file.
 */
export function parseTemplate(fileName: string, text: string): PlanTemplate {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ValidationError(
      [{ path: jsonErrorLocation(fileName, text, error as Error), message: `il file non è un JSON valido (${(error as Error).message})` }],
      templateRefusedMessage(fileName, 1),
    );
  }
  const parsed = PlanTemplate.safeParse(data);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => {
      const path: PropertyKey[] = i.code === 'unrecognized_keys' && i.keys.length === 1 ? [...i.path, i.keys[0]!] : i.path;
      return { path: `${fileName}, ${formatPath(path)}`, message: i.message };
    });
    throw new ValidationError(issues.slice(0, MAX_ISSUES), templateRefusedMessage(fileName, issues.length));
  }
  return parsed.data;
}

export function templateRefusedMessage(fileName: string, count: number) {
  return `Il modello ${fileName} non è stato caricato: ${count === 1 ? 'c’è un errore' : `ci sono ${count} errori`}.`;
}

/** A zod path as a JSON path: `objectiveCard.fields[3].options`; the root is "(radice)". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(radice)';
}

/** All fields of a card, in order, by key. */
export function fieldsByKey(card: { fields: TemplateField[] }): Map<string, TemplateField> {
  return new Map(card.fields.map((f) => [f.key, f]));
}

/** All chapters of a template, depth-first in document order, with their depth (0 = top level). */
export function flattenChapters(chapters: TemplateChapter[], depth = 0): { chapter: TemplateChapter; depth: number }[] {
  return chapters.flatMap((chapter) => [{ chapter, depth }, ...flattenChapters(chapter.children, depth + 1)]);
}

/** The band a computed value falls into (e.g. 76,5625 → "50-79% (sufficiente)"), or null if none does. */
export function bandFor(bands: readonly EvaluationBand[], value: number): EvaluationBand | null {
  return bands.find((b) => inBand(b, value)) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function inBand(b: EvaluationBand, v: number): boolean {
  const aboveMin = b.min === null || (b.minInclusive ? v >= b.min : v > b.min);
  const belowMax = b.max === null || (b.maxInclusive ? v <= b.max : v < b.max);
  return aboveMin && belowMax;
}

/** Bands must be in increasing order, contiguous (each starts where the previous ends) and not empty. */
function bandIssues(bands: readonly EvaluationBand[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  bands.forEach((b, i) => {
    if (b.min !== null && b.max !== null && (b.min > b.max || (b.min === b.max && !(b.minInclusive && b.maxInclusive)))) {
      issues.push({ path: [i], message: `fascia vuota: da ${b.min} a ${b.max}` });
    }
    if (i === 0) return;
    const prev = bands[i - 1]!;
    if (prev.max === null || b.min === null || prev.max !== b.min || prev.maxInclusive === b.minInclusive) {
      issues.push({
        path: [i, 'min'],
        message:
          prev.max === null
            ? 'la fascia precedente non ha limite superiore: nessuna fascia può seguirla'
            : `la fascia deve iniziare da ${prev.max} ${prev.maxInclusive ? 'escluso' : 'incluso'}, dove finisce la precedente, senza buchi né sovrapposizioni`,
      });
    }
  });
  return issues;
}

/** Positions (index, first index) of values already seen earlier in the list. */
function duplicates<T>(values: readonly T[]): [number, number][] {
  const first = new Map<T, number>();
  const out: [number, number][] = [];
  values.forEach((v, i) => {
    const seen = first.get(v);
    if (seen === undefined) first.set(v, i);
    else out.push([i, seen]);
  });
  return out;
}

function jsonErrorLocation(fileName: string, text: string, error: Error): string {
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  if (lineCol) return `${fileName}, riga ${lineCol[1]}, colonna ${lineCol[2]}`;
  const position = /position (\d+)/.exec(error.message);
  if (!position) return fileName;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${fileName}, riga ${line}, colonna ${column}`;
}
