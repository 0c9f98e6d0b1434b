import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SocialWorkerPost } from '../leps/index.ts';
import {
  buildAreaChannelTable,
  buildFnpsMatrix,
  buildFundReturns,
  buildSiossReturn,
  buildSocialWorkerReturn,
  comuniCoverage,
  type PostRecord,
  type ReturnService,
} from './returns.rules.ts';

const post = (id: string, over: Partial<SocialWorkerPost> = {}): SocialWorkerPost => ({
  id,
  fte: 1,
  employerKind: 'comune',
  employerName: 'Comune di Prova',
  contract: 'tempo_indeterminato',
  fundingSources: [],
  from: '2020-01-01',
  to: null,
  ...over,
});
const rec = (p: SocialWorkerPost, n = 0): PostRecord => ({
  rowId: `${p.id}#${n}`,
  post: p,
  comuneName: p.employerKind === 'comune' ? 'Prova' : null,
  source: 'test',
});
const pop = (population: number, year = 2024) => ({ year, population, referenceDate: `${year}-01-01`, basis: 'comuni' as const });

// ——— L. 178/2020: a worked example ——————————————————————————————————————————————————————————————
// Population 26.000. Band edges: 26.000 / 6.500 = 4 FTE, 26.000 / 5.000 = 5,2 FTE, 26.000 / 4.000 = 6,5 FTE.
// Permanent FTE of the Ambito and its comuni at 31/12/2024: AS1 + AS2 + AS3 (1,0 from July) + AS4 (unione, hired
// 1/3/2024) + AS5 (azienda speciale consortile) + AS6 (capofila) = 6,0.
//   a) 40.000 € × (5,2 − 4) = 40.000 × 1,2 = 48.000,00 €
//   b) 20.000 € × (6,0 − 5,2) = 20.000 × 0,8 = 16.000,00 €
//   total 64.000,00 €; ratio 26.000 / 6 = 4.333,3 inhabitants per FTE.
// Not counted: AS7 (third sector), AS8 (comune, tempo determinato), AS9 (health agency). Not in service: AS3's first
// row (0,5 until 30/6), AS10 (left 30/9/2024), AS11 (hired 1/2/2025).
// Forecast 2025 (posts in service at 31/12/2025, same population): 6 + AS11 = 7 FTE →
//   a) 48.000,00 € as above; b) 20.000 × (6,5 − 5,2) = 20.000 × 1,3 = 26.000,00 € (7 FTE is beyond 6,5: capped);
//   total 74.000,00 €.
const worked: PostRecord[] = [
  rec(post('AS1')),
  rec(post('AS2')),
  rec(post('AS3', { fte: 0.5, to: '2024-06-30' }), 0),
  rec(post('AS3', { from: '2024-07-01' }), 1),
  rec(post('AS4', { employerKind: 'unione_di_comuni', employerName: 'Unione', from: '2024-03-01' })),
  rec(post('AS5', { employerKind: 'azienda_speciale_consortile', employerName: 'Azienda', from: '2019-01-01' })),
  rec(post('AS6', { employerKind: 'ente_capofila', employerName: 'Capofila', from: '2022-01-01' })),
  rec(post('AS7', { employerKind: 'ente_terzo_settore', employerName: 'Cooperativa' })),
  rec(post('AS8', { contract: 'tempo_determinato' })),
  rec(post('AS9', { employerKind: 'azienda_sanitaria', employerName: 'ASST', fte: 0.5 })),
  rec(post('AS10', { from: '2018-01-01', to: '2024-09-30' })),
  rec(post('AS11', { from: '2025-02-01' })),
];

