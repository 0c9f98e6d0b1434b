import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ValidationError } from '../../shared/errors.ts';
import { fromRoot } from '../../shared/paths.ts';
import { getMapping, parseFundingSources, parseSpendingAreas } from './catalogues.ts';
import {
  buildSpendingMatrix,
  checkAllocations,
  checkFundPeriods,
  checkPublishedAmount,
  checkPublishedMoney,
  checkPublishedPercent,
  checkSpendingMatrix,
  convertAreas,
  costPerUser,
  diffTotals,
  formatCount,
  formatEuro,
  percentage,
  perCapita,
  rollUpBudget,
  rootFund,
  roundTo,
  servicesVersusContributions,
  shareByArea,
  shareByChannel,
  sharesOf,
  validateCutOffValue,
  yearOnYearChange,
  type BudgetLine,
  type SpendingCell,
} from './finance.rules.ts';
import { formatterFor } from '../../shared/format/index.ts';
import { registerMessages, translate } from '../../shared/i18n/messages.ts';
import * as messages from './finance.messages.ts';
import { fundPeriodSentence } from './finance.sentences.ts';

// The rules give facts; the pages' sentences from them, in Italian.
registerMessages(messages);
const sentence = (i: Parameters<typeof fundPeriodSentence>[2]) => fundPeriodSentence((key, params) => translate('it', key, params), formatterFor('it'), i);

const euro = (e: number) => e * 100;

// Ambito di Gallarate, Piano di Zona 2025-2027, Tabella 2.4 "Risorse impiegate nel settore sociale per canale di
// finanziamento 2022" (seed 002, L3115-L3179): Totale entrate, then the channels in the order of the table.
const CHANNELS = ['COMUNI', 'UTENZA', 'ALTRI_ENTI_PUBBLICI', 'ALTRE_ENTRATE', 'FSR', 'FNPS', 'GESTIONE_ASSOCIATA', 'FONDO_06'];
const TABLE_2_4: [string, number, number[]][] = [
  ['MINORI_FAMIGLIA', 8_208_520, [6_530_195, 743_422, 271_906, 42_922, 428_608, 155_683, 0, 35_784]],
  ['DISABILI', 5_396_628, [5_049_944, 62_119, 224_226, 0, 43_129, 17_210, 0, 0]],
  ['COMPARTECIPAZIONE_SOCIOSANITARIA', 2_840_614, [2_808_959, 31_655, 0, 0, 0, 0, 0, 0]],
  ['SERVIZIO_SOCIALE_PROFESSIONALE', 1_663_998, [1_663_998, 0, 0, 0, 0, 0, 0, 0]],
  ['EMARGINAZIONE_POVERTA', 980_639, [203_469, 2_564, 669_357, 42_054, 8_836, 54_359, 0, 0]],
  ['ANZIANI', 724_050, [464_158, 95_416, 40_729, 957, 104_318, 11_423, 7_049, 0]],
  ['IMMIGRAZIONE', 19_311, [5_512, 0, 12_639, 0, 0, 1_160, 0, 0]],
  ['SALUTE_MENTALE', 1_101, [1_036, 0, 0, 0, 65, 0, 0, 0]],
  ['DIPENDENZE', 0, [0, 0, 0, 0, 0, 0, 0, 0]],
];
const TABLE_2_4_TOTALS = [16_727_271, 935_176, 1_218_857, 85_933, 584_956, 239_835, 7_049, 35_784];
const cells: SpendingCell[] = TABLE_2_4.flatMap(([area, , amounts]) => amounts.map((a, i) => ({ area, channel: CHANNELS[i]!, amountCents: euro(a) })));
const declared = {
  rowTotals: Object.fromEntries(TABLE_2_4.map(([area, total]) => [area, euro(total)])),
  columnTotals: Object.fromEntries(CHANNELS.map((c, i) => [c, euro(TABLE_2_4_TOTALS[i]!)])),
  grandTotal: euro(19_834_861),
};

