import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultYear,
  applyFilters,
  distribution,
  median,
  measureValue,
  parseFilters,
  parseSort,
  perInhabitantCents,
  sizeClassOf,
  sortRows,
  type WorkspaceRow,
} from './region.rules.ts';

const row = (over: Partial<WorkspaceRow>): WorkspaceRow =>
  ({
    ambitoId: over.ambitoCode ?? 'x',
    ambitoCode: 'x',
    ambitoName: 'X',
    regionCode: '03',
    regionName: 'Lombardia',
    provinceCode: '012',
    provinceName: 'Varese',
    provinces: ['Varese'],
    healthAuthority: null,
    healthTrust: null,
    comuni: 9,
    population: 100_000,
    populationYear: 2024,
    populationComuni: 9,
    sizeClass: 'da_50000_a_100000',
    planTitle: null,
    planStatus: null,
    planPeriod: null,
    adoptedOn: null,
    objectives: 0,
    actions: 0,
    indicators: 0,
    budgetCents: 0,
    budgetPerInhabitantCents: null,
    budgetScope: 'period',
    budgetByArea: {},
    budgetByFund: {},
    spendingCents: 0,
    spendingPerInhabitantCents: null,
    spendingByArea: {},
    spendingByChannel: {},
    coverageWithData: 0,
    coverageMembers: 9,
    coverageAmbitoRows: false,
    targets: null,
    onTrackShare: null,
    evaluation: null,
    closedPlanTitle: null,
    leps: { inhabitantsPerWorker: null, gapLepsFte: null } as WorkspaceRow['leps'],
    participation: { recorded: false } as WorkspaceRow['participation'],
    computedAt: '2026-12-06T00:00:00Z',
    stale: false,
    ...over,
  }) as WorkspaceRow;

test('per inhabitant: amount ÷ population, rounded to the cent; nothing without a population', () => {
  // Gallarate 2022: € 19.834.861,00 of spending over 122.855 inhabitants = € 161,45 per inhabitant.
  assert.equal(perInhabitantCents(1_983_486_100, 122_855), 16_145);
  assert.equal(perInhabitantCents(100, null), null);
  assert.equal(perInhabitantCents(100, 0), null);
});

test('size classes by population, limits included in the lower class', () => {
  assert.equal(sizeClassOf(50_000), 'fino_50000');
  assert.equal(sizeClassOf(50_001), 'da_50000_a_100000');
  assert.equal(sizeClassOf(100_000), 'da_50000_a_100000');
  assert.equal(sizeClassOf(122_855), 'oltre_100000');
  assert.equal(sizeClassOf(null), null);
});

test('median of the values present: middle one, or the mean of the two middle ones', () => {
  assert.equal(median([3, null, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([null]), null);
});

test('distribution: equal classes between min and max, the last one closed, missing values apart', () => {
  const d = distribution([0, 1, 2, 3, 4, null], 2);
  assert.deepEqual(
    d.classes.map((c) => [c.from, c.to, c.count]),
    [
      [0, 2, 2],
      [2, 4, 3],
    ],
  );
  assert.equal(d.missing, 1);
  assert.deepEqual(distribution([5, 5], 4).classes, [{ from: 5, to: 5, count: 2 }]);
});

test('sort by a measure: missing values last in both directions, ties by name', () => {
  const rows = [
    row({ ambitoCode: 'a', ambitoName: 'Alfa', spendingPerInhabitantCents: 100 }),
    row({ ambitoCode: 'b', ambitoName: 'Beta', spendingPerInhabitantCents: null }),
    row({ ambitoCode: 'c', ambitoName: 'Gamma', spendingPerInhabitantCents: 300 }),
    row({ ambitoCode: 'd', ambitoName: 'Delta', spendingPerInhabitantCents: 100 }),
  ];
  assert.deepEqual(
    sortRows(rows, 'spesa_per_abitante', 'asc').map((r) => r.ambitoCode),
    ['a', 'd', 'c', 'b'],
  );
  assert.deepEqual(
    sortRows(rows, 'spesa_per_abitante', 'desc').map((r) => r.ambitoCode),
    ['c', 'a', 'd', 'b'],
  );
  assert.deepEqual(parseSort('nonsense', 'disc'), { key: 'ambito', direction: 'desc' });
});

test('filters from the query string: unknown size ignored, province and health agency matched exactly', () => {
  const f = parseFilters(new URLSearchParams('provincia=012&ats=ATS%20Insubria&dimensione=enorme'));
  assert.deepEqual(f, { province: '012', healthAuthority: 'ATS Insubria', size: null, region: null });
  const rows = [
    row({ ambitoCode: 'a', healthAuthority: 'ATS Insubria' }),
    row({ ambitoCode: 'b', healthAuthority: 'ATS Montagna' }),
    row({ ambitoCode: 'c', provinceCode: '017', healthAuthority: 'ATS Insubria' }),
  ];
  assert.deepEqual(
    applyFilters(rows, f).map((r) => r.ambitoCode),
    ['a'],
  );
});

test('coverage as a share of the members, or whole when the Ambito keeps its own figures', () => {
  assert.equal(measureValue(row({ coverageWithData: 3, coverageMembers: 9 }), 'copertura'), 3 / 9);
  assert.equal(measureValue(row({ coverageAmbitoRows: true }), 'copertura'), 1);
});

test('default year: the latest with figures up to this year, else this year', () => {
  assert.equal(defaultYear([2024, 2026, 2025], 2026), 2026);
  assert.equal(defaultYear([2027, 2024], 2026), 2024);
  assert.equal(defaultYear([], 2026), 2026);
});
