import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generator, issuesOf, reasonIt } from './monitoring.test-support.ts';
import {
  describeTarget,
  evaluateTarget as evaluateTargetFacts,
  evaluateTargetSchedule as evaluateScheduleFacts,
  parsePeriod,
  targetRuleSchema,
  yearFigure,
  type Measurement,
  type ScheduledTarget,
  type TargetEvaluation,
  type TargetRule,
} from './targets.rules.ts';

// Cards quoted below: seed 003 = Ambito 5 Sebino, Piano di Zona 2025-2027, "LEPS prioritari nella pianificazione degli
// interventi di Ambito" (L2223-L2778); seed 002 = Ambito di Gallarate, Piano di Zona 2025-2027, §7.1.1 LEPS cards of the
// Ambiti (L10128-L12100) and §7.1.2 ASST Valle Olona cards (L12101-L13432). The targets are the cards'; the
// measurements are made up for the test (the 2025-2027 plans publish no measured values yet).

const AFTER_2027 = '2028-02-15';
const ratio = (numerator: number, denominator: number) => ({ numerator, denominator });
/** One measurement: measured('2026-S1', 5). */
const measured = (period: string, value: Measurement['value']): Measurement => ({ period, value });
const semesters = (year: number, s1: Measurement['value'], s2: Measurement['value']): Measurement[] => [measured(`${year}-S1`, s1), measured(`${year}-S2`, s2)];
// The rules give a reason as facts; these tests read it as the Italian page writes it (the facts themselves are
// checked in "a reason is facts, for the page to say in the reader's language").
const said = (e: TargetEvaluation) => ({ ...e, reason: reasonIt(e.reason) });
const evaluateTarget = (...args: Parameters<typeof evaluateTargetFacts>) => said(evaluateTargetFacts(...args));
const evaluateTargetSchedule = (...args: Parameters<typeof evaluateScheduleFacts>) => evaluateScheduleFacts(...args).map(said);
const statuses = (evaluations: ReturnType<typeof said>[]) => evaluations.map((e) => `${e.status} | ${e.reason}`);
/** Measurements one a year: years({ 2025: 3, 2026: 5 }). */
const years = (values: Record<number, Measurement['value']>): Measurement[] => Object.entries(values).map(([year, value]) => measured(year, value));
/** The statuses and their reasons, for a schedule judged after the plan's end. */
const judged = (schedule: ScheduledTarget[], data: Measurement[]) => statuses(evaluateTargetSchedule(schedule, data, { today: AFTER_2027 }));
/** The statuses of a schedule judged after the plan's end. */
const outcomes = (schedule: ScheduledTarget[], data: Measurement[]) => evaluateTargetSchedule(schedule, data, { today: AFTER_2027 }).map((e) => e.status);
const thresholds = (values: Record<number, number>): ScheduledTarget[] =>
  Object.entries(values).map(([year, value]) => ({ year: Number(year), rule: { type: 'gte_percent', value } }));
const increasing = (t0: number, years: number[], type: 'gt_previous' | 'lt_previous' = 'gt_previous'): ScheduledTarget[] => [
  { year: t0, rule: { type: 'baseline' } },
  ...years.map((year) => ({ year, rule: { type } as TargetRule })),
];

// ---------------------------------------------------------------------------------------------------------------
// The reasons, word for word

test('a count above the previous year is met and the reason names the year compared', () => {
  const result = evaluateTarget({ type: 'gt_previous' }, [measured('2025', 9), ...semesters(2026, 5, 7)], { year: 2026, today: '2027-01-10' });
  assert.equal(result.status, 'raggiunto');
  assert.equal(result.reason, '2026: 12 > 9 (2025) → raggiunto');
  assert.equal(result.actual, 12);
  assert.equal(result.expected, 9);
  assert.deepEqual(result.comparedWith, { year: 2025, value: 9, ratio: null });
});

test("a reason is facts, for the page to say in the reader's language: terms, relation, outcome, missing periods", () => {
  const data = [measured('2025', 9), ...semesters(2026, 5, 7)];
  assert.deepEqual(evaluateTargetFacts({ type: 'gt_previous' }, data, { year: 2026, today: '2027-01-10' }).reason, {
    period: '2026',
    kind: 'compare',
    actual: { type: 'number', value: 12, digits: 2 },
    expected: { type: 'number', value: 9, digits: 2 },
    relation: '>',
    referenceYear: 2025,
    met: true,
  });
  assert.deepEqual(
    evaluateTargetFacts({ type: 'gte_percent', value: 50 }, [measured('2025', ratio(49_999, 100_000))], { year: 2025, today: AFTER_2027 }).reason,
    {
      period: '2025',
      kind: 'compare',
      actual: { type: 'percent', value: 49.999, digits: 3 },
      expected: { type: 'percent', value: 50, digits: 3 },
      relation: '<',
      met: false,
    },
  );
  assert.deepEqual(evaluateTargetFacts({ type: 'gte', value: 10 }, [measured('2026-S1', 5)], { year: 2026, today: AFTER_2027 }).reason, {
    period: '2026',
    kind: 'missingPeriods',
    missing: { granularity: 'semester', indexes: [2] },
    periods: { granularity: 'semester', indexes: [1] },
    value: { type: 'number', value: 5, digits: 2 },
  });
});

