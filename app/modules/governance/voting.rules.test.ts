import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  attendanceFingerprint,
  computeOutcome,
  describeVotingRule,
  formatNumber,
  oldWeights,
  shareBase,
  type Attendance,
  type Vote,
  type Voter,
  type VotingRule,
} from './voting.rules.ts';
import { issuesOf } from '../../shared/validation.testing.ts';

// The Assemblea dei Sindaci of the Ambito di Gallarate: the nine comuni of the Accordo di Programma 2025-2027
// (seed 002, Art. 2, L118-L127), weighted by their population at the 2011 census (ISTAT, 15° Censimento generale
// della popolazione, popolazione legale). The seed prints the comuni but not their single populations (only the
// Ambito's total, 122.855 at 31/12/2023, Tabella 2.1 L3005), so the weights are the census figures.
const GALLARATE = [
  ['gallarate', 'Gallarate', 50_456],
  ['albizzate', 'Albizzate', 5_292],
  ['cairate', 'Cairate', 7_830],
  ['cassano', 'Cassano Magnago', 21_386],
  ['cavaria', 'Cavaria con Premezzo', 5_713],
  ['jerago', 'Jerago con Orago', 5_084],
  ['oggiona', 'Oggiona con Santo Stefano', 4_295],
  ['samarate', 'Samarate', 16_168],
  ['solbiate', 'Solbiate Arno', 4_274],
] as const;
type ComuneId = (typeof GALLARATE)[number][0];

/** Everybody present; `votes` gives each comune's vote (default: against). */
function assembly(votes: Partial<Record<ComuneId, Vote | null>>, attendance: Partial<Record<ComuneId, Attendance>> = {}): Voter[] {
  return GALLARATE.map(([memberId, label, weight]) => {
    const att = attendance[memberId] ?? 'present';
    return { memberId, label, weight, attendance: att, vote: att === 'absent' ? null : memberId in votes ? votes[memberId]! : 'against' };
  });
}

const BIG_THREE = { gallarate: 'for', cassano: 'for', samarate: 'for' } as const;

const weightedPresent: VotingRule = { type: 'population_weighted', thresholdPercent: 50, base: 'present' };

test('the nine comuni weigh 120.498 inhabitants in all', () => {
  assert.equal(
    GALLARATE.reduce((s, [, , w]) => s + w, 0),
    120_498,
  );
});

test('a population-weighted majority approves what the three most populous comuni want, with the arithmetic spelled out', () => {
  const outcome = computeOutcome(weightedPresent, assembly(BIG_THREE));
  assert.equal(outcome.approved, true);
  assert.deepEqual(outcome.totals.for, { count: 3, weight: 88_010 });
  assert.deepEqual(outcome.totals.against, { count: 6, weight: 32_488 });
  assert.deepEqual(outcome.totals.present, { count: 9, weight: 120_498 });
  assert.deepEqual(outcome.totals.members, { count: 9, weight: 120_498 });
  assert.deepEqual(outcome.threshold, {
    value: 60_249,
    comparison: 'more_than',
    unit: 'weight',
    formula: 'più del 50 % di 120.498 (peso dei presenti) = 60.249',
  });
  assert.equal(outcome.support.numerator, 88_010);
  assert.equal(outcome.support.denominator, 120_498);
  assert.equal(outcome.support.value!.toFixed(2), '73.04');
  assert.equal(outcome.support.formula, '88.010 / 120.498 × 100 = 73,04 %');
  assert.deepEqual(outcome.quorum, { type: null, required: null, present: 9, met: true, formula: 'non richiesto' });
  assert.deepEqual(outcome.explanation, [
    'Regola: maggioranza ponderata: più del 50 % del peso dei presenti',
    'Componenti: 9 (peso complessivo 120.498)',
    'Presenti: 9; peso presente 120.498',
    'Quorum: non richiesto',
    'Peso favorevole: 88.010 (Gallarate 50.456 + Cassano Magnago 21.386 + Samarate 16.168)',
    'Peso contrario: 32.488 (Albizzate 5.292 + Cairate 7.830 + Cavaria con Premezzo 5.713 + Jerago con Orago 5.084 + Oggiona con Santo Stefano 4.295 + Solbiate Arno 4.274)',
    'Peso astenuti: 0',
    'Quota favorevole: 88.010 / 120.498 = 73,04 % del peso dei presenti',
    'Soglia: più del 50 % del peso dei presenti = 60.249',
    '88.010 > 60.249 → approvata',
  ]);
});

