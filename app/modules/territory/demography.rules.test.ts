import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  aggregateFacts,
  birthRate,
  checkDemographicIdentities,
  computeIndicator,
  computeIndicators,
  density,
  foreignShare,
  INDICATOR_KEYS,
  minorShare,
  oldAgeIndex,
  over75Share,
  populationTrend,
  structuralDependencyIndex,
  type PopulationFacts,
  type PublishedTableRow,
} from './demography.rules.ts';

const near = (actual: number | null, expected: number, digits = 2) => {
  assert.ok(actual !== null, `atteso ${expected}, trovato null`);
  assert.equal(actual.toFixed(digits), expected.toFixed(digits));
};
const pub = (text: string) => {
  const [i, d = ''] = text.split(',');
  return { value: Number(`${i}.${d || 0}`), decimals: d.length };
};

// Piano di Zona 2025-2027 dell'Ambito di Gallarate (seed 002), Tabella 2.1, L2995-L3007: rates in ‰, indices in %.
// The table gives no counts (births, deaths, age bands): only the population at 31/12.
const gallarateTable21: PublishedTableRow[] = [
  ['2021', '122026', '7,42', '10,91', '-3,49', '3,58', '0,09', '23,55', '176,22', '58,62', '37,37'],
  ['2022', '122675', '6,40', '11,26', '-4,86', '5,21', '0,35', '23,76', '179,13', '58,97', '37,82'],
  ['2023', '122855', '6,29', '10,04', '-3,75', '0,62', '-3,13', '23,96', '183,31', '58,85', '38,07'],
].map(([year, total, nat, mort, natural, migr, growth, ageing, oldAge, structural, elderly]) => ({
  code: 'gallarate',
  year: Number(year),
  total: Number(total),
  areaKm2: 77.4,
  published: {
    birthRate: pub(nat!),
    deathRate: pub(mort!),
    naturalGrowthRate: pub(natural!),
    migrationRate: pub(migr!),
    totalGrowthRate: pub(growth!),
    ageingIndex: pub(ageing!),
    oldAgeIndex: pub(oldAge!),
    structuralDependencyIndex: pub(structural!),
    elderlyDependencyIndex: pub(elderly!),
  },
}));

// Sebino plan (seed 003), ATS Brescia indicator table, L2916-L2967: 11 districts, 3 ASST and the ATS.
// The column headings are lost in the text; their order is the one of the district tables at L2968-L3150.
const T5_COLUMNS = [
  'Brescia',
  'Brescia Ovest',
  'Brescia Est',
  'Valle Trompia',
  'Sebino-Monte Orfano',
  'Oglio Ovest',
  'Bassa Bresciana Occidentale',
  'Bassa Bresciana Centrale',
  'Bassa Bresciana Orientale',
  'Garda',
  'Valle Sabbia',
  'ASST Spedali Civili',
  'ASST Franciacorta',
  'ASST Garda',
  'ATS Brescia',
];
const T5 = {
  total: '201.923 100.762 98.660 109.847 113.669 97.198 56.786 116.057 66.720 125.485 75.029 511.192 267.653 383.291 1.162.136',
  females: '105.005 50.733 49.521 55.188 57.099 48.387 28.212 58.091 33.141 64.587 37.270 260.447 133.698 193.089 587.234',
  age0to14: '24.378 13.445 12.670 13.036 14.749 14.498 7.674 15.210 9.586 14.849 9.558 63.529 36.921 49.203 149.653',
  age65plus: '50.621 20.946 21.881 27.078 25.450 19.153 12.106 26.269 13.214 29.792 17.412 120.526 56.709 86.687 263.922',
  age75plus: '28.333 10.461 11.224 14.022 12.690 9.316 5.795 13.233 6.690 15.615 9.094 64.040 27.801 44.632 136.473',
  age15to64: '126.924 66.371 64.109 69.733 73.470 63.547 37.006 74.578 43.920 80.844 48.059 327.137 174.023 247.401 748.561',
  births: '1.379 688 690 648 735 838 426 791 481 727 513 3.405 1.999 2.512 7.916',
  deaths: '2.266 822 860 977 977 751 549 1.060 461 1.154 750 4.925 2.277 3.425 10.627',
  foreigners: '41.122 10.217 9.900 12.140 10.839 15.124 7.590 17.540 10.611 15.722 8.827 73.379 33.553 52.700 159.632',
};
const T5_PRINTED = {
  ageingIndex: '25,1 20,8 22,2 24,7 22,4 19,7 21,3 22,6 19,8 23,7 23,2 23,6 21,2 22,6 22,7',
  oldAgeIndex: '208 156 173 208 173 132 158 173 138 201 182 190 154 176 176',
  over75Share: '14,0 10,4 11,4 12,8 11,2 9,6 10,2 11,4 10,0 12,4 12,1 12,5 10,4 11,6 11,7',
  structuralDependencyIndex: '59 52 54 58 55 53 53 56 52 55 56 56,3 53,8 54,9 55,2',
  elderlyDependencyIndex: '40 32 34 39 35 30 33 35 30 37 36 36,8 32,6 35,0 35,3',
  birthRate: '6,8 6,8 7,0 5,9 6,5 8,6 7,5 6,8 7,2 5,8 6,8 6,66 7,47 6,55 6,81',
  deathRate: '11,2 8,2 8,7 8,9 8,6 7,7 9,7 9,1 6,9 9,2 10,0 9,63 8,51 8,94 9,14',
  naturalGrowthRate: '-4 -1 -2 -3 -2 1 -2 -2 0 -3 -3 -3,0 -1,0 -2,4 -2,3',
  foreignShare: '20,4 10,1 10,0 11,1 9,5 15,6 13,4 15,1 15,9 12,5 11,8 14,4 12,5 13,7 13,7',
} as const;
const t5Rows: PublishedTableRow[] = T5_COLUMNS.map((code, i) => {
  const count = (series: string) => Number(series.split(' ')[i]!.replaceAll('.', ''));
  return {
    code,
    year: 2023,
    total: count(T5.total),
    females: count(T5.females),
    age0to14: count(T5.age0to14),
    age15to64: count(T5.age15to64),
    age65plus: count(T5.age65plus),
    age75plus: count(T5.age75plus),
    births: count(T5.births),
    deaths: count(T5.deaths),
    foreigners: count(T5.foreigners),
    published: Object.fromEntries(Object.entries(T5_PRINTED).map(([key, series]) => [key, pub(series.split(' ')[i]!)])),
  };
});
const sebinoMonteOrfano = t5Rows[4]!;

