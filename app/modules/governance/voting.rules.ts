// Esito delle deliberazioni degli organi di governo del Piano di Zona (Assemblea dei Sindaci, Comitato/Tavolo
// politico, Tavoli tematici). No single law fixes quorum and majorities of these bodies: the Convenzione among the
// comuni and the body's regolamento do (seed 002, Accordo di Programma, L129 «Tra i nove Comuni vige anche un
// rapporto convenzionale»; Art. 9, L596: «L’Assemblea dei Sindaci è costituita dai Sindaci dei Comuni dell’Ambito
// di Gallarate o loro delegati»). For the municipal councils the TUEL (D.Lgs. 267/2000, art. 38, c. 2) likewise
// leaves the quorum (numero legale) to the regolamento. This module evaluates whichever rule the regolamento states.
//
// Definitions (precise, because the words of the regolamenti are ambiguous):
// - a member is *present* when attending in person or through a delegate (`delegated`): the delegate casts the
//   member's vote and the member counts for the quorum and for every «presenti» base;
// - a present member with `vote: null` is «presente non votante»: counted for the quorum and in the «presenti»
//   base, in none of favorevoli / contrari / astenuti; an absent member never has a vote;
// - `majority_present` without `abstentionsCountAsAgainst` is the «maggioranza dei votanti»: approved when
//   favorevoli > contrari (abstentions and non-voting present members are not counted; a tie rejects); with
//   `abstentionsCountAsAgainst: true` it is the «maggioranza dei presenti»: approved when favorevoli > metà dei
//   presenti (abstentions and non-voting present members weigh as contrari);
// - `qualified_majority` is «almeno numerator/denominator» of the base (2/3 of 9 members = 6 votes suffice; 2/3 of
//   10 = 6,67 → 7 votes); a fraction of an empty base still needs one favourable vote;
// - `unanimity` needs every member of the base to vote for (one abstention or one non-voting member breaks it);
//   with `base: 'members'` everybody must also be present;
// - `population_weighted` is «più del thresholdPercent % del peso» of the base (present members or all members):
//   the favourable weight must exceed it strictly; abstentions weigh as not favourable;
// - the quorum is reached when the present members (or their weight) are *at least* `percent` % of the members
//   (or of the total weight): 50 % of 9 members = 4,5 → 5 present. A rule «metà più uno» on an even number of
//   members is not 50 %: with 10 members use a percent above 50 (e.g. 51 → 6 present).
// Weights may have up to 6 decimals (e.g. millesimi); all comparisons are made on exact scaled integers, so scaling
// every weight by the same factor never changes an outcome. Pure: no I/O, no clock.

import { formatNumberUpTo } from '../../shared/format/index.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { z } from '../../shared/validation.ts';

// ---------------------------------------------------------------------------------------------------------------
// Rules and voters

export type VotingBase = 'present' | 'members';

export interface QuorumRule {
  /** `members`: present members / members; `weight`: present weight / total weight. */
  type: 'members' | 'weight';
  /** Reached when the present share is at least this percentage (0 < percent ≤ 100). */
  percent: number;
}

export type VotingRule =
  | { type: 'majority_present'; abstentionsCountAsAgainst?: boolean; quorum?: QuorumRule }
  | { type: 'qualified_majority'; numerator: number; denominator: number; base: VotingBase; quorum?: QuorumRule }
  | { type: 'unanimity'; base: VotingBase; quorum?: QuorumRule }
  | { type: 'population_weighted'; thresholdPercent: number; base: VotingBase; quorum?: QuorumRule };

export type VotingRuleType = VotingRule['type'];
export type Attendance = 'present' | 'absent' | 'delegated';
export type Vote = 'for' | 'against' | 'abstained';

export interface Voter {
  memberId: string;
  /** What the user reads, e.g. the comune's name «Cassano Magnago». */
  label: string;
  /** The member's weight (e.g. the comune's population); required by weighted rules and weight quorums. */
  weight?: number | null;
  attendance: Attendance;
  /** null: no vote (always for an absent member; «presente non votante» for a present one). */
  vote: Vote | null;
}

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: 'presente',
  absent: 'assente',
  delegated: 'presente per delega',
};

