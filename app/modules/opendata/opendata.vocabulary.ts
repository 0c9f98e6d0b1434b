// The controlled vocabularies of the open-data catalogue (DCAT-AP_IT, AgID), as published:
// - the profile's namespace http://dati.gov.it/onto/dcatapit# (classes Catalog, Dataset, Distribution, Agent,
//   LicenseDocument, Organization), as in the AgID «Linee guida per i cataloghi dati» and the CKAN DCAT-AP_IT plugin;
// - EU Publications Office authority tables: data themes, frequencies, file types, languages;
// - the licence CC BY 4.0 as a dcatapit:LicenseDocument with its ADMS licence type (Attribution).

export const NS = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;

export type Prefix = keyof typeof NS;

export const THEME_BASE = 'http://publications.europa.eu/resource/authority/data-theme/';
export const FREQUENCY_BASE = 'http://publications.europa.eu/resource/authority/frequency/';
export const FILE_TYPE_BASE = 'http://publications.europa.eu/resource/authority/file-type/';
export const LANGUAGE_ITA = 'http://publications.europa.eu/resource/authority/language/ITA';

/** The EU data themes the datasets use (Popolazione e società, Governo e settore pubblico, Economia e finanze). */
export const THEMES = ['SOCI', 'GOVE', 'ECON'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * The update frequencies an Ambito may declare (EU frequency table). UNKNOWN is deliberately absent: a harvested
 * catalogue that says «unknown» is the known failure the national portal reports, so Cantiere always states one.
 */
export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'BIMONTHLY', 'QUARTERLY', 'ANNUAL_3', 'ANNUAL_2', 'ANNUAL', 'BIENNIAL', 'IRREG'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FORMATS = { csv: { fileType: 'CSV', mediaType: 'text/csv' }, json: { fileType: 'JSON', mediaType: 'application/json' } } as const;
export type FormatKey = keyof typeof FORMATS;

/** CC BY 4.0: the licence of every distribution (AgID open-data guidelines). */
export const LICENCE = {
  uri: 'https://creativecommons.org/licenses/by/4.0/',
  /** ADMS licence type vocabulary (http://purl.org/adms/licencetype/), as DCAT-AP_IT's LicenseDocument asks. */
  type: 'http://purl.org/adms/licencetype/Attribution',
  version: '4.0',
  name: { it: 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)', en: 'Creative Commons Attribution 4.0 International (CC BY 4.0)' },
  short: 'CC BY 4.0',
} as const;