test('the old-age index of the Sebino-Monte Orfano district is 25.450 over 14.749, shown with its formula', () => {
  const i = oldAgeIndex(sebinoMonteOrfano);
  assert.equal(i.key, 'oldAgeIndex');
  assert.equal(i.label, 'Indice di vecchiaia');
  assert.equal(i.numerator, 25_450);
  assert.equal(i.denominator, 14_749);
  near(i.value, 172.55);
  assert.equal(i.unit, 'indice');
  assert.equal(i.formula, 'popolazione di 65 anni e più ÷ popolazione di 0-14 anni × 100');
  assert.deepEqual(i.missing, []);
});

test('the structural dependency of the district adds the under-15s and the over-65s over the 73.470 people aged 15-64', () => {
  const i = structuralDependencyIndex(sebinoMonteOrfano);
  assert.equal(i.numerator, 14_749 + 25_450);
  assert.equal(i.denominator, 73_470);
  near(i.value, 54.71);
});

test('the crude birth rate divides by the printed population: 735 births over 113.669 residents is 6,5 ‰', () => {
  const i = birthRate(sebinoMonteOrfano);
  assert.equal(i.unit, '‰');
  assert.equal(i.denominator, 113_669);
  near(i.value, 6.47);
  assert.equal(i.formula, 'nati vivi nell’anno ÷ popolazione residente × 1.000');
});

test('the whole ATS Brescia table is reproduced within its rounding for all 11 districts, 3 ASST and the ATS', () => {
  const report = checkDemographicIdentities(t5Rows);
  assert.deepEqual(report.discrepancies, []);
  assert.deepEqual(report.unverifiable, []);
  const recomputed = report.checks.filter((c) => c.kind === 'recomputed');
  assert.equal(recomputed.length, 15 * Object.keys(T5_PRINTED).length);
  // The rate identity (crescita naturale = natalità − mortalità) holds too, with one-decimal rates and integer growth.
  assert.equal(report.checks.filter((c) => c.kind === 'rates').length, 15);
});

test('dividing the T5 rates by a mean population would need the population at the start of the year, which the table lacks', () => {
  const report = checkDemographicIdentities([sebinoMonteOrfano], { rateBase: 'meanPopulation' });
  assert.deepEqual(
    report.unverifiable.map((u) => u.key),
    ['birthRate', 'deathRate', 'naturalGrowthRate'],
  );
  assert.deepEqual(report.unverifiable[0]!.missing, ['popolazione a inizio anno']);
});

