import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../../shared/csv.ts';
import { ValidationError } from '../../shared/errors.ts';
import { registerMessages } from '../../shared/i18n/messages.ts';
import { fromRoot } from '../../shared/paths.ts';
import * as messages from './finance.messages.ts';
import { getClassification, parseFundingSources, parseSpendingAreas } from './catalogues.ts';
import { buildSpendingMatrix, checkSpendingMatrix, costPerUser, diffTotals, roundTo, shareByChannel, sharesOf } from './finance.rules.ts';
import {
  costPerUserByArea,
  importSpendingFiles,
  importSpendingTables,
  euroCell,
  parseServiceUsersCsv,
  parseSpendingCsv,
  parseSpendingTable,
  userCountCell,
  selectCells,
  type SpendingImportOptions,
} from './spending-import.ts';

// The importer's messages come from the dictionary (Italian outside a request).
registerMessages(messages);

const read = (path: string) => readFileSync(fromRoot(path), 'utf8');
const catalogue = parseSpendingAreas('spending-areas.json', read('fixtures/catalogues/spending-areas.json'));
const options: SpendingImportOptions = {
  fundingSources: parseFundingSources('funding-sources.json', read('fixtures/catalogues/funding-sources.json')),
  areas: getClassification(catalogue, 'LOMBARDIA').areas,
};
// The nine comuni of the Ambito di Gallarate (fixtures/demo/ambiti.csv).
const gallarateComuni = ['012070', '012002', '012029', '012040', '012048', '012085', '012107', '012118', '012121'];

const DIR = 'fixtures/demo/gallarate/spending';
const gallarate = importSpendingFiles(
  {
    spending: { fileName: 'spesa-2022.csv', text: read(`${DIR}/spesa-2022.csv`) },
    users: { fileName: 'utenti-2022.csv', text: read(`${DIR}/utenti-2022.csv`) },
  },
  { ...options, memberIstatCodes: gallarateComuni },
);
const euro = (e: number) => e * 100;

/** Runs `fn`, expects a ValidationError and returns message and issues as "path: message" lines. */
function refused(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ValidationError, `atteso ValidationError, ricevuto ${String(error)}`);
    return { message: error.message, lines: error.issues.map((i) => `${i.path}: ${i.message}`) };
  }
  assert.fail('il file non valido è stato accettato');
}

test('the Gallarate 2022 fixture imports whole: 72 cells of Tabella 2.4, 18 declared totals checked, 9 user rows', () => {
  assert.deepEqual(gallarate.summary, { years: [2022], enti: ['ambito'], spendingRows: 72, controlTotalsChecked: 18, usersRows: 9 });
});

test('in the fixture every row and every column of Tabella 2.4 sums exactly to its declared total', () => {
  const matrix = buildSpendingMatrix(selectCells(gallarate.rows, { year: 2022 }));
  const controls = gallarate.controlTotals;
  const report = checkSpendingMatrix(matrix, {
    rowTotals: Object.fromEntries(controls.filter((c) => c.area && !c.channel).map((c) => [c.area!, c.amountCents])),
    columnTotals: Object.fromEntries(controls.filter((c) => !c.area && c.channel).map((c) => [c.channel!, c.amountCents])),
    grandTotal: controls.find((c) => !c.area && !c.channel)!.amountCents,
  });
  assert.deepEqual(report, { ok: true, checked: 18, mismatches: [] });
  for (const area of matrix.areas) {
    assert.equal(
      Object.values(matrix.cells[area]!).reduce((s, v) => s + v, 0),
      matrix.rowTotals[area],
      area,
    );
  }
});

test('the fixture gives the headline figures of the plan: 19.834.861 € in all, Comuni 16.727.271 €, FSR 584.956 €, FNPS 239.835 €, Utenza 935.176 €', () => {
  const matrix = buildSpendingMatrix(selectCells(gallarate.rows, { year: 2022, ente: 'ambito' }));
  assert.equal(matrix.grandTotal, euro(19_834_861));
  assert.equal(matrix.columnTotals.COMUNI, euro(16_727_271));
  assert.equal(matrix.columnTotals.FSR, euro(584_956));
  assert.equal(matrix.columnTotals.FNPS, euro(239_835));
  assert.equal(matrix.columnTotals.UTENZA, euro(935_176));
  assert.equal(matrix.columnTotals.ALTRI_ENTI_PUBBLICI, euro(1_218_857));
  assert.equal(matrix.columnTotals.ALTRE_ENTRATE, euro(85_933));
  assert.equal(matrix.columnTotals.FONDO_06, euro(35_784));
  assert.equal(matrix.columnTotals.GESTIONE_ASSOCIATA, euro(7_049));
  assert.equal(matrix.rowTotals.MINORI_FAMIGLIA, euro(8_208_520));
});

