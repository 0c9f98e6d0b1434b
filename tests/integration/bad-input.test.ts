// Issue 16, findings 8 and 9: bad input is a 400 with a message naming the field — never a database error (a 500) —
// and nothing is written. The real commands, on the demo data, with each input the issue lists: non-UUID ids of form
// fields, the null character in texts, a population of 2^31, a budget line of 1e17 €, dates out of the calendar or
// of the years 1900–2100, the audit register's `?from=2024-13-45`, and files in Latin-1 or in UTF-16 without BOM.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { parseAuditFilters } from '../../app/modules/audit/audit.filters.ts';
import { revokeApiToken } from '../../app/modules/accounts/accounts.server.ts';
import { objectiveIdsByCode, recordCutOff } from '../../app/modules/finance/finance.commands.ts';
import {
  addParty,
  createMeeting,
  createOrganisation,
  removeAttachment,
  removeParty,
  removeSignature,
  updateAgreement,
} from '../../app/modules/governance/governance.commands.ts';
import { bodies, meetings, organisations } from '../../app/modules/governance/governance.schema.ts';
import { addSocialWorkerPost, deleteSocialWorkerPost } from '../../app/modules/leps/leps.commands.ts';
import { addBudgetLine, addIndicator, createPlan, decideVariation, deleteBudgetLine } from '../../app/modules/planning/planning.commands.ts';
import { listPlans } from '../../app/modules/planning/planning.queries.ts';
import { importIstatComuni, importPopulation } from '../../app/modules/territory/territory.commands.ts';
import { comuni, populationFacts } from '../../app/modules/territory/territory.schema.ts';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import type { Actor } from '../../app/shared/auth/actor.ts';
import { ValidationError } from '../../app/shared/errors.ts';
import { readUploadedText } from '../../app/shared/imports/decode.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

const GALLARATE = '012070';
const NOT_AN_ID = '------------------------------------'; // 36 characters of the old finance check ([0-9a-f-]{36})

/** The Cantiere population CSV: header and one row of Gallarate (`totale`, `anno` and `fonte` given). */
function populationCsv({ year = '2023', total = '53000', males = '25800', females = '27200', source = 'Anagrafe comunale' } = {}) {
  const header =
    'anno;livello;codice;totale;maschi;femmine;eta_0_14;eta_15_64;eta_65_piu;eta_75_piu;eta_0_17;nati;morti;saldo_migratorio;stranieri;anziani_soli;superficie_km2;data_riferimento;fonte';
  return `${header}\n${year};comune;${GALLARATE};${total};${males};${females};;;;;;;;;;;;;${source}\n`;
}