test('with the mean population, the 2023 rates of Gallarate divide by (122.675 + 122.855) ÷ 2', () => {
  const i = birthRate(gallarateTable21[2]!, { rateBase: 'meanPopulation', populationAtStart: 122_675 });
  assert.equal(i.denominator, 122_765);
  assert.equal(i.value, null);
  assert.deepEqual(i.missing, ['nati vivi']);
  assert.match(i.formula, /popolazione media dell’anno/);
});

test('Gallarate Tabella 2.1: crescita naturale = natalità − mortalità and crescita totale = naturale + migratorio in 2021, 2022 and 2023', () => {
  const rates = checkDemographicIdentities(gallarateTable21).checks.filter((c) => c.kind === 'rates');
  assert.equal(rates.length, 6);
  assert.ok(rates.every((c) => c.ok));
  const growth2023 = rates.find((c) => c.year === 2023 && c.key === 'totalGrowthRate')!;
  assert.equal(growth2023.found, -3.13);
  near(growth2023.expected, -3.75 + 0.62);
  assert.equal(growth2023.tolerance.toFixed(3), '0.015');
  assert.equal(growth2023.code, 'gallarate');
  assert.equal(growth2023.identity, 'totalFromNatural');
  assert.equal(growth2023.decimals, 2);
  assert.equal(growth2023.expected.toFixed(2), '-3.13');
  assert.equal(growth2023.ok, true);
  const natural2022 = rates.find((c) => c.year === 2022 && c.key === 'naturalGrowthRate')!;
  near(natural2022.expected, 6.4 - 11.26);
  assert.equal(natural2022.found, -4.86);
});

test('Gallarate Tabella 2.1: the printed indices agree with each other in 2023 but not in 2021 and 2022', () => {
  const report = checkDemographicIdentities(gallarateTable21);
  const coherence = report.checks.filter((c) => c.kind === 'coherence');
  assert.equal(coherence.length, 6);
  assert.deepEqual(
    report.discrepancies.map((c) => [c.year, c.key]),
    [
      [2021, 'structuralDependencyIndex'],
      [2021, 'ageingIndex'],
      [2022, 'structuralDependencyIndex'],
      [2022, 'ageingIndex'],
    ],
  );
  // 37,37 × (1 + 100 ÷ 176,22) = 58,58, while the table prints 58,62.
  const s2021 = report.discrepancies[0]!;
  near(s2021.expected, 58.58);
  assert.equal(s2021.found, 58.62);
  assert.equal(s2021.identity, 'structuralFromOldAge');
  assert.equal(s2021.difference.toFixed(4), '0.0436');
  assert.equal(s2021.ok, false);
  // Without the age bands, the indices themselves cannot be recomputed: they are listed, not guessed.
  assert.deepEqual(
    report.unverifiable.filter((u) => u.year === 2023 && u.key === 'oldAgeIndex').map((u) => u.missing),
    [['popolazione di 65 anni e più', 'popolazione di 0-14 anni']],
  );
});

test('Gallarate Tabella 2.2 (2022): the rate identities hold for the Ambito, ATS Insubria, Lombardia and Italia', () => {
  // L3024-L3036: natalità, mortalità, crescita naturale, migratorio, crescita totale, invecchiamento, vecchiaia,
  // dipendenza strutturale, dipendenza anziani, popolazione al 31/12/2022.
  const columns = [
    ['Ambito di Gallarate', '6,40', '11,26', '-4,86', '5,21', '0,35', '23,76', '179,13', '58,97', '37,82', 122_675],
    ['ATS Insubria', '6,45', '11,67', '-5,22', '7,28', '2,05', '23,98', '186,26', '58,51', '38,07', 1_476_848],
    ['LOMBARDIA', '6,78', '11,25', '-4,47', '7,30', '2,83', '23,13', '177,11', '56,88', '36,36', 9_976_509],
    ['ITALIA', '6,67', '12,12', '-5,45', '4,42', '-1,03', '23,81', '187,61', '57,46', '37,48', 58_997_201],
  ] as const;
  const rows: PublishedTableRow[] = columns.map(([code, nat, mort, natural, migr, growth, ageing, oldAge, structural, elderly, total]) => ({
    code,
    year: 2022,
    total,
    published: {
      birthRate: pub(nat),
      deathRate: pub(mort),
      naturalGrowthRate: pub(natural),
      migrationRate: pub(migr),
      totalGrowthRate: pub(growth),
      ageingIndex: pub(ageing),
      oldAgeIndex: pub(oldAge),
      structuralDependencyIndex: pub(structural),
      elderlyDependencyIndex: pub(elderly),
    },
  }));
  const report = checkDemographicIdentities(rows);
  assert.ok(report.checks.filter((c) => c.kind === 'rates').every((c) => c.ok));
  // ATS Insubria: -5,22 + 7,28 = 2,06 against 2,05 printed, within the ±0,015 that three roundings allow.
  const ats = report.checks.find((c) => c.code === 'ATS Insubria' && c.key === 'totalGrowthRate')!;
  near(ats.expected, 2.06);
  assert.ok(ats.ok);
  // The indice di invecchiamento printed for the Ambito, ATS and Lombardia is not the one its other indices imply.
  assert.deepEqual(
    report.discrepancies.map((c) => [c.code, c.key]),
    [
      ['Ambito di Gallarate', 'structuralDependencyIndex'],
      ['Ambito di Gallarate', 'ageingIndex'],
      ['ATS Insubria', 'ageingIndex'],
      ['LOMBARDIA', 'ageingIndex'],
    ],
  );
});

