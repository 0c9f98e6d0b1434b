// The public datasets of an Ambito: their stable ids, themes, frequencies and documented columns. Titles,
// descriptions, keywords and the columns' descriptions are in the dictionary (opendata.messages.ts), Italian first:
// `od.ds.<id>.title|description|keywords`, `od.col.<column>` (or the column's own `doc` key), `od.unit.<unit>`.
import type { Frequency, Theme } from './opendata.vocabulary.ts';

export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'boolean';
export type Unit = 'euro' | 'percent' | 'fte' | 'inhabitants' | 'count';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  unit?: Unit;
  /** The dictionary key of the description when it is not `od.col.<name>` (the numbered indicator columns). */
  doc?: { key: string; params: Record<string, string | number> };
}

export const DATASET_IDS = [
  'obiettivi',
  'azioni',
  'indicatori',
  'spesa-sociale',
  'utenti-servizi',
  'bilancio-piano',
  'leps-assistenti-sociali',
  'partecipazione',
  'riunioni',
] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export interface DatasetDef {
  id: DatasetId;
  themes: readonly Theme[];
  /** Its own update frequency, or null: the Ambito's declared frequency. */
  frequency: Frequency | null;
  columns: readonly ColumnDef[];
}

const c = (name: string, type: ColumnType, unit?: Unit): ColumnDef => (unit ? { name, type, unit } : { name, type });

/** The columns of the plan that a row belongs to. */
const PLAN = [c('piano', 'string'), c('periodo', 'string'), c('stato_piano', 'string')];

/** The columns of the plan and of the objective that a row belongs to. */
const OBJECTIVE = [...PLAN, c('codice_obiettivo', 'string'), c('titolo_obiettivo', 'string'), c('tipo_obiettivo', 'string'), c('macro_area', 'string')];

/** The columns of the year, the ente (the Ambito, or a comune by its ISTAT code and name) and the spending area of a row. */
const YEAR_ENTE_AREA = [
  c('anno', 'integer'),
  c('livello', 'string'),
  c('codice_istat_comune', 'string'),
  c('comune', 'string'),
  c('codice_area', 'string'),
  c('area', 'string'),
];

/** Up to four indicators of an action (OpenCoesione: code, unit, planned and achieved value). */
const INDICATOR_SLOTS = [1, 2, 3, 4].flatMap((n) =>
  (
    [
      ['codice', 'string'],
      ['descrizione', 'string'],
      ['unita', 'string'],
      ['target', 'number'],
      ['realizzato', 'number'],
      ['soppresso', 'boolean'],
    ] as const
  ).map(([part, type]): ColumnDef => ({ name: `indicatore_${n}_${part}`, type, doc: { key: `od.col.indicatore_n_${part}`, params: { n } } })),
);

export const FUNDING_COLUMNS = [
  'finanz_ue',
  'finanz_stato',
  'finanz_regione',
  'finanz_comune',
  'finanz_altro_pubblico',
  'finanz_privato',
  'finanz_non_ripartito',
] as const;
export type FundingColumn = (typeof FUNDING_COLUMNS)[number];