test('a simple majority of heads rejects the same proposal, 3 for against 6', () => {
  const outcome = computeOutcome({ type: 'majority_present' }, assembly(BIG_THREE));
  assert.equal(outcome.approved, false);
  assert.deepEqual(outcome.threshold, { value: 6, comparison: 'more_than', unit: 'votes', formula: 'favorevoli > contrari = più di 6' });
  assert.deepEqual(outcome.explanation.slice(4), [
    'Favorevoli: 3 (Gallarate, Cassano Magnago, Samarate)',
    'Contrari: 6 (Albizzate, Cairate, Cavaria con Premezzo, Jerago con Orago, Oggiona con Santo Stefano, Solbiate Arno)',
    'Astenuti: 0',
    'Quota favorevole: 3 / 9 = 33,33 % dei voti espressi (favorevoli + contrari)',
    'Soglia: più voti favorevoli che contrari, gli astenuti non contano = più di 6 voti favorevoli',
    '3 ≤ 6 → respinta',
  ]);
});

/** What a vote comes to: approved or not, the threshold's value and the explanation's last two lines. */
function verdict(rule: VotingRule, voters: Voter[]) {
  const outcome = computeOutcome(rule, voters);
  return { approved: outcome.approved, threshold: outcome.threshold.value, lines: outcome.explanation.slice(-2) };
}

test('a weighted majority of all members counts absent comuni in the base', () => {
  const votes = { gallarate: 'for', cassano: 'for' } as const;
  const absent = { samarate: 'absent' } as const;
  // Present: 120.498 − 16.168 = 104.330, half = 52.165; in favour 71.842. 60 % of 120.498 = 72.298,8 > 71.842.
  assert.deepEqual(verdict(weightedPresent, assembly(votes, absent)), {
    approved: true,
    threshold: 52_165,
    lines: ['Soglia: più del 50 % del peso dei presenti = 52.165', '71.842 > 52.165 → approvata'],
  });
  const onMembers: VotingRule = { type: 'population_weighted', thresholdPercent: 60, base: 'members' };
  assert.deepEqual(verdict(onMembers, assembly(votes, absent)), {
    approved: false,
    threshold: 72_298.8,
    lines: ['Soglia: più del 60 % del peso complessivo dei componenti = 72.298,8', '71.842 ≤ 72.298,8 → respinta'],
  });
  assert.ok(computeOutcome(onMembers, assembly(votes, absent)).explanation.includes('Assenti: 1 (Samarate)'));
});

test('exactly reaching a weighted threshold is not enough: it takes more than the percentage', () => {
  // Gallarate, Cairate and Jerago con Orago absent. For: Albizzate + Cassano Magnago + Samarate = 42.846;
  // present weight 57.128, whose 75 % is exactly 42.846.
  const attendance = { gallarate: 'absent', cairate: 'absent', jerago: 'absent' } as const;
  const votes = { albizzate: 'for', cassano: 'for', samarate: 'for' } as const;
  const cases = [
    { percent: 75, approved: false, threshold: 42_846, last: '42.846 ≤ 42.846 → respinta' },
    { percent: 74.99, approved: true, threshold: 42_840.2872, last: '42.846 > 42.840,2872 → approvata' },
  ];
  for (const c of cases) {
    const got = verdict({ type: 'population_weighted', thresholdPercent: c.percent, base: 'present' }, assembly(votes, attendance));
    assert.deepEqual({ approved: got.approved, threshold: got.threshold, last: got.lines[1] }, { approved: c.approved, threshold: c.threshold, last: c.last });
  }
});