export const VOTE_LABELS: Record<Vote, string> = {
  for: 'favorevole',
  against: 'contrario',
  abstained: 'astenuto',
};

/** Up to 6 decimals: weights and percentages are compared as integers scaled by 10^6. */
const DECIMALS = 6;
const SCALE = 10n ** BigInt(DECIMALS);
/** Beyond this a number cannot be scaled exactly. */
const MAX_WEIGHT = 1e15;

function hasAtMostSixDecimals(v: number): boolean {
  return Number(v.toFixed(DECIMALS)) === v;
}

const percentField = (label: string) =>
  z
    .number({ message: `${label}: deve essere un numero` })
    .refine((v) => Number.isFinite(v), `${label}: deve essere un numero finito`)
    .refine((v) => !Number.isFinite(v) || hasAtMostSixDecimals(v), `${label}: al massimo ${DECIMALS} cifre decimali`);

const quorumSchema = z.object({
  type: z.enum(['members', 'weight'], { message: 'tipo di quorum non valido: «members» (componenti) o «weight» (peso)' }),
  percent: percentField('quorum')
    .refine((v) => v > 0, 'il quorum deve essere maggiore di 0 %')
    .refine((v) => v <= 100, 'il quorum non può superare il 100 %'),
});

const baseField = z.enum(['present', 'members'], {
  message: 'base di calcolo non valida: «present» (presenti) o «members» (componenti)',
});

const fractionTerm = (label: string) =>
  z
    .number({ message: `${label}: deve essere un numero` })
    .int(`${label}: deve essere un numero intero`)
    .min(1, `${label}: deve essere almeno 1`)
    .max(1000, `${label}: al massimo 1000`);

/** The zod schema of a voting rule (forms, regolamento settings). */
export const votingRuleSchema: z.ZodType<VotingRule> = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('majority_present'),
      abstentionsCountAsAgainst: z.boolean({ message: 'indicare sì o no' }).optional(),
      quorum: quorumSchema.optional(),
    }),
    z.object({
      type: z.literal('qualified_majority'),
      numerator: fractionTerm('numeratore'),
      denominator: fractionTerm('denominatore'),
      base: baseField,
      quorum: quorumSchema.optional(),
    }),
    z.object({ type: z.literal('unanimity'), base: baseField, quorum: quorumSchema.optional() }),
    z.object({
      type: z.literal('population_weighted'),
      thresholdPercent: percentField('soglia')
        .refine((v) => v >= 0, 'la soglia non può essere negativa')
        .refine((v) => v < 100, 'la soglia deve essere inferiore al 100 % (è «più del» …%)'),
      base: baseField,
      quorum: quorumSchema.optional(),
    }),
  ],
  { message: 'tipo di regola non valido: majority_present, qualified_majority, unanimity o population_weighted' },
);

const RULE_FIELD_LABELS: Record<string, string> = {
  type: 'tipo di regola',
  abstentionsCountAsAgainst: 'astenuti come contrari',
  numerator: 'numeratore',
  denominator: 'denominatore',
  base: 'base di calcolo',
  thresholdPercent: 'soglia percentuale',
  quorum: 'quorum',
  'quorum.type': 'tipo di quorum',
  'quorum.percent': 'percentuale del quorum',
};

// ---------------------------------------------------------------------------------------------------------------
// Outcome

/** A count of members and their weight (null when some member of the group has no weight). */
export interface Tally {
  count: number;
  weight: number | null;
}

