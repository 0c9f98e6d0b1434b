import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { getAmbitoByCode, listAmbitoComuni } from '../../app/modules/territory/territory.queries.ts';
import { listPlans } from '../../app/modules/planning/planning.queries.ts';
import {
  addSocialWorkerPost,
  deleteSocialWorkerPost,
  importLepsCatalogue,
  importSocialWorkerStaff,
  updateCatalogueEntry,
} from '../../app/modules/leps/leps.commands.ts';
import { saveMeasurement } from '../../app/modules/monitoring/monitoring.commands.ts';
import { planIndicators, planObjectives } from '../../app/modules/planning/planning.schema.ts';
import { getCatalogueEntry, getCurrentCatalogue, getLepsDashboard, getStaffing } from '../../app/modules/leps/leps.queries.ts';
import { regionalCsv, sortRegionalRows } from '../../app/modules/leps/leps.dashboard.ts';
import { socialWorkerPosts } from '../../app/modules/leps/leps.schema.ts';
import { getRegionalLepsRows } from '../../app/modules/leps/leps.region.queries.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const catalogueText = readFileSync(new URL('../../fixtures/leps/catalogo-leps.json', import.meta.url), 'utf8');
const PRIORITY = ['LEPS_VALUTAZIONE_MULTIDIMENSIONALE', 'LEPS_PREVENZIONE_ALLONTANAMENTO', 'LEPS_DIMISSIONI_PROTETTE', 'LEPS_PUA', 'LEPS_SAD'];
const HEADER = 'codice;datore_di_lavoro;tipo_datore;contratto;etp;ore_settimanali;fonti_finanziamento;funzione;dal;al;codice_istat_comune';