test('Minori-Famiglia: 8.208.518 € for 4.418 users is 1.858 € per user; Servizio sociale professionale has no user count', () => {
  const mf = gallarate.users.find((u) => u.area === 'MINORI_FAMIGLIA')!;
  assert.equal(mf.spendCents, euro(8_208_518));
  assert.equal(mf.users, 4_418);
  const cost = costPerUser(mf.spendCents!, mf.users, 'spesa Minori-Famiglia');
  assert.equal(Math.round(cost.valueCents! / 100), 1_858);
  assert.equal(cost.formula, 'spesa Minori-Famiglia (8.208.518,00 €) / utenti (4.418)');
  const ssp = gallarate.users.find((u) => u.area === 'SERVIZIO_SOCIALE_PROFESSIONALE')!;
  assert.equal(ssp.users, null);
  assert.equal(costPerUser(ssp.spendCents!, ssp.users).valueCents, null);
  assert.equal(gallarate.users.find((u) => u.area === 'DIPENDENZE')!.users, 0);
});

test('cost per user by area is computed from ONE dataset, the spending file; the users file’s spending stays a published figure', () => {
  const costs = costPerUserByArea(gallarate, { year: 2022, ente: 'ambito' });
  assert.deepEqual(
    costs.map((c) => [c.area, c.cost.valueCents === null ? null : Math.round(c.cost.valueCents / 100)]),
    [
      ['MINORI_FAMIGLIA', 1_858],
      ['DISABILI', 5_135],
      ['COMPARTECIPAZIONE_SOCIOSANITARIA', 14_795],
      ['SERVIZIO_SOCIALE_PROFESSIONALE', null],
      ['EMARGINAZIONE_POVERTA', 870],
      ['ANZIANI', 809],
      ['IMMIGRAZIONE', 1_379],
      ['SALUTE_MENTALE', 551],
      ['DIPENDENZE', null],
    ],
  );
  // Anziani: 724.050 € of Tabella 2.4 / 895 users = 808,99 €, not the 801,12 € of Tabella 4.2 (717.001 € / 895).
  const anziani = costs.find((c) => c.area === 'ANZIANI')!;
  assert.equal(anziani.spendCents, euro(724_050));
  assert.equal(anziani.cost.valueCents, 808_99);
  assert.equal(anziani.publishedSpendCents, euro(717_001));
  const mf = costPerUserByArea(gallarate, { year: 2022, ente: 'ambito' }, () => 'Minori-Famiglia')[0]!;
  assert.equal(mf.spendCents, euro(8_208_520));
  assert.equal(mf.cost.formula, 'spesa Minori-Famiglia 2022 (8.208.520,00 €) / utenti (4.418)');
});

test('the users file keeps the published share (Tabella 4.1) and cost per user (Tabella 4.2) with their source', () => {
  const anziani = gallarate.users.find((u) => u.area === 'ANZIANI')!;
  assert.deepEqual(anziani.published, {
    sharePct: { value: 3.62, decimals: 2 },
    costPerUserCents: 801_12,
    source: 'PdZ Gallarate 2025-2027, Tabella 4.1 (quota), Tabella 4.2 (costo per utente)',
  });
  assert.deepEqual(gallarate.users.find((u) => u.area === 'MINORI_FAMIGLIA')!.published.sharePct, { value: 41.4, decimals: 2 });
  assert.throws(
    () =>
      importSpendingFiles(
        {
          spending: { fileName: 's.csv', text: 'anno;ente;area;canale;importo_euro\n2022;ambito;ANZIANI;COMUNI;1' },
          users: { fileName: 'u.csv', text: 'anno;ente;area;utenti;quota_pubblicata_pct;fonte_pubblicati\n2022;ambito;ANZIANI;10;3,62;' },
        },
        options,
      ),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'u.csv, riga 2, colonna fonte_pubblicati',
  );
});

test('the users file totals 19.827.811 €, 7.050 € less than Tabella 2.4: Gestione associata (7.049 €) and 1 € of rounding', () => {
  const usersSpend = Object.fromEntries(gallarate.users.map((u) => [u.area, u.spendCents!]));
  assert.equal(
    Object.values(usersSpend).reduce((s, v) => s + v, 0),
    euro(19_827_811),
  );
  const matrix = buildSpendingMatrix(selectCells(gallarate.rows, { year: 2022 }));
  const diff = diffTotals(matrix.rowTotals, usersSpend);
  assert.equal(diff.find((d) => d.key === 'ANZIANI')!.differenceCents, -matrix.columnTotals.GESTIONE_ASSOCIATA!);
  assert.equal(
    diff.reduce((s, d) => s + d.differenceCents, 0),
    -euro(7_050),
  );
});

