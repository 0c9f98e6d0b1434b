import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ValidationError } from '../../shared/errors.ts';
import { registerMessages } from '../../shared/i18n/messages.ts';
import { fromRoot } from '../../shared/paths.ts';
import * as messages from './services.messages.ts';
import { parseNomenclature } from './services.catalogue.ts';
import { parseServicesCsv, servicesCsvTemplate, type ServiceImportReferences } from './services.import.ts';
import { catalogueSummary, filterServices, serviceProblems, splitCodes, yearProblems } from './services.rules.ts';

// The importer's messages come from the dictionary (Italian outside a request).
registerMessages(messages);

const read = (path: string) => readFileSync(fromRoot(path), 'utf8');
const nomenclature = parseNomenclature('nomenclatore-servizi.json', read('fixtures/catalogues/nomenclatore-servizi.json'));
const areas = (
  JSON.parse(read('fixtures/catalogues/spending-areas.json')) as {
    classifications: { code: string; areas: { code: string; name: string; aliases: string[] }[] }[];
  }
).classifications.find((c) => c.code === 'LOMBARDIA')!.areas;
const funds = (JSON.parse(read('fixtures/catalogues/funding-sources.json')) as { sources: { code: string; shortName: string; aliases: string[] }[] }).sources;
const leps = (JSON.parse(read('fixtures/leps/catalogo-leps.json')) as { leps: { code: string }[] }).leps.map((l) => l.code);
// The nine comuni of the Ambito di Gallarate (fixtures/demo/ambiti.csv); the ids are test values.
const GALLARATE = ['012070', '012002', '012029', '012040', '012048', '012085', '012107', '012118', '012121'];
const refs: ServiceImportReferences = {
  typeCodes: new Set(nomenclature.entries.map((e) => e.code)),
  areas,
  funds,
  lepsCodes: new Set(leps),
  comuni: new Map(GALLARATE.map((istat) => [istat, { id: `id-${istat}`, name: `Comune ${istat}` }])),
};
const ruleRefs = {
  typeCodes: refs.typeCodes,
  areaCodes: new Set(areas.map((a) => a.code)),
  lepsCodes: refs.lepsCodes,
  memberComuneIds: new Set(GALLARATE.map((i) => `id-${i}`)),
};
const fundCodes = new Set(funds.map((f) => f.code));

const HEADER = 'codice;nome;codice_nomenclatore;area;destinatari;gestione;ente_erogatore;comune;leps;anno;utenti;spesa_euro;fondi';
const refused = (text: string) => {
  try {
    parseServicesCsv('servizi.csv', text, refs);
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.issues;
  }
  assert.fail('the file should have been refused');
};

