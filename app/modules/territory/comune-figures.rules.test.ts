import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  centsPerInhabitant,
  changeFrom,
  comuneFiguresByYear,
  groupSources,
  percentOf,
  usersByYearAndArea,
  yearsWithFigures,
  type FiguresInput,
  type YearCoverage,
} from './comune-figures.rules.ts';

// Three comuni of a test Ambito; A is the comune of the page.
const A = { istatCode: '000001', name: 'Alfa' };
const B = { istatCode: '000002', name: 'Beta' };
const C = { istatCode: '000003', name: 'Gamma' };
const MEMBERS = [A, B, C];

const coverage = (year: number, basis: 'ambito' | 'comuni', withData: { istatCode: string; name: string }[]): YearCoverage => ({
  year,
  basis,
  members: MEMBERS,
  withData: basis === 'ambito' ? [] : withData,
  complete: basis === 'ambito' || withData.length === MEMBERS.length,
});

const base: FiguresInput = {
  comune: { istatCode: A.istatCode },
  comuneSpending: [],
  comuneUsers: [],
  ambitoSpending: [],
  ambitoUsers: [],
  spendingCoverage: [],
  usersCoverage: [],
  population: { ambito: [], comuni: [] },
  staff: [],
};

test('small formulas: per inhabitant rounds to the cent, shares and changes say null on a zero base', () => {
  // Gallarate 2022: 19.834.861 € (PdZ 2025-2027, Tabella 2.4) over 122.675 inhabitants (Tabella 2.1) = 161,69 €.
  assert.equal(centsPerInhabitant(1_983_486_100, 122_675), 16_169);
  assert.equal(centsPerInhabitant(100, null), null);
  assert.equal(centsPerInhabitant(100, 0), null);
  assert.equal(percentOf(25, 200), 12.5);
  assert.equal(percentOf(1, 0), null);
  assert.deepEqual(changeFrom(200, 250), { difference: 50, percent: 25 });
  assert.deepEqual(changeFrom(0, 250), { difference: 250, percent: null });
});

test('a year with the Ambito’s own rows only: the Ambito’s figure and per inhabitant, the comune’s n.d. with the reason', () => {
  const [y] = comuneFiguresByYear({
    ...base,
    ambitoSpending: [
      { year: 2022, istatCode: null, amountCents: 1_000_000_000 },
      { year: 2022, istatCode: null, amountCents: 983_486_100 },
    ],
    spendingCoverage: [coverage(2022, 'ambito', [])],
    population: { ambito: [{ year: 2022, total: 122_675 }], comuni: [] },
  });
  assert.equal(y!.year, 2022);
  assert.deepEqual(y!.spending.ambito, { value: 1_983_486_100, reason: null, basis: 'ambito', withData: 0, members: 3, partial: false });
  assert.deepEqual(y!.spending.ambitoPerInhabitant, { value: 16_169, reason: null, partial: false });
  assert.deepEqual(y!.spending.comune, { value: null, reason: 'noComuneSpending' });
  assert.deepEqual(y!.spending.comunePerInhabitant, { value: null, reason: 'noComuneSpending' });
  assert.deepEqual(y!.spending.share, { value: null, reason: 'noComuneSpending' });
  assert.equal(y!.spending.ambitoChange.reason, 'noPreviousYear');
  assert.deepEqual(y!.staff.comune, { value: null, reason: 'noStaff', posts: 0 });
  assert.deepEqual(y!.population.comune, { value: null, reason: 'noComunePopulation' });
});