// Tabella 4.2 "Analisi utenze Gallaratese 2022" (L3498-L3515): spending and users per area; the text (L3445-L3469)
// gives the cost per user of each area.
const TABLE_4_2: [string, number, number | null, number | null][] = [
  ['MINORI_FAMIGLIA', 8_208_518, 4_418, 1_858],
  ['DISABILI', 5_396_627, 1_051, 5_135],
  ['COMPARTECIPAZIONE_SOCIOSANITARIA', 2_840_614, 192, 14_795],
  ['SERVIZIO_SOCIALE_PROFESSIONALE', 1_663_999, null, null],
  ['EMARGINAZIONE_POVERTA', 980_640, 1_127, 870],
  ['ANZIANI', 717_001, 895, 801],
  ['IMMIGRAZIONE', 19_311, 14, 1_379],
  ['SALUTE_MENTALE', 1_101, 2, 551],
  ['DIPENDENZE', 0, 0, null],
];
// Tabella 4.1 (L3477-L3492), column Gallaratese, in %.
const TABLE_4_1: Record<string, number> = {
  MINORI_FAMIGLIA: 41.4,
  DISABILI: 27.22,
  COMPARTECIPAZIONE_SOCIOSANITARIA: 14.33,
  SERVIZIO_SOCIALE_PROFESSIONALE: 8.39,
  EMARGINAZIONE_POVERTA: 4.95,
  ANZIANI: 3.62,
  IMMIGRAZIONE: 0.1,
  SALUTE_MENTALE: 0.01,
  DIPENDENZE: 0,
};

test('amounts and percentages read the Italian way', () => {
  assert.equal(formatEuro(euro(19_834_861)), '19.834.861,00 €');
  assert.equal(formatEuro(5), '0,05 €');
  assert.equal(formatEuro(-euro(7_050)), '-7.050,00 €');
  assert.equal(formatCount(4_418), '4.418');
  assert.equal(roundTo(1.005, 2), 1.01);
  assert.equal(roundTo(-2.5, 0), -3);
  assert.throws(() => formatEuro(1.5), RangeError);
});

test('a percentage keeps numerator, denominator, value and formula: Minori-Famiglia is 41,40 % of 19.827.811 €', () => {
  const p = percentage(euro(8_208_518), euro(19_827_811), { numerator: 'spesa Minori-Famiglia', denominator: 'spesa sociale totale' });
  assert.equal(p.numerator, 820_851_800);
  assert.equal(p.denominator, 1_982_781_100);
  assert.equal(roundTo(p.value!, 2), 41.4);
  assert.equal(p.formula, 'spesa Minori-Famiglia (8.208.518,00 €) / spesa sociale totale (19.827.811,00 €) × 100');
  assert.equal(percentage(1, 0, { numerator: 'a', denominator: 'b' }).value, null);
});

test('the shares of Tabella 4.1 are the spending of Tabella 4.2 over 19.827.811 €', () => {
  const shares = sharesOf(Object.fromEntries(TABLE_4_2.map(([area, spend]) => [area, euro(spend)])), {
    prefix: 'spesa area',
    totalLabel: 'spesa sociale totale',
  });
  assert.equal(
    shares.reduce((s, x) => s + x.amountCents, 0),
    euro(19_827_811),
  );
  for (const s of shares) assert.equal(roundTo(s.share.value!, 2), TABLE_4_1[s.key], s.key);
});

test('cost per user reproduces every figure of the Gallarate text, and is not computable without users', () => {
  for (const [area, spend, users, expected] of TABLE_4_2) {
    const c = costPerUser(euro(spend), users, `spesa ${area}`);
    if (expected === null) assert.equal(c.valueCents, null, area);
    else assert.equal(Math.round(c.valueCents! / 100), expected, area);
  }
  const mf = costPerUser(euro(8_208_518), 4_418, 'spesa Minori-Famiglia');
  assert.equal(mf.valueCents, 185_797);
  assert.equal(mf.formula, 'spesa Minori-Famiglia (8.208.518,00 €) / utenti (4.418)');
  assert.equal(costPerUser(euro(1_663_999), null).formula, 'spesa (1.663.999,00 €) / utenti (non rilevati)');
});

