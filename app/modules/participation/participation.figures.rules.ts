// The participation figures of an Ambito, computed from the records at the moment (pure: rows in, numbers out).
//
// Definitions (shown on the figures page):
// - a meeting is HELD when governance marks it «svolta» (attendance recorded) or it ended before now;
// - a meeting's attendance is RECORDED when governance holds at least one attendance row for it;
// - an organisation TOOK PART in a meeting when, in the recorded attendance, one of the body members standing for it
//   (the member's organisation, or the table membership that names that body member) is «present» or «delegated»
//   (someone attended on its behalf); a reply «partecipa» to the convocation is not taking part;
// - a person was PRESENT when a body member who is that person is «present» (a delegate is not a registered person);
// - the COVERAGE of a table = the admitted organisations (applications «ammessa» to a call of the Ambito) whose
//   policy areas share at least one area with the table's (or, for a table without areas, that applied to it) and
//   took part in at least one of its held meetings, over all those admitted organisations.

export interface FigTable {
  id: string;
  name: string;
  policyAreas: string[];
  bodyId: string;
}
export interface FigMeeting {
  id: string;
  bodyId: string;
  /** The meeting's local (Italian) date, ISO. */
  date: string;
  endsAt: string;
  status: string;
}
export interface FigBodyMember {
  id: string;
  bodyId: string;
  personId: string;
  organisationId: string | null;
  validFrom: string | null;
  validTo: string | null;
}
export interface FigAttendance {
  meetingId: string;
  memberId: string;
  /** present | absent | delegated */
  status: string;
}
export interface FigTableMember {
  tableId: string;
  organisationId: string;
  bodyMemberId: string | null;
  /** The organisation has left the table (it still names who attended for it before). */
  left?: boolean;
}
export interface FigAdmission {
  organisationId: string;
  policyAreas: string[];
  tableIds: string[];
}
export interface FigNeed {
  sourceKind: string;
  /** ISO date it was recorded. */
  date: string;
}
export interface FigProposal {
  /** accolta | parzialmente_accolta | non_accolta | null (not answered yet) */
  outcome: string | null;
  /** ISO date it was submitted. */
  date: string;
}
export interface FigResponse {
  questionnaireId: string;
  date: string;
}

export interface ParticipationWorld {
  now: string;
  tables: FigTable[];
  meetings: FigMeeting[];
  members: FigBodyMember[];
  attendance: FigAttendance[];
  tableMembers: FigTableMember[];
  admissions: FigAdmission[];
  organisationKinds: Record<string, string>;
  needs: FigNeed[];
  proposals: FigProposal[];
  responses: FigResponse[];
}

/** A share that keeps its formula: numerator, denominator and the percentage (null when the denominator is 0). */
export interface Share {
  numerator: number;
  denominator: number;
  percent: number | null;
}

export const share = (numerator: number, denominator: number): Share => ({
  numerator,
  denominator,
  percent: denominator === 0 ? null : (numerator / denominator) * 100,
});

export const PROPOSAL_OUTCOMES = ['accolta', 'parzialmente_accolta', 'non_accolta', 'in_attesa'] as const;
export const NEED_SOURCES = ['incontro', 'questionario', 'dati_servizi', 'comune', 'organizzazione'] as const;

export interface MeetingFigure {
  meetingId: string;
  tableId: string;
  date: string;
  recorded: boolean;
  /** Members in office on the meeting's date. */
  expected: number;
  present: number;
  delegated: number;
  absent: number;
  /** Present (in person or by delegate) over the members in office. */
  attendance: Share;
}

export interface TableFigure {
  tableId: string;
  held: number;
  recorded: number;
  organisationsTookPart: number;
  coverage: Share;
}

export interface ParticipationFigures {
  tables: number;
  memberOrganisations: number;
  meetingsHeld: number;
  /** Held meetings whose attendance is recorded, over the held meetings. */
  attendanceRecorded: Share;
  meetings: MeetingFigure[];
  byTable: TableFigure[];
  peoplePresent: number;
  organisationsTookPart: number;
  organisationsByKind: { kind: string; count: number }[];
  organisationsByArea: { area: string; count: number }[];
  needsBySource: { source: string; count: number }[];
  needsTotal: number;
  proposalsByOutcome: { outcome: (typeof PROPOSAL_OUTCOMES)[number]; count: number }[];
  proposalsTotal: number;
  proposalsAnswered: number;
  responsesTotal: number;
  timeline: { year: number; quarter: number; meetings: number; needs: number; proposals: number; responses: number }[];
}

const inOffice = (m: FigBodyMember, day: string) => (!m.validFrom || m.validFrom <= day) && (!m.validTo || m.validTo >= day);
const TOOK_PART = new Set(['present', 'delegated']);

/** A meeting is held when it is «svolta» or it has ended before `now`. */
export const isHeld = (m: FigMeeting, now: string) => m.status === 'svolta' || m.endsAt <= now;

const quarterOf = (date: string) => ({ year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 });

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) out.set(key(i), (out.get(key(i)) ?? 0) + 1);
  return out;
}

const sortedCounts = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'it'));

