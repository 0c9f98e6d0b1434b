/**
 * Data requests to the comuni (campagne di raccolta), pure: what can be asked, the shape of each item's figures, the
 * checks on entry (errors refuse, warnings ask for a reason), the life of an entry and the counts the pages show.
 * No I/O, no clock: the caller passes the catalogues, the previous years and today.
 */

/** The items a request can ask, in the order pages and files show them. */
export const COLLECTION_ITEMS = ['spesa', 'utenti', 'assistenti_sociali', 'indicatori'] as const;
export type CollectionItem = (typeof COLLECTION_ITEMS)[number];

/** How many blank rows a form shows after those entered. */
export const BLANK_ROWS = 3;

/** The version of the file templates: a file made from another version is refused. */
export const TEMPLATE_VERSION = 'cantiere-raccolta-1';

export const ENTRY_STATES = ['da_compilare', 'bozza', 'inviato', 'restituito', 'validato'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** Spending of the comune in the year: per area × channel the committed amount and, when known, the paid one. */
export interface SpendingValues {
  rows: { area: string; channel: string; committedCents: number; paidCents: number | null }[];
  /** The total the comune declares (e.g. from its accounts), checked against the sum of the rows. */
  controlTotalCents: number | null;
}

/** Users of the comune's services in the year, per area. */
export interface UsersValues {
  rows: { area: string; users: number }[];
}

/** The social workers in service in the year, one row per person (code, not name), with the FTE of each. */
export interface StaffValues {
  posts: {
    code: string;
    employerKind: string;
    employerName: string;
    contract: string;
    /** Full-time equivalent of the person: 0 < fte ≤ 1 (one person is at most one FTE). */
    fte: number;
    from: string;
    to: string | null;
  }[];
}

/**
 * Values of the indicators the Ufficio di Piano measures per comune, for the periods of the year: as typed (a value,
 * or numerator and denominator for a ratio), read by monitoring's rules of the indicator's kind.
 */
export interface IndicatorValues {
  rows: { indicatorId: string; period: string; value?: string; numerator?: string; denominator?: string }[];
}

export type ItemValues = { spesa: SpendingValues; utenti: UsersValues; assistenti_sociali: StaffValues; indicatori: IndicatorValues };

/** A problem found by the checks: an error refuses the submission, a warning asks for a reason. */
export interface EntryIssue {
  /** Stable id (the key of the reason given for a warning), e.g. «spesa.range.ANZIANI». */
  id: string;
  level: 'error' | 'warning';
  /** The field, as the form and the file name it: «riga 3, liquidato», «totale di controllo». */
  field: string;
  /** A dictionary key of collection.messages and its values. */
  message: string;
  params: Record<string, string | number>;
}

/** What the checks know besides the figures: the catalogues and the comune's figures of the previous years. */
export interface CheckContext {
  year: number;
  areas: readonly string[];
  channels: readonly string[];
  employerKinds: readonly string[];
  contracts: readonly string[];
  /** The comune's validated totals of earlier years: per area the spending (cents) and the users. */
  history: { year: number; area: string; spendingCents: number | null; users: number | null }[];
  /** The indicator × period the comune owes for the year (monitoring), with the indicator's kind and label. */
  indicatorSlots?: { indicatorId: string; period: string; kind: string; locked: boolean; label: string }[];
  /** Monitoring's reading of a typed value for an indicator kind: the problems, empty when it reads. */
  valueProblems?: (kind: string, raw: { value?: string; numerator?: string; denominator?: string }) => string[];
}

/**
 * How far from the range of the previous years a value may go before it asks for a comment: below half the lowest or
 * above one and a half times the highest value recorded for the area in the previous years.
 */
export const RANGE_TOLERANCE = { below: 0.5, above: 1.5 } as const;

const rowField = (n: number, column: string) => ({ field: `riga ${n}, ${column}` });

function rangeIssue(kind: 'spesa' | 'utenti', area: string, value: number, ctx: CheckContext): EntryIssue | null {
  const previous = ctx.history
    .filter((h) => h.year < ctx.year && h.area === area)
    .map((h) => (kind === 'spesa' ? h.spendingCents : h.users))
    .filter((v): v is number => v !== null);
  if (previous.length === 0) return null;
  const min = Math.min(...previous);
  const max = Math.max(...previous);
  const years = ctx.history.filter((h) => h.year < ctx.year && h.area === area).map((h) => h.year);
  const low = value < min * RANGE_TOLERANCE.below;
  const high = value > max * RANGE_TOLERANCE.above;
  if (!low && !high) return null;
  return {
    id: `${kind}.range.${area}`,
    level: 'warning',
    field: `${kind === 'spesa' ? 'spesa' : 'utenti'}, area ${area}`,
    message: kind === 'spesa' ? (high ? 'coll.check.spendHigh' : 'coll.check.spendLow') : high ? 'coll.check.usersHigh' : 'coll.check.usersLow',
    params: { area, value, min, max, from: Math.min(...years), to: Math.max(...years) },
  };
}

/** The checks of the spending item. */
export function checkSpending(v: SpendingValues, ctx: CheckContext): EntryIssue[] {
  const issues: EntryIssue[] = [];
  const seen = new Map<string, number>();
  v.rows.forEach((r, i) => {
    const n = i + 1;
    if (!ctx.areas.includes(r.area))
      issues.push({ id: `spesa.area.${n}`, level: 'error', ...rowField(n, 'area'), message: 'coll.check.area', params: { area: r.area } });
    if (!ctx.channels.includes(r.channel))
      issues.push({ id: `spesa.channel.${n}`, level: 'error', ...rowField(n, 'canale'), message: 'coll.check.channel', params: { channel: r.channel } });
    const key = `${r.area}|${r.channel}`;
    if (seen.has(key))
      issues.push({
        id: `spesa.dup.${n}`,
        level: 'error',
        ...rowField(n, 'area'),
        message: 'coll.check.duplicate',
        params: { first: seen.get(key)!, area: r.area, channel: r.channel },
      });
    else seen.set(key, n);
    if (r.paidCents !== null && r.paidCents > r.committedCents)
      issues.push({
        id: `spesa.paid.${n}`,
        level: 'error',
        ...rowField(n, 'liquidato'),
        message: 'coll.check.paidAboveCommitted',
        params: { paid: r.paidCents, committed: r.committedCents },
      });
  });
  const sum = v.rows.reduce((s, r) => s + r.committedCents, 0);
  if (v.controlTotalCents !== null && v.controlTotalCents !== sum)
    issues.push({
      id: 'spesa.controlTotal',
      level: 'error',
      field: 'totale di controllo',
      message: 'coll.check.controlTotal',
      params: { sum, total: v.controlTotalCents, difference: sum - v.controlTotalCents },
    });
  for (const [area, cents] of totalsBy(
    v.rows,
    (r) => r.area,
    (r) => r.committedCents,
  )) {
    const issue = rangeIssue('spesa', area, cents, ctx);
    if (issue) issues.push(issue);
  }
  return issues;
}

/** The checks of the users item. */
export function checkUsers(v: UsersValues, ctx: CheckContext): EntryIssue[] {
  const issues: EntryIssue[] = [];
  const seen = new Map<string, number>();
  v.rows.forEach((r, i) => {
    const n = i + 1;
    if (!ctx.areas.includes(r.area))
      issues.push({ id: `utenti.area.${n}`, level: 'error', ...rowField(n, 'area'), message: 'coll.check.area', params: { area: r.area } });
    if (seen.has(r.area))
      issues.push({
        id: `utenti.dup.${n}`,
        level: 'error',
        ...rowField(n, 'area'),
        message: 'coll.check.duplicateArea',
        params: { first: seen.get(r.area)!, area: r.area },
      });
    else seen.set(r.area, n);
    const issue = rangeIssue('utenti', r.area, r.users, ctx);
    if (issue) issues.push(issue);
  });
  return issues;
}

/** The checks of the social-workers item: one person is at most one FTE, in service during the year. */
export function checkStaff(v: StaffValues, ctx: CheckContext): EntryIssue[] {
  const issues: EntryIssue[] = [];
  const seen = new Map<string, number>();
  const first = `${ctx.year}-01-01`;
  const last = `${ctx.year}-12-31`;
  v.posts.forEach((p, i) => {
    const n = i + 1;
    if (seen.has(p.code))
      issues.push({
        id: `staff.dup.${n}`,
        level: 'error',
        ...rowField(n, 'codice'),
        message: 'coll.check.duplicateCode',
        params: { first: seen.get(p.code)!, code: p.code },
      });
    else seen.set(p.code, n);
    if (!ctx.employerKinds.includes(p.employerKind))
      issues.push({
        id: `staff.employer.${n}`,
        level: 'error',
        ...rowField(n, 'tipo_datore'),
        message: 'coll.check.employerKind',
        params: { kind: p.employerKind },
      });
    if (!ctx.contracts.includes(p.contract))
      issues.push({ id: `staff.contract.${n}`, level: 'error', ...rowField(n, 'contratto'), message: 'coll.check.contract', params: { contract: p.contract } });
    if (!(p.fte > 0)) issues.push({ id: `staff.fte.${n}`, level: 'error', ...rowField(n, 'etp'), message: 'coll.check.fteZero', params: {} });
    else if (p.fte > 1)
      issues.push({ id: `staff.fte.${n}`, level: 'error', ...rowField(n, 'etp'), message: 'coll.check.fteAboveHeadcount', params: { fte: p.fte } });
    if (p.to !== null && p.to < p.from)
      issues.push({ id: `staff.period.${n}`, level: 'error', ...rowField(n, 'al'), message: 'coll.check.periodReversed', params: { from: p.from, to: p.to } });
    else if (p.from > last || (p.to !== null && p.to < first))
      issues.push({ id: `staff.year.${n}`, level: 'error', ...rowField(n, 'dal'), message: 'coll.check.outsideYear', params: { year: ctx.year } });
  });
  return issues;
}

/** The checks of the indicators item: each value for an indicator × period owed and open, readable for its kind. */
export function checkIndicators(v: IndicatorValues, ctx: CheckContext): EntryIssue[] {
  const issues: EntryIssue[] = [];
  const seen = new Set<string>();
  v.rows.forEach((r, i) => {
    const n = i + 1;
    const slot = ctx.indicatorSlots?.find((s) => s.indicatorId === r.indicatorId && s.period === r.period);
    const field = slot ? `${slot.label}, ${r.period}` : `riga ${n}`;
    if (!slot) {
      issues.push({ id: `ind.slot.${n}`, level: 'error', field, message: 'coll.check.indicatorNotOwed', params: { period: r.period } });
      return;
    }
    if (seen.has(`${r.indicatorId}|${r.period}`)) {
      issues.push({ id: `ind.dup.${n}`, level: 'error', field, message: 'coll.check.indicatorTwice', params: { period: r.period } });
      return;
    }
    seen.add(`${r.indicatorId}|${r.period}`);
    if (slot.locked) issues.push({ id: `ind.locked.${n}`, level: 'error', field, message: 'coll.check.indicatorLocked', params: { period: r.period } });
    for (const problem of ctx.valueProblems?.(slot.kind, r) ?? [])
      issues.push({ id: `ind.value.${n}`, level: 'error', field, message: 'coll.check.indicatorValue', params: { problem } });
  });
  return issues;
}

export function checkItem<I extends CollectionItem>(item: I, values: ItemValues[I], ctx: CheckContext): EntryIssue[] {
  switch (item) {
    case 'spesa':
      return checkSpending(values as SpendingValues, ctx);
    case 'utenti':
      return checkUsers(values as UsersValues, ctx);
    case 'assistenti_sociali':
      return checkStaff(values as StaffValues, ctx);
    case 'indicatori':
      return checkIndicators(values as IndicatorValues, ctx);
  }
  return [];
}

/** What stops a submission: errors, and warnings without a reason (named, so the form can point at them). */
export function blockingIssues(issues: readonly EntryIssue[], reasons: Readonly<Record<string, string>>): EntryIssue[] {
  return issues.filter((i) => i.level === 'error' || !(reasons[i.id] ?? '').trim());
}

// ——— The life of an entry ———————————————————————————————————————————————————————————————————————

export type EntryTransition = 'save' | 'submit' | 'validate' | 'return';

/**
 * The state an entry goes to, or null when the transition is not allowed from its state: a validated entry is closed
 * (nothing is saved or sent over it); only a sent entry is validated or sent back; a sent-back entry is corrected and
 * sent again. Saving a sent entry takes it back to draft (it must be sent again).
 */
export function nextState(from: EntryState, transition: EntryTransition): EntryState | null {
  if (from === 'validato') return null;
  switch (transition) {
    case 'save':
      return 'bozza';
    case 'submit':
      return 'inviato';
    case 'validate':
      return from === 'inviato' ? 'validato' : null;
    case 'return':
      return from === 'inviato' ? 'restituito' : null;
  }
}

// ——— Counts ————————————————————————————————————————————————————————————————————————————————————

export interface RecipientProgress {
  comuneId: string;
  states: Partial<Record<CollectionItem, EntryState>>;
}

/**
 * How far a request is: recipients whose every item is validated («2 comuni su 9»), per item the count of each state,
 * and the recipients late (deadline passed and something not yet sent or validated).
 */
export function requestProgress(items: readonly CollectionItem[], recipients: readonly RecipientProgress[], deadline: string, today: string) {
  const complete = recipients.filter((r) => items.every((i) => r.states[i] === 'validato'));
  const byItem = Object.fromEntries(
    items.map((i) => [i, Object.fromEntries(ENTRY_STATES.map((s) => [s, recipients.filter((r) => (r.states[i] ?? 'da_compilare') === s).length]))]),
  ) as Record<CollectionItem, Record<EntryState, number>>;
  const overdue =
    today > deadline
      ? recipients.filter((r) => items.some((i) => !['inviato', 'validato'].includes(r.states[i] ?? 'da_compilare'))).map((r) => r.comuneId)
      : [];
  return { validatedRecipients: complete.length, recipients: recipients.length, byItem, overdue };
}

/** Is the entry still to be done by the recipient (not sent, not validated)? */
export const isPending = (state: EntryState) => state === 'da_compilare' || state === 'bozza' || state === 'restituito';

function totalsBy<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + value(r));
  return m;
}

/** The totals per area of the committed spending (what enters the Ambito's figures). */
export const spendingByArea = (v: SpendingValues) =>
  totalsBy(
    v.rows,
    (r) => r.area,
    (r) => r.committedCents,
  );

/** Total FTE of the declared posts, exact to the ten-thousandth. */
export const declaredFte = (v: StaffValues) => Math.round(v.posts.reduce((s, p) => s + Math.round(p.fte * 10_000), 0)) / 10_000;