test('spending per inhabitant: 19.834.861 € over the 122.675 residents of 31/12/2022 is 161,69 €', () => {
  // Population at 31/12/2022 from Tabella 2.1 (seed 002, L3007).
  const p = perCapita(euro(19_834_861), 122_675, 'spesa sociale 2022');
  assert.equal(p.valueCents, 16_169);
  assert.equal(formatEuro(p.valueCents!), '161,69 €');
  assert.equal(p.formula, 'spesa sociale 2022 (19.834.861,00 €) / popolazione (122.675)');
});

test('year-on-year change: Fano’s contributions to families with disabled persons fell from 654.519 € to 470.119 €', () => {
  // Seed 000, L691-L699: the four bars printed under 2019 2020 2021 2022.
  const c = yearOnYearChange({ year: 2021, amountCents: euro(654_519) }, { year: 2022, amountCents: euro(470_119) }, 'contributi');
  assert.equal(c.differenceCents, -euro(184_400));
  assert.equal(roundTo(c.change.value!, 2), -28.17);
  assert.equal(c.change.formula, '(contributi 2022 (470.119,00 €) − contributi 2021 (654.519,00 €)) / contributi 2021 (654.519,00 €) × 100');
  assert.equal(yearOnYearChange({ year: 2021, amountCents: 0 }, { year: 2022, amountCents: 100 }).change.value, null);
  assert.throws(() => yearOnYearChange({ year: 2022, amountCents: 1 }, { year: 2022, amountCents: 2 }), RangeError);
});

test('Tabella 2.4 adds up: every row, every column and the grand total of 19.834.861 €', () => {
  const matrix = buildSpendingMatrix(cells, { channels: CHANNELS });
  assert.deepEqual(matrix.channels, CHANNELS);
  assert.equal(matrix.grandTotal, euro(19_834_861));
  assert.equal(matrix.columnTotals.COMUNI, euro(16_727_271));
  assert.equal(matrix.rowTotals.MINORI_FAMIGLIA, euro(8_208_520));
  const report = checkSpendingMatrix(matrix, declared);
  assert.deepEqual(report, { ok: true, checked: 18, mismatches: [] });
});

test('the checksum report says which row and column do not add up, and by how much', () => {
  const typo = cells.map((c) => (c.area === 'ANZIANI' && c.channel === 'FNPS' ? { ...c, amountCents: euro(11_432) } : c));
  const report = checkSpendingMatrix(buildSpendingMatrix(typo), declared, { area: (c) => (c === 'ANZIANI' ? 'Anziani' : c) });
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.mismatches.map((m) => [m.kind, m.key, m.differenceCents]),
    [
      ['row', 'ANZIANI', -900],
      ['column', 'FNPS', -900],
      ['grand', null, -900],
    ],
  );
  assert.equal(
    report.mismatches[0]!.message,
    'il totale dell’area Anziani dichiarato (724.050,00 €) non coincide con la somma dei canali (724.059,00 €): differenza -9,00 €',
  );
});

test('the channel shares of Tabella 2.3 (column Ambito) follow from the totals of Tabella 2.4', () => {
  const shares = shareByChannel(buildSpendingMatrix(cells));
  const expected: Record<string, number> = {
    COMUNI: 84.3,
    UTENZA: 4.7,
    ALTRI_ENTI_PUBBLICI: 6.1,
    ALTRE_ENTRATE: 0.4,
    FSR: 2.9,
    FNPS: 1.2,
    GESTIONE_ASSOCIATA: 0,
    FONDO_06: 0.2,
  };
  for (const s of shares) assert.equal(roundTo(s.share.value!, 1), expected[s.key], s.key);
  const byArea = shareByArea(buildSpendingMatrix(cells), (c) => c.toLowerCase());
  assert.match(byArea[0]!.share.formula, /^spesa area minori_famiglia \(8\.208\.520,00 €\) \/ spesa totale \(19\.834\.861,00 €\) × 100$/);
});