// The seeds give no social-worker staff for either Ambito: the staff lists below are test inputs, not data.
describe('LEPS: catalogue, social workers, dashboard and regional table', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let gallarateId: string;
  let sebinoId: string;
  const admin = actorWith('admin');
  before(async () => {
    database = await createTestDatabase();
    gallarateId = (await seedDemo(database.db)).gallarate.id;
    sebinoId = (await getAmbitoByCode(database.db, 'sebino'))!.id;
  });
  after(() => database.close());

  test('the demo loads the 16 LEPS of the catalogue, five of them priority', async () => {
    const c = (await getCurrentCatalogue(database.db))!;
    assert.equal(c.version, 'lombardia-2025-2027.1');
    assert.equal(c.entries.length, 16);
    assert.deepEqual(
      c.entries
        .filter((e) => e.priority)
        .map((e) => e.code)
        .sort(),
      [...PRIORITY].sort(),
    );
  });

  test('user pages cite public sources only: no line numbers of the transcription in the catalogue or in the Sebino plan', async () => {
    const lineRef = /\bL\d{2,5}(-L\d{2,5})?\b/;
    const c = (await getCurrentCatalogue(database.db))!;
    assert.doesNotMatch(c.source, lineRef);
    assert.match(c.source, /DGR|Linee|Regione/i);
    const plans = [...(await listPlans(database.db, sebinoId)), ...(await listPlans(database.db, (await getAmbitoByCode(database.db, 'gallarate'))!.id))];
    const objectives = await database.db.select({ code: planObjectives.code, source: planObjectives.source }).from(planObjectives);
    for (const p of plans) assert.doesNotMatch(String(p.source ?? ''), lineRef, `fonte del piano ${p.title}`);
    for (const o of objectives) assert.doesNotMatch(String(o.source ?? ''), lineRef, `fonte dell’obiettivo ${o.code}`);
  });

  test('the demo loads Ambito n. 5 Sebino: 12 comuni with Iseo as capofila, 54.346 inhabitants, a plan with five LEPS objectives', async () => {
    const members = await listAmbitoComuni(database.db, sebinoId, '2025-06-30');
    assert.equal(members.length, 12);
    assert.equal(members[0]!.name, 'Iseo');
    assert.equal(members[0]!.isCapofila, true);
    const staffing = await getStaffing(database.db, sebinoId, 2025);
    assert.equal(staffing.current.population, 54_346);
    assert.equal(staffing.current.populationYear, 2024);
    const plans = await listPlans(database.db, sebinoId);
    assert.equal(plans.length, 1);
    assert.equal(plans[0]!.title, 'Piano di Zona 2025-2027 – Ambito n. 5 – Sebino');
  });

  test('a catalogue version is loaded once, by the administrator only', async () => {
    await assert.rejects(
      importLepsCatalogue({ db: database.db, actor: actorWith('coordinator', { ambitoId: gallarateId }), fileName: 'catalogo-leps.json', text: catalogueText }),
      ForbiddenError,
    );
    await assert.rejects(importLepsCatalogue({ db: database.db, actor: admin, fileName: 'catalogo-leps.json', text: catalogueText }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.path, 'catalogo-leps.json, campo version');
      return true;
    });
  });

  test('the administrator edits a catalogue entry; a stale version is a conflict and the change is in the entry’s history', async () => {
    const { entry } = (await getCatalogueEntry(database.db, 'LEPS_SUPERVISIONE'))!;
    const input = {
      version: entry.version,
      name: entry.name,
      legalReference: entry.legalReference,
      planningAct: entry.planningAct,
      fundingText: entry.fundingText,
      note: 'Nota di prova dell’amministratrice',
    };
    await assert.rejects(
      updateCatalogueEntry({ db: database.db, actor: actorWith('regional_reviewer', { regionCode: '03' }), entryId: entry.id, input }),
      ForbiddenError,
    );
    const saved = await updateCatalogueEntry({ db: database.db, actor: admin, entryId: entry.id, input });
    assert.equal(saved.version, entry.version + 1);
    await assert.rejects(updateCatalogueEntry({ db: database.db, actor: admin, entryId: entry.id, input }), ConflictError);
    const other = (await getCatalogueEntry(database.db, 'LEPS_SAD'))!.entry;
    await assert.rejects(
      updateCatalogueEntry({ db: database.db, actor: admin, entryId: entry.id, input: { ...input, version: saved.version, name: other.name } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.match(e.issues[0]!.message, /LEPS_SAD/);
        return true;
      },
    );
    const { history } = (await getCatalogueEntry(database.db, 'LEPS_SUPERVISIONE'))!;
    assert.equal(history.length, 1);
    assert.equal((history[0]!.after as { note: string }).note, 'Nota di prova dell’amministratrice');
  });

  test('the dashboard shows the latest measurement of a LEPS indicator with the status of its target', async () => {
    const [pippi] = await database.db.select().from(planObjectives).where(eq(planObjectives.code, 'LEPS-PIPPI'));
    const [ind4] = await database.db
      .select()
      .from(planIndicators)
      .where(and(eq(planIndicators.objectiveId, pippi!.id), eq(planIndicators.code, 'IND-4')));
    const staff = actorWith('staff', { ambitoId: gallarateId });
    await saveMeasurement({ db: database.db, actor: staff, indicatorId: ind4!.id, input: { period: '2025-S1', numerator: '3', denominator: '10' } });
    await saveMeasurement({ db: database.db, actor: staff, indicatorId: ind4!.id, input: { period: '2025-S2', numerator: '2', denominator: '5' } });
    const d = await getLepsDashboard(database.db, gallarateId, 2025);
    const shown = d.rows
      .find((r) => r.code === 'LEPS_PREVENZIONE_ALLONTANAMENTO')!
      .objectives.find((o) => o.code === 'LEPS-PIPPI')!
      .indicators.find((i) => i.code === 'IND-4')!;
    assert.equal(shown.latest?.periodLabel, '2° semestre 2025');
    assert.equal(shown.latest?.status, 'non_raggiunto');
    assert.match(shown.latest!.reason!, /2025: 33,33 % < 40 % → non raggiunto/);
    assert.ok(d.measured >= 1);
  });

  test('the Gallarate dashboard shows the five priority LEPS programmed with 2025 targets, with the plan’s funds', async () => {
    const d = await getLepsDashboard(database.db, gallarateId, 2025);
    assert.equal(d.plan?.title, 'Piano di Zona 2025-2027 – Ambito Territoriale di Gallarate');
    assert.equal(d.rows.length, 16);
    for (const code of PRIORITY) assert.equal(d.rows.find((r) => r.code === code)!.summary.status, 'programmato', code);
    // The VMD card (1.300.000 €) and objective I (265.000 €, which also names the PIPPI LEPS).
    const vmd = d.rows.find((r) => r.code === 'LEPS_VALUTAZIONE_MULTIDIMENSIONALE')!;
    assert.deepEqual(
      vmd.objectives.map((o) => [o.code, o.budgetCents]),
      [
        ['I', 265_000_00],
        ['LEPS-VMD', 1_300_000_00],
      ],
    );
    assert.equal(vmd.summary.budgetCents, 1_565_000_00);
    const pippi = d.rows.find((r) => r.code === 'LEPS_PREVENZIONE_ALLONTANAMENTO')!;
    assert.equal(pippi.summary.budgetCents, 105_000_00 + 265_000_00);
    const ind4 = pippi.objectives.find((o) => o.code === 'LEPS-PIPPI')!.indicators.find((i) => i.code === 'IND-4')!;
    assert.deepEqual(
      ind4.targets.map((t) => t.rule),
      [{ type: 'gte_percent', value: 40 }],
    );
    const social = d.rows.find((r) => r.code === 'LEPS_SERVIZIO_SOCIALE_PROFESSIONALE')!;
    assert.equal(social.summary.status, 'dati_mancanti');
    assert.equal(d.staffing.current.population, 122_855);
    assert.equal(d.staffing.current.assessment.leps.requiredPersons, 25);
    assert.equal(d.staffing.current.assessment.serviceObjective.requiredPersons, 31);
  });

  test('the Sebino dashboard shows its five priority LEPS; the dimissioni protette have only the protocol as a 2025 target', async () => {
    const d = await getLepsDashboard(database.db, sebinoId, 2025);
    const priority = d.rows.filter((r) => r.priority !== null);
    assert.equal(priority.length, 5);
    assert.ok(priority.every((r) => r.summary.status === 'programmato'));
    const dimissioni = d.rows.find((r) => r.code === 'LEPS_DIMISSIONI_PROTETTE')!;
    assert.equal(dimissioni.summary.indicators, 6);
    assert.equal(dimissioni.summary.indicatorsWithTarget, 1);
    assert.equal(dimissioni.summary.budgetCents, 0);
    assert.equal(d.rows.find((r) => r.code === 'LEPS_PRONTO_INTERVENTO')!.summary.status, 'non_programmato');
  });

  test('the staff list import is all or nothing, with row and column for every problem', async () => {
    const bad = [
      HEADER,
      'AS-01;Comune di Iseo;comune;tempo_indeterminato;1;;;;2024-01-01;;017085',
      'AS-02;Comune di Gallarate;comune;tempo_indeterminato;1;;;;2024-01-01;;012070',
    ].join('\n');
    await assert.rejects(importSocialWorkerStaff({ db: database.db, actor: admin, ambitoId: sebinoId, fileName: 'as.csv', text: bad }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues, [
        { path: 'as.csv, riga 3, colonna codice_istat_comune', message: 'il comune 012070 non fa parte dell’Ambito Ambito n. 5 – Sebino' },
      ]);
      return true;
    });
    const rows = await database.db.select().from(socialWorkerPosts).where(eq(socialWorkerPosts.ambitoId, sebinoId));
    assert.equal(rows.length, 0);
  });

  test('with 10 full-time and 2 half-time permanent social workers Sebino reaches the LEPS and misses 2,5865 FTE of the objective', async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 10; i++)
      lines.push(`AS-${String(i).padStart(2, '0')};Comune di Iseo;ente_capofila;tempo_indeterminato;1;;FONDO_POVERTA_CONTRIBUTO_AS;;2024-01-01;;`);
    lines.push('AS-11;Comune di Marone;comune;tempo_indeterminato;;18;;Segretariato sociale;2024-01-01;;017106');
    lines.push('AS-12;Comune di Zone;comune;tempo_indeterminato;0,5;;COMUNI;;2025-03-01;;017205');
    lines.push('AS-13;Cooperativa affidataria;ente_terzo_settore;tempo_determinato;1;;;Tutela minori;2025-01-01;;');
    const r = await importSocialWorkerStaff({
      db: database.db,
      actor: actorWith('staff', { ambitoId: sebinoId }),
      ambitoId: sebinoId,
      fileName: 'as.csv',
      text: lines.join('\n'),
    });
    assert.deepEqual(r, { file: 'as.csv', rows: 13, fte: 12 });
    const s = await getStaffing(database.db, sebinoId, 2025);
    assert.equal(s.current.fte, 11);
    assert.equal(s.current.staff.fte.tutto_il_personale, 12);
    assert.equal(s.current.assessment.leps.status, 'raggiunto');
    assert.equal(s.current.assessment.serviceObjective.status, 'non_raggiunto');
    assert.equal(s.current.assessment.serviceObjective.gapFte, 2.5865);
    assert.equal(s.current.assessment.serviceObjective.toHire, 3);
    assert.equal(s.current.assessment.inhabitantsPerWorker?.value, 4940.5);
    // 2024: AS-12 was not yet in service.
    assert.deepEqual(
      s.history.map((h) => [h.year, h.fte]),
      [
        [2024, 10.5],
        [2025, 11],
      ],
    );
    assert.ok(s.chartSvg?.startsWith('<svg'));
    // L. 178/2020 c. 797: 54.346/6.500 = 8,3609 FTE; band a) up to 10,8692 → 2,5083 × 40.000 €; band b) 0,1308 × 20.000 €.
    assert.equal(s.contribution.bands[0]!.countedFte, 2.5083);
    assert.equal(s.contribution.bands[1]!.countedFte, 0.1308);
    const d = await getLepsDashboard(database.db, sebinoId, 2025);
    assert.equal(d.rows.find((x) => x.code === 'LEPS_SERVIZIO_SOCIALE_PROFESSIONALE')!.summary.status, 'raggiunto');
  });

  test('a period that overlaps one already recorded with the same code is refused, from the file and from the form', async () => {
    const text = [HEADER, 'AS-01;Comune di Iseo;ente_capofila;tempo_indeterminato;1;;;;2025-06-01;;'].join('\n');
    await assert.rejects(importSocialWorkerStaff({ db: database.db, actor: admin, ambitoId: sebinoId, fileName: 'as2.csv', text }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.path, 'as2.csv, riga 2, colonna dal');
      return true;
    });
    const input = {
      code: 'AS-01',
      employerKind: 'ente_capofila',
      employerName: 'Comune di Iseo',
      contract: 'tempo_indeterminato',
      fte: '1',
      validFrom: '2025-06-01',
    };
    await assert.rejects(addSocialWorkerPost({ db: database.db, actor: admin, ambitoId: sebinoId, input }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.path, 'validFrom');
      return true;
    });
  });

  test('the Ufficio di Piano adds and removes a post from the form; other roles cannot', async () => {
    const input = {
      code: 'AS-G1',
      employerKind: 'comune',
      employerName: 'Comune di Gallarate',
      contract: 'tempo_determinato',
      weeklyHours: '27',
      validFrom: '2025-01-01',
      fundingSources: ['FNA'],
    };
    for (const role of ['third_sector', 'mayor', 'comune_referent'] as const) {
      await assert.rejects(
        addSocialWorkerPost({ db: database.db, actor: actorWith(role, { ambitoId: gallarateId }), ambitoId: gallarateId, input }),
        ForbiddenError,
      );
    }
    await assert.rejects(
      addSocialWorkerPost({ db: database.db, actor: actorWith('regional_reviewer', { regionCode: '03' }), ambitoId: gallarateId, input }),
      ForbiddenError,
    );
    await assert.rejects(addSocialWorkerPost({ db: database.db, actor: admin, ambitoId: gallarateId, input: { ...input, fte: '0,5' } }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.path, 'fte');
      return true;
    });
    const row = await addSocialWorkerPost({ db: database.db, actor: actorWith('coordinator', { ambitoId: gallarateId }), ambitoId: gallarateId, input });
    assert.equal(row.fte, 0.75);
    await assert.rejects(deleteSocialWorkerPost({ db: database.db, actor: admin, postId: row.id, input: { version: row.version + 1 } }), ConflictError);
    await deleteSocialWorkerPost({ db: database.db, actor: admin, postId: row.id, input: { version: row.version } });
    const entries = await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, row.id));
    assert.deepEqual(entries.map((e) => e.action).sort(), ['leps.social_worker.created', 'leps.social_worker.deleted']);
  });

  test('the regional view of Lombardy has two rows, Gallarate and Sebino, that sort and export to CSV', async () => {
    const rows = await getRegionalLepsRows(database.db, '03', 2025);
    assert.deepEqual(rows.map((r) => r.ambitoCode).sort(), ['gallarate', 'sebino']);
    const gallarate = rows.find((r) => r.ambitoCode === 'gallarate')!;
    assert.equal(gallarate.population, 122_855);
    assert.equal(gallarate.fte, null);
    assert.equal(gallarate.requiredLepsFte, 24.571);
    assert.equal(gallarate.priorityWithTargets, 5);
    assert.equal(gallarate.programmedLeps, 7);
    // Each budget line counted once: 4 258.000 + D 1.480.000 + I 265.000 + M 48.000 + dimissioni 372.743 +
    // VMD 1.300.000 + PIPPI 105.000 + PUA 120.000 €.
    assert.equal(gallarate.lepsBudgetCents, 3_948_743_00);
    const sebino = rows.find((r) => r.ambitoCode === 'sebino')!;
    assert.equal(sebino.fte, 11);
    assert.equal(sebino.gapObjectiveFte, 2.5865);
    assert.deepEqual(
      sortRegionalRows(rows, 'popolazione', 'desc').map((r) => r.ambitoCode),
      ['gallarate', 'sebino'],
    );
    assert.deepEqual(
      sortRegionalRows(rows, 'etp', 'desc').map((r) => r.ambitoCode),
      ['sebino', 'gallarate'],
    );
    const csv = regionalCsv(sortRegionalRows(rows, 'ambito', 'asc'));
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[0]!.split(';')[0], 'codice_ambito');
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(';')[0]),
      ['sebino', 'gallarate'],
    );
    assert.ok(
      lines[1]!.startsWith(
        'sebino;Ambito n. 5 – Sebino;Piano di Zona 2025-2027 – Ambito n. 5 – Sebino;54346;2024;11,0000;4940,5;Soglia raggiunta;10,8692;13,5865;',
      ),
    );
  });
});