test('the comparison file agrees with the fixture: Tabella 2.3 (Ambito column) and Tabella 4.1 (Gallaratese column)', () => {
  const table = parseCsv(read(`${DIR}/confronti-2022.csv`));
  const col = (name: string) => table.header.indexOf(name);
  const pct = (s: string) => Number(s.replace(',', '.'));
  const matrix = buildSpendingMatrix(selectCells(gallarate.rows, { year: 2022 }));
  const channelShares = Object.fromEntries(shareByChannel(matrix).map((s) => [s.key, s.share.value!]));
  const areaShares = Object.fromEntries(sharesOf(Object.fromEntries(gallarate.users.map((u) => [u.area, u.spendCents!]))).map((s) => [s.key, s.share.value!]));
  let checked = 0;
  for (const { cells } of table.rows) {
    const [tabella, dimension, code, published] = [
      cells[col('tabella')]!,
      cells[col('dimensione')]!,
      cells[col('codice')]!,
      pct(cells[col('ambito_gallarate_pct')]!),
    ];
    if (tabella === '2.3') {
      assert.equal(dimension, 'canale');
      assert.ok(
        options.fundingSources.some((s) => s.code === code),
        code,
      );
      assert.equal(roundTo(channelShares[code] ?? 0, 1), published, `Tabella 2.3, ${code}`);
    } else {
      assert.equal(dimension, 'area');
      assert.equal(roundTo(areaShares[code]!, 2), published, `Tabella 4.1, ${code}`);
    }
    checked++;
  }
  assert.equal(checked, 22);
});

test('euro amounts are read in the Italian and in the plain spreadsheet style, and converted to cents', () => {
  for (const [raw, cents] of [
    ['8.208.518,00', 820_851_800],
    ['19.834.861', 1_983_486_100],
    ['1234,5', 123_450],
    ['1234.56', 123_456],
    ['1.250', 125_000],
    ['€ 1.160', 116_000],
    [' 65 ', 6_500],
    ['0', 0],
  ] as const) {
    assert.deepEqual(euroCell(raw), { ok: true, value: cents }, raw);
  }
  for (const [raw, message] of [
    ['', /importo mancante/],
    ['-12,00', /negativo/],
    ['12,345', /più di due decimali/],
    ['1.23.4', /importo non valido: «1\.23\.4»/],
    ['1234.567', /importo non valido/],
    ['abc', /importo non valido: «abc»/],
  ] as const) {
    const r = euroCell(raw);
    assert.equal(r.ok, false, raw);
    assert.match(!r.ok ? r.message : '', message, raw);
  }
});

test('user counts are whole numbers, with or without thousands dots; a blank count is "not recorded"', () => {
  for (const [raw, value] of [
    ['4.418', 4_418],
    ['1051', 1_051],
    ['', null],
  ] as const) {
    assert.deepEqual(userCountCell(raw), { ok: true, value }, raw);
  }
  for (const raw of ['12,5', '-3']) assert.equal(userCountCell(raw).ok, false, raw);
});

const HEADER = 'anno;ente;area;canale;importo_euro';

test('a file with bad cells is refused whole, naming file, row and column of every problem', () => {
  const csv = [
    HEADER,
    '2022;ambito;MINORI_FAMIGLIA;COMUNI;6.530.195',
    '22;ambito;MINORI_FAMIGLIA;UTENZA;743.422',
    '2022;12070;MINORI_FAMIGLIA;FSR;428.608',
    '2022;012999;DISABILI;FNPS;17.210',
    '2022;ambito;CULTURA;FNPS;1',
    '2022;ambito;ANZIANI;FONDO_PROVINCIALE;1',
    '2022;ambito;ANZIANI;FNPS;abc',
    '2022;ambito;ANZIANI;FNPS',
  ].join('\n');
  const { message, lines } = refused(() => parseSpendingCsv('spesa.csv', csv, { ...options, memberIstatCodes: gallarateComuni }));
  assert.equal(message, 'Il file spesa.csv non è stato importato: ci sono 7 errori. Nessun dato è stato modificato.');
  assert.deepEqual(lines, [
    'spesa.csv, riga 3, colonna anno: anno non valido: «22» (quattro cifre, es. 2022)',
    'spesa.csv, riga 4, colonna ente: codice ISTAT di 5 cifre: «12070»; il codice ha 6 cifre, forse il foglio di calcolo ha tolto lo zero iniziale (012070)',
    'spesa.csv, riga 5, colonna ente: il comune 012999 non fa parte dell’Ambito',
    `spesa.csv, riga 6, colonna area: area non prevista: «CULTURA» (codici ammessi: ${options.areas.map((a) => a.code).join(', ')}, TOTALE)`,
    'spesa.csv, riga 7, colonna canale: canale di finanziamento non previsto: «FONDO_PROVINCIALE» (usa un codice del catalogo delle fonti, es. COMUNI, FNPS, FSR, UTENZA, oppure TOTALE)',
    'spesa.csv, riga 8, colonna importo_euro: importo non valido: «abc» (esempi: 1.234,56 oppure 1234,56)',
    'spesa.csv, riga 9: la riga ha 4 colonne, l’intestazione 5',
  ]);
});