test('a ratio below its threshold is not met, its percentage computed from the semesters and never stored', () => {
  const result = evaluateTarget({ type: 'gte_percent', value: 50 }, semesters(2025, ratio(20, 40), ratio(28, 60)), { year: 2025, today: '2026-03-01' });
  assert.equal(result.status, 'non_raggiunto');
  assert.equal(result.reason, '2025: 48 % < 50 % → non raggiunto');
  assert.equal(result.actual, 48);
  assert.equal(result.expected, 50);
  assert.deepEqual(result.ratio, { numerator: 48, denominator: 100, value: 48 });
});

test('a baseline year records the starting value (T0) without judging it', () => {
  const result = evaluateTarget({ type: 'baseline' }, [measured('2025', 37)], { year: 2025, today: '2026-01-01' });
  assert.equal(result.status, 'baseline');
  assert.equal(result.reason, '2025: valore di partenza (T0) = 37');
  assert.equal(result.expected, null);
});

test('a closed year with no data is missing data', () => {
  const result = evaluateTarget({ type: 'gte', value: 1 }, [measured('2025', 3)], { year: 2026, today: '2027-01-01' });
  assert.equal(result.status, 'dati_mancanti');
  assert.equal(result.reason, '2026: dato mancante');
});

test('a year not yet closed with only the first semester is in progress and shows the partial figure', () => {
  const result = evaluateTarget({ type: 'gt_previous' }, [measured('2025', 9), measured('2026-S1', 5)], { year: 2026, today: '2026-09-30' });
  assert.equal(result.status, 'in_corso');
  assert.equal(result.reason, '2026: periodo in corso (dato del 1° semestre: 5)');
  assert.equal(result.actual, 5);
});

test('the last day of the year is still in progress; the first day of the next one closes it', () => {
  const data = [measured('2026-S1', 5)];
  assert.equal(evaluateTarget({ type: 'gte', value: 1 }, data, { year: 2026, today: '2026-12-31' }).status, 'in_corso');
  const closed = evaluateTarget({ type: 'gte', value: 1 }, data, { year: 2026, today: '2027-01-01' });
  assert.equal(closed.status, 'dati_mancanti');
  assert.equal(closed.reason, '2026: dato mancante per il 2° semestre (dato parziale del 1° semestre: 5)');
});

test('a year not yet begun, or begun without data, is in progress', () => {
  assert.equal(evaluateTarget({ type: 'gte', value: 1 }, [], { year: 2027, today: '2026-05-01' }).reason, '2027: periodo non ancora iniziato');
  assert.equal(evaluateTarget({ type: 'gte', value: 1 }, [], { year: 2026, today: '2026-05-01' }).reason, '2026: periodo in corso (nessun dato ancora)');
  // The same reasons as facts, for the page to say them in the reader's language.
  assert.deepEqual(evaluateTargetFacts({ type: 'gte', value: 1 }, [], { year: 2027, today: '2026-05-01' }).reason, { kind: 'notStarted', period: '2027' });
  assert.deepEqual(evaluateTargetFacts({ type: 'gte', value: 1 }, [], { year: 2026, today: '2026-05-01' }).reason, { kind: 'noDataYet', period: '2026' });
});

test('an increase without the previous year is missing data naming the year that is missing', () => {
  const result = evaluateTarget({ type: 'gt_previous' }, [measured('2026', 12)], { year: 2026, today: '2027-01-15' });
  assert.equal(result.status, 'dati_mancanti');
  assert.equal(result.reason, '2026: manca il dato del 2025 per il confronto');
  const partial = evaluateTarget({ type: 'gt_previous' }, [measured('2025-S1', 4), measured('2026', 12)], { year: 2026, today: '2027-01-15' });
  assert.equal(partial.reason, '2026: manca il dato completo del 2025 per il confronto (mancante: 2° semestre)');
});

test('a year measured by quarters is complete only with all four, and says which are missing', () => {
  const data = [measured('2025-Q1', 0), measured('2025-Q2', 1)];
  assert.equal(
    evaluateTarget({ type: 'gte', value: 1 }, data, { year: 2025, today: '2025-07-20' }).reason,
    '2025: periodo in corso (dati del 1° e 2° trimestre: 1)',
  );
  assert.equal(
    evaluateTarget({ type: 'gte', value: 1 }, data, { year: 2025, today: '2026-01-20' }).reason,
    '2025: dato mancante per il 3° e 4° trimestre (dati parziali del 1° e 2° trimestre: 1)',
  );
  const full = [...data, measured('2025-Q3', 0), measured('2025-Q4', 2)];
  assert.equal(evaluateTarget({ type: 'gte', value: 1 }, full, { year: 2025, today: '2025-12-31' }).reason, '2025: 3 > 1 → raggiunto');
});

test('a ratio whose denominator is zero cannot be judged', () => {
  const result = evaluateTarget({ type: 'gte_percent', value: 50 }, [measured('2025', ratio(0, 0))], { year: 2025, today: '2026-01-01' });
  assert.equal(result.status, 'dati_mancanti');
  assert.equal(result.reason, '2025: rapporto non calcolabile (denominatore 0)');
});