test('a tie of heads rejects the proposal, and an abstention does not break the tie', () => {
  const votes = { gallarate: 'for', albizzate: 'for', cairate: 'for', cassano: 'for', samarate: 'abstained' } as const;
  const outcome = computeOutcome({ type: 'majority_present' }, assembly(votes));
  assert.equal(outcome.totals.for.count, 4);
  assert.equal(outcome.totals.against.count, 4);
  assert.equal(outcome.totals.abstained.count, 1);
  assert.equal(outcome.approved, false);
  assert.equal(outcome.explanation.at(-1), '4 ≤ 4 → respinta');
});

test('abstentions are ignored by the majority of voters and count as against in the majority of those present', () => {
  const votes = { gallarate: 'for', albizzate: 'for', cairate: 'for', cassano: 'for', samarate: 'abstained', solbiate: 'abstained' } as const;
  // 4 for, 3 against, 2 abstained.
  const voters = computeOutcome({ type: 'majority_present', abstentionsCountAsAgainst: false }, assembly(votes));
  assert.equal(voters.approved, true);
  assert.equal(voters.explanation.at(-1), '4 > 3 → approvata');
  const present = computeOutcome({ type: 'majority_present', abstentionsCountAsAgainst: true }, assembly(votes));
  assert.equal(present.approved, false);
  assert.deepEqual(present.threshold, { value: 4.5, comparison: 'more_than', unit: 'votes', formula: 'più della metà dei presenti: 9 / 2 = 4,5' });
  assert.equal(present.explanation.at(-2), 'Soglia: più della metà dei presenti, astenuti e non votanti contano come contrari = più di 4,5 voti favorevoli');
  assert.equal(present.explanation.at(-1), '4 ≤ 4,5 → respinta');
});

test('without the quorum of members nothing is approved, even a unanimous vote, and the explanation says why', () => {
  const attendance = { cairate: 'absent', cavaria: 'absent', jerago: 'absent', oggiona: 'absent', solbiate: 'absent' } as const;
  const votes = { gallarate: 'for', albizzate: 'for', cassano: 'for', samarate: 'for' } as const;
  const outcome = computeOutcome({ type: 'majority_present', quorum: { type: 'members', percent: 50 } }, assembly(votes, attendance));
  assert.equal(outcome.approved, false);
  assert.deepEqual(outcome.quorum, {
    type: 'members',
    required: 5,
    present: 4,
    met: false,
    formula: 'almeno il 50 % dei 9 componenti = 4,5 → 5 presenti; presenti 4 < 5 → non raggiunto',
  });
  assert.equal(outcome.totals.for.count, 4);
  assert.deepEqual(outcome.explanation, [
    'Regola: maggioranza dei votanti: più favorevoli che contrari (gli astenuti non contano); quorum: almeno il 50 % dei componenti presenti',
    'Componenti: 9',
    'Presenti: 4',
    'Assenti: 5 (Cairate, Cavaria con Premezzo, Jerago con Orago, Oggiona con Santo Stefano, Solbiate Arno)',
    'Quorum: almeno il 50 % dei 9 componenti = 4,5 → 5 presenti; presenti 4 < 5 → non raggiunto',
    'Quorum non raggiunto → non approvata: la seduta non è valida per deliberare e il voto non si conta',
  ]);
});

