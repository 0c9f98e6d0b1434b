import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
// The messages (import failures) come from the dictionaries, registered as the application does.
import '../registry.ts';
import { aggregateFacts, checkDemographicIdentities, foreignShare, oldAgeIndex } from './demography.rules.ts';
import {
  detectPopulationFormat,
  parseCantierePopulationCsv,
  parseIstatPopulationCsv,
  parseItalianDecimal,
  parseItalianInteger,
  parsePopulationFile,
  POPULATION_CSV_COLUMNS,
  yearFromIstatTitle,
} from './population-import.ts';
import { parseAmbitoComposition } from './territory.importers.ts';
import { issuesOf } from '../../shared/validation.testing.ts';

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

const HEADER = POPULATION_CSV_COLUMNS.join(';');
/** A Cantiere CSV row from the named cells; the others are empty. */
const row = (cells: Partial<Record<(typeof POPULATION_CSV_COLUMNS)[number], string | number>>) => POPULATION_CSV_COLUMNS.map((c) => cells[c] ?? '').join(';');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
// Iseo at 01/01/2024 (seed 003, L2793 and L2851).
const iseo = {
  anno: 2024,
  livello: 'comune',
  codice: '017085',
  totale: 8992,
  maschi: 4312,
  femmine: 4680,
  eta_0_14: 1059,
  eta_15_64: 5542,
  eta_65_piu: 2391,
  stranieri: 719,
};

// ---------------------------------------------------------------------------------------------------------------
// Fixtures.

test('the Gallarate series loads as three Ambito years with the population at 31/12 and the 77,4 km² area', () => {
  const records = parseCantierePopulationCsv('ambito-serie.csv', fixture('demo/gallarate/population/ambito-serie.csv'));
  assert.deepEqual(
    records.map((r) => [r.year, r.level, r.code, r.total, r.areaKm2, r.referenceDate]),
    [
      [2021, 'ambito', 'gallarate', 122_026, 77.4, '2021-12-31'],
      [2022, 'ambito', 'gallarate', 122_675, 77.4, '2022-12-31'],
      [2023, 'ambito', 'gallarate', 122_855, 77.4, '2023-12-31'],
    ],
  );
  const y2023 = records[2]!;
  assert.equal(y2023.foreigners, 13_031);
  assert.deepEqual(y2023.published.totalGrowthRate, { value: -3.13, decimals: 2 });
  assert.deepEqual(y2023.published.birthRate, { value: 6.29, decimals: 2 });
  assert.deepEqual(records[1]!.published.birthRate, { value: 6.4, decimals: 2 });
  assert.deepEqual(y2023.published.olderAloneShare, { value: 37.9, decimals: 1 });
  assert.equal(Object.keys(records[0]!.published).length, 9);
  assert.equal(y2023.age65plus, null);
});

test('the Gallarate series keeps its demographic identities: natural and total growth in every year, the foreign share in 2023', () => {
  const records = parseCantierePopulationCsv('ambito-serie.csv', fixture('demo/gallarate/population/ambito-serie.csv'));
  const report = checkDemographicIdentities(records);
  const rates = report.checks.filter((c) => c.kind === 'rates');
  assert.deepEqual(
    rates.map((c) => [c.year, c.key, c.ok]),
    [
      [2021, 'naturalGrowthRate', true],
      [2021, 'totalGrowthRate', true],
      [2022, 'naturalGrowthRate', true],
      [2022, 'totalGrowthRate', true],
      [2023, 'naturalGrowthRate', true],
      [2023, 'totalGrowthRate', true],
    ],
  );
  const foreign = report.checks.find((c) => c.kind === 'recomputed' && c.key === 'foreignShare')!;
  assert.ok(foreign.ok);
  // What the table itself does not support: dipendenza strutturale and invecchiamento of 2021 and 2022 do not follow
  // from the vecchiaia and dipendenza anziani printed next to them (see the fixture's README).
  assert.deepEqual(
    report.discrepancies.map((c) => `${c.year} ${c.key}`),
    ['2021 structuralDependencyIndex', '2021 ageingIndex', '2022 structuralDependencyIndex', '2022 ageingIndex'],
  );
});