describe('services: nomenclature file', () => {
  test('the fixture is valid: seven macro-activities A–G, every entry with a known FNPS goal or null, none marked verified', () => {
    assert.deepEqual([...new Set(nomenclature.entries.map((e) => e.macroCode))], ['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    assert.ok(nomenclature.entries.length >= 40);
    assert.equal(nomenclature.entries.find((e) => e.code === 'C1')!.name, 'Assistenza domiciliare socio-assistenziale');
    assert.equal(nomenclature.entries.find((e) => e.code === 'F1')!.fnpsGoal, 'pronto_intervento');
    assert.ok(nomenclature.entries.every((e) => !e.verified));
  });

  test('a repeated code, a code outside its macro-activity and an unknown FNPS goal are refused with entry and field', () => {
    const doc = JSON.parse(read('fixtures/catalogues/nomenclatore-servizi.json')) as { entries: Record<string, unknown>[] };
    doc.entries[1] = { ...doc.entries[1], code: 'A1' };
    doc.entries[2] = { ...doc.entries[2], macroCode: 'B' };
    doc.entries[3] = { ...doc.entries[3], fnpsGoal: 'sanità' };
    try {
      parseNomenclature('n.json', JSON.stringify(doc));
      assert.fail('refused');
    } catch (error) {
      assert.ok(error instanceof ValidationError);
      const paths = error.issues.map((i) => i.path);
      assert.ok(paths.includes('n.json, voce 2 (A1), campo code'), paths.join(' | '));
      assert.ok(paths.some((p) => p.startsWith('n.json, voce 3') && p.endsWith('campo macroCode')));
      assert.ok(paths.includes('n.json, voce 4, campo fnpsGoal'));
    }
  });
});

describe('services: rules', () => {
  const base = { typeCode: 'C1', areaCode: 'ANZIANI', management: 'associata_ambito', comuneId: null, lepsCodes: ['LEPS_SAD'] };

  test('a service that refers to what exists has no problem', () => {
    assert.deepEqual(serviceProblems(base, ruleRefs), []);
  });

  test('unknown nomenclature code, area and LEPS, and a single comune without its comune, each name their field', () => {
    const problems = serviceProblems(
      { ...base, typeCode: 'Z9', areaCode: 'SPORT', management: 'singolo_comune', lepsCodes: ['LEPS_SAD', 'LEPS_NULLA'] },
      ruleRefs,
    );
    assert.deepEqual(
      problems.map((p) => [p.field, p.key]),
      [
        ['typeCode', 'svc.rule.unknownType'],
        ['areaCode', 'svc.rule.unknownArea'],
        ['comuneId', 'svc.rule.comuneMissing'],
        ['lepsCodes', 'svc.rule.unknownLeps'],
      ],
    );
    assert.equal(problems[3]!.params!.value, 'LEPS_NULLA');
  });

  test('a comune is named only for a service of a single comune, and must be a member', () => {
    assert.deepEqual(
      serviceProblems({ ...base, comuneId: 'id-012070' }, ruleRefs).map((p) => p.key),
      ['svc.rule.comuneOnlySingle'],
    );
    assert.deepEqual(
      serviceProblems({ ...base, management: 'singolo_comune', comuneId: 'id-999999' }, ruleRefs).map((p) => p.key),
      ['svc.rule.comuneNotMember'],
    );
  });

  test('funding by fund may not exceed the year’s spending, needs it, and uses known funds once', () => {
    const year = { year: 2024, users: 10, spendCents: 100_000, funds: [{ fundCode: 'FNPS', amountCents: 60_000, users: null }] };
    assert.deepEqual(yearProblems(year, fundCodes), []);
    const above = yearProblems({ ...year, funds: [...year.funds, { fundCode: 'COMUNI', amountCents: 40_001, users: null }] }, fundCodes);
    assert.deepEqual(
      above.map((p) => p.key),
      ['svc.rule.fundsAboveSpend'],
    );
    assert.equal(above[0]!.params!.funds, '1.000,01 €');
    assert.deepEqual(
      yearProblems({ ...year, spendCents: null }, fundCodes).map((p) => p.key),
      ['svc.rule.fundsWithoutSpend'],
    );
    assert.deepEqual(
      yearProblems({ ...year, funds: [year.funds[0]!, year.funds[0]!, { fundCode: 'NESSUNO', amountCents: 1, users: null }] }, fundCodes).map((p) => p.key),
      ['svc.rule.repeatedFund', 'svc.rule.unknownFund', 'svc.rule.fundsAboveSpend'],
    );
    assert.deepEqual(
      yearProblems({ ...year, users: -1, spendCents: -5, funds: [] }, fundCodes).map((p) => p.field),
      ['users', 'spend'],
    );
  });

  test('codes are read from a cell however they are separated', () => {
    assert.deepEqual(splitCodes('leps_sad, LEPS_PUA|LEPS_SAD  leps_accesso'), ['LEPS_SAD', 'LEPS_PUA', 'LEPS_ACCESSO']);
    assert.deepEqual(splitCodes(''), []);
  });

  test('the page’s figures: active services by management, the latest year with how many services have it', () => {
    const s = (management: string, macroCode: string | null, years: { year: number; users: number | null; spendCents: number | null }[], active = true) => ({
      active,
      management,
      macroCode,
      macroName: macroCode ? `Macro ${macroCode}` : null,
      years,
    });
    const summary = catalogueSummary([
      s('associata_ambito', 'A', [{ year: 2023, users: 100, spendCents: 1_000_00 }]),
      s('singolo_comune', 'C', [
        { year: 2023, users: null, spendCents: 5_000_00 },
        { year: 2022, users: 7, spendCents: 1 },
      ]),
      s('altro', 'C', []),
      s('altro', 'D', [{ year: 2024, users: 3, spendCents: 9 }], false),
    ]);
    assert.equal(summary.services, 4);
    assert.equal(summary.active, 3);
    assert.deepEqual(summary.byManagement, { associata_ambito: 1, singolo_comune: 1, delega_asl: 0, affidamento_terzo_settore: 0, altro: 1 });
    assert.equal(summary.latestYear, 2023);
    assert.deepEqual(summary.users, { value: 100, counted: 1, of: 3 });
    assert.deepEqual(summary.spend, { value: 6_000_00, counted: 2, of: 3 });
    assert.deepEqual(
      summary.spendByMacro.map((m) => [m.macroCode, m.cents]),
      [
        ['C', 5_000_00],
        ['A', 1_000_00],
      ],
    );
    const rows = [
      { areaCode: 'ANZIANI', management: 'altro', macroCode: 'C' },
      { areaCode: 'DISABILI', management: 'altro', macroCode: 'D' },
    ];
    assert.equal(filterServices(rows, { area: 'ANZIANI' }).length, 1);
    assert.equal(filterServices(rows, { management: 'altro', macro: null }).length, 2);
  });
});

describe('services: catalogue CSV', () => {
  test('the Gallarate demo file reads: 15 services, the professional social service with its 2022 spending funded by the comuni', () => {
    const services = parseServicesCsv('servizi-gallarate.csv', read('fixtures/demo/gallarate/servizi/servizi-gallarate.csv'), refs);
    assert.equal(services.length, 15);
    const ssp = services.find((s) => s.code === 'SSP')!;
    assert.equal(ssp.typeCode, 'A2');
    assert.deepEqual(
      ssp.years.map((y) => [y.year, y.users, y.spendCents]),
      [[2022, null, 166_399_800]],
    );
    assert.deepEqual(ssp.years[0]!.funds, [{ fundCode: 'COMUNI', amountCents: 166_399_800, users: null }]);
    const transport = services.find((s) => s.code === 'TRASPORTO')!;
    assert.equal(transport.management, 'singolo_comune');
    assert.equal(transport.comuneId, 'id-012070');
    assert.deepEqual(services.find((s) => s.code === 'PUA')!.lepsCodes, ['LEPS_PUA', 'LEPS_VALUTAZIONE_MULTIDIMENSIONALE']);
  });

  test('one row per service × year: the service’s columns must agree, a year only once', () => {
    const ok = parseServicesCsv(
      'servizi.csv',
      `\ufeff${HEADER}\nSAD;Assistenza domiciliare;C1;Anziani;Anziani;associata_ambito;Ambito;;LEPS_SAD;2023;12;10.000,00;FNA=4.000,00:3|Fondo Nazionale Politiche Sociali=6.000\nSAD;Assistenza domiciliare;C1;Anziani;Anziani;associata_ambito;Ambito;;LEPS_SAD;2024;;;\n`,
      refs,
    );
    assert.equal(ok.length, 1);
    assert.equal(ok[0]!.areaCode, 'ANZIANI');
    assert.deepEqual(
      ok[0]!.years.map((y) => [y.year, y.users, y.spendCents, y.funds]),
      [
        [
          2023,
          12,
          1_000_000,
          [
            { fundCode: 'FNA', amountCents: 400_000, users: 3 },
            { fundCode: 'FNPS', amountCents: 600_000, users: null },
          ],
        ],
        [2024, null, null, []],
      ],
    );
    const issues = refused(
      `${HEADER}\nSAD;Assistenza domiciliare;C1;ANZIANI;Anziani;associata_ambito;Ambito;;;2023;;;\nSAD;Assistenza domiciliare;C1;DISABILI;Anziani;associata_ambito;Ambito;;;2024;;;\nSAD;Assistenza domiciliare;C1;ANZIANI;Anziani;associata_ambito;Ambito;;;2023;;;\n`,
    );
    assert.deepEqual(
      issues.map((i) => i.path),
      ['servizi.csv, riga 3, colonna area', 'servizi.csv, riga 4, colonna anno'],
    );
  });

  test('every check names its row and column: nomenclature, area, LEPS, comune, funds above spending, negative values', () => {
    const issues = refused(
      [
        HEADER,
        'A;Uno;Z9;ANZIANI;Tutti;associata_ambito;Ambito;;;;;;',
        'B;Due;C1;SPORT;Tutti;associata_ambito;Ambito;;;;;;',
        'C;Tre;C1;ANZIANI;Tutti;associata_ambito;Ambito;;LEPS_NULLA;;;;',
        'D;Quattro;C1;ANZIANI;Tutti;singolo_comune;Comune;;;;;;',
        'E;Cinque;C1;ANZIANI;Tutti;associata_ambito;Ambito;;;2024;;1.000,00;FNPS=800|COMUNI=300',
        'F;Sei;C1;ANZIANI;Tutti;associata_ambito;Ambito;;;2024;-3;-10;',
        'G;Sette;C1;ANZIANI;Tutti;singolo_comune;Comune;099999;;;;;',
      ].join('\n'),
    );
    const at = (row: number) => issues.filter((i) => i.path.includes(`riga ${row},`)).map((i) => `${i.path.split(', ').slice(2).join(', ')}: ${i.message}`);
    assert.deepEqual(at(2), ['colonna codice_nomenclatore: voce «Z9» non presente nel nomenclatore nazionale']);
    assert.deepEqual(at(3), ['colonna area: area «SPORT» non presente tra le aree di spesa (classificazione LOMBARDIA)']);
    assert.deepEqual(at(4), ['colonna leps: codice LEPS sconosciuto: LEPS_NULLA (vedi il catalogo dei LEPS)']);
    assert.deepEqual(at(5), ['colonna comune: per la gestione «singolo comune» indica il comune che gestisce il servizio']);
    assert.deepEqual(at(6), ['colonna fondi: il finanziamento per fondo (1.100,00 €) supera la spesa dell’anno (1.000,00 €)']);
    assert.deepEqual(at(7), ['colonna utenti: il valore non può essere negativo', 'colonna spesa_euro: il valore non può essere negativo']);
    assert.deepEqual(at(8), ['colonna comune: il comune non fa parte dell’Ambito']);
  });

  test('a missing column, an unknown one and an empty file are refused before any row', () => {
    assert.match(refused('codice;nome\nA;B\n')[0]!.message, /mancano le colonne obbligatorie: codice_nomenclatore, area/);
    assert.match(refused(`${HEADER};colore\n`)[0]!.message, /colonne non previste: colore/);
    assert.match(refused('')[0]!.message, /vuoto/);
  });

  test('the template has every column and one example row that the importer accepts', () => {
    const template = servicesCsvTemplate();
    assert.ok(template.startsWith('\ufeffcodice;nome;codice_nomenclatore;area;'));
    assert.equal(parseServicesCsv('modello-servizi.csv', template, refs).length, 1);
  });
});
