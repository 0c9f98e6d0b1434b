// The national and regional returns built from the records (reports/returns.*): each return checked against the rows
// inserted here — sums, counts, no record counted twice. The Ambito is the Ambito Territoriale Sociale XIII of the
// Marche (7 comuni, 83.484 inhabitants at 01.01.2019, from its public composition); its staff, services, spending and
// budget records below are test inputs, not data.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseCsv } from '../../app/shared/csv.ts';
import { readReturns } from '../../app/modules/reports/returns.queries.ts';
import {
  areaChannelCsv,
  fnpsMatrixCsv,
  fundCorrectionsCsv,
  fundsCsv,
  siossBodiesCsv,
  siossOfferCsv,
  socialWorkerReturnCsv,
} from '../../app/modules/reports/returns.csv.ts';
import { ambitoComuni, ambiti, comuni, populationFacts, regions } from '../../app/modules/territory/territory.schema.ts';
import { socialWorkerPosts } from '../../app/modules/leps/leps.schema.ts';
import { services, serviceTypes, serviceYearFunds, serviceYears } from '../../app/modules/services/services.schema.ts';
import { budgetCutOffs, fundAllocations, fundingSources, spendingAreas, spendingFacts } from '../../app/modules/finance/finance.schema.ts';
import { planObjectives, plans } from '../../app/modules/planning/planning.schema.ts';
import { createTestDatabase } from '../support/test-db.ts';

const COMUNI = [
  { istat: '042006', name: 'Camerano', pop: 7_125 },
  { istat: '042010', name: 'Castelfidardo', pop: 18_683 },
  { istat: '042022', name: 'Loreto', pop: 12_786 },
  { istat: '042032', name: 'Numana', pop: 3_795 },
  { istat: '042033', name: 'Offagna', pop: 2_025 },
  { istat: '042034', name: 'Osimo', pop: 35_007 },
  { istat: '042048', name: 'Sirolo', pop: 4_063 },
];

