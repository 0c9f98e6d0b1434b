import { LOMBARDY_POLICY_AREAS } from '../planning/index.ts';
// The LEPS vocabulary the pages show and the files use (client-safe): funding sources, policy areas, staff columns.

// ——— Funding sources ——————————————————————————————————————————————————————————————————————————————

/**
 * Funding source codes used by the LEPS catalogue, the cards and the staff list. The codes shared with the plan's
 * budget catalogue keep the same spelling (FNPS, FNPS_QUOTA_VINCOLATA, FNA, FONDO_POVERTA_*, FSR, PNRR_M5C2_*,
 * PN_INCLUSIONE, COMUNI); the others exist because the LEPS tables name them: the Fondo povertà without a quota,
 * the fund of the Assegno di inclusione, the 2014-2020 PON Inclusione, the «Piano operativo complementare», and
 * the L. 178/2020 contribution for social workers.
 */
export const FUNDING_SOURCES = {
  FNPS: 'Fondo nazionale per le politiche sociali (FNPS)',
  FNPS_QUOTA_VINCOLATA: 'FNPS – quota vincolata',
  FNA: 'Fondo per le non autosufficienze (FNA)',
  FONDO_POVERTA: 'Fondo povertà (quota non indicata)',
  FONDO_POVERTA_QUOTA_SERVIZI: 'Fondo povertà – quota servizi',
  FONDO_POVERTA_ESTREMA: 'Fondo povertà – quota povertà estrema',
  FONDO_POVERTA_CARE_LEAVERS: 'Fondo povertà – quota care leavers',
  FONDO_POVERTA_CONTRIBUTO_AS: 'Fondo povertà – contributo per il potenziamento del servizio sociale professionale (L. 178/2020, art. 1, c. 797)',
  FONDO_RDC_ADI: 'Fondo per il Reddito di cittadinanza e l’Assegno di inclusione (RdC e ADI)',
  FSR: 'Fondo sociale regionale (FSR)',
  PNRR_M5C2_1_1_1: 'PNRR M5C2 1.1.1 – Sostegno alle capacità genitoriali e prevenzione della vulnerabilità delle famiglie e dei bambini (P.I.P.P.I.)',
  PNRR_M5C2_1_1_2: 'PNRR M5C2 1.1.2 – Autonomia degli anziani non autosufficienti',
  PNRR_M5C2_1_1_3: 'PNRR M5C2 1.1.3 – Servizi sociali domiciliari per garantire la dimissione anticipata assistita e prevenire l’ospedalizzazione',
  PNRR_M5C2_1_1_4: 'PNRR M5C2 1.1.4 – Rafforzamento dei servizi sociali e prevenzione del burn out tra gli operatori sociali',
  PNRR_M5C2_1_2: 'PNRR M5C2 1.2 – Percorsi di autonomia per persone con disabilità',
  PNRR_M5C2_1_3_1: 'PNRR M5C2 1.3.1 – Housing temporaneo (Housing First)',
  PNRR_M5C2_1_3_2: 'PNRR M5C2 1.3.2 – Stazioni di posta',
  PN_INCLUSIONE: 'PN Inclusione e lotta alla povertà 2021-2027',
  PON_INCLUSIONE: 'PON Inclusione 2014-2020',
  POC: 'Piano operativo complementare (POC)',
  COMUNI: 'Risorse proprie dei comuni',
} as const satisfies Record<string, string>;

export type FundingSourceCode = keyof typeof FUNDING_SOURCES;
export const FUNDING_SOURCE_CODES = Object.keys(FUNDING_SOURCES) as [FundingSourceCode, ...FundingSourceCode[]];

// ——— Policy areas ————————————————————————————————————————————————————————————————————————————————

/**
 * The policy areas of the Lombardy guidelines 2025-2027, with the letters the plans use («Area di policy E)»,
 * Gallarate L10711): planning's own list (there is no letter C in either seed plan).
 */
export const POLICY_AREAS = LOMBARDY_POLICY_AREAS;

export type PolicyAreaCode = keyof typeof POLICY_AREAS;
export const POLICY_AREA_CODES = Object.keys(POLICY_AREAS) as [PolicyAreaCode, ...PolicyAreaCode[]];

// ——— Social-worker staff list (CSV) ————————————————————————————————————————————————————————————————

/**
 * The columns of the staff list, one row per social worker or post and period (a change of hours or contract
 * starts a new row with the same `codice`). Exactly one of `etp` and `ore_settimanali` is filled.
 */
export const SOCIAL_WORKER_CSV_COLUMNS = [
  'codice',
  'datore_di_lavoro',
  'tipo_datore',
  'contratto',
  'etp',
  'ore_settimanali',
  'fonti_finanziamento',
  'funzione',
  'dal',
  'al',
] as const;
