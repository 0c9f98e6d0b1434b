// The open call (manifestazione di interesse): publishing, applying (anonymous), admission that creates the
// organisation, its contact person, the body memberships, the table memberships and the account; rejection with a
// reason; the refusals (duplicate, bad fiscal code, closed call, no table, unknown table, stale decision, roles) with
// nothing written; the password hash never in the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import type { Actor } from '../../app/shared/auth/actor.ts';
import { ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from '../../app/shared/errors.ts';
import { actorFromSession, signIn } from '../../app/modules/accounts/accounts.server.ts';
import { roleAssignments, users } from '../../app/modules/accounts/accounts.schema.ts';
import { createBody } from '../../app/modules/governance/governance.commands.ts';
import { bodyMembers, organisations, people } from '../../app/modules/governance/governance.schema.ts';
import {
  admitApplication,
  applyToCall,
  closeCall,
  createCall,
  importCalls,
  rejectApplication,
} from '../../app/modules/participation/participation.call.commands.ts';
import { listApplications, listCalls } from '../../app/modules/participation/participation.call.queries.ts';
import { applications, openCalls, tableMembers, thematicTables } from '../../app/modules/participation/participation.schema.ts';
import { demoContext } from '../../app/shared/demo/load-demo.ts';
import { participationSteps } from '../../app/modules/participation/participation.demo.ts';
import { callState, romeDay } from '../../app/modules/participation/participation.call.rules.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

// 2026-03-10, 10:00 in Rome: the open call of the demo (2026-2027 joining) is open, the 2024 call is closed.
const NOW = new Date('2026-03-10T09:00:00Z');
const PASSWORD = 'una-password-lunga';

// Organisation fiscal codes: 10 digits and the check digit computed as the Agenzia delle Entrate does.
function checkDigit(first10: string) {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10[i]);
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return String((10 - (sum % 10)) % 10);
}
const cf = (first10: string) => first10 + checkDigit(first10);