test('the yearly value of a count is the sum, the last value or the mean of its periods', () => {
  const data = semesters(2026, 4, 6);
  assert.equal(yearFigure(data, 2026).value, 10);
  assert.equal(yearFigure(data, 2026, 'last').value, 6);
  assert.equal(yearFigure(data, 2026, 'mean').value, 5);
  assert.equal(evaluateTarget({ type: 'gte', value: 6 }, data, { year: 2026, today: AFTER_2027, aggregation: 'last' }).reason, '2026: 6 = 6 → raggiunto');
  assert.equal(evaluateTarget({ type: 'gte', value: 6 }, data, { year: 2026, today: AFTER_2027, aggregation: 'mean' }).reason, '2026: 5 < 6 → non raggiunto');
});

test('percentages that differ are never printed the same', () => {
  // 4999/10000 = 49,99 %: printed with the decimals that show it is below 50 %.
  assert.equal(
    evaluateTarget({ type: 'gte_percent', value: 50 }, [measured('2025', ratio(49_999, 100_000))], { year: 2025, today: AFTER_2027 }).reason,
    '2025: 49,999 % < 50 % → non raggiunto',
  );
  assert.equal(
    evaluateTarget({ type: 'gte_percent', value: 40 }, [measured('2025', ratio(2, 3))], { year: 2025, today: AFTER_2027 }).reason,
    '2025: 66,67 % > 40 % → raggiunto',
  );
});

test('a percentage range is met inside its bounds, bounds included', () => {
  const range: TargetRule = { type: 'range_percent', min: 40, max: 60 };
  const at = (n: number, d: number) => evaluateTarget(range, [measured('2026', ratio(n, d))], { year: 2026, today: AFTER_2027 }).reason;
  assert.equal(at(1, 2), '2026: 50 % tra 40 % e 60 % → raggiunto');
  assert.equal(at(2, 5), '2026: 40 % tra 40 % e 60 % → raggiunto');
  assert.equal(at(1, 3), '2026: 33,33 % < 40 % → non raggiunto');
  assert.equal(at(2, 3), '2026: 66,67 % > 60 % → non raggiunto');
});

test('a ceiling is met at or below its value', () => {
  assert.equal(evaluateTarget({ type: 'lte', value: 10 }, [measured('2026', 10)], { year: 2026, today: AFTER_2027 }).status, 'raggiunto');
  assert.equal(evaluateTarget({ type: 'lte', value: 10 }, [measured('2026', 11)], { year: 2026, today: AFTER_2027 }).reason, '2026: 11 > 10 → non raggiunto');
});

test('targets read as short Italian phrases', () => {
  assert.equal(describeTarget({ type: 'gte_percent', value: 50 }), '≥ 50 %');
  assert.equal(describeTarget({ type: 'gte', value: 1 }), '≥ 1');
  assert.equal(describeTarget({ type: 'gt_previous' }), '> anno precedente');
  assert.equal(describeTarget({ type: 'gt_previous', referenceYear: 2025 }), '> valore del 2025');
  assert.equal(describeTarget({ type: 'lt_previous' }), '< anno precedente');
  assert.equal(describeTarget({ type: 'baseline' }), 'valore di partenza (T0)');
  assert.equal(describeTarget({ type: 'eq_yes' }), 'sì');
  assert.equal(describeTarget({ type: 'range_percent', min: 40, max: 60 }), 'tra 40 % e 60 %');
  assert.equal(describeTarget({ type: 'lte', value: 10 }), '≤ 10');
  assert.equal(describeTarget({ type: 'milestone', stage: 'Attivazione del protocollo' }), 'fase «Attivazione del protocollo»');
});

// ---------------------------------------------------------------------------------------------------------------
// Every target form of the LEPS cards (seeds 002 and 003)

test('Sebino LEPS 1, "Numero incontri formativi svolti/Numero incontri formativi previsti": ≥ 50 % · ≥ 75 % · 100 % (seed 003 L2256-L2261)', () => {
  const schedule = thresholds({ 2025: 50, 2026: 75, 2027: 100 });
  const data = [...semesters(2025, ratio(1, 2), ratio(2, 4)), ...semesters(2026, ratio(2, 3), ratio(3, 4)), measured('2027', ratio(11, 12))];
  assert.deepEqual(judged(schedule, data), [
    'raggiunto | 2025: 50 % = 50 % → raggiunto',
    'non_raggiunto | 2026: 71,43 % < 75 % → non raggiunto',
    'non_raggiunto | 2027: 91,67 % < 100 % → non raggiunto',
  ]);
  assert.equal(
    evaluateTarget({ type: 'gte_percent', value: 100 }, [measured('2027', ratio(12, 12))], { year: 2027, today: AFTER_2027 }).reason,
    '2027: 100 % = 100 % → raggiunto',
  );
});

test('Sebino LEPS 1, "Incremento numero EEMM attivate": "N. EEMM attivate ≥ 1", then "anno 2026 > anno 2025", "anno 2027 > anno 2026" (seed 003 L2265-L2274)', () => {
  const schedule: ScheduledTarget[] = [
    { year: 2025, rule: { type: 'gte', value: 1 } },
    { year: 2026, rule: { type: 'gt_previous' } },
    { year: 2027, rule: { type: 'gt_previous' } },
  ];
  const data = [...semesters(2025, 0, 1), ...semesters(2026, 1, 1), ...semesters(2027, 2, 0)];
  assert.deepEqual(judged(schedule, data), [
    'raggiunto | 2025: 1 = 1 → raggiunto',
    'raggiunto | 2026: 2 > 1 (2025) → raggiunto',
    'non_raggiunto | 2027: 2 = 2 (2026) → non raggiunto',
  ]);
});