test('one more present member reaches the quorum of members and the vote counts', () => {
  const attendance = { cavaria: 'absent', jerago: 'absent', oggiona: 'absent', solbiate: 'absent' } as const;
  const votes = { gallarate: 'for', albizzate: 'for', cassano: 'for', samarate: 'for' } as const;
  const outcome = computeOutcome({ type: 'majority_present', quorum: { type: 'members', percent: 50 } }, assembly(votes, attendance));
  assert.equal(outcome.quorum.met, true);
  assert.equal(outcome.quorum.formula, 'almeno il 50 % dei 9 componenti = 4,5 → 5 presenti; presenti 5 ≥ 5 → raggiunto');
  assert.equal(outcome.approved, true);
  assert.equal(outcome.explanation.at(-1), '4 > 1 → approvata');
});

test('a quorum on weight is reached by two large comuni where a quorum on members is not', () => {
  const attendance = Object.fromEntries(GALLARATE.filter(([id]) => id !== 'gallarate' && id !== 'cassano').map(([id]) => [id, 'absent'])) as Record<
    ComuneId,
    Attendance
  >;
  const votes = { gallarate: 'for', cassano: 'for' } as const;
  const byWeight = computeOutcome({ type: 'majority_present', quorum: { type: 'weight', percent: 50 } }, assembly(votes, attendance));
  assert.equal(byWeight.quorum.met, true);
  assert.equal(byWeight.quorum.required, 60_249);
  assert.equal(byWeight.quorum.present, 71_842);
  assert.equal(byWeight.quorum.formula, 'almeno il 50 % del peso complessivo 120.498 = 60.249; peso presente 71.842 ≥ 60.249 → raggiunto');
  assert.equal(byWeight.approved, true);
  const byMembers = computeOutcome({ type: 'majority_present', quorum: { type: 'members', percent: 50 } }, assembly(votes, attendance));
  assert.equal(byMembers.quorum.met, false);
  assert.equal(byMembers.approved, false);
});

test('unanimity is broken by a single abstention', () => {
  const allFor = Object.fromEntries(GALLARATE.map(([id]) => [id, 'for'])) as Record<ComuneId, Vote>;
  assert.equal(computeOutcome({ type: 'unanimity', base: 'present' }, assembly(allFor)).approved, true);
  const outcome = computeOutcome({ type: 'unanimity', base: 'present' }, assembly({ ...allFor, oggiona: 'abstained' }));
  assert.equal(outcome.approved, false);
  assert.ok(outcome.explanation.includes('Astenuti: 1 (Oggiona con Santo Stefano)'));
  assert.equal(outcome.explanation.at(-2), 'Soglia: unanimità dei presenti = 9 voti favorevoli su 9');
  assert.equal(outcome.explanation.at(-1), '8 < 9 → respinta');
});

test('unanimity of members also needs every member present, unanimity of those present does not', () => {
  const allFor = Object.fromEntries(GALLARATE.map(([id]) => [id, 'for'])) as Record<ComuneId, Vote>;
  const oneAbsent = { solbiate: 'absent' } as const;
  const ofPresent = computeOutcome({ type: 'unanimity', base: 'present' }, assembly(allFor, oneAbsent));
  assert.equal(ofPresent.approved, true);
  assert.equal(ofPresent.explanation.at(-1), '8 = 8 → approvata');
  const ofMembers = computeOutcome({ type: 'unanimity', base: 'members' }, assembly(allFor, oneAbsent));
  assert.equal(ofMembers.approved, false);
  assert.equal(ofMembers.explanation.at(-1), '8 < 9 → respinta');
});

test('a two-thirds majority of the nine members needs six votes for', () => {
  const rule: VotingRule = { type: 'qualified_majority', numerator: 2, denominator: 3, base: 'members' };
  const six = { gallarate: 'for', albizzate: 'for', cairate: 'for', cassano: 'for', cavaria: 'for', samarate: 'for' } as const;
  const approved = computeOutcome(rule, assembly(six, { solbiate: 'absent' }));
  assert.equal(approved.approved, true);
  assert.deepEqual(approved.threshold, { value: 6, comparison: 'at_least', unit: 'votes', formula: 'almeno 2/3 dei componenti: 2/3 × 9 = 6' });
  assert.equal(approved.explanation.at(-2), 'Soglia: almeno 2/3 dei componenti = 2/3 × 9 = 6 voti favorevoli');
  assert.equal(approved.explanation.at(-1), '6 ≥ 6 → approvata');
  const five = computeOutcome(rule, assembly({ ...six, cavaria: 'abstained' }, { solbiate: 'absent' }));
  assert.equal(five.approved, false);
  assert.equal(five.explanation.at(-1), '5 < 6 → respinta');
});