test('a declared total that does not match is refused at its own row, with the difference', () => {
  const csv = [
    HEADER + ';note',
    '2022;ambito;ANZIANI;COMUNI;464.158;',
    '2022;ambito;ANZIANI;FNPS;11.423;',
    '2022;ambito;ANZIANI;TOTALE;475.581;totale della riga',
    '2022;ambito;IMMIGRAZIONE;FNPS;1.160;',
    '2022;ambito;TOTALE;FNPS;12.583;',
    '2022;ambito;TOTALE;TOTALE;476.741;',
  ].join('\n');
  const parsed = parseSpendingCsv('spesa.csv', csv, options);
  assert.equal(parsed.rows.length, 3);
  assert.deepEqual(
    parsed.controlTotals.map((c) => [c.area, c.channel, c.amountCents, c.ref.row]),
    [
      ['ANZIANI', null, euro(475_581), 4],
      [null, 'FNPS', euro(12_583), 6],
      [null, null, euro(476_741), 7],
    ],
  );
  const wrong = csv.replace('TOTALE;FNPS;12.583', 'TOTALE;FNPS;12.573').replace('ANZIANI;TOTALE;475.581', 'ANZIANI;TOTALE;475.582');
  assert.deepEqual(refused(() => parseSpendingCsv('spesa.csv', wrong, options)).lines, [
    'spesa.csv, riga 4, colonna importo_euro: il totale dell’area Anziani dichiarato (475.582,00 €) non coincide con la somma dei canali (475.581,00 €): differenza 1,00 €',
    'spesa.csv, riga 6, colonna importo_euro: il totale del canale FNPS dichiarato (12.573,00 €) non coincide con la somma delle aree (12.583,00 €): differenza -10,00 €',
  ]);
});

test('the header must hold exactly the documented columns', () => {
  assert.deepEqual(refused(() => parseSpendingCsv('spesa.csv', 'anno;ente;area;canale;importo;fonte\n2022;ambito;ANZIANI;FNPS;1;x', options)).lines, [
    'spesa.csv, riga 1: colonne mancanti: importo_euro (attese: anno, ente, area, canale, importo_euro; facoltative: natura, note)',
    'spesa.csv, riga 1: colonne non previste: importo, fonte',
  ]);
  assert.deepEqual(refused(() => parseSpendingCsv('spesa.csv', '', options)).lines, ['spesa.csv: il file è vuoto']);
  assert.deepEqual(refused(() => parseSpendingCsv('spesa.csv', HEADER + '\n', options)).lines, ['spesa.csv: il file non contiene righe di dati']);
});

test('a repeated year × ente × area × channel is refused, naming the first row', () => {
  const csv = [HEADER, '2022;ambito;ANZIANI;FNPS;11.423', '2022;012070;ANZIANI;FNPS;5', '2022;Ambito;anziani;fnps;11.423'].join('\n');
  assert.deepEqual(refused(() => parseSpendingCsv('spesa.csv', csv, options)).lines, [
    'spesa.csv, riga 4: riga ripetuta: anno, ente, area e canale coincidono con la riga 2',
  ]);
});

test('areas and channels may be written with their names; a comma file with quoted decimals works too', () => {
  const csv = [
    'Anno,Ente,Area,Canale,Importo_euro',
    '2022,ambito,Minori-Famiglia,Fondo sociale regionale,"428.608,00"',
    '2022,012070,Salute mentale,FSR,"65,5"',
  ].join('\r\n');
  const { rows } = parseSpendingCsv('spesa.csv', csv, options);
  assert.deepEqual(
    rows.map((r) => [r.ente, r.area, r.channel, r.amountCents]),
    [
      ['ambito', 'MINORI_FAMIGLIA', 'FSR', euro(428_608)],
      ['012070', 'SALUTE_MENTALE', 'FSR', 6_550],
    ],
  );
});