test('the two 2022 totals of the plan differ by 7.050 €: the 7.049 € of Gestione associata plus 1 € of rounding', () => {
  const t24 = declared.rowTotals;
  const t42 = Object.fromEntries(TABLE_4_2.map(([area, spend]) => [area, euro(spend)]));
  const diff = diffTotals(t24, t42);
  assert.deepEqual(
    diff.map((d) => [d.key, d.differenceCents / 100]),
    [
      ['MINORI_FAMIGLIA', -2],
      ['DISABILI', -1],
      ['SERVIZIO_SOCIALE_PROFESSIONALE', 1],
      ['EMARGINAZIONE_POVERTA', 1],
      ['ANZIANI', -7_049],
    ],
  );
  assert.equal(
    diff.reduce((s, d) => s + d.differenceCents, 0),
    euro(19_827_811) - euro(19_834_861),
  );
  assert.equal(euro(19_834_861) - euro(7_049), euro(19_827_812));
});

test('spending by Lombardy area converts to the ISTAT areas keeping the total and naming the approximations', () => {
  const catalogue = parseSpendingAreas('spending-areas.json', readFileSync(fromRoot('fixtures/catalogues/spending-areas.json'), 'utf8'));
  const converted = convertAreas(declared.rowTotals, getMapping(catalogue, 'LOMBARDIA', 'ISTAT'));
  assert.deepEqual(converted.amounts, {
    FAMIGLIA_MINORI: euro(8_208_520),
    DISABILI: euro(5_396_628),
    MULTIUTENZA: euro(2_840_614 + 1_663_998),
    POVERTA_DISAGIO_ADULTI: euro(980_639 + 1_101),
    ANZIANI: euro(724_050),
    IMMIGRATI: euro(19_311),
    DIPENDENZE: 0,
  });
  assert.equal(
    Object.values(converted.amounts).reduce((s, v) => s + v, 0),
    euro(19_834_861),
  );
  assert.deepEqual(converted.approximated, ['COMPARTECIPAZIONE_SOCIOSANITARIA', 'SERVIZIO_SOCIALE_PROFESSIONALE', 'SALUTE_MENTALE']);
  assert.deepEqual(convertAreas({ CULTURA: 100 }, getMapping(catalogue, 'LOMBARDIA', 'ISTAT')).unmapped, ['CULTURA']);
});

test('services versus cash contributions: shares per year and over the period, with gaps listed', () => {
  const r = servicesVersusContributions([
    { year: 2022, servicesCents: euro(300), contributionsCents: euro(100) },
    { year: 2019, servicesCents: euro(100), contributionsCents: euro(100) },
    { year: 2020, servicesCents: euro(150), contributionsCents: euro(50) },
  ]);
  assert.deepEqual(
    r.years.map((y) => [y.year, roundTo(y.servicesShare.value!, 2), roundTo(y.contributionsShare.value!, 2)]),
    [
      [2019, 50, 50],
      [2020, 75, 25],
      [2022, 75, 25],
    ],
  );
  assert.deepEqual(r.missingYears, [2021]);
  assert.equal(r.period.totalCents, euro(800));
  assert.equal(roundTo(r.period.servicesShare.value!, 2), 68.75);
  assert.equal(r.period.servicesShare.formula, 'spesa per servizi 2019-2022 (550,00 €) / spesa totale 2019-2022 (800,00 €) × 100');
  assert.throws(
    () =>
      servicesVersusContributions([
        { year: 2020, servicesCents: 1, contributionsCents: 1 },
        { year: 2020, servicesCents: 2, contributionsCents: -1 },
      ]),
    (e: unknown) => e instanceof ValidationError && e.issues.length === 2 && e.issues[0]!.path === 'anno 2020',
  );
});