test('the Sebino composition lists the 12 comuni of Ambito n. 5 with Iseo as capofila', () => {
  const [ambito] = parseAmbitoComposition('ambito.csv', fixture('demo/sebino/ambito.csv'));
  assert.equal(ambito!.code, 'sebino');
  assert.equal(ambito!.regionCode, '03');
  assert.equal(ambito!.managementForm, 'altro');
  assert.equal(ambito!.members.length, 12);
  assert.deepEqual(
    ambito!.members.filter((m) => m.isCapofila).map((m) => m.istatCode),
    ['017085'],
  );
  const comuni = JSON.parse(fixture('istat/comuni-2020.json')) as { codice: string; nome: string; provincia: { nome: string } }[];
  const names = ambito!.members.map((m) => comuni.find((c) => c.codice === m.istatCode)!);
  assert.ok(names.every((c) => c.provincia.nome === 'Brescia'));
  assert.deepEqual(names.map((c) => c.nome).sort(), [
    'Corte Franca',
    'Iseo',
    'Marone',
    'Monte Isola',
    'Monticelli Brusati',
    'Paderno Franciacorta',
    'Paratico',
    'Passirano',
    "Provaglio d'Iseo",
    'Sale Marasino',
    'Sulzano',
    'Zone',
  ]);
});

test('the Sebino population at 01/01/2024 covers the 12 comuni of the composition and adds up to the Ambito row', () => {
  const records = parseCantierePopulationCsv('popolazione-2024.csv', fixture('demo/sebino/population/popolazione-2024.csv'));
  const [ambito] = parseAmbitoComposition('ambito.csv', fixture('demo/sebino/ambito.csv'));
  const comuni = records.filter((r) => r.level === 'comune');
  assert.deepEqual(comuni.map((r) => r.code).sort(), ambito!.members.map((m) => m.istatCode).sort());
  const total = records.find((r) => r.level === 'ambito')!;
  assert.deepEqual([total.code, total.year, total.total, total.males, total.females, total.foreigners], ['sebino', 2024, 54_346, 26_809, 27_537, 3_482]);
  const sum = aggregateFacts(2024, comuni).facts;
  assert.deepEqual([sum.total, sum.males, sum.females, sum.foreigners], [54_346, 26_809, 27_537, 3_482]);
  // Iseo: 2.391 over-65s for 1.059 under-15s.
  const iseoRecord = comuni.find((r) => r.code === '017085')!;
  assert.equal(oldAgeIndex(iseoRecord).value!.toFixed(2), '225.78');
  // Monte Isola's age bands are not loaded (they add up to 1.630 for 1.621 residents in the seed).
  const monteIsola = comuni.find((r) => r.code === '017111')!;
  assert.deepEqual([monteIsola.age0to14, monteIsola.age15to64, monteIsola.age65plus], [null, null, null]);
});

test('the printed foreign shares of Sebino match their counts except Zone and the Ambito total', () => {
  const records = parseCantierePopulationCsv('popolazione-2024.csv', fixture('demo/sebino/population/popolazione-2024.csv'));
  const report = checkDemographicIdentities(records);
  assert.equal(report.checks.length, 13);
  assert.deepEqual(
    report.discrepancies.map((c) => c.code),
    ['017205', 'sebino'],
  );
  // 3.482 ÷ 54.346 = 6,41 %, the table prints 6,42 %.
  assert.equal(foreignShare(records.find((r) => r.code === 'sebino')!).value!.toFixed(2), '6.41');
});

// ---------------------------------------------------------------------------------------------------------------
// Cantiere CSV: errors.