test('L. 178/2020 return, worked example: 26.000 inhabitants, 6 permanent FTE → 48.000 € + 16.000 € = 64.000 €', () => {
  const r = buildSocialWorkerReturn({ year: 2024, records: worked, population: pop(26_000), forecastPopulation: pop(26_000) });
  assert.equal(r.day, '2024-12-31');
  assert.equal(r.permanentFte, 6);
  assert.equal(r.inhabitantsPerFte, 4333.3);
  const [a, b] = r.contribution.bands;
  assert.deepEqual([a!.letter, a!.fromFte, a!.toFte, a!.countedFte, a!.amountCents], ['a', 4, 5.2, 1.2, 48_000_00]);
  assert.deepEqual([b!.letter, b!.fromFte, b!.toFte, b!.countedFte, b!.amountCents], ['b', 5.2, 6.5, 0.8, 16_000_00]);
  assert.equal(r.contribution.totalCents, 64_000_00);
  // By employer kind: counted kinds and excluded kinds, the permanent FTE only on counted kinds.
  const kind = Object.fromEntries(r.byEmployer.map((k) => [k.kind, k]));
  assert.deepEqual(kind.comune, { kind: 'comune', counted: true, posts: 4, fte: 4, permanentFte: 3 });
  assert.deepEqual(kind.ente_terzo_settore, { kind: 'ente_terzo_settore', counted: false, posts: 1, fte: 1, permanentFte: 0 });
  assert.deepEqual(kind.azienda_sanitaria, { kind: 'azienda_sanitaria', counted: false, posts: 1, fte: 0.5, permanentFte: 0 });
  assert.equal(
    r.byEmployer.reduce((s, k) => s + k.permanentFte, 0),
    r.permanentFte,
  );
  assert.equal(r.totalFte, 8.5);
  assert.equal(r.ambitoFte, 7);
  // Each row in service is counted or excluded, once; the counted rows add up to the permanent FTE.
  assert.equal(r.sources.rows, 12);
  assert.equal(r.sources.counted.length, 6);
  assert.deepEqual(
    r.sources.excluded.map((e) => [e.code, e.reason]),
    [
      ['AS7', 'employer'],
      ['AS8', 'contract'],
      ['AS9', 'employer'],
    ],
  );
  assert.equal(r.sources.notInService, 3);
  assert.equal(r.sources.counted.length + r.sources.excluded.length + r.sources.notInService, r.sources.rows);
  assert.equal(new Set(r.sources.counted.map((c) => c.rowId)).size, r.sources.counted.length);
  assert.equal(
    r.sources.counted.reduce((s, c) => s + c.fte, 0),
    r.permanentFte,
  );
  assert.deepEqual(r.sources.overlaps, []);
  // Hires and leavers of 2024: AS3's change of hours is neither.
  assert.deepEqual(
    r.hires.map((h) => [h.code, h.date]),
    [['AS4', '2024-03-01']],
  );
  assert.deepEqual(
    r.leavers.map((h) => [h.code, h.date]),
    [['AS10', '2024-09-30']],
  );
  // Forecast 2025 from the posts recorded as in service at 31/12/2025.
  assert.equal(r.forecast.year, 2025);
  assert.equal(r.forecast.permanentFte, 7);
  assert.deepEqual(
    r.forecast.contribution.bands.map((x) => [x.countedFte, x.amountCents]),
    [
      [1.2, 48_000_00],
      [1.3, 26_000_00],
    ],
  );
  assert.equal(r.forecast.contribution.totalCents, 74_000_00);
});

// ——— L. 178/2020: Ambito Territoriale Sociale XIII, Marche ———————————————————————————————————————
// Camerano 7.125 + Castelfidardo 18.683 + Loreto 12.786 + Numana 3.795 + Offagna 2.025 + Osimo 35.007 + Sirolo 4.063
// = 83.484 inhabitants at 01.01.2019. Band edges: 83.484 / 6.500 = 12,8437; / 5.000 = 16,6968; / 4.000 = 20,871 FTE.
const ATS_XIII = [7_125, 18_683, 12_786, 3_795, 2_025, 35_007, 4_063];
const staff = (fte: number) => {
  const posts: PostRecord[] = [];
  for (let i = 0; fte > 0; i++, fte -= 1) posts.push(rec(post(`M${i}`, { fte: Math.min(1, fte), from: '2015-01-01' })));
  return posts;
};

test('ATS XIII Marche: 83.484 inhabitants; 14 permanent FTE → band a only, 46.252,31 €', () => {
  assert.equal(
    ATS_XIII.reduce((s, v) => s + v, 0),
    83_484,
  );
  // a) 14 − 83.484/6.500 = 14 − 12,843692… = 1,156308 FTE × 40.000 € = 46.252,3077 € → 46.252,31 €
  // b) 14 < 16,6968: nothing.
  const r = buildSocialWorkerReturn({ year: 2019, records: staff(14), population: pop(83_484, 2019), forecastPopulation: null });
  const [a, b] = r.contribution.bands;
  assert.deepEqual([a!.fromFte, a!.toFte, a!.countedFte, a!.amountCents], [12.8437, 16.6968, 1.1563, 46_252_31]);
  assert.deepEqual([b!.fromFte, b!.toFte, b!.countedFte, b!.amountCents], [16.6968, 20.871, 0, 0]);
  assert.equal(r.contribution.totalCents, 46_252_31);
  assert.equal(r.inhabitantsPerFte, 5963.1); // 83.484 / 14 = 5.963,14
});

