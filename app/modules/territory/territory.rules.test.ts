import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headlinePopulation, isInForce, populationShare, populationTotal, sameYearTotal } from './territory.rules.ts';

// The 9 comuni of the Ambito di Gallarate at the 2011 census (ISTAT).
const gallarate2011 = [50456, 5292, 7830, 21386, 5713, 5084, 4295, 16168, 4274].map((population) => ({ population }));

test('the Ambito population is the sum of its comuni: Gallarate 2011 = 120.498', () => {
  assert.deepEqual(populationTotal(gallarate2011), { total: 120_498, missing: 0 });
});

test('a comune without a figure is counted as missing, not as zero', () => {
  assert.deepEqual(populationTotal([{ population: 10 }, { population: null }]), { total: 10, missing: 1 });
});

test('share of the Ambito population: Gallarate 50.456 of 120.498 is 41,9 %', () => {
  assert.equal(populationShare(50_456, 120_498), 41.9);
  assert.equal(populationShare(1, 0), null);
});

test('membership validity is inclusive at both ends and open when validTo is null', () => {
  const m = { validFrom: '2020-01-01', validTo: '2024-12-31' };
  assert.equal(isInForce(m, '2019-12-31'), false);
  assert.equal(isInForce(m, '2020-01-01'), true);
  assert.equal(isInForce(m, '2024-12-31'), true);
  assert.equal(isInForce(m, '2025-01-01'), false);
  assert.equal(isInForce({ validFrom: '2020-01-01', validTo: null }, '2099-01-01'), true);
});

const nine = gallarate2011.map((c, i) => ({ id: `c${i}`, population: c.population }));
const series = [
  { year: 2022, total: 122_675, referenceDate: '2022-12-31', source: 'PdZ 2025-2027, Tabella 2.1' },
  { year: 2023, total: 122_855, referenceDate: '2023-12-31', source: 'PdZ 2025-2027, Tabella 2.1' },
];

test('the headline population is the Ambito’s own latest figure (122.855 at 31/12/2023), not the 2011 census sum', () => {
  const h = headlinePopulation({ ambitoSeries: series, comuni: nine, comuniFacts: [], day: '2026-12-04' });
  assert.deepEqual(h, {
    level: 'ambito',
    total: 122_855,
    year: 2023,
    referenceDate: '2023-12-31',
    source: 'PdZ 2025-2027, Tabella 2.1',
    covered: 9,
    of: 9,
    partial: null,
  });
  // On a day before 31/12/2023 the figure of that date is not yet recorded.
  assert.equal(headlinePopulation({ ambitoSeries: series, comuni: nine, comuniFacts: [], day: '2023-06-30' }).total, 122_675);
});

test('without an Ambito series: the sum of the comuni only for a year every comune has, else the census with the coverage', () => {
  const fact = (i: number, year: number, total: number) => ({ comuneId: `c${i}`, year, total, referenceDate: `${year}-01-01`, source: 'ISTAT' });
  const all2024 = nine.map((_, i) => fact(i, 2024, 1000 + i));
  const complete = headlinePopulation({ ambitoSeries: [], comuni: nine, comuniFacts: all2024, day: '2026-01-01' });
  assert.equal(complete.level, 'comuni');
  assert.equal(complete.total, 9036);
  assert.equal(complete.year, 2024);
  assert.equal(complete.partial, null);
  // 2025 for 3 comuni of 9 only: not summed, the complete 2024 stays, and the coverage of 2025 is said.
  const some2025 = [...all2024, fact(0, 2025, 1), fact(1, 2025, 1), fact(2, 2025, 1)];
  assert.deepEqual(headlinePopulation({ ambitoSeries: [], comuni: nine, comuniFacts: some2025, day: '2026-01-01' }).partial, { year: 2025, covered: 3, of: 9 });
  // Only 3 comuni ever have a yearly figure: the census, and the coverage of the newer year.
  const census = headlinePopulation({ ambitoSeries: [], comuni: nine, comuniFacts: [fact(0, 2024, 1), fact(1, 2024, 1), fact(2, 2024, 1)], day: '2026-01-01' });
  assert.equal(census.level, 'census');
  assert.equal(census.total, 120_498);
  assert.equal(census.year, 2011);
  assert.deepEqual(census.partial, { year: 2024, covered: 3, of: 9 });
  const missing = headlinePopulation({ ambitoSeries: [], comuni: [...nine, { id: 'x', population: null }], comuniFacts: [], day: '2026-01-01' });
  assert.deepEqual([missing.total, missing.covered, missing.of], [120_498, 9, 10]);
});

test('comuni figures of different years are not summed', () => {
  assert.deepEqual(
    sameYearTotal([
      { population: 10, year: 2024 },
      { population: 5, year: 2024 },
    ]),
    { total: 15, year: 2024 },
  );
  assert.deepEqual(
    sameYearTotal([
      { population: 10, year: 2024 },
      { population: 5, year: 2011 },
      { population: 6, year: 2011 },
    ]),
    {
      total: null,
      years: [
        { year: 2024, count: 1 },
        { year: 2011, count: 2 },
      ],
    },
  );
});