test('the seed’s own Monte Isola row is refused: its age bands add up to 1.630, the population is 1.621', () => {
  // Seed 003, L2854: 151 + 1.006 + 473.
  const text = csv(
    row({ anno: 2024, livello: 'comune', codice: '017111', totale: 1621, maschi: 808, femmine: 813, eta_0_14: 151, eta_15_64: 1006, eta_65_piu: 473 }),
  );
  assert.deepEqual(
    issuesOf(() => parseCantierePopulationCsv('popolazione.csv', text)),
    [
      {
        path: 'popolazione.csv, riga 2, colonne eta_0_14, eta_15_64, eta_65_piu',
        message: 'le fasce d’età 0-14 (151) + 15-64 (1.006) + 65+ (473) sommano a 1.630, ma il totale è 1.621 (differenza +9)',
      },
    ],
  );
});

test('the seed’s Ambito totals row is refused for the same reason: 6.847 + 35.004 + 12.504 is 54.355, not 54.346', () => {
  const text = csv(
    row({ anno: 2024, livello: 'ambito', codice: 'sebino', totale: 54346, maschi: 26809, femmine: 27537, eta_0_14: 6847, eta_15_64: 35004, eta_65_piu: 12504 }),
  );
  const [issue] = issuesOf(() => parseCantierePopulationCsv('popolazione.csv', text));
  assert.match(issue!.message, /sommano a 54\.355, ma il totale è 54\.346 \(differenza \+9\)/);
});

test('a non-numeric cell is reported with file, row and column', () => {
  const text = csv(
    row(iseo),
    row({ ...iseo, codice: '017062', totale: 7173, maschi: 'abc', femmine: 3570, eta_0_14: 947, eta_15_64: 4665, eta_65_piu: 1561, stranieri: 442 }),
  );
  assert.deepEqual(
    issuesOf(() => parseCantierePopulationCsv('popolazione.csv', text)),
    [
      {
        path: 'popolazione.csv, riga 3, colonna maschi',
        message: 'numero non valido: «abc» (atteso un numero intero senza decimali, es. 122855 oppure 122.855)',
      },
    ],
  );
});

test('a negative count is refused, while a negative migration balance is accepted', () => {
  const bad = csv(row({ ...iseo, stranieri: -719 }));
  assert.deepEqual(
    issuesOf(() => parseCantierePopulationCsv('popolazione.csv', bad)),
    [{ path: 'popolazione.csv, riga 2, colonna stranieri', message: 'il numero non può essere negativo: «-719»' }],
  );
  const [ok] = parseCantierePopulationCsv('popolazione.csv', csv(row({ ...iseo, saldo_migratorio: '-12' })));
  assert.equal(ok!.migrationBalance, -12);
});

test('an unknown level is refused with the allowed values', () => {
  const text = csv(row({ anno: 2023, livello: 'distretto', codice: 'sebino-monte-orfano', totale: 113669 }));
  assert.deepEqual(
    issuesOf(() => parseCantierePopulationCsv('popolazione.csv', text)),
    [{ path: 'popolazione.csv, riga 2, colonna livello', message: 'livello non previsto: «distretto» (ammessi: comune, ambito)' }],
  );
});

test('the same comune twice in the same year is refused, pointing at the first row', () => {
  const text = csv(row(iseo), row(iseo));
  assert.deepEqual(
    issuesOf(() => parseCantierePopulationCsv('popolazione.csv', text)),
    [{ path: 'popolazione.csv, riga 3, colonna codice', message: 'comune 017085 ha già una riga per l’anno 2024 (riga 2)' }],
  );
  // The same code in another year, or as another level, is a different record.
  assert.equal(parseCantierePopulationCsv('popolazione.csv', csv(row(iseo), row({ ...iseo, anno: 2023 }))).length, 2);
});

