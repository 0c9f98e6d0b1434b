// The DCAT-AP_IT catalogue of an Ambito's open data, built once as a list of RDF nodes and written two ways: as
// JSON-LD (a plain object with its @context) and as Turtle (the n3 library's Writer). Both carry the same triples.
//
// What a harvester requires (AgID «Linee guida per i cataloghi dati», profile DCAT-AP_IT; CKAN DCAT-AP_IT plugin):
// - Catalog: title, description, publisher (an Agent with its IPA code as dct:identifier), modified, dataset;
// - Dataset: identifier, title, description, theme (EU data themes), modified, publisher, rightsHolder (an Agent
//   with its IPA code: a harvest that loses it is the known failure), accrualPeriodicity (EU frequencies, stated
//   exactly, never UNKNOWN), contactPoint, distribution;
// - Distribution: format (EU file types), accessURL (here also the downloadURL), license (a dcatapit:LicenseDocument
//   with its ADMS licence type).
import { DataFactory, Writer } from 'n3';
import type { DatasetDef } from './opendata.datasets.ts';
import { datasetIdentifier } from './opendata.rules.ts';
import {
  FILE_TYPE_BASE,
  FORMATS,
  FREQUENCY_BASE,
  LANGUAGE_ITA,
  LICENCE,
  NS,
  THEME_BASE,
  type FormatKey,
  type Frequency,
  type Prefix,
} from './opendata.vocabulary.ts';

/** An object of a triple: a resource, a literal in a language, or a typed literal (a date, a plain string). */
export type Term = { iri: string } | { text: string; lang: 'it' | 'en' } | { text: string; datatype?: 'xsd:date' };

/** A subject with its types and its properties (predicates written `prefix:name`). */
export interface RdfNode {
  id: string;
  types: string[];
  props: Record<string, Term[]>;
}

export interface Bilingual {
  it: string;
  en: string;
}

export interface Agent {
  name: string;
  ipaCode: string;
}

/** One published dataset of an Ambito, with everything its catalogue entry says. */
export interface CatalogueDataset {
  def: DatasetDef;
  title: Bilingual;
  description: Bilingual;
  keywords: string[];
  /** The day of the latest change of its records (ISO). */
  modified: string;
  frequency: Frequency;
}

/** One Ambito's catalogue: its publisher settings, pages and datasets. */
export interface CatalogueInput {
  /** The public base URL of the installation, without a trailing slash. */
  base: string;
  ambito: { code: string; name: string };
  publisher: Agent;
  rightsHolder: Agent;
  contactEmail: string;
  title: Bilingual;
  description: Bilingual;
  /** The latest change of the catalogue: of any dataset, or of its settings (ISO day). */
  modified: string;
  datasets: CatalogueDataset[];
}

/** The page of an Ambito's open data, and the addresses of its catalogue and files (stable). */
export const ambitoPage = (base: string, code: string) => `${base}/dati/${encodeURIComponent(code)}`;
export const distributionUrl = (base: string, code: string, id: string, format: FormatKey) => `${ambitoPage(base, code)}/${id}.${format}`;
export const catalogueUrl = (base: string, code: string | null, ext: 'jsonld' | 'ttl') =>
  code === null ? `${base}/dati/catalogo.${ext}` : `${ambitoPage(base, code)}/catalogo.${ext}`;

const iri = (value: string): Term => ({ iri: value });
const it = (text: string): Term => ({ text, lang: 'it' });
const en = (text: string): Term => ({ text, lang: 'en' });
const plain = (text: string): Term => ({ text });
const date = (text: string): Term => ({ text, datatype: 'xsd:date' });
const both = (b: Bilingual): Term[] => [it(b.it), en(b.en)];

function agentNode(id: string, agent: Agent): RdfNode {
  return {
    id,
    types: ['dcatapit:Agent', 'foaf:Agent'],
    props: { 'dct:identifier': [plain(agent.ipaCode)], 'foaf:name': [it(agent.name)] },
  };
}