test('a spreadsheet sheet maps to the same rows, and its problems name the sheet', () => {
  const table = {
    header: ['anno', 'ente', 'area', 'canale', 'importo_euro'],
    rows: [
      { row: 2, cells: ['2022', 'ambito', 'ANZIANI', 'FNPS', '11423'] },
      { row: 3, cells: ['2022', 'ambito', 'ANZIANI', 'FSR', '104318.5'] },
    ],
  };
  const data = parseSpendingTable({ file: 'spesa.xlsx', sheet: 'spesa' }, table, options);
  assert.deepEqual(
    data.rows.map((r) => [r.channel, r.amountCents, r.ref]),
    [
      ['FNPS', euro(11_423), { file: 'spesa.xlsx', sheet: 'spesa', row: 2 }],
      ['FSR', 10_431_850, { file: 'spesa.xlsx', sheet: 'spesa', row: 3 }],
    ],
  );
  table.rows[1]!.cells[0] = '1899';
  assert.deepEqual(refused(() => parseSpendingTable({ file: 'spesa.xlsx', sheet: 'spesa' }, table, options)).lines, [
    'spesa.xlsx, foglio spesa, riga 3, colonna anno: anno fuori intervallo: 1899 (ammessi dal 1990 al 2100)',
  ]);
  const usersSheet = { header: ['anno', 'ente', 'area', 'utenti'], rows: [{ row: 2, cells: ['2022', 'ambito', 'ANZIANI', '895'] }] };
  const workbook = refused(() =>
    importSpendingTables(
      { spending: { source: { file: 'spesa.xlsx', sheet: 'spesa' }, table }, users: { source: { file: 'spesa.xlsx', sheet: 'utenti' }, table: usersSheet } },
      options,
    ),
  );
  assert.equal(workbook.message, 'Il file spesa.xlsx non è stato importato: c’è un errore. Nessun dato è stato modificato.');
  table.rows[1]!.cells[0] = '2022';
  const imported = importSpendingTables(
    { spending: { source: { file: 'spesa.xlsx', sheet: 'spesa' }, table }, users: { source: { file: 'spesa.xlsx', sheet: 'utenti' }, table: usersSheet } },
    options,
  );
  assert.deepEqual(imported.users[0]!.ref, { file: 'spesa.xlsx', sheet: 'utenti', row: 2 });
});

test('a users file refuses a total row, bad counts and repeated areas', () => {
  const csv = [
    'anno;ente;area;utenti;spesa_euro',
    '2022;ambito;TOTALE;7699;',
    '2022;ambito;ANZIANI;895,5;717.001,00',
    '2022;ambito;DISABILI;1051;',
    '2022;ambito;Disabili;1051;',
  ].join('\n');
  const { lines } = refused(() => parseServiceUsersCsv('utenti.csv', csv, options));
  assert.deepEqual(lines, [
    'utenti.csv, riga 2, colonna area: il totale degli utenti non si ricava sommando le aree (una persona può essere in più aree): indica una riga per area',
    'utenti.csv, riga 3, colonna utenti: numero di utenti non valido: «895,5» (un intero, es. 4418 o 4.418; vuoto se non rilevato)',
    'utenti.csv, riga 5: riga ripetuta: anno, ente e area coincidono con la riga 4',
  ]);
  const users = parseServiceUsersCsv('utenti.csv', 'anno;ente;area;utenti\n2022;ambito;ANZIANI;895', options);
  assert.deepEqual(
    users.map((u) => [u.area, u.users, u.spendCents, u.note]),
    [['ANZIANI', 895, null, null]],
  );
});

test('spending and users files are accepted or refused together, with the problems of both', () => {
  const { message, lines } = refused(() =>
    importSpendingFiles(
      {
        spending: { fileName: 'spesa-2023.csv', text: `${HEADER}\n2023;ambito;ANZIANI;FNPS;-5` },
        users: { fileName: 'utenti-2023.csv', text: 'anno;ente;area;utenti\n2023;ambito;ANZIANI;molti' },
      },
      options,
    ),
  );
  assert.equal(message, 'I file spesa-2023.csv e utenti-2023.csv non sono stati importati: ci sono 2 errori. Nessun dato è stato modificato.');
  assert.deepEqual(lines, [
    'spesa-2023.csv, riga 2, colonna importo_euro: importo negativo non ammesso: «-5»',
    'utenti-2023.csv, riga 2, colonna utenti: numero di utenti non valido: «molti» (un intero, es. 4418 o 4.418; vuoto se non rilevato)',
  ]);
});
