import { z } from 'zod';

// Response shapes of the public API, used both to build responses and to describe them in OpenAPI.
export const AmbitoSummary = z.object({
  code: z.string().describe('Codice dell’Ambito nell’URL, es. "gallarate"'),
  name: z.string(),
  region: z.object({ code: z.string().describe('Codice ISTAT della regione'), name: z.string() }),
});

export const ComuneOfAmbito = z.object({
  istatCode: z.string().describe('Codice ISTAT a 6 cifre'),
  name: z.string(),
  province: z.string(),
  isCapofila: z.boolean(),
  memberSince: z.string().describe('Data ISO di ingresso nell’Ambito'),
  population2011: z.number().int().nullable().describe('Popolazione legale al censimento 2011 (Fonte: ISTAT)'),
});

export const AmbitoDetail = AmbitoSummary.extend({
  managementForm: z.string().nullable(),
  healthDistrict: z.string().nullable(),
  description: z.string().nullable(),
  capofila: z.string().nullable().describe('Codice ISTAT del comune capofila'),
  comuniCount: z.number().int(),
  population: z.object({
    total: z.number().int(),
    missing: z.number().int().describe('Comuni senza dato, esclusi dal totale'),
    source: z.string(),
  }),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe('Messaggio in italiano per l’utente'),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const Me = z.object({
  authenticated: z.boolean(),
  user: z
    .object({
      email: z.string(),
      name: z.string(),
      via: z.enum(['session', 'token']),
      roles: z.array(
        z.object({
          role: z.string(),
          ambitoId: z.string().nullable(),
          comuneId: z.string().nullable(),
          organisationName: z.string().nullable(),
          regionCode: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
});

// ——— Reads of plans, monitoring, spending and LEPS (paginated lists: { data, page }) ———————————————————————————————

const Version = z.number().int().describe('Versione della riga (cresce a ogni modifica)');
const UpdatedAt = z.string().describe('Istante ISO 8601 dell’ultima modifica');
const IsoDate = z.string().describe('Data ISO (AAAA-MM-GG)');
const Cents = z.number().int().describe('Importo in centesimi di euro');
const ComuneRef = z
  .object({ istatCode: z.string().describe('Codice ISTAT a 6 cifre'), name: z.string() })
  .nullable()
  .describe('Il comune; null per il dato dell’Ambito nel suo insieme');
const Coded = (what: string) =>
  z.object({ code: z.string(), name: z.string().nullable().describe(`Nome ${what} nel catalogo (null se il codice non è in catalogo)`) });

export const Page = z.object({
  limit: z.number().int().describe('Righe per pagina (1–1000, predefinito 100)'),
  next: z.string().nullable().describe('URL della pagina successiva (con il suo cursore), null sull’ultima pagina'),
});

export const PlanSummary = z.object({
  id: z.uuid(),
  ambito: z.string().describe('Codice dell’Ambito'),
  title: z.string(),
  periodStartYear: z.number().int(),
  periodEndYear: z.number().int(),
  status: z.string().describe('draft, consultation, adopted, transmitted, implementation, closed (senza accesso: solo da adopted in poi)'),
  adoptionDate: IsoDate.nullable(),
  adoptionAct: z.string().nullable(),
  version: Version,
  updatedAt: UpdatedAt,
});

export const PlanDetail = PlanSummary.extend({
  template: z.object({ id: z.string(), version: z.string() }).describe('Modello regionale su cui è scritto il piano'),
  predecessor: z
    .object({ periodStartYear: z.number().int(), periodEndYear: z.number().int(), title: z.string().nullable() })
    .nullable()
    .describe('Il piano precedente come lo nomina il documento'),
  source: z.string().nullable(),
  figures: z.object({
    objectives: z.number().int(),
    actions: z.number().int(),
    indicators: z.number().int(),
    budgetCents: Cents.describe('Somma delle righe di bilancio del piano, in centesimi'),
  }),
});

export const ObjectiveSummary = z.object({
  code: z.string().describe('Codice dell’obiettivo, unico nel piano'),
  title: z.string(),
  kind: z.string().describe('ordinary (obiettivo del piano) o leps'),
  macroArea: z.string().nullable(),
  policyAreas: z.array(z.string()).describe('Aree di policy del modello regionale'),
  priority: z.boolean(),
  description: z.string().nullable(),
  actions: z.number().int().describe('Numero di azioni'),
  indicators: z.number().int().describe('Numero di indicatori'),
  budgetCents: Cents.describe('Somma delle righe di bilancio dell’obiettivo, in centesimi'),
  version: Version,
  updatedAt: UpdatedAt,
});

export const Action = z.object({
  id: z.uuid(),
  objectiveCode: z.string(),
  number: z.string().describe('Numero dell’azione, unico nell’obiettivo'),
  description: z.string(),
  systemObjective: z.number().int().nullable(),
  responsible: z.string().nullable(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  status: z.string().describe('planned, in_progress, completed, suspended, cancelled'),
  realisationPercent: z.number().nullable().describe('Percentuale di realizzazione dichiarata (0–100)'),
  expectedResults: z.array(z.string()),
  note: z.string().nullable(),
  version: Version,
  updatedAt: UpdatedAt,
});

export const Target = z.object({
  year: z.number().int().nullable().describe('Anno del target; null = alla fine del periodo del piano'),
  rule: z.record(z.string(), z.unknown()).describe('Regola del target (es. { "type": "gte", "value": 1 })'),
  text: z.string().describe('Il target come lo scrive il piano'),
});

export const Indicator = z.object({
  id: z.uuid(),
  objectiveCode: z.string(),
  actionNumber: z.string().nullable().describe('L’azione che misura; null = l’obiettivo nel suo insieme'),
  code: z.string().describe('Codice dell’indicatore, unico nell’obiettivo'),
  label: z.string(),
  kind: z.string().describe('count, ratio, boolean, duration, category'),
  level: z.string().describe('input, process, output, outcome'),
  unit: z.string().nullable(),
  source: z.string().nullable(),
  periodicity: z.string().nullable(),
  aggregation: z.string().nullable(),
  numeratorLabel: z.string().nullable(),
  denominatorLabel: z.string().nullable(),
  systemObjective: z.number().int().nullable(),
  targets: z.array(Target).describe('Target per anno'),
  version: Version,
  updatedAt: UpdatedAt,
});

export const BudgetLine = z.object({
  id: z.uuid(),
  fund: z.object({ code: z.string(), name: z.string().describe('Nome del fondo (il codice stesso quando non è nel vocabolario dei fondi)') }),
  year: z.number().int().nullable().describe('Anno; null = l’intero periodo del piano'),
  amountCents: Cents,
  note: z.string().nullable(),
  sharedAmong: z.array(z.string()).describe('Codici degli obiettivi con cui la riga è condivisa'),
  version: Version,
  updatedAt: UpdatedAt,
});

export const ObjectiveDetail = ObjectiveSummary.omit({ actions: true, indicators: true }).extend({
  systemObjectives: z.array(z.object({ number: z.number().int(), text: z.string() })),
  card: z.record(z.string(), z.unknown()).describe('I campi della scheda regionale, per chiave del modello'),
  links: z.record(z.string(), z.unknown()).describe('LEPS collegati, obiettivo del piano precedente, cooperazione, ASST, Agenda 2030'),
  actions: z.array(Action),
  indicators: z.array(Indicator).describe('Indicatori dell’obiettivo e delle sue azioni, con i target per anno'),
  budgetLines: z.array(BudgetLine),
});

export const Measurement = z.object({
  id: z.uuid(),
  objectiveCode: z.string(),
  indicatorCode: z.string(),
  indicatorKind: z.string().describe('count, ratio, boolean, duration, category'),
  period: z.string().describe('Periodo: 2026 (anno), 2026-S1 (semestre), 2026-Q3 (trimestre)'),
  comune: ComuneRef.describe('Il comune, per gli indicatori misurati per comune; null per il valore dell’Ambito'),
  value: z
    .union([z.number(), z.boolean(), z.string(), z.null()])
    .describe('Il valore: numero, sì/no o testo; per un rapporto la percentuale numeratore × 100 / denominatore (null se il denominatore è 0)'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  suppressed: z.boolean().describe('Vero quando il valore è un conteggio di persone sotto la soglia di 5 e non è pubblicato (art. 26 c.4 D.Lgs. 33/2013)'),
  status: z.enum(['approvato', 'provvisorio']).describe('approvato: il periodo è stato approvato e bloccato dal coordinatore'),
  note: z.string().nullable().optional().describe('Nota di chi ha inserito il valore (solo per chi legge il monitoraggio dell’Ambito)'),
  version: Version,
  updatedAt: UpdatedAt,
});

export const SpendingRow = z.object({
  id: z.uuid(),
  year: z.number().int(),
  comune: ComuneRef,
  area: Coded('dell’area'),
  channel: Coded('del canale di finanziamento'),
  amountCents: Cents,
  note: z.string().nullable().optional().describe('Solo per chi legge le pagine economiche dell’Ambito'),
  source: z.string().optional().describe('File importato da cui viene la riga (solo per chi legge le pagine economiche dell’Ambito)'),
  version: Version,
  updatedAt: UpdatedAt,
});

export const ServiceUsersRow = z.object({
  id: z.uuid(),
  year: z.number().int(),
  comune: ComuneRef,
  area: Coded('dell’area'),
  users: z.number().int().nullable().describe('Utenti dell’area; null se non rilevati o non pubblicati'),
  suppressed: z.boolean().describe('Vero quando gli utenti sono meno di 5 e non sono pubblicati (art. 26 c.4 D.Lgs. 33/2013)'),
  spendCents: Cents.nullable(),
  costPerUserCents: Cents.nullable().describe('Spesa / utenti, al centesimo; null senza utenti pubblicati'),
  note: z.string().nullable().optional(),
  source: z.string().optional(),
  version: Version,
  updatedAt: UpdatedAt,
});

export const LepsTarget = z.object({
  kind: z.enum(['leps', 'obiettivo_di_servizio']).describe('leps: 1 ogni 5.000 abitanti; obiettivo_di_servizio: 1 ogni 4.000 (L. 178/2020, art. 1, c. 797)'),
  inhabitantsPerWorker: z.number().int(),
  requiredFte: z.number().nullable().describe('ETP necessari: popolazione / abitanti per assistente sociale'),
  requiredPersons: z.number().int().nullable(),
  status: z.enum(['raggiunto', 'non_raggiunto', 'dati_mancanti']),
  gapFte: z.number().nullable().describe('ETP mancanti (0 se raggiunto)'),
  toHire: z.number().int().nullable().describe('Assistenti sociali a tempo pieno da assumere'),
});

export const LepsYear = z.object({
  year: z.number().int(),
  population: z.number().int().nullable(),
  populationYear: z.number().int().nullable().describe('Anno del dato di popolazione usato (l’ultimo fino all’anno)'),
  fte: z
    .object({ tempo_indeterminato_ambito_comuni: z.number(), dipendenti_ambito_comuni: z.number(), tutto_il_personale: z.number() })
    .nullable()
    .describe('ETP di assistenti sociali in servizio al 31 dicembre per base di calcolo; null se l’Ambito non ha registrato il personale'),
  inhabitantsPerWorker: z.number().nullable().describe('Abitanti per ETP a tempo indeterminato dell’Ambito e dei comuni'),
  targets: z.array(LepsTarget),
});

export const AmbitoBudgetLine = BudgetLine.extend({
  plan: z.object({ id: z.uuid(), periodStartYear: z.number().int(), periodEndYear: z.number().int() }),
  objective: z.object({ code: z.string(), title: z.string(), kind: z.string() }),
  area: z.string().nullable().describe('Macro-area dell’obiettivo'),
});