test('a two-thirds majority of those present rounds a fraction of a vote up', () => {
  const rule: VotingRule = { type: 'qualified_majority', numerator: 2, denominator: 3, base: 'present' };
  // 8 present: 2/3 × 8 = 5,33 → 6 votes.
  const votes = { gallarate: 'for', albizzate: 'for', cairate: 'for', cassano: 'for', cavaria: 'for' } as const;
  const outcome = computeOutcome(rule, assembly(votes, { solbiate: 'absent' }));
  assert.equal(outcome.threshold.value, 6);
  assert.equal(outcome.explanation.at(-2), 'Soglia: almeno 2/3 dei presenti = 2/3 × 8 = 5,33 → 6 voti favorevoli');
  assert.equal(outcome.approved, false);
});

test('a comune represented by a delegate counts as present, with its weight and its vote', () => {
  const votes = { gallarate: 'for', samarate: 'for' } as const;
  const attendance = { samarate: 'delegated', cassano: 'absent' } as const;
  const outcome = computeOutcome({ ...weightedPresent, quorum: { type: 'members', percent: 50 } }, assembly(votes, attendance));
  assert.deepEqual(outcome.totals.present, { count: 8, weight: 99_112 });
  assert.deepEqual(outcome.totals.delegated, { count: 1, weight: 16_168 });
  assert.deepEqual(outcome.totals.for, { count: 2, weight: 66_624 });
  assert.equal(outcome.quorum.present, 8);
  assert.equal(outcome.explanation[2], 'Presenti: 8, di cui 1 per delega (Samarate); peso presente 99.112');
  // Half of 99.112 = 49.556 < 66.624.
  assert.equal(outcome.explanation.at(-1), '66.624 > 49.556 → approvata');
  assert.equal(outcome.approved, true);
});

test('a present member who does not vote counts for the quorum but not among the votes', () => {
  const votes = { gallarate: 'for', cassano: 'for', samarate: 'for', albizzate: null, cairate: null } as const;
  const attendance = { cavaria: 'absent', jerago: 'absent', oggiona: 'absent', solbiate: 'absent' } as const;
  const outcome = computeOutcome({ type: 'majority_present', quorum: { type: 'members', percent: 50 } }, assembly(votes, attendance));
  assert.equal(outcome.quorum.met, true);
  assert.deepEqual(outcome.totals.notVoting, { count: 2, weight: 13_122 });
  assert.ok(outcome.explanation.includes('Presenti non votanti: 2 (Albizzate, Cairate)'));
  assert.equal(outcome.explanation.at(-1), '3 > 0 → approvata');
  const ofPresent = computeOutcome({ type: 'majority_present', abstentionsCountAsAgainst: true }, assembly(votes, attendance));
  assert.equal(ofPresent.explanation.at(-1), '3 > 2,5 → approvata');
});

test('weights with decimals are compared exactly and printed the Italian way', () => {
  const voters: Voter[] = [
    { memberId: 'a', label: 'Comune A', weight: 333.5, attendance: 'present', vote: 'for' },
    { memberId: 'b', label: 'Comune B', weight: 333.25, attendance: 'present', vote: 'against' },
    { memberId: 'c', label: 'Comune C', weight: 333.25, attendance: 'present', vote: 'abstained' },
  ];
  const outcome = computeOutcome({ type: 'population_weighted', thresholdPercent: 33.35, base: 'members' }, voters);
  // 33,35 % of 1.000 = 333,5: equal, so not more.
  assert.equal(outcome.approved, false);
  assert.equal(outcome.explanation.at(-1), '333,5 ≤ 333,5 → respinta');
  assert.equal(outcome.explanation[5], 'Peso contrario: 333,25 (Comune B 333,25)');
});