test('a partial sum of comuni: labelled "2 of 3", per inhabitant on the comuni with data, no share, no change', () => {
  const input: FiguresInput = {
    ...base,
    comuneSpending: [
      { year: 2023, amountCents: 60_000 },
      { year: 2023, amountCents: 40_000 },
    ],
    ambitoSpending: [
      { year: 2023, istatCode: A.istatCode, amountCents: 100_000 },
      { year: 2023, istatCode: B.istatCode, amountCents: 300_000 },
      // A former member's rows, or another dataset, are not part of the sum.
      { year: 2023, istatCode: '999999', amountCents: 5_000_000 },
    ],
    spendingCoverage: [coverage(2023, 'comuni', [A, B])],
    population: {
      ambito: [],
      comuni: [
        { year: 2023, istatCode: A.istatCode, total: 1_000 },
        { year: 2023, istatCode: B.istatCode, total: 3_000 },
      ],
    },
  };
  const [y] = comuneFiguresByYear(input);
  assert.deepEqual(y!.spending.comune, { value: 100_000, reason: null });
  assert.deepEqual(y!.spending.comunePerInhabitant, { value: 100, reason: null });
  assert.deepEqual(y!.spending.ambito, { value: 400_000, reason: null, basis: 'comuni', withData: 2, members: 3, partial: true });
  assert.deepEqual(y!.spending.ambitoPerInhabitant, { value: 100, reason: null, partial: true });
  assert.deepEqual(y!.spending.share, { value: null, reason: 'partialAmbito' });
  assert.equal(y!.spending.ambitoChange.reason, 'partialAmbito');
  assert.deepEqual(y!.population.ambito, { value: null, reason: 'noAmbitoPopulation' });

  // Without the population of a comune with data, the partial per-inhabitant figure is not computed.
  const [z] = comuneFiguresByYear({ ...input, population: { ambito: [], comuni: [{ year: 2023, istatCode: A.istatCode, total: 1_000 }] } });
  assert.deepEqual(z!.spending.ambitoPerInhabitant, { value: null, reason: 'noPartialPopulation', partial: true });
});

test('complete sums over two years: share of the Ambito, changes year over year, social workers at 31/12', () => {
  const rows = (year: number, a: number, b: number, c: number) => [
    { year, istatCode: A.istatCode, amountCents: a },
    { year, istatCode: B.istatCode, amountCents: b },
    { year, istatCode: C.istatCode, amountCents: c },
  ];
  const years = comuneFiguresByYear({
    ...base,
    comuneSpending: [
      { year: 2023, amountCents: 100_000 },
      { year: 2024, amountCents: 125_000 },
    ],
    ambitoSpending: [...rows(2023, 100_000, 200_000, 100_000), ...rows(2024, 125_000, 200_000, 175_000)],
    spendingCoverage: [coverage(2023, 'comuni', MEMBERS), coverage(2024, 'comuni', MEMBERS)],
    population: {
      ambito: [{ year: 2024, total: 5_000 }],
      comuni: [
        { year: 2023, istatCode: A.istatCode, total: 1_000 },
        { year: 2023, istatCode: B.istatCode, total: 2_000 },
        { year: 2023, istatCode: C.istatCode, total: 1_000 },
      ],
    },
    staff: [
      { year: 2023, comune: { posts: 0, fte: 0 }, ambito: { posts: 2, fte: 1.5 } },
      { year: 2024, comune: { posts: 1, fte: 0.5 }, ambito: { posts: 3, fte: 2 } },
    ],
  });
  assert.deepEqual(
    years.map((y) => y.year),
    [2023, 2024],
  );
  const [y23, y24] = years;
  assert.deepEqual(y23!.spending.share, { value: 25, reason: null });
  // 2023: no published Ambito total, the sum of the three comuni (4.000) is the population.
  assert.deepEqual(y23!.population.ambito, { value: 4_000, reason: null });
  assert.deepEqual(y23!.spending.ambitoPerInhabitant, { value: 100, reason: null, partial: false });
  assert.deepEqual(y23!.spending.comuneChange, { value: null, reason: 'noPreviousYear', differenceCents: null });
  assert.deepEqual(y23!.staff.comune, { value: null, reason: 'noComuneStaff', posts: 0 });
  assert.deepEqual(y23!.staff.ambito, { value: 1.5, reason: null, posts: 2 });
  // 2024: the Ambito's published total (5.000) comes first; the comune has no population of its own for 2024.
  assert.deepEqual(y24!.spending.ambitoPerInhabitant, { value: 100, reason: null, partial: false });
  assert.deepEqual(y24!.spending.comunePerInhabitant, { value: null, reason: 'noComunePopulation' });
  assert.deepEqual(y24!.spending.share, { value: 25, reason: null });
  assert.deepEqual(y24!.spending.comuneChange, { value: 25, reason: null, differenceCents: 25_000 });
  assert.deepEqual(y24!.spending.ambitoChange, { value: 25, reason: null, differenceCents: 100_000 });
  assert.deepEqual(y24!.staff.comune, { value: 0.5, reason: null, posts: 1 });
});

