import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertHarvestable, assertSameTriples, triplesFromJsonLd, triplesFromTurtle } from '../../../tests/support/dcat-check.ts';
import { DATASETS } from './opendata.datasets.ts';
import { catalogueNodes, mergeNodes, toJsonLd, toTurtle, type CatalogueInput } from './opendata.dcat.ts';

/** A catalogue of two datasets of the demo Ambito, with a title that needs escaping in both serialisations. */
const input = (code = 'gallarate', ipa = 'c_d869'): CatalogueInput => ({
  base: 'https://cantiere.test',
  ambito: { code, name: 'Ambito Territoriale di Gallarate' },
  publisher: { name: 'Comune di Gallarate', ipaCode: ipa },
  rightsHolder: { name: 'Comune di Gallarate', ipaCode: ipa },
  contactEmail: 'dati.aperti@cantiere.example',
  title: { it: 'Dati aperti – «Gallarate»', en: 'Open data – "Gallarate"' },
  description: { it: 'Catalogo\ncon a capo', en: 'Catalogue' },
  modified: '2026-11-30',
  datasets: DATASETS.slice(0, 2).map((def) => ({
    def,
    title: { it: `Titolo ${def.id}`, en: `Title ${def.id}` },
    description: { it: `Descrizione ${def.id}`, en: `Description ${def.id}` },
    keywords: ['piano di zona', 'obiettivi'],
    modified: '2026-11-29',
    frequency: 'ANNUAL_2' as const,
  })),
});

test('the catalogue written as Turtle (n3) and as JSON-LD (expanded by jsonld) carries the same triples', async () => {
  const nodes = catalogueNodes(input());
  const turtle = triplesFromTurtle(toTurtle(nodes));
  const fromJsonLd = await triplesFromJsonLd(JSON.parse(JSON.stringify(toJsonLd(nodes))));
  assertSameTriples(turtle, fromJsonLd);
  assert.ok(turtle.length > 50);
});

test('it has every field a harvester requires: catalogue, datasets with rights holder and frequency, distributions with format and licence', () => {
  const report = assertHarvestable(triplesFromTurtle(toTurtle(catalogueNodes(input()))));
  assert.deepEqual(report.catalogues, ['https://cantiere.test/dati/gallarate#catalogo']);
  assert.equal(report.datasets.length, 2);
  assert.deepEqual(
    report.distributions.map((d) => [d.url, d.format]),
    [
      ['https://cantiere.test/dati/gallarate/obiettivi.csv', 'CSV'],
      ['https://cantiere.test/dati/gallarate/obiettivi.json', 'JSON'],
      ['https://cantiere.test/dati/gallarate/azioni.csv', 'CSV'],
      ['https://cantiere.test/dati/gallarate/azioni.json', 'JSON'],
    ],
  );
});

test('the vocabulary is DCAT-AP_IT’s: namespace, classes, EU authority tables and the CC BY 4.0 licence document', () => {
  const ld = toJsonLd(catalogueNodes(input())) as { '@context': Record<string, string>; '@graph': Record<string, unknown>[] };
  assert.equal(ld['@context'].dcatapit, 'http://dati.gov.it/onto/dcatapit#');
  const byId = new Map(ld['@graph'].map((n) => [n['@id'], n]));
  const dataset = byId.get('https://cantiere.test/dati/gallarate#azioni')!;
  assert.deepEqual(dataset['@type'], ['dcatapit:Dataset', 'dcat:Dataset']);
  assert.deepEqual(dataset['dct:identifier'], ['c_d869:gallarate-azioni']);
  assert.deepEqual(dataset['dct:accrualPeriodicity'], [{ '@id': 'http://publications.europa.eu/resource/authority/frequency/ANNUAL_2' }]);
  assert.deepEqual(dataset['dcat:theme'], [
    { '@id': 'http://publications.europa.eu/resource/authority/data-theme/SOCI' },
    { '@id': 'http://publications.europa.eu/resource/authority/data-theme/GOVE' },
  ]);
  const licence = byId.get('https://creativecommons.org/licenses/by/4.0/')!;
  assert.deepEqual(licence['@type'], ['dcatapit:LicenseDocument', 'dct:LicenseDocument']);
  assert.deepEqual(licence['dct:type'], [{ '@id': 'http://purl.org/adms/licencetype/Attribution' }]);
  const holder = byId.get('https://cantiere.test/dati/gallarate#titolare')!;
  assert.deepEqual(holder['@type'], ['dcatapit:Agent', 'foaf:Agent']);
  assert.deepEqual(holder['dct:identifier'], ['c_d869']);
});

test('several Ambiti in one graph keep their own catalogue and publisher, and one licence node', () => {
  const nodes = mergeNodes([catalogueNodes(input()), catalogueNodes(input('sebino', 'c_e333'))]);
  const report = assertHarvestable(triplesFromTurtle(toTurtle(nodes)));
  assert.equal(report.catalogues.length, 2);
  assert.equal(report.datasets.length, 4);
  assert.equal(nodes.filter((n) => n.id === 'https://creativecommons.org/licenses/by/4.0/').length, 1);
});

test('a catalogue that lost its rights holder or says «unknown» is refused by the check', () => {
  const nodes = catalogueNodes(input());
  const dataset = nodes.find((n) => n.id.endsWith('#azioni'))!;
  const withoutHolder = nodes.map((n) => (n === dataset ? { ...n, props: { ...n.props, 'dct:rightsHolder': [] } } : n));
  assert.throws(() => assertHarvestable(triplesFromTurtle(toTurtle(withoutHolder))), /rightsHolder/);
  const unknown = nodes.map((n) =>
    n === dataset
      ? { ...n, props: { ...n.props, 'dct:accrualPeriodicity': [{ iri: 'http://publications.europa.eu/resource/authority/frequency/UNKNOWN' }] } }
      : n,
  );
  assert.throws(() => assertHarvestable(triplesFromTurtle(toTurtle(unknown))), /unknown/);
});
