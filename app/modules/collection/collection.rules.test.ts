import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  blockingIssues,
  checkIndicators,
  checkSpending,
  checkStaff,
  checkUsers,
  declaredFte,
  nextState,
  requestProgress,
  type CheckContext,
} from './collection.rules.ts';

const ctx: CheckContext = {
  year: 2024,
  areas: ['ANZIANI', 'DISABILI', 'MINORI_FAMIGLIA'],
  channels: ['COMUNI', 'FNPS', 'UTENZA'],
  employerKinds: ['comune', 'ente_terzo_settore'],
  contracts: ['tempo_indeterminato', 'tempo_determinato'],
  history: [
    { year: 2022, area: 'ANZIANI', spendingCents: 100_000_00, users: 40 },
    { year: 2023, area: 'ANZIANI', spendingCents: 120_000_00, users: 50 },
    // A later year never counts as history of 2024.
    { year: 2025, area: 'DISABILI', spendingCents: 1_00, users: 1 },
  ],
};

describe('spending checks', () => {
  test('a clean entry has no issue', () => {
    const issues = checkSpending(
      {
        rows: [
          { area: 'ANZIANI', channel: 'COMUNI', committedCents: 110_000_00, paidCents: 100_000_00 },
          { area: 'DISABILI', channel: 'FNPS', committedCents: 5_000_00, paidCents: null },
        ],
        controlTotalCents: 115_000_00,
      },
      ctx,
    );
    assert.deepEqual(issues, []);
  });

  test('paid above committed and a control total that does not match are errors naming the field', () => {
    const issues = checkSpending(
      { rows: [{ area: 'ANZIANI', channel: 'COMUNI', committedCents: 110_000_00, paidCents: 110_000_01 }], controlTotalCents: 100_000_00 },
      ctx,
    );
    const paid = issues.find((i) => i.id === 'spesa.paid.1')!;
    assert.equal(paid.level, 'error');
    assert.equal(paid.field, 'riga 1, liquidato');
    const total = issues.find((i) => i.id === 'spesa.controlTotal')!;
    assert.equal(total.level, 'error');
    assert.deepEqual(total.params, { sum: 110_000_00, total: 100_000_00, difference: 10_000_00 });
  });

  test('a value beyond one and a half times the highest of the previous years is a warning needing a reason', () => {
    const high = { rows: [{ area: 'ANZIANI', channel: 'COMUNI', committedCents: 180_000_01, paidCents: null }], controlTotalCents: null };
    const [w] = checkSpending(high, ctx);
    assert.equal(w!.level, 'warning');
    assert.equal(w!.id, 'spesa.range.ANZIANI');
    assert.deepEqual(
      { min: w!.params.min, max: w!.params.max, from: w!.params.from, to: w!.params.to },
      { min: 100_000_00, max: 120_000_00, from: 2022, to: 2023 },
    );
    assert.equal(blockingIssues([w!], {}).length, 1);
    assert.equal(blockingIssues([w!], { 'spesa.range.ANZIANI': '  ' }).length, 1, 'a blank reason is no reason');
    assert.equal(blockingIssues([w!], { 'spesa.range.ANZIANI': 'Nuovo centro diurno aperto a marzo' }).length, 0);
    // Exactly 1,5 × the highest is still in range; an area without history is never flagged.
    assert.deepEqual(
      checkSpending({ rows: [{ area: 'ANZIANI', channel: 'COMUNI', committedCents: 180_000_00, paidCents: null }], controlTotalCents: null }, ctx),
      [],
    );
    assert.deepEqual(
      checkSpending({ rows: [{ area: 'DISABILI', channel: 'COMUNI', committedCents: 999_999_00, paidCents: null }], controlTotalCents: null }, ctx),
      [],
    );
  });

  test('the range is checked on the area total across channels', () => {
    const rows = [
      { area: 'ANZIANI', channel: 'COMUNI', committedCents: 30_000_00, paidCents: null },
      { area: 'ANZIANI', channel: 'FNPS', committedCents: 30_000_00, paidCents: null },
    ];
    assert.deepEqual(checkSpending({ rows, controlTotalCents: null }, ctx), []);
    const [low] = checkSpending({ rows: rows.slice(0, 1).map((r) => ({ ...r, committedCents: 49_999_99 })), controlTotalCents: null }, ctx);
    assert.equal(low!.message, 'coll.check.spendLow');
  });

  test('unknown codes and repeated pairs are errors; errors cannot be excused with a reason', () => {
    const issues = checkSpending(
      {
        rows: [
          { area: 'ANZIANI', channel: 'COMUNI', committedCents: 110_000_00, paidCents: null },
          { area: 'ANZIANI', channel: 'COMUNI', committedCents: 1_00, paidCents: null },
          { area: 'VARIE', channel: 'BANCA', committedCents: 1_00, paidCents: null },
        ],
        controlTotalCents: null,
      },
      ctx,
    );
    assert.deepEqual(
      issues.map((i) => i.id),
      ['spesa.dup.2', 'spesa.area.3', 'spesa.channel.3'],
    );
    assert.equal(blockingIssues(issues, Object.fromEntries(issues.map((i) => [i.id, 'perché sì']))).length, 3);
  });
});