test('ATS XIII Marche: 19,5 permanent FTE → band a full, band b 2,8032 FTE: 154.124,31 € + 56.064,00 € = 210.188,31 €', () => {
  // a) (16,6968 − 12,843692) = 3,853108 FTE × 40.000 € = 154.124,3077 € → 154.124,31 €
  //    (the full band a is always population × 40.000 × (1/5.000 − 1/6.500) = 83.484 × 1,846154 €)
  // b) (19,5 − 16,6968) = 2,8032 FTE × 20.000 € = 56.064,00 €
  const r = buildSocialWorkerReturn({ year: 2019, records: staff(19.5), population: pop(83_484, 2019), forecastPopulation: null });
  assert.equal(r.permanentFte, 19.5);
  const [a, b] = r.contribution.bands;
  assert.deepEqual([a!.countedFte, a!.amountCents], [3.8531, 154_124_31]);
  assert.deepEqual([b!.countedFte, b!.amountCents], [2.8032, 56_064_00]);
  assert.equal(r.contribution.totalCents, 210_188_31);
  assert.equal(r.inhabitantsPerFte, 4281.2); // 83.484 / 19,5 = 4.281,23
  // Without a forecast population nothing is computed for the year after.
  assert.equal(r.forecast.contribution.totalCents, 0);
  assert.deepEqual(r.forecast.contribution.bands, []);
});

test('ATS XIII Marche: beyond 1:4.000 (22 FTE) band b is capped at 20,871 − 16,6968 = 4,1742 FTE = 83.484,00 €', () => {
  const r = buildSocialWorkerReturn({ year: 2019, records: staff(22), population: pop(83_484, 2019), forecastPopulation: null });
  assert.deepEqual(
    r.contribution.bands.map((b) => [b.countedFte, b.amountCents]),
    [
      [3.8531, 154_124_31],
      [4.1742, 83_484_00],
    ],
  );
});

test('a person recorded twice on 31 December is named, not hidden', () => {
  const r = buildSocialWorkerReturn({
    year: 2024,
    records: [rec(post('X1')), rec(post('X1', { from: '2023-01-01' }), 1), rec(post('X2'))],
    population: pop(10_000),
    forecastPopulation: pop(10_000),
  });
  assert.deepEqual(r.sources.overlaps, ['X1']);
});

test('without population the return says so: no ratio, no band', () => {
  const r = buildSocialWorkerReturn({ year: 2024, records: staff(3), population: null, forecastPopulation: null });
  assert.equal(r.inhabitantsPerFte, null);
  assert.deepEqual(r.contribution.bands, []);
  assert.equal(r.permanentFte, 3);
});

// ——— SIOSS ———————————————————————————————————————————————————————————————————————————————————————

const service = (code: string, over: Partial<ReturnService> = {}): ReturnService => ({
  id: code,
  code,
  name: `Servizio ${code}`,
  typeCode: 'A1',
  typeName: 'Segretariato sociale',
  macroCode: 'A',
  macroName: 'Accesso',
  fnpsGoal: 'accesso',
  areaCode: 'MINORI_FAMIGLIA',
  management: 'associata_ambito',
  comuneName: null,
  providerName: 'Ufficio di Piano',
  providerCode: null,
  active: true,
  years: [],
  ...over,
});