test('Sebino LEPS 1, "Numero tipologie professionali che compongono le EEMM/Numero tipologia professionali presenti…": ≥ 50 % · ≥ 75 % · 100 % (seed 003 L2279-L2288)', () => {
  const data = years({ 2025: ratio(3, 6), 2026: ratio(4, 6), 2027: ratio(6, 6) });
  assert.deepEqual(outcomes(thresholds({ 2025: 50, 2026: 75, 2027: 100 }), data), ['raggiunto', 'non_raggiunto', 'raggiunto']);
});

test('Sebino LEPS 2, "Numero progetti individualizzati/ Numero valutazioni": ≥ 40 % · ≥ 60 % · ≥ 80 % (seed 003 L2358-L2363)', () => {
  const data = [...semesters(2025, ratio(3, 10), ratio(2, 5)), ...semesters(2026, ratio(6, 10), ratio(6, 10)), measured('2027-S1', ratio(7, 8))];
  assert.deepEqual(statuses(evaluateTargetSchedule(thresholds({ 2025: 40, 2026: 60, 2027: 80 }), data, { today: '2027-09-01' })), [
    'non_raggiunto | 2025: 33,33 % < 40 % → non raggiunto',
    'raggiunto | 2026: 60 % = 60 % → raggiunto',
    'in_corso | 2027: periodo in corso (dato del 1° semestre: 87,5 %)',
  ]);
});

test('Sebino LEPS 2, "Incremento della tipologia dei soggetti coinvolti nell’ambito dei Gruppi territoriali": 2025 baseline, "N. enti coinvolti anno 2026 > N. enti coinvolti anno 2025" (seed 003 L2368-L2378)', () => {
  // A stock (kinds of bodies involved): the year's figure is the last semester's.
  const data = [...semesters(2025, 4, 5), ...semesters(2026, 5, 7), ...semesters(2027, 7, 7)];
  assert.deepEqual(statuses(evaluateTargetSchedule(increasing(2025, [2026, 2027]), data, { today: AFTER_2027, aggregation: 'last' })), [
    'baseline | 2025: valore di partenza (T0) = 5',
    'raggiunto | 2026: 7 > 5 (2025) → raggiunto',
    'non_raggiunto | 2027: 7 = 7 (2026) → non raggiunto',
  ]);
});

test('Sebino LEPS 2, "Incremento Numero nuclei familiari presi in carico in ottica di prevenzione": "N. nuclei familiari anno 2026 > N. nuclei familiari anno 2025" (seed 003 L2379-L2392)', () => {
  const data = [measured('2025', 30)];
  assert.deepEqual(statuses(evaluateTargetSchedule(increasing(2025, [2026, 2027]), data, { today: '2027-01-20' })), [
    'baseline | 2025: valore di partenza (T0) = 30',
    'dati_mancanti | 2026: dato mancante',
    'in_corso | 2027: periodo in corso (nessun dato ancora)',
  ]);
});

test('Sebino LEPS 3 dimissioni protette, "Numero utenti … che hanno beneficiato …/Numero utenti … che hanno espresso il bisogno": 2026 ≥ 50 %, 2027 ≥ 75 %, no target in 2025 (seed 003 L2473-L2481)', () => {
  assert.deepEqual(judged(thresholds({ 2026: 50, 2027: 75 }), years({ 2026: ratio(18, 40), 2027: ratio(33, 44) })), [
    'non_raggiunto | 2026: 45 % < 50 % → non raggiunto',
    'raggiunto | 2027: 75 % = 75 % → raggiunto',
  ]);
});

test('Sebino LEPS 3, "Riduzione tempo medio di attesa della dimissione per il ritorno a domicilio": "Tempo medio di attesa anno 2026 < Tempo medio di attesa anno 2025" (seed 003 L2486-L2498)', () => {
  // Waiting times in days, one mean per semester; the year's figure is their mean.
  const data = [...semesters(2025, 12, 10), ...semesters(2026, 9, 8), ...semesters(2027, 9, 9)];
  assert.deepEqual(statuses(evaluateTargetSchedule(increasing(2025, [2026, 2027], 'lt_previous'), data, { today: AFTER_2027, aggregation: 'mean' })), [
    'baseline | 2025: valore di partenza (T0) = 11',
    'raggiunto | 2026: 8,5 < 11 (2025) → raggiunto',
    'non_raggiunto | 2027: 9 > 8,5 (2026) → non raggiunto',
  ]);
});

test('Sebino LEPS 3, the same decrease for "il ritorno in struttura residenziale", and the increases in caregiver training and integrated discharges (seed 003 L2503-L2562)', () => {
  const waiting = years({ 2025: 21, 2026: 21 });
  assert.equal(evaluateTarget({ type: 'lt_previous' }, waiting, { year: 2026, today: AFTER_2027 }).reason, '2026: 21 = 21 (2025) → non raggiunto');
  const training = years({ 2025: 4, 2026: 6 });
  assert.equal(evaluateTarget({ type: 'gt_previous' }, training, { year: 2026, today: AFTER_2027 }).reason, '2026: 6 > 4 (2025) → raggiunto');
});