// Gallarate 2025-2027: amounts the plan budgets over the triennium (seed 002): objective 4 (L4788-L4789), LEPS
// Dimissioni protette (L10323-L10331), VMD (L11107), PIPPI (L11465), and the FNA 40.000 € a year for the PUA social
// worker (L11846).
const gallarateBudget: BudgetLine[] = [
  { objective: '4', fund: 'FONDO_POVERTA_QUOTA_SERVIZI', year: null, budgetedCents: euro(240_000) },
  { objective: '4', fund: 'FONDO_POVERTA_ESTREMA', year: null, budgetedCents: euro(18_000) },
  { objective: 'LEPS dimissioni protette', fund: 'PNRR_M5C2_1_1_3', year: null, budgetedCents: euro(239_905) },
  { objective: 'LEPS dimissioni protette', fund: 'PNRR_M5C2_1_1_3', year: null, budgetedCents: euro(60_000) },
  { objective: 'LEPS dimissioni protette', fund: 'FNPS_QUOTA_VINCOLATA', year: null, budgetedCents: euro(72_838) },
  { objective: 'LEPS VMD', fund: 'FONDO_POVERTA_QUOTA_SERVIZI', year: null, budgetedCents: euro(1_300_000) },
  { objective: 'LEPS PIPPI', fund: 'PNRR_M5C2_1_1_1', year: null, budgetedCents: euro(105_000) },
  { objective: 'LEPS PUA', fund: 'FNA', year: 2025, budgetedCents: euro(40_000) },
  { objective: 'LEPS PUA', fund: 'FNA', year: 2026, budgetedCents: euro(40_000) },
  { objective: 'LEPS PUA', fund: 'FNA', year: 2027, budgetedCents: euro(40_000) },
];
const sources = parseFundingSources('funding-sources.json', readFileSync(fromRoot('fixtures/catalogues/funding-sources.json'), 'utf8'));

test('a plan budget rolls up by fund, by year and by fund family', () => {
  const r = rollUpBudget(gallarateBudget);
  assert.equal(r.total.budgetedCents, euro(2_155_743));
  assert.equal(r.byFund.FONDO_POVERTA_QUOTA_SERVIZI!.budgetedCents, euro(1_540_000));
  assert.equal(r.byFund.PNRR_M5C2_1_1_3!.budgetedCents, euro(299_905));
  assert.equal(r.byYear.triennio!.budgetedCents, euro(2_035_743));
  assert.equal(r.byYear['2026']!.budgetedCents, euro(40_000));
  assert.deepEqual(
    r.byFundAndYear.filter((x) => x.fund === 'FNA').map((x) => x.year),
    [2025, 2026, 2027],
  );
  assert.equal(r.total.linesWithoutCommitted, 10);
  const families = rollUpBudget(gallarateBudget, { fundKey: (f) => rootFund(sources, f) });
  assert.deepEqual(Object.fromEntries(Object.entries(families.byFund).map(([k, v]) => [k, v.budgetedCents / 100])), {
    FONDO_POVERTA: 1_558_000,
    PNRR: 404_905,
    FNPS: 72_838,
    FNA: 120_000,
  });
});

test('budgeted, committed and paid: the execution percentages keep their formula', () => {
  const r = rollUpBudget([
    { fund: 'FNA', year: 2025, budgetedCents: euro(40_000), committedCents: euro(40_000), paidCents: euro(30_000) },
    { fund: 'FNA', year: 2026, budgetedCents: euro(40_000), committedCents: null, paidCents: null },
  ]);
  assert.equal(roundTo(r.byYear['2025']!.paidShare.value!, 2), 75);
  assert.equal(r.byYear['2025']!.paidShare.formula, 'pagato 2025 (30.000,00 €) / preventivato 2025 (40.000,00 €) × 100');
  assert.equal(r.byFund.FNA!.committedCents, euro(40_000));
  assert.equal(r.byFund.FNA!.linesWithoutPaid, 1);
});