test('the density of the Ambito of Gallarate is 122.855 residents over 77,4 km², 1.587 ab./km², not the 1.584 of the text', () => {
  const i = density(gallarateTable21[2]!);
  assert.equal(i.unit, 'ab./km²');
  assert.equal(i.numerator, 122_855);
  assert.equal(i.denominator, 77.4);
  near(i.value, 1587.27);
  const report = checkDemographicIdentities([{ ...gallarateTable21[2]!, published: { density: { value: 1584, decimals: 0 } } }]);
  assert.equal(report.discrepancies.length, 1);
  assert.equal(report.discrepancies[0]!.key, 'density');
  // 1.584 is what 122.675 (the population at 01/01/2023 the chart cites) gives, truncated instead of rounded.
  assert.equal(Math.floor(122_675 / 77.4), 1584);
});

test('the 13.031 foreign residents of Gallarate are 10,6 % of the 122.855 residents', () => {
  const facts: PopulationFacts = { year: 2023, total: 122_855, foreigners: 13_031 };
  near(foreignShare(facts).value, 10.61);
  const report = checkDemographicIdentities([{ ...facts, code: 'gallarate', published: { foreignShare: pub('10,6') } }]);
  assert.equal(report.checks.length, 1);
  assert.ok(report.checks[0]!.ok);
});

test('a printed share is flagged when it does not match its counts: Zone 100 foreigners of 1.021 are 9,79 %, not 11,96 %', () => {
  const rows: PublishedTableRow[] = [
    { code: '017085', year: 2024, total: 8992, foreigners: 719, published: { foreignShare: pub('8') } },
    { code: '017205', year: 2024, total: 1021, foreigners: 100, published: { foreignShare: pub('11,96') } },
  ];
  const report = checkDemographicIdentities(rows);
  assert.deepEqual(
    report.discrepancies.map((c) => c.code),
    ['017205'],
  );
  near(report.discrepancies[0]!.expected, 9.79);
  // Iseo's "8%" is 7,996 %: right, to the integer it was printed with.
  assert.equal(report.checks[0]!.tolerance, 0.5);
});

test('the population of the Ambito of Gallarate grew by 649 in 2022 and by 180 in 2023', () => {
  const trend = populationTrend([...gallarateTable21].reverse());
  assert.deepEqual(
    trend.points.map((p) => p.year),
    [2021, 2022, 2023],
  );
  assert.deepEqual(
    trend.changes.map((c) => [c.fromYear, c.toYear, c.variation]),
    [
      [2021, 2022, 649],
      [2022, 2023, 180],
    ],
  );
  near(trend.changes[0]!.percent.value, 0.53);
  near(trend.changes[1]!.percent.value, 0.15);
  assert.equal(trend.changes[1]!.percent.formula, '(popolazione 2023 − popolazione 2022) ÷ popolazione 2022 × 100');
  assert.equal(trend.overall!.variation, 829);
  assert.equal(trend.overall!.percent.denominator, 122_026);
});