test('Sebino LEPS 4, "Numero valutazioni che vedono la partecipazione dell’Assistente sociale comunale o di Ambito/N complessivo di valutazioni effettuate": ≥ 50 % · ≥ 75 % · 100 % (seed 003 L2621-L2634)', () => {
  const data = years({ 2025: ratio(26, 50), 2026: ratio(45, 60), 2027: ratio(69, 70) });
  assert.deepEqual(judged(thresholds({ 2025: 50, 2026: 75, 2027: 100 }), data), [
    'raggiunto | 2025: 52 % > 50 % → raggiunto',
    'raggiunto | 2026: 75 % = 75 % → raggiunto',
    'non_raggiunto | 2027: 98,57 % < 100 % → non raggiunto',
  ]);
});

test('Sebino LEPS 4, "N. strumenti di valutazione unitari condivisi ≥ 1", then "anno 2026 > … anno 2025" (seed 003 L2652-L2662)', () => {
  const schedule: ScheduledTarget[] = [
    { year: 2025, rule: { type: 'gte', value: 1 } },
    { year: 2026, rule: { type: 'gt_previous' } },
  ];
  const data = years({ 2025: 0, 2026: 1 });
  assert.deepEqual(judged(schedule, data), ['non_raggiunto | 2025: 0 < 1 → non raggiunto', 'raggiunto | 2026: 1 > 0 (2025) → raggiunto']);
});

test('Sebino LEPS 5 Incremento SAD, "N Progetti … con piano individualizzato unico integrato…/N Progetti individualizzati SAD…": ≥ 50 % · ≥ 75 % · 100 %; and "N. Progetti … dimissioni protette/N casi…": 2026 ≥ 50 %, 2027 ≥ 75 % (seed 003 L2729-L2749)', () => {
  const plan = years({ 2025: ratio(5, 10), 2026: ratio(8, 10), 2027: ratio(10, 10) });
  assert.deepEqual(outcomes(thresholds({ 2025: 50, 2026: 75, 2027: 100 }), plan), ['raggiunto', 'raggiunto', 'raggiunto']);
  const discharges = years({ 2026: ratio(4, 9), 2027: ratio(7, 9) });
  assert.deepEqual(judged(thresholds({ 2026: 50, 2027: 75 }), discharges), [
    'non_raggiunto | 2026: 44,44 % < 50 % → non raggiunto',
    'raggiunto | 2027: 77,78 % > 75 % → raggiunto',
  ]);
});

test('Sebino LEPS 5, "N. prese in carico SAD con intero processo caratteristico gestito attraverso la CSI anno 2026 > … anno 2025" (seed 003 L2754-L2778)', () => {
  const data = [...semesters(2025, 6, 6), ...semesters(2026, 7, 8)];
  assert.deepEqual(judged(increasing(2025, [2026]), data), ['baseline | 2025: valore di partenza (T0) = 12', 'raggiunto | 2026: 15 > 12 (2025) → raggiunto']);
});

test('the protocol rows of the LEPS cards are stages reached each year: "Definizione o aggiornamento…" then "Attivazione del protocollo/ procedure" (seed 003 L2335-L2351)', () => {
  const schedule: ScheduledTarget[] = [
    { year: 2025, rule: { type: 'milestone', stage: 'Definizione o aggiornamento e condivisione protocollo' } },
    { year: 2026, rule: { type: 'milestone', stage: 'Attivazione del protocollo/ procedure' } },
  ];
  const data = years({ 2025: 'Definizione o aggiornamento e condivisione protocollo', 2026: 'Definizione o aggiornamento e condivisione protocollo' });
  assert.deepEqual(judged(schedule, data), [
    'raggiunto | 2025: «Definizione o aggiornamento e condivisione protocollo» → raggiunto',
    'non_raggiunto | 2026: «Definizione o aggiornamento e condivisione protocollo», attesa «Attivazione del protocollo/ procedure» → non raggiunto',
  ]);
});

test('Gallarate "Incremento SAD", indicator 2: "Anno 2023: t0 · Anno 2026: ≥ 50% · Anno 2027: ≥ 75%" — a baseline two years before the first threshold (seed 002 L11038-L11045)', () => {
  const schedule: ScheduledTarget[] = [{ year: 2023, rule: { type: 'baseline' } }, ...thresholds({ 2026: 50, 2027: 75 })];
  const data = [measured('2023', ratio(3, 12)), ...semesters(2026, ratio(4, 7), ratio(3, 7))];
  assert.deepEqual(statuses(evaluateTargetSchedule(schedule, data, { today: '2027-03-01' })), [
    'baseline | 2023: valore di partenza (T0) = 25 %',
    'raggiunto | 2026: 50 % = 50 % → raggiunto',
    'in_corso | 2027: periodo in corso (nessun dato ancora)',
  ]);
});

test('Gallarate "Incremento SAD", indicator 1: "Anno 2025: ≥ 50% · Anno 2026: ≥ 75% · Anno 2027: 100%", and the impact "N. prese in carico SAD 2026>2025" (seed 002 L11023-L11032, L11063-L11064)', () => {
  const data = [measured('2025', ratio(9, 20))];
  assert.equal(evaluateTargetSchedule(thresholds({ 2025: 50 }), data, { today: '2026-01-02' })[0]!.reason, '2025: 45 % < 50 % → non raggiunto');
  const impact = years({ 2025: 40, 2026: 40 });
  assert.equal(evaluateTarget({ type: 'gt_previous' }, impact, { year: 2026, today: '2027-01-02' }).status, 'non_raggiunto');
});

