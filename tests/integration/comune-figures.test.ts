// A comune's figures across years beside the Ambito's (issue: "Year over year: every figure keeps its history and
// source; a page shows a comune's figures across years beside the Ambito's"). Demo data: Ambito di Gallarate, comune
// of Samarate (ISTAT 012118). The demo holds the Ambito's own spending and users for 2022 (PdZ 2025-2027, Tabelle
// 2.4 and 4.2) and its population 2021-2023 (Tabella 2.1); it has no figures of single comuni, so the test records
// Samarate's and Gallarate's through the modules' own commands. Those comune figures (spending, population, social
// workers) are test values, not published ones.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { recordCollectedFigures } from '../../app/modules/finance/index.server.ts';
import { addSocialWorkerPost } from '../../app/modules/leps/leps.commands.ts';
import { getComuneFigures } from '../../app/modules/territory/comune-figures.server.ts';
import { importPopulation } from '../../app/modules/territory/territory.commands.ts';
import { authorize } from '../../app/modules/territory/territory.policy.ts';
import { listAmbitoComuni } from '../../app/modules/territory/territory.queries.ts';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { anonymous, type Actor } from '../../app/shared/auth/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '../../app/shared/errors.ts';
import { actorWith, seedDemo } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-db.ts';

const TODAY = '2026-12-04';
const euro = (n: number) => Math.round(n * 100);