test('bands larger than the total, and males plus females different from the total, are refused', () => {
  const text = csv(
    row({ ...iseo, eta_65_piu: 9000, eta_0_14: '', eta_15_64: '' }),
    row({ ...iseo, anno: 2023, maschi: 4300 }),
    row({ ...iseo, anno: 2022, eta_75_piu: 2400 }),
  );
  assert.deepEqual(
    issuesOf(() => parseCantierePopulationCsv('popolazione.csv', text)),
    [
      { path: 'popolazione.csv, riga 2, colonna eta_65_piu', message: '9.000 supera il totale della popolazione (8.992)' },
      { path: 'popolazione.csv, riga 3, colonna totale', message: 'maschi (4.300) + femmine (4.680) = 8.980, ma il totale è 8.992' },
      { path: 'popolazione.csv, riga 4, colonna eta_75_piu', message: 'gli over 75 (2.400) superano la popolazione di 65 anni e più (2.391)' },
    ],
  );
});

test('codes must fit their level, dates their year, areas must be positive', () => {
  const text = csv(
    row({ ...iseo, codice: '17085' }),
    row({ anno: 2023, livello: 'ambito', codice: 'Gallarate', totale: 122855 }),
    `${row({ anno: 2023, livello: 'ambito', codice: 'gallarate', totale: 122855, superficie_km2: '0' })}`,
  );
  assert.deepEqual(
    issuesOf(() => parseCantierePopulationCsv('popolazione.csv', text)),
    [
      { path: 'popolazione.csv, riga 2, colonna codice', message: 'codice ISTAT del comune non valido: «17085» (servono 6 cifre, es. 012070)' },
      {
        path: 'popolazione.csv, riga 3, colonna codice',
        message: 'codice dell’Ambito non valido: «Gallarate» (lettere minuscole, cifre e trattini, es. gallarate)',
      },
      { path: 'popolazione.csv, riga 4, colonna superficie_km2', message: 'la superficie deve essere maggiore di zero: «0»' },
    ],
  );
  const gallarate2023 = row({ anno: 2023, livello: 'ambito', codice: 'gallarate', totale: 122855 });
  const dated = `${HEADER};data_riferimento\n${gallarate2023};2024-01-01\n${gallarate2023.replace('2023', '2022')};31/12/2022`;
  assert.deepEqual(
    issuesOf(() => parseCantierePopulationCsv('popolazione.csv', dated)),
    [
      { path: 'popolazione.csv, riga 2, colonna data_riferimento', message: 'la data 2024-01-01 non è nell’anno 2023 indicato nella colonna anno' },
      { path: 'popolazione.csv, riga 3, colonna data_riferimento', message: 'data non valida: «31/12/2022» (usa il formato AAAA-MM-GG, es. 2023-12-31)' },
    ],
  );
});

test('one bad row refuses the whole file and every problem is listed', () => {
  const text = csv(
    row(iseo),
    row({ anno: '20x4', livello: 'comune', codice: '017062', totale: '' }),
    row({ ...iseo, codice: '017106', totale: 3112, maschi: 1499, femmine: 1613, eta_0_14: 399, eta_15_64: 1947, eta_65_piu: 766, stranieri: '19,4' }),
    '2024;comune;017111',
  );
  const issues = issuesOf(() => parseCantierePopulationCsv('popolazione.csv', text));
  assert.deepEqual(issues, [
    { path: 'popolazione.csv, riga 3, colonna anno', message: 'anno non valido: «20x4» (atteso un anno di 4 cifre, es. 2023)' },
    { path: 'popolazione.csv, riga 3, colonna totale', message: 'valore mancante: questa colonna è obbligatoria' },
    {
      path: 'popolazione.csv, riga 4, colonna stranieri',
      message: 'numero non valido: «19,4» (atteso un numero intero senza decimali, es. 122855 oppure 122.855)',
    },
    { path: 'popolazione.csv, riga 5', message: 'la riga ha 3 colonne, l’intestazione 17' },
  ]);
  try {
    parseCantierePopulationCsv('popolazione.csv', text);
  } catch (error) {
    assert.equal((error as Error).message, 'Il file popolazione.csv non è stato importato: ci sono 4 errori. Nessun dato è stato modificato.');
  }
});

