// Pure rules of the thematic tables: who is a member on a day, until when a reply can be given, and the figures of
// the replies to a meeting. They return numbers and booleans (never formatted strings); the pages format them.

/** The kinds of table: thematic table, working group, co-design group, concertation table. */
export const TABLE_KINDS = ['tavolo_tematico', 'gruppo_di_lavoro', 'gruppo_coprogettazione', 'tavolo_concertazione'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** An organisation's answer to a convocation. */
export const REPLIES = ['partecipa', 'non_partecipa'] as const;
export type Reply = (typeof REPLIES)[number];

/** The time zone meetings are held in (the day of a meeting is its Italian date). */
const ROME = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Italian calendar day (AAAA-MM-GG) of an instant. */
export function romeDay(instant: Date): string {
  return ROME.format(instant);
}

export interface MembershipPeriod {
  validFrom: string;
  validTo: string;
  /** The day the organisation left the table: its last day as a member (null: it has not left). */
  leftOn: string | null;
}

/** True when the organisation is a member of the table on `day` (ISO): within its period and not left before that day. */
export function isMemberOn(m: MembershipPeriod, day: string): boolean {
  return m.validFrom <= day && day <= m.validTo && (m.leftOn === null || day <= m.leftOn);
}

/** True when the organisation has left the table (on or before `today`). */
export function hasLeft(m: Pick<MembershipPeriod, 'leftOn'>, today: string): boolean {
  return m.leftOn !== null && m.leftOn < today;
}

/** A reply can be given or changed until the meeting starts. */
export function canReplyAt(meetingStartsAt: Date, now: Date): boolean {
  return now.getTime() < meetingStartsAt.getTime();
}

export interface ReplyFigures {
  /** Organisations that are members of the table on the meeting's day (the denominator). */
  members: number;
  /** Of those, the ones that replied (confirmed or declined). */
  replied: number;
  confirmed: number;
  declined: number;
  /** members − replied. */
  waiting: number;
}

/**
 * The replies to a meeting against the table's members on its day: «`replied` su `members` organizzazioni hanno
 * risposto». A reply of an organisation that is not a member on that day (it left afterwards) is not counted.
 */
export function replyFigures(memberOrganisationIds: readonly string[], replies: readonly { organisationId: string; reply: string }[]): ReplyFigures {
  const members = new Set(memberOrganisationIds);
  const counted = new Map<string, string>();
  for (const r of replies) if (members.has(r.organisationId)) counted.set(r.organisationId, r.reply);
  const confirmed = [...counted.values()].filter((r) => r === 'partecipa').length;
  const declined = [...counted.values()].filter((r) => r === 'non_partecipa').length;
  return { members: members.size, replied: counted.size, confirmed, declined, waiting: members.size - counted.size };
}
