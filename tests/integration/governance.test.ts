import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { systemActor, type Actor } from '../../app/shared/auth/actor.ts';
import { loadDemo } from '../../app/modules/demo.server.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { outbox } from '../../app/shared/mail/outbox.schema.ts';
import { fromRoot } from '../../app/shared/paths.ts';
import { importAmbitoComposition, importPopulation } from '../../app/modules/territory/territory.commands.ts';
import { getAmbitoByCode } from '../../app/modules/territory/territory.queries.ts';
import {
  addAttachment,
  addMember,
  addParty,
  addSignature,
  convokeMeeting,
  createAgreement,
  createBody,
  createDecision,
  createMeeting,
  createOrganisation,
  createPerson,
  importGovernance,
  recordAttendance,
  removeAttachment,
  removeParty,
  removeSignature,
  saveMinutes,
  updateAgreement,
  updateBody,
  updateBodyRule,
  updateDecision,
  updateMeeting,
  updateMember,
  updateOrganisation,
  updatePerson,
  uploadSignedAgreement,
} from '../../app/modules/governance/governance.commands.ts';
import { organisationCheckDigit } from '../../app/modules/governance/fiscal-code.ts';
import { can } from '../../app/modules/governance/governance.policy.ts';
import {
  getAgreementOverview,
  getDecisionOverview,
  getMeetingOverview,
  listAgreements,
  listBodies,
  listMembers,
  listOrganisations,
  listPeople,
} from '../../app/modules/governance/governance.queries.ts';
import { agreements, bodies, meetingAttachments, meetings, organisations } from '../../app/modules/governance/governance.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

// The nine comuni of the Ambito di Gallarate with their legal population at the 2011 census (ISTAT, in
// fixtures/istat/comuni-2020.json): the weights of a population-weighted vote of the Assemblea dei Sindaci, whose
// members are the mayors who signed the Accordo di programma 2025-2027 (seed 002, L486-L520).
const MAYORS = [
  ['Andrea Cassani', 'Gallarate', 50_456],
  ['Mirko Vittorio Zorzo', 'Albizzate', 5_292],
  ['Anna Pugliese', 'Cairate', 7_830],
  ['Pietro Ottaviani', 'Cassano Magnago', 21_386],
  ['Franco Zeni', 'Cavaria con Premezzo', 5_713],
  ['Emilio Aliverti', 'Jerago con Orago', 5_084],
  ['Franco Ghiringhelli', 'Oggiona con Santo Stefano', 4_295],
  ['Alessandro Ferrazzi', 'Samarate', 16_168],
  ['Oreste Battiston', 'Solbiate Arno', 4_274],
] as const;
const MOST_POPULOUS = new Set(['Gallarate', 'Cassano Magnago', 'Samarate']);