describe('returns: built from the records, checked against them', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ambito: { id: string; code: string; name: string; regionCode: string };
  const comuneId = new Map<string, string>();
  const insertedPosts: { code: string; fte: number; employerKind: string; contract: string; validFrom: string; validTo: string | null }[] = [];
  const spendingRows: { comune: string; area: string; channel: string; cents: number }[] = [];

  before(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await db.insert(regions).values({ code: '11', name: 'Marche' }).onConflictDoNothing();
    const [a] = await db.insert(ambiti).values({ code: 'ats-xiii', name: 'ATS XIII – Osimo', regionCode: '11' }).returning();
    ambito = { id: a!.id, code: a!.code, name: a!.name, regionCode: a!.regionCode };
    for (const c of COMUNI) {
      const [row] = await db
        .insert(comuni)
        .values({ istatCode: c.istat, name: c.name, regionCode: '11', provinceCode: '042', provinceName: 'Ancona' })
        .returning();
      comuneId.set(c.name, row!.id);
      await db.insert(ambitoComuni).values({ ambitoId: ambito.id, comuneId: row!.id, isCapofila: c.name === 'Osimo', validFrom: '2015-01-01' });
      await db.insert(populationFacts).values({ comuneId: row!.id, year: 2019, total: c.pop, referenceDate: '2019-01-01', source: 'test' });
      // 2020: only six comuni have a figure (Sirolo missing): a partial sum is never used, 2019 stays the population.
      if (c.name !== 'Sirolo')
        await db.insert(populationFacts).values({ comuneId: row!.id, year: 2020, total: c.pop + 10, referenceDate: '2020-01-01', source: 'test' });
    }

    // Staff. At 31/12/2019: 14 permanent FTE of the comuni and the capofila (12 × 1 + 2 × 0,5 + 1 × 1 of the capofila);
    // excluded: a cooperative's worker, a health agency's, a fixed-term one of Osimo. One change of hours (P2 from
    // 0,5 to 1 in 2020), five and a half FTE hired in 2020 → 19,5 at 31/12/2020.
    const post = (code: string, over: Partial<(typeof insertedPosts)[number]> & { comune?: string } = {}) => {
      const p = { code, fte: 1, employerKind: 'comune', contract: 'tempo_indeterminato', validFrom: '2016-01-01', validTo: null as string | null, ...over };
      insertedPosts.push(p);
      return {
        ambitoId: ambito.id,
        comuneId: over.comune ? comuneId.get(over.comune)! : null,
        code,
        fte: p.fte,
        employerKind: p.employerKind,
        employerName: p.employerKind === 'comune' ? `Comune di ${over.comune ?? 'Osimo'}` : 'Altro ente',
        contract: p.contract,
        fundingSources: [],
        validFrom: p.validFrom,
        validTo: p.validTo,
        source: 'test',
      };
    };
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => post(`P${i + 10}`, { comune: COMUNI[i % 6]!.name })),
      post('P1', { fte: 0.5, comune: 'Loreto' }),
      post('P2', { fte: 0.5, comune: 'Numana', validTo: '2020-03-31' }),
      post('P2', { fte: 1, comune: 'Numana', validFrom: '2020-04-01' }),
      post('CAP', { employerKind: 'ente_capofila' }),
      post('COOP', { employerKind: 'ente_terzo_settore' }),
      post('ASL', { employerKind: 'azienda_sanitaria', fte: 0.5 }),
      post('TD', { contract: 'tempo_determinato', comune: 'Osimo' }),
      post('OLD', { validFrom: '2010-01-01', validTo: '2019-06-30', comune: 'Offagna' }),
      ...['N1', 'N2', 'N3', 'N4', 'N5'].map((c) => post(c, { validFrom: '2020-02-01', comune: 'Castelfidardo' })),
    ];
    await db.insert(socialWorkerPosts).values(rows);

    // Catalogues (the installation's: funding sources with a quota, two Lombardy areas) and the services' types.
    await db.insert(fundingSources).values([
      { code: 'FNPS', position: 1, name: 'Fondo Nazionale per le Politiche Sociali', shortName: 'FNPS', kind: 'national' },
      { code: 'FNPS_QUOTA_VINCOLATA', position: 2, name: 'FNPS – quota vincolata', shortName: 'FNPS quota vincolata', kind: 'national', parentCode: 'FNPS' },
      { code: 'FNA', position: 3, name: 'Fondo per le non autosufficienze', shortName: 'FNA', kind: 'national' },
      { code: 'COMUNI', position: 4, name: 'Risorse proprie dei comuni', shortName: 'Comuni', kind: 'local' },
    ]);
    await db.insert(spendingAreas).values([
      { classificationCode: 'LOMBARDIA', classificationName: 'Lombardia', code: 'MINORI_FAMIGLIA', position: 1, name: 'Minori-Famiglia' },
      { classificationCode: 'LOMBARDIA', classificationName: 'Lombardia', code: 'DISABILI', position: 2, name: 'Disabili' },
    ]);
    await db.insert(serviceTypes).values([
      { code: 'A1', position: 1, name: 'Segretariato sociale', macroCode: 'A', macroName: 'Accesso', fnpsGoal: 'accesso' },
      { code: 'B1', position: 2, name: 'Servizio sociale professionale', macroCode: 'B', macroName: 'Presa in carico', fnpsGoal: 'presa_in_carico' },
      {
        code: 'F2',
        position: 3,
        name: 'Centro diurno per persone con disabilità',
        macroCode: 'F',
        macroName: 'Servizi territoriali',
        fnpsGoal: 'servizi_territoriali_comunitari',
      },
    ]);
    const svc = async (
      code: string,
      over: Record<string, unknown>,
      years: { year: number; users: number | null; spend: number | null; funds: [string, number, number | null][] }[],
    ) => {
      const [s] = await db
        .insert(services)
        .values({
          ambitoId: ambito.id,
          code,
          name: `Servizio ${code}`,
          typeCode: 'A1',
          areaCode: 'MINORI_FAMIGLIA',
          targetGroup: 'famiglie',
          management: 'associata_ambito',
          providerName: 'Comune di Osimo – Ufficio di Piano',
          source: 'test',
          ...over,
        })
        .returning();
      for (const y of years) {
        const [sy] = await db
          .insert(serviceYears)
          .values({ serviceId: s!.id, ambitoId: ambito.id, year: y.year, users: y.users, spendCents: y.spend, source: 'test' })
          .returning();
        for (const [fundCode, amountCents, users] of y.funds)
          await db.insert(serviceYearFunds).values({ serviceYearId: sy!.id, ambitoId: ambito.id, fundCode, amountCents, users });
      }
    };
    await svc('SEG', {}, [
      {
        year: 2019,
        users: 800,
        spend: 60_000_00,
        funds: [
          ['FNPS', 40_000_00, 500],
          ['COMUNI', 20_000_00, null],
        ],
      },
    ]);
    await svc('TUT', { typeCode: 'B1' }, [
      { year: 2019, users: 120, spend: 50_000_00, funds: [['FNPS', 30_000_00, 80]] },
      { year: 2018, users: 100, spend: 45_000_00, funds: [['FNPS', 45_000_00, 100]] },
    ]);
    await svc('CDD', { typeCode: 'F2', areaCode: 'DISABILI', management: 'delega_asl', providerName: 'AST Ancona', providerCode: '02872610427' }, [
      {
        year: 2019,
        users: 25,
        spend: 90_000_00,
        funds: [
          ['FNPS_QUOTA_VINCOLATA', 30_000_00, null],
          ['FNA', 60_000_00, 25],
        ],
      },
    ]);
    await svc('CDD2', { typeCode: 'F2', areaCode: 'DISABILI', management: 'delega_asl', providerName: 'A.S.T. ANCONA', providerCode: '02872610427' }, [
      { year: 2019, users: 10, spend: 10_000_00, funds: [] },
    ]);
    await svc('XSS', { typeCode: 'B1', management: 'affidamento_terzo_settore', providerName: '=HYPERLINK("http://x")' }, []);
    await svc('CHIUSO', { active: false }, [{ year: 2017, users: 1, spend: 1_00, funds: [] }]);

    // Spending 2019 by area × channel for five of the seven comuni (Numana and Sirolo missing).
    for (const [comune, area, channel, cents] of [
      ['Osimo', 'MINORI_FAMIGLIA', 'COMUNI', 300_000_00],
      ['Osimo', 'MINORI_FAMIGLIA', 'FNPS', 50_000_00],
      ['Osimo', 'DISABILI', 'COMUNI', 200_000_00],
      ['Castelfidardo', 'DISABILI', 'FNA', 80_000_00],
      ['Loreto', 'MINORI_FAMIGLIA', 'COMUNI', 90_000_00],
      ['Camerano', 'DISABILI', 'COMUNI', 40_000_00],
      ['Offagna', 'MINORI_FAMIGLIA', 'COMUNI', 12_345_67],
    ] as const) {
      spendingRows.push({ comune, area, channel, cents });
      await db
        .insert(spendingFacts)
        .values({ ambitoId: ambito.id, comuneId: comuneId.get(comune)!, year: 2019, areaCode: area, channelCode: channel, amountCents: cents, source: 'test' });
    }
    // A 2018 row that must not enter 2019.
    await db.insert(spendingFacts).values({
      ambitoId: ambito.id,
      comuneId: comuneId.get('Osimo')!,
      year: 2018,
      areaCode: 'DISABILI',
      channelCode: 'COMUNI',
      amountCents: 1_00,
      source: 'test',
    });

    // Budget records of a plan: FNPS 2019 committed 100.000 then 90.000 (disimpegno), paid 50.000; FNA committed 60.000.
    const [plan] = await db
      .insert(plans)
      .values({
        ambitoId: ambito.id,
        title: 'Piano Sociale di Ambito 2019-2021',
        periodStartYear: 2019,
        periodEndYear: 2021,
        templateId: 'marche',
        templateVersion: '1',
      })
      .returning();
    const [ob] = await db
      .insert(planObjectives)
      .values({ planId: plan!.id, position: 1, code: 'OB1', title: 'Accesso', kind: 'regular', links: {} })
      .returning();
    const cut = (
      fundCode: string,
      measure: string,
      cutOffDate: string,
      amountCents: number,
      previousCents: number | null,
      reason: string | null,
      year: number | null = 2019,
    ) => ({
      ambitoId: ambito.id,
      planId: plan!.id,
      objectiveId: ob!.id,
      fundCode,
      year,
      measure,
      cutOffDate,
      amountCents,
      previousCents,
      reason,
      createdBy: 'test',
    });
    await db
      .insert(budgetCutOffs)
      .values([
        cut('FNPS', 'committed', '2019-06-30', 100_000_00, null, null),
        cut('FNPS', 'committed', '2019-12-31', 90_000_00, 100_000_00, 'disimpegno'),
        cut('FNPS', 'paid', '2019-12-31', 50_000_00, null, null),
        cut('FNA', 'committed', '2019-12-31', 60_000_00, null, null),
        cut('FNA', 'committed', '2019-12-31', 1_000_00, null, null, null),
      ]);
    await db.insert(fundAllocations).values({ ambitoId: ambito.id, fundCode: 'FNPS', year: 2019, amountCents: 120_000_00, act: 'DGR 1/2019' });
  });
  after(() => database.close());

  test('L. 178/2020 for 2019: 83.484 inhabitants (sum of the 7 comuni), 14 permanent FTE → 46.252,31 €; forecast 2020: 19,5 FTE → 210.188,31 €', async () => {
    const v = await readReturns(database.db, ambito, 2019);
    const r = v.socialWorkers;
    assert.deepEqual(r.population, { year: 2019, population: 83_484, referenceDate: '2019-01-01', basis: 'comuni' });
    assert.equal(r.permanentFte, 14);
    assert.equal(r.contribution.totalCents, 46_252_31);
    assert.equal(r.inhabitantsPerFte, 5963.1);
    // Checked against the inserted rows: in service at 31/12/2019, permanent, of a counted employer.
    const day = '2019-12-31';
    const inService = insertedPosts.filter((p) => p.validFrom <= day && (p.validTo === null || day <= p.validTo));
    const counted = inService.filter((p) => ['comune', 'ente_capofila'].includes(p.employerKind) && p.contract === 'tempo_indeterminato');
    assert.equal(r.sources.rows, insertedPosts.length);
    assert.equal(r.sources.counted.length, counted.length);
    assert.equal(
      r.sources.counted.reduce((s, c) => s + c.fte, 0),
      counted.reduce((s, p) => s + p.fte, 0),
    );
    assert.equal(new Set(r.sources.counted.map((c) => c.rowId)).size, r.sources.counted.length, 'no row counted twice');
    assert.equal(r.sources.counted.length + r.sources.excluded.length + r.sources.notInService, insertedPosts.length);
    assert.deepEqual(r.sources.excluded.map((e) => e.code).sort(), ['ASL', 'COOP', 'TD']);
    assert.deepEqual(r.sources.overlaps, []);
    assert.deepEqual(
      r.byEmployer.filter((k) => !k.counted).map((k) => [k.kind, k.fte]),
      [
        ['azienda_sanitaria', 0.5],
        ['ente_terzo_settore', 1],
      ],
    );
    assert.deepEqual(
      r.leavers.map((l) => l.code),
      ['OLD'],
    );
    // Forecast: the 2020 population has only 6 comuni of 7, so 2019's is used (and said).
    assert.equal(r.forecast.permanentFte, 19.5);
    assert.equal(r.forecast.population?.year, 2019);
    assert.equal(r.forecast.contribution.totalCents, 210_188_31);
    // 2020's own return: P2's change of hours is no hire; the five N are.
    const r2020 = (await readReturns(database.db, ambito, 2020)).socialWorkers;
    assert.deepEqual(
      r2020.hires.map((h) => h.code),
      ['N1', 'N2', 'N3', 'N4', 'N5'],
    );
    // Comuni named on the posts in service: six of seven (Sirolo has none).
    assert.deepEqual(v.socialWorkersComuni.missing, ['Sirolo']);
    // The file: BOM, `;`, the contribution as the form names it.
    const csv = socialWorkerReturnCsv(r, { ambitoCode: ambito.code, ambitoName: ambito.name, generatedAt: '2026-01-01T00:00:00Z' });
    assert.equal(csv.charCodeAt(0), 0xfeff);
    const table = parseCsv(csv);
    assert.deepEqual(table.header, ['Quadro', 'Voce', 'Valore', 'Unità']);
    const value = (voce: string) => table.rows.find((x) => x.cells[1] === voce)?.cells[2];
    assert.equal(value('Popolazione residente'), '83484');
    assert.equal(value('ETP assistenti sociali a tempo indeterminato (Ambito e comuni)'), '14');
    assert.equal(value('Contributo spettante'), '46252.31');
    assert.equal(value('Contributo previsto'), '210188.31');
  });

  test('SIOSS 2019: every service once, a health agency once, inactive ones left out and named', async () => {
    const v = await readReturns(database.db, ambito, 2019);
    const s = v.sioss;
    assert.equal(s.sources.services, 6);
    assert.equal(s.sources.inReturn, 5);
    assert.deepEqual(s.sources.inactiveExcluded, ['CHIUSO']);
    assert.equal(
      s.offer.reduce((n, o) => n + o.serviceCodes.length, 0),
      5,
    );
    assert.equal(
      s.management.reduce((n, m) => n + m.services, 0),
      5,
    );
    assert.equal(s.healthAgencies, 1);
    assert.equal(s.bodies.length, 3);
    assert.equal(s.offer.find((o) => o.typeCode === 'F2')!.users, 35);
    assert.deepEqual(s.sources.withoutFigures, ['XSS']);
    // Files: a provider's name that a spreadsheet would run as a formula is neutralised.
    const ctx = { ambitoCode: ambito.code, ambitoName: ambito.name, generatedAt: 'x' };
    const bodies = siossBodiesCsv(s, ctx);
    assert.match(bodies, /'=HYPERLINK/);
    assert.doesNotMatch(bodies, /;=HYPERLINK/);
    const offer = parseCsv(siossOfferCsv(s, ctx));
    assert.equal(offer.rows.length, s.offer.length);
    assert.equal(offer.header[3], 'Codice intervento/servizio');
  });

  test('national funds 2019: spending by area and activity against the fund rows, totals and the correction with its reason', async () => {
    const v = await readReturns(database.db, ambito, 2019);
    const fnps = v.funds.find((f) => f.rootCode === 'FNPS')!;
    // FNPS rows of 2019: SEG 40.000 + TUT 30.000 + CDD quota vincolata 30.000 = 100.000 € (not TUT's 2018 row).
    assert.equal(fnps.fundRows, 3);
    assert.equal(fnps.spentCents, 100_000_00);
    assert.equal(fnps.users, 580);
    assert.equal(fnps.allocatedCents, 120_000_00);
    assert.equal(fnps.committedCents, 90_000_00, 'the latest record, not the sum of the two');
    assert.equal(fnps.paidCents, 50_000_00);
    assert.deepEqual(
      fnps.corrections.map((c) => [c.previousCents, c.amountCents, c.reason]),
      [[100_000_00, 90_000_00, 'disimpegno']],
    );
    const fna = v.funds.find((f) => f.rootCode === 'FNA')!;
    assert.deepEqual([fna.fundRows, fna.spentCents, fna.users, fna.committedCents], [1, 60_000_00, 25, 60_000_00]);
    assert.equal(v.fundSources.budgetRecordsWithoutYear, 1);
    assert.deepEqual(v.fundSources.withoutFundSplit, ['CDD2']);
    // Every fund row of the year is in exactly one fund's return (COMUNI is not a national fund).
    const all = v.funds.reduce((n, f) => n + f.fundRows, 0);
    assert.equal(all, 4);
    const ctx = { ambitoCode: ambito.code, ambitoName: ambito.name, generatedAt: 'x' };
    const file = parseCsv(fundsCsv(v.funds, 2019, ctx, (c) => c));
    const totalLine = file.rows.find((x) => x.cells[2] === fnps.name && x.cells[3] === 'TOTALE')!;
    assert.equal(totalLine.cells[8], '100000');
    assert.equal(parseCsv(fundCorrectionsCsv(v.funds, 2019, ctx)).rows.length, 1);
  });

  test('spending by area × channel 2019: the table adds up to the inserted rows, and says «5 comuni su 7»', async () => {
    const v = await readReturns(database.db, ambito, 2019);
    const t = v.areaChannel;
    const sum = spendingRows.reduce((s, r) => s + r.cents, 0);
    assert.equal(t.rows, spendingRows.length);
    assert.equal(t.grandTotal, sum);
    assert.equal(t.rowsSumCents, sum);
    assert.equal(t.cells.MINORI_FAMIGLIA!.COMUNI, 300_000_00 + 90_000_00 + 12_345_67);
    assert.equal(
      Object.values(t.rowTotals).reduce((s, x) => s + x, 0),
      sum,
    );
    assert.equal(
      Object.values(t.columnTotals).reduce((s, x) => s + x, 0),
      sum,
    );
    assert.deepEqual(v.spendingCoverage, { basis: 'comuni', complete: false, members: 7, withData: 5, missing: ['Numana', 'Sirolo'], outside: [] });
    const file = parseCsv(areaChannelCsv(t, 2019, { ambitoCode: ambito.code, ambitoName: ambito.name, generatedAt: 'x' }));
    assert.deepEqual(file.header.slice(2), ['Area', 'FNPS', 'FNA', 'Comuni', 'Totale']);
    assert.equal(file.rows.at(-1)!.cells.at(-1), String(sum / 100));
  });

  test('FNPS matrix 2019 (Marche: national minimum 40 %): 70.000 € of 100.000 € to children and families', async () => {
    const v = await readReturns(database.db, ambito, 2019);
    const m = v.fnps;
    assert.equal(m.totalCents, 100_000_00);
    assert.equal(m.fundRows, 3);
    assert.equal(m.cells.infanzia_adolescenza_famiglia!.accesso, 40_000_00);
    assert.equal(m.cells.infanzia_adolescenza_famiglia!.presa_in_carico, 30_000_00);
    assert.equal(m.cells.disabilita_non_autosufficienza!.servizi_territoriali_comunitari, 30_000_00);
    assert.deepEqual([m.familySharePct, m.minimumPct, m.minimumScope, m.minimumMet], [70, 40, 'nazionale', true]);
    const file = parseCsv(fnpsMatrixCsv(m, 2019, { ambitoCode: ambito.code, ambitoName: ambito.name, generatedAt: 'x' }));
    assert.equal(file.rows.find((x) => x.cells[2] === 'Totale')!.cells.at(-2), '100000');
  });
});
