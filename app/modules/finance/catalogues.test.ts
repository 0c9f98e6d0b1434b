import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ValidationError } from '../../shared/errors.ts';
import { fromRoot } from '../../shared/paths.ts';
import {
  findArea,
  findFundingSource,
  fundingLineage,
  getClassification,
  getMapping,
  isActiveOn,
  normalizeLabel,
  parseFundingSources,
  parseSpendingAreas,
  yearCoverage,
  type FundingSource,
} from './catalogues.ts';

const sourcesText = readFileSync(fromRoot('fixtures/catalogues/funding-sources.json'), 'utf8');
const areasText = readFileSync(fromRoot('fixtures/catalogues/spending-areas.json'), 'utf8');
const sources = parseFundingSources('funding-sources.json', sourcesText);
const areas = parseSpendingAreas('spending-areas.json', areasText);

/** Runs `fn`, expects a ValidationError and returns its issues. */
function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ValidationError, `atteso ValidationError, ricevuto ${String(error)}`);
    return { message: error.message, issues: error.issues };
  }
  assert.fail('il catalogo non valido è stato accettato');
}

const source = (over: Partial<FundingSource>): FundingSource => ({
  code: 'FNPS',
  name: 'Fondo Nazionale per le Politiche Sociali',
  shortName: 'FNPS',
  kind: 'national',
  parent: null,
  legalBasis: null,
  activeFrom: null,
  activeTo: null,
  aliases: [],
  notes: null,
  ...over,
});

test('the funding-source catalogue holds every stable code the plans need', () => {
  const codes = sources.map((s) => s.code);
  for (const code of [
    'FNPS',
    'FNPS_QUOTA_VINCOLATA',
    'FNA',
    'FONDO_POVERTA_QUOTA_SERVIZI',
    'FONDO_POVERTA_ESTREMA',
    'FONDO_POVERTA_CARE_LEAVERS',
    'FSR',
    'DOPO_DI_NOI',
    'FONDO_06',
    'INTESA_FAMIGLIA',
    'FAMI',
    'PNRR_M5C2_1_1_1',
    'PNRR_M5C2_1_1_2',
    'PNRR_M5C2_1_1_3',
    'PNRR_M5C2_1_1_4',
    'PNRR_M5C2_1_2',
    'PNRR_M5C2_1_3',
    'PN_INCLUSIONE',
    'COMUNI',
    'UTENZA',
    'ALTRI_ENTI_PUBBLICI',
    'ALTRE_ENTRATE',
    'GESTIONE_ASSOCIATA',
    // generic and mixed codes that budget lines of the plan cards need
    'PNRR',
    'FONDO_POVERTA',
    'FSE_PLUS',
    'FONDI_AMBITO',
    'FONTI_MISTE',
  ]) {
    assert.ok(codes.includes(code), `manca il codice ${code}`);
  }
  assert.equal(new Set(codes).size, codes.length);
});

test('every channel label of Tabelle 2.3 and 2.4 of the Gallarate plan resolves to one source', () => {
  const expected: Record<string, string> = {
    Comune: 'COMUNI',
    Utenza: 'UTENZA',
    'Altri enti pubblici': 'ALTRI_ENTI_PUBBLICI',
    'Altre tipologie entrata': 'ALTRE_ENTRATE',
    'Fondo sociale regionale': 'FSR',
    FSR: 'FSR',
    FNPS: 'FNPS',
    'Fondo per le non autosufficienze': 'FNA',
    'Fondo Intesa Famiglia': 'INTESA_FAMIGLIA',
    'Gestione Associata Piano di Zona': 'GESTIONE_ASSOCIATA',
    'Gestione associata del PdZ': 'GESTIONE_ASSOCIATA',
    'Fondo Dopo di Noi': 'DOPO_DI_NOI',
    'Fondo Sistema Educativo 0-6': 'FONDO_06',
    'Fondo Nazionale Povertà': 'FONDO_POVERTA',
    'Fondo asilo migrazione e integrazione': 'FAMI',
    'Fondo Povertà (quota servizi)': 'FONDO_POVERTA_QUOTA_SERVIZI',
    'Fondo povertà estrema': 'FONDO_POVERTA_ESTREMA',
    'FNPS quota vincolata': 'FNPS_QUOTA_VINCOLATA',
  };
  for (const [label, code] of Object.entries(expected)) assert.equal(findFundingSource(sources, label)?.code, code, label);
  assert.equal(findFundingSource(sources, 'fnps')?.code, 'FNPS', 'codes are matched regardless of case');
  assert.equal(findFundingSource(sources, 'Fondo inventato'), undefined);
});