describe('participation: the open call', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let coordinator: Actor;
  const anonymous: Actor = { kind: 'anonymous' };
  let tableA: { id: string; bodyId: string };
  let tableB: { id: string; bodyId: string };
  let openCallId: string;
  let closedCallId: string;

  const ctx = (actor: Actor) => ({ db: database.db, actor, ambitoId });
  const form = (over: Record<string, unknown> = {}) => ({
    organisationName: 'Associazione di prova Gallarate',
    fiscalCode: cf('9100001000'),
    legalForm: 'aps',
    runtsNumber: '12345',
    policyAreas: ['E'],
    tableIds: [tableA.id],
    contactName: 'Maria Rossi',
    contactEmail: 'maria.rossi@prova.example',
    contactPhone: '0331 123456',
    password: PASSWORD,
    privacyAccepted: 'on',
    ...over,
  });
  const counts = async () => {
    const n = async (t: Parameters<ReturnType<typeof database.db.select>['from']>[0]) => (await database.db.select({ n: count() }).from(t))[0]!.n;
    return {
      applications: await n(applications),
      organisations: await n(organisations),
      people: await n(people),
      bodyMembers: await n(bodyMembers),
      tableMembers: await n(tableMembers),
      users: await n(users),
      audit: await n(auditLog),
    };
  };

  before(async () => {
    database = await createTestDatabase();
    const { gallarate } = await seedDemo(database.db);
    ambitoId = gallarate.id;
    coordinator = actorWith('coordinator', { ambitoId });
    // Two tables of the Ambito (the tables' own pages create them; here they are written directly).
    const tables = [];
    for (const name of ['Tavolo Anziani', 'Tavolo Disabilità']) {
      const body = await createBody({ ...ctx(coordinator), input: { name, type: 'tavolo_tematico', kind: 'consultivo' } });
      const [t] = await database.db
        .insert(thematicTables)
        .values({ ambitoId, periodStartYear: 2025, periodEndYear: 2027, kind: 'tavolo_tematico', name, bodyId: body.id })
        .returning();
      tables.push({ id: t!.id, bodyId: body.id });
    }
    [tableA, tableB] = tables as [typeof tableA, typeof tableB];
  });
  after(async () => database?.close());

  test('the Ufficio di Piano publishes a call; the privacy notice and retention are required', async () => {
    const input = {
      title: 'Adesione ai tavoli tematici 2026',
      description: 'Avviso aperto per aderire ai tavoli nel corso del triennio.',
      opensOn: '2026-01-15',
      closesOn: '2026-12-31',
      periodStartYear: '2025',
      periodEndYear: '2027',
      tableIds: [tableA.id, tableB.id],
      privacyNotice: 'Titolare del trattamento: Comune di Gallarate, capofila dell’Ambito. Finalità: gestione delle adesioni ai tavoli.',
      retention: 'Fino al 31/12/2027, poi cancellati.',
    };
    const before = await counts();
    await assert.rejects(createCall({ ...ctx(coordinator), input: { ...input, privacyNotice: '', retention: '' } }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues.map((i) => i.path).sort(), ['privacyNotice', 'retention']);
      return true;
    });
    await assert.rejects(createCall({ ...ctx(coordinator), input: { ...input, tableIds: [] } }), ValidationError);
    await assert.rejects(createCall({ ...ctx(coordinator), input: { ...input, closesOn: '2025-12-31' } }), ValidationError);
    assert.equal((await counts()).audit, before.audit, 'nothing written');
    for (const who of ['third_sector', 'comune_referent', 'regional_reviewer', 'mayor'] as const) {
      await assert.rejects(createCall({ ...ctx(actorWith(who, { ambitoId, regionCode: '03' })), input }), ForbiddenError, who);
    }
    const call = await createCall({ ...ctx(coordinator), input });
    openCallId = call.id;
    assert.deepEqual(call.tableIds, [tableA.id, tableB.id]);
    const closed = await createCall({
      ...ctx(coordinator),
      input: { ...input, title: 'Manifestazione di interesse 2024', opensOn: '2024-07-15', closesOn: '2024-09-30' },
    });
    closedCallId = closed.id;
  });

  test('an anonymous applicant applies: the application is «in esame», its password hashed, no account yet', async () => {
    const before = await counts();
    const app = await applyToCall({ ...ctx(anonymous), callId: openCallId, input: form(), now: NOW });
    assert.equal(app.status, 'in_esame');
    assert.equal('passwordHash' in app, false, 'the hash is not returned');
    const [row] = await database.db.select().from(applications).where(eq(applications.id, app.id));
    assert.match(row!.passwordHash!, /^\$argon2id\$/);
    assert.notEqual(row!.passwordHash, PASSWORD);
    const now = await counts();
    assert.equal(now.applications, before.applications + 1);
    assert.equal(now.users, before.users, 'no account until admitted');
    assert.equal(now.organisations, before.organisations);
    assert.equal(now.audit, before.audit + 1, 'one audit entry');
  });

  test('refusals with nothing written: duplicate, bad fiscal code, person’s code, closed call, not yet open, no table, unknown table, privacy', async () => {
    const before = await counts();
    const refused = async (input: Record<string, unknown>, field: string, pattern: RegExp, callId = openCallId, now = NOW) =>
      assert.rejects(applyToCall({ ...ctx(anonymous), callId, input, now }), (e: unknown) => {
        assert.ok(e instanceof ValidationError, String(e));
        const issue = e.issues.find((i) => i.path === field);
        assert.ok(issue, `${field}: ${JSON.stringify(e.issues)}`);
        assert.match(issue.message, pattern);
        return true;
      });
    // The same fiscal code again (spaces and all): refused, naming the field.
    await refused(
      form({ fiscalCode: ` ${cf('9100001000').slice(0, 5)} ${cf('9100001000').slice(5)} `, contactEmail: 'altra@prova.example' }),
      'fiscalCode',
      /ha già presentato domanda/,
    );
    const wrongCheck = cf('9100001000').slice(0, 10) + String((Number(checkDigit('9100001000')) + 1) % 10);
    await refused(form({ fiscalCode: wrongCheck }), 'fiscalCode', /Codice fiscale/);
    await refused(form({ fiscalCode: '12345' }), 'fiscalCode', /Codice fiscale/);
    await refused(form({ fiscalCode: 'RSSMRA80A01D869Z' }), 'fiscalCode', /Codice fiscale/);
    await refused(form({ fiscalCode: cf('9200001000') }), 'callId', /chiuso/, closedCallId);
    await refused(form({ fiscalCode: cf('9200001000') }), 'callId', /non è ancora aperto/, openCallId, new Date('2026-01-10T10:00:00Z'));
    await refused(form({ fiscalCode: cf('9200001000'), tableIds: [] }), 'tableIds', /almeno un tavolo/);
    await refused(form({ fiscalCode: cf('9200001000'), tableIds: ['00000000-0000-4000-8000-000000000000'] }), 'tableIds', /non è tra quelli/);
    await refused(form({ fiscalCode: cf('9200001000'), tableIds: 'non-un-id' }), 'tableIds', /non è tra quelli/);
    await refused(form({ fiscalCode: cf('9200001000'), privacyAccepted: undefined }), 'privacyAccepted', /informativa|Informativa/);
    await refused(form({ fiscalCode: cf('9200001000'), password: 'corta' }), 'password', /almeno 10/);
    await refused(form({ fiscalCode: cf('9200001000'), legalForm: 'sindacato', runtsNumber: '123' }), 'runtsNumber', /sindacale/);
    assert.deepEqual(await counts(), before, 'nothing written');
  });

  test('two applications of the same fiscal code at once: one is recorded, the other gets the duplicate message', async () => {
    const input = form({ fiscalCode: cf('9300001000'), contactEmail: 'gara@prova.example' });
    const results = await Promise.allSettled([
      applyToCall({ ...ctx(anonymous), callId: openCallId, input, now: NOW }),
      applyToCall({ ...ctx(anonymous), callId: openCallId, input, now: NOW }),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(failure.reason instanceof ValidationError, String(failure.reason));
    assert.match(failure.reason.issues[0].message, /ha già presentato domanda/);
  });

  test('only the Ufficio di Piano decides: third sector, comune referent, regional reviewer and anonymous are refused', async () => {
    const [app] = await database.db
      .select()
      .from(applications)
      .where(eq(applications.fiscalCode, cf('9100001000')));
    for (const actor of [
      actorWith('third_sector', { ambitoId, organisationId: '00000000-0000-4000-8000-000000000001' }),
      actorWith('comune_referent', { ambitoId }),
      actorWith('regional_reviewer', { regionCode: '03' }),
      actorWith('mayor', { ambitoId }),
      anonymous,
    ]) {
      const refused = actor.kind === 'anonymous' ? UnauthenticatedError : ForbiddenError;
      await assert.rejects(admitApplication({ ...ctx(actor), applicationId: app!.id, input: { version: app!.version }, now: NOW }), refused);
      await assert.rejects(
        rejectApplication({ ...ctx(actor), applicationId: app!.id, input: { version: app!.version, reason: 'Non pertinente.' }, now: NOW }),
        refused,
      );
    }
    const [still] = await database.db.select().from(applications).where(eq(applications.id, app!.id));
    assert.equal(still!.status, 'in_esame');
  });

  test('admission: organisation, person, body members, table members and an account that signs in as third sector for it', async () => {
    const [app] = await database.db
      .select()
      .from(applications)
      .where(eq(applications.fiscalCode, cf('9100001000')));
    // Chosen tables: A and B.
    await database.db
      .update(applications)
      .set({ tableIds: [tableA.id, tableB.id] })
      .where(eq(applications.id, app!.id));
    const result = await admitApplication({ ...ctx(coordinator), applicationId: app!.id, input: { version: app!.version }, now: NOW });
    assert.equal(result.tables, 2);

    const [org] = await database.db.select().from(organisations).where(eq(organisations.id, result.organisationId));
    assert.equal(org!.name, 'Associazione di prova Gallarate');
    assert.equal(org!.kind, 'aps');
    assert.equal(org!.fiscalCode, cf('9100001000'));
    assert.equal(org!.runtsNumber, '12345');
    const [person] = await database.db.select().from(people).where(eq(people.id, result.personId));
    assert.equal(person!.fullName, 'Maria Rossi');
    assert.equal(person!.organisationId, org!.id);

    const members = await database.db.select().from(bodyMembers).where(eq(bodyMembers.personId, person!.id));
    assert.deepEqual(members.map((m) => m.bodyId).sort(), [tableA.bodyId, tableB.bodyId].sort());
    for (const m of members) {
      assert.equal(m.position, 'componente');
      assert.equal(m.organisationId, org!.id);
      assert.equal(m.validFrom, '2026-03-10');
      assert.equal(m.validTo, '2027-12-31');
    }
    const memberships = await database.db.select().from(tableMembers).where(eq(tableMembers.organisationId, org!.id));
    assert.equal(memberships.length, 2);
    for (const m of memberships) {
      assert.equal(m.validFrom, '2026-03-10');
      assert.equal(m.validTo, '2027-12-31');
      assert.equal(m.applicationId, app!.id);
      assert.ok(members.some((b) => b.id === m.bodyMemberId));
    }

    const [decided] = await database.db.select().from(applications).where(eq(applications.id, app!.id));
    assert.equal(decided!.status, 'ammessa');
    assert.equal(decided!.passwordHash, null, 'hash cleared at the decision');
    assert.equal(decided!.organisationId, org!.id);
    assert.equal(decided!.userId, result.userId);
    assert.ok(decided!.decidedAt);

    const grants = await database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, result.userId));
    assert.deepEqual(
      grants.map((g) => ({ role: g.role, ambitoId: g.ambitoId, organisationId: g.organisationId })),
      [{ role: 'third_sector', ambitoId, organisationId: org!.id }],
    );
    // The contact signs in with the password chosen when applying; the session carries the new grant.
    const { token } = await signIn({ db: database.db, email: 'Maria.Rossi@prova.example', password: PASSWORD, clientIp: '10.9.0.1' });
    const actor = await actorFromSession(database.db, token);
    assert.ok(actor);
    assert.ok(actor.grants.some((g) => g.role === 'third_sector' && g.organisationId === org!.id && g.ambitoId === ambitoId));
  });

  test('a second decision on the same form is a conflict; an admitted application cannot be decided again', async () => {
    const [app] = await database.db
      .select()
      .from(applications)
      .where(eq(applications.fiscalCode, cf('9100001000')));
    const before = await counts();
    await assert.rejects(admitApplication({ ...ctx(coordinator), applicationId: app!.id, input: { version: app!.version - 1 }, now: NOW }), ConflictError);
    await assert.rejects(
      rejectApplication({ ...ctx(coordinator), applicationId: app!.id, input: { version: app!.version - 1, reason: 'Ripensamento.' }, now: NOW }),
      ConflictError,
    );
    await assert.rejects(
      rejectApplication({ ...ctx(coordinator), applicationId: app!.id, input: { version: app!.version, reason: 'Ripensamento.' }, now: NOW }),
      ValidationError,
    );
    assert.deepEqual(await counts(), before);
  });

  test('rejection needs a reason, clears the hash and creates nothing', async () => {
    const app = await applyToCall({
      ...ctx(anonymous),
      callId: openCallId,
      input: form({ fiscalCode: cf('9400001000'), contactEmail: 'no@prova.example' }),
      now: NOW,
    });
    await assert.rejects(
      rejectApplication({ ...ctx(coordinator), applicationId: app.id, input: { version: app.version, reason: '' }, now: NOW }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.issues[0]!.path, 'reason');
        return true;
      },
    );
    const before = await counts();
    const rejected = await rejectApplication({
      ...ctx(coordinator),
      applicationId: app.id,
      input: { version: app.version, reason: 'L’ente non opera nel territorio dell’Ambito.' },
      now: NOW,
    });
    assert.equal(rejected.status, 'respinta');
    assert.equal(rejected.reason, 'L’ente non opera nel territorio dell’Ambito.');
    const [row] = await database.db.select().from(applications).where(eq(applications.id, app.id));
    assert.equal(row!.passwordHash, null);
    const now = await counts();
    assert.equal(now.organisations, before.organisations);
    assert.equal(now.users, before.users);
    assert.equal(now.audit, before.audit + 1);
  });

  test('a second organisation with an e-mail that already has an account: the role is added to that user, the organisation reused by fiscal code', async () => {
    // Same contact e-mail as the admitted organisation, a different organisation.
    const app = await applyToCall({
      ...ctx(anonymous),
      callId: openCallId,
      input: form({
        fiscalCode: cf('9500001000'),
        organisationName: 'Cooperativa di prova',
        legalForm: 'cooperativa_sociale_a',
        runtsNumber: '',
        tableIds: [tableB.id],
      }),
      now: NOW,
    });
    // A session opened before the admission: grants are read at each request, so it acts for the new organisation at once.
    const { token } = await signIn({ db: database.db, email: 'maria.rossi@prova.example', password: PASSWORD, clientIp: '10.9.0.2' });
    const result = await admitApplication({ ...ctx(coordinator), applicationId: app.id, input: { version: app.version }, now: NOW });
    const session = await actorFromSession(database.db, token);
    assert.equal(session!.grants.filter((g) => g.role === 'third_sector').length, 2);
    const [user] = await database.db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = 'maria.rossi@prova.example'`);
    assert.equal(result.userId, user!.id);
    const grants = await database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, user!.id));
    assert.equal(grants.length, 2);
    // The withdrawn-or-not rule: the unique index lets an organisation apply again only after withdrawing.
    const [org] = await database.db
      .select()
      .from(organisations)
      .where(eq(organisations.fiscalCode, cf('9500001000')));
    assert.equal(org!.kind, 'cooperativa_sociale_a');

    // The first organisation applies to another call: admitted, it is the same registry record (same fiscal code).
    const [first] = await database.db
      .select()
      .from(organisations)
      .where(eq(organisations.fiscalCode, cf('9100001000')));
    const [call] = await database.db.select().from(openCalls).where(eq(openCalls.id, openCallId));
    const other = await createCall({
      ...ctx(coordinator),
      input: { ...call, title: 'Secondo avviso di prova', description: '', periodStartYear: '2025', periodEndYear: '2027', tableIds: [tableA.id] },
    });
    const again = await applyToCall({ ...ctx(anonymous), callId: other.id, input: form({ contactEmail: 'maria.rossi@prova.example' }), now: NOW });
    const organisationsBefore = (await counts()).organisations;
    const readmitted = await admitApplication({ ...ctx(coordinator), applicationId: again.id, input: { version: again.version }, now: NOW });
    assert.equal(readmitted.organisationId, first!.id);
    assert.equal((await counts()).organisations, organisationsBefore);
  });

  test('closing early: the coordinator closes the call, later applications are refused, a stale close is a conflict', async () => {
    const [call] = await database.db.select().from(openCalls).where(eq(openCalls.id, openCallId));
    await assert.rejects(
      closeCall({ ...ctx(actorWith('third_sector', { ambitoId })), callId: openCallId, input: { version: call!.version }, now: NOW }),
      ForbiddenError,
    );
    await assert.rejects(closeCall({ ...ctx(coordinator), callId: openCallId, input: { version: call!.version + 5 }, now: NOW }), ConflictError);
    const closed = await closeCall({ ...ctx(coordinator), callId: openCallId, input: { version: call!.version }, now: NOW });
    assert.ok(closed.closedAt);
    const before = await counts();
    await assert.rejects(applyToCall({ ...ctx(anonymous), callId: openCallId, input: form({ fiscalCode: cf('9600001000') }), now: NOW }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(e.issues[0]!.message, /chiuso/);
      return true;
    });
    assert.deepEqual(await counts(), before);
  });

  test('the password hash never appears in the audit log', async () => {
    const rows = await database.db.select({ before: auditLog.before, after: auditLog.after }).from(auditLog);
    const text = JSON.stringify(rows);
    assert.equal(/\$argon2id\$/.test(text), false, 'no argon2 hash in the audit log');
    const appEntries = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'participation_application')));
    assert.ok(appEntries.length >= 5);
  });

  test('the applications list never carries the hash; the calls list shows both calls', async () => {
    const list = await listApplications(database.db, openCallId);
    assert.ok(list.length >= 3);
    for (const a of list) assert.equal('passwordHash' in a, false);
    // The demo's two Gallarate calls (2024, closed; 2026, open) and the three published here.
    assert.equal((await listCalls(database.db, ambitoId)).length, 5);
  });

  test('import of calls: all or nothing, tables by name, idempotent', async () => {
    const file = (calls: unknown[]) => ({ fileName: 'avvisi.json', text: JSON.stringify({ calls }) });
    const good = {
      key: 'prova-import',
      title: 'Avviso importato di prova',
      description: null,
      opensOn: '2024-07-15',
      closesOn: '2024-09-30',
      closedOn: null,
      periodStartYear: 2025,
      periodEndYear: 2027,
      tables: ['Tavolo anziani', 'Tavolo  Disabilità'],
      privacyNotice: 'Titolare del trattamento: Comune di Gallarate, capofila.',
      retention: 'Fino al 31/12/2027.',
    };
    const before = await counts();
    await assert.rejects(
      importCalls({ ...ctx(coordinator), file: file([good, { ...good, title: 'Altro', tables: ['Tavolo inesistente'] }]) }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(e.issues, [
          { path: 'avvisi.json, avviso 2, campo tables', message: 'Il tavolo «Tavolo inesistente» non è tra i tavoli dell’Ambito.' },
        ]);
        return true;
      },
    );
    await assert.rejects(importCalls({ ...ctx(coordinator), file: file([{ ...good, opensOn: '2024-13-01' }]) }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.path, 'avvisi.json, avviso 1, campo opensOn');
      return true;
    });
    await assert.rejects(importCalls({ ...ctx(actorWith('staff', { ambitoId })), file: { fileName: 'x.json', text: '{' } }), ValidationError);
    await assert.rejects(importCalls({ ...ctx(actorWith('third_sector', { ambitoId })), file: file([good]) }), ForbiddenError);
    assert.deepEqual(await counts(), before);
    assert.deepEqual(await importCalls({ ...ctx(coordinator), file: file([good]) }), { calls: 1, skipped: 0 });
    assert.deepEqual(await importCalls({ ...ctx(coordinator), file: file([good]) }), { calls: 0, skipped: 1 });
    const [imported] = await database.db.select().from(openCalls).where(eq(openCalls.title, 'Avviso importato di prova'));
    assert.deepEqual(imported!.tableIds, [tableA.id, tableB.id]);
  });

  test('demo: the Gallarate calls load once the tables exist (2024 closed, the 2026 one open), idempotent, no applications', async () => {
    const step = participationSteps.find((s) => s.name.startsWith('avvisi'))!;
    const before = (await listCalls(database.db, ambitoId)).length;
    await step.run(demoContext(database.db)); // no table of the demo yet: nothing loaded
    assert.equal((await listCalls(database.db, ambitoId)).length, before);
    for (const name of [
      'Tavolo Locale Permanente di confronto con gli Enti del Terzo Settore',
      'Tavolo Tematico Povertà Integrazione e Multietnicità, Salute Mentale, Prevenzione Dipendenze',
      'Tavolo Tematico Anziani',
      'Tavolo Tematico Persone con disabilità',
      'Tavolo Tematico Minori e Famiglie',
    ]) {
      // A table of the demo may already have the name: a name is unique in the Ambito and period (participation_tables_name_unique).
      const [present] = await database.db
        .select({ id: thematicTables.id })
        .from(thematicTables)
        .where(and(eq(thematicTables.ambitoId, ambitoId), eq(thematicTables.periodStartYear, 2025), eq(thematicTables.name, name)));
      if (present) continue;
      const body = await createBody({ ...ctx(coordinator), input: { name, type: 'tavolo_tematico', kind: 'consultivo' } });
      await database.db.insert(thematicTables).values({ ambitoId, periodStartYear: 2025, periodEndYear: 2027, kind: 'tavolo_tematico', name, bodyId: body.id });
    }
    const applicationsBefore = (await counts()).applications;
    await step.run(demoContext(database.db));
    await step.run(demoContext(database.db));
    const calls = (await listCalls(database.db, ambitoId)).filter((c) => /Manifestazione di interesse per aderire|Avviso aperto/.test(c.title));
    assert.equal(calls.length, 2);
    const [open, past] = [calls.find((c) => c.opensOn === '2026-01-12')!, calls.find((c) => c.opensOn === '2024-07-15')!];
    assert.equal(past.tableIds.length, 5);
    assert.equal(open.tableIds.length, 4);
    // Closed before the co-programming sessions of 9 October 2024; the 2026 call open in 2026.
    assert.equal(callState(past, '2024-10-09'), 'chiuso');
    assert.equal(callState(past, romeDay(NOW)), 'chiuso');
    assert.equal(callState(open, romeDay(NOW)), 'aperto');
    assert.equal((await counts()).applications, applicationsBefore);
  });
});