test('a header with missing, unknown or repeated columns is refused before reading the rows', () => {
  const missing = 'anno;livello;codice;totale\n2023;ambito;gallarate;122855';
  const [issue] = issuesOf(() => parseCantierePopulationCsv('popolazione.csv', missing));
  assert.equal(issue!.path, 'popolazione.csv, riga 1');
  assert.match(issue!.message, /^colonne mancanti nell’intestazione: maschi, femmine, eta_0_14/);
  assert.deepEqual(
    issuesOf(() => parseCantierePopulationCsv('popolazione.csv', `${HEADER};popolazione_media;fonte;fonte\n`)),
    [
      {
        path: 'popolazione.csv, riga 1',
        message: `colonne non previste: popolazione_media (facoltative ammesse: data_riferimento, fonte, indice_vecchiaia, indice_invecchiamento, indice_dipendenza_strutturale, indice_dipendenza_anziani, tasso_natalita, tasso_mortalita, tasso_crescita_naturale, tasso_migratorio, tasso_crescita_totale, percentuale_stranieri, densita, percentuale_over_75, percentuale_minori, percentuale_anziani_soli)`,
      },
      { path: 'popolazione.csv, riga 1', message: 'colonne ripetute: fonte' },
    ],
  );
  assert.deepEqual(
    issuesOf(() => parseCantierePopulationCsv('popolazione.csv', HEADER)),
    [{ path: 'popolazione.csv', message: 'il file non contiene righe di dati' }],
  );
});

test('counts may carry the Italian thousands separator and printed values a % sign', () => {
  const text = `${HEADER};percentuale_stranieri;densita\n${row({ anno: 2023, livello: 'ambito', codice: 'gallarate', totale: '122.855', stranieri: '13.031', superficie_km2: '77,4' })};"10,6%";1587`;
  const [r] = parseCantierePopulationCsv('popolazione.csv', text);
  assert.equal(r!.total, 122_855);
  assert.equal(r!.foreigners, 13_031);
  assert.deepEqual(r!.published, { foreignShare: { value: 10.6, decimals: 1 }, density: { value: 1587, decimals: 0 } });
  assert.equal(parseItalianInteger('1.584'), 1584);
  assert.equal(parseItalianInteger('1.58'), null);
  assert.deepEqual(parseItalianDecimal('-3,13'), { value: -3.13, decimals: 2 });
  assert.deepEqual(parseItalianDecimal('77.4'), { value: 77.4, decimals: 1 });
  assert.equal(parseItalianDecimal('1.234,5'), null);
});

// ---------------------------------------------------------------------------------------------------------------
// ISTAT format.

// The seeds publish no single-year ages. These files spread real band totals evenly over the single ages of each
// band: Iseo at 01/01/2024 (L2851: males 516 / 2.753 / 1.043, females 543 / 2.789 / 1.348), so every band and
// total the parser must find is the seed's; 75+ and 0-17 are those of the even spread.
function spread(total: number, from: number, to: number): number[] {
  const n = to - from + 1;
  return Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
}
function istatRows(code: string, name: string, males: [number, number, number], females: [number, number, number]): string[] {
  const m = [...spread(males[0], 0, 14), ...spread(males[1], 15, 64), ...spread(males[2], 65, 100)];
  const f = [...spread(females[0], 0, 14), ...spread(females[1], 15, 64), ...spread(females[2], 65, 100)];
  return m.map((mi, age) => `${code};${name};${age === 100 ? '100 e oltre' : age};${mi};${f[age]};${mi + f[age]!}`);
}
const ISTAT_HEADER = 'Codice comune;Comune;Età;Totale maschi;Totale femmine;Totale';
const ISEO_TITLE = 'Popolazione residente al 1° gennaio 2024 per età, sesso e stato civile';
const iseoRows = istatRows('17085', 'Iseo', [516, 2753, 1043], [543, 2789, 1348]);
const istatFile = (...blocks: string[][]) => [ISEO_TITLE, ISTAT_HEADER, ...blocks.flat()].join('\r\n');