/** A tiny but real PDF document (header, one empty page, trailer). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe(`governance commands (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let regionCode: string;
  let coordinator: Actor;
  let assemblyId: string;
  const db = () => database.db;
  const auditCount = async () => (await db().select({ n: count() }).from(auditLog))[0]!.n;
  const entriesFor = (entityId: string) => db().select().from(auditLog).where(eq(auditLog.entityId, entityId));

  /** Runs a command and checks it wrote exactly one audit entry, with the expected action; returns the result. */
  async function once<T>(action: string, run: () => Promise<T>): Promise<T> {
    const before = await auditCount();
    const result = await run();
    const entries = await db().select().from(auditLog).orderBy(auditLog.id);
    assert.equal(entries.length, before + 1, `${action}: exactly one audit entry`);
    const last = entries[entries.length - 1]!;
    assert.equal(last.action, action);
    assert.equal(last.ambitoId, ambitoId);
    return result;
  }

  /** The fingerprint of the meeting's recorded attendance, as the meeting page puts it in the vote form. */
  async function fingerprintOf(meetingId: string, ambito = { id: ambitoId, code: 'gallarate', name: 'Gallarate', regionCode }) {
    return (await getMeetingOverview(db(), ambito, meetingId))!.attendanceFingerprint;
  }

  async function newMeeting(title: string, date = '2025-03-12', start = '17:30', end = '19:00') {
    return createMeeting({
      db: db(),
      actor: coordinator,
      ambitoId,
      bodyId: assemblyId,
      input: {
        title,
        date,
        startTime: start,
        endTime: end,
        place: 'Sala messa a disposizione dal Comune capofila',
        agenda: '1. Approvazione del verbale\n2. Riparto del Fondo',
      },
    });
  }

  before(async () => {
    database = await createTestDatabase();
    const { gallarate } = await seedDemo(database.db);
    ambitoId = gallarate.id;
    regionCode = gallarate.regionCode;
    coordinator = actorWith('coordinator', { ambitoId });
    const [assembly] = await db()
      .select()
      .from(bodies)
      .where(and(eq(bodies.ambitoId, ambitoId), eq(bodies.name, 'Assemblea dei Sindaci')));
    assemblyId = assembly!.id;
  });
  after(() => database.close());

  test('the demo loads the governance of Gallarate from seed 002 through the importer, once', async () => {
    // The demo's participation step adds the demo account's cooperative and its representative (not in seed 002).
    const orgs = (await listOrganisations(db(), ambitoId)).filter((o) => o.name !== 'Cooperativa sociale Il Ponte');
    assert.equal(orgs.length, 11);
    assert.equal(orgs.filter((o) => o.kind === 'comune').length, 9);
    assert.deepEqual(
      orgs
        .filter((o) => o.kind === 'ente_sanitario')
        .map((o) => o.name.split(' – ')[0])
        .sort(),
      ['ASST Valle Olona', 'ATS Insubria'],
    );
    assert.ok(
      orgs.every((o) => o.fiscalCode === null),
      'the seed prints no fiscal code',
    );
    assert.equal((await listPeople(db(), ambitoId)).filter((p) => p.fullName !== 'Paolo Riva').length, 11);

    const bodyRows = await listBodies(db(), ambitoId, '2025-06-01');
    assert.deepEqual(
      bodyRows.map((b) => b.name),
      [
        'Assemblea dei Sindaci',
        'Ufficio di Piano',
        'Tavolo dei Tecnici',
        'Tavolo Locale Permanente di confronto con gli Enti del Terzo Settore',
        'Tavolo Tematico Anziani',
        'Tavolo Tematico Minori e Famiglie',
        'Tavolo Tematico Persone con disabilità',
        'Tavolo Tematico Povertà Integrazione e Multietnicità, Salute Mentale, Prevenzione Dipendenze',
      ],
    );
    const tavolo = bodyRows.find((b) => b.type === 'tavolo_terzo_settore')!;
    assert.equal(bodyRows.filter((b) => b.parentBodyId === tavolo.id).length, 4, 'the 4 Tavoli Tematici belong to the Tavolo Locale');
    const assembly = bodyRows.find((b) => b.type === 'assemblea_sindaci')!;
    assert.deepEqual(assembly.votingRule, { type: 'majority_present', abstentionsCountAsAgainst: true });
    const members = await listMembers(db(), assemblyId, '2025-06-01');
    assert.equal(members.length, 9);
    assert.deepEqual(members.map((m) => m.personName).sort(), MAYORS.map(([name]) => name).sort());
    const president = members.filter((m) => m.position === 'presidente');
    assert.deepEqual(
      president.map((m) => [m.personName, m.organisationName]),
      [['Andrea Cassani', 'Comune di Gallarate']],
    );

    const [agreement] = await listAgreements(db(), ambitoId);
    const overview = await getAgreementOverview(db(), ambitoId, agreement!.id);
    assert.equal(overview!.agreement.title, 'Accordo di Programma per la realizzazione del Piano di Zona 2025-2027');
    assert.equal(overview!.agreement.validFrom, '2025-01-01');
    assert.equal(overview!.agreement.validTo, '2027-12-31');
    assert.equal(overview!.agreement.adoptedOn, '2024-12-02');
    assert.equal(overview!.parties.length, 11);
    assert.ok(overview!.parties.every((p) => p.role === 'sottoscrittore'));
    assert.equal(overview!.parties[0]!.name, 'Comune di Gallarate', 'the capofila comes first');
    assert.equal(overview!.signatures.length, 11);
    assert.ok(
      overview!.signatures.every((s) => s.signedOn === null),
      'the seed does not date the signatures',
    );
    assert.deepEqual(
      overview!.signatures
        .filter((s) => s.signerRole === 'Direttore Generale')
        .map((s) => s.signerName)
        .sort(),
      ['Daniela Bianchi', 'Salvatore Gioia'],
    );

    const imports = await db().select().from(auditLog).where(eq(auditLog.action, 'governance.imported'));
    assert.equal(imports.length, 1, 'the whole bundle is one audited import');
    assert.deepEqual(imports[0]!.after, {
      files: ['organizzazioni.csv', 'persone.csv', 'organi.csv', 'componenti.csv', 'accordo.csv', 'accordo-parti.csv'],
      organisations: 11,
      people: 11,
      bodies: 8,
      members: 9,
      agreement: 'Accordo di Programma per la realizzazione del Piano di Zona 2025-2027',
      parties: 11,
      signatures: 11,
    });

    const before = await auditCount();
    await loadDemo(db());
    assert.equal(await auditCount(), before, 'a second demo load changes nothing');
    assert.equal((await listOrganisations(db(), ambitoId)).length, orgs.length + 1);
  });

  test('a population-weighted vote of the 9 mayors: the three most populous for, the six others against, is approved with the weights and the arithmetic', async () => {
    const [body] = await db().select().from(bodies).where(eq(bodies.id, assemblyId));
    await once('governance.body.rule_updated', () =>
      updateBodyRule({
        db: db(),
        actor: coordinator,
        ambitoId,
        bodyId: assemblyId,
        input: { version: body!.version, ruleType: 'population_weighted', thresholdPercent: '50', base: 'present' },
      }),
    );
    const meeting = await once('governance.meeting.created', () => newMeeting('Assemblea dei Sindaci: riparto del Fondo sociale regionale'));
    const members = await listMembers(db(), assemblyId, '2025-03-12');
    const attendance = Object.fromEntries(members.map((m) => [`status.${m.id}`, 'present']));
    await once('governance.meeting.attendance_recorded', () =>
      recordAttendance({ db: db(), actor: coordinator, ambitoId, meetingId: meeting.id, input: { version: String(meeting.version), ...attendance } }),
    );

    const byComune = new Map(members.map((m) => [MAYORS.find(([name]) => name === m.personName)![1], m]));
    const votes: Record<string, string> = { attendanceFingerprint: await fingerprintOf(meeting.id) };
    for (const [comune, m] of byComune) votes[`vote.${m.id}`] = MOST_POPULOUS.has(comune) ? 'for' : 'against';
    const { decision, outcome } = await once('governance.decision.created', () =>
      createDecision({
        db: db(),
        actor: coordinator,
        ambitoId,
        meetingId: meeting.id,
        input: { number: '1/2025', date: '2025-03-12', subject: 'Riparto del Fondo sociale regionale 2025', ...votes },
      }),
    );
    assert.equal(outcome.approved, true);
    assert.equal(outcome.totals.for.count, 3);
    assert.equal(outcome.totals.against.count, 6);
    assert.equal(outcome.totals.for.weight, 88_010);
    assert.equal(outcome.totals.against.weight, 32_488);
    assert.equal(outcome.totals.present.weight, 120_498);
    assert.ok(
      outcome.explanation.includes('Peso favorevole: 88.010 (Gallarate 50.456 + Cassano Magnago 21.386 + Samarate 16.168)'),
      outcome.explanation.join('\n'),
    );
    assert.ok(
      outcome.explanation.some((l) => l.startsWith('Soglia: più del 50 % del peso dei presenti = 60.249')),
      outcome.explanation.join('\n'),
    );
    assert.ok(outcome.explanation.includes('88.010 > 60.249 → approvata'), outcome.explanation.join('\n'));

    // The decision page reads the same outcome back from the frozen votes and weights.
    const overview = await getDecisionOverview(db(), { id: ambitoId, code: 'gallarate', name: 'Gallarate', regionCode }, decision.id);
    assert.equal(overview!.outcome!.approved, true);
    assert.deepEqual(overview!.outcome!.explanation, outcome.explanation);
    const weights = Object.fromEntries(overview!.votes.map((v) => [v.label, [v.weight, v.vote]]));
    assert.deepEqual(weights, Object.fromEntries(MAYORS.map(([, comune, w]) => [comune, [w, MOST_POPULOUS.has(comune) ? 'for' : 'against']])));
    assert.ok(overview!.votes.every((v) => v.weightSource === 'popolazione legale al censimento 2011 (ISTAT)'));
    // The 2011 census is more than five years before the 2025 meeting: the recorded decision says so.
    assert.deepEqual(overview!.weightsAge, {
      referenceDate: '2011-10-09',
      year: 2011,
      meetingYear: 2025,
      source: 'popolazione legale al censimento 2011 (ISTAT)',
    });
    assert.deepEqual(overview!.decision.votingRule, { type: 'population_weighted', thresholdPercent: 50, base: 'present' });

    // Under the demo's rule (majority of those present) the same heads would reject: the rule is frozen per decision.
    const [now] = await db().select().from(bodies).where(eq(bodies.id, assemblyId));
    await updateBodyRule({
      db: db(),
      actor: coordinator,
      ambitoId,
      bodyId: assemblyId,
      input: { version: now!.version, ruleType: 'majority_present', abstentionsCountAsAgainst: 'on' },
    });
    const heads = await createDecision({
      db: db(),
      actor: coordinator,
      ambitoId,
      meetingId: meeting.id,
      input: { number: '2/2025', date: '2025-03-12', subject: 'Stessa votazione a maggioranza dei presenti', ...votes },
    });
    assert.equal(heads.outcome.approved, false);
    assert.ok(heads.outcome.explanation.includes('3 ≤ 4,5 → respinta'), heads.outcome.explanation.join('\n'));
    const still = await getDecisionOverview(db(), { id: ambitoId, code: 'gallarate', name: 'Gallarate', regionCode }, decision.id);
    assert.equal(still!.outcome!.approved, true, 'changing the body’s rule does not change a decision already taken');

    const summary = (await getMeetingOverview(db(), { id: ambitoId, code: 'gallarate', name: 'Gallarate', regionCode }, meeting.id))!.summary;
    assert.equal(summary.attendees.length, 9);
    assert.equal(summary.organisations.length, 9);
    assert.deepEqual(
      summary.decisions.map((d) => [d.number, d.approved]),
      [
        ['1/2025', true],
        ['2/2025', false],
      ],
    );
  });

  test('a vote form rendered before the attendance changed is refused and nothing is written; the vote counts the recorded 7 of 9', async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    const [body] = await db().select().from(bodies).where(eq(bodies.id, assemblyId));
    await updateBodyRule({
      ...ctx,
      bodyId: assemblyId,
      input: { version: body!.version, ruleType: 'population_weighted', thresholdPercent: '50', base: 'present' },
    });
    const meeting = await newMeeting('Assemblea dei Sindaci: presenze cambiate durante la seduta');
    const members = await listMembers(db(), assemblyId, '2025-03-12');
    const comuneOf = (m: { personName: string }) => MAYORS.find(([name]) => name === m.personName)![1];
    const absent = members.filter((m) => ['Albizzate', 'Solbiate Arno'].includes(comuneOf(m)));
    assert.equal(absent.length, 2);

    // Never recorded: the vote does not assume everybody present.
    const everybodyFor = Object.fromEntries(members.map((m) => [`vote.${m.id}`, 'for']));
    const decisionsBefore = (await getMeetingOverview(db(), { id: ambitoId, code: 'gallarate', name: 'Gallarate', regionCode }, meeting.id))!.decisions.length;
    let audits = await auditCount();
    await assert.rejects(
      createDecision({
        ...ctx,
        meetingId: meeting.id,
        input: { number: '20/2025', date: '2025-03-12', subject: 'Senza presenze', attendanceFingerprint: await fingerprintOf(meeting.id), ...everybodyFor },
      }),
      (e: unknown) =>
        e instanceof ValidationError && e.issues[0]!.path === 'attendance' && /presenze della riunione non sono ancora registrate/.test(e.issues[0]!.message),
    );
    assert.equal(await auditCount(), audits);

    // 9 present recorded, the vote form is rendered (its fingerprint), then attendance becomes 7 of 9.
    await recordAttendance({
      ...ctx,
      meetingId: meeting.id,
      input: { version: String(meeting.version), ...Object.fromEntries(members.map((m) => [`status.${m.id}`, 'present'])) },
    });
    const staleFingerprint = await fingerprintOf(meeting.id);
    const [m2] = await db().select().from(meetings).where(eq(meetings.id, meeting.id));
    await recordAttendance({
      ...ctx,
      meetingId: meeting.id,
      input: { version: String(m2!.version), ...Object.fromEntries(members.map((m) => [`status.${m.id}`, absent.includes(m) ? 'absent' : 'present'])) },
    });

    audits = await auditCount();
    const stale = {
      number: '20/2025',
      date: '2025-03-12',
      subject: 'Riparto con le presenze cambiate',
      attendanceFingerprint: staleFingerprint,
      ...everybodyFor,
    };
    await assert.rejects(createDecision({ ...ctx, meetingId: meeting.id, input: stale }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(
        e.issues.map((i) => i.path),
        ['attendance'],
      );
      assert.equal(
        e.issues[0]!.message,
        'Le presenze della riunione sono cambiate dopo che hai aperto questo modulo (ora risultano 7 presenti su 9): ricarica la pagina e ripeti la votazione. La deliberazione non è stata registrata.',
      );
      return true;
    });
    // The same stale votes without the fingerprint (an old form, another client) are refused as well.
    const { attendanceFingerprint: _dropped, ...noFingerprint } = stale;
    await assert.rejects(
      createDecision({ ...ctx, meetingId: meeting.id, input: noFingerprint }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'attendance',
    );
    // With the current fingerprint a vote given for a member recorded as absent is still refused.
    const current = await fingerprintOf(meeting.id);
    await assert.rejects(createDecision({ ...ctx, meetingId: meeting.id, input: { ...stale, attendanceFingerprint: current } }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues.map((i) => i.path).sort(), absent.map((m) => `vote.${m.id}`).sort());
      return true;
    });
    assert.equal(await auditCount(), audits, 'nothing written');
    assert.equal(
      (await getMeetingOverview(db(), { id: ambitoId, code: 'gallarate', name: 'Gallarate', regionCode }, meeting.id))!.decisions.length,
      decisionsBefore,
    );

    // The form rendered on the recorded attendance: 7 present, their 2011 census weights (none for the absent).
    const votes = Object.fromEntries(members.filter((m) => !absent.includes(m)).map((m) => [`vote.${m.id}`, 'for']));
    // An «attendance» field in the form (as the old form had) changes nothing: attendance is the meeting's record.
    votes[`attendance.${absent[0]!.id}`] = 'present';
    const { outcome } = await createDecision({
      ...ctx,
      meetingId: meeting.id,
      input: { ...stale, attendanceFingerprint: current, ...Object.fromEntries(absent.map((m) => [`vote.${m.id}`, 'none'])), ...votes },
    });
    assert.equal(outcome.totals.present.count, 7);
    assert.equal(outcome.totals.present.weight, 120_498 - 5_292 - 4_274);
    assert.ok(outcome.explanation.includes('Presenti: 7; peso presente 110.932'), outcome.explanation.join('\n'));
    assert.ok(outcome.explanation.includes('Assenti: 2 (Albizzate, Solbiate Arno)'), outcome.explanation.join('\n'));
  });

  test('a weight comes from the comune’s latest yearly population when there is one (Sebino, 1 January 2024), and is frozen', async () => {
    const admin = systemActor('test');
    await importAmbitoComposition({
      db: db(),
      actor: admin,
      fileName: 'ambito.csv',
      text: readFileSync(fromRoot('fixtures', 'demo', 'sebino', 'ambito.csv'), 'utf8'),
    });
    const sebino = (await getAmbitoByCode(db(), 'sebino'))!;
    await importPopulation({
      db: db(),
      actor: admin,
      ambitoId: sebino.id,
      fileName: 'popolazione-2024.csv',
      text: readFileSync(fromRoot('fixtures', 'demo', 'sebino', 'population', 'popolazione-2024.csv'), 'utf8'),
    });
    const actor = actorWith('coordinator', { ambitoId: sebino.id });
    const ctx = { db: db(), actor, ambitoId: sebino.id };
    const body = await createBody({ ...ctx, input: { name: 'Assemblea dei Sindaci', type: 'assemblea_sindaci', kind: 'politico' } });
    const ruled = await updateBodyRule({
      ...ctx,
      bodyId: body.id,
      input: { version: body.version, ruleType: 'population_weighted', thresholdPercent: '50', base: 'members' },
    });
    assert.equal(ruled.version, 2);
    const comuni = { Iseo: '017085', 'Corte Franca': '017062', Marone: '017106' };
    const memberIds: string[] = [];
    for (const [name, istat] of Object.entries(comuni)) {
      const [comune] = await db()
        .execute<{ id: string }>(`select id from comuni where istat_code = '${istat}'`)
        .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
      const person = await createPerson({ ...ctx, input: { fullName: `Sindaco del Comune di ${name}`, roleTitle: 'Sindaco' } });
      memberIds.push((await addMember({ ...ctx, bodyId: body.id, input: { personId: person.id, position: 'componente', comuneId: comune!.id } })).id);
    }
    // A figure recorded for a date after the meeting (Iseo at 31/12/2025) is not the population «at the meeting».
    await importPopulation({
      db: db(),
      actor: admin,
      ambitoId: sebino.id,
      fileName: 'iseo-2025.csv',
      text: 'anno;livello;codice;totale;maschi;femmine;eta_0_14;eta_15_64;eta_65_piu;eta_75_piu;eta_0_17;nati;morti;saldo_migratorio;stranieri;anziani_soli;superficie_km2;data_riferimento;fonte\n2025;comune;017085;9050;;;;;;;;;;;;;;2025-12-31;Anagrafe comunale di Iseo\n',
    });
    const meeting = await createMeeting({
      ...ctx,
      bodyId: body.id,
      input: { title: 'Seduta', date: '2025-02-10', startTime: '18:00', endTime: '19:30', onlineUrl: 'https://riunioni.example/assemblea' },
    });
    const sebinoScope = { id: sebino.id, code: 'sebino', name: sebino.name, regionCode: sebino.regionCode };
    await recordAttendance({
      ...ctx,
      meetingId: meeting.id,
      input: {
        version: String(meeting.version),
        [`status.${memberIds[0]}`]: 'present',
        [`status.${memberIds[1]}`]: 'present',
        [`status.${memberIds[2]}`]: 'absent',
      },
    });
    const votes = { attendanceFingerprint: await fingerprintOf(meeting.id, sebinoScope), [`vote.${memberIds[0]}`]: 'for', [`vote.${memberIds[1]}`]: 'against' };
    const { decision, outcome } = await createDecision({
      ...ctx,
      meetingId: meeting.id,
      input: { number: '1', date: '2025-02-10', subject: 'Prova', ...votes },
    });
    // Iseo 8.992 of 8.992 + 7.173 + 3.112 = 19.277 members' weight: 46,65 % is not more than 50 %.
    assert.equal(outcome.approved, false);
    assert.equal(outcome.totals.members.weight, 19_277);
    const overview = await getDecisionOverview(db(), { id: sebino.id, code: 'sebino', name: sebino.name, regionCode: sebino.regionCode }, decision.id);
    const iseo = overview!.votes.find((v) => v.label === 'Iseo')!;
    assert.equal(iseo.weight, 8_992, 'not the 9.100 of the 2011 census, nor the 9.050 recorded for 31/12/2025, after the meeting');
    assert.equal(iseo.weightReferenceDate, '2024-01-01');
    assert.equal(overview!.weightsAge, null, 'a 2024 figure is not old for a 2025 meeting');
    assert.match(iseo.weightSource!, /^popolazione residente al 01\/01\/2024 \(popolazione-2024\.csv: PdZ 2025-2027 Ambito n\. 5 Sebino/);
    assert.equal(overview!.votes.find((v) => v.label === 'Marone')!.attendance, 'absent');
  });

  test('every command writes exactly one audit entry with the record before and after', async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    const fiscalCode = `0123456789${organisationCheckDigit('0123456789')}`;
    const org = await once('governance.organisation.created', () =>
      createOrganisation({ ...ctx, input: { name: 'Cooperativa sociale di prova', kind: 'cooperativa_sociale_a', fiscalCode, runtsNumber: '12345' } }),
    );
    assert.equal(org.fiscalCode, fiscalCode);
    await once('governance.organisation.updated', () =>
      updateOrganisation({
        ...ctx,
        organisationId: org.id,
        input: { version: org.version, name: 'Cooperativa sociale di prova', kind: 'cooperativa_sociale_a', fiscalCode, email: 'info@coop.example' },
      }),
    );
    const [entry] = (await entriesFor(org.id)).filter((e) => e.action === 'governance.organisation.updated');
    assert.equal((entry!.before as { email: unknown }).email, null);
    assert.equal((entry!.after as { email: unknown }).email, 'info@coop.example');
    assert.equal((entry!.after as { version: number }).version, 2);

    const person = await once('governance.person.created', () =>
      createPerson({ ...ctx, input: { fullName: 'Referente della cooperativa', organisationId: org.id } }),
    );
    await once('governance.person.updated', () =>
      updatePerson({
        ...ctx,
        personId: person.id,
        input: { version: person.version, fullName: 'Referente della cooperativa', organisationId: org.id, email: 'referente@coop.example' },
      }),
    );

    const tavoli = await db()
      .select()
      .from(bodies)
      .where(and(eq(bodies.ambitoId, ambitoId), eq(bodies.type, 'tavolo_terzo_settore')));
    const table = await once('governance.body.created', () =>
      createBody({ ...ctx, input: { name: 'Tavolo Tematico di prova', type: 'tavolo_tematico', kind: 'coprogettazione', parentBodyId: tavoli[0]!.id } }),
    );
    const tableV2 = await once('governance.body.updated', () =>
      updateBody({
        ...ctx,
        bodyId: table.id,
        input: {
          version: table.version,
          name: 'Tavolo Tematico di prova',
          type: 'tavolo_tematico',
          kind: 'coprogettazione',
          parentBodyId: tavoli[0]!.id,
          description: 'Per i test.',
        },
      }),
    );
    await once('governance.body.rule_updated', () =>
      updateBodyRule({
        ...ctx,
        bodyId: table.id,
        input: {
          version: tableV2.version,
          ruleType: 'qualified_majority',
          numerator: '2',
          denominator: '3',
          base: 'members',
          quorumType: 'members',
          quorumPercent: '50',
        },
      }),
    );
    const member = await once('governance.member.added', () =>
      addMember({ ...ctx, bodyId: table.id, input: { personId: person.id, organisationId: org.id, position: 'presidente', validFrom: '2025-01-01' } }),
    );
    await once('governance.member.updated', () =>
      updateMember({
        ...ctx,
        bodyId: table.id,
        memberId: member.id,
        input: { version: member.version, personId: person.id, organisationId: org.id, position: 'presidente', validFrom: '2025-01-01', validTo: '2027-12-31' },
      }),
    );

    const meeting = await once('governance.meeting.created', () =>
      createMeeting({
        ...ctx,
        bodyId: table.id,
        input: {
          title: 'Primo incontro',
          date: '2025-10-09',
          startTime: '09:30',
          endTime: '12:00',
          place: 'Gallarate',
          agenda: 'Presentazione\nRaccolta dei bisogni',
        },
      }),
    );
    const moved = await once('governance.meeting.updated', () =>
      updateMeeting({
        ...ctx,
        meetingId: meeting.id,
        input: {
          version: meeting.version,
          title: 'Primo incontro',
          date: '2025-10-09',
          startTime: '10:00',
          endTime: '12:00',
          place: 'Gallarate',
          agenda: 'Presentazione\nRaccolta dei bisogni\nVarie',
        },
      }),
    );
    assert.equal(moved.icsSequence, 1, 'a new time raises the iCalendar sequence');
    await once('governance.meeting.convoked', () => convokeMeeting({ ...ctx, meetingId: meeting.id, input: { version: moved.version } }));
    const m3 = (await db().select().from(meetings).where(eq(meetings.id, meeting.id)))[0]!;
    await once('governance.meeting.attendance_recorded', () =>
      recordAttendance({ ...ctx, meetingId: meeting.id, input: { version: String(m3.version), [`status.${member.id}`]: 'present' } }),
    );
    const m4 = (await db().select().from(meetings).where(eq(meetings.id, meeting.id)))[0]!;
    await once('governance.meeting.minutes_saved', () =>
      saveMinutes({
        ...ctx,
        meetingId: meeting.id,
        input: { version: m4.version, minutes: 'Il Tavolo si è riunito.', minutesApprovedAt: '2025-10-18', minutesApprovedBy: 'Tavolo Tematico di prova' },
      }),
    );
    const file = await once('governance.attachment.added', () =>
      addAttachment({ ...ctx, meetingId: meeting.id, file: { name: 'presentazione.pdf', bytes: PDF } }),
    );
    await once('governance.attachment.removed', () => removeAttachment({ ...ctx, meetingId: meeting.id, attachmentId: file.id }));
    const fingerprint = await fingerprintOf(meeting.id);
    const { decision } = await once('governance.decision.created', () =>
      createDecision({
        ...ctx,
        meetingId: meeting.id,
        input: { number: '1', date: '2025-10-09', subject: 'Calendario degli incontri', attendanceFingerprint: fingerprint, [`vote.${member.id}`]: 'for' },
      }),
    );
    await once('governance.decision.updated', () =>
      updateDecision({
        ...ctx,
        decisionId: decision.id,
        input: { version: decision.version, number: '1', date: '2025-10-09', subject: 'Calendario degli incontri 2025' },
      }),
    );

    const agreement = await once('governance.agreement.created', () =>
      createAgreement({
        ...ctx,
        input: { title: 'Accordo di prova', periodStartYear: '2028', periodEndYear: '2030', validFrom: '2028-01-01', validTo: '2030-12-31' },
      }),
    );
    await once('governance.agreement.updated', () =>
      updateAgreement({
        ...ctx,
        agreementId: agreement.id,
        input: {
          version: agreement.version,
          title: 'Accordo di prova',
          periodStartYear: '2028',
          periodEndYear: '2030',
          validFrom: '2028-01-01',
          validTo: '2030-12-31',
          adoptedOn: '2027-12-01',
        },
      }),
    );
    const party = await once('governance.agreement.party_added', () =>
      addParty({ ...ctx, agreementId: agreement.id, input: { organisationId: org.id, role: 'aderente' } }),
    );
    await once('governance.agreement.party_removed', () => removeParty({ ...ctx, agreementId: agreement.id, partyId: party.id }));
    const signature = await once('governance.agreement.signature_added', () =>
      addSignature({
        ...ctx,
        agreementId: agreement.id,
        input: { organisationId: org.id, signerName: 'Referente della cooperativa', signerRole: 'Legale rappresentante', signedOn: '2027-12-15' },
      }),
    );
    await once('governance.agreement.signature_removed', () => removeSignature({ ...ctx, agreementId: agreement.id, signatureId: signature.id }));
    const [a2] = await db().select({ version: agreements.version }).from(agreements).where(eq(agreements.id, agreement.id));
    const uploaded = await once('governance.agreement.file_uploaded', () =>
      uploadSignedAgreement({ ...ctx, agreementId: agreement.id, input: { version: a2!.version }, file: { name: 'accordo-firmato.pdf', bytes: PDF } }),
    );
    assert.equal(uploaded.signedFileSize, PDF.length);
    const [fileEntry] = (await entriesFor(agreement.id)).filter((e) => e.action === 'governance.agreement.file_uploaded');
    assert.ok(!('signedFile' in (fileEntry!.after as object)), 'the audit log keeps the file’s fingerprint, not its bytes');
    assert.match((fileEntry!.after as { signedFileSha256: string }).signedFileSha256, /^[0-9a-f]{64}$/);
  });

  test('a stale version is a conflict and writes nothing', async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    const [org] = await db()
      .select()
      .from(organisations)
      .where(and(eq(organisations.ambitoId, ambitoId), eq(organisations.name, 'Comune di Samarate')));
    const base = { name: 'Comune di Samarate', kind: 'comune', comuneId: org!.comuneId! };
    await updateOrganisation({ ...ctx, organisationId: org!.id, input: { ...base, version: org!.version, address: 'Samarate (VA)' } });
    const before = await auditCount();
    await assert.rejects(
      updateOrganisation({ ...ctx, organisationId: org!.id, input: { ...base, version: org!.version, address: 'Altro indirizzo' } }),
      (e: unknown) => {
        assert.ok(e instanceof ConflictError);
        assert.match(e.message, /Qualcun altro ha modificato l’organizzazione/);
        return true;
      },
    );
    const [body] = await db().select().from(bodies).where(eq(bodies.id, assemblyId));
    await assert.rejects(
      updateBodyRule({ ...ctx, bodyId: assemblyId, input: { version: body!.version - 1, ruleType: 'unanimity', base: 'members' } }),
      ConflictError,
    );
    const meeting = await newMeeting('Seduta per il conflitto');
    await updateMeeting({
      ...ctx,
      meetingId: meeting.id,
      input: {
        version: meeting.version,
        title: 'Seduta per il conflitto (spostata)',
        date: '2025-03-19',
        startTime: '17:30',
        endTime: '19:00',
        place: 'Gallarate',
      },
    });
    await assert.rejects(
      updateMeeting({
        ...ctx,
        meetingId: meeting.id,
        input: { version: meeting.version, title: 'Versione vecchia', date: '2025-03-12', startTime: '17:30', endTime: '19:00', place: 'Gallarate' },
      }),
      /Qualcun altro ha modificato la riunione/,
    );
    await assert.rejects(convokeMeeting({ ...ctx, meetingId: meeting.id, input: { version: meeting.version } }), ConflictError);
    const members = await listMembers(db(), assemblyId, '2025-03-19');
    await assert.rejects(
      recordAttendance({
        ...ctx,
        meetingId: meeting.id,
        input: { version: String(meeting.version), ...Object.fromEntries(members.map((m) => [`status.${m.id}`, 'absent'])) },
      }),
      ConflictError,
    );
    assert.equal(await auditCount(), before + 2, 'only the two successful writes were audited');
    const [now] = await db().select().from(organisations).where(eq(organisations.id, org!.id));
    assert.equal(now!.address, 'Samarate (VA)');
  });

  test('a third-sector member cannot create a meeting of the Assemblea, but reads it', async () => {
    const member = actorWith('third_sector', { ambitoId, organisationName: 'Cooperativa sociale Il Ponte' });
    const scope = { id: ambitoId, regionCode };
    assert.equal(can(member, 'governance.read', scope), true);
    assert.equal(can(member, 'meeting.create', scope), false);
    const before = (await db().select({ n: count() }).from(meetings))[0]!.n;
    await assert.rejects(
      createMeeting({
        db: db(),
        actor: member,
        ambitoId,
        bodyId: assemblyId,
        input: { title: 'Riunione non autorizzata', date: '2025-04-01', startTime: '10:00', endTime: '11:00', place: 'Gallarate' },
      }),
      ForbiddenError,
    );
    assert.equal((await db().select({ n: count() }).from(meetings))[0]!.n, before);
    const staff = actorWith('staff', { ambitoId });
    const created = await createMeeting({
      db: db(),
      actor: staff,
      ambitoId,
      bodyId: assemblyId,
      input: { title: 'Convocata dallo staff', date: '2025-04-01', startTime: '10:00', endTime: '11:00', place: 'Gallarate' },
    });
    assert.ok(created.id);
  });

  test('the regional reviewer reads but cannot write anything', async () => {
    const reviewer = actorWith('regional_reviewer', { regionCode });
    const scope = { id: ambitoId, regionCode };
    assert.equal(can(reviewer, 'governance.read', scope), true);
    assert.equal(can(actorWith('regional_reviewer', { regionCode: '11' }), 'governance.read', scope), false, 'another Region’s reviewer does not read');
    const ctx = { db: db(), actor: reviewer, ambitoId };
    const [org] = await db().select().from(organisations).where(eq(organisations.ambitoId, ambitoId)).limit(1);
    const [body] = await db().select().from(bodies).where(eq(bodies.id, assemblyId));
    const [agreement] = await listAgreements(db(), ambitoId);
    const meeting = await newMeeting('Seduta vista dal revisore');
    const before = await auditCount();
    const attempts: [string, () => Promise<unknown>][] = [
      ['createOrganisation', () => createOrganisation({ ...ctx, input: { name: 'Ente', kind: 'altro' } })],
      [
        'updateOrganisation',
        () =>
          updateOrganisation({
            ...ctx,
            organisationId: org!.id,
            input: { version: org!.version, name: org!.name, kind: org!.kind, comuneId: org!.comuneId ?? '' },
          }),
      ],
      ['createPerson', () => createPerson({ ...ctx, input: { fullName: 'Mario Rossi' } })],
      ['createBody', () => createBody({ ...ctx, input: { name: 'Cabina di regia', type: 'cabina_di_regia', kind: 'tecnico' } })],
      ['updateBodyRule', () => updateBodyRule({ ...ctx, bodyId: assemblyId, input: { version: body!.version, ruleType: 'unanimity', base: 'members' } })],
      [
        'createMeeting',
        () =>
          createMeeting({
            ...ctx,
            bodyId: assemblyId,
            input: { title: 'Riunione', date: '2025-04-01', startTime: '10:00', endTime: '11:00', place: 'Gallarate' },
          }),
      ],
      ['convokeMeeting', () => convokeMeeting({ ...ctx, meetingId: meeting.id, input: { version: meeting.version } })],
      ['saveMinutes', () => saveMinutes({ ...ctx, meetingId: meeting.id, input: { version: meeting.version, minutes: 'Testo' } })],
      ['addAttachment', () => addAttachment({ ...ctx, meetingId: meeting.id, file: { name: 'a.pdf', bytes: PDF } })],
      [
        'createAgreement',
        () =>
          createAgreement({
            ...ctx,
            input: { title: 'Accordo', periodStartYear: '2031', periodEndYear: '2033', validFrom: '2031-01-01', validTo: '2033-12-31' },
          }),
      ],
      ['addSignature', () => addSignature({ ...ctx, agreementId: agreement!.id, input: { signerName: 'Mario Rossi', signerRole: 'Sindaco' } })],
    ];
    for (const [name, attempt] of attempts) await assert.rejects(attempt(), ForbiddenError, name);
    assert.equal(await auditCount(), before);
  });

  test('the convocation writes one outbox message per member with an e-mail address, each with a valid iCalendar invitation', async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    const people = await listPeople(db(), ambitoId);
    // Addresses for eight of the nine mayors (the seed prints none); Oreste Battiston stays without.
    for (const [name] of MAYORS.slice(0, 8)) {
      const p = people.find((x) => x.fullName === name)!;
      const local = name.toLowerCase().replace(/ /g, '.');
      await updatePerson({
        ...ctx,
        personId: p.id,
        input: {
          version: p.version,
          fullName: p.fullName,
          roleTitle: 'Sindaco pro tempore',
          organisationId: p.organisationId ?? '',
          email: `${local}@comuni.example`,
        },
      });
    }
    const meeting = await newMeeting('Assemblea dei Sindaci di marzo', '2025-03-26', '17:30', '19:00');
    const result = await once('governance.meeting.convoked', () =>
      convokeMeeting({
        ...ctx,
        meetingId: meeting.id,
        input: { version: meeting.version },
        baseUrl: 'https://cantiere.example',
        now: new Date('2025-03-10T09:00:00Z'),
      }),
    );
    assert.equal(result.messages, 8);
    assert.deepEqual(result.withoutEmail, ['Oreste Battiston']);
    const messages = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.topic, `meeting:${meeting.id}`));
    assert.equal(messages.length, 8);
    const cassani = messages.find((m) => m.toName === 'Andrea Cassani')!;
    assert.equal(cassani.toAddress, 'andrea.cassani@comuni.example');
    assert.equal(cassani.ambitoId, ambitoId);
    assert.equal(cassani.subject, 'Convocazione: Assemblea dei Sindaci – mercoledì 26 marzo 2025');
    assert.match(cassani.body, /^Gentile Andrea Cassani,/);
    assert.match(cassani.body, /- quando: mercoledì 26 marzo 2025, dalle 17:30 alle 19:00 \(ora italiana\)/);
    assert.match(cassani.body, /1\. Approvazione del verbale\n2\. Riparto del Fondo/);
    assert.match(cassani.body, new RegExp(`https://cantiere\\.example/ambiti/gallarate/riunioni/${meeting.id}`));
    const ics = cassani.ics!;
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cantiere//Piano di Zona//IT\r\n'));
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.equal(ics.replace(/\r\n/g, '').includes('\n'), false, 'every line ends with CRLF');
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line longer than 75 octets: ${line}`);
    const unfolded = ics.replace(/\r\n /g, '');
    assert.match(unfolded, /\r\nMETHOD:REQUEST\r\n/);
    assert.match(unfolded, new RegExp(`\\r\\nUID:riunione-${meeting.id}@cantiere\\r\\n`));
    // 17:30 in Rome on 26 March 2025 is still winter time (UTC+1): summer time starts on the 30th.
    assert.match(unfolded, /\r\nDTSTART:20250326T163000Z\r\nDTEND:20250326T180000Z\r\n/);
    assert.match(unfolded, /\r\nDTSTAMP:20250310T090000Z\r\n/);
    assert.match(unfolded, /\r\nSEQUENCE:0\r\n/);
    assert.match(unfolded, /\r\nSUMMARY:Assemblea dei Sindaci: Assemblea dei Sindaci di marzo\r\n/);
    assert.match(unfolded, /\r\nORGANIZER;CN="Ufficio di Piano – Ambito Territoriale di Gallarate":mailto:coordinator@test\.example\r\n/);
    assert.ok(
      messages.every((m) => m.ics === ics),
      'every member receives the same invitation',
    );

    // After a change of time, a second convocation is an update with a higher SEQUENCE.
    const [m1] = await db().select().from(meetings).where(eq(meetings.id, meeting.id));
    const moved = await updateMeeting({
      ...ctx,
      meetingId: meeting.id,
      input: {
        version: m1!.version,
        title: 'Assemblea dei Sindaci di marzo',
        date: '2025-03-31',
        startTime: '17:30',
        endTime: '19:00',
        place: 'Sala messa a disposizione dal Comune capofila',
        agenda: 'Approvazione del verbale',
      },
    });
    await convokeMeeting({ ...ctx, meetingId: meeting.id, input: { version: moved.version }, now: new Date('2025-03-20T09:00:00Z') });
    const all = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.topic, `meeting:${meeting.id}`));
    const update = all.find((m) => m.toName === 'Andrea Cassani' && m.subject.startsWith('Aggiornamento'))!;
    assert.equal(update.subject, 'Aggiornamento convocazione: Assemblea dei Sindaci – lunedì 31 marzo 2025');
    // After 30 March 2025 Rome is on summer time (UTC+2).
    assert.match(update.ics!.replace(/\r\n /g, ''), /\r\nDTSTART:20250331T153000Z\r\n[\s\S]*\r\nSEQUENCE:1\r\n/);
  });

  test('attachments: whitelisted types up to 10 MB, the content must match the type', async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    const meeting = await newMeeting('Seduta con allegati');
    const before = (await db().select({ n: count() }).from(meetingAttachments))[0]!.n;
    const refused = async (name: string, bytes: Uint8Array, message: RegExp) =>
      assert.rejects(addAttachment({ ...ctx, meetingId: meeting.id, file: { name, bytes } }), (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.issues[0]!.path, 'file');
        assert.match(e.issues[0]!.message, message);
        return true;
      });
    const tooBig = new Uint8Array(10 * 1024 * 1024 + 1);
    tooBig.set(PDF);
    await refused('verbale.pdf', tooBig, /il limite è 10 MB/);
    await refused('programma.exe', Buffer.from('MZ\x90\x00'), /Tipo di file non ammesso \(«\.exe»\).*sono ammessi PDF, ODT, DOCX, XLSX, ODS, CSV, PNG, JPEG/);
    await refused('verbale.pdf', Buffer.from('MZ\x90\x00 non è un PDF'), /non è un file PDF/);
    await refused('tabella.xlsx', PDF, /non è un file XLSX/);
    await refused('vuoto.pdf', new Uint8Array(0), /vuoto/);
    assert.equal((await db().select({ n: count() }).from(meetingAttachments))[0]!.n, before);

    const atLimit = new Uint8Array(10 * 1024 * 1024);
    atLimit.set(PDF);
    const big = await addAttachment({ ...ctx, meetingId: meeting.id, file: { name: 'Relazione dell’Ufficio di Piano.pdf', bytes: atLimit } });
    assert.equal(big.sizeBytes, 10 * 1024 * 1024);
    assert.equal(big.mimeType, 'application/pdf');
    const csv = await addAttachment({ ...ctx, meetingId: meeting.id, file: { name: 'presenze.csv', bytes: Buffer.from('comune;presente\nGallarate;sì\n') } });
    assert.equal(csv.mimeType, 'text/csv');
    const png = await addAttachment({
      ...ctx,
      meetingId: meeting.id,
      file: { name: 'grafico.PNG', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) },
    });
    assert.equal(png.mimeType, 'image/png');

    const [agreement] = await listAgreements(db(), ambitoId);
    const [a] = await db().select({ version: agreements.version }).from(agreements).where(eq(agreements.id, agreement!.id));
    await assert.rejects(
      uploadSignedAgreement({
        ...ctx,
        agreementId: agreement!.id,
        input: { version: a!.version },
        file: { name: 'accordo.docx', bytes: Buffer.from('PK\x03\x04') },
      }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'signedFile' && /sono ammessi PDF/.test(e.issues[0]!.message),
    );
  });

  test('form input is checked field by field in Italian: fiscal code, RUNTS number, times, place, attendance', async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    await assert.rejects(
      createOrganisation({ ...ctx, input: { name: 'Associazione', kind: 'aps', fiscalCode: '01234567890', runtsNumber: '' } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(
          e.issues.map((i) => i.path),
          ['fiscalCode'],
        );
        assert.match(e.issues[0]!.message, /ultima cifra \(di controllo\) non corrisponde/);
        return true;
      },
    );
    await assert.rejects(createOrganisation({ ...ctx, input: { name: 'CGIL', kind: 'sindacato', runtsNumber: '999' } }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(e.issues.find((i) => i.path === 'runtsNumber')!.message, /Terzo settore/);
      return true;
    });
    await assert.rejects(
      createMeeting({ ...ctx, bodyId: assemblyId, input: { title: 'Seduta', date: '2025-02-30', startTime: '19:00', endTime: '18:00' } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(
          e.issues.map((i) => `${i.path}: ${i.message}`),
          [
            'date: Data: il giorno 2025-02-30 non esiste nel calendario.',
            'place: Indica il luogo della riunione o il collegamento per partecipare online.',
            'endTime: L’ora di fine deve seguire l’ora di inizio.',
          ],
        );
        return true;
      },
    );
    const meeting = await newMeeting('Seduta con deleghe');
    const members = await listMembers(db(), assemblyId, '2025-03-12');
    const input: Record<string, string> = { version: String(meeting.version), ...Object.fromEntries(members.map((m) => [`status.${m.id}`, 'present'])) };
    input[`status.${members[1]!.id}`] = 'delegated';
    delete input[`status.${members[2]!.id}`];
    await assert.rejects(recordAttendance({ ...ctx, meetingId: meeting.id, input }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues.map((i) => i.path).sort(), [`delegate.${members[1]!.id}`, `status.${members[2]!.id}`].sort());
      assert.match(
        e.issues.find((i) => i.path.startsWith('delegate.'))!.message,
        new RegExp(`^${members[1]!.personName}: scrivi il nome della persona delegata`),
      );
      return true;
    });
    input[`delegate.${members[1]!.id}`] = 'Vicesindaco';
    input[`status.${members[2]!.id}`] = 'absent';
    await recordAttendance({ ...ctx, meetingId: meeting.id, input });
    const overview = (await getMeetingOverview(db(), { id: ambitoId, code: 'gallarate', name: 'Gallarate', regionCode }, meeting.id))!;
    assert.equal(overview.meeting.status, 'svolta');
    assert.equal(overview.summary.attendees.length, 8);
    assert.equal(overview.summary.attendees.find((a) => a.id === members[1]!.id)!.delegateName, 'Vicesindaco');
    assert.deepEqual(
      overview.summary.absent.map((a) => a.personName),
      [members[2]!.personName],
    );
    assert.equal(overview.summary.organisations.length, 8);

    const [body] = await db().select().from(bodies).where(eq(bodies.id, assemblyId));
    await updateBodyRule({
      ...ctx,
      bodyId: assemblyId,
      input: { version: body!.version, ruleType: 'population_weighted', thresholdPercent: '50', base: 'present' },
    });
    const votes = { attendanceFingerprint: await fingerprintOf(meeting.id), ...Object.fromEntries(members.map((m) => [`vote.${m.id}`, 'for'])) };
    await assert.rejects(
      createDecision({ ...ctx, meetingId: meeting.id, input: { number: '9/2025', date: '2025-03-12', subject: 'Voto di un assente', ...votes } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(
          e.issues.map((i) => i.path),
          [`vote.${members[2]!.id}`],
        );
        assert.match(e.issues[0]!.message, /risulta assente nelle presenze registrate della riunione, quindi non può votare/);
        return true;
      },
    );
  });

  test('a governance bundle with errors is refused whole, naming file, row and column', async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    const before = await auditCount();
    const files = [
      {
        name: 'organizzazioni.csv',
        text: 'nome;tipo;codice_fiscale;numero_runts;codice_istat_comune;email;indirizzo\nCaritas;ente_religioso;;;;;\nComune di Gallarate;comune;;;012070;;\nComune di Busto Arsizio;comune;;;012026;;\n',
      },
      { name: 'persone.csv', text: 'nome;ruolo;organizzazione;email\nMario Rossi;Presidente;Caritas Ambrosiana;mario\n' },
      {
        name: 'componenti.csv',
        text: 'organo;persona;organizzazione;posizione;codice_istat_comune;delegato_di;valido_dal;valido_al\nTavolo Tematico Anziani;Mario Rossi;Caritas;membro;;;2025-01-01;\n',
      },
    ];
    await assert.rejects(importGovernance({ ...ctx, files }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(
        e.issues.map((i) => `${i.path}: ${i.message}`),
        [
          'persone.csv, riga 2, colonna email: indirizzo e-mail non valido',
          'componenti.csv, riga 2, colonna posizione: posizione non prevista (ammessi: presidente, vicepresidente, segretario, componente)',
        ],
      );
      return true;
    });
    const fixed = [files[0]!, { name: 'persone.csv', text: 'nome;ruolo;organizzazione;email\nMario Rossi;Presidente;Caritas Ambrosiana;\n' }];
    await assert.rejects(importGovernance({ ...ctx, files: fixed }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(e.message, /non sono stati importati: ci sono 3 errori\. Nessun dato è stato modificato\./);
      assert.deepEqual(
        e.issues.map((i) => `${i.path}: ${i.message}`),
        [
          'organizzazioni.csv, riga 3, colonna nome: «Comune di Gallarate» è già nel registro dell’Ambito',
          'persone.csv, riga 2, colonna organizzazione: organizzazione «Caritas Ambrosiana» sconosciuta: aggiungila a organizzazioni.csv o al registro',
          'organizzazioni.csv, riga 4, colonna codice_istat_comune: il comune 012026 non fa parte dell’Ambito',
        ],
      );
      return true;
    });
    assert.equal(await auditCount(), before);
    assert.equal(
      (await listOrganisations(db(), ambitoId)).some((o) => o.name === 'Caritas'),
      false,
    );
  });
});