test('rules are described in Italian', () => {
  assert.equal(
    describeVotingRule({ type: 'qualified_majority', numerator: 2, denominator: 3, base: 'members', quorum: { type: 'weight', percent: 50 } }),
    'maggioranza qualificata: almeno 2/3 dei componenti; quorum: almeno il 50 % del peso complessivo presente',
  );
  assert.equal(describeVotingRule({ type: 'unanimity', base: 'present' }), 'unanimità dei presenti');
  assert.equal(formatNumber(120_498), '120.498');
  assert.equal(formatNumber(4_274), '4.274');
});

test('a negative weight is refused with the comune named', () => {
  const voters = assembly(BIG_THREE);
  voters[1] = { ...voters[1]!, weight: -5_292 };
  assert.deepEqual(
    issuesOf(() => computeOutcome(weightedPresent, voters)),
    [{ path: 'componente 2 («Albizzate»), peso', message: 'il peso di «Albizzate» non può essere negativo: «-5.292»' }],
  );
});

test('a weighted rule refuses a member without weight, a rule by heads does not need it', () => {
  const voters = assembly(BIG_THREE);
  voters[8] = { ...voters[8]!, weight: undefined };
  assert.deepEqual(
    issuesOf(() => computeOutcome(weightedPresent, voters)),
    [{ path: 'componente 9 («Solbiate Arno»), peso', message: 'manca il peso di «Solbiate Arno», necessario per la maggioranza ponderata' }],
  );
  assert.deepEqual(
    issuesOf(() => computeOutcome({ type: 'majority_present', quorum: { type: 'weight', percent: 50 } }, voters)),
    [{ path: 'componente 9 («Solbiate Arno»), peso', message: 'manca il peso di «Solbiate Arno», necessario per il quorum calcolato sul peso' }],
  );
  const byHeads = computeOutcome({ type: 'majority_present' }, voters);
  assert.equal(byHeads.totals.members.weight, null);
  assert.equal(byHeads.totals.for.weight, 88_010);
});

test('a duplicate member and a vote from an absent member are refused together, each with the member named', () => {
  const voters = assembly(BIG_THREE);
  voters[3] = { ...voters[3]!, memberId: 'gallarate' };
  voters[4] = { ...voters[4]!, attendance: 'absent', vote: 'against' };
  assert.deepEqual(
    issuesOf(() => computeOutcome(weightedPresent, voters)),
    [
      { path: 'componente 4 («Cassano Magnago»), identificativo', message: 'l’identificativo «gallarate» di «Cassano Magnago» è già usato da «Gallarate»' },
      {
        path: 'componente 5 («Cavaria con Premezzo»), voto',
        message:
          '«Cavaria con Premezzo» risulta assente ma ha un voto registrato («contrario»): un assente non vota; se ha delegato, indicare la presenza per delega',
      },
    ],
  );
});