/** The nodes of one Ambito's catalogue: the catalogue, its agents, contact point, licence, datasets and distributions. */
export function catalogueNodes(input: CatalogueInput): RdfNode[] {
  const page = ambitoPage(input.base, input.ambito.code);
  const publisherId = `${page}#editore`;
  const holderId = `${page}#titolare`;
  const contactId = `${page}#punto-di-contatto`;
  const nodes: RdfNode[] = [
    {
      id: `${page}#catalogo`,
      types: ['dcatapit:Catalog', 'dcat:Catalog'],
      props: {
        'dct:title': both(input.title),
        'dct:description': both(input.description),
        'dct:publisher': [iri(publisherId)],
        'dct:modified': [date(input.modified)],
        'dct:language': [iri(LANGUAGE_ITA)],
        'foaf:homepage': [iri(page)],
        'dcat:themeTaxonomy': [iri(THEME_BASE.replace(/\/$/, ''))],
        'dcat:dataset': input.datasets.map((d) => iri(`${page}#${d.def.id}`)),
      },
    },
    agentNode(publisherId, input.publisher),
    agentNode(holderId, input.rightsHolder),
    {
      id: contactId,
      types: ['dcatapit:Organization', 'vcard:Organization'],
      props: { 'vcard:fn': [plain(input.publisher.name)], 'vcard:hasEmail': [iri(`mailto:${input.contactEmail}`)] },
    },
    {
      id: LICENCE.uri,
      types: ['dcatapit:LicenseDocument', 'dct:LicenseDocument'],
      props: { 'dct:type': [iri(LICENCE.type)], 'foaf:name': both(LICENCE.name), 'owl:versionInfo': [plain(LICENCE.version)] },
    },
  ];
  for (const d of input.datasets) {
    const formats = Object.keys(FORMATS) as FormatKey[];
    nodes.push({
      id: `${page}#${d.def.id}`,
      types: ['dcatapit:Dataset', 'dcat:Dataset'],
      props: {
        'dct:identifier': [plain(datasetIdentifier(input.publisher.ipaCode, input.ambito.code, d.def.id))],
        'dct:title': both(d.title),
        'dct:description': both(d.description),
        'dcat:theme': d.def.themes.map((t) => iri(THEME_BASE + t)),
        'dcat:keyword': d.keywords.map(it),
        'dct:modified': [date(d.modified)],
        'dct:publisher': [iri(publisherId)],
        'dct:rightsHolder': [iri(holderId)],
        'dct:accrualPeriodicity': [iri(FREQUENCY_BASE + d.frequency)],
        'dct:language': [iri(LANGUAGE_ITA)],
        'dcat:landingPage': [iri(`${page}#dataset-${d.def.id}`)],
        'dcat:contactPoint': [iri(contactId)],
        'dcat:distribution': formats.map((f) => iri(`${page}#${d.def.id}-${f}`)),
      },
    });
    for (const f of formats) {
      const url = distributionUrl(input.base, input.ambito.code, d.def.id, f);
      nodes.push({
        id: `${page}#${d.def.id}-${f}`,
        types: ['dcatapit:Distribution', 'dcat:Distribution'],
        props: {
          'dct:title': [it(`${d.title.it} (${FORMATS[f].fileType})`), en(`${d.title.en} (${FORMATS[f].fileType})`)],
          'dct:format': [iri(FILE_TYPE_BASE + FORMATS[f].fileType)],
          'dcat:mediaType': [iri(`http://www.iana.org/assignments/media-types/${FORMATS[f].mediaType}`)],
          'dcat:accessURL': [iri(url)],
          'dcat:downloadURL': [iri(url)],
          'dct:license': [iri(LICENCE.uri)],
          'dct:modified': [date(d.modified)],
        },
      });
    }
  }
  return nodes;
}

/** The nodes of several catalogues in one graph (the national file), a shared node (the licence) once. */
export function mergeNodes(lists: readonly RdfNode[][]): RdfNode[] {
  const seen = new Set<string>();
  return lists.flat().filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true)));
}

const expand = (curie: string) => {
  const [prefix, local] = curie.split(':') as [Prefix, string];
  return NS[prefix] + local;
};

const CONTEXT_PREFIXES: Prefix[] = ['dcat', 'dct', 'dcatapit', 'foaf', 'vcard', 'owl', 'xsd'];

/** The catalogue as JSON-LD: a @context with the profile's prefixes and the nodes in a @graph. */
export function toJsonLd(nodes: readonly RdfNode[]): Record<string, unknown> {
  const term = (t: Term) =>
    'iri' in t ? { '@id': t.iri } : 'lang' in t ? { '@value': t.text, '@language': t.lang } : t.datatype ? { '@value': t.text, '@type': t.datatype } : t.text;
  return {
    '@context': Object.fromEntries(CONTEXT_PREFIXES.map((p) => [p, NS[p]])),
    '@graph': nodes.map((n) => ({
      '@id': n.id,
      '@type': n.types,
      ...Object.fromEntries(Object.entries(n.props).map(([p, values]) => [p, values.map(term)])),
    })),
  };
}

/** The catalogue as Turtle, written by n3 with the profile's prefixes. */
export function toTurtle(nodes: readonly RdfNode[]): string {
  const { namedNode, literal } = DataFactory;
  const writer = new Writer({ prefixes: Object.fromEntries(CONTEXT_PREFIXES.map((p) => [p, NS[p]])) });
  const rdfType = namedNode(`${NS.rdf}type`);
  for (const n of nodes) {
    const subject = namedNode(n.id);
    for (const t of n.types) writer.addQuad(subject, rdfType, namedNode(expand(t)));
    for (const [p, values] of Object.entries(n.props))
      for (const v of values)
        writer.addQuad(
          subject,
          namedNode(expand(p)),
          'iri' in v ? namedNode(v.iri) : 'lang' in v ? literal(v.text, v.lang) : v.datatype ? literal(v.text, namedNode(expand(v.datatype))) : literal(v.text),
        );
  }
  let out = '';
  writer.end((error, result: string) => {
    if (error) throw error;
    out = result;
  });
  return out;
}
