// The dictionaries (the pages' words, also in the read models) come from the module registry.
import '../../app/modules/registry.ts';
import assert from 'node:assert/strict';

import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../app/shared/errors.ts';
import {
  carryOver,
  importSpending,
  objectiveIdsByCode,
  recordCutOff,
  recordFundAllocation,
  updateFundingSource,
} from '../../app/modules/finance/finance.commands.ts';
import { getFundingSourceRow } from '../../app/modules/finance/catalogue.queries.ts';
import { listServiceUsers, listSpendingFacts } from '../../app/modules/finance/finance.queries.ts';
import { budgetCutOffs } from '../../app/modules/finance/finance.schema.ts';
import { getPlanBudgetView, getSpendingDashboard } from '../../app/modules/finance/finance.views.server.ts';
import { writeSpendingWorkbook } from '../../app/modules/finance/spending-xlsx.ts';
import { coverageLabel, coverageMessage } from '../../app/modules/finance/spending-coverage.text.ts';
import { tr } from '../../app/shared/i18n/tr.server.ts';
import { listPlans } from '../../app/modules/planning/planning.queries.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';

const SAMARATE = '012118';
const GALLARATE = '012070';

describe('finance: spending, users and the plan budget', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambito: { id: string; code: string; name: string; regionCode: string };
  let samarateId: string;
  let planId: string;
  let objectives: Map<string, string>;
  before(async () => {
    database = await createTestDatabase();
    const seeded = await seedDemo(database.db);
    ambito = seeded.gallarate;
    samarateId = seeded.samarate.id;
    planId = (await listPlans(database.db, ambito.id)).find((p) => p.periodStartYear === 2025)!.id;
    objectives = await objectiveIdsByCode(database.db, planId);
  });
  after(() => database.close());

  test('the demo loads Tabella 2.4 through the importer: 19.834.861 € in all, 16.727.271 € from the Comuni, every row and column adds up', async () => {
    const d = await getSpendingDashboard(database.db, ambito, {});
    assert.deepEqual(d.years, [2022]);
    const m = d.matrix!;
    assert.equal(m.grandTotal, 19_834_861_00);
    assert.equal(m.columnTotals.COMUNI, 16_727_271_00);
    assert.equal(m.columnTotals.UTENZA, 935_176_00);
    assert.equal(m.columnTotals.FSR, 584_956_00);
    assert.equal(m.columnTotals.FNPS, 239_835_00);
    assert.equal(m.rowTotals.MINORI_FAMIGLIA, 8_208_520_00);
    assert.equal(m.rowTotals.ANZIANI, 724_050_00);
    assert.equal(m.rowTotals.DIPENDENZE, 0);
    assert.ok(m.rowSumsMatch && m.columnSumsMatch && m.totalsMatch);
    assert.equal(d.comuniShare!.value!.toFixed(1), '84.3');
    // Per capita on the Ambito's population of 2022 (Tabella 2.1: 122.675).
    assert.equal(d.population!.total, 122_675);
    assert.equal(d.perCapita!.valueCents, Math.round(19_834_861_00 / 122_675));
  });

  test('one dataset per page: amounts, shares and cost per user all from Tabella 2.4; Tabelle 4.1/4.2 shown as checks with the difference', async () => {
    const d = await getSpendingDashboard(database.db, ambito, { year: 2022 });
    assert.equal(d.coverage!.basis, 'ambito');
    assert.equal(coverageLabel(tr, d.coverage!), 'dati complessivi dell’Ambito');
    const minori = d.costs.find((c) => c.area === 'MINORI_FAMIGLIA')!;
    assert.equal(minori.users, 4418);
    assert.equal(minori.spendCents, 8_208_520_00, 'the area amount of the page’s dataset (Tabella 2.4), not Tabella 4.2’s 8.208.518 €');
    assert.equal(Math.round(minori.cost.valueCents! / 100), 1858);
    assert.equal(Math.round(d.costs.find((c) => c.area === 'DISABILI')!.cost.valueCents! / 100), 5135);
    assert.equal(d.costs.find((c) => c.area === 'SERVIZIO_SOCIALE_PROFESSIONALE')!.cost.valueCents, null);
    // Anziani: the row's amount, users and cost per user agree (724.050 € / 895 = 808,99 €) ...
    const anziani = d.costs.find((c) => c.area === 'ANZIANI')!;
    const anzianiShare = d.areaShares.find((s) => s.key === 'ANZIANI')!;
    assert.equal(anzianiShare.amountCents, 724_050_00);
    assert.deepEqual([anziani.spendCents, anziani.users, anziani.cost.valueCents], [724_050_00, 895, 808_99]);
    // ... and the published 801,12 € (Tabella 4.2, on 717.001 €) is a check with both values and the difference.
    const costCheck = anziani.checks.find((c) => c.what === 'costo per utente Anziani 2022')!;
    assert.deepEqual([costCheck.published, costCheck.computed, costCheck.difference, costCheck.matches], [801_12, 808_99, -7_87, false]);
    assert.match(costCheck.source, /Tabella 4\.2/);
    const spendCheck = anziani.checks.find((c) => c.what === 'spesa Anziani 2022')!;
    assert.deepEqual([spendCheck.published, spendCheck.computed, spendCheck.difference], [717_001_00, 724_050_00, -7_049_00]);
    // Shares from the same rows: Minori-Famiglia 8.208.520 / 19.834.861 = 41,38 %, published 41,40 % (Tabella 4.1).
    const minoriShare = d.areaShares.find((s) => s.key === 'MINORI_FAMIGLIA')!;
    assert.equal(minoriShare.share.denominator, d.matrix!.grandTotal);
    const shareCheck = d.shareChecks.find((c) => c.area === 'MINORI_FAMIGLIA')!;
    assert.deepEqual([shareCheck.published, shareCheck.computed, shareCheck.difference], [41.4, 41.38, 0.02]);
    assert.match(shareCheck.source, /Tabella 4\.1/);
    assert.equal(d.usersSpendTotal, 19_827_811_00);
    assert.deepEqual([d.totalCheck!.published, d.totalCheck!.computed, d.totalCheck!.difference], [19_827_811_00, 19_834_861_00, -7_050_00]);
  });

  test('a CSV with one bad row is refused whole, the row and column named, and nothing changes', async () => {
    const coordinator = actorWith('coordinator', { ambitoId: ambito.id });
    const factsBefore = await listSpendingFacts(database.db, ambito.id);
    const auditBefore = (await database.db.select().from(auditLog)).length;
    const text = [
      'anno;ente;area;canale;importo_euro',
      `2023;${SAMARATE};ANZIANI;COMUNI;120.000`,
      `2023;${SAMARATE};DISABILI;COMUNI;centomila`,
      `2023;${SAMARATE};MINORI_FAMIGLIA;FNPS;10.500,50`,
    ].join('\n');
    await assert.rejects(
      importSpending({ db: database.db, actor: coordinator, ambitoId: ambito.id, upload: { kind: 'csv', spending: { fileName: 'spesa-2023.csv', text } } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(
          e.issues.map((i) => i.path),
          ['spesa-2023.csv, riga 3, colonna importo_euro'],
        );
        assert.match(e.message, /Nessun dato è stato modificato/);
        return true;
      },
    );
    assert.deepEqual(await listSpendingFacts(database.db, ambito.id), factsBefore);
    assert.equal((await database.db.select().from(auditLog)).length, auditBefore);
    const fixed = text.replace('centomila', '100.000');
    const summary = await importSpending({
      db: database.db,
      actor: coordinator,
      ambitoId: ambito.id,
      upload: { kind: 'csv', spending: { fileName: 'spesa-2023.csv', text: fixed } },
    });
    assert.deepEqual(summary.years, [2023]);
    assert.equal(summary.spendingRows, 3);
    // One comune of nine is not the Ambito's 2023 spending: see the coverage test below.
    const d = await getSpendingDashboard(database.db, ambito, { year: 2023, showPartial: true });
    assert.equal(d.matrix!.grandTotal, 230_500_50);
    assert.equal(d.partial, true);
  });

  test('one comune’s upload of nine is partial: coverage stated, not the Ambito total, not in the trend nor per capita unless asked', async () => {
    // Samarate 2023, two rows, 1.150.000 € (issue 10), uploaded by its comune referent through the import.
    const referent = actorWith('comune_referent', { ambitoId: ambito.id, comuneId: samarateId });
    const text = ['anno;ente;area;canale;importo_euro', `2023;${SAMARATE};ANZIANI;COMUNI;650.000`, `2023;${SAMARATE};MINORI_FAMIGLIA;COMUNI;500.000`].join(
      '\n',
    );
    await importSpending({ db: database.db, actor: referent, ambitoId: ambito.id, upload: { kind: 'csv', spending: { fileName: 'samarate-2023.csv', text } } });

    const d = await getSpendingDashboard(database.db, ambito, { year: 2023 });
    assert.equal(d.coverage!.basis, 'comuni');
    assert.equal(coverageLabel(tr, d.coverage!), '1 comune su 9');
    assert.equal(d.coverage!.complete, false);
    assert.equal(d.coverage!.missing.length, 8);
    assert.ok(d.coverage!.missing.some((c) => c.name === 'Gallarate'));
    assert.match(
      coverageMessage(tr, d.coverage!),
      /^Dati parziali per il 2023: 1 comune su 9 \(Samarate\)\. Mancano 8 comuni: .*La somma non è il totale dell’Ambito\.$/,
    );
    assert.equal(d.withheld, true);
    assert.equal(d.matrix, null, 'not presented as the Ambito total');
    assert.equal(d.perCapita, null, 'not divided by the Ambito’s population (it gave 9,36 € per inhabitant)');
    assert.deepEqual(
      d.series.map((s) => s.year),
      [2022],
      'the partial year is not drawn in the trend',
    );
    assert.equal(d.trendSvg, null);
    assert.equal(d.changes.length, 0);
    assert.deepEqual(
      d.excludedYears.map((c) => [c.year, coverageLabel(tr, c)]),
      [[2023, '1 comune su 9']],
    );
    assert.deepEqual(
      d.byEnte.map((e) => [e.label, e.totalCents]),
      [['Samarate', 1_150_000_00]],
      'Samarate’s own figure stays visible',
    );
    assert.equal(coverageLabel(tr, d.yearOptions.find((o) => o.year === 2023)!.coverage!), '1 comune su 9');
    // The default year is the latest complete one.
    assert.equal((await getSpendingDashboard(database.db, ambito, {})).year, 2022);

    // Asked for explicitly: shown, labelled partial; the trend marks the year; per capita only on the covered comuni.
    const p = await getSpendingDashboard(database.db, ambito, { year: 2023, showPartial: true });
    assert.equal(p.partial, true);
    assert.equal(p.matrix!.grandTotal, 1_150_000_00);
    assert.deepEqual(
      p.series.map((s) => [s.year, s.partial]),
      [
        [2022, false],
        [2023, true],
      ],
    );
    assert.equal(p.changes[0]!.partial, true);
    if (p.perCapita) assert.match(p.population!.source, /soli comuni con dati \(1 comune su 9\)/);
    else assert.match(p.populationMissing!, /dati parziali \(1 comune su 9\)/);
    assert.notEqual(p.population?.total, 122_675, 'never the whole Ambito’s population for one comune’s spending');
  });

  test('an XLSX workbook imports the same rows; its errors name the sheet, the row and the column', async () => {
    const staff = actorWith('staff', { ambitoId: ambito.id });
    const bad = await writeSpendingWorkbook({
      spending: [
        ['anno', 'ente', 'area', 'canale', 'importo_euro'],
        [2021, GALLARATE, 'ANZIANI', 'COMUNI', 104318.5],
        [2021, 12070, 'ANZIANI', 'FSR', 10],
      ],
      users: [
        ['anno', 'ente', 'area', 'utenti'],
        [2021, GALLARATE, 'ANZIANI', 'molti'],
      ],
    });
    await assert.rejects(
      importSpending({ db: database.db, actor: staff, ambitoId: ambito.id, upload: { kind: 'xlsx', fileName: 'spesa.xlsx', data: bad } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(
          e.issues.map((i) => i.path),
          ['spesa.xlsx, foglio spesa, riga 3, colonna ente', 'spesa.xlsx, foglio utenti, riga 2, colonna utenti'],
        );
        assert.match(e.issues[0]!.message, /0012070|012070/);
        return true;
      },
    );
    const good = await writeSpendingWorkbook({
      spending: [
        ['anno', 'ente', 'area', 'canale', 'importo_euro'],
        [2021, GALLARATE, 'ANZIANI', 'COMUNI', 104318.5],
        [2021, GALLARATE, 'ANZIANI', 'FSR', 10],
      ],
      users: [
        ['anno', 'ente', 'area', 'utenti'],
        [2021, GALLARATE, 'ANZIANI', 120],
      ],
    });
    const summary = await importSpending({ db: database.db, actor: staff, ambitoId: ambito.id, upload: { kind: 'xlsx', fileName: 'spesa.xlsx', data: good } });
    assert.deepEqual(summary, {
      files: ['spesa.xlsx'],
      years: [2021],
      enti: [GALLARATE],
      spendingRows: 2,
      usersRows: 1,
      controlTotalsChecked: 0,
      replacedSpendingRows: 0,
      replacedUsersRows: 0,
    });
    const facts = (await listSpendingFacts(database.db, ambito.id)).filter((f) => f.year === 2021);
    assert.deepEqual(
      facts.map((f) => f.amountCents).sort((a, b) => a - b),
      [10_00, 104_318_50],
    );
    assert.equal((await listServiceUsers(database.db, ambito.id)).find((u) => u.year === 2021)!.users, 120);
  });

  test('a comune referent enters only its own comune’s figures: the Ambito’s rows and another comune’s are refused by row', async () => {
    const referent = actorWith('comune_referent', { ambitoId: ambito.id, comuneId: samarateId });
    const own = ['anno;ente;area;canale;importo_euro', `2024;${SAMARATE};ANZIANI;COMUNI;50.000`].join('\n');
    const summary = await importSpending({
      db: database.db,
      actor: referent,
      ambitoId: ambito.id,
      upload: { kind: 'csv', spending: { fileName: 'samarate.csv', text: own } },
    });
    assert.deepEqual(summary.enti, [SAMARATE]);
    const mixed = [...own.split('\n'), `2024;${GALLARATE};ANZIANI;COMUNI;70.000`, '2024;ambito;ANZIANI;FNPS;1.000'].join('\n');
    await assert.rejects(
      importSpending({ db: database.db, actor: referent, ambitoId: ambito.id, upload: { kind: 'csv', spending: { fileName: 'misto.csv', text: mixed } } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(e.issues.map((i) => i.path).sort(), ['misto.csv, riga 3, colonna ente', 'misto.csv, riga 4, colonna ente']);
        return true;
      },
    );
    // A third-sector member cannot import at all.
    await assert.rejects(
      importSpending({
        db: database.db,
        actor: actorWith('third_sector', { ambitoId: ambito.id }),
        ambitoId: ambito.id,
        upload: { kind: 'csv', spending: { fileName: 'x.csv', text: own } },
      }),
      ForbiddenError,
    );
  });

  test('re-importing a year and ente replaces its figures, and the import is audited once', async () => {
    const coordinator = actorWith('coordinator', { ambitoId: ambito.id });
    const text = ['anno;ente;area;canale;importo_euro', `2024;${SAMARATE};ANZIANI;COMUNI;55.000`, `2024;${SAMARATE};DISABILI;COMUNI;20.000`].join('\n');
    const summary = await importSpending({
      db: database.db,
      actor: coordinator,
      ambitoId: ambito.id,
      upload: { kind: 'csv', spending: { fileName: 'samarate-v2.csv', text } },
    });
    assert.equal(summary.replacedSpendingRows, 1);
    const rows = (await listSpendingFacts(database.db, ambito.id)).filter((f) => f.year === 2024);
    assert.equal(
      rows.reduce((s, r) => s + r.amountCents, 0),
      75_000_00,
    );
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'finance.spending.imported'), eq(auditLog.entityId, 'samarate-v2.csv')));
    assert.equal(entries.length, 1);
  });

  test('cut-off values: a decrease without a reason is refused; with a reason it is kept in the history', async () => {
    const staff = actorWith('staff', { ambitoId: ambito.id });
    const pua = objectives.get('LEPS-PUA')!;
    const base = { objectiveId: pua, fund: 'FNA', year: '2025', measure: 'committed' };
    await recordCutOff({ db: database.db, actor: staff, planId, input: { ...base, date: '2025-06-30', amountEuro: '30.000' } });
    await assert.rejects(
      recordCutOff({ db: database.db, actor: staff, planId, input: { ...base, date: '2025-09-30', amountEuro: '25.000' } }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.equal(e.issues[0]!.path, 'reason');
        assert.match(e.issues[0]!.message, /scende da 30\.000,00 € a 25\.000,00 €/);
        return true;
      },
    );
    await recordCutOff({
      db: database.db,
      actor: staff,
      planId,
      input: { ...base, date: '2025-09-30', amountEuro: '25.000', reason: 'disimpegno', note: 'Economia sul servizio' },
    });
    // A paid amount cannot be "de-committed"; an earlier date than the last record is refused.
    await recordCutOff({ db: database.db, actor: staff, planId, input: { ...base, measure: 'paid', date: '2025-09-30', amountEuro: '20.000' } });
    await assert.rejects(
      recordCutOff({
        db: database.db,
        actor: staff,
        planId,
        input: { ...base, measure: 'paid', date: '2025-10-31', amountEuro: '18.000', reason: 'disimpegno' },
      }),
      ValidationError,
    );
    await assert.rejects(
      recordCutOff({ db: database.db, actor: staff, planId, input: { ...base, date: '2025-01-31', amountEuro: '40.000' } }),
      ValidationError,
    );
    // The budgeted amount starts from the plan line (40.000 € in 2025): lowering it needs a reason too.
    await assert.rejects(
      recordCutOff({ db: database.db, actor: staff, planId, input: { ...base, measure: 'budgeted', date: '2025-03-31', amountEuro: '35.000' } }),
      ValidationError,
    );
    const history = await database.db
      .select()
      .from(budgetCutOffs)
      .where(and(eq(budgetCutOffs.objectiveId, pua), eq(budgetCutOffs.measure, 'committed')));
    assert.deepEqual(
      history.map((h) => [h.amountCents, h.previousCents, h.reason]).sort(),
      [
        [25_000_00, 30_000_00, 'disimpegno'],
        [30_000_00, null, null],
      ].sort(),
    );
    const view = (await getPlanBudgetView(database.db, planId))!;
    const row = view.rows.find((r) => r.objectiveId === pua && r.year === 2025)!;
    assert.deepEqual([row.budgetedCents, row.committedCents, row.paidCents, row.unspentCents], [40_000_00, 25_000_00, 20_000_00, 15_000_00]);
  });

  test('roll-ups by fund, area and year, allocated against budgeted with over-allocation flagged', async () => {
    const coordinator = actorWith('coordinator', { ambitoId: ambito.id });
    await recordFundAllocation({
      db: database.db,
      actor: coordinator,
      ambitoId: ambito.id,
      input: { fund: 'FNA', year: '2025', amountEuro: '35.000', act: 'Decreto di riparto FNA 2025' },
    });
    await recordFundAllocation({ db: database.db, actor: coordinator, ambitoId: ambito.id, input: { fund: 'FNA', year: '2026', amountEuro: '40.000' } });
    const view = (await getPlanBudgetView(database.db, planId))!;
    // Section 5 (4.217.000 €) plus the LEPS cards (239.905 + 60.000 + 72.838 + 1.300.000 + 105.000 + 3 × 40.000).
    assert.equal(view.rollUp.total.budgetedCents, 4_217_000_00 + 239_905_00 + 60_000_00 + 72_838_00 + 1_300_000_00 + 105_000_00 + 120_000_00);
    const fna = view.rollUp.byFund.find((f) => f.fund === 'FNA')!;
    assert.deepEqual([fna.allocatedCents, fna.budgetedCents, fna.committedCents, fna.paidCents], [75_000_00, 120_000_00, 25_000_00, 20_000_00]);
    assert.equal(view.rollUp.byFund.find((f) => f.fund === 'FONDO_POVERTA_QUOTA_SERVIZI')!.budgetedCents, 1_540_000_00);
    assert.equal(
      view.rollUp.byArea.find((a) => a.area === 'Obiettivi LEPS')!.budgetedCents,
      239_905_00 + 60_000_00 + 72_838_00 + 1_300_000_00 + 105_000_00 + 120_000_00,
    );
    assert.equal(view.rollUp.byYear.find((y) => y.year === '2025')!.budgetedCents, 40_000_00);
    assert.equal(view.rollUp.byYear.find((y) => y.year === null)!.budgetedCents, view.rollUp.total.budgetedCents - 120_000_00);
    const fna2025 = view.allocationChecks.find((c) => c.fund === 'FNA' && c.year === 2025)!;
    assert.equal(fna2025.status, 'over');
    assert.equal(fna2025.excessCents, 5_000_00);
    assert.equal(view.allocationChecks.find((c) => c.fund === 'FNA' && c.year === 2026)!.status, 'within');
    assert.equal(view.allocationChecks.find((c) => c.fund === 'FNA' && c.year === 2027)!.status, 'no_allocation');
    assert.ok(view.periodIssues.some((i) => i.fund === 'PNRR_M5C2_1_1_3' && i.status === 'ends_before_plan'));
  });

  test('unspent money is carried over to the next year, never more than what is left', async () => {
    const coordinator = actorWith('coordinator', { ambitoId: ambito.id });
    const pua = objectives.get('LEPS-PUA')!;
    await assert.rejects(
      carryOver({
        db: database.db,
        actor: coordinator,
        planId,
        input: { objectiveId: pua, fund: 'FNA', fromYear: '2025', amountEuro: '15.000,01', date: '2025-12-31' },
      }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.match(e.issues[0]!.message, /al massimo 15\.000,00 €/);
        return true;
      },
    );
    await assert.rejects(
      carryOver({
        db: database.db,
        actor: coordinator,
        planId,
        input: { objectiveId: pua, fund: 'FNA', fromYear: '2027', amountEuro: '1.000', date: '2027-12-31' },
      }),
      ValidationError,
    );
    await carryOver({
      db: database.db,
      actor: coordinator,
      planId,
      input: { objectiveId: pua, fund: 'FNA', fromYear: '2025', amountEuro: '15.000', date: '2025-12-31' },
    });
    const view = (await getPlanBudgetView(database.db, planId))!;
    const y2025 = view.rows.find((r) => r.objectiveId === pua && r.year === 2025)!;
    const y2026 = view.rows.find((r) => r.objectiveId === pua && r.year === 2026)!;
    assert.deepEqual([y2025.availableCents, y2025.unspentCents], [25_000_00, 0]);
    assert.deepEqual([y2026.carriedInCents, y2026.availableCents], [15_000_00, 55_000_00]);
    assert.equal(view.rollUp.byFund.find((f) => f.fund === 'FNA')!.budgetedCents, 120_000_00, 'a carry-over moves money, it does not add any');
    assert.equal(view.allocationChecks.find((c) => c.fund === 'FNA' && c.year === 2026)!.status, 'over');
  });

  test('only the Ufficio di Piano records budget values and allocations; only the administrator edits the catalogue', async () => {
    const pua = objectives.get('LEPS-PUA')!;
    const input = { objectiveId: pua, fund: 'FNA', year: '2026', measure: 'committed', date: '2026-03-31', amountEuro: '10.000' };
    for (const role of ['comune_referent', 'third_sector', 'mayor'] as const) {
      await assert.rejects(
        recordCutOff({ db: database.db, actor: actorWith(role, { ambitoId: ambito.id, comuneId: samarateId }), planId, input }),
        ForbiddenError,
        role,
      );
    }
    await assert.rejects(
      recordFundAllocation({
        db: database.db,
        actor: actorWith('comune_referent', { ambitoId: ambito.id, comuneId: samarateId }),
        ambitoId: ambito.id,
        input: { fund: 'FNA', year: '2026', amountEuro: '1' },
      }),
      ForbiddenError,
    );
    const fna = (await getFundingSourceRow(database.db, 'FNA'))!;
    const edit = {
      version: fna.version,
      name: fna.name,
      shortName: fna.shortName,
      legalBasis: fna.legalBasis,
      activeFrom: fna.activeFrom ?? '',
      activeTo: fna.activeTo ?? '',
      notes: 'Nota locale dell’installazione',
    };
    await assert.rejects(
      updateFundingSource({ db: database.db, actor: actorWith('coordinator', { ambitoId: ambito.id }), code: 'FNA', input: edit }),
      ForbiddenError,
    );
    const updated = await updateFundingSource({ db: database.db, actor: actorWith('admin'), code: 'FNA', input: edit });
    assert.equal(updated.notes, 'Nota locale dell’installazione');
    await assert.rejects(updateFundingSource({ db: database.db, actor: actorWith('admin'), code: 'FNA', input: edit }), ConflictError);
  });

  test('paid above committed is saved, and the save response and the budget line say by how much', async () => {
    const staff = actorWith('staff', { ambitoId: ambito.id });
    const pua = objectives.get('LEPS-PUA')!;
    const base = { objectiveId: pua, fund: 'FNA', year: '2027' };
    const committed = await recordCutOff({
      db: database.db,
      actor: staff,
      planId,
      input: { ...base, measure: 'committed', date: '2027-03-31', amountEuro: '10.000' },
    });
    assert.equal(committed.paidOverCommitted, null);
    const paid = await recordCutOff({ db: database.db, actor: staff, planId, input: { ...base, measure: 'paid', date: '2027-06-30', amountEuro: '12.500' } });
    assert.equal(paid.amountCents, 12_500_00, 'legal to record');
    assert.match(paid.paidOverCommitted!.message, /^liquidato superiore all’impegnato di 2\.500,00 €/);
    const view = (await getPlanBudgetView(database.db, planId))!;
    const row = view.rows.find((r) => r.objectiveId === pua && r.fund === 'FNA' && r.year === 2027)!;
    assert.equal(row.paidOverCommitted!.excessCents, 2_500_00);
    // Raising the commitment clears the warning.
    const fixed = await recordCutOff({
      db: database.db,
      actor: staff,
      planId,
      input: { ...base, measure: 'committed', date: '2027-06-30', amountEuro: '12.500' },
    });
    assert.equal(fixed.paidOverCommitted, null);
  });

  test('a fund with budget lines but no allocation recorded is missing data, never an overrun', async () => {
    const view = (await getPlanBudgetView(database.db, planId))!;
    const fna2027 = view.allocationChecks.find((c) => c.fund === 'FNA' && c.year === 2027)!;
    assert.equal(fna2027.status, 'no_allocation');
    assert.equal(fna2027.overAllocated, false);
    assert.equal(fna2027.excessCents, 0);
    assert.match(fna2027.message!, /stanziamento non registrato/);
    const unallocated = view.allocationChecks.filter((c) => c.allocatedCents === null && c.budgetedCents > 0);
    assert.ok(unallocated.length > 0);
    assert.ok(unallocated.every((c) => !c.overAllocated));
  });
});