test('Gallarate "Valutazione Multidimensionale": "INCREMENTO NUMERO EEMM >=1", "N. EEMM ATTIVATE ANNO 2026>DI EEMM ATTIVATE ANNO 2025"; "ANNO 2025>=50% · ANNO 2026>=75% · ANNO 2027>= 100%" (seed 002 L11342-L11360)', () => {
  const eemm: ScheduledTarget[] = [
    { year: 2025, rule: { type: 'gte', value: 1 } },
    { year: 2026, rule: { type: 'gt_previous' } },
  ];
  assert.deepEqual(judged(eemm, years({ 2025: 2, 2026: 3 })), ['raggiunto | 2025: 2 > 1 → raggiunto', 'raggiunto | 2026: 3 > 2 (2025) → raggiunto']);
  const training = [measured('2027', ratio(8, 8))];
  assert.equal(evaluateTarget({ type: 'gte_percent', value: 100 }, training, { year: 2027, today: AFTER_2027 }).status, 'raggiunto');
});

test('Gallarate "PIPPI": "2025: T0", then "n. enti coinvolti anno 2026 > n. enti coinvolti anno 2025"; "Anno 2025 –maggiori o uguali al 40%" (seed 002 L11726-L11768)', () => {
  const bodies = years({ 2025: 8, 2026: 11, 2027: 10 });
  assert.deepEqual(statuses(evaluateTargetSchedule(increasing(2025, [2026, 2027]), bodies, { today: AFTER_2027, aggregation: 'last' })), [
    'baseline | 2025: valore di partenza (T0) = 8',
    'raggiunto | 2026: 11 > 8 (2025) → raggiunto',
    'non_raggiunto | 2027: 10 < 11 (2026) → non raggiunto',
  ]);
  // "per il progetto PNRR sono previsti 30 progetti individualizzati al marzo 2026" (L11758-L11759)
  const projects = [measured('2025', ratio(30, 60))];
  assert.equal(evaluateTarget({ type: 'gte_percent', value: 40 }, projects, { year: 2025, today: AFTER_2027 }).reason, '2025: 50 % > 40 % → raggiunto');
});

test('Gallarate PUA/UVM (§6 row 19): "N. valutazioni che vedono la partecipazione dell’Assistente sociale di Ambito/N. complessivo di valutazioni effettuate: Anno 2025: ≥ 50% · Anno 2026: ≥ 75% · Anno 2027: 100%" (seed 002 L12059-L12065)', () => {
  const data = [
    ...semesters(2025, ratio(10, 30), ratio(20, 30)),
    ...semesters(2026, ratio(30, 40), ratio(30, 40)),
    ...semesters(2027, ratio(40, 40), ratio(39, 40)),
  ];
  assert.deepEqual(judged(thresholds({ 2025: 50, 2026: 75, 2027: 100 }), data), [
    'raggiunto | 2025: 50 % = 50 % → raggiunto',
    'raggiunto | 2026: 75 % = 75 % → raggiunto',
    'non_raggiunto | 2027: 98,75 % < 100 % → non raggiunto',
  ]);
});

test('Gallarate PUA/UVM: "realizzazione di N. 1 accordo quadro e di N. 1 protocollo" as a yes/no output each year, and the impact "Anno 2025: T0" then increases (seed 002 L12049-L12057, L12085-L12096)', () => {
  const signed = [...semesters(2025, false, true)];
  assert.equal(evaluateTarget({ type: 'eq_yes' }, signed, { year: 2025, today: '2026-01-10' }).reason, '2025: sì → raggiunto');
  assert.equal(evaluateTarget({ type: 'eq_yes' }, [measured('2025', false)], { year: 2025, today: '2026-01-10' }).reason, '2025: no → non raggiunto');
  assert.equal(
    evaluateTarget({ type: 'eq_yes' }, [measured('2026-S1', true)], { year: 2026, today: '2026-07-10' }).reason,
    '2026: periodo in corso (dato del 1° semestre: sì)',
  );
  const people = years({ 2025: 57, 2026: 63 });
  assert.deepEqual(outcomes(increasing(2025, [2026]), people), ['baseline', 'raggiunto']);
});

test('Gallarate yes/no outputs of the objective cards, e.g. H action 5 "Creazione della Scheda dell’indice di fragilità (sì/no)" (seed 002 L7505-L7507)', () => {
  assert.equal(evaluateTarget({ type: 'eq_yes' }, [measured('2027', true)], { year: 2027, today: AFTER_2027 }).status, 'raggiunto');
});

test('Gallarate objective 1: "Creazione di almeno 1 tavoli di lavoro specifico; Almeno l’80% degli enti coinvolti partecipano agli incontri" (seed 002 L4064-L4067)', () => {
  assert.equal(evaluateTarget({ type: 'gte', value: 1 }, [measured('2025', 1)], { year: 2025, today: AFTER_2027 }).reason, '2025: 1 = 1 → raggiunto');
  const attendance = semesters(2025, ratio(7, 10), ratio(9, 10));
  assert.equal(evaluateTarget({ type: 'gte_percent', value: 80 }, attendance, { year: 2025, today: AFTER_2027 }).reason, '2025: 80 % = 80 % → raggiunto');
});

