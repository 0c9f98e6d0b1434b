import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../app/shared/auth/actor.ts';
import { translate } from '../../app/shared/i18n/messages.ts';
import { addMember, createBody, createMeeting, createOrganisation, createPerson, recordAttendance } from '../../app/modules/governance/index.server.ts';
import { ambiti, regions } from '../../app/modules/territory/index.server.ts';
import { participationFigures } from '../../app/modules/participation/participation.figures.rules.ts';
import { readParticipationWorld } from '../../app/modules/participation/participation.figures.queries.ts';
import { homeContext } from '../../app/modules/participation/participation.home.queries.ts';
import {
  needs,
  openCalls,
  proposals,
  questionnaireResponses,
  questionnaires,
  tableMembers,
  thematicTables,
} from '../../app/modules/participation/participation.schema.ts';
import { figuresOf } from '../../app/modules/participation/routes/figures.server.ts';
import { actorWith } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

// A small participation world in an Ambito of its own: two tables (their meetings are governance bodies' meetings,
// made through governance's commands), five admitted organisations, three held meetings of which two with recorded
// attendance, contributions in two quarters. Every figure is checked against these records.
describe(`participation figures (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let coordinator: Actor;
  const NOW = new Date('2025-06-01T08:00:00Z');
  const db = () => database.db;
  const org: Record<string, string> = {};
  const tables: Record<string, string> = {};

  before(async () => {
    database = await createTestDatabase();
    await db().insert(regions).values({ code: '03', name: 'Lombardia' }).onConflictDoNothing();
    const [ambito] = await db().insert(ambiti).values({ code: 'prova-cifre', name: 'Ambito di prova delle cifre', regionCode: '03' }).returning();
    ambitoId = ambito!.id;
    coordinator = actorWith('coordinator', { ambitoId });
    const gov = { db: db(), actor: coordinator, ambitoId };

    for (const [key, name, kind] of [
      ['A', 'APS Alfa', 'aps'],
      ['B', 'ODV Beta', 'odv'],
      ['C', 'Cooperativa sociale Gamma', 'cooperativa_sociale_a'],
      ['D', 'ODV Delta', 'odv'],
      ['E', 'Fondazione Epsilon', 'fondazione'],
    ] as const)
      org[key] = (await createOrganisation({ ...gov, input: { name, kind } })).id;
    const person = async (name: string, o: string) => (await createPerson({ ...gov, input: { fullName: name, organisationId: org[o] } })).id;
    const [pA, pB, pC, pE] = [
      await person('Anna Alfa', 'A'),
      await person('Bruno Beta', 'B'),
      await person('Carla Gamma', 'C'),
      await person('Elio Epsilon', 'E'),
    ];

    const elders = await createBody({ ...gov, input: { name: 'Tavolo anziani', type: 'tavolo_tematico', kind: 'consultivo' } });
    const children = await createBody({ ...gov, input: { name: 'Tavolo minori e famiglia', type: 'tavolo_tematico', kind: 'consultivo' } });
    const member = async (bodyId: string, personId: string, o: string, validFrom?: string) =>
      (await addMember({ ...gov, bodyId, input: { personId, organisationId: org[o], position: 'componente', validFrom } })).id;
    const mA = await member(elders.id, pA, 'A');
    const mB = await member(elders.id, pB, 'B');
    const mC = await member(elders.id, pC, 'C', '2025-03-01');
    const mA2 = await member(children.id, pA, 'A');
    const mE = await member(children.id, pE, 'E');

    const meeting = async (bodyId: string, title: string, date: string) =>
      createMeeting({ ...gov, bodyId, input: { title, date, startTime: '17:00', endTime: '19:00', place: 'Sala consiliare' } });
    const m1 = await meeting(elders.id, 'Primo incontro del tavolo anziani', '2025-02-10');
    await meeting(elders.id, 'Secondo incontro del tavolo anziani', '2025-04-15');
    await meeting(elders.id, 'Incontro futuro', '2099-01-15');
    const m4 = await meeting(children.id, 'Primo incontro del tavolo minori', '2025-05-20');
    // Attendance: on 10 February Carla Gamma was not yet a member; Bruno Beta sent a delegate.
    await recordAttendance({
      ...gov,
      meetingId: m1.id,
      input: { version: m1.version, [`status.${mA}`]: 'present', [`status.${mB}`]: 'delegated', [`delegate.${mB}`]: 'Mario Rossi' },
    });
    await recordAttendance({ ...gov, meetingId: m4.id, input: { version: m4.version, [`status.${mA2}`]: 'present', [`status.${mE}`]: 'absent' } });

    // Participation's own tables (direct inserts: the tables', calls' and needs' commands belong to other parts).
    const table = async (name: string, bodyId: string, policyAreas: string[]) =>
      (
        await db()
          .insert(thematicTables)
          .values({ ambitoId, periodStartYear: 2025, periodEndYear: 2027, kind: 'tavolo_tematico', name, policyAreas, bodyId })
          .returning()
      )[0]!.id;
    tables.T1 = await table('Tavolo anziani', elders.id, ['anziani']);
    tables.T2 = await table('Tavolo minori e famiglia', children.id, ['minori', 'famiglia']);
    await db()
      .insert(tableMembers)
      .values([
        { tableId: tables.T1, organisationId: org.A!, bodyMemberId: mA, validFrom: '2025-01-01', validTo: '2027-12-31' },
        { tableId: tables.T1, organisationId: org.B!, bodyMemberId: mB, validFrom: '2025-01-01', validTo: '2027-12-31' },
        { tableId: tables.T1, organisationId: org.C!, bodyMemberId: mC, validFrom: '2025-03-01', validTo: '2027-12-31' },
        { tableId: tables.T1, organisationId: org.D!, validFrom: '2025-01-01', validTo: '2027-12-31', leftOn: '2025-03-01', leftReason: 'Rinuncia' },
        { tableId: tables.T2, organisationId: org.A!, bodyMemberId: mA2, validFrom: '2025-01-01', validTo: '2027-12-31' },
        { tableId: tables.T2, organisationId: org.E!, bodyMemberId: mE, validFrom: '2025-01-01', validTo: '2027-12-31' },
      ]);
    const [call] = await db()
      .insert(openCalls)
      .values({
        ambitoId,
        title: 'Avviso per aderire ai tavoli 2025-2027',
        opensOn: '2025-01-01',
        closesOn: '2099-12-31',
        periodStartYear: 2025,
        periodEndYear: 2027,
        tableIds: [tables.T1, tables.T2],
        privacyNotice: 'I dati dei referenti servono a convocare i tavoli.',
        retention: 'Fino alla fine del periodo del piano.',
      })
      .returning();
    // Applications written directly in the state each case needs (admitted or under review), without the call's commands.
    const application = async (o: string | null, name: string, fiscalCode: string, policyAreas: string[], status: string) =>
      db().execute(
        sql`insert into participation_applications (call_id, ambito_id, organisation_name, fiscal_code, legal_form, policy_areas, table_ids, contact_name, contact_email, status, organisation_id)
            values (${call!.id}, ${ambitoId}, ${name}, ${fiscalCode}, 'associazione', ${JSON.stringify(policyAreas)}::jsonb, '[]'::jsonb, 'Referente', 'referente@example.org', ${status}, ${o})`,
      );
    await application(org.A!, 'APS Alfa', '90000000001', ['anziani', 'minori'], 'ammessa');
    await application(org.B!, 'ODV Beta', '90000000002', ['anziani'], 'ammessa');
    await application(org.C!, 'Cooperativa sociale Gamma', '90000000003', ['anziani'], 'ammessa');
    await application(org.D!, 'ODV Delta', '90000000004', ['anziani'], 'ammessa');
    await application(org.E!, 'Fondazione Epsilon', '90000000005', ['minori'], 'ammessa');
    // Not admitted (yet): in no coverage.
    await application(null, 'Associazione Zeta', '90000000006', ['anziani'], 'in_esame');
    const [first] = await db()
      .insert(needs)
      .values({ ambitoId, statement: 'Solitudine degli anziani soli', sourceKind: 'incontro', createdAt: new Date('2025-02-10T18:00:00Z') })
      .returning();
    await db()
      .insert(needs)
      .values([
        { ambitoId, statement: 'Trasporto per le visite', sourceKind: 'organizzazione', organisationId: org.B!, createdAt: new Date('2025-04-20T10:00:00Z') },
        // A duplicate merged into the first: counted once.
        {
          ambitoId,
          statement: 'Anziani soli',
          sourceKind: 'incontro',
          mergedIntoId: first!.id,
          mergedAt: new Date('2025-04-21T10:00:00Z'),
          createdAt: new Date('2025-04-21T09:00:00Z'),
        },
      ]);
    await db()
      .insert(proposals)
      .values([
        {
          ambitoId,
          organisationId: org.A!,
          title: 'Custode sociale',
          body: '…',
          status: 'presentata',
          submittedAt: new Date('2025-02-20T10:00:00Z'),
          outcome: 'accolta',
        },
        { ambitoId, organisationId: org.B!, title: 'Navetta', body: '…', status: 'presentata', submittedAt: new Date('2025-05-01T10:00:00Z') },
        { ambitoId, organisationId: org.C!, title: 'Bozza', body: '…', status: 'bozza' },
        {
          ambitoId,
          organisationId: org.B!,
          title: 'Nascosta',
          body: '…',
          status: 'presentata',
          submittedAt: new Date('2025-05-02T10:00:00Z'),
          hiddenAt: new Date('2025-05-03T10:00:00Z'),
        },
      ]);
    const [q] = await db()
      .insert(questionnaires)
      .values({ ambitoId, title: 'Questionario sui bisogni', audience: 'membri', respondent: 'organizzazione', status: 'aperto', retention: 'Un anno.' })
      .returning();
    await db()
      .insert(questionnaireResponses)
      .values([
        { questionnaireId: q!.id, respondentKey: `org:${org.A}`, organisationId: org.A!, submittedAt: new Date('2025-05-10T10:00:00Z') },
        { questionnaireId: q!.id, respondentKey: `org:${org.B}`, organisationId: org.B!, submittedAt: new Date('2025-05-11T10:00:00Z') },
      ]);
  });
  after(async () => database.close());

  test('meetings held, recorded attendance and the incompleteness sentence', async () => {
    const f = participationFigures((await readParticipationWorld(db(), ambitoId, NOW)).world);
    assert.equal(f.tables, 2);
    assert.equal(f.memberOrganisations, 4, 'A, B, C, E (D left the table)');
    assert.equal(f.meetingsHeld, 3, 'two of the elders’ table (one ended without attendance), one of the children’s; not the future one');
    assert.deepEqual(f.attendanceRecorded, { numerator: 2, denominator: 3, percent: (2 / 3) * 100 });
    assert.equal(
      translate('it', 'part.figures.incomplete.attendance', { recorded: f.attendanceRecorded.numerator, held: f.attendanceRecorded.denominator }).split(':')[0],
      'Presenze registrate per 2 riunioni su 3',
    );
    const [m1, m2, m4] = f.meetings;
    assert.deepEqual([m1!.date, m1!.expected, m1!.present, m1!.delegated, m1!.attendance.percent], ['2025-02-10', 2, 1, 1, 100]);
    assert.deepEqual([m2!.date, m2!.recorded], ['2025-04-15', false]);
    assert.deepEqual([m4!.date, m4!.expected, m4!.present, m4!.absent, m4!.attendance], ['2025-05-20', 2, 1, 1, { numerator: 1, denominator: 2, percent: 50 }]);
  });

  test('people, organisations by kind and by area, and the coverage of each table with its formula', async () => {
    const { figures: f, tables: rows } = await figuresOf(db(), ambitoId, NOW);
    assert.equal(f.peoplePresent, 1, 'Anna Alfa (twice); Bruno Beta sent a delegate');
    assert.equal(f.organisationsTookPart, 2, 'APS Alfa (present), ODV Beta (delegated)');
    assert.deepEqual(f.organisationsByKind, [
      { kind: 'aps', count: 1 },
      { kind: 'odv', count: 1 },
    ]);
    assert.deepEqual(f.organisationsByArea, [
      { area: 'anziani', count: 2 },
      { area: 'famiglia', count: 1 },
      { area: 'minori', count: 1 },
    ]);
    const elders = rows.find((r) => r.tableId === tables.T1)!;
    // Admitted with the area «anziani»: A, B, C, D; took part: A, B.
    assert.deepEqual(elders.coverage, { numerator: 2, denominator: 4, percent: 50 });
    assert.deepEqual([elders.held, elders.recorded, elders.organisationsTookPart], [2, 1, 2]);
    assert.equal(
      translate('it', 'part.figures.coverage.formula', { numerator: elders.coverage.numerator, denominator: elders.coverage.denominator, percent: '50,0 %' }),
      '2 su 4 organizzazioni ammesse delle aree del tavolo, 50,0 %',
    );
    // Admitted with «minori» or «famiglia»: A, E; took part: A (E was absent).
    assert.deepEqual(rows.find((r) => r.tableId === tables.T2)!.coverage, { numerator: 1, denominator: 2, percent: 50 });
  });

  test('contributions by source and outcome, and by quarter', async () => {
    const f = participationFigures((await readParticipationWorld(db(), ambitoId, NOW)).world);
    assert.equal(f.needsTotal, 2, 'the merged duplicate counts once');
    assert.deepEqual(
      f.needsBySource.filter((n) => n.count > 0),
      [
        { source: 'incontro', count: 1 },
        { source: 'organizzazione', count: 1 },
      ],
    );
    assert.equal(f.proposalsTotal, 2, 'submitted and not hidden');
    assert.equal(f.proposalsAnswered, 1);
    assert.deepEqual(
      f.proposalsByOutcome.map((p) => p.count),
      [1, 0, 0, 1],
    );
    assert.equal(f.responsesTotal, 2);
    assert.deepEqual(f.timeline, [
      { year: 2025, quarter: 1, meetings: 1, needs: 1, proposals: 1, responses: 0 },
      { year: 2025, quarter: 2, meetings: 2, needs: 1, proposals: 1, responses: 2 },
    ]);
  });

  test('the home: the open call and the open questionnaires', async () => {
    const home = await homeContext(db(), ambitoId, NOW);
    assert.equal(home.openCall?.title, 'Avviso per aderire ai tavoli 2025-2027');
    assert.equal(home.openQuestionnaires, 1);
    assert.equal(home.plan, null);
  });
});