test('an ISTAT file by single age aggregates each comune to total, sex and age bands, reading the year from its title', () => {
  const text = istatFile(iseoRows, ['17085;Iseo;Totale;4312;4680;8992']);
  assert.equal(detectPopulationFormat(text), 'istat');
  const [r] = parseIstatPopulationCsv('POSAS_2024_it_Comuni.csv', text);
  assert.deepEqual(
    [r!.level, r!.code, r!.name, r!.year, r!.referenceDate, r!.total, r!.males, r!.females, r!.age0to14, r!.age15to64, r!.age65plus],
    ['comune', '017085', 'Iseo', 2024, '2024-01-01', 8992, 4312, 4680, 1059, 5542, 2391],
  );
  // 75+: males 25 × 29 + 28, females 6 × 38 + 20 × 37; 0-17: 0-14 plus three ages of the 15-64 spread.
  assert.equal(r!.age75plus, 753 + 968);
  assert.equal(r!.age0to17, 1059 + 3 * (56 + 56));
  assert.equal(r!.line, 104);
  assert.equal(r!.source, 'ISTAT, Popolazione residente al 1° gennaio 2024 per età e sesso');
});

test('the ISTAT year can be given as a parameter, must agree with the title, and is required', () => {
  const untitled = [ISTAT_HEADER, ...iseoRows, '17085;Iseo;999;4312;4680;8992'].join('\n');
  assert.equal(parseIstatPopulationCsv('iseo.csv', untitled, { year: 2024 })[0]!.year, 2024);
  assert.deepEqual(
    issuesOf(() => parseIstatPopulationCsv('iseo.csv', untitled)),
    [
      {
        path: 'iseo.csv',
        message:
          'anno non indicato: passalo come parametro, oppure usa il file con il titolo «Popolazione residente al 1° gennaio AAAA» o con una colonna Anno',
      },
    ],
  );
  assert.deepEqual(
    issuesOf(() => parseIstatPopulationCsv('iseo.csv', istatFile(iseoRows, ['17085;Iseo;Totale;4312;4680;8992']), { year: 2023 })),
    [{ path: 'iseo.csv, riga 1', message: 'l’anno indicato (2023) non coincide con quello del titolo del file (2024)' }],
  );
  assert.equal(yearFromIstatTitle('Popolazione residente al 1 gennaio 2023 - Tutti i comuni'), 2023);
  assert.equal(yearFromIstatTitle('Popolazione residente al 01/01/2024'), 2024);
});

test('an ISTAT file with an Anno column may hold several years, each checked against the year asked for', () => {
  const header = `Anno;${ISTAT_HEADER}`;
  const years = (year: number) => [...iseoRows, '17085;Iseo;Totale;4312;4680;8992'].map((r) => `${year};${r}`);
  const records = parseIstatPopulationCsv('serie.csv', [header, ...years(2023), ...years(2024)].join('\n'));
  assert.deepEqual(
    records.map((r) => [r.year, r.code, r.total]),
    [
      [2023, '017085', 8992],
      [2024, '017085', 8992],
    ],
  );
  const text = [header, ...years(2023), ...years(2024)].join('\n');
  const issues = issuesOf(() => parseIstatPopulationCsv('serie.csv', text, { year: 2024 }));
  assert.deepEqual(issues[0], { path: 'serie.csv, riga 2, colonna Anno', message: 'anno 2023 diverso da quello del file (2024)' });
  // The 102 rows of 2023 are all wrong: the first 50 are listed, the message counts them all.
  assert.equal(issues.length, 50);
  assert.throws(() => parseIstatPopulationCsv('serie.csv', text, { year: 2024 }), {
    message: 'Il file serie.csv non è stato importato: ci sono 102 errori. Nessun dato è stato modificato.',
  });
});