test('Gallarate objective A action 5 compares two years apart: "N° abitazioni rimesse in disponibilità da ALER nel 2027 > N° … nel 2025" (seed 002 L5766-L5770)', () => {
  const data = years({ 2025: 4, 2026: 9, 2027: 6 });
  const result = evaluateTarget({ type: 'gt_previous', referenceYear: 2025 }, data, { year: 2027, today: AFTER_2027 });
  assert.equal(result.reason, '2027: 6 > 4 (2025) → raggiunto');
  assert.equal(evaluateTarget({ type: 'gt_previous' }, data, { year: 2027, today: AFTER_2027 }).reason, '2027: 6 < 9 (2026) → non raggiunto');
  assert.deepEqual(
    issuesOf(() => evaluateTarget({ type: 'gt_previous', referenceYear: 2027 }, data, { year: 2027, today: AFTER_2027 })),
    [{ path: 'target 2027, campo referenceYear', message: 'l’anno di confronto (2027) deve precedere l’anno del target (2027)' }],
  );
});

test('ASST Valle Olona PIPPI card: "applicazione del protocollo almeno sul 40% dei casi" (2026), "almeno il 50% dei casi" (2027) (seed 002 L13191-L13193)', () => {
  assert.deepEqual(judged(thresholds({ 2026: 40, 2027: 50 }), years({ 2026: ratio(12, 30), 2027: ratio(14, 30) })), [
    'raggiunto | 2026: 40 % = 40 % → raggiunto',
    'non_raggiunto | 2027: 46,67 % < 50 % → non raggiunto',
  ]);
});

// ---------------------------------------------------------------------------------------------------------------
// Bad input: what and where, in Italian

test('bad measurements are refused together, each with its position and field', () => {
  const issues = issuesOf(() =>
    evaluateTarget(
      { type: 'gte', value: 1 },
      [
        measured('2025-S3', 1),
        measured('2025-S1', -2),
        measured('2025-S1', 3),
        measured('2025-S2', 3),
        measured('2025-S2', 4),
        measured('2025-Q1', 1),
        measured('2026', true),
      ],
      { year: 2025, today: AFTER_2027 },
    ),
  );
  assert.deepEqual(issues, [
    { path: 'misure, elemento 1, campo periodo', message: 'periodo non valido: «2025-S3» (usa 2026, 2026-S1…S2 o 2026-Q1…Q4)' },
    { path: 'misure, elemento 2 (2025-S1), campo valore', message: 'il valore non può essere negativo: «-2»' },
    { path: 'misure, elemento 5, campo periodo', message: 'periodo 2025-S2 già presente all’elemento 4' },
    {
      path: 'misure, elemento 6, campo periodo',
      message: 'per il 2025 l’elemento 3 usa un periodo di tipo diverso (semestre): in un anno usa un solo tipo di periodo, non trimestre',
    },
    { path: 'misure, elemento 7 (2026), campo valore', message: 'tipo di valore diverso dalle altre misure: sì/no, mentre l’elemento 3 è numero' },
  ]);
});

test('a target that does not fit the kind of measurement is refused with an explanation', () => {
  assert.deepEqual(
    issuesOf(() => evaluateTarget({ type: 'gte_percent', value: 50 }, [measured('2025', 3)], { year: 2025, today: AFTER_2027 })),
    [{ path: 'target', message: 'il target «≥ 50 %» non si applica a misure di tipo numero (richiede: rapporto (numeratore/denominatore))' }],
  );
  assert.deepEqual(
    issuesOf(() => evaluateTarget({ type: 'eq_yes' }, [measured('2025', ratio(1, 2))], { year: 2025, today: AFTER_2027 })),
    [{ path: 'target', message: 'il target «sì» non si applica a misure di tipo rapporto (numeratore/denominatore) (richiede: sì/no)' }],
  );
});

test('invalid targets, dates and ratios are refused in Italian', () => {
  assert.deepEqual(
    issuesOf(() => evaluateTarget({ type: 'range_percent', min: 80, max: 60 }, [], { year: 2025, today: AFTER_2027 })),
    [{ path: 'target, campo min', message: 'il minimo dell’intervallo supera il massimo' }],
  );
  assert.deepEqual(
    issuesOf(() => evaluateTarget({ type: 'gte_percent', value: 120 }, [], { year: 2025, today: AFTER_2027 })),
    [{ path: 'target, campo value', message: 'la soglia percentuale va da 0 a 100' }],
  );
  for (const today of ['2025-02-29', '2025-13-01', '26/11/2026', '2025-04-31']) {
    assert.deepEqual(
      issuesOf(() => evaluateTarget({ type: 'gte', value: 1 }, [], { year: 2025, today })),
      [{ path: 'oggi', message: `data non valida: «${today}» (formato AAAA-MM-GG)` }],
    );
  }
  assert.equal(evaluateTarget({ type: 'gte', value: 1 }, [], { year: 2024, today: '2024-02-29' }).status, 'in_corso');
  assert.deepEqual(
    issuesOf(() =>
      evaluateTarget({ type: 'gte_percent', value: 50 }, [measured('2025', { numerator: 3, denominator: -1 })], { year: 2025, today: AFTER_2027 }),
    ),
    [{ path: 'misure, elemento 1 (2025), campo valore', message: 'denominatore non valido: «-1» (serve un numero non negativo)' }],
  );
  assert.equal(targetRuleSchema.safeParse({ type: 'more_or_less' }).success, false);
});