test('PNRR M5C2 lines end on 31 March 2026: 2025 is covered, 2026 only in part, 2027 not at all', () => {
  const line113 = sources.find((s) => s.code === 'PNRR_M5C2_1_1_3')!;
  assert.equal(line113.activeTo, '2026-03-31');
  assert.equal(yearCoverage(line113, 2025), 'full');
  assert.equal(yearCoverage(line113, 2026), 'partial');
  assert.equal(yearCoverage(line113, 2027), 'none');
  assert.equal(isActiveOn(line113, '2026-03-31'), true);
  assert.equal(isActiveOn(line113, '2026-04-01'), false);
  for (const s of sources.filter((x) => x.kind === 'pnrr')) assert.ok(s.activeTo, `${s.code} senza data di fine`);
  const fnps = sources.find((s) => s.code === 'FNPS')!;
  assert.equal(yearCoverage(fnps, 2027), 'full');
});

test('the hierarchy of sources walks up from a quota, a programme or a PNRR line to its fund', () => {
  assert.deepEqual(
    fundingLineage(sources, 'PNRR_M5C2_1_1_3').map((s) => s.code),
    ['PNRR_M5C2_1_1_3', 'PNRR_M5C2_1_1', 'PNRR'],
  );
  assert.deepEqual(
    fundingLineage(sources, 'FONDO_POVERTA_ESTREMA').map((s) => s.code),
    ['FONDO_POVERTA_ESTREMA', 'FONDO_POVERTA'],
  );
  assert.deepEqual(
    fundingLineage(sources, 'FNPS_QUOTA_VINCOLATA').map((s) => s.code),
    ['FNPS_QUOTA_VINCOLATA', 'FNPS'],
  );
  assert.deepEqual(
    fundingLineage(sources, 'PN_INCLUSIONE').map((s) => s.code),
    ['PN_INCLUSIONE', 'FSE_PLUS'],
  );
  assert.deepEqual(fundingLineage(sources, 'NON_ESISTE'), []);
});

test('a funding catalogue with duplicate codes, a missing parent, an inverted period and an ambiguous alias is refused whole', () => {
  const bad = {
    version: 1,
    sources: [
      source({}),
      source({ name: 'Doppione del FNPS', shortName: 'FNPS bis' }),
      source({ code: 'FNPS_QUOTA_VINCOLATA', name: 'FNPS – quota vincolata', shortName: 'FNPS quota vincolata', parent: 'FNPS_MADRE' }),
      source({ code: 'PNRR_M5C2_1_1_3', name: 'PNRR 1.1.3', shortName: 'PNRR 1.1.3', kind: 'pnrr', activeFrom: '2026-03-31', activeTo: '2022-01-01' }),
      source({ code: 'FSR', name: 'Fondo Sociale Regionale', shortName: 'FSR', kind: 'regional', aliases: ['Fondo Nazionale per le Politiche Sociali'] }),
      source({ code: 'fna', name: 'Fondo non autosufficienze', shortName: 'FNA', kind: 'statale' as never, activeTo: '2026-02-30' }),
    ],
  };
  const { message, issues } = issuesOf(() => parseFundingSources('fonti.json', JSON.stringify(bad)));
  assert.match(message, /Il catalogo fonti\.json non è stato caricato: ci sono \d+ errori\./);
  const paths = issues.map((i) => `${i.path}: ${i.message}`);
  assert.ok(
    paths.some((p) => p.startsWith('fonti.json, elemento 6, campo code: codice non valido')),
    paths.join('\n'),
  );
  assert.ok(paths.some((p) => p.startsWith('fonti.json, elemento 6, campo kind: tipo non previsto')));
  assert.ok(paths.some((p) => p.startsWith('fonti.json, elemento 6, campo activeTo: data inesistente')));
  assert.ok(paths.some((p) => p === 'fonti.json, elemento 2 (FNPS), campo code: codice già usato (fonti.json, elemento 1 (FNPS))'));
  assert.ok(paths.some((p) => p === 'fonti.json, elemento 3 (FNPS_QUOTA_VINCOLATA), campo parent: la fonte madre FNPS_MADRE non è nel catalogo'));
  assert.ok(paths.some((p) => p === 'fonti.json, elemento 4 (PNRR_M5C2_1_1_3), campo activeTo: la data di fine precede quella di inizio'));
  assert.ok(
    paths.some((p) =>
      p.startsWith('fonti.json, elemento 5 (FSR), campo aliases: la denominazione «fondo nazionale per le politiche sociali» identifica già FNPS'),
    ),
  );
});