/** Every participation figure of an Ambito from its records (see the definitions at the top of this file). */
export function participationFigures(w: ParticipationWorld): ParticipationFigures {
  const tableOfBody = new Map(w.tables.map((t) => [t.bodyId, t]));
  const membersById = new Map(w.members.map((m) => [m.id, m]));
  const orgOfBodyMember = new Map<string, string>();
  for (const tm of w.tableMembers) if (tm.bodyMemberId) orgOfBodyMember.set(tm.bodyMemberId, tm.organisationId);
  const organisationOf = (memberId: string) => membersById.get(memberId)?.organisationId ?? orgOfBodyMember.get(memberId) ?? null;

  const tableMeetings = w.meetings.filter((m) => tableOfBody.has(m.bodyId));
  const held = tableMeetings.filter((m) => isHeld(m, w.now));
  const attendanceOf = new Map<string, FigAttendance[]>();
  for (const a of w.attendance) attendanceOf.set(a.meetingId, [...(attendanceOf.get(a.meetingId) ?? []), a]);

  const meetings: MeetingFigure[] = held.map((m) => {
    const rows = attendanceOf.get(m.id) ?? [];
    const expected = w.members.filter((b) => b.bodyId === m.bodyId && inOffice(b, m.date)).length;
    const by = countBy(rows, (r) => r.status);
    const present = by.get('present') ?? 0;
    const delegated = by.get('delegated') ?? 0;
    return {
      meetingId: m.id,
      tableId: tableOfBody.get(m.bodyId)!.id,
      date: m.date,
      recorded: rows.length > 0,
      expected,
      present,
      delegated,
      absent: by.get('absent') ?? 0,
      attendance: share(present + delegated, expected),
    };
  });

  // Who took part, by table.
  const tookPartByTable = new Map<string, Set<string>>();
  const peoplePresent = new Set<string>();
  const organisationsTookPart = new Set<string>();
  for (const m of held) {
    const table = tableOfBody.get(m.bodyId)!;
    const set = tookPartByTable.get(table.id) ?? new Set<string>();
    for (const a of attendanceOf.get(m.id) ?? []) {
      if (!TOOK_PART.has(a.status)) continue;
      const member = membersById.get(a.memberId);
      if (a.status === 'present' && member) peoplePresent.add(member.personId);
      const org = organisationOf(a.memberId);
      if (org) {
        set.add(org);
        organisationsTookPart.add(org);
      }
    }
    tookPartByTable.set(table.id, set);
  }

  // The admitted organisations: one entry per organisation, with the union of its admitted applications' areas and tables.
  const admitted = new Map<string, { areas: Set<string>; tables: Set<string> }>();
  for (const a of w.admissions) {
    const e = admitted.get(a.organisationId) ?? { areas: new Set<string>(), tables: new Set<string>() };
    a.policyAreas.forEach((x) => e.areas.add(x));
    a.tableIds.forEach((x) => e.tables.add(x));
    admitted.set(a.organisationId, e);
  }

  const byTable: TableFigure[] = w.tables.map((t) => {
    const eligible = [...admitted]
      .filter(([, e]) => (t.policyAreas.length ? t.policyAreas.some((area) => e.areas.has(area)) : e.tables.has(t.id)))
      .map(([id]) => id);
    const took = tookPartByTable.get(t.id) ?? new Set<string>();
    const ownMeetings = meetings.filter((m) => m.tableId === t.id);
    return {
      tableId: t.id,
      held: ownMeetings.length,
      recorded: ownMeetings.filter((m) => m.recorded).length,
      organisationsTookPart: took.size,
      coverage: share(eligible.filter((id) => took.has(id)).length, eligible.length),
    };
  });

  const areaOrgs = new Map<string, Set<string>>();
  for (const t of w.tables)
    for (const area of t.policyAreas) {
      const set = areaOrgs.get(area) ?? new Set<string>();
      (tookPartByTable.get(t.id) ?? new Set()).forEach((o) => set.add(o));
      areaOrgs.set(area, set);
    }

  const outcomeOf = (p: FigProposal) => (p.outcome ?? 'in_attesa') as (typeof PROPOSAL_OUTCOMES)[number];
  const proposalsBy = countBy(w.proposals, outcomeOf);

  const timeline = new Map<string, ParticipationFigures['timeline'][number]>();
  const bump = (date: string, what: 'meetings' | 'needs' | 'proposals' | 'responses') => {
    const q = quarterOf(date);
    const key = `${q.year}-${q.quarter}`;
    const row = timeline.get(key) ?? { ...q, meetings: 0, needs: 0, proposals: 0, responses: 0 };
    row[what] += 1;
    timeline.set(key, row);
  };
  held.forEach((m) => bump(m.date, 'meetings'));
  w.needs.forEach((n) => bump(n.date, 'needs'));
  w.proposals.forEach((p) => bump(p.date, 'proposals'));
  w.responses.forEach((r) => bump(r.date, 'responses'));

  return {
    tables: w.tables.length,
    memberOrganisations: new Set(w.tableMembers.filter((m) => !m.left).map((m) => m.organisationId)).size,
    meetingsHeld: held.length,
    attendanceRecorded: share(meetings.filter((m) => m.recorded).length, held.length),
    meetings,
    byTable,
    peoplePresent: peoplePresent.size,
    organisationsTookPart: organisationsTookPart.size,
    organisationsByKind: sortedCounts(countBy([...organisationsTookPart], (o) => w.organisationKinds[o] ?? 'altro')).map(([kind, count]) => ({ kind, count })),
    organisationsByArea: [...areaOrgs]
      .map(([area, set]) => ({ area, count: set.size }))
      .sort((a, b) => b.count - a.count || a.area.localeCompare(b.area, 'it')),
    needsBySource: NEED_SOURCES.map((source) => ({ source, count: w.needs.filter((n) => n.sourceKind === source).length })),
    needsTotal: w.needs.length,
    proposalsByOutcome: PROPOSAL_OUTCOMES.map((outcome) => ({ outcome, count: proposalsBy.get(outcome) ?? 0 })),
    proposalsTotal: w.proposals.length,
    proposalsAnswered: w.proposals.filter((p) => p.outcome !== null).length,
    responsesTotal: w.responses.length,
    timeline: [...timeline.values()].sort((a, b) => a.year - b.year || a.quarter - b.quarter),
  };
}
