import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { figuresOf } from '../../app/modules/participation/routes/figures.server.ts';
import { seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

// The participation figures of the demo Ambito di Gallarate (tables, sessions of 9 and 18 October 2024, the demo
// cooperative, 72 needs of §4.2.3, the questionnaires) as the figures page shows them, each checked against a count
// of the underlying records written here in SQL, independently of the figures' own reads and rules.
describe(`participation figures of the demo (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  const NOW = new Date('2026-12-01T11:00:00Z');

  before(async () => {
    database = await createTestDatabase();
    ambitoId = (await seedDemo(database.db)).gallarate.id;
  });
  after(() => database.close());

  /** The first column of the first row of a counting query, as a number. */
  const count = async (query: ReturnType<typeof sql>) => {
    const result = await database.db.execute(query);
    const rows = (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
    return Number(Object.values(rows[0]!)[0]);
  };
  const heldMeetings = () => sql`
    SELECT m.id FROM meetings m JOIN participation_tables t ON t.body_id = m.body_id
    WHERE t.ambito_id = ${ambitoId} AND (m.status = 'svolta' OR m.ends_at <= ${NOW.toISOString()}::timestamptz)`;

  test('tables, member organisations, meetings held and recorded attendance match the records', async () => {
    const { figures } = await figuresOf(database.db, ambitoId, NOW);
    assert.equal(figures.tables, await count(sql`SELECT count(*) FROM participation_tables WHERE ambito_id = ${ambitoId}`));
    assert.equal(figures.tables, 5, 'the Tavolo Locale Permanente and the 4 Tavoli Tematici of seed 002');
    assert.equal(
      figures.memberOrganisations,
      await count(sql`
        SELECT count(DISTINCT pm.organisation_id) FROM participation_members pm JOIN participation_tables t ON t.id = pm.table_id
        WHERE t.ambito_id = ${ambitoId} AND (pm.left_on IS NULL OR pm.left_on > DATE '2026-12-01')`),
    );
    assert.equal(figures.memberOrganisations, 1, 'the demo cooperative');
    const held = await count(sql`SELECT count(*) FROM (${heldMeetings()}) h`);
    assert.equal(figures.meetingsHeld, held);
    assert.ok(held >= 5, `every Tavolo Tematico met on 9 October 2024 and the Tavolo Locale Permanente on 18 October (${held})`);
    assert.equal(figures.meetings.length, held);
    const recorded = await count(sql`SELECT count(DISTINCT a.meeting_id) FROM meeting_attendance a WHERE a.meeting_id IN (${heldMeetings()})`);
    assert.deepEqual([figures.attendanceRecorded.numerator, figures.attendanceRecorded.denominator], [recorded, held]);
    assert.equal(
      figures.byTable.reduce((s, t) => s + t.held, 0),
      held,
      'the meetings per table add up to the meetings held',
    );
    assert.equal(
      figures.peoplePresent,
      await count(sql`
        SELECT count(DISTINCT bm.person_id) FROM meeting_attendance a JOIN governance_body_members bm ON bm.id = a.member_id
        WHERE a.status = 'present' AND a.meeting_id IN (${heldMeetings()})`),
    );
  });

  test('needs by source, proposals and questionnaire answers match the records', async () => {
    const { figures } = await figuresOf(database.db, ambitoId, NOW);
    const needs = await count(sql`SELECT count(*) FROM participation_needs WHERE ambito_id = ${ambitoId} AND merged_into_id IS NULL`);
    assert.equal(figures.needsTotal, needs);
    assert.equal(needs, 72, 'the needs of §4.2.3 of the Piano di Zona 2025-2027');
    for (const { source, count: n } of figures.needsBySource)
      assert.equal(
        n,
        await count(sql`SELECT count(*) FROM participation_needs WHERE ambito_id = ${ambitoId} AND merged_into_id IS NULL AND source_kind = ${source}`),
        `bisogni con fonte ${source}`,
      );
    assert.equal(
      figures.needsBySource.reduce((s, x) => s + x.count, 0),
      needs,
      'every need has one of the counted sources',
    );
    assert.equal(
      figures.proposalsTotal,
      await count(sql`SELECT count(*) FROM participation_proposals WHERE ambito_id = ${ambitoId} AND status = 'presentata' AND hidden_at IS NULL`),
    );
    assert.equal(
      figures.responsesTotal,
      await count(sql`
        SELECT count(*) FROM participation_responses r JOIN participation_questionnaires q ON q.id = r.questionnaire_id
        WHERE q.ambito_id = ${ambitoId}`),
    );
    assert.equal(figures.responsesTotal, 0, 'the 10 respondents of 2024 are published figures, not answers recorded in Cantiere');
    const timeline = figures.timeline.reduce((s, q) => ({ meetings: s.meetings + q.meetings, needs: s.needs + q.needs }), { meetings: 0, needs: 0 });
    assert.deepEqual(timeline, { meetings: figures.meetingsHeld, needs: needs }, 'the quarters add up to the totals');
  });
});