test('the years: any figure of the comune or the Ambito, social workers only when some are in service', () => {
  assert.deepEqual(
    yearsWithFigures({
      ...base,
      comuneUsers: [{ year: 2021, area: 'ANZIANI', users: 3 }],
      ambitoSpending: [{ year: 2022, istatCode: null, amountCents: 1 }],
      staff: [
        { year: 2019, comune: { posts: 0, fte: 0 }, ambito: { posts: 0, fte: 0 } },
        { year: 2024, comune: { posts: 0, fte: 0 }, ambito: { posts: 1, fte: 1 } },
      ],
    }),
    [2021, 2022, 2024],
  );
  assert.deepEqual(comuneFiguresByYear(base), []);
});

test('users per area: a blank count is "not recorded", never zero; a sum leaving one out is partial', () => {
  const rows = usersByYearAndArea(
    {
      comuneUsers: [
        { year: 2023, area: 'ANZIANI', users: 40 },
        { year: 2023, area: 'SERVIZIO_SOCIALE_PROFESSIONALE', users: null },
      ],
      ambitoUsers: [
        { year: 2023, istatCode: A.istatCode, area: 'ANZIANI', users: 40 },
        { year: 2023, istatCode: B.istatCode, area: 'ANZIANI', users: 100 },
        { year: 2023, istatCode: C.istatCode, area: 'ANZIANI', users: 60 },
        { year: 2023, istatCode: A.istatCode, area: 'SERVIZIO_SOCIALE_PROFESSIONALE', users: null },
        { year: 2023, istatCode: B.istatCode, area: 'SERVIZIO_SOCIALE_PROFESSIONALE', users: 7 },
        { year: 2022, istatCode: null, area: 'DISABILI', users: 1051 },
      ],
      usersCoverage: [coverage(2022, 'ambito', []), coverage(2023, 'comuni', MEMBERS)],
    },
    ['DISABILI', 'ANZIANI', 'SERVIZIO_SOCIALE_PROFESSIONALE'],
  );
  assert.deepEqual(
    rows.map((r) => `${r.year} ${r.area}`),
    ['2022 DISABILI', '2023 ANZIANI', '2023 SERVIZIO_SOCIALE_PROFESSIONALE'],
  );
  const [disabili, anziani, ssp] = rows;
  assert.deepEqual(disabili!.comune, { value: null, reason: 'noComuneUsers' });
  assert.equal(disabili!.ambito.value, 1051);
  assert.equal(disabili!.ambito.basis, 'ambito');
  assert.deepEqual(anziani!.comune, { value: 40, reason: null });
  assert.equal(anziani!.ambito.value, 200);
  assert.equal(anziani!.ambito.partial, false);
  assert.deepEqual(anziani!.share, { value: 20, reason: null });
  assert.deepEqual(ssp!.comune, { value: null, reason: 'usersNotRecorded' });
  assert.equal(ssp!.ambito.value, 7);
  assert.equal(ssp!.ambito.partial, true);
  assert.deepEqual(ssp!.share, { value: null, reason: 'usersNotRecorded' });
});

test('sources: grouped by figure, year and text, with the latest write; newest year first', () => {
  const lines = groupSources([
    { figure: 'comuneSpending', year: 2023, source: 'Richiesta dati 2023', updatedAt: new Date('2024-03-01T10:00:00Z') },
    { figure: 'comuneSpending', year: 2023, source: 'Richiesta dati 2023', updatedAt: new Date('2024-03-02T10:00:00Z') },
    { figure: 'ambitoSpending', year: 2022, source: 'spesa-2022.csv', updatedAt: '2023-01-01T00:00:00.000Z' },
    { figure: 'staff', year: null, source: 'modulo', updatedAt: '2024-01-01T00:00:00.000Z' },
  ]);
  assert.deepEqual(lines, [
    { figure: 'comuneSpending', year: 2023, source: 'Richiesta dati 2023', rows: 2, updatedAt: '2024-03-02T10:00:00.000Z' },
    { figure: 'ambitoSpending', year: 2022, source: 'spesa-2022.csv', rows: 1, updatedAt: '2023-01-01T00:00:00.000Z' },
    { figure: 'staff', year: null, source: 'modulo', rows: 1, updatedAt: '2024-01-01T00:00:00.000Z' },
  ]);
});