test('a cycle in the hierarchy of sources is refused', () => {
  const cyclic = {
    version: 1,
    sources: [
      source({ code: 'AAA', name: 'Fondo A', shortName: 'Fondo A', parent: 'BBB' }),
      source({ code: 'BBB', name: 'Fondo B', shortName: 'Fondo B', parent: 'AAA' }),
    ],
  };
  const { issues } = issuesOf(() => parseFundingSources('fonti.json', JSON.stringify(cyclic)));
  assert.ok(issues.some((i) => i.path === 'fonti.json, elemento 1 (AAA), campo parent' && /ciclo/.test(i.message)));
});

test('a funding catalogue that is not JSON, has the wrong version or an unknown field is refused with the reason', () => {
  assert.equal(issuesOf(() => parseFundingSources('fonti.json', '{"version": 1, "sources": [')).issues[0]!.path, 'fonti.json');
  assert.match(issuesOf(() => parseFundingSources('fonti.json', '{"version": 2, "sources": []}')).issues[0]!.message, /versione del catalogo non supportata/);
  const extra = { version: 1, sources: [{ ...source({}), colore: 'rosso' }] };
  assert.equal(issuesOf(() => parseFundingSources('fonti.json', JSON.stringify(extra))).issues[0]!.path, 'fonti.json, elemento 1, campo (intero)');
});

test('the Lombardy classification lists the nine areas of Tabella 4.1 in order, and the labels of Tabella 2.4 resolve', () => {
  const lombardy = getClassification(areas, 'LOMBARDIA');
  assert.deepEqual(
    lombardy.areas.map((a) => a.name),
    [
      'Minori-Famiglia',
      'Disabili',
      'Compartecipazione-servizi socio-sanitari integrati',
      'Servizio sociale professionale',
      'Emarginazione-povertà',
      'Anziani',
      'Immigrazione',
      'Salute Mentale',
      'Dipendenze',
    ],
  );
  assert.equal(findArea(lombardy.areas, 'Compartecipazione-servizi soc sanitari integrati')?.code, 'COMPARTECIPAZIONE_SOCIOSANITARIA');
  assert.equal(findArea(lombardy.areas, 'SVZ sociale professionale')?.code, 'SERVIZIO_SOCIALE_PROFESSIONALE');
  assert.equal(findArea(lombardy.areas, 'Salute mentale')?.code, 'SALUTE_MENTALE');
  assert.equal(findArea(lombardy.areas, 'Emarginazione - povertà')?.code, 'EMARGINAZIONE_POVERTA');
  assert.equal(findArea(lombardy.areas, 'minori_famiglia')?.code, 'MINORI_FAMIGLIA');
});

test('the ISTAT classification has the seven user areas of the national survey', () => {
  assert.deepEqual(
    getClassification(areas, 'ISTAT').areas.map((a) => a.name),
    ['Famiglia e minori', 'Disabili', 'Dipendenze', 'Anziani', 'Immigrati, Rom, Sinti e Caminanti', 'Povertà, disagio adulti e senza dimora', 'Multiutenza'],
  );
});