export const DATASETS: readonly DatasetDef[] = [
  {
    id: 'obiettivi',
    themes: ['SOCI', 'GOVE'],
    frequency: null,
    columns: [
      ...OBJECTIVE,
      c('aree_policy', 'string'),
      c('prioritario', 'boolean'),
      c('numero_azioni', 'integer', 'count'),
      c('numero_indicatori', 'integer', 'count'),
      c('avanzamento_pct', 'number', 'percent'),
      c('stato_target', 'string'),
      c('target_raggiunti', 'integer', 'count'),
      c('target_non_raggiunti', 'integer', 'count'),
      c('target_in_corso', 'integer', 'count'),
      c('target_dati_mancanti', 'integer', 'count'),
      c('ultimo_risultato_indicatore', 'string'),
      c('ultimo_risultato_periodo', 'string'),
      c('ultimo_risultato_valore', 'string'),
      c('ultimo_risultato_soppresso', 'boolean'),
    ],
  },
  {
    id: 'azioni',
    themes: ['SOCI', 'GOVE'],
    frequency: null,
    columns: [
      c('cod_locale_progetto', 'string'),
      c('cup', 'string'),
      c('tipo_riga', 'string'),
      c('programma', 'string'),
      c('periodo', 'string'),
      c('codice_obiettivo', 'string'),
      c('titolo_obiettivo', 'string'),
      c('tema', 'string'),
      c('numero_azione', 'string'),
      c('titolo_progetto', 'string'),
      c('sintesi_progetto', 'string'),
      c('cod_regione', 'string'),
      c('den_regione', 'string'),
      c('cod_provincia', 'string'),
      c('cod_comune', 'string'),
      c('den_comune', 'string'),
      ...FUNDING_COLUMNS.map((name) => c(name, 'number', 'euro')),
      c('finanz_da_reperire', 'number', 'euro'),
      c('finanz_totale', 'number', 'euro'),
      c('preventivato', 'number', 'euro'),
      c('impegni', 'number', 'euro'),
      c('pagamenti', 'number', 'euro'),
      c('data_rilevazione_finanziaria', 'date'),
      c('data_inizio_prevista', 'date'),
      c('data_fine_prevista', 'date'),
      c('data_inizio_effettiva', 'date'),
      c('data_fine_effettiva', 'date'),
      c('stato_progetto', 'string'),
      c('avanzamento_pct', 'number', 'percent'),
      c('responsabile', 'string'),
      c('soggetto_programmatore', 'string'),
      c('cod_ipa_programmatore', 'string'),
      c('cf_soggetto_attuatore', 'string'),
      ...INDICATOR_SLOTS,
      c('data_aggiornamento', 'date'),
    ],
  },
  {
    id: 'indicatori',
    themes: ['SOCI'],
    frequency: 'ANNUAL_2',
    columns: [
      ...PLAN,
      c('codice_obiettivo', 'string'),
      c('numero_azione', 'string'),
      c('codice_indicatore', 'string'),
      c('indicatore', 'string'),
      c('tipo_indicatore', 'string'),
      c('livello_indicatore', 'string'),
      c('unita', 'string'),
      c('periodicita', 'string'),
      c('anno', 'integer'),
      c('target_testo', 'string'),
      c('target_valore', 'number'),
      c('valore', 'string'),
      c('valore_completo', 'boolean'),
      c('valore_soppresso', 'boolean'),
      c('stato_target', 'string'),
    ],
  },
  {
    id: 'spesa-sociale',
    themes: ['SOCI', 'ECON'],
    frequency: 'ANNUAL',
    columns: [
      ...YEAR_ENTE_AREA,
      c('codice_canale', 'string'),
      c('canale', 'string'),
      c('tipo_canale', 'string'),
      c('importo_euro', 'number', 'euro'),
      c('copertura_base', 'string'),
      c('copertura_comuni_con_dati', 'integer', 'count'),
      c('copertura_comuni_membri', 'integer', 'count'),
      c('copertura_completa', 'boolean'),
    ],
  },
  {
    id: 'utenti-servizi',
    themes: ['SOCI'],
    frequency: 'ANNUAL',
    columns: [...YEAR_ENTE_AREA, c('utenti', 'integer', 'count'), c('utenti_soppresso', 'boolean'), c('spesa_area_euro', 'number', 'euro')],
  },
  {
    id: 'bilancio-piano',
    themes: ['GOVE', 'ECON'],
    frequency: null,
    columns: [
      ...OBJECTIVE,
      c('codice_fondo', 'string'),
      c('fondo', 'string'),
      c('tipo_fondo', 'string'),
      c('anno', 'integer'),
      c('importo_euro', 'number', 'euro'),
      c('condiviso_con', 'string'),
      c('nota', 'string'),
    ],
  },
  {
    id: 'leps-assistenti-sociali',
    themes: ['SOCI'],
    frequency: 'ANNUAL',
    columns: [
      c('anno', 'integer'),
      c('popolazione', 'integer', 'inhabitants'),
      c('anno_popolazione', 'integer'),
      c('etp_tempo_indeterminato', 'number', 'fte'),
      c('etp_dipendenti', 'number', 'fte'),
      c('etp_totale', 'number', 'fte'),
      c('abitanti_per_etp', 'number', 'inhabitants'),
      c('etp_richiesti_leps', 'number', 'fte'),
      c('stato_leps', 'string'),
      c('etp_richiesti_obiettivo', 'number', 'fte'),
      c('stato_obiettivo', 'string'),
    ],
  },
  {
    id: 'partecipazione',
    themes: ['GOVE'],
    frequency: null,
    columns: [c('figura', 'string'), c('dettaglio', 'string'), c('numero', 'integer', 'count'), c('data_riferimento', 'date')],
  },
  {
    id: 'riunioni',
    themes: ['GOVE'],
    frequency: null,
    columns: [
      c('id_riunione', 'string'),
      c('data', 'date'),
      c('ora_inizio', 'string'),
      c('ora_fine', 'string'),
      c('organo', 'string'),
      c('tipo_organo', 'string'),
      c('titolo', 'string'),
      c('luogo', 'string'),
      c('stato', 'string'),
      c('punti_ordine_del_giorno', 'integer', 'count'),
      c('ordine_del_giorno', 'string'),
      c('verbale_approvato_il', 'date'),
      c('link_verbale', 'string'),
    ],
  },
];

export const datasetDef = (id: string): DatasetDef | undefined => DATASETS.find((d) => d.id === id);