test('over-allocation is flagged per fund and year only against a recorded allocation; a missing one is missing data', () => {
  const lines: BudgetLine[] = [
    { fund: 'FNA', year: 2025, budgetedCents: euro(80_000) },
    { fund: 'FNA', year: 2026, budgetedCents: euro(40_000) },
    { fund: 'FSR', year: 2025, budgetedCents: euro(10_000) },
  ];
  const checks = checkAllocations(lines, [
    { fund: 'FNA', year: 2025, allocatedCents: euro(40_000) },
    { fund: 'FNA', year: 2026, allocatedCents: euro(30_000) },
    { fund: 'FNA', year: 2026, allocatedCents: euro(10_000) },
    { fund: 'FNPS', year: 2025, allocatedCents: euro(5_000) },
  ]);
  assert.deepEqual(
    checks.map((c) => [c.fund, c.year, c.status, c.excessCents / 100]),
    [
      ['FNA', 2025, 'over', 40_000],
      ['FNA', 2026, 'within', 0],
      ['FNPS', 2025, 'within', 0],
      ['FSR', 2025, 'no_allocation', 0],
    ],
  );
  const fsr = checks.find((c) => c.fund === 'FSR')!;
  assert.equal(fsr.overAllocated, false, 'no overrun against an allocation that is not recorded');
  assert.equal(fsr.allocatedCents, null);
  assert.equal(
    fsr.message,
    'FSR 2025: stanziamento non registrato (preventivati 10.000,00 €); il superamento non si può verificare finché non si registra l’assegnazione',
  );
  // Gallarate 2025-2027 without any allocation recorded: nothing is an overrun, every fund is missing data.
  const none = checkAllocations(gallarateBudget, []);
  assert.equal(none.filter((c) => c.overAllocated).length, 0);
  assert.ok(
    none.filter((c) => c.budgetedCents > 0).every((c) => c.status === 'no_allocation' && c.excessCents === 0 && /stanziamento non registrato/.test(c.message!)),
  );
  assert.equal(checks[0]!.message, 'FNA 2025: preventivati 80.000,00 € su 40.000,00 € assegnati, 40.000,00 € oltre l’assegnazione');
  const whole = checkAllocations(
    gallarateBudget.filter((l) => l.fund === 'FONDO_POVERTA_QUOTA_SERVIZI'),
    [
      { fund: 'FONDO_POVERTA_QUOTA_SERVIZI', year: 2025, allocatedCents: euro(500_000) },
      { fund: 'FONDO_POVERTA_QUOTA_SERVIZI', year: 2026, allocatedCents: euro(500_000) },
    ],
  );
  assert.deepEqual(
    whole.map((c) => [c.year, c.status, c.excessCents / 100]),
    [
      [2025, 'within', 0],
      [2026, 'within', 0],
      [null, 'over', 540_000],
    ],
  );
  // With the plan period 2025-2027 the 2027 allocation is missing: the whole-period overrun cannot be established.
  const allocations2025and2026 = [
    { fund: 'FONDO_POVERTA_QUOTA_SERVIZI', year: 2025, allocatedCents: euro(500_000) },
    { fund: 'FONDO_POVERTA_QUOTA_SERVIZI', year: 2026, allocatedCents: euro(500_000) },
  ];
  const period = checkAllocations(
    gallarateBudget.filter((l) => l.fund === 'FONDO_POVERTA_QUOTA_SERVIZI'),
    allocations2025and2026,
    (f) => f,
    { fromYear: 2025, toYear: 2027 },
  );
  const wholePeriod = period.find((c) => c.year === null)!;
  assert.deepEqual([wholePeriod.status, wholePeriod.overAllocated, wholePeriod.excessCents], ['no_allocation', false, 0]);
  assert.match(wholePeriod.message!, /stanziamento non registrato per 2027 \(registrati 1\.000\.000,00 € per gli altri anni, preventivati 1\.540\.000,00 €\)/);
  const allThree = checkAllocations(
    gallarateBudget.filter((l) => l.fund === 'FONDO_POVERTA_QUOTA_SERVIZI'),
    [...allocations2025and2026, { fund: 'FONDO_POVERTA_QUOTA_SERVIZI', year: 2027, allocatedCents: euro(500_000) }],
    (f) => f,
    {
      fromYear: 2025,
      toYear: 2027,
    },
  );
  assert.deepEqual(
    allThree.filter((c) => c.year === null).map((c) => [c.status, c.excessCents / 100]),
    [['over', 40_000]],
    'every year allocated: a real overrun',
  );
});