describe('users and staff checks', () => {
  test('users beyond the range of the previous years ask for a reason', () => {
    assert.deepEqual(checkUsers({ rows: [{ area: 'ANZIANI', users: 75 }] }, ctx), []);
    assert.equal(checkUsers({ rows: [{ area: 'ANZIANI', users: 76 }] }, ctx)[0]!.message, 'coll.check.usersHigh');
  });

  test('one person is at most one FTE: a row above 1 is refused as FTE above headcount', () => {
    const posts = [
      { code: 'AS-1', employerKind: 'comune', employerName: 'Comune di Samarate', contract: 'tempo_indeterminato', fte: 1, from: '2019-03-01', to: null },
      {
        code: 'AS-2',
        employerKind: 'comune',
        employerName: 'Comune di Samarate',
        contract: 'tempo_determinato',
        fte: 1.5,
        from: '2024-01-01',
        to: '2024-12-31',
      },
      { code: 'AS-1', employerKind: 'comune', employerName: 'Comune di Samarate', contract: 'tempo_indeterminato', fte: 0.5, from: '2024-01-01', to: null },
      { code: 'AS-4', employerKind: 'comune', employerName: 'Comune di Samarate', contract: 'tempo_indeterminato', fte: 0.5, from: '2025-01-01', to: null },
    ];
    const issues = checkStaff({ posts }, ctx);
    assert.deepEqual(
      issues.map((i) => [i.id, i.message]),
      [
        ['staff.fte.2', 'coll.check.fteAboveHeadcount'],
        ['staff.dup.3', 'coll.check.duplicateCode'],
        ['staff.year.4', 'coll.check.outsideYear'],
      ],
    );
    assert.equal(declaredFte({ posts: posts.slice(0, 1).concat({ ...posts[0]!, code: 'X', fte: 0.3333 }) }), 1.3333);
  });
});

describe('life of an entry and progress', () => {
  test('transitions', () => {
    assert.equal(nextState('da_compilare', 'save'), 'bozza');
    assert.equal(nextState('bozza', 'submit'), 'inviato');
    assert.equal(nextState('inviato', 'validate'), 'validato');
    assert.equal(nextState('inviato', 'return'), 'restituito');
    assert.equal(nextState('restituito', 'submit'), 'inviato');
    assert.equal(nextState('bozza', 'validate'), null, 'only a sent entry is validated');
    assert.equal(nextState('restituito', 'return'), null);
    for (const t of ['save', 'submit', 'validate', 'return'] as const) assert.equal(nextState('validato', t), null, `nothing after validation (${t})`);
  });

  test('«2 comuni su 9»: only recipients with every item validated count; late ones are listed after the deadline', () => {
    const recipients = Array.from({ length: 9 }, (_, i) => ({ comuneId: `c${i}`, states: {} as Record<string, string> }));
    recipients[0]!.states = { spesa: 'validato', assistenti_sociali: 'validato' };
    recipients[1]!.states = { spesa: 'validato', assistenti_sociali: 'validato' };
    recipients[2]!.states = { spesa: 'validato', assistenti_sociali: 'inviato' };
    recipients[3]!.states = { spesa: 'restituito', assistenti_sociali: 'bozza' };
    const items = ['spesa', 'assistenti_sociali'] as const;
    const p = requestProgress(items, recipients as never, '2025-02-28', '2025-02-28');
    assert.equal(p.validatedRecipients, 2);
    assert.equal(p.recipients, 9);
    assert.equal(p.byItem.spesa.validato, 3);
    assert.equal(p.byItem.spesa.da_compilare, 5);
    assert.equal(p.byItem.assistenti_sociali.inviato, 1);
    assert.deepEqual(p.overdue, [], 'not late on the deadline day');
    const late = requestProgress(items, recipients as never, '2025-02-28', '2025-03-01');
    assert.deepEqual(late.overdue, ['c3', 'c4', 'c5', 'c6', 'c7', 'c8'], 'sent or validated items are not late');
  });
});

describe('indicator values', () => {
  const withSlots: CheckContext = {
    ...ctx,
    indicatorSlots: [
      { indicatorId: 'i1', period: '2024-S1', kind: 'count', locked: true, label: 'D · 1.3' },
      { indicatorId: 'i1', period: '2024-S2', kind: 'count', locked: false, label: 'D · 1.3' },
    ],
    valueProblems: (_kind, raw) => (/^\d+$/.test(raw.value ?? '') ? [] : ['valore non valido']),
  };

  test('a value for a period not owed, twice, in a locked period or unreadable is an error naming indicator and period', () => {
    const issues = checkIndicators(
      {
        rows: [
          { indicatorId: 'i1', period: '2024-S1', value: '3' },
          { indicatorId: 'i1', period: '2024-S2', value: 'tre' },
          { indicatorId: 'i1', period: '2024-S2', value: '3' },
          { indicatorId: 'i9', period: '2024-S2', value: '3' },
        ],
      },
      withSlots,
    );
    assert.deepEqual(
      issues.map((i) => [i.field, i.message]),
      [
        ['D · 1.3, 2024-S1', 'coll.check.indicatorLocked'],
        ['D · 1.3, 2024-S2', 'coll.check.indicatorValue'],
        ['D · 1.3, 2024-S2', 'coll.check.indicatorTwice'],
        ['riga 4', 'coll.check.indicatorNotOwed'],
      ],
    );
    assert.deepEqual(checkIndicators({ rows: [{ indicatorId: 'i1', period: '2024-S2', value: '3' }] }, withSlots), []);
  });
});