test('SIOSS: the offer by type, forms of management, and a health agency counted once', () => {
  const services = [
    service('S1', { years: [{ year: 2024, users: 120, spendCents: 10_000_00, funds: [] }] }),
    service('S2', { years: [{ year: 2024, users: 30, spendCents: null, funds: [] }], management: 'singolo_comune', comuneName: 'Osimo' }),
    service('S3', {
      typeCode: 'D1',
      typeName: 'Assistenza domiciliare integrata',
      macroCode: 'D',
      management: 'delega_asl',
      providerName: 'AST Ancona',
      providerCode: '02872610427',
    }),
    service('S4', {
      typeCode: 'F2',
      typeName: 'Centro diurno disabili',
      macroCode: 'F',
      management: 'delega_asl',
      providerName: 'A.S.T. ANCONA',
      providerCode: ' 02872610427 ',
    }),
    service('S5', { typeCode: 'ZZ', typeName: null, macroCode: null, management: 'affidamento_terzo_settore', providerName: 'Coop. Sociale' }),
    service('S6', { active: false }),
  ];
  const r = buildSiossReturn({ year: 2024, services });
  assert.equal(r.sources.services, 6);
  assert.equal(r.sources.inReturn, 5);
  assert.deepEqual(r.sources.inactiveExcluded, ['S6']);
  assert.deepEqual(r.sources.unknownType, ['S5']);
  assert.deepEqual(r.sources.withoutFigures, ['S3', 'S4', 'S5']);
  assert.deepEqual(r.sources.comuni, ['Osimo']);
  const a1 = r.offer.find((o) => o.typeCode === 'A1')!;
  assert.deepEqual(a1.serviceCodes, ['S1', 'S2']);
  assert.equal(a1.users, 150);
  assert.equal(a1.spendCents, 10_000_00);
  assert.deepEqual(a1.managements, ['associata_ambito', 'singolo_comune']);
  // One health agency, though it runs two services and is written two ways.
  assert.equal(r.healthAgencies, 1);
  assert.equal(r.bodies.length, 3);
  assert.deepEqual(r.bodies.find((b) => b.healthAgency)!.serviceCodes, ['S3', 'S4']);
  // Every service of the return is counted once in the offer and once in the forms of management.
  assert.equal(
    r.offer.reduce((s, o) => s + o.serviceCodes.length, 0),
    r.sources.inReturn,
  );
  assert.equal(
    r.management.reduce((s, m) => s + m.services, 0),
    r.sources.inReturn,
  );
});

// ——— Funds and FNPS matrix —————————————————————————————————————————————————————————————————————————

const funds = [
  { code: 'FNPS', name: 'Fondo Nazionale per le Politiche Sociali', shortName: 'FNPS', rootCode: 'FNPS' },
  { code: 'FNPS_QUOTA_VINCOLATA', name: 'FNPS – quota vincolata', shortName: 'FNPS quota vincolata', rootCode: 'FNPS' },
  { code: 'FNA', name: 'Fondo per le non autosufficienze', shortName: 'FNA', rootCode: 'FNA' },
  { code: 'COMUNI', name: 'Fondi comunali', shortName: 'Comuni', rootCode: 'COMUNI' },
];
const funded = [
  service('F1', {
    areaCode: 'MINORI_FAMIGLIA',
    fnpsGoal: 'presa_in_carico',
    years: [
      {
        year: 2024,
        users: 40,
        spendCents: 100_000_00,
        funds: [
          { fundCode: 'FNPS', amountCents: 45_000_00, users: 20 },
          { fundCode: 'COMUNI', amountCents: 55_000_00, users: null },
        ],
      },
      { year: 2023, users: 1, spendCents: 1, funds: [{ fundCode: 'FNPS', amountCents: 999_00, users: 1 }] },
    ],
  }),
  service('F2', {
    areaCode: 'DISABILI',
    typeCode: 'F2',
    fnpsGoal: 'servizi_territoriali_comunitari',
    years: [
      {
        year: 2024,
        users: 12,
        spendCents: 80_000_00,
        funds: [
          { fundCode: 'FNPS_QUOTA_VINCOLATA', amountCents: 40_000_00, users: null },
          { fundCode: 'FNA', amountCents: 40_000_00, users: 12 },
        ],
      },
    ],
  }),
  service('F3', {
    areaCode: 'SERVIZIO_SOCIALE_PROFESSIONALE',
    fnpsGoal: null,
    years: [{ year: 2024, users: null, spendCents: 15_000_00, funds: [{ fundCode: 'FNPS', amountCents: 15_000_00, users: null }] }],
  }),
];