export interface VotingOutcome {
  approved: boolean;
  quorum: {
    /** null when the rule sets no quorum (then it is always met). */
    type: QuorumRule['type'] | null;
    /** Members (an integer) or weight needed; null without a quorum. */
    required: number | null;
    /** Present members or present weight, in the unit of `type` (members when there is no quorum). */
    present: number;
    met: boolean;
    formula: string;
  };
  totals: {
    for: Tally;
    against: Tally;
    abstained: Tally;
    /** Present members who did not vote. */
    notVoting: Tally;
    /** In person or by delegation. */
    present: Tally;
    /** Of which by delegation. */
    delegated: Tally;
    members: Tally;
  };
  /** The favourable share of the rule's base (votes or weight), in percent; null when the base is empty. */
  support: { numerator: number; denominator: number; value: number | null; formula: string };
  /** What the favourable votes (or weight) are compared with. */
  threshold: { value: number; comparison: 'more_than' | 'at_least'; unit: 'votes' | 'weight'; formula: string };
  /** The arithmetic in Italian, one line per step, as shown on screen. */
  explanation: string[];
}

/** Italian description of a rule, e.g. «maggioranza ponderata: più del 50 % del peso dei presenti». */
/**
 * The weight each member's share is a part of: the weight of those present when the rule is population-weighted on
 * the present members (an absent member has no share of it), otherwise the weight of all members.
 */
export function shareBase(
  rule: VotingRule,
  votes: readonly { attendance: string; weight: number | null }[],
): { presentOnly: boolean; inBase: (v: { attendance: string }) => boolean; weight: number } {
  const presentOnly = rule.type === 'population_weighted' && rule.base === 'present';
  const inBase = (v: { attendance: string }) => !presentOnly || v.attendance !== 'absent';
  return { presentOnly, inBase, weight: votes.filter(inBase).reduce((s, v) => s + (v.weight ?? 0), 0) };
}

export function describeVotingRule(rule: VotingRule): string {
  let text: string;
  switch (rule.type) {
    case 'majority_present':
      text = rule.abstentionsCountAsAgainst
        ? 'maggioranza dei presenti: più della metà dei presenti (astenuti e non votanti contano come contrari)'
        : 'maggioranza dei votanti: più favorevoli che contrari (gli astenuti non contano)';
      break;
    case 'qualified_majority':
      text = `maggioranza qualificata: almeno ${rule.numerator}/${rule.denominator} ${baseOf(rule.base)}`;
      break;
    case 'unanimity':
      text = `unanimità ${baseOf(rule.base)}`;
      break;
    case 'population_weighted':
      text = `maggioranza ponderata: più del ${formatNumber(rule.thresholdPercent, DECIMALS)} % del peso ${baseOf(rule.base)}`;
      break;
  }
  if (rule.quorum) text += `; quorum: ${describeQuorum(rule.quorum)}`;
  return text;
}

function baseOf(base: VotingBase): string {
  return base === 'present' ? 'dei presenti' : 'dei componenti';
}

function describeQuorum(q: QuorumRule): string {
  return q.type === 'members'
    ? `almeno il ${formatNumber(q.percent, DECIMALS)} % dei componenti presenti`
    : `almeno il ${formatNumber(q.percent, DECIMALS)} % del peso complessivo presente`;
}

/**
 * The outcome of a vote under a rule. Throws `ValidationError` (every problem, with the member named) for an invalid
 * rule, a negative or missing weight where weights are needed, a duplicate memberId, a vote from an absent member.
 */
