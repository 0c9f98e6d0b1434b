// The figures page's model and its CSV: the figures computed from the records at the moment, with their names.
import type { DbOrTx } from '../../../shared/db/client.ts';
import { participationFigures } from '../participation.figures.rules.ts';
import { readParticipationWorld } from '../participation.figures.queries.ts';

export async function figuresOf(db: DbOrTx, ambitoId: string, now = new Date()) {
  const { world, tableNames, tableAreas, meetingTitles } = await readParticipationWorld(db, ambitoId, now);
  const figures = participationFigures(world);
  return {
    figures,
    meetings: figures.meetings.map((m) => ({ ...m, title: meetingTitles[m.meetingId] ?? '', table: tableNames[m.tableId] ?? '' })),
    tables: figures.byTable.map((t) => ({ ...t, name: tableNames[t.tableId] ?? '', areas: tableAreas[t.tableId] ?? [] })),
  };
}