test('invalid rules are refused with the field named', () => {
  const voters = assembly(BIG_THREE);
  assert.deepEqual(
    issuesOf(() => computeOutcome({ type: 'qualified_majority', numerator: 4, denominator: 3, base: 'members' }, voters)),
    [{ path: 'regola, numeratore', message: 'la frazione 4/3 supera l’intero: il numeratore non può superare il denominatore' }],
  );
  assert.deepEqual(
    issuesOf(() => computeOutcome({ type: 'population_weighted', thresholdPercent: 100, base: 'present' }, voters)),
    [{ path: 'regola, soglia percentuale', message: 'la soglia deve essere inferiore al 100 % (è «più del» …%)' }],
  );
  assert.deepEqual(
    issuesOf(() => computeOutcome({ type: 'unanimity', base: 'present', quorum: { type: 'members', percent: 0 } }, voters)),
    [{ path: 'regola, percentuale del quorum', message: 'il quorum deve essere maggiore di 0 %' }],
  );
  assert.equal(issuesOf(() => computeOutcome({ type: 'simple' } as unknown as VotingRule, voters))[0]!.path, 'regola, tipo di regola');
  assert.deepEqual(
    issuesOf(() => computeOutcome({ type: 'majority_present' }, [])),
    [{ path: 'componenti', message: 'l’organo non ha componenti: indicare almeno un componente' }],
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Properties, checked exhaustively on the nine comuni

/** Every way the nine comuni can vote for or against (2^9), optionally with the i-th comune absent. */
function* forAgainstAssignments(): Generator<Voter[]> {
  for (let mask = 0; mask < 1 << GALLARATE.length; mask++) {
    yield GALLARATE.map(([memberId, label, weight], i) => ({
      memberId,
      label,
      weight,
      attendance: mask % 7 === i ? 'absent' : 'present',
      vote: mask % 7 === i ? null : mask & (1 << i) ? 'for' : 'against',
    }));
  }
}

test('multiplying every weight by the same factor never changes a weighted outcome', () => {
  const rules: VotingRule[] = [
    { type: 'population_weighted', thresholdPercent: 50, base: 'present' },
    { type: 'population_weighted', thresholdPercent: 50, base: 'members', quorum: { type: 'weight', percent: 60 } },
    { type: 'population_weighted', thresholdPercent: 66.67, base: 'present' },
    { type: 'population_weighted', thresholdPercent: 75, base: 'present' },
  ];
  const factors = [2, 3, 7, 10, 1000, 0.5, 0.1, 0.001];
  let checked = 0;
  for (const voters of forAgainstAssignments()) {
    for (const rule of rules) {
      const original = computeOutcome(rule, voters).approved;
      for (const factor of factors) {
        const scaled = voters.map((v) => ({ ...v, weight: Number((v.weight! * factor).toFixed(6)) }));
        assert.equal(computeOutcome(rule, scaled).approved, original, `${describeVotingRule(rule)} × ${factor}`);
        checked++;
      }
    }
  }
  assert.equal(checked, 512 * 4 * 8);
  // The exact boundary (42.846 = 75 % of 57.128) stays a rejection at every scale, 74,99 % an approval.
  const boundary = assembly({ albizzate: 'for', cassano: 'for', samarate: 'for' }, { gallarate: 'absent', cairate: 'absent', jerago: 'absent' });
  for (const factor of factors) {
    const scaled = boundary.map((v) => ({ ...v, weight: Number((v.weight! * factor).toFixed(6)) }));
    assert.equal(computeOutcome({ type: 'population_weighted', thresholdPercent: 75, base: 'present' }, scaled).approved, false, `75 % × ${factor}`);
    assert.equal(computeOutcome({ type: 'population_weighted', thresholdPercent: 74.99, base: 'present' }, scaled).approved, true, `74,99 % × ${factor}`);
  }
});

test('moving one voter from against to for never turns an approval into a rejection', () => {
  const rules: VotingRule[] = [
    { type: 'majority_present' },
    { type: 'majority_present', abstentionsCountAsAgainst: true, quorum: { type: 'members', percent: 50 } },
    { type: 'qualified_majority', numerator: 2, denominator: 3, base: 'members' },
    { type: 'qualified_majority', numerator: 3, denominator: 5, base: 'present' },
    { type: 'unanimity', base: 'present' },
    { type: 'population_weighted', thresholdPercent: 50, base: 'present' },
    { type: 'population_weighted', thresholdPercent: 50, base: 'members', quorum: { type: 'weight', percent: 50 } },
  ];
  const choices: (Vote | null)[] = ['for', 'against', 'abstained', null];
  let moves = 0;
  // Every combination of for / against / abstained / non-voting for six comuni, the other three fixed.
  for (let code = 0; code < 4 ** 6; code++) {
    const voters: Voter[] = GALLARATE.map(([memberId, label, weight], i) => {
      if (i >= 6) return { memberId, label, weight, attendance: i === 8 ? 'absent' : 'present', vote: i === 8 ? null : i === 7 ? 'for' : 'against' };
      return { memberId, label, weight, attendance: i === 5 ? 'delegated' : 'present', vote: choices[Math.floor(code / 4 ** i) % 4]! };
    });
    for (const rule of rules) {
      if (!computeOutcome(rule, voters).approved) continue;
      voters.forEach((v, i) => {
        if (v.vote !== 'against') return;
        const moved = voters.map((w, j) => (j === i ? { ...w, vote: 'for' as const } : w));
        assert.equal(computeOutcome(rule, moved).approved, true, `${describeVotingRule(rule)}: ${v.label} contrario → favorevole`);
        moves++;
      });
    }
  }
  assert.ok(moves > 1000);
});

test('weights older than five years before the meeting are flagged: the 2011 census in a 2025 meeting, not a 2020 figure', () => {
  const census = { referenceDate: '2011-10-09', source: 'popolazione legale al censimento 2011 (ISTAT)' };
  assert.deepEqual(oldWeights([census, { referenceDate: '2023-12-31', source: 'serie 2023' }], '2025-03-12'), {
    referenceDate: '2011-10-09',
    year: 2011,
    meetingYear: 2025,
    source: 'popolazione legale al censimento 2011 (ISTAT)',
  });
  // Exactly five years is not «more than five years»; one day more is.
  assert.equal(oldWeights([{ referenceDate: '2020-03-12', source: 'x' }], '2025-03-12'), null);
  assert.equal(oldWeights([{ referenceDate: '2020-03-11', source: 'x' }], '2025-03-12')?.year, 2020);
  assert.equal(oldWeights([{ referenceDate: '2024-01-01', source: 'Sebino' }], '2025-02-10'), null);
  assert.equal(oldWeights([], '2025-02-10'), null, 'no weights, nothing to flag');
  assert.equal(oldWeights([{ referenceDate: null, source: null }], '2025-02-10'), null);
});

test('the fingerprint of a recorded attendance changes when anyone’s attendance changes, not with the order of the rows', () => {
  const nine = Array.from({ length: 9 }, (_, i) => ({ memberId: `m${i}`, status: 'present' }));
  const seven = nine.map((r, i) => (i >= 7 ? { ...r, status: 'absent' } : r));
  assert.equal(attendanceFingerprint(nine), attendanceFingerprint([...nine].reverse()));
  assert.notEqual(attendanceFingerprint(nine), attendanceFingerprint(seven));
  assert.notEqual(attendanceFingerprint(seven), attendanceFingerprint(seven.map((r, i) => (i === 8 ? { ...r, status: 'delegated' } : r))));
  assert.notEqual(attendanceFingerprint(nine), attendanceFingerprint(nine.slice(0, 8)), 'a member more or less is a different attendance');
  assert.match(attendanceFingerprint(nine), /^9-[0-9a-f]{16}$/);
});

test('a member’s share is of the present weight when the weighted rule counts the present, else of all members', () => {
  const votes = [
    { attendance: 'present', weight: 50_456 },
    { attendance: 'present', weight: 60_476 },
    { attendance: 'absent', weight: 9_566 },
  ];
  const present = shareBase({ type: 'population_weighted', thresholdPercent: 50, base: 'present' }, votes);
  assert.equal(present.weight, 110_932);
  assert.equal(present.inBase(votes[2]!), false);
  const all = shareBase({ type: 'population_weighted', thresholdPercent: 50, base: 'members' }, votes);
  assert.equal(all.weight, 120_498);
  assert.equal(all.presentOnly, false);
  assert.equal(shareBase({ type: 'majority_present' }, votes).weight, 120_498);
});