test('the seed’s Monte Isola bands, spread over single ages, do not add up to its Totale row and are refused with row and column', () => {
  // Seed 003, L2854: males 81 + 518 + 218 = 817 but 808 in total; females 70 + 488 + 255 = 813 as declared.
  const monteIsola = istatRows('017111', 'Monte Isola', [81, 518, 218], [70, 488, 255]);
  const text = istatFile(iseoRows, ['17085;Iseo;Totale;4312;4680;8992'], monteIsola, ['017111;Monte Isola;Totale;808;813;1621']);
  assert.deepEqual(
    issuesOf(() => parseIstatPopulationCsv('istat.csv', text)),
    [
      {
        path: 'istat.csv, riga 206, colonna Totale maschi',
        message: 'la somma delle età del comune 017111 (Monte Isola) (817) non coincide con la riga Totale (808): differenza 9',
      },
      {
        path: 'istat.csv, riga 206, colonna Totale',
        message: 'la somma delle età del comune 017111 (Monte Isola) (1.630) non coincide con la riga Totale (1.621): differenza 9',
      },
    ],
  );
});

test('an ISTAT row whose males and females do not make its total is refused', () => {
  const rows = [...iseoRows];
  rows[40] = '17085;Iseo;40;56;56;113';
  const [issue] = issuesOf(() => parseIstatPopulationCsv('istat.csv', istatFile(rows, ['17085;Iseo;Totale;4312;4680;8992'])));
  assert.deepEqual(issue, { path: 'istat.csv, riga 43, colonna Totale', message: 'maschi (56) + femmine (56) = 112, ma il totale è 113' });
});

test('an ISTAT comune without its Totale row, a bad age, a repeated age and a bad number are all reported', () => {
  const rows = [...iseoRows];
  rows[7] = '17085;Iseo;sette;34;36;70';
  rows[8] = '17085;Iseo;9;34;-36;-2';
  const text = istatFile(rows, ['17085;Iseo;100;28;37;65', '17085;Iseo;Totale;4312;4680;8992'], ['17062;Corte Franca;0;35;28;63']);
  assert.deepEqual(
    issuesOf(() => parseIstatPopulationCsv('istat.csv', text)),
    [
      { path: 'istat.csv, riga 10, colonna Età', message: 'età non valida: «sette» (attesi un numero da 0 a 100, «100 e oltre» oppure «Totale»)' },
      { path: 'istat.csv, riga 11, colonna Totale femmine', message: 'il numero non può essere negativo: «-36»' },
      { path: 'istat.csv, riga 11, colonna Totale', message: 'il numero non può essere negativo: «-2»' },
      { path: 'istat.csv, riga 104, colonna Età', message: 'l’età 100 e oltre del comune 017085 per il 2024 è già alla riga 103' },
      {
        path: 'istat.csv, comune 017062 (Corte Franca), anno 2024',
        message: 'manca la riga «Totale» del comune (Età = Totale oppure 999), che serve a controllare la somma delle età',
      },
    ],
  );
});

test('an ISTAT file without the required columns is refused', () => {
  const [issue] = issuesOf(() => parseIstatPopulationCsv('istat.csv', 'Codice comune;Età;Maschi e femmine\n17085;0;100'));
  assert.deepEqual(issue, {
    path: 'istat.csv, riga 1',
    message: 'colonne mancanti nell’intestazione: Totale maschi, Totale femmine (trovate: Codice comune, Età, Maschi e femmine)',
  });
});

test('either format is recognised from its header and parsed', () => {
  const cantiere = fixture('demo/gallarate/population/ambito-serie.csv');
  assert.equal(detectPopulationFormat(cantiere), 'cantiere');
  assert.equal(parsePopulationFile('ambito-serie.csv', cantiere).length, 3);
  assert.equal(parsePopulationFile('iseo.csv', istatFile(iseoRows, ['17085;Iseo;Totale;4312;4680;8992']))[0]!.total, 8992);
  assert.equal(detectPopulationFormat('nome;valore\nIseo;1'), null);
  const [issue] = issuesOf(() => parsePopulationFile('dati.csv', 'nome;valore\nIseo;1'));
  assert.match(issue!.message, /^formato non riconosciuto/);
});
