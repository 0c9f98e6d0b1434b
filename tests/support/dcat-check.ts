// Checks of a DCAT-AP_IT catalogue as a harvester reads it (AgID «Linee guida per i cataloghi dati»; CKAN DCAT-AP_IT
// plugin): the Turtle parsed by n3, the JSON-LD expanded to RDF by jsonld, the same triples from both, and every
// field a harvester requires of the catalogue, its datasets and their distributions.
import assert from 'node:assert/strict';
import jsonld from 'jsonld';
import { Parser, Store, type Quad, type Term } from 'n3';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const DCATAPIT = 'http://dati.gov.it/onto/dcatapit#';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_DATE = 'http://www.w3.org/2001/XMLSchema#date';
export const THEME_BASE = 'http://publications.europa.eu/resource/authority/data-theme/';
export const FREQUENCY_BASE = 'http://publications.europa.eu/resource/authority/frequency/';
export const FILE_TYPE_BASE = 'http://publications.europa.eu/resource/authority/file-type/';

const key = (q: Quad) =>
  `${q.subject.value} ${q.predicate.value} ${q.object.termType === 'Literal' ? JSON.stringify([q.object.value, (q.object as { language: string }).language, (q.object as { datatype: Term }).datatype.value]) : `<${q.object.value}>`}`;

export const triplesFromTurtle = (text: string) => new Parser({ format: 'text/turtle' }).parse(text);

export async function triplesFromJsonLd(doc: unknown): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
  return new Parser({ format: 'application/n-quads' }).parse(nquads);
}

/** The two serialisations carry exactly the same triples. */
export function assertSameTriples(a: readonly Quad[], b: readonly Quad[]) {
  const sa = new Set(a.map(key));
  const sb = new Set(b.map(key));
  assert.ok(sa.size > 0, 'catalogo vuoto');
  assert.deepEqual(
    [...sa].filter((k) => !sb.has(k)),
    [],
    'triple solo nel primo',
  );
  assert.deepEqual(
    [...sb].filter((k) => !sa.has(k)),
    [],
    'triple solo nel secondo',
  );
}

export interface HarvestReport {
  catalogues: string[];
  datasets: string[];
  distributions: { id: string; url: string; format: string }[];
}

/** Every field a harvester requires, present and from the right vocabulary; returns what was found. */
export function assertHarvestable(quads: readonly Quad[]): HarvestReport {
  const store = new Store([...quads]);
  const objects = (s: string, p: string) => store.getObjects(s, p, null);
  const one = (s: string, p: string, what: string) => {
    const o = objects(s, p);
    assert.ok(o.length > 0, `${what}: manca ${p} (${s})`);
    return o;
  };
  const typed = (cls: string) => store.getSubjects(RDF_TYPE, cls, null).map((t) => t.value);
  const literal = (s: string, p: string, what: string) => {
    const o = one(s, p, what);
    assert.ok(
      o.every((x) => x.termType === 'Literal' && x.value.trim() !== ''),
      `${what}: ${p} vuoto (${s})`,
    );
    return o;
  };
  const date = (s: string, p: string, what: string) => {
    const [o] = one(s, p, what);
    assert.equal((o as unknown as { datatype: Term }).datatype.value, XSD_DATE, `${what}: ${p} non è xsd:date`);
    assert.match(o!.value, /^\d{4}-\d{2}-\d{2}$/);
  };
  const agent = (s: string, p: string, what: string) => {
    const [a] = one(s, p, what);
    assert.equal(a!.termType, 'NamedNode', `${what}: ${p} deve essere un URI`);
    assert.ok(typed(`${DCATAPIT}Agent`).includes(a!.value), `${what}: ${p} non è un dcatapit:Agent`);
    const [ipa] = literal(a!.value, `${DCT}identifier`, `${what} ${p}`);
    assert.match(ipa!.value, /^[a-z0-9][a-z0-9_]+$/, `${what}: codice IPA non valido`);
    literal(a!.value, `${FOAF}name`, `${what} ${p}`);
  };
  const catalogues = typed(`${DCATAPIT}Catalog`);
  assert.ok(catalogues.length > 0, 'nessun dcatapit:Catalog');
  for (const c of catalogues) {
    assert.ok(typed(`${DCAT}Catalog`).includes(c));
    literal(c, `${DCT}title`, 'catalogo');
    literal(c, `${DCT}description`, 'catalogo');
    agent(c, `${DCT}publisher`, 'catalogo');
    date(c, `${DCT}modified`, 'catalogo');
    one(c, `${DCAT}dataset`, 'catalogo');
  }
  const datasets = typed(`${DCATAPIT}Dataset`);
  const identifiers = new Set<string>();
  const distributions: HarvestReport['distributions'] = [];
  for (const d of datasets) {
    assert.ok(typed(`${DCAT}Dataset`).includes(d));
    const [id] = literal(d, `${DCT}identifier`, 'dataset');
    assert.ok(!identifiers.has(id!.value), `identificativo ripetuto ${id!.value}`);
    identifiers.add(id!.value);
    literal(d, `${DCT}title`, 'dataset');
    literal(d, `${DCT}description`, 'dataset');
    for (const t of one(d, `${DCAT}theme`, 'dataset')) assert.ok(t.value.startsWith(THEME_BASE), `tema fuori vocabolario: ${t.value}`);
    date(d, `${DCT}modified`, 'dataset');
    agent(d, `${DCT}publisher`, 'dataset');
    agent(d, `${DCT}rightsHolder`, 'dataset');
    const [freq] = one(d, `${DCT}accrualPeriodicity`, 'dataset');
    assert.ok(freq!.value.startsWith(FREQUENCY_BASE), `frequenza fuori vocabolario: ${freq!.value}`);
    assert.notEqual(freq!.value, `${FREQUENCY_BASE}UNKNOWN`, 'frequenza «unknown»');
    const [contact] = one(d, `${DCAT}contactPoint`, 'dataset');
    const [mail] = one(contact!.value, `${VCARD}hasEmail`, 'punto di contatto');
    assert.match(mail!.value, /^mailto:[^@\s]+@[^@\s]+$/);
    for (const dist of one(d, `${DCAT}distribution`, 'dataset')) {
      assert.ok(typed(`${DCATAPIT}Distribution`).includes(dist.value), `distribuzione non tipizzata ${dist.value}`);
      const [format] = one(dist.value, `${DCT}format`, 'distribuzione');
      assert.ok(format!.value.startsWith(FILE_TYPE_BASE), `formato fuori vocabolario: ${format!.value}`);
      const [url] = one(dist.value, `${DCAT}accessURL`, 'distribuzione');
      const [licence] = one(dist.value, `${DCT}license`, 'distribuzione');
      assert.ok(typed(`${DCATAPIT}LicenseDocument`).includes(licence!.value), 'licenza non è un dcatapit:LicenseDocument');
      one(licence!.value, `${DCT}type`, 'licenza');
      distributions.push({ id: dist.value, url: url!.value, format: format!.value.slice(FILE_TYPE_BASE.length) });
    }
  }
  return { catalogues, datasets, distributions };
}
