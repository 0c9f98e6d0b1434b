// The finance module's interface words: the shell's navigation, and the coverage and published-figure checks of the
// spending page (the rest of its pages is written in Italian, as the planning module's).
export const it = {
  'nav.finance': 'Risorse',
  'finance.ente.all': 'Tutto l’Ambito (dati complessivi, altrimenti somma dei comuni con la copertura)',
  'finance.partial.toggle': 'Mostra comunque i dati parziali',
  'finance.partial.hide': 'Nascondi i dati parziali',
  'finance.partial.badge': 'Dati parziali – {coverage}: non è il totale dell’Ambito',
  'finance.coverage.title': 'Copertura dei dati del {year}',
  'finance.coverage.withheld':
    'Il totale dell’Ambito del {year} non è mostrato: i dati sono parziali. Non compaiono nell’andamento e non si dividono per la popolazione. Qui sotto le cifre di ciascun comune che le ha caricate.',
  'finance.coverage.missingList': 'Quali comuni mancano ({count})',
  'finance.coverage.withDataList': 'Comuni con dati: {names}.',
  'finance.coverage.outside': 'Dati di comuni che nel {year} non facevano parte dell’Ambito, non sommati: {names}.',
  'finance.coverage.alsoComuni':
    'Per il {year} ci sono anche dati caricati da singoli comuni ({coverage}): sono un altro insieme di dati, non sommati ai dati complessivi dell’Ambito; si vedono scegliendo l’ente.',
  'finance.coverage.excluded': 'Anni con dati parziali esclusi dall’andamento: {years}.',
  'finance.coverage.yearOption': '{year} (parziale: {coverage})',
  'finance.byEnte.caption': 'Spesa {year} per ente (cifre di ciascun ente)',
  'finance.checks.title': 'Controllo dei valori pubblicati ({year})',
  'finance.checks.lead':
    'Ogni cifra di questa pagina è calcolata dallo stesso insieme di dati, il file della spesa ({sources}). I valori pubblicati da altre tabelle sono conservati come pubblicati e confrontati qui, con la differenza.',
  'finance.checks.caption': 'Valori pubblicati e valori calcolati dal file della spesa',
  'finance.checks.what': 'Valore',
  'finance.checks.published': 'Pubblicato',
  'finance.checks.computed': 'Calcolato',
  'finance.checks.difference': 'Differenza',
  'finance.checks.source': 'Fonte del pubblicato e formula del calcolato',
  'finance.checks.allMatch': 'Tutti i valori pubblicati coincidono con quelli calcolati.',
} as const;

export const en: Record<keyof typeof it, string> = {
  'nav.finance': 'Resources',
  'finance.ente.all': 'The whole Ambito (overall data, otherwise the sum of the comuni with its coverage)',
  'finance.partial.toggle': 'Show the partial figures anyway',
  'finance.partial.hide': 'Hide the partial figures',
  'finance.partial.badge': 'Partial data – {coverage}: not the Ambito total',
  'finance.coverage.title': 'Data coverage for {year}',
  'finance.coverage.withheld':
    'The Ambito total for {year} is not shown: the data are partial. They are left out of the trend and are not divided by the population. Below, the figures of each comune that uploaded them.',
  'finance.coverage.missingList': 'Which comuni are missing ({count})',
  'finance.coverage.withDataList': 'Comuni with data: {names}.',
  'finance.coverage.outside': 'Data of comuni that were not members of the Ambito in {year}, not added: {names}.',
  'finance.coverage.alsoComuni':
    'For {year} there are also data uploaded by single comuni ({coverage}): they are another dataset, not added to the Ambito’s overall data; choose the ente to see them.',
  'finance.coverage.excluded': 'Years with partial data left out of the trend: {years}.',
  'finance.coverage.yearOption': '{year} (partial: {coverage})',
  'finance.byEnte.caption': 'Spending {year} by ente (each ente’s own figures)',
  'finance.checks.title': 'Check of the published figures ({year})',
  'finance.checks.lead':
    'Every figure on this page is computed from the same dataset, the spending file ({sources}). Figures published by other tables are kept as published and compared here, with the difference.',
  'finance.checks.caption': 'Published figures and figures computed from the spending file',
  'finance.checks.what': 'Figure',
  'finance.checks.published': 'Published',
  'finance.checks.computed': 'Computed',
  'finance.checks.difference': 'Difference',
  'finance.checks.source': 'Source of the published figure and formula of the computed one',
  'finance.checks.allMatch': 'Every published figure matches the computed one.',
};