export function computeOutcome(rule: VotingRule, voters: readonly Voter[]): VotingOutcome {
  const validRule = validateRule(rule);
  const needsWeight = validRule.type === 'population_weighted' || validRule.quorum?.type === 'weight';
  validateVoters(voters, needsWeight ? weightReason(validRule) : null);

  const members = voters;
  const present = members.filter((v) => v.attendance !== 'absent');
  const delegated = members.filter((v) => v.attendance === 'delegated');
  const absent = members.filter((v) => v.attendance === 'absent');
  const inFavour = present.filter((v) => v.vote === 'for');
  const against = present.filter((v) => v.vote === 'against');
  const abstained = present.filter((v) => v.vote === 'abstained');
  const notVoting = present.filter((v) => v.vote === null);

  const totals: VotingOutcome['totals'] = {
    for: tally(inFavour),
    against: tally(against),
    abstained: tally(abstained),
    notVoting: tally(notVoting),
    present: tally(present),
    delegated: tally(delegated),
    members: tally(members),
  };

  const explanation: string[] = [`Regola: ${describeVotingRule(validRule)}`];
  explanation.push(
    needsWeight ? `Componenti: ${members.length} (peso complessivo ${formatNumber(totals.members.weight!, DECIMALS)})` : `Componenti: ${members.length}`,
  );
  let presentLine = `Presenti: ${present.length}`;
  if (delegated.length) presentLine += `, di cui ${delegated.length} per delega (${names(delegated)})`;
  if (needsWeight) presentLine += `; peso presente ${formatNumber(totals.present.weight!, DECIMALS)}`;
  explanation.push(presentLine);
  if (absent.length) explanation.push(`Assenti: ${absent.length} (${names(absent)})`);

  const quorum = evaluateQuorum(validRule.quorum, members, present);
  explanation.push(`Quorum: ${quorum.formula}`);

  const decision = evaluateRule(validRule, { members, present, inFavour, against, abstained, notVoting });

  if (!quorum.met) {
    explanation.push('Quorum non raggiunto → non approvata: la seduta non è valida per deliberare e il voto non si conta');
    return { approved: false, quorum, totals, support: decision.support, threshold: decision.threshold, explanation };
  }

  explanation.push(...decision.lines);
  return { approved: decision.approved, quorum, totals, support: decision.support, threshold: decision.threshold, explanation };
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

interface Groups {
  members: readonly Voter[];
  present: readonly Voter[];
  inFavour: readonly Voter[];
  against: readonly Voter[];
  abstained: readonly Voter[];
  notVoting: readonly Voter[];
}

interface Decision {
  approved: boolean;
  support: VotingOutcome['support'];
  threshold: VotingOutcome['threshold'];
  lines: string[];
}

function evaluateQuorum(q: QuorumRule | undefined, members: readonly Voter[], present: readonly Voter[]): VotingOutcome['quorum'] {
  if (!q) return { type: null, required: null, present: present.length, met: true, formula: 'non richiesto' };
  const percent = scaled(q.percent);
  if (q.type === 'members') {
    const exact = percent * BigInt(members.length); // × 10^6 × 100
    const denominator = 100n * SCALE;
    const required = Number((exact + denominator - 1n) / denominator);
    const met = BigInt(present.length) * denominator >= exact;
    const raw = Number(exact) / Number(denominator);
    const need = Number.isInteger(raw)
      ? `${formatNumber(required)} ${required === 1 ? 'presente' : 'presenti'}`
      : `${formatNumber(raw)} → ${formatNumber(required)} ${required === 1 ? 'presente' : 'presenti'}`;
    return {
      type: 'members',
      required,
      present: present.length,
      met,
      formula:
        `almeno il ${formatNumber(q.percent, DECIMALS)} % dei ${members.length} componenti = ${need}; ` +
        `presenti ${present.length} ${met ? '≥' : '<'} ${required} → ${met ? 'raggiunto' : 'non raggiunto'}`,
    };
  }
  const total = sumScaled(members);
  const presentWeight = sumScaled(present);
  const exact = percent * total; // × 10^12 × 100
  const met = presentWeight * 100n * SCALE >= exact;
  const required = Number(exact) / Number(100n * SCALE * SCALE);
  const presentValue = unscale(presentWeight);
  const [shownPresent, shownRequired] = formatPair(presentValue, required);
  return {
    type: 'weight',
    required,
    present: presentValue,
    met,
    formula:
      `almeno il ${formatNumber(q.percent, DECIMALS)} % del peso complessivo ${formatNumber(unscale(total), DECIMALS)} = ${shownRequired}; ` +
      `peso presente ${shownPresent} ${met ? '≥' : '<'} ${shownRequired} → ${met ? 'raggiunto' : 'non raggiunto'}`,
  };
}

/**
 * The decision of a rule that counts heads: the counts, the share in favour of `base` (`of` says of whom), the
 * threshold in words and the verdict line.
 */
function countDecision(
  g: Groups,
  approved: boolean,
  base: number,
  of: string,
  threshold: { value: number; comparison: 'more_than' | 'at_least'; formula: string; line: string },
  verdict: string,
): Decision {
  const forCount = g.inFavour.length;
  const { value, comparison, formula, line } = threshold;
  return {
    approved,
    support: support(forCount, base, of),
    threshold: { value, comparison, unit: 'votes', formula },
    lines: [...countLines(g), supportLine(forCount, base, of), line, verdict],
  };
}

function evaluateRule(rule: VotingRule, g: Groups): Decision {
  const forCount = g.inFavour.length;
  const outcome = (approved: boolean) => (approved ? 'approvata' : 'respinta');
  switch (rule.type) {
    case 'majority_present': {
      if (!rule.abstentionsCountAsAgainst) {
        const against = g.against.length;
        const approved = forCount > against;
        return countDecision(
          g,
          approved,
          forCount + against,
          'dei voti espressi (favorevoli + contrari)',
          {
            value: against,
            comparison: 'more_than',
            formula: `favorevoli > contrari = più di ${formatNumber(against)}`,
            line: `Soglia: più voti favorevoli che contrari, gli astenuti non contano = più di ${formatNumber(against)} voti favorevoli`,
          },
          `${forCount} ${approved ? '>' : '≤'} ${against} → ${outcome(approved)}`,
        );
      }
      const half = g.present.length / 2;
      const approved = 2 * forCount > g.present.length;
      return countDecision(
        g,
        approved,
        g.present.length,
        'dei presenti',
        {
          value: half,
          comparison: 'more_than',
          formula: `più della metà dei presenti: ${g.present.length} / 2 = ${formatNumber(half)}`,
          line: `Soglia: più della metà dei presenti, astenuti e non votanti contano come contrari = più di ${formatNumber(half)} voti favorevoli`,
        },
        `${forCount} ${approved ? '>' : '≤'} ${formatNumber(half)} → ${outcome(approved)}`,
      );
    }
    case 'qualified_majority': {
      const base = rule.base === 'present' ? g.present.length : g.members.length;
      const exact = rule.numerator * base; // over denominator
      const needed = Math.max(1, Math.ceil(exact / rule.denominator)); // integers: exact division
      const approved = forCount >= needed;
      const fraction = `${rule.numerator}/${rule.denominator}`;
      const raw = exact / rule.denominator;
      const product = `${fraction} × ${base} = ${formatNumber(raw)}`;
      const need = Number.isInteger(raw) && raw >= 1 ? product : `${product} → ${needed}`;
      return countDecision(
        g,
        approved,
        base,
        baseOf(rule.base),
        {
          value: needed,
          comparison: 'at_least',
          formula: `almeno ${fraction} ${baseOf(rule.base)}: ${need}`,
          line: `Soglia: almeno ${fraction} ${baseOf(rule.base)} = ${need} ${needed === 1 ? 'voto favorevole' : 'voti favorevoli'}`,
        },
        `${forCount} ${approved ? '≥' : '<'} ${needed} → ${outcome(approved)}`,
      );
    }
    case 'unanimity': {
      const base = rule.base === 'present' ? g.present.length : g.members.length;
      const approved = base > 0 && forCount === base;
      return countDecision(
        g,
        approved,
        base,
        baseOf(rule.base),
        {
          value: base,
          comparison: 'at_least',
          formula: `tutti i ${base} ${rule.base === 'present' ? 'presenti' : 'componenti'} favorevoli`,
          line:
            base > 0
              ? `Soglia: unanimità ${baseOf(rule.base)} = ${base} ${base === 1 ? 'voto favorevole' : 'voti favorevoli'} su ${base}`
              : `Soglia: unanimità ${baseOf(rule.base)}, ma nessun presente`,
        },
        base > 0 ? `${forCount} ${approved ? '=' : '<'} ${base} → ${outcome(approved)}` : 'nessun voto favorevole → respinta',
      );
    }
    case 'population_weighted': {
      const baseScaled = rule.base === 'present' ? sumScaled(g.present) : sumScaled(g.members);
      const forScaled = sumScaled(g.inFavour);
      const percent = scaled(rule.thresholdPercent);
      const approved = forScaled * 100n * SCALE > percent * baseScaled;
      const thresholdValue = Number(percent * baseScaled) / Number(100n * SCALE * SCALE);
      const forValue = unscale(forScaled);
      const baseValue = unscale(baseScaled);
      const [shownFor, shownThreshold] = formatPair(forValue, thresholdValue);
      const baseLabel = rule.base === 'present' ? 'del peso dei presenti' : 'del peso complessivo dei componenti';
      const lines = [weightLine('Peso favorevole', g.inFavour), weightLine('Peso contrario', g.against), weightLine('Peso astenuti', g.abstained)];
      if (g.notVoting.length) lines.push(weightLine('Peso presenti non votanti', g.notVoting));
      const shareFormula = `${formatNumber(forValue, DECIMALS)} / ${formatNumber(baseValue, DECIMALS)}`;
      const share = baseScaled > 0n ? (Number(forScaled) / Number(baseScaled)) * 100 : null;
      lines.push(
        share === null
          ? `Quota favorevole: ${shareFormula}: non calcolabile (peso della base 0)`
          : `Quota favorevole: ${shareFormula} = ${formatPercent(share)} ${baseLabel}`,
        `Soglia: più del ${formatNumber(rule.thresholdPercent, DECIMALS)} % ${baseLabel} = ${shownThreshold}`,
        `${shownFor} ${approved ? '>' : '≤'} ${shownThreshold} → ${outcome(approved)}`,
      );
      return {
        approved,
        support: {
          numerator: forValue,
          denominator: baseValue,
          value: share,
          formula: share === null ? `${shareFormula}: non calcolabile` : `${shareFormula} × 100 = ${formatPercent(share)}`,
        },
        threshold: {
          value: thresholdValue,
          comparison: 'more_than',
          unit: 'weight',
          formula:
            `più del ${formatNumber(rule.thresholdPercent, DECIMALS)} % di ${formatNumber(baseValue, DECIMALS)} ` +
            `(${rule.base === 'present' ? 'peso dei presenti' : 'peso complessivo dei componenti'}) = ${shownThreshold}`,
        },
        lines,
      };
    }
  }
}

function countLines(g: Groups): string[] {
  const lines = [`Favorevoli: ${listed(g.inFavour)}`, `Contrari: ${listed(g.against)}`, `Astenuti: ${listed(g.abstained)}`];
  if (g.notVoting.length) lines.push(`Presenti non votanti: ${listed(g.notVoting)}`);
  return lines;
}

function listed(group: readonly Voter[]): string {
  return group.length ? `${group.length} (${names(group)})` : '0';
}

function names(group: readonly Voter[]): string {
  return group.map((v) => v.label).join(', ');
}

function weightLine(title: string, group: readonly Voter[]): string {
  const total = formatNumber(unscale(sumScaled(group)), DECIMALS);
  if (!group.length) return `${title}: 0`;
  return `${title}: ${total} (${group.map((v) => `${v.label} ${formatNumber(v.weight!, DECIMALS)}`).join(' + ')})`;
}

function supportLine(numerator: number, denominator: number, of: string): string {
  return denominator > 0
    ? `Quota favorevole: ${numerator} / ${denominator} = ${formatPercent((numerator / denominator) * 100)} ${of}`
    : `Quota favorevole: ${numerator} / 0: non calcolabile (nessuno ${of === 'dei componenti' ? 'tra i componenti' : 'nella base'})`;
}

function support(numerator: number, denominator: number, of: string): VotingOutcome['support'] {
  if (denominator === 0) return { numerator, denominator, value: null, formula: `${numerator} / 0: non calcolabile (base vuota)` };
  const value = (numerator / denominator) * 100;
  return { numerator, denominator, value, formula: `${numerator} / ${denominator} × 100 = ${formatPercent(value)} ${of}` };
}

function tally(group: readonly Voter[]): Tally {
  const known = group.every((v) => typeof v.weight === 'number');
  return { count: group.length, weight: known ? unscale(sumScaled(group)) : null };
}

function scaled(v: number): bigint {
  return BigInt(v.toFixed(DECIMALS).replace('.', ''));
}

function sumScaled(group: readonly Voter[]): bigint {
  let sum = 0n;
  for (const v of group) if (typeof v.weight === 'number') sum += scaled(v.weight);
  return sum;
}

function unscale(v: bigint): number {
  return Number(v) / Number(SCALE);
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

function validateRule(rule: VotingRule): VotingRule {
  const parsed = votingRuleSchema.safeParse(rule);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => {
        const key = i.path.map(String).join('.');
        return { path: `regola, ${RULE_FIELD_LABELS[key] ?? (key || 'tipo di regola')}`, message: i.message };
      }),
      'La regola di voto non è valida.',
    );
  }
  const r = parsed.data;
  if (r.type === 'qualified_majority' && r.numerator > r.denominator) {
    throw new ValidationError(
      [{ path: 'regola, numeratore', message: `la frazione ${r.numerator}/${r.denominator} supera l’intero: il numeratore non può superare il denominatore` }],
      'La regola di voto non è valida.',
    );
  }
  return r;
}

