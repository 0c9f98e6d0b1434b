import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { budgetStatus, historyOf, latestOf, paidOverCommitted, toBudgetLines, validateCarryOver, type CutOffRecord } from './budget-tracking.rules.ts';
import { rollUpBudget } from './finance.rules.ts';

// Gallarate 2025-2027, LEPS PUA card: FNA 40.000 € a year for the social worker of the PUA (L11846).
const PUA = { objectiveId: 'pua', actionId: null, fund: 'FNA' };
const planned = [2025, 2026, 2027].map((year) => ({ ...PUA, year, amountCents: 40_000_00 }));
// Objective 4 (PIS): Fondo Povertà quota servizi 240.000 € + povertà estrema 18.000 € for the whole period (L4788-L4789).
const pis = [
  { objectiveId: 'o4', actionId: null, fund: 'FONDO_POVERTA_QUOTA_SERVIZI', year: null, amountCents: 240_000_00 },
  { objectiveId: 'o4', actionId: null, fund: 'FONDO_POVERTA_ESTREMA', year: null, amountCents: 18_000_00 },
];

const rec = (
  measure: CutOffRecord['measure'],
  year: number | null,
  date: string,
  amountCents: number,
  sequence: number,
  reason: string | null = null,
): CutOffRecord => ({ ...PUA, year, measure, date, amountCents, reason, sequence });

describe('plan budget at cut-off dates', () => {
  test('the latest record is the current value; records of the same date keep their order of entry', () => {
    const records = [
      rec('committed', 2025, '2025-06-30', 30_000_00, 2),
      rec('committed', 2025, '2025-06-30', 28_000_00, 3, 'correzione_errore'),
      rec('committed', 2025, '2025-03-31', 10_000_00, 1),
    ];
    assert.deepEqual(
      historyOf(records, { ...PUA, year: 2025 }, 'committed').map((r) => r.amountCents),
      [10_000_00, 30_000_00, 28_000_00],
    );
    assert.equal(latestOf(records, { ...PUA, year: 2025 }, 'committed')!.amountCents, 28_000_00);
    assert.equal(latestOf(records, { ...PUA, year: 2026 }, 'committed'), null);
  });

  test('without records the budgeted amount is the plan’s; committed and paid stay unknown, not zero', () => {
    const rows = budgetStatus({ planned: [...planned, ...pis], cutOffs: [], carryOvers: [] });
    assert.equal(rows.length, 5);
    const y2025 = rows.find((r) => r.year === 2025)!;
    assert.deepEqual(
      [y2025.budgetedCents, y2025.budgetedSource, y2025.committedCents, y2025.paidCents, y2025.unspentCents],
      [40_000_00, 'plan', null, null, 40_000_00],
    );
    const roll = rollUpBudget(toBudgetLines(rows));
    assert.equal(roll.total.budgetedCents, 378_000_00);
    assert.equal(roll.byYear.triennio!.budgetedCents, 258_000_00);
    assert.equal(roll.total.linesWithoutCommitted, 5);
  });

  test('a budgeted record replaces the plan figure; carry-overs move the unspent part to the next year', () => {
    const rows = budgetStatus({
      planned,
      cutOffs: [
        rec('budgeted', 2025, '2025-02-28', 42_000_00, 1),
        rec('committed', 2025, '2025-12-31', 30_000_00, 2),
        rec('paid', 2025, '2025-12-31', 26_000_00, 3),
      ],
      carryOvers: [{ ...PUA, fromYear: 2025, toYear: 2026, amountCents: 12_000_00 }],
    });
    const y2025 = rows.find((r) => r.year === 2025)!;
    const y2026 = rows.find((r) => r.year === 2026)!;
    assert.deepEqual([y2025.budgetedCents, y2025.budgetedSource, y2025.availableCents, y2025.unspentCents], [42_000_00, 'cut_off', 30_000_00, 0]);
    assert.deepEqual([y2026.carriedInCents, y2026.availableCents], [12_000_00, 52_000_00]);
    assert.equal(rollUpBudget(toBudgetLines(rows)).total.budgetedCents, 122_000_00);
  });

  test('a carry-over goes to the following year of the plan and never exceeds what is neither committed nor paid', () => {
    const status = budgetStatus({
      planned,
      cutOffs: [rec('committed', 2025, '2025-12-31', 30_000_00, 1), rec('paid', 2025, '2025-12-31', 32_000_00, 2)],
      carryOvers: [],
    }).find((r) => r.year === 2025)!;
    assert.equal(status.unspentCents, 8_000_00, 'the larger of committed and paid is what was used');
    const period = { fromYear: 2025, toYear: 2027 };
    assert.deepEqual(validateCarryOver({ fromYear: 2025, amountCents: 8_000_00, status, planPeriod: period }), { ok: true, toYear: 2026 });
    const over = validateCarryOver({ fromYear: 2025, amountCents: 8_000_01, status, planPeriod: period });
    assert.equal(over.ok, false);
    assert.match(!over.ok ? over.issues[0]!.message : '', /al massimo 8\.000,00 €/);
    assert.equal(validateCarryOver({ fromYear: 2027, amountCents: 1_00, status, planPeriod: period }).ok, false);
    assert.equal(validateCarryOver({ fromYear: null, amountCents: 1_00, status, planPeriod: period }).ok, false);
    assert.equal(validateCarryOver({ fromYear: 2025, amountCents: 0, status, planPeriod: period }).ok, false);
  });

  test('paid above committed is accepted but explained on its line, with the excess in euro', () => {
    // PUA 2025: 30.000 € committed, then 32.500 € paid (legal to record: the commitment may be late).
    const rows = budgetStatus({
      planned,
      cutOffs: [rec('committed', 2025, '2025-06-30', 30_000_00, 1), rec('paid', 2025, '2025-09-30', 32_500_00, 2)],
      carryOvers: [],
    });
    const y2025 = rows.find((r) => r.year === 2025)!;
    assert.equal(y2025.paidOverCommitted!.excessCents, 2_500_00);
    assert.equal(
      y2025.paidOverCommitted!.message,
      'liquidato superiore all’impegnato di 2.500,00 € (liquidati 32.500,00 €, impegnati 30.000,00 €): registrare l’impegno mancante o verificare gli importi',
    );
    assert.equal(rows.find((r) => r.year === 2026)!.paidOverCommitted, null);
    assert.equal(paidOverCommitted({ committedCents: 30_000_00, paidCents: 30_000_00 }), null, 'paid equal to committed is fine');
    assert.equal(paidOverCommitted({ committedCents: null, paidCents: null }), null);
    assert.match(
      paidOverCommitted({ committedCents: null, paidCents: 1_000_00 })!.message,
      /^liquidato superiore all’impegnato di 1\.000,00 € \(liquidati 1\.000,00 €, nessun impegnato registrato\)/,
    );
  });
});
