import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ambitoSeries,
  cardResponsible,
  checkPeriodFor,
  describeValue,
  dueMeasurements,
  NO_RESPONSIBLE,
  periodChoices,
  periodState,
  evaluateIndicatorTargets as evaluateIndicatorFacts,
  granularityOf,
  lastClosedPeriod,
  periodContaining,
  periodEnd,
  periodName,
  periodWithin,
  readValue,
  summaryStatus,
  yearlyRuleOf,
} from './monitoring.rules.ts';
import { yearFigure, type Measurement, type MeasurementValue } from './targets.rules.ts';
import { reasonIt, targetIt } from './monitoring.test-support.ts';

// The rules give a reason as facts; these tests read it as the Italian page writes it.
const evaluateIndicatorTargets = (...args: Parameters<typeof evaluateIndicatorFacts>) =>
  evaluateIndicatorFacts(...args).map((e) => ({ ...e, reason: reasonIt(e.reason) }));

const PLAN = { planStartYear: 2025, planEndYear: 2027 };
/** The two semesters of a year. */
const halves = (year: number, s1: MeasurementValue, s2: MeasurementValue) => [
  { period: `${year}-S1`, value: s1 },
  { period: `${year}-S2`, value: s2 },
];
/** Status and reason of each target of an indicator, judged on 26 November 2026 (or `today`). */
const judged = (indicator: Parameters<typeof evaluateIndicatorTargets>[0], measurements: Measurement[], today = '2026-11-26') =>
  evaluateIndicatorTargets(indicator, measurements, { today, ...PLAN }).map((e) => [e.status, e.reason]);
const none = { valueNumber: null, valueBoolean: null, valueText: null, numerator: null, denominator: null };

