// Reads for the open-data module (app/modules/opendata): the participation figures of an Ambito (tables, meetings,
// organisations, needs, proposals, questionnaire answers) as the figures page computes them, with the tables' names
// (names of bodies, never of people) and the day of the latest dated record.
import type { DbOrTx } from '../../shared/db/client.ts';
import { participationFigures } from './participation.figures.rules.ts';
import { italianDate, readParticipationWorld } from './participation.figures.queries.ts';

export async function readParticipationFigures(db: DbOrTx, ambitoId: string, now = new Date()) {
  const { world, tableNames } = await readParticipationWorld(db, ambitoId, now);
  const figures = participationFigures(world);
  const days = [
    ...world.meetings.filter((m) => m.endsAt <= world.now).map((m) => m.date),
    ...world.needs.map((n) => n.date),
    ...world.proposals.map((p) => p.date),
    ...world.responses.map((r) => r.date),
  ].sort();
  return { figures, tableNames, day: italianDate(now), lastRecordDay: days.at(-1) ?? null };
}