describe(`a comune's figures across years beside the Ambito's (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambito: { id: string; code: string; regionCode: string };
  let samarate: { id: string; istatCode: string; name: string };
  let gallarate: { id: string; istatCode: string; name: string };
  let staff: Actor;
  let referent: Actor;
  const db = () => database.db;
  const page = () => getComuneFigures(db(), ambito, samarate, TODAY);
  const source = (year: number, sent: string) =>
    `Raccolta «Dati sociali ${year}» (dati ${year}): inviata da Referente Samarate il ${sent}, validata da Ufficio di Piano il ${sent}`;
  /** Figures of a comune validated from a data request, as the collection module records them (one transaction). */
  const collect = (comuneId: string, year: number, spending: [string, number][] | null, users: [string, number][] | null, src: string) =>
    db().transaction((tx) =>
      recordCollectedFigures(tx, staff, {
        ambitoId: ambito.id,
        comuneId,
        year,
        spending: spending?.map(([area, amountCents]) => ({ area, channel: 'COMUNI', amountCents, note: null })) ?? null,
        users: users?.map(([area, n]) => ({ area, users: n })) ?? null,
        source: src,
      }),
    );

  before(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    ambito = demo.gallarate;
    const comuni = await listAmbitoComuni(database.db, ambito.id, TODAY);
    samarate = comuni.find((c) => c.istatCode === '012118')!;
    gallarate = comuni.find((c) => c.name === 'Gallarate')!;
    staff = actorWith('staff', { ambitoId: ambito.id });
    referent = actorWith('comune_referent', { ambitoId: ambito.id, comuneId: samarate.id });
  });
  after(() => database.close());

  test('with the demo only: 2022 has the Ambito’s own figure (19.834.861 €, 161,69 € per inhabitant), Samarate’s is n.d. with the reason', async () => {
    const { years, users, sources, chart } = await page();
    assert.deepEqual(
      years.map((y) => y.year),
      [2022],
    );
    const [y] = years;
    // PdZ Gallarate 2025-2027, Tabella 2.4 (total 19.834.861 €) and Tabella 2.1 (122.675 inhabitants at 31/12/2022).
    assert.deepEqual(y!.spending.ambito, { value: euro(19_834_861), reason: null, basis: 'ambito', withData: 0, members: 9, partial: false });
    assert.deepEqual(y!.population.ambito, { value: 122_675, reason: null });
    assert.deepEqual(y!.spending.ambitoPerInhabitant, { value: 16_169, reason: null, partial: false });
    assert.deepEqual(y!.spending.comune, { value: null, reason: 'noComuneSpending' });
    assert.deepEqual(y!.spending.share, { value: null, reason: 'noComuneSpending' });
    assert.deepEqual(y!.staff.comune, { value: null, reason: 'noStaff', posts: 0 });
    // Users of 2022 (Tabella 4.2): Anziani 895; the Servizio sociale professionale's count is blank in the source.
    const anziani = users.find((u) => u.year === 2022 && u.area === 'ANZIANI')!;
    assert.equal(anziani.ambito.value, 895);
    assert.deepEqual(anziani.comune, { value: null, reason: 'noComuneUsers' });
    const ssp = users.find((u) => u.year === 2022 && u.area === 'SERVIZIO_SOCIALE_PROFESSIONALE')!;
    assert.deepEqual([ssp.ambito.value, ssp.ambito.reason], [null, 'usersNotRecorded']);
    assert.equal(ssp.areaName.length > 0, true);
    // Sources: the Ambito's spending file and population table, with when they were written.
    const figures = new Set(sources.map((s) => `${s.figure} ${s.year}`));
    assert.ok(figures.has('ambitoSpending 2022'));
    assert.ok(figures.has('ambitoUsers 2022'));
    assert.ok(figures.has('ambitoPopulation 2022'));
    assert.ok(sources.every((s) => s.source.length > 0 && !Number.isNaN(Date.parse(s.updatedAt))));
    // The chart has the Ambito's 2022 point only.
    assert.deepEqual(chart.years, [2022]);
    assert.match(chart.svg ?? '', /<svg /);
  });

  test('Samarate’s and Gallarate’s figures of 2023 and 2024: per inhabitant, a partial Ambito sum «2 comuni su 9», change year over year', async () => {
    await importPopulation({
      db: db(),
      actor: staff,
      ambitoId: ambito.id,
      fileName: 'popolazione-comuni-2023.csv',
      text: [
        'anno;livello;codice;totale;maschi;femmine;eta_0_14;eta_15_64;eta_65_piu;eta_75_piu;eta_0_17;nati;morti;saldo_migratorio;stranieri;anziani_soli;superficie_km2;data_riferimento;fonte',
        `2023;comune;${samarate.istatCode};16000;;;;;;;;;;;;;;2023-12-31;Valori di prova`,
        `2023;comune;${gallarate.istatCode};53000;;;;;;;;;;;;;;2023-12-31;Valori di prova`,
      ].join('\n'),
    });
    await collect(
      samarate.id,
      2023,
      [
        ['MINORI_FAMIGLIA', euro(1_200_000)],
        ['ANZIANI', euro(400_000)],
      ],
      [['ANZIANI', 120]],
      source(2023, '15/03/2024'),
    );
    await collect(gallarate.id, 2023, [['MINORI_FAMIGLIA', euro(5_300_000)]], [['ANZIANI', 480]], 'Raccolta «Dati sociali 2023» (dati 2023): Gallarate');
    await collect(samarate.id, 2024, [['MINORI_FAMIGLIA', euro(1_800_000)]], null, source(2024, '10/03/2025'));

    const { years, users, chart } = await page();
    const y23 = years.find((y) => y.year === 2023)!;
    assert.deepEqual(y23.spending.comune, { value: euro(1_600_000), reason: null });
    assert.deepEqual(y23.spending.comunePerInhabitant, { value: euro(100), reason: null });
    assert.deepEqual(y23.spending.ambito, { value: euro(6_900_000), reason: null, basis: 'comuni', withData: 2, members: 9, partial: true });
    // Partial: per inhabitant of the two comuni with data (69.000), and no share of a partial sum.
    assert.deepEqual(y23.spending.ambitoPerInhabitant, { value: euro(100), reason: null, partial: true });
    assert.deepEqual(y23.spending.share, { value: null, reason: 'partialAmbito' });
    assert.deepEqual(y23.spending.comuneChange, { value: null, reason: 'noPreviousYear', differenceCents: null });

    const y24 = years.find((y) => y.year === 2024)!;
    assert.deepEqual(y24.spending.comuneChange, { value: 12.5, reason: null, differenceCents: euro(200_000) });
    assert.deepEqual(y24.spending.comunePerInhabitant, { value: null, reason: 'noComunePopulation' });
    assert.deepEqual(y24.spending.ambito, { value: euro(1_800_000), reason: null, basis: 'comuni', withData: 1, members: 9, partial: true });
    assert.deepEqual(y24.spending.ambitoPerInhabitant, { value: null, reason: 'noPartialPopulation', partial: true });

    const anziani = users.find((u) => u.year === 2023 && u.area === 'ANZIANI')!;
    assert.deepEqual(anziani.comune, { value: 120, reason: null });
    assert.equal(anziani.ambito.value, 600);
    assert.equal(anziani.ambito.partial, true);
    assert.deepEqual(anziani.share, { value: null, reason: 'partialAmbito' });

    // The chart: the comune's 2023 point and the Ambito's complete 2022 point; partial Ambito years are named.
    assert.deepEqual(chart.years, [2022, 2023]);
    assert.deepEqual(chart.partialYears, [2023, 2024]);
  });

  test('a figure sent again keeps its history: the page shows the new source, the audit log the one it replaced', async () => {
    await collect(
      samarate.id,
      2023,
      [
        ['MINORI_FAMIGLIA', euro(1_250_000)],
        ['ANZIANI', euro(400_000)],
      ],
      null,
      source(2023, '02/05/2024'),
    );
    const { years, sources } = await page();
    assert.equal(years.find((y) => y.year === 2023)!.spending.comune.value, euro(1_650_000));
    const own = sources.filter((s) => s.figure === 'comuneSpending' && s.year === 2023);
    assert.deepEqual(
      own.map((s) => [s.source, s.rows]),
      [[source(2023, '02/05/2024'), 2]],
    );
    // Users of 2023 were not part of the new submission: their source stays the first request's.
    assert.deepEqual(
      sources.filter((s) => s.figure === 'comuneUsers').map((s) => s.source),
      [source(2023, '15/03/2024')],
    );
    const trail = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, `${samarate.id}:2023`), eq(auditLog.action, 'finance.spending.collected')));
    assert.equal(trail.length, 2);
    const replaced = trail.map((e) => e.before as { source: string }[]).find((b) => b.length > 0)!;
    assert.ok(replaced.every((r) => r.source === source(2023, '15/03/2024')));
  });

  test('social workers at 31 December: Samarate’s against the Ambito’s, n.d. with the reason before the first post', async () => {
    const post = {
      employerKind: 'comune',
      contract: 'tempo_indeterminato',
      fundingSources: [],
    };
    await addSocialWorkerPost({
      db: db(),
      actor: referent,
      ambitoId: ambito.id,
      input: { ...post, code: 'AS-SAM-1', employerName: 'Comune di Samarate', fte: '1', validFrom: '2023-03-01', comuneId: samarate.id },
    });
    await addSocialWorkerPost({
      db: db(),
      actor: staff,
      ambitoId: ambito.id,
      input: { ...post, code: 'AS-GAL-1', employerName: 'Comune di Gallarate', fte: '0,5', validFrom: '2024-01-01', comuneId: gallarate.id },
    });
    const { years, sources } = await page();
    assert.deepEqual(
      years.map((y) => y.year),
      [2022, 2023, 2024, 2025, 2026],
    );
    const staffOf = (year: number) => years.find((y) => y.year === year)!.staff;
    assert.deepEqual(staffOf(2022).comune, { value: null, reason: 'noStaff', posts: 0 });
    assert.deepEqual(staffOf(2023), { comune: { value: 1, reason: null, posts: 1 }, ambito: { value: 1, reason: null, posts: 1 } });
    assert.deepEqual(staffOf(2026), { comune: { value: 1, reason: null, posts: 1 }, ambito: { value: 1.5, reason: null, posts: 2 } });
    // Years with social workers only: spending n.d., never 0.
    assert.deepEqual(years.find((y) => y.year === 2025)!.spending.comune, { value: null, reason: 'noComuneSpending' });
    assert.ok(sources.some((s) => s.figure === 'staff' && s.year === null));
  });

  test('who reads the page: Samarate’s referent, the Ufficio di Piano and the Ambito’s members; not the anonymous nor another Ambito', async () => {
    const scope = { ...ambito, comuneId: samarate.id };
    for (const actor of [referent, staff, actorWith('mayor', { ambitoId: ambito.id }), actorWith('regional_reviewer', { regionCode: ambito.regionCode })])
      assert.doesNotThrow(() => authorize(actor, 'comune.figures', scope));
    assert.throws(() => authorize(anonymous, 'comune.figures', scope), UnauthenticatedError);
    assert.throws(() => authorize(actorWith('staff', { ambitoId: '00000000-0000-4000-8000-000000000000' }), 'comune.figures', scope), ForbiddenError);
  });
});