/** Windows-1252 bytes of a text (its letters are Latin-1, or the euro sign). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));

describe(`bad input is refused with a message naming the field, nothing written (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambitoId: string;
  let coordinator: Actor;
  let assemblyId: string;
  let meetingId: string;
  let planId: string;
  let objectiveId: string;
  const db = () => database.db;
  const audits = async () => (await db().select({ n: count() }).from(auditLog))[0]!.n;

  /**
   * Runs a command that must refuse its input: a ValidationError (never a database error) whose issues name `field`,
   * with no audit entry written. Returns the message of that field.
   */
  async function refused(field: string, run: () => Promise<unknown>): Promise<string> {
    const before = await audits();
    let caught: unknown = null;
    try {
      await run();
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof ValidationError, `${field}: atteso un ValidationError, ricevuto ${String(caught)}`);
    const issue = caught.issues.find((i) => i.path === field || i.path.includes(field));
    assert.ok(issue, `${field}: nessun problema sul campo (${JSON.stringify(caught.issues)})`);
    assert.ok(issue.message.length > 0);
    assert.equal(await audits(), before, `${field}: nulla registrato`);
    return issue.message;
  }

  before(async () => {
    database = await createTestDatabase();
    const { gallarate } = await seedDemo(database.db);
    ambitoId = gallarate.id;
    coordinator = actorWith('coordinator', { ambitoId });
    const [assembly] = await db()
      .select()
      .from(bodies)
      .where(and(eq(bodies.ambitoId, ambitoId), eq(bodies.name, 'Assemblea dei Sindaci')));
    assemblyId = assembly!.id;
    meetingId = (await db().select({ id: meetings.id }).from(meetings).where(eq(meetings.ambitoId, ambitoId)).limit(1))[0]!.id;
    planId = (await listPlans(db(), ambitoId)).find((p) => p.periodStartYear === 2025)!.id;
    objectiveId = (await objectiveIdsByCode(db(), planId)).get('LEPS-PUA')!;
  });
  after(() => database.close());

  test('ids of form fields that are not UUIDs: attachmentId, partyId, signatureId, agreementId, lineId, actionId, postId, tokenId, variationId', async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    assert.match(await refused('attachmentId', () => removeAttachment({ ...ctx, meetingId, attachmentId: 'abc' })), /attachmentId/);
    await refused('partyId', () => removeParty({ ...ctx, agreementId: crypto.randomUUID(), partyId: "1' or '1'='1" }));
    await refused('signatureId', () => removeSignature({ ...ctx, agreementId: crypto.randomUUID(), signatureId: '42' }));
    await refused('agreementId', () => addParty({ ...ctx, agreementId: 'undefined', input: { organisationId: crypto.randomUUID(), role: 'sottoscrittore' } }));
    await refused('agreementId', () =>
      updateAgreement({
        ...ctx,
        agreementId: '',
        input: { version: '1', title: 'Accordo', periodStartYear: '2025', periodEndYear: '2027', validFrom: '2025-01-01', validTo: '2027-12-31' },
      }),
    );
    await refused('lineId', () => deleteBudgetLine({ db: db(), actor: coordinator, lineId: 'riga-1', version: 1 }));
    await refused('actionId', () => addIndicator({ db: db(), actor: coordinator, actionId: 'A.1', input: {} }));
    await refused('variationId', () =>
      decideVariation({ db: db(), actor: coordinator, planId, variationId: 'x', input: { version: '1', decision: 'reject' } }),
    );
    const staff = actorWith('staff', { ambitoId });
    await refused('actionId', () =>
      recordCutOff({
        db: db(),
        actor: staff,
        planId,
        input: { objectiveId, actionId: NOT_AN_ID, fund: 'FNA', year: '2025', measure: 'committed', date: '2025-06-30', amountEuro: '1.000' },
      }),
    );
    await refused('objectiveId', () =>
      recordCutOff({
        db: db(),
        actor: staff,
        planId,
        input: { objectiveId: NOT_AN_ID, fund: 'FNA', year: '2025', measure: 'committed', date: '2025-06-30', amountEuro: '1.000' },
      }),
    );
    await refused('postId', () => deleteSocialWorkerPost({ db: db(), actor: coordinator, postId: 'AS-01', input: { version: '1' } }));
    await refused('tokenId', () => revokeApiToken({ db: db(), actor: coordinator, tokenId: 'non-un-uuid' }));
  });

  test('the null character (and the other control characters) in a text', async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    const before = (await db().select({ n: count() }).from(organisations))[0]!.n;
    assert.match(
      await refused('name', () => createOrganisation({ ...ctx, input: { name: 'Cooperativa\u0000 sociale', kind: 'altro' } })),
      /caratteri di controllo/,
    );
    assert.equal((await db().select({ n: count() }).from(organisations))[0]!.n, before);
    await refused('address', () => createOrganisation({ ...ctx, input: { name: 'Cooperativa sociale', kind: 'altro', address: 'Via Roma\u00001' } }));
    await refused('title', () =>
      createMeeting({
        ...ctx,
        bodyId: assemblyId,
        input: { title: 'Assemblea\u0000', date: '2025-03-12', startTime: '17:30', endTime: '19:00', place: 'Sala' },
      }),
    );
    await refused('agenda', () =>
      createMeeting({
        ...ctx,
        bodyId: assemblyId,
        input: { title: 'Assemblea', date: '2025-03-12', startTime: '17:30', endTime: '19:00', place: 'Sala', agenda: '1. Bilancio\u0000' },
      }),
    );
    await refused('title', () =>
      createPlan({
        db: db(),
        actor: coordinator,
        ambitoId,
        input: { title: 'Piano\u0000 2028', periodStartYear: '2028', periodEndYear: '2030', templateId: 'generico' },
      }),
    );
    await refused('note', () =>
      addBudgetLine({ db: db(), actor: coordinator, objectiveId, input: { fund: 'FNA', year: '', amountEuro: '10', note: 'nota\u0007' } }),
    );
    await refused('employerName', () =>
      addSocialWorkerPost({
        db: db(),
        actor: coordinator,
        ambitoId,
        input: { code: 'AS-99', employerKind: 'comune', employerName: 'Comune\u0000', contract: 'tempo_indeterminato', fte: '1', validFrom: '2025-01-01' },
      }),
    );
    // A JSON file can carry the null character only as an escape: refused, naming the file and the place.
    const json = JSON.stringify([
      { codice: '012070', nome: 'Gallarate\u0000', regione: { codice: '03', nome: 'Lombardia' }, provincia: { codice: '012', nome: 'Varese' } },
    ]);
    assert.match(
      await refused('comuni.json', () => importIstatComuni({ db: db(), actor: actorWith('admin'), fileName: 'comuni.json', text: json })),
      /comuni\.json/,
    );
  });

  test('numbers over their columns: a population of 2^31, a budget line of 1e17 €', async () => {
    const population = async () => (await db().select({ n: count() }).from(populationFacts))[0]!.n;
    const rows = await population();
    const message = await refused('totale', () =>
      importPopulation({
        db: db(),
        actor: coordinator,
        ambitoId,
        fileName: 'popolazione.csv',
        text: populationCsv({ total: '2147483648', males: '1073741824', females: '1073741824' }),
      }),
    );
    assert.match(message, /troppo grande/);
    assert.equal(await population(), rows);
    await refused('amountEuro', () =>
      addBudgetLine({ db: db(), actor: coordinator, objectiveId, input: { fund: 'FNA', year: '', amountEuro: '100000000000000000' } }),
    );
    await refused('amountEuro', () => addBudgetLine({ db: db(), actor: coordinator, objectiveId, input: { fund: 'FNA', year: '', amountEuro: '1e17' } }));
  });

  test('dates out of the calendar or of the years 1900–2100; a population of the year 3000', async () => {
    const ctx = { db: db(), actor: coordinator, ambitoId };
    const meeting = (date: string) =>
      createMeeting({ ...ctx, bodyId: assemblyId, input: { title: 'Assemblea', date, startTime: '17:30', endTime: '19:00', place: 'Sala' } });
    assert.match(await refused('date', () => meeting('0000-01-01')), /tra il 01\/01\/1900 e il 31\/12\/2100/);
    await refused('date', () => meeting('9999-12-31'));
    await refused('date', () => meeting('2023-02-29'));
    await refused('date', () =>
      recordCutOff({
        db: db(),
        actor: actorWith('staff', { ambitoId }),
        planId,
        input: { objectiveId, fund: 'FNA', year: '2025', measure: 'committed', date: '0001-01-01', amountEuro: '1.000' },
      }),
    );
    const rows = (await db().select({ n: count() }).from(populationFacts))[0]!.n;
    assert.match(
      await refused('anno', () =>
        importPopulation({ db: db(), actor: coordinator, ambitoId, fileName: 'popolazione.csv', text: populationCsv({ year: '3000' }) }),
      ),
      /dal 1900 al 2100/,
    );
    assert.equal((await db().select({ n: count() }).from(populationFacts))[0]!.n, rows);
  });

  test('the audit register: ?from=2024-13-45 is a 400 with a message, a real day is a filter', () => {
    const status = (query: string) => {
      try {
        parseAuditFilters(new URLSearchParams(query));
        return 200;
      } catch (thrown) {
        const answer = thrown as { init?: { status?: number }; data?: unknown };
        assert.match(String(answer.data), /from|to|filtro/);
        return answer.init?.status;
      }
    };
    assert.equal(status('from=2024-13-45'), 400);
    assert.equal(status('to=0000-01-01'), 400);
    assert.equal(status('actor=a%00b'), 400);
    assert.equal(status('from=2024-06-01&to=2024-06-30'), 200);
    const none = parseAuditFilters(new URLSearchParams('from=&page=x'));
    assert.equal(none.from, undefined);
    assert.equal(none.page, 1);
  });

  test('a Latin-1 (Windows-1252) file is converted and said; UTF-16 without BOM is refused naming the encoding', async () => {
    const latin1 = new File([cp1252(populationCsv({ source: 'Anagrafe di Gallarate: città più popolosa, € 0' }))], 'popolazione-2023.csv');
    const upload = await readUploadedText(latin1);
    assert.equal(upload.encoding, 'Windows-1252');
    assert.match(upload.notice!, /popolazione-2023\.csv era codificato in Windows-1252/);
    await importPopulation({ db: db(), actor: coordinator, ambitoId, fileName: upload.name, text: upload.text });
    const [gallarate] = await db().select({ id: comuni.id }).from(comuni).where(eq(comuni.istatCode, GALLARATE));
    const [fact] = await db()
      .select({ source: populationFacts.source })
      .from(populationFacts)
      .where(and(eq(populationFacts.comuneId, gallarate!.id), eq(populationFacts.year, 2023)));
    assert.equal(fact!.source, 'popolazione-2023.csv: Anagrafe di Gallarate: città più popolosa, € 0');
    assert.ok(!fact!.source.includes('\ufffd'));

    const text = populationCsv();
    const utf16 = new File([Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]))], 'popolazione-utf16.csv');
    await assert.rejects(readUploadedText(utf16), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.path, 'popolazione-utf16.csv');
      assert.match(e.message, /popolazione-utf16\.csv non è stato importato: sembra codificato in UTF-16 senza/);
      return true;
    });
  });
});
