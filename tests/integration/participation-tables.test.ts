import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import type { Actor } from '../../app/shared/auth/actor.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { roleAssignments, users } from '../../app/modules/accounts/accounts.schema.ts';
import { linkGrantsToOrganisation } from '../../app/modules/accounts/accounts.server.ts';
import { createMeeting, createOrganisation, endMembership } from '../../app/modules/governance/governance.commands.ts';
import { bodies, bodyMembers, meetings, organisations, people } from '../../app/modules/governance/governance.schema.ts';
import { meetingReplies, tableMembers, thematicTables } from '../../app/modules/participation/participation.schema.ts';
import {
  addTableMember,
  createTable,
  importTables,
  leaveTable,
  replyToMeeting,
  updateTable,
} from '../../app/modules/participation/participation.tables.commands.ts';
import { getMyParticipation, getTable, getTableMemberships, listTables } from '../../app/modules/participation/participation.tables.queries.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const DISABILITY = 'Tavolo Tematico Persone con disabilità';
const ELDERLY = 'Tavolo Tematico Anziani';
const PERMANENT = 'Tavolo Locale Permanente di confronto con gli Enti del Terzo Settore';

describe(`participation: thematic tables (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let regionCode: string;
  let coordinator: Actor;
  let ilPonte: string;
  let member: Actor;
  const db = () => database.db;
  const auditCount = async () => (await db().select({ n: count() }).from(auditLog))[0]!.n;
  const tableNamed = async (name: string) =>
    (
      await db()
        .select()
        .from(thematicTables)
        .where(and(eq(thematicTables.ambitoId, ambitoId), eq(thematicTables.name, name)))
    )[0]!;
  const repliesCount = async () => (await db().select({ n: count() }).from(meetingReplies))[0]!.n;

  /** A meeting of a table's body, on `date` (Italian time 17:00-19:00), created through governance. */
  async function meetingOf(tableName: string, date: string, title = 'Incontro del tavolo') {
    const table = await tableNamed(tableName);
    return createMeeting({
      db: db(),
      actor: coordinator,
      ambitoId,
      bodyId: table.bodyId,
      input: { title, date, startTime: '17:00', endTime: '19:00', place: 'Sala del Comune capofila' },
    });
  }
  const NOW = new Date('2026-03-01T10:00:00Z');

  before(async () => {
    database = await createTestDatabase();
    const { gallarate } = await seedDemo(database.db);
    ambitoId = gallarate.id;
    regionCode = gallarate.regionCode;
    coordinator = actorWith('coordinator', { ambitoId });
    const [org] = await db()
      .select()
      .from(organisations)
      .where(and(eq(organisations.ambitoId, ambitoId), eq(organisations.name, 'Cooperativa sociale Il Ponte')));
    ilPonte = org!.id;
    member = actorWith('third_sector', { ambitoId, organisationId: ilPonte, organisationName: 'Cooperativa sociale Il Ponte' });
  });
  after(() => database.close());

  test('the demo loads the Tavolo Locale Permanente and the 4 Tavoli Tematici of seed 002 on their governance bodies, with the sessions of 9 and 18 October 2024', async () => {
    const tables = await listTables(db(), ambitoId, NOW);
    assert.equal(tables.length, 5);
    assert.equal(tables.filter((t) => t.kind === 'tavolo_tematico').length, 4);
    assert.equal(tables.filter((t) => t.kind === 'tavolo_concertazione').length, 1);
    for (const t of tables) {
      const [body] = await db().select().from(bodies).where(eq(bodies.id, t.bodyId));
      assert.equal(body!.name, t.name, 'each table is the governance body of the same name');
      assert.equal(t.periodStartYear, 2025);
      assert.equal(t.periodEndYear, 2027);
    }
    const elderly = await getTable(db(), ambitoId, (await tableNamed(ELDERLY)).id, NOW);
    assert.deepEqual(
      elderly!.pastMeetings.map((m) => m.startsAt.slice(0, 10)),
      ['2024-10-18', '2024-10-09'],
    );
    assert.match(elderly!.table.objectives!, /A\. PREVENZIONE DELL’ISOLAMENTO DEGLI ANZIANI SOLI E\/O CON PATOLOGIE/);
    assert.deepEqual(elderly!.table.policyAreas, ['E', 'D']);
    // No participants are stated in the seed: no member, no reply, no attendance.
    assert.equal(elderly!.members.length, 0);
    assert.deepEqual(elderly!.pastMeetings[0]!.replies, { members: 0, replied: 0, confirmed: 0, declined: 0, waiting: 0 });
    assert.deepEqual(elderly!.pastMeetings[0]!.attendance, { present: 0, recorded: 0 });
    // The demo cooperative belongs to two tables; Paolo Riva sits for it in their bodies; the demo account is linked.
    const memberships = (await getTableMemberships(db(), ambitoId)).filter((m) => m.organisationId === ilPonte);
    assert.deepEqual(memberships.map((m) => m.tableName).sort(), [PERMANENT, DISABILITY].sort());
    const sitting = await db()
      .select({ name: people.fullName })
      .from(bodyMembers)
      .innerJoin(people, eq(people.id, bodyMembers.personId))
      .where(eq(bodyMembers.organisationId, ilPonte));
    assert.deepEqual(
      sitting.map((s) => s.name),
      ['Paolo Riva', 'Paolo Riva'],
    );
    const [grant] = await db()
      .select({ organisationId: roleAssignments.organisationId })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(eq(users.email, 'terzo.settore@cantiere.example'));
    assert.equal(grant!.organisationId, ilPonte);
  });

  test('importing the same file again changes nothing; a wrong file is refused with file, element and field, nothing written', async () => {
    const file = { fileName: 'tavoli.json', text: (await import('node:fs')).readFileSync('fixtures/demo/gallarate/partecipazione/tavoli.json', 'utf8') };
    const again = await importTables({ db: db(), actor: coordinator, ambitoId, file });
    assert.deepEqual([again.tablesCreated, again.tablesSkipped, again.meetingsCreated, again.membersCreated], [0, 5, 0, 0]);
    const before = await auditCount();
    const tablesBefore = (await listTables(db(), ambitoId)).length;
    const bad = {
      periodo: { inizio: 2025, fine: 2027 },
      tavoli: [
        { nome: 'Nuovo tavolo giovani', tipo: 'tavolo_tematico', organo: 'Organo che non esiste', incontri: [] },
        {
          nome: 'Tavolo con incontro sbagliato',
          tipo: 'tavolo_giovani',
          incontri: [{ titolo: 'Primo', data: '2025-02-30', inizio: '10:00', fine: '09:00', luogo: 'Sala' }],
        },
      ],
    };
    await assert.rejects(
      importTables({ db: db(), actor: coordinator, ambitoId, file: { fileName: 'errato.json', text: JSON.stringify(bad) } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        const paths = e.issues.map((i) => i.path);
        assert.ok(paths.includes('errato.json, tavoli[2] tipo'), paths.join(' | '));
        assert.ok(paths.includes('errato.json, tavoli[2] incontri[1] data'), paths.join(' | '));
        return true;
      },
    );
    await assert.rejects(
      importTables({ db: db(), actor: coordinator, ambitoId, file: { fileName: 'errato.json', text: JSON.stringify({ ...bad, tavoli: [bad.tavoli[0]] }) } }),
      (e: unknown) =>
        e instanceof ValidationError && e.issues.some((i) => i.path === 'errato.json, tavoli[1] organo' && /Organo che non esiste/.test(i.message)),
    );
    await assert.rejects(importTables({ db: db(), actor: coordinator, ambitoId, file: { fileName: 'rotto.json', text: '{ "periodo": ' } }), ValidationError);
    assert.equal((await listTables(db(), ambitoId)).length, tablesBefore);
    assert.equal(await auditCount(), before);
    await assert.rejects(importTables({ db: db(), actor: member, ambitoId, file }), ForbiddenError);
  });

  test('creating a table creates its governance body (tavolo tematico) in the same transaction; an attached body cannot be attached twice', async () => {
    const table = await createTable({
      db: db(),
      actor: coordinator,
      ambitoId,
      input: {
        kind: 'gruppo_coprogettazione',
        name: 'Gruppo di co-progettazione Dopo di Noi',
        theme: 'Vita indipendente delle persone con disabilità',
        policyAreas: ['J', 'Abitare sociale'],
        referentName: 'Responsabile dell’Ufficio di Piano',
        objectives: 'Co-progettare i percorsi di vita indipendente.',
        periodStartYear: '2025',
        periodEndYear: '2027',
        bodyKind: 'coprogettazione',
        parentBodyId: (await tableNamed(PERMANENT)).bodyId,
      },
    });
    const [body] = await db().select().from(bodies).where(eq(bodies.id, table.bodyId));
    assert.equal(body!.type, 'tavolo_tematico');
    assert.equal(body!.kind, 'coprogettazione');
    assert.equal(body!.name, 'Gruppo di co-progettazione Dopo di Noi');
    assert.equal(body!.parentBodyId, (await tableNamed(PERMANENT)).bodyId);
    assert.deepEqual(table.policyAreas, ['J', 'Abitare sociale']);
    const entries = await db().select().from(auditLog).where(eq(auditLog.entityId, table.id));
    assert.deepEqual(
      entries.map((e) => e.action),
      ['participation.table.created'],
    );

    const before = await auditCount();
    const bodiesBefore = (await db().select({ n: count() }).from(bodies))[0]!.n;
    await assert.rejects(
      createTable({
        db: db(),
        actor: coordinator,
        ambitoId,
        input: { kind: 'tavolo_tematico', name: 'Un altro nome', periodStartYear: 2025, periodEndYear: 2027, bodyId: table.bodyId },
      }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'bodyId',
    );
    await assert.rejects(
      createTable({
        db: db(),
        actor: coordinator,
        ambitoId,
        input: { kind: 'tavolo_tematico', name: 'Gruppo di co-progettazione Dopo di Noi', periodStartYear: 2025, periodEndYear: 2027 },
      }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'name',
    );
    await assert.rejects(
      createTable({
        db: db(),
        actor: coordinator,
        ambitoId,
        input: { kind: 'tavolo_tematico', name: 'Periodo rovesciato', periodStartYear: 2027, periodEndYear: 2025 },
      }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'periodEndYear',
    );
    await assert.rejects(
      createTable({ db: db(), actor: coordinator, ambitoId, input: { kind: 'tavolo', name: 'X', periodStartYear: 2027, periodEndYear: 2025 } }),
      (e: unknown) => e instanceof ValidationError && ['kind', 'name'].every((f) => e.issues.some((i) => i.path === f)),
    );
    // An existing body of the Ambito, not yet a table's, becomes the table.
    const [technicians] = await db()
      .select()
      .from(bodies)
      .where(and(eq(bodies.ambitoId, ambitoId), eq(bodies.name, 'Tavolo dei Tecnici')));
    const attached = await createTable({
      db: db(),
      actor: coordinator,
      ambitoId,
      input: { kind: 'gruppo_di_lavoro', name: 'Gruppo di lavoro dei tecnici', periodStartYear: 2025, periodEndYear: 2027, bodyId: technicians!.id },
    });
    assert.equal(attached.bodyId, technicians!.id);
    assert.equal((await db().select({ n: count() }).from(bodies))[0]!.n, bodiesBefore);
    assert.equal(await auditCount(), before + 1);
  });

  test('editing a table needs its version: a stale form is a conflict and writes nothing', async () => {
    const table = await tableNamed(ELDERLY);
    const input = {
      kind: 'tavolo_tematico',
      name: ELDERLY,
      theme: 'Anziani e domiciliarità',
      policyAreas: ['E', 'D'],
      periodStartYear: 2025,
      periodEndYear: 2027,
    };
    const edited = await updateTable({ db: db(), actor: coordinator, ambitoId, tableId: table.id, input: { ...input, version: table.version } });
    assert.equal(edited.theme, 'Anziani e domiciliarità');
    assert.equal(edited.version, table.version + 1);
    const before = await auditCount();
    await assert.rejects(
      updateTable({ db: db(), actor: coordinator, ambitoId, tableId: table.id, input: { ...input, theme: 'Vecchio modulo', version: table.version } }),
      ConflictError,
    );
    assert.equal((await tableNamed(ELDERLY)).theme, 'Anziani e domiciliarità');
    assert.equal(await auditCount(), before);
  });

  test('a member replies for its own organisation until the meeting starts; another organisation, a non-member, a past meeting are refused and nothing is written', async () => {
    const meeting = await meetingOf(DISABILITY, '2026-04-15');
    const reply = await replyToMeeting({
      db: db(),
      actor: member,
      ambitoId,
      meetingId: meeting.id,
      organisationId: ilPonte,
      input: { reply: 'partecipa', attendeeName: 'Paolo Riva' },
      now: NOW,
    });
    assert.equal(reply.reply, 'partecipa');
    assert.equal(reply.repliedBy, 'third_sector@test.example');
    // Changed before the start, under its version; a stale version is a conflict.
    const changed = await replyToMeeting({
      db: db(),
      actor: member,
      ambitoId,
      meetingId: meeting.id,
      organisationId: ilPonte,
      input: { reply: 'non_partecipa', attendeeName: 'Paolo Riva', version: reply.version },
      now: NOW,
    });
    assert.equal(changed.reply, 'non_partecipa');
    assert.equal(changed.attendeeName, null);
    await assert.rejects(
      replyToMeeting({
        db: db(),
        actor: member,
        ambitoId,
        meetingId: meeting.id,
        organisationId: ilPonte,
        input: { reply: 'partecipa', attendeeName: 'X Y', version: reply.version },
        now: NOW,
      }),
      ConflictError,
    );

    const other = await createOrganisation({ db: db(), actor: coordinator, ambitoId, input: { name: 'Associazione Il Girasole', kind: 'aps' } });
    const elderlyMeeting = await meetingOf(ELDERLY, '2026-04-16');
    const before = [await auditCount(), await repliesCount()];
    // Attending without saying who.
    await assert.rejects(
      replyToMeeting({
        db: db(),
        actor: member,
        ambitoId,
        meetingId: meeting.id,
        organisationId: ilPonte,
        input: { reply: 'partecipa', version: changed.version },
        now: NOW,
      }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'attendeeName',
    );
    // For another organisation.
    await assert.rejects(
      replyToMeeting({ db: db(), actor: member, ambitoId, meetingId: meeting.id, organisationId: other.id, input: { reply: 'non_partecipa' }, now: NOW }),
      ForbiddenError,
    );
    // An organisation that is not a member of the table (its own member acting).
    const girasole = actorWith('third_sector', { ambitoId, organisationId: other.id });
    await assert.rejects(
      replyToMeeting({ db: db(), actor: girasole, ambitoId, meetingId: meeting.id, organisationId: other.id, input: { reply: 'non_partecipa' }, now: NOW }),
      (e: unknown) => e instanceof ValidationError && /non aderisce al tavolo/.test(e.issues[0]!.message),
    );
    // A meeting of a table the organisation is not a member of.
    await assert.rejects(
      replyToMeeting({ db: db(), actor: member, ambitoId, meetingId: elderlyMeeting.id, organisationId: ilPonte, input: { reply: 'non_partecipa' }, now: NOW }),
      ValidationError,
    );
    // A meeting that has started (17:00 in Rome is 15:00 UTC in April).
    await assert.rejects(
      replyToMeeting({
        db: db(),
        actor: member,
        ambitoId,
        meetingId: meeting.id,
        organisationId: ilPonte,
        input: { reply: 'partecipa', attendeeName: 'Paolo Riva', version: changed.version },
        now: new Date('2026-04-15T15:00:00Z'),
      }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'reply',
    );
    // A meeting of 2024, before the membership began.
    const [past] = await db()
      .select()
      .from(meetings)
      .where(eq(meetings.bodyId, (await tableNamed(DISABILITY)).bodyId));
    await assert.rejects(
      replyToMeeting({ db: db(), actor: member, ambitoId, meetingId: past!.id, organisationId: ilPonte, input: { reply: 'non_partecipa' }, now: NOW }),
      ValidationError,
    );
    // Readers who do not act for an organisation.
    for (const who of [coordinator, actorWith('comune_referent', { ambitoId }), actorWith('regional_reviewer', { regionCode })])
      await assert.rejects(
        replyToMeeting({ db: db(), actor: who, ambitoId, meetingId: meeting.id, organisationId: ilPonte, input: { reply: 'non_partecipa' }, now: NOW }),
        ForbiddenError,
      );
    assert.deepEqual([await auditCount(), await repliesCount()], before);
  });

  test('the replies shown against the records: 2 su 3 organizzazioni hanno risposto, 1 partecipa, 1 no', async () => {
    const table = await tableNamed(DISABILITY);
    const meeting = await meetingOf(DISABILITY, '2026-05-20', 'Incontro di maggio');
    const ids: string[] = [];
    for (const name of ['Cooperativa sociale La Rete', 'ODV Insieme']) {
      const org = await createOrganisation({
        db: db(),
        actor: coordinator,
        ambitoId,
        input: { name, kind: name.startsWith('ODV') ? 'odv' : 'cooperativa_sociale_b' },
      });
      await db().transaction((tx) =>
        addTableMember(
          tx,
          { db: db(), actor: coordinator, ambitoId },
          { tableId: table.id, organisationId: org.id, validFrom: '2025-01-01', validTo: '2027-12-31' },
        ),
      );
      ids.push(org.id);
    }
    await replyToMeeting({
      db: db(),
      actor: member,
      ambitoId,
      meetingId: meeting.id,
      organisationId: ilPonte,
      input: { reply: 'partecipa', attendeeName: 'Paolo Riva' },
      now: NOW,
    });
    const rete = actorWith('third_sector', { ambitoId, organisationId: ids[0] });
    await replyToMeeting({ db: db(), actor: rete, ambitoId, meetingId: meeting.id, organisationId: ids[0]!, input: { reply: 'non_partecipa' }, now: NOW });

    const overview = await getTable(db(), ambitoId, table.id, NOW);
    const shown = overview!.nextMeetings.find((m) => m.id === meeting.id)!;
    const records = await db().select().from(meetingReplies).where(eq(meetingReplies.meetingId, meeting.id));
    const members = await db().select().from(tableMembers).where(eq(tableMembers.tableId, table.id));
    assert.equal(shown.replies.members, members.length);
    assert.equal(shown.replies.replied, records.length);
    assert.deepEqual(shown.replies, { members: 3, replied: 2, confirmed: 1, declined: 1, waiting: 1 });
    assert.deepEqual(shown.confirmed, ['Cooperativa sociale Il Ponte']);
    assert.deepEqual(shown.declined, ['Cooperativa sociale La Rete']);
    assert.equal(overview!.members.filter((m) => m.current).length, 3);

    // The member's own page: its tables, the next meetings with its reply and the deadline.
    const mine = await getMyParticipation(db(), ambitoId, [ilPonte], NOW);
    assert.deepEqual(mine.memberships.map((m) => m.tableName).sort(), [PERMANENT, DISABILITY].sort());
    const next = mine.meetings.find((m) => m.meetingId === meeting.id)!;
    assert.equal(next.reply!.reply, 'partecipa');
    assert.equal(next.deadline, meeting.startsAt.toISOString());
    assert.equal(next.open, true);
    assert.ok(!mine.meetings.some((m) => m.tableName === ELDERLY), 'no meeting of a table it is not a member of');
  });

  test('an organisation leaves a table: the membership records the day and reason, its people leave the body; others are refused', async () => {
    const table = await tableNamed(DISABILITY);
    const [membership] = await db()
      .select()
      .from(tableMembers)
      .where(and(eq(tableMembers.tableId, table.id), eq(tableMembers.organisationId, ilPonte)));
    const before = await auditCount();
    for (const who of [
      actorWith('comune_referent', { ambitoId }),
      actorWith('regional_reviewer', { regionCode }),
      actorWith('mayor', { ambitoId }),
      actorWith('third_sector', { ambitoId, organisationId: '00000000-0000-4000-8000-000000000001' }),
    ])
      await assert.rejects(
        leaveTable({ db: db(), actor: who, ambitoId, memberId: membership!.id, input: { version: membership!.version, reason: 'Motivo' }, now: NOW }),
        ForbiddenError,
      );
    await assert.rejects(
      leaveTable({ db: db(), actor: member, ambitoId, memberId: membership!.id, input: { version: membership!.version, reason: '' }, now: NOW }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'reason',
    );
    assert.equal(await auditCount(), before);

    const left = await leaveTable({
      db: db(),
      actor: member,
      ambitoId,
      memberId: membership!.id,
      input: { version: membership!.version, reason: 'Riorganizzazione dei servizi della cooperativa' },
      now: NOW,
    });
    assert.equal(left.leftOn, '2026-03-01');
    assert.equal(left.bodyMembersEnded, 1);
    const [sitting] = await db()
      .select()
      .from(bodyMembers)
      .where(and(eq(bodyMembers.bodyId, table.bodyId), eq(bodyMembers.organisationId, ilPonte)));
    assert.equal(sitting!.validTo, '2026-03-01');
    const actions = (await db().select().from(auditLog).orderBy(auditLog.id)).slice(before).map((e) => e.action);
    assert.deepEqual(actions, ['participation.membership.left', 'governance.member.ended']);

    // Left: no more replies to the table's later meetings; the page marks it; leaving twice is refused.
    const overview = await getTable(db(), ambitoId, table.id, new Date('2026-03-02T10:00:00Z'));
    const shown = overview!.members.find((m) => m.organisationId === ilPonte)!;
    assert.equal(shown.left, true);
    assert.equal(shown.leftReason, 'Riorganizzazione dei servizi della cooperativa');
    const later = await meetingOf(DISABILITY, '2026-06-10', 'Incontro di giugno');
    await assert.rejects(
      replyToMeeting({ db: db(), actor: member, ambitoId, meetingId: later.id, organisationId: ilPonte, input: { reply: 'non_partecipa' }, now: NOW }),
      ValidationError,
    );
    const [now] = await db().select().from(tableMembers).where(eq(tableMembers.id, membership!.id));
    await assert.rejects(
      leaveTable({ db: db(), actor: member, ambitoId, memberId: membership!.id, input: { version: now!.version, reason: 'Ancora' }, now: NOW }),
      ValidationError,
    );
  });

  test('governance: a membership is ended by the Ufficio di Piano or the member of its organisation, nobody else', async () => {
    const table = await tableNamed(PERMANENT);
    const [sitting] = await db()
      .select()
      .from(bodyMembers)
      .where(and(eq(bodyMembers.bodyId, table.bodyId), eq(bodyMembers.organisationId, ilPonte)));
    const input = { version: sitting!.version, validTo: '2026-12-31' };
    for (const who of [
      actorWith('third_sector', { ambitoId, organisationId: '00000000-0000-4000-8000-000000000002' }),
      actorWith('comune_referent', { ambitoId }),
    ])
      await assert.rejects(endMembership({ db: db(), actor: who, ambitoId, bodyId: table.bodyId, memberId: sitting!.id, input }), ForbiddenError);
    await assert.rejects(
      endMembership({ db: db(), actor: coordinator, ambitoId, bodyId: table.bodyId, memberId: sitting!.id, input: { ...input, validTo: '2024-01-01' } }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'validTo',
    );
    const ended = await endMembership({ db: db(), actor: member, ambitoId, bodyId: table.bodyId, memberId: sitting!.id, input });
    assert.equal(ended.validTo, '2026-12-31');
  });

  test('only the Ufficio di Piano writes tables: comune referent, regional reviewer and third-sector member are refused', async () => {
    const table = await tableNamed(ELDERLY);
    const input = { kind: 'tavolo_tematico', name: 'Tavolo non autorizzato', periodStartYear: 2025, periodEndYear: 2027 };
    for (const who of [actorWith('comune_referent', { ambitoId }), actorWith('regional_reviewer', { regionCode }), member]) {
      await assert.rejects(createTable({ db: db(), actor: who, ambitoId, input }), ForbiddenError);
      await assert.rejects(updateTable({ db: db(), actor: who, ambitoId, tableId: table.id, input: { ...input, version: table.version } }), ForbiddenError);
    }
  });

  test('the Ufficio di Piano records that an organisation left; linking accounts to an organisation is the Ufficio di Piano’s', async () => {
    const table = await tableNamed(DISABILITY);
    const [rete] = await db()
      .select({ member: tableMembers })
      .from(tableMembers)
      .innerJoin(organisations, eq(organisations.id, tableMembers.organisationId))
      .where(and(eq(tableMembers.tableId, table.id), eq(organisations.name, 'Cooperativa sociale La Rete')));
    const left = await leaveTable({
      db: db(),
      actor: coordinator,
      ambitoId,
      memberId: rete!.member.id,
      input: { version: rete!.member.version, reason: 'Comunicazione scritta della cooperativa', leftOn: '2026-02-15' },
      now: NOW,
    });
    assert.equal(left.leftOn, '2026-02-15');
    assert.equal(left.bodyMembersEnded, 0, 'nobody sat for it in the body');

    const scope = { id: ambitoId, regionCode };
    await assert.rejects(
      db().transaction((tx) => linkGrantsToOrganisation(tx, member, scope, 'Cooperativa sociale Il Ponte', ilPonte)),
      ForbiddenError,
    );
    assert.equal(
      await db().transaction((tx) => linkGrantsToOrganisation(tx, coordinator, scope, 'Cooperativa sociale Il Ponte', ilPonte)),
      0,
      'already linked',
    );
  });
});
