// Read for the regional workspace (app/modules/region): an Ambito's participation in figures — the figures page's own
// numbers (readParticipationFigures → participationFigures, computed from the records now), plus the co-designed
// projects, the calls and the figures published elsewhere. The figures page counts every record of the Ambito (it does
// not split by plan or year), so these figures are the same for every year: `year` is accepted for the common shape.
import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { readParticipationFigures } from './participation.opendata.queries.ts';
import { publishedFigures } from './participation.published.schema.ts';
import { coDesignProjects, openCalls } from './participation.schema.ts';

// A type, not an interface: assignable to a plain record of numbers (how the regional workspace stores it).
export type ParticipationRegionFigures = {
  /** Any participation record at all for the Ambito (any count below above 0, published figures included). */
  recorded: boolean;
  /** Thematic tables (every kind: tavoli, gruppi, concertazione). */
  tables: number;
  /** Organisations that are members of a table and have not left it (the page's «aderenti»). */
  tableMembers: number;
  /** Meetings of the tables held (svolta, or ended before now). */
  meetings: number;
  /** Held meetings whose attendance is recorded. */
  meetingsWithAttendance: number;
  /** People present at least once in the recorded attendance; null when no held meeting has its attendance recorded. */
  attendees: number | null;
  /** Organisations that took part (present or delegated) in at least one held meeting. */
  organisations: number;
  /** Needs in the register (merged ones not counted twice). */
  needs: number;
  /** Proposals presented and visible, and those with an official answer. */
  proposals: number;
  proposalsAnswered: number;
  /** Answers to the Ambito's questionnaires. */
  questionnaireResponses: number;
  /** Co-designed projects. */
  projects: number;
  /** Open calls (manifestazioni di interesse). */
  calls: number;
  /** Figures the Ambito published elsewhere (shown beside the recorded ones on the impact report, never mixed in). */
  publishedFigures: number;
};

/**
 * The participation figures of an Ambito (`year` unused: see above). About 14 queries: the 11 of the figures page's read
 * (readParticipationWorld, governance's meetings and attendance included) and three counts.
 */
export async function readParticipationForRegion(db: DbOrTx, ambitoId: string, _year: number, now = new Date()): Promise<ParticipationRegionFigures> {
  const [{ figures }, [projects], [calls], [published]] = await Promise.all([
    readParticipationFigures(db, ambitoId, now),
    db.select({ n: count() }).from(coDesignProjects).where(eq(coDesignProjects.ambitoId, ambitoId)),
    db.select({ n: count() }).from(openCalls).where(eq(openCalls.ambitoId, ambitoId)),
    db.select({ n: count() }).from(publishedFigures).where(eq(publishedFigures.ambitoId, ambitoId)),
  ]);
  const out = {
    tables: figures.tables,
    tableMembers: figures.memberOrganisations,
    meetings: figures.meetingsHeld,
    meetingsWithAttendance: figures.attendanceRecorded.numerator,
    attendees: figures.attendanceRecorded.numerator > 0 ? figures.peoplePresent : null,
    organisations: figures.organisationsTookPart,
    needs: figures.needsTotal,
    proposals: figures.proposalsTotal,
    proposalsAnswered: figures.proposalsAnswered,
    questionnaireResponses: figures.responsesTotal,
    projects: projects?.n ?? 0,
    calls: calls?.n ?? 0,
    publishedFigures: published?.n ?? 0,
  };
  return { recorded: Object.values(out).some((v) => (v ?? 0) > 0), ...out };
}