test('a PNRR line cannot finance 2027, covers 2026 only until 31 March, and ends before a 2025-2027 plan', () => {
  const issues = checkFundPeriods(
    [
      { fund: 'PNRR_M5C2_1_1_3', year: 2025, budgetedCents: 1 },
      { fund: 'PNRR_M5C2_1_1_3', year: 2026, budgetedCents: 1 },
      { fund: 'PNRR_M5C2_1_1_3', year: 2027, budgetedCents: 1 },
      { fund: 'PNRR_M5C2_1_1_1', year: null, budgetedCents: euro(105_000) },
      { fund: 'PON_INCLUSIONE', year: null, budgetedCents: 1 },
      { fund: 'FONDO_INVENTATO', year: 2025, budgetedCents: 1 },
      { fund: 'FNPS', year: 2027, budgetedCents: 1 },
    ],
    sources,
    { fromYear: 2025, toYear: 2027 },
  );
  assert.deepEqual(
    issues.map((i) => [i.index, i.status]),
    [
      [1, 'partial_year'],
      [2, 'outside_period'],
      [3, 'ends_before_plan'],
      [4, 'outside_period'],
      [5, 'unknown_fund'],
    ],
  );
  assert.equal(sentence(issues[1]!), 'PNRR 1.1.3 finanzia la spesa al 31/03/2026: non può coprire il 2027');
  assert.equal(
    sentence(issues[2]!),
    'PNRR 1.1.1 (PIPPI) termina il 31/03/2026, prima della fine del piano (2027): per il periodo successivo serve un altro canale di finanziamento',
  );
});

test('a recorded value may go down only with a reason, and a payment cannot be released', () => {
  const previous = { date: '2025-06-30', amountCents: euro(72_838) };
  const lower = { date: '2025-12-31', amountCents: euro(70_000) };
  const missing = validateCutOffValue({ measure: 'committed', previous, next: lower });
  assert.deepEqual(missing, {
    ok: false,
    issues: [
      {
        path: 'motivo',
        message: 'L’importo impegnato scende da 72.838,00 € a 70.000,00 € (-2.838,00 €): indica il motivo (correzione di un errore oppure disimpegno).',
      },
    ],
  });
  assert.deepEqual(validateCutOffValue({ measure: 'committed', previous, next: lower, reason: 'disimpegno' }), {
    ok: true,
    differenceCents: -euro(2_838),
    decrease: true,
    reason: 'disimpegno',
  });
  const paid = validateCutOffValue({ measure: 'paid', previous, next: lower, reason: 'disimpegno' });
  assert.equal(paid.ok, false);
  assert.match(!paid.ok ? paid.issues[0]!.message : '', /un pagamento non si disimpegna/);
  assert.equal(validateCutOffValue({ measure: 'paid', previous, next: lower, reason: 'correzione_errore' }).ok, true);
});