test('periods are read as years, semesters and quarters, and nothing else', () => {
  assert.deepEqual(parsePeriod('2026'), { key: '2026', year: 2026, granularity: 'year', index: 1 });
  assert.deepEqual(parsePeriod('2026-S2'), { key: '2026-S2', year: 2026, granularity: 'semester', index: 2 });
  assert.deepEqual(parsePeriod('2026-Q4'), { key: '2026-Q4', year: 2026, granularity: 'quarter', index: 4 });
  for (const bad of ['2026-S0', '2026-Q5', '26', '2026-s1', '2026-H1', '2026-S1 ']) assert.equal(parsePeriod(bad), null, bad);
});

// ---------------------------------------------------------------------------------------------------------------
// Properties, over generated values (a seeded generator: the same values on every run)

test('property: scaling numerator and denominator of a ratio never changes a status', () => {
  const next = generator(2167);
  for (let i = 0; i < 500; i++) {
    const denominator = 1 + next(200);
    const numerator = next(denominator);
    const previous = { n: next(300), d: 1 + next(300) };
    const k = 1 + next(50);
    const threshold = next(100);
    const rules: TargetRule[] = [
      { type: 'gte_percent', value: threshold },
      { type: 'range_percent', min: Math.min(threshold, 60), max: Math.max(threshold, 60) },
      { type: 'gt_previous' },
      { type: 'lt_previous' },
    ];
    for (const rule of rules) {
      const original = evaluateTarget(rule, years({ 2025: ratio(previous.n, previous.d), 2026: ratio(numerator, denominator) }), {
        year: 2026,
        today: AFTER_2027,
      });
      const scaled = evaluateTarget(rule, years({ 2025: ratio(previous.n * k, previous.d * k), 2026: ratio(numerator * k, denominator * k) }), {
        year: 2026,
        today: AFTER_2027,
      });
      assert.equal(scaled.status, original.status, `${JSON.stringify(rule)} ${numerator}/${denominator} ×${k}`);
    }
  }
});

test('property: a floor is monotone — if a value meets "≥ n", every larger value does too', () => {
  const next = generator(178);
  for (let i = 0; i < 300; i++) {
    const threshold = next(100);
    const value = next(150);
    const larger = value + next(50);
    const met = (v: number) =>
      evaluateTarget({ type: 'gte', value: threshold }, [measured('2026', v)], { year: 2026, today: AFTER_2027 }).status === 'raggiunto';
    if (met(value)) assert.ok(met(larger), `${value} meets ≥ ${threshold} but ${larger} does not`);
    assert.equal(met(value), value >= threshold);
  }
});

test('property: "greater than last year" for (a, b) is met exactly when "smaller than last year" is met for (b, a)', () => {
  const next = generator(234);
  for (let i = 0; i < 300; i++) {
    const a = next(40);
    const b = next(40);
    const increase = evaluateTarget({ type: 'gt_previous' }, years({ 2025: b, 2026: a }), { year: 2026, today: AFTER_2027 });
    const decrease = evaluateTarget({ type: 'lt_previous' }, years({ 2025: a, 2026: b }), { year: 2026, today: AFTER_2027 });
    assert.equal(increase.status === 'raggiunto', decrease.status === 'raggiunto', `${a} vs ${b}`);
    assert.equal(increase.status === 'raggiunto', a > b);
  }
});

test('property: the order in which measurements are listed does not change the result', () => {
  const next = generator(328);
  for (let i = 0; i < 200; i++) {
    const data: Measurement[] = [2025, 2026].flatMap((year) => [1, 2, 3, 4].map((q) => ({ period: `${year}-Q${q}`, value: ratio(next(20), 20 + next(20)) })));
    const shuffled = [...data].sort(() => (next(1) === 0 ? -1 : 1));
    for (const aggregation of ['sum', 'last', 'mean'] as const) {
      const a = evaluateTarget({ type: 'gt_previous' }, data, { year: 2026, today: AFTER_2027, aggregation });
      const b = evaluateTarget({ type: 'gt_previous' }, shuffled, { year: 2026, today: AFTER_2027, aggregation });
      assert.deepEqual(b, a);
    }
  }
});

test('property: every reason starts with the year it judges', () => {
  const next = generator(10);
  const rules: TargetRule[] = [{ type: 'gte', value: 2 }, { type: 'gt_previous' }, { type: 'baseline' }, { type: 'lte', value: 3 }];
  for (let i = 0; i < 100; i++) {
    const data = [2025, 2026].flatMap((year) =>
      next(2) === 0 ? [] : [{ period: `${year}-S1`, value: next(5) }, ...(next(1) ? [{ period: `${year}-S2`, value: next(5) }] : [])],
    );
    const today = ['2026-03-01', '2026-12-31', '2027-01-01'][next(2)]!;
    for (const rule of rules) {
      const e = evaluateTargetFacts(rule, data, { year: 2026, today });
      assert.equal(e.reason.period, '2026');
      assert.match(reasonIt(e.reason), /^2026: /);
    }
  }
});