test('the Lombardy → ISTAT mapping covers every Lombardy area once, and each approximation explains itself', () => {
  const mapping = getMapping(areas, 'LOMBARDIA', 'ISTAT');
  const lombardy = getClassification(areas, 'LOMBARDIA');
  assert.deepEqual(mapping.entries.map((e) => e.from).sort(), lombardy.areas.map((a) => a.code).sort());
  const to = Object.fromEntries(mapping.entries.map((e) => [e.from, e.to]));
  assert.equal(to.MINORI_FAMIGLIA, 'FAMIGLIA_MINORI');
  assert.equal(to.EMARGINAZIONE_POVERTA, 'POVERTA_DISAGIO_ADULTI');
  assert.equal(to.IMMIGRAZIONE, 'IMMIGRATI');
  assert.equal(to.SERVIZIO_SOCIALE_PROFESSIONALE, 'MULTIUTENZA');
  for (const e of mapping.entries.filter((x) => x.fit === 'approximate')) assert.ok(e.note && e.note.length > 20, `${e.from}: manca la spiegazione`);
  assert.deepEqual(
    mapping.entries.filter((x) => x.fit === 'approximate').map((e) => e.from),
    ['COMPARTECIPAZIONE_SOCIOSANITARIA', 'SERVIZIO_SOCIALE_PROFESSIONALE', 'SALUTE_MENTALE'],
  );
});

test('an area catalogue whose mapping leaves an area out, maps one twice or points nowhere is refused', () => {
  const data = JSON.parse(areasText);
  data.mappings[0].entries = data.mappings[0].entries.filter((e: { from: string }) => e.from !== 'DIPENDENZE');
  data.mappings[0].entries.push({ from: 'ANZIANI', to: 'ANZIANI_65', fit: 'exact', note: null });
  const { issues } = issuesOf(() => parseSpendingAreas('aree.json', JSON.stringify(data)));
  const text = issues.map((i) => `${i.path}: ${i.message}`);
  assert.ok(
    text.includes('aree.json, corrispondenza 1 (LOMBARDIA → ISTAT), voce 9, campo to: l’area ANZIANI_65 non esiste nella classificazione ISTAT'),
    text.join('\n'),
  );
  assert.ok(text.includes('aree.json, corrispondenza 1 (LOMBARDIA → ISTAT), voce 9, campo from: l’area ANZIANI ha già una corrispondenza (voce 6)'));
  assert.ok(text.includes('aree.json, corrispondenza 1 (LOMBARDIA → ISTAT): aree senza corrispondenza: DIPENDENZE'));
});

test('two areas of one classification cannot share a label, and the reserved code TOTALE is not an area', () => {
  const data = JSON.parse(areasText);
  data.classifications[0].areas[1].aliases = ['Minori e Famiglia'];
  data.classifications[0].areas[8].code = 'TOTALE';
  const { issues } = issuesOf(() => parseSpendingAreas('aree.json', JSON.stringify(data)));
  assert.ok(issues.some((i) => i.path === 'aree.json, classificazione 1, campo areas.8.code' && /riservato/.test(i.message)));
  const fixed = JSON.parse(areasText);
  fixed.classifications[0].areas[1].aliases = ['Minori e Famiglia'];
  const second = issuesOf(() => parseSpendingAreas('aree.json', JSON.stringify(fixed)));
  assert.deepEqual(second.issues, [
    {
      path: 'aree.json, classificazione 1 (LOMBARDIA), area 2 (DISABILI), campo aliases',
      message: 'la denominazione «minori e famiglia» identifica già MINORI_FAMIGLIA',
    },
  ]);
});

test('labels are compared without regard to case, spacing, typographic apostrophes and dashes', () => {
  assert.equal(normalizeLabel('  Fondo  per l’assistenza – Dopo di Noi '), "fondo per l'assistenza-dopo di noi");
  assert.equal(normalizeLabel('Emarginazione - povertà'), normalizeLabel('Emarginazione-povertà'));
});