test('an increase needs no reason; a first value is accepted; earlier dates, negative amounts and unknown reasons are refused', () => {
  const previous = { date: '2025-06-30', amountCents: euro(40_000) };
  assert.deepEqual(validateCutOffValue({ measure: 'budgeted', previous, next: { date: '2025-12-31', amountCents: euro(45_000) }, reason: 'disimpegno' }), {
    ok: true,
    differenceCents: euro(5_000),
    decrease: false,
    reason: null,
  });
  assert.equal(validateCutOffValue({ measure: 'allocated', previous: null, next: { date: '2025-01-31', amountCents: 0 } }).ok, true);
  const earlier = validateCutOffValue({ measure: 'committed', previous, next: { date: '2025-03-31', amountCents: euro(40_000) } });
  assert.deepEqual(earlier, {
    ok: false,
    issues: [{ path: 'data', message: 'la data di riferimento (2025-03-31) precede quella del valore già registrato (2025-06-30)' }],
  });
  const bad = validateCutOffValue({ measure: 'committed', previous, next: { date: '31/12/2025', amountCents: -1 }, reason: 'storno' });
  assert.deepEqual(!bad.ok && bad.issues.map((i) => i.path), ['data', 'importo', 'motivo']);
});

test('published figures are checks against the dataset: Anziani 801,12 € per user published, 808,99 € computed from Tabella 2.4', () => {
  // Tabella 2.4: Anziani 724.050 € of 19.834.861 €; Tabella 4.2: 895 users, 717.001 €, 801,12 € per user.
  const cost = costPerUser(euro(724_050), 895, 'spesa Anziani 2022');
  assert.equal(cost.valueCents, 808_99);
  const check = checkPublishedMoney('costo per utente Anziani 2022', 801_12, cost, 'Tabella 4.2')!;
  assert.deepEqual([check.unit, check.published, check.computed, check.difference, check.matches], ['money', 801_12, 808_99, -7_87, false]);
  assert.equal(check.formula, 'spesa Anziani 2022 (724.050,00 €) / utenti (895)');
  assert.equal(check.source, 'Tabella 4.2');
  // Tabella 4.1: Minori-Famiglia 41,40 % (of 19.827.811 €); from Tabella 2.4 it is 8.208.520 / 19.834.861 = 41,38 %.
  const share = percentage(euro(8_208_520), euro(19_834_861), { numerator: 'spesa area Minori-Famiglia', denominator: 'spesa totale' });
  const shareCheck = checkPublishedPercent('quota Minori-Famiglia 2022', { value: 41.4, decimals: 2 }, share, 'Tabella 4.1')!;
  assert.deepEqual(
    [shareCheck.unit, shareCheck.published, shareCheck.computed, shareCheck.difference, shareCheck.decimals, shareCheck.matches],
    ['percent', 41.4, 41.38, 0.02, 2, false],
  );
  // Anziani share: 724.050 / 19.834.861 = 3,65 % against the published 3,62 %.
  // An area's share of the 2022 total (19.834.861 €) against the share Tabella 4.1 publishes.
  const areaShare = (what: string, published: number, areaEuro: number) =>
    checkPublishedPercent(
      what,
      { value: published, decimals: 2 },
      percentage(euro(areaEuro), euro(19_834_861), { numerator: 'a', denominator: 'b' }),
      'Tabella 4.1',
    )!;
  assert.equal(areaShare('quota Anziani 2022', 3.62, 724_050).difference, -0.03);
  assert.equal(areaShare('quota Salute Mentale 2022', 0.01, 1_101).matches, true);
  const total = checkPublishedAmount('spesa totale 2022', euro(19_827_811), euro(19_834_861), 'Tabella 4.2', 'Tabella 2.4');
  assert.equal(total.difference, -euro(7_050));
  assert.equal(checkPublishedMoney('x', 1, costPerUser(100, null), 's'), null, 'no check when the cost cannot be computed');
});