describe('periods', () => {
  test('the periodicity of an indicator decides its period: semester by default, year for annual, quarter for quarterly', () => {
    assert.equal(granularityOf(null), 'semester');
    assert.equal(granularityOf('semiannual'), 'semester');
    assert.equal(granularityOf('annual'), 'year');
    assert.equal(granularityOf('triennial'), 'year');
    assert.equal(granularityOf('quarterly'), 'quarter');
    assert.equal(granularityOf('monthly'), 'quarter');
  });

  test('the last closed period is the one whose figures are due', () => {
    assert.equal(lastClosedPeriod('2026-11-26', 'semester'), '2026-S1');
    assert.equal(lastClosedPeriod('2026-03-01', 'semester'), '2025-S2');
    assert.equal(lastClosedPeriod('2026-11-26', 'year'), '2025');
    assert.equal(lastClosedPeriod('2026-11-26', 'quarter'), '2026-Q3');
    assert.equal(periodContaining('2026-07-01', 'semester'), '2026-S2');
    assert.equal(periodEnd('2024-S1'), '2024-06-30');
    assert.equal(periodEnd('2024-Q1'), '2024-03-31');
  });

  test('a lock on a year covers its semesters and quarters; a semester covers its quarters but not the year', () => {
    assert.ok(periodWithin('2026-S1', '2026'));
    assert.ok(periodWithin('2026-Q2', '2026-S1'));
    assert.ok(!periodWithin('2026-Q3', '2026-S1'));
    assert.ok(!periodWithin('2026', '2026-S1'));
    assert.ok(periodWithin('2026-S1', '2026-S1'));
    assert.ok(!periodWithin('2025-S1', '2026'));
  });

  test('a period of the wrong rhythm or outside the plan is refused with an example', () => {
    const plan = { periodStartYear: 2025, periodEndYear: 2027 };
    assert.equal(checkPeriodFor('2026-S1', 'semester', plan), null);
    assert.equal(checkPeriodFor('2024', 'year', plan), null, 'the year before the plan is allowed, for the baseline');
    assert.equal(
      checkPeriodFor('2026', 'semester', plan),
      'l’indicatore si misura con cadenza semestrale: scegli uno dei suoi periodi, come 2026-S1, non «2026»',
    );
    assert.equal(checkPeriodFor('2026-S3', 'semester', plan), 'periodo non valido: «2026-S3» (es. 2026-S1)');
    assert.match(checkPeriodFor('2028-S1', 'semester', plan)!, /^periodo 2028-S1 fuori dal piano \(2025-2027/);
    assert.equal(periodName('2026-S2'), '2° semestre 2026');
  });
});

describe('values', () => {
  test('Italian numbers are read with thousands dots and decimal commas; a negative or unreadable one is refused', () => {
    const n = (value: string) => readValue('count', { value }, (f) => f);
    assert.equal(n('1.234,5').value.valueNumber, 1234.5);
    assert.equal(n('12').value.valueNumber, 12);
    assert.equal(n('0,75').value.valueNumber, 0.75);
    assert.equal(n('12.5').value.valueNumber, 12.5);
    assert.deepEqual(n('').issues, [{ path: 'value', message: 'valore mancante' }]);
    assert.equal(n('12a').issues[0]!.message, 'numero non valido: «12a» (scrivi ad esempio 12 o 1.234,5)');
    assert.equal(n('-5').issues.length, 1);
  });

  test('a stored value is described for the pages, unformatted', () => {
    const stored = { valueNumber: null, valueBoolean: null, valueText: null, numerator: null, denominator: null };
    assert.deepEqual(describeValue('ratio', { ...stored, numerator: 12, denominator: 25 }), { type: 'ratio', numerator: 12, denominator: 25, percent: 48 });
    assert.deepEqual(describeValue('ratio', { ...stored, numerator: 0, denominator: 0 }), { type: 'ratio', numerator: 0, denominator: 0, percent: null });
    assert.deepEqual(describeValue('boolean', { ...stored, valueBoolean: false }), { type: 'boolean', value: false });
    assert.deepEqual(describeValue('category', { ...stored, valueText: 'protocollo attivato' }), { type: 'text', value: 'protocollo attivato' });
    assert.deepEqual(describeValue('count', { ...stored, valueNumber: 1234.5 }), { type: 'number', value: 1234.5 });
    assert.deepEqual(describeValue('count', stored), { type: 'none' });
  });

  test('a value is read for the kind of its indicator, with the field of every problem', () => {
    const at = (f: string) => `colonna ${f}`;
    assert.deepEqual(readValue('boolean', { value: 'Sì' }, at).value.valueBoolean, true);
    assert.deepEqual(readValue('category', { value: 'protocollo attivato' }, at).value.valueText, 'protocollo attivato');
    assert.deepEqual(readValue('ratio', { numerator: '12', denominator: '25' }, at).value, { ...none, numerator: 12, denominator: 25 });
    assert.deepEqual(readValue('ratio', { numerator: '30', denominator: '25' }, at).issues, [
      { path: 'colonna numerator', message: 'il numeratore (30) supera il denominatore (25)' },
    ]);
    assert.deepEqual(readValue('count', { value: 'forse' }, at).issues, [
      { path: 'colonna value', message: 'numero non valido: «forse» (scrivi ad esempio 12 o 1.234,5)' },
    ]);
    assert.deepEqual(readValue('boolean', { value: 'boh' }, at).issues, [{ path: 'colonna value', message: 'risposta non valida: «boh» (scrivi sì o no)' }]);
    assert.deepEqual(readValue('count', { value: '3', numerator: '1' }, at).issues, [
      { path: 'colonna numerator', message: 'numeratore e denominatore valgono solo per gli indicatori di tipo rapporto' },
    ]);
  });

  test('the Ambito series is the Ambito row, or the sum of the comuni for counts and ratios', () => {
    const rows = [
      { ...none, period: '2026-S1', comuneId: 'a', valueNumber: 2 },
      { ...none, period: '2026-S1', comuneId: 'b', valueNumber: 3 },
      { ...none, period: '2026-S2', comuneId: null, valueNumber: 7 },
      { ...none, period: '2026-S2', comuneId: 'a', valueNumber: 1 },
    ];
    assert.deepEqual(ambitoSeries('count', rows), {
      measurements: [
        { period: '2026-S1', value: 5 },
        { period: '2026-S2', value: 7 },
      ],
      summedPeriods: ['2026-S1'],
    });
    const ratios = [
      { ...none, period: '2026-S1', comuneId: 'a', numerator: 3, denominator: 4 },
      { ...none, period: '2026-S1', comuneId: 'b', numerator: 1, denominator: 6 },
    ];
    assert.deepEqual(ambitoSeries('ratio', ratios).measurements, [{ period: '2026-S1', value: { numerator: 4, denominator: 10 } }]);
    assert.deepEqual(
      ambitoSeries('boolean', [{ ...none, period: '2026-S1', comuneId: 'a', valueBoolean: true }]).measurements,
      [],
      'yes/no answers of comuni are not summed',
    );
  });
});

describe('targets of an indicator', () => {
  // Seed 002, LEPS PUA card (§7.1.1): "N. valutazioni con l’Assistente sociale … 2025: 50% · 2026: 75% · 2027: 100%".
  const pua = {
    kind: 'ratio',
    targets: [
      { year: 2025, rule: { type: 'gte_percent' as const, value: 50 }, text: '50%' },
      { year: 2026, rule: { type: 'gte_percent' as const, value: 75 }, text: '75%' },
      { year: 2027, rule: { type: 'gte_percent' as const, value: 100 }, text: '100%' },
    ],
  };

  test('the yearly targets of a LEPS card get a status and a reason in words', () => {
    const r = evaluateIndicatorTargets(
      pua,
      [
        { period: '2025-S1', value: { numerator: 12, denominator: 25 } },
        { period: '2025-S2', value: { numerator: 12, denominator: 25 } },
        { period: '2026-S1', value: { numerator: 20, denominator: 25 } },
      ],
      { today: '2026-11-26', ...PLAN },
    );
    assert.deepEqual(
      r.map((e) => [targetIt(e), e.status, e.reason]),
      [
        ['2025: ≥ 50 %', 'non_raggiunto', '2025: 48 % < 50 % → non raggiunto'],
        ['2026: ≥ 75 %', 'in_corso', '2026: periodo in corso (dato del 1° semestre: 80 %)'],
        ['2027: ≥ 100 %', 'in_corso', '2027: periodo non ancora iniziato'],
      ],
    );
    assert.equal(summaryStatus(r.map((e) => e.status)), 'non_raggiunto');
  });

  // Seed 002, objective N: "almeno 3 iniziative nel triennio" besides "almeno 1 all’anno".
  test('a count threshold for the whole plan is judged on the sum of its years', () => {
    const n = { kind: 'count', targets: [{ year: null, rule: { type: 'gte' as const, value: 3 }, text: 'almeno 3 nel triennio' }] };
    const two = [
      { period: '2025-S1', value: 1 },
      { period: '2026-S1', value: 1 },
    ];
    assert.deepEqual(judged(n, two), [['in_corso', '2025-2027: periodo in corso, somma finora 2 < 3']]);
    const three = [...two, { period: '2026-S2', value: 1 }];
    assert.deepEqual(judged(n, three, '2026-12-31'), [['raggiunto', '2025-2027: somma 3 = 3 → raggiunto']]);
    assert.deepEqual(
      evaluateIndicatorTargets(n, two, { today: '2028-01-10', ...PLAN }).map((e) => e.status),
      ['dati_mancanti'],
    );
    // With no data yet, the reason is also given as facts (the page says it in the reader's language).
    const none = evaluateIndicatorTargets(n, [], { today: '2026-11-26', ...PLAN })[0]!;
    assert.equal(none.reason, '2025-2027: periodo in corso (nessun dato ancora)');
    assert.deepEqual(evaluateIndicatorFacts(n, [], { today: '2026-11-26', ...PLAN })[0]!.reason, { kind: 'noDataYet', period: '2025-2027' });
    const ratio = { kind: 'ratio', targets: [{ year: null, rule: { type: 'gte' as const, value: 50 }, text: 'almeno 50 %' }] };
    const later = evaluateIndicatorTargets(ratio, [], { today: '2026-11-26', ...PLAN })[0]!;
    assert.equal(later.reason, 'entro il 2027, 2027: periodo non ancora iniziato');
    assert.deepEqual(evaluateIndicatorFacts(ratio, [], { today: '2026-11-26', ...PLAN })[0]!.reason, { kind: 'notStarted', period: '2027', byEnd: 2027 });
  });

  test('a yes/no target without a year is reached as soon as the answer is yes', () => {
    const report = { kind: 'boolean', targets: [{ year: null, rule: { type: 'eq_yes' as const }, text: 'Report (sì/no)' }] };
    assert.deepEqual(judged(report, halves(2025, false, true)), [['raggiunto', 'entro il 2027, 2025: sì → raggiunto']]);
    assert.deepEqual(judged(report, halves(2025, false, false)), [['in_corso', 'entro il 2027, ultimo dato 2025: no → non raggiunto']]);
  });

  test('the baseline of a yes/no indicator is recorded, not judged', () => {
    const t0 = { kind: 'boolean', targets: [{ year: 2025, rule: { type: 'baseline' as const }, text: 'T0' }] };
    assert.deepEqual(judged(t0, halves(2025, true, false)), [['baseline', '2025: valore di partenza (T0) = no']]);
  });
});

describe('overdue and to be collected (now injected)', () => {
  const plan = { periodStartYear: 2025, periodEndYear: 2027 };
  const ind = (id: string, periodicity: string | null, objectiveCode = 'A', responsible: string | null = null) => ({
    indicatorId: id,
    objectiveCode,
    objectiveTitle: `Obiettivo ${objectiveCode}`,
    code: `${id}.1`,
    label: `indicatore ${id}`,
    periodicity,
    responsible,
  });

  test('a period is closed only once its last day has passed', () => {
    assert.equal(periodState('2025-S1', '2025-06-30'), 'open');
    assert.equal(periodState('2025-S1', '2025-07-01'), 'closed');
    assert.equal(periodState('2025-S2', '2025-07-01'), 'open');
    assert.equal(periodState('2026', '2025-07-01'), 'future');
  });

  test('on the first day of the plan nothing is overdue: the first semester is «da rilevare»', () => {
    // Regression: the monitoring page listed every indicator as overdue, "responsabile non indicato", on day one.
    const due = dueMeasurements([ind('1', 'semiannual'), ind('2', 'annual'), ind('3', null)], new Set(), plan, '2025-01-02');
    assert.equal(due.total, 0);
    assert.deepEqual(due.groups, []);
    assert.deepEqual(due.toCollect.periods, ['2025', '2025-S1']);
    assert.equal(due.toCollect.total, 3);
  });

  test('after a period closes, only the values of closed periods without a value are overdue, every closed period counted', () => {
    const measured = new Set(['1|2025-S1']);
    const due = dueMeasurements(
      [ind('1', 'semiannual', 'A', 'Mario Rossi'), ind('2', 'annual', 'B'), ind('3', 'quarterly', 'B', ' ')],
      measured,
      plan,
      '2026-02-10',
    );
    // 1: 2025-S2 (2025-S1 measured); 2: 2025; 3: 2025-Q1…Q4.
    assert.equal(due.total, 6);
    assert.equal(due.indicators, 3);
    assert.deepEqual(due.periods, ['2025', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2025-S2']);
    assert.deepEqual(
      due.groups.map((g) => [g.responsible, g.named, g.items.length]),
      [
        ['Mario Rossi', true, 1],
        [NO_RESPONSIBLE, false, 5],
      ],
    );
    assert.deepEqual(
      due.byObjective.map((g) => [g.objectiveCode, g.responsible, g.items.map((i) => `${i.code} ${i.period}`)]),
      [
        ['A', 'Mario Rossi', ['1.1 2025-S2']],
        ['B', NO_RESPONSIBLE, ['2.1 2025', '3.1 2025-Q1', '3.1 2025-Q2', '3.1 2025-Q3', '3.1 2025-Q4']],
      ],
    );
    assert.deepEqual(due.toCollect.periods, ['2026', '2026-Q1', '2026-S1']);
  });

  test('the responsible recorded in the objective card is used when the action names none', () => {
    assert.equal(cardResponsible({ titolo_intervento: 'x', responsabile: 'Ufficio di Piano – dott.ssa Bianchi' }), 'Ufficio di Piano – dott.ssa Bianchi');
    assert.equal(cardResponsible({ referente: { answer: true, text: 'Servizio sociale di Cardano' } }), 'Servizio sociale di Cardano');
    assert.equal(cardResponsible({ risorse_personale: 'EE.PP. – PRIVATI - ETS' }), null);
    assert.equal(cardResponsible({}), null);
  });
});

describe('the periods a value can be entered for (the select of the entry form)', () => {
  const plan = { periodStartYear: 2025, periodEndYear: 2027 };
  test('built from the indicator’s frequency and the plan’s years, up to the period under way', () => {
    assert.deepEqual(
      periodChoices('semiannual', plan, '2025-09-15').map((c) => c.label),
      [
        '1° semestre 2024 (valore di partenza, prima del piano)',
        '2° semestre 2024 (valore di partenza, prima del piano)',
        '1° semestre 2025 (chiuso)',
        '2° semestre 2025 (in corso)',
      ],
    );
    assert.deepEqual(
      periodChoices('annual', plan, '2026-01-01').map((c) => c.key),
      ['2024', '2025', '2026'],
    );
    assert.deepEqual(
      periodChoices('quarterly', plan, '2025-04-01').map((c) => c.key),
      ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'],
    );
    assert.equal(periodChoices(null, plan, '2030-01-01').length, 8, 'semester by default; every period of the plan once it is over');
  });
  test('every choice is accepted by the server check, and a period outside them is refused with a message', () => {
    const now = '2025-09-15';
    for (const c of periodChoices('quarterly', plan, now)) assert.equal(checkPeriodFor(c.key, 'quarter', plan, now), null, c.key);
    assert.equal(
      checkPeriodFor('2025-Q4', 'quarter', plan, now),
      'il periodo 4° trimestre 2025 non è ancora iniziato: il suo valore si inserisce quando è in corso o chiuso',
    );
    assert.equal(
      checkPeriodFor('2025-S1', 'quarter', plan, now),
      'l’indicatore si misura con cadenza trimestrale: scegli uno dei suoi periodi, come 2026-Q1, non «2025-S1»',
    );
    assert.match(checkPeriodFor('2023-Q4', 'quarter', plan, now)!, /^periodo 2023-Q4 fuori dal piano/);
  });
});

describe('flows, stocks and rates: the yearly value follows the indicator', () => {
  const S = (v: number, p: string) => ({ period: p, value: v });
  test('the default comes from the kind: counts flow, ratios are rates, durations averaged, yes/no and stages last', () => {
    assert.equal(yearlyRuleOf({ kind: 'count' }).aggregation, 'flow');
    assert.equal(yearlyRuleOf({ kind: 'ratio' }).aggregation, 'rate');
    assert.equal(yearlyRuleOf({ kind: 'duration' }).aggregation, 'stock_mean');
    assert.equal(yearlyRuleOf({ kind: 'boolean' }).aggregation, 'stock');
    assert.equal(yearlyRuleOf({ kind: 'count', aggregation: 'stock' }).engine, 'last');
  });

  test('a stock ("n. persone in carico") is its last value of the year, not the sum of its semesters', () => {
    // Regression: 40 people in charge at 30 June and 45 at 31 December made "85" in 2025, and a ≥ 50 target "met".
    const rows = [S(40, '2025-S1'), S(45, '2025-S2')];
    const target = { year: 2025, rule: { type: 'gte' as const, value: 50 }, text: 'almeno 50 persone in carico' };
    const asFlow = evaluateIndicatorTargets({ kind: 'count', targets: [target] }, rows, { today: '2026-02-01', ...PLAN });
    assert.equal(asFlow[0]!.status, 'raggiunto', 'a flow (accessi) adds up: 85 ≥ 50');
    const asStock = evaluateIndicatorTargets({ kind: 'count', aggregation: 'stock', targets: [target] }, rows, { today: '2026-02-01', ...PLAN });
    assert.deepEqual([asStock[0]!.status, asStock[0]!.reason], ['non_raggiunto', '2025: 45 < 50 → non raggiunto']);
    const mean = evaluateIndicatorTargets({ kind: 'count', aggregation: 'stock_mean', targets: [target] }, rows, { today: '2026-02-01', ...PLAN });
    assert.equal(mean[0]!.reason, '2025: 42,5 < 50 → non raggiunto');
  });

  test('a stock target over the triennium is judged on the latest year, not on the sum of every period', () => {
    const target = { year: null, rule: { type: 'gte' as const, value: 30 }, text: 'almeno 30 posti disponibili' };
    const rows = [S(10, '2025-S1'), S(12, '2025-S2'), S(12, '2026-S1'), S(14, '2026-S2')];
    const flow = evaluateIndicatorTargets({ kind: 'count', targets: [target] }, rows, { today: '2027-01-10', ...PLAN });
    assert.equal(flow[0]!.status, 'raggiunto', 'as a flow, 48 over the triennium');
    const stock = evaluateIndicatorTargets({ kind: 'count', aggregation: 'stock', targets: [target] }, rows, { today: '2027-01-10', ...PLAN });
    assert.equal(stock[0]!.status, 'in_corso');
    assert.match(stock[0]!.reason, /2026: 14 < 30/);
  });

  test('a rate is recomputed from numerator and denominator; a rate without them is the last period’s, and says so', () => {
    const ratios = [
      { period: '2025-S1', value: { numerator: 1, denominator: 10 } },
      { period: '2025-S2', value: { numerator: 9, denominator: 10 } },
    ];
    assert.equal(yearFigure(ratios, 2025, yearlyRuleOf({ kind: 'ratio' }).engine).value, 50);
    assert.equal(yearFigure(ratios, 2025, yearlyRuleOf({ kind: 'ratio', aggregation: 'stock' }).engine).value, 90, 'a share at year end');
    const percents = [S(30, '2025-S1'), S(40, '2025-S2')];
    const rule = yearlyRuleOf({ kind: 'count', aggregation: 'rate' });
    assert.equal(yearFigure(percents, 2025, rule.engine).value, 40, 'not 70');
    assert.match(rule.text, /^tasso dell’ultimo periodo: l’indicatore non registra numeratore e denominatore/);
    // Comuni's bare percentages are not added up into the Ambito's.
    const rows = [
      { ...none, period: '2025-S1', comuneId: 'a', valueNumber: 30 },
      { ...none, period: '2025-S1', comuneId: 'b', valueNumber: 50 },
    ];
    assert.deepEqual(ambitoSeries('count', rows, 'rate').measurements, []);
    assert.deepEqual(ambitoSeries('count', rows, 'stock').measurements, [{ period: '2025-S1', value: 80 }], 'people in charge in each comune add up');
  });
});