test('a trend of one year has no variation, and a year given twice is refused', () => {
  assert.deepEqual(populationTrend([{ year: 2023, total: 122_855 }]).changes, []);
  assert.equal(populationTrend([{ year: 2023, total: 122_855 }]).overall, null);
  assert.throws(
    () =>
      populationTrend([
        { year: 2023, total: 1 },
        { year: 2023, total: 2 },
      ]),
    /L’anno 2023 compare due volte/,
  );
});

test('a record with only the population gives null indicators that say what is missing, never NaN', () => {
  const indicators = computeIndicators({ year: 2023, total: 122_855 });
  assert.deepEqual(
    indicators.map((i) => i.key),
    [...INDICATOR_KEYS],
  );
  for (const i of indicators) {
    assert.equal(i.value, null, i.key);
    assert.ok(i.missing.length > 0, i.key);
  }
  const natural = indicators.find((i) => i.key === 'naturalGrowthRate')!;
  assert.deepEqual(natural.missing, ['nati vivi', 'morti']);
  assert.equal(natural.numerator, null);
  assert.equal(natural.denominator, 122_855);
  assert.deepEqual(indicators.find((i) => i.key === 'density')!.missing, ['superficie in km²']);
  assert.deepEqual(minorShare({ year: 2023, total: 122_855 }).missing, ['popolazione di 0-17 anni']);
});

test('zero denominators give null instead of a division by zero', () => {
  const none = oldAgeIndex({ year: 2024, total: 10, age0to14: 0, age65plus: 10 });
  assert.equal(none.value, null);
  assert.deepEqual(none.missing, ['popolazione di 0-14 anni maggiore di zero']);
  assert.equal(none.numerator, 10);
  assert.equal(none.denominator, 0);
  assert.equal(birthRate({ year: 2024, total: 0, births: 0 }).value, null);
  assert.equal(density({ year: 2024, total: 5, areaKm2: 0 }).value, null);
  assert.equal(computeIndicator('olderAloneShare', { year: 2024, total: 5, age65plus: 0, olderAlone: 0 }).value, null);
  assert.equal(over75Share({ year: 2024, total: 0, age75plus: 0 }).value, null);
});

test('the Sebino comuni add up to the Ambito’s 54.346 residents, and a band missing in one comune leaves the Ambito band unknown', () => {
  // Seed 003, L2851-L2867 (age bands) and L2793-L2805 (foreigners); Monte Isola's bands are inconsistent and left out.
  const comuni: [number, number, number, number | null, number | null, number | null, number][] = [
    [4312, 4680, 8992, 1059, 5542, 2391, 719],
    [3603, 3570, 7173, 947, 4665, 1561, 442],
    [1499, 1613, 3112, 399, 1947, 766, 194],
    [808, 813, 1621, null, null, null, 26],
    [2319, 2279, 4598, 619, 3029, 950, 147],
    [1807, 1833, 3640, 478, 2395, 767, 277],
    [2484, 2476, 4960, 677, 3373, 910, 358],
    [3372, 3518, 6890, 841, 4499, 1550, 391],
    [3514, 3625, 7139, 972, 4666, 1501, 503],
    [1596, 1664, 3260, 362, 1995, 903, 193],
    [976, 964, 1940, 254, 1265, 421, 132],
    [519, 502, 1021, 88, 622, 311, 100],
  ];
  const parts: PopulationFacts[] = comuni.map(([males, females, total, age0to14, age15to64, age65plus, foreigners]) => ({
    year: 2024,
    total,
    males,
    females,
    age0to14,
    age15to64,
    age65plus,
    foreigners,
  }));
  const { facts, incomplete } = aggregateFacts(2024, parts);
  assert.equal(facts.total, 54_346);
  assert.equal(facts.males, 26_809);
  assert.equal(facts.females, 27_537);
  assert.equal(facts.foreigners, 3_482);
  assert.equal(facts.age0to14, null);
  assert.deepEqual(
    incomplete.find((i) => i.field === 'age65plus'),
    { field: 'age65plus', label: 'popolazione di 65 anni e più', lacking: 1 },
  );
  // The 11 consistent comuni alone: the printed Ambito bands minus Monte Isola's printed bands.
  const eleven = aggregateFacts(
    2024,
    parts.filter((p) => p.total !== 1621),
  ).facts;
  assert.deepEqual([eleven.age0to14, eleven.age15to64, eleven.age65plus], [6847 - 151, 35_004 - 1006, 12_504 - 473]);
  assert.throws(() => aggregateFacts(2023, parts), /anni diversi/);
  assert.throws(() => aggregateFacts(2024, []), /Non ci sono territori/);
});
