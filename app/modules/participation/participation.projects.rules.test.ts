import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodYears, resourceTotals, SDG_GOALS, sdgName, yearOutsidePeriod } from './participation.projects.rules.ts';

test('the 17 Agenda 2030 goals, numbered 1 to 17, with their Italian names', () => {
  assert.deepEqual(
    SDG_GOALS.map((g) => g.goal),
    Array.from({ length: 17 }, (_, i) => i + 1),
  );
  assert.equal(sdgName(1), 'Sconfiggere la povertà');
  assert.equal(sdgName(17), 'Partnership per gli obiettivi');
  assert.equal(sdgName(18), null);
});

test('resource totals by project, source, year and project-year, in integer cents', () => {
  // The «Dopo di Noi» network of ATS 6 Fano: €583.537,00 (source not stated) and PNRR €714.989,31.
  const lines = [
    { projectId: 'dopo', fundingSource: 'Non indicata', year: null, amountCents: 58_353_700 },
    { projectId: 'dopo', fundingSource: 'PNRR', year: 2022, amountCents: 71_498_931 },
    { projectId: 'comunita', fundingSource: 'PON Inclusione REACT-EU', year: 2022, amountCents: 21_850_000 },
    { projectId: 'comunita', fundingSource: ' PON Inclusione REACT-EU', year: 2023, amountCents: 1 },
  ];
  const t = resourceTotals(lines);
  assert.equal(t.totalCents, 58_353_700 + 71_498_931 + 21_850_001);
  assert.deepEqual(t.byProject, [
    { projectId: 'dopo', cents: 129_852_631 },
    { projectId: 'comunita', cents: 21_850_001 },
  ]);
  assert.deepEqual(t.bySource, [
    { fundingSource: 'PNRR', cents: 71_498_931 },
    { fundingSource: 'Non indicata', cents: 58_353_700 },
    { fundingSource: 'PON Inclusione REACT-EU', cents: 21_850_001 },
  ]);
  assert.deepEqual(t.byYear, [
    { year: 2022, cents: 93_348_931 },
    { year: 2023, cents: 1 },
    { year: null, cents: 58_353_700 },
  ]);
  assert.equal(t.byProjectYear.length, 4);
  assert.equal(
    t.byProjectYear.reduce((s, c) => s + c.cents, 0),
    t.totalCents,
  );
  assert.deepEqual(resourceTotals([]), { totalCents: 0, byProject: [], bySource: [], byYear: [], byProjectYear: [] });
});

test('period years and a resource year outside the period', () => {
  assert.deepEqual(periodYears('2025-01-01', '2027-12-31'), [2025, 2026, 2027]);
  assert.deepEqual(periodYears(null, '2027-12-31'), []);
  assert.equal(yearOutsidePeriod(2028, '2025-01-01', '2027-12-31'), true);
  assert.equal(yearOutsidePeriod(2026, '2025-01-01', '2027-12-31'), false);
  assert.equal(yearOutsidePeriod(2030, null, null), false);
  assert.equal(yearOutsidePeriod(null, '2025-01-01', '2027-12-31'), false);
});