function isVote(value: unknown): value is Vote {
  return typeof value === 'string' && Object.hasOwn(VOTE_LABELS, value);
}

function weightReason(rule: VotingRule): string {
  return rule.type === 'population_weighted' ? 'necessario per la maggioranza ponderata' : 'necessario per il quorum calcolato sul peso';
}

function validateVoters(voters: readonly Voter[], weightNeededBecause: string | null): void {
  const issues: FieldIssue[] = [];
  if (!Array.isArray(voters) || voters.length === 0) {
    throw new ValidationError([{ path: 'componenti', message: 'l’organo non ha componenti: indicare almeno un componente' }], 'La votazione non è valida.');
  }
  const seen = new Map<string, string>();
  voters.forEach((v, index) => {
    const label = typeof v?.label === 'string' && v.label.trim() ? v.label.trim() : typeof v?.memberId === 'string' ? v.memberId : '';
    const where = `componente ${index + 1}${label ? ` («${label}»)` : ''}`;
    const who = label ? `«${label}»` : `il componente ${index + 1}`;
    if (typeof v?.memberId !== 'string' || !v.memberId.trim()) {
      issues.push({ path: `${where}, identificativo`, message: `manca l’identificativo di ${who}` });
    } else {
      const previous = seen.get(v.memberId);
      if (previous !== undefined) {
        issues.push({ path: `${where}, identificativo`, message: `l’identificativo «${v.memberId}» di ${who} è già usato da ${previous}` });
      } else {
        seen.set(v.memberId, who);
      }
    }
    if (typeof v?.label !== 'string' || !v.label.trim()) {
      issues.push({ path: `${where}, nome`, message: `manca il nome del componente «${String(v?.memberId ?? index + 1)}»` });
    }
    if (!(typeof v?.attendance === 'string' && Object.hasOwn(ATTENDANCE_LABELS, v.attendance))) {
      issues.push({
        path: `${where}, presenza`,
        message: `presenza non valida per ${who}: «${String(v?.attendance)}» (presente, assente o presente per delega)`,
      });
    }
    const vote: unknown = v?.vote;
    if (vote !== null && !isVote(vote)) {
      issues.push({ path: `${where}, voto`, message: `voto non valido per ${who}: «${String(vote)}» (favorevole, contrario, astenuto o nessun voto)` });
    } else if (v.attendance === 'absent' && isVote(vote)) {
      issues.push({
        path: `${where}, voto`,
        message: `${who} risulta assente ma ha un voto registrato («${VOTE_LABELS[vote]}»): un assente non vota; se ha delegato, indicare la presenza per delega`,
      });
    }
    const w = v?.weight;
    if (w === undefined || w === null) {
      if (weightNeededBecause) issues.push({ path: `${where}, peso`, message: `manca il peso di ${who}, ${weightNeededBecause}` });
    } else if (typeof w !== 'number' || !Number.isFinite(w)) {
      issues.push({ path: `${where}, peso`, message: `il peso di ${who} non è un numero: «${String(w)}»` });
    } else if (w < 0) {
      issues.push({ path: `${where}, peso`, message: `il peso di ${who} non può essere negativo: «${formatNumber(w, DECIMALS)}»` });
    } else if (w > MAX_WEIGHT) {
      issues.push({ path: `${where}, peso`, message: `il peso di ${who} è troppo grande: «${formatNumber(w, DECIMALS)}»` });
    } else if (!hasAtMostSixDecimals(w)) {
      issues.push({ path: `${where}, peso`, message: `il peso di ${who} ha più di ${DECIMALS} cifre decimali: «${String(w)}»` });
    }
  });
  if (issues.length) throw new ValidationError(issues, 'La votazione non è valida: correggi i dati dei componenti.');
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers in the arithmetic: the shared Italian formats (app/shared/format). The explanation is the decision's
// record, written in Italian like the act it explains.

/** Italian number: '.' for thousands (always, also 5.292), ',' for decimals, at most `digits` decimals. */
export const formatNumber = (n: number, digits = 2): string => formatNumberUpTo('it', n, digits);

/** «73,04 %» (at most `digits` decimals: a threshold of 50 is «50 %»). */
export const formatPercent = (n: number, digits = 2): string => `${formatNumber(n, digits)} %`;

/** Two quantities printed so that different values never look equal (more decimals when needed). */
function formatPair(a: number, b: number): [string, string] {
  let digits = DECIMALS;
  while (digits < 12 && a !== b && formatNumber(a, digits) === formatNumber(b, digits)) digits++;
  return [formatNumber(a, digits), formatNumber(b, digits)];
}

// ---------------------------------------------------------------------------------------------------------------
// Recorded attendance and the age of the weights

/**
 * A short fingerprint of a meeting's recorded attendance (who is present, absent or delegated), carried by the vote
 * form in a hidden field: a form rendered before the attendance changed no longer matches it and is refused.
 * Independent of the order of the rows; FNV-1a 64-bit of the sorted «memberId:status» pairs, in hex.
 */
export function attendanceFingerprint(rows: readonly { memberId: string; status: string }[]): string {
  const text = rows
    .map((r) => `${r.memberId}:${r.status}`)
    .sort()
    .join(';');
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `${rows.length}-${hash.toString(16).padStart(16, '0')}`;
}

/** Population older than this many years before the meeting is flagged as old. */
export const WEIGHT_MAX_AGE_YEARS = 5;

export interface WeightAge {
  /** The oldest reference date among the weights (ISO). */
  referenceDate: string;
  /** Its year, e.g. 2011. */
  year: number;
  /** The meeting's year. */
  meetingYear: number;
  /** That weight's source in words, e.g. «popolazione legale al censimento 2011 (ISTAT)». */
  source: string | null;
}

/**
 * The weights of a vote are «old» when one of them refers to a date more than five years before the meeting (a
 * 2011 census weight in a 2025 meeting): then the body is warned before voting and on the recorded decision. Exactly
 * five years is not more than five. Returns the oldest weight's date and year, or null when none is old (or there
 * are no weights).
 */
export function oldWeights(weights: readonly { referenceDate: string | null; source?: string | null }[], meetingDate: string): WeightAge | null {
  const dated = weights.filter((w): w is { referenceDate: string; source?: string | null } => !!w.referenceDate);
  if (dated.length === 0) return null;
  const oldest = dated.reduce((a, b) => (b.referenceDate < a.referenceDate ? b : a));
  const meetingYear = Number(meetingDate.slice(0, 4));
  const limit = `${String(meetingYear - WEIGHT_MAX_AGE_YEARS).padStart(4, '0')}${meetingDate.slice(4, 10)}`;
  if (!(oldest.referenceDate < limit)) return null;
  return { referenceDate: oldest.referenceDate, year: Number(oldest.referenceDate.slice(0, 4)), meetingYear, source: oldest.source ?? null };
}