test('fund returns: the year’s FNPS (with its quota), FNA by area × activity, users where split, totals and corrections', () => {
  const r = buildFundReturns({
    year: 2024,
    services: funded,
    funds,
    allocations: [{ fundCode: 'FNPS', rootCode: 'FNPS', amountCents: 120_000_00, act: 'DGR 1/2024' }],
    budgetTotals: [
      { rootCode: 'FNPS', measure: 'committed', amountCents: 90_000_00 },
      { rootCode: 'FNPS', measure: 'paid', amountCents: 60_000_00 },
    ],
    corrections: [
      {
        rootCode: 'FNPS',
        fundCode: 'FNPS',
        measure: 'committed',
        cutOffDate: '2024-12-31',
        objectiveCode: 'OB1',
        previousCents: 95_000_00,
        amountCents: 90_000_00,
        reason: 'disimpegno',
        note: null,
      },
    ],
  });
  const fnps = r.find((f) => f.rootCode === 'FNPS')!;
  // 45.000 + 40.000 + 15.000 = 100.000 €: the 2023 row and the comuni's own funds are not in it.
  assert.equal(fnps.spentCents, 100_000_00);
  assert.equal(fnps.fundRows, 3);
  assert.equal(fnps.rows.length, 3);
  assert.equal(fnps.users, 20);
  assert.equal(fnps.rows.find((x) => x.fundCode === 'FNPS_QUOTA_VINCOLATA')!.usersMissing, 1);
  assert.equal(fnps.allocatedCents, 120_000_00);
  assert.deepEqual([fnps.committedCents, fnps.paidCents], [90_000_00, 60_000_00]);
  assert.equal(fnps.corrections[0]!.reason, 'disimpegno');
  const fna = r.find((f) => f.rootCode === 'FNA')!;
  assert.equal(fna.spentCents, 40_000_00);
  assert.equal(fna.users, 12);
  assert.equal(fna.allocatedCents, null);
  assert.equal(fna.committedCents, null);
  assert.equal(r.find((f) => f.rootCode === 'DOPO_DI_NOI')!.fundRows, 0);
});

test('FNPS matrix: areas × goals, the share to children and families against 50 % in Lombardy and 40 % elsewhere', () => {
  // FNPS 2024: infanzia 45.000 €, disabilità 40.000 €, not attributed 15.000 € → 100.000 €; share 45,0 %.
  const lombardy = buildFnpsMatrix({ year: 2024, services: funded, funds, regionCode: '03' });
  assert.equal(lombardy.totalCents, 100_000_00);
  assert.equal(lombardy.cells.infanzia_adolescenza_famiglia!.presa_in_carico, 45_000_00);
  assert.equal(lombardy.cells.disabilita_non_autosufficienza!.servizi_territoriali_comunitari, 40_000_00);
  assert.equal(lombardy.cells.non_attribuita!.nessuno, 15_000_00);
  assert.deepEqual(lombardy.unattributed, ['F3']);
  assert.equal(lombardy.familySharePct, 45);
  assert.deepEqual([lombardy.minimumPct, lombardy.minimumMet], [50, false]);
  const marche = buildFnpsMatrix({ year: 2024, services: funded, funds, regionCode: '11' });
  assert.deepEqual([marche.minimumPct, marche.minimumScope, marche.minimumMet], [40, 'nazionale', true]);
  // Rows and columns add up to the same total; every FNPS fund row counted once.
  assert.equal(
    Object.values(lombardy.rowTotals).reduce((s, v) => s + v, 0),
    lombardy.totalCents,
  );
  assert.equal(
    Object.values(lombardy.columnTotals).reduce((s, v) => s + v, 0),
    lombardy.totalCents,
  );
  assert.equal(lombardy.fundRows, 3);
  const none = buildFnpsMatrix({ year: 2022, services: funded, funds, regionCode: '03' });
  assert.deepEqual([none.totalCents, none.familySharePct, none.minimumMet], [0, null, null]);
});

test('the Lombardy table keeps the areas and channels with spending, and its rows add up to the grand total', () => {
  const t = buildAreaChannelTable({
    matrix: {
      areas: ['MINORI_FAMIGLIA', 'ANZIANI', 'DISABILI'],
      channels: ['FNPS', 'COMUNI'],
      cells: { MINORI_FAMIGLIA: { FNPS: 10, COMUNI: 5 }, ANZIANI: { FNPS: 0, COMUNI: 0 }, DISABILI: { FNPS: 0, COMUNI: 7 } },
      rowTotals: { MINORI_FAMIGLIA: 15, ANZIANI: 0, DISABILI: 7 },
      columnTotals: { FNPS: 10, COMUNI: 12 },
      grandTotal: 22,
    },
    spending: [{ amountCents: 10 }, { amountCents: 5 }, { amountCents: 7 }],
    areaNames: [{ code: 'MINORI_FAMIGLIA', name: 'Minori-Famiglia' }],
    funds,
  });
  assert.deepEqual(
    t.areas.map((a) => a.name),
    ['Minori-Famiglia', 'DISABILI'],
  );
  assert.deepEqual(
    t.channels.map((c) => c.name),
    ['FNPS', 'Comuni'],
  );
  assert.equal(t.rowsSumCents, t.grandTotal);
});

test('coverage of comuni: «dati di 7 comuni su 9» names the two missing', () => {
  const members = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
  const c = comuniCoverage(members, ['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  assert.deepEqual(c, { members: 9, withData: 7, missing: ['H', 'I'], complete: false });
});
