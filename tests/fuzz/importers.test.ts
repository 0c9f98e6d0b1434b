// Fuzzing of every file importer (issue 16), on a migrated database with the demo: random bytes and mutations of a
// valid file (columns and rows dropped, duplicated, swapped; hostile cells and values; truncation; Windows-1252 and
// UTF-16 bytes; stray bytes) go through the same path as an upload — the bytes read by decodeImportText, as every
// upload route does (readUploadedText), then the module's import command. Each file is either imported, or refused
// with a ValidationError that names the file (and the row and column where it can), never with another exception, and
// a refused file writes nothing (all or nothing: the write counter of fixture.ts). An importer whose demo file the
// database already holds (it would only ever refuse it as a duplicate) also gets a valid file of its own, derived from
// a demo file so that it clashes with nothing, and imported in a transaction rolled back after each run (rolledBack):
// so its success path, and the all-or-nothing of files that get far into it, are fuzzed too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { csvTemplate, xlsxTemplate } from '../../app/modules/collection/collection.files.ts';
import { openRequest, uploadEntryFile } from '../../app/modules/collection/collection.commands.ts';
import { getEntryPage } from '../../app/modules/collection/collection.queries.ts';
import { dataRequests } from '../../app/modules/collection/collection.schema.ts';
import { importSpending, loadCatalogues } from '../../app/modules/finance/finance.commands.ts';
import { writeSpendingWorkbook } from '../../app/modules/finance/spending-xlsx.ts';
import { importGovernance } from '../../app/modules/governance/governance.commands.ts';
import { GOVERNANCE_FILES } from '../../app/modules/governance/governance.importers.ts';
import { importLepsCatalogue, importSocialWorkerStaff } from '../../app/modules/leps/leps.commands.ts';
import { importEvaluation, importMeasurements } from '../../app/modules/monitoring/monitoring.commands.ts';
import { importCalls } from '../../app/modules/participation/participation.call.commands.ts';
import { importNeeds } from '../../app/modules/participation/participation.needs.import.ts';
import { importPath } from '../../app/modules/participation/participation.path.commands.ts';
import { importProjects } from '../../app/modules/participation/participation.projects.commands.ts';
import { importPublishedFigures } from '../../app/modules/participation/participation.published.commands.ts';
import { importQuestionnaires } from '../../app/modules/participation/participation.questionnaires.commands.ts';
import { importTables } from '../../app/modules/participation/participation.tables.commands.ts';
import { importPlan } from '../../app/modules/planning/planning.commands.ts';
import { listPlans } from '../../app/modules/planning/planning.queries.ts';
import { importGlossary } from '../../app/modules/reports/glossary.commands.ts';
import { importServices, loadNomenclature } from '../../app/modules/services/services.commands.ts';
import { importAmbitoComposition, importIstatComuni, importPopulation } from '../../app/modules/territory/territory.commands.ts';
import { listAmbitoComuni } from '../../app/modules/territory/territory.queries.ts';
import type { Actor } from '../../app/shared/auth/actor.ts';
import type { Db } from '../../app/shared/db/client.ts';
import { ValidationError } from '../../app/shared/errors.ts';
import { decodeImportText } from '../../app/shared/imports/decode.ts';
import { actorWith } from '../support/fixtures.ts';
import { hostileString } from './arbitraries.ts';
import { csvMutant, csvRowMutant, encoded, fileFor, fuzzFile, jsonMutant, randomFile, type FuzzFile } from './files.ts';
import { doneOrRefused, openFuzzDatabase, rolledBack, type FuzzDatabase } from './fixture.ts';
import { fuzzParameters, replayNote } from './runs.ts';
import { eq } from 'drizzle-orm';

const SHORT = 25;

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const lines = (text: string, count: number) => text.split('\n').slice(0, count).join('\n') + '\n';
/** The cells of a «;» CSV file, its header first. */
const table = (text: string) =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split(';'));
/** The values of a column of a «;» CSV file. */
const column = (text: string, name: string) => {
  const [header, ...rows] = table(text);
  return rows.map((r) => r[header!.indexOf(name)]!);
};

/** One importer: the name its file has, a valid file to mutate, and how it is run on the text of an upload. */
interface TextImporter {
  name: string;
  fileName: string;
  kind: 'csv' | 'json';
  valid: string;
  /** Imports the text; `db` is the fuzzing database, or the transaction of the run when the importer is rolledBack. */
  run: (fileName: string, text: string, db: Db) => Promise<unknown>;
  /**
   * The valid file is accepted once only (what it creates would clash with a second import): each file is imported in
   * a transaction rolled back after the run (rolledBack, fixture.ts), and the valid file itself is checked first to be
   * imported — the proof that the property reaches the importer's success path.
   */
  rolledBack?: true;
  /** Files found refused by something else than a ValidationError naming the file (issue 16), fixed: always tried first. */
  found?: string[];
}

/**
 * The files of an importer's property: those of fileFor. For an importer with a valid file of its own (rolledBack), half
 * of them are variants of it in plain UTF-8 that keep the shape of the file (csvRowMutant; a JSON mutant), so that
 * more of them get past the reading of the bytes and of the table into the importer's own checks, and some of them
 * through to its writes.
 */
function filesFor(importer: TextImporter): fc.Arbitrary<FuzzFile> {
  const files = fileFor(importer.valid, importer.kind);
  if (!importer.rolledBack) return files;
  const variants = (importer.kind === 'csv' ? csvRowMutant : jsonMutant)(importer.valid).map((text) =>
    fuzzFile(new TextEncoder().encode(text), 'variante del file valido, UTF-8'),
  );
  return fc.oneof(files, variants);
}

/**
 * A refused file names itself: the message or one of the problems says the file's name (and, for a row, its row and
 * column: the importers write «file, riga N, colonna X»).
 */
function namesTheFile(error: unknown, fileNames: readonly string[]) {
  if (!(error instanceof ValidationError)) return;
  const said = [error.message, ...error.issues.flatMap((i) => [i.path, i.message])].join('\n');
  assert.ok(
    fileNames.some((f) => said.includes(f)),
    `il rifiuto non nomina il file (${fileNames.join(', ')}): ${error.message} ${JSON.stringify(error.issues.slice(0, 3))}`,
  );
}

describe(`importers: random and mutated files (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let fuzz: FuzzDatabase;
  const importers: TextImporter[] = [];
  const admin = actorWith('admin');
  let coordinator: Actor;
  let fanoCoordinator: Actor;
  let sebinoCoordinator: Actor;

  before(async () => {
    fuzz = await openFuzzDatabase();
    coordinator = actorWith('coordinator', { ambitoId: fuzz.gallarateId });
    fanoCoordinator = actorWith('coordinator', { ambitoId: fuzz.fanoId });
    sebinoCoordinator = actorWith('coordinator', { ambitoId: fuzz.sebinoId });
    const db = fuzz.db;
    const plans = await listPlans(db, fuzz.gallarateId);
    const plan2025 = plans.find((p) => p.periodStartYear === 2025)!.id;
    const plan2021 = plans.find((p) => p.periodStartYear === 2021)!.id;
    const fanoPlan = (await listPlans(db, fuzz.fanoId))[0]!.id;
    // The comuni of the demo Ambiti and a few others: the whole ISTAT list (1,5 MB) would make each run slow.
    const comuniList = JSON.parse(fixture('istat/comuni-2020.json')) as { codice: string }[];
    const comuniSample = JSON.stringify(comuniList.filter((c, i) => i % 700 === 0 || c.codice.startsWith('01207')).slice(0, 30));
    const sebinoComuni = column(fixture('demo/sebino/ambito.csv'), 'codice_istat_comune');
    const ctxG = { db, actor: coordinator, ambitoId: fuzz.gallarateId };
    const ctxF = { db, actor: fanoCoordinator, ambitoId: fuzz.fanoId };
    const importSpendingCsv = (spending: { fileName: string; text: string }, users: { fileName: string; text: string }) =>
      importSpending({ ...ctxG, upload: { kind: 'csv', spending, users } });
    importers.push(
      {
        name: 'territory: ISTAT comuni (JSON)',
        fileName: 'comuni.json',
        kind: 'json',
        valid: comuniSample,
        run: (fileName, text) => importIstatComuni({ db, actor: admin, fileName, text }),
      },
      {
        name: 'territory: Ambiti (CSV)',
        fileName: 'ambiti.csv',
        kind: 'csv',
        valid: fixture('demo/ambiti.csv'),
        run: (fileName, text) => importAmbitoComposition({ db, actor: admin, fileName, text }),
      },
      {
        name: 'territory: population (Cantiere CSV)',
        fileName: 'popolazione.csv',
        kind: 'csv',
        valid: fixture('demo/gallarate/population/ambito-serie.csv'),
        run: (fileName, text) => importPopulation({ ...ctxG, fileName, text }),
      },
      {
        name: 'territory: population (ISTAT CSV)',
        fileName: 'popolazione-istat.csv',
        kind: 'csv',
        valid: fixture('demo/sebino/population/popolazione-2024.csv'),
        run: (fileName, text) => importPopulation({ db, actor: sebinoCoordinator, ambitoId: fuzz.sebinoId, fileName, text }),
      },
      {
        name: 'monitoring: measurements (CSV)',
        fileName: 'misure.csv',
        kind: 'csv',
        valid: fixture('demo/fano/misure-2022.csv'),
        run: (fileName, text) => importMeasurements({ db, actor: fanoCoordinator, planId: fanoPlan, fileName, text }),
      },
      {
        name: 'monitoring: evaluation grid (JSON)',
        fileName: 'valutazione.json',
        kind: 'json',
        valid: fixture('demo/gallarate/evaluation-2021-2023.json'),
        run: (fileName, text) => importEvaluation({ db, actor: coordinator, planId: plan2021, fileName, text }),
      },
      {
        name: 'services: nomenclature (JSON)',
        fileName: 'nomenclatore.json',
        kind: 'json',
        valid: fixture('catalogues/nomenclatore-servizi.json'),
        run: (fileName, text) => loadNomenclature({ db, actor: admin, fileName, text }),
        // Half a surrogate pair (`\udc00` escaped in the JSON) reached a jsonb column: 22P02, a 400 left to the database.
        found: [fixture('catalogues/nomenclatore-servizi.json').replace('"Segretariato sociale"', '"Segretariato sociale\\udc00"')],
      },
      {
        name: 'services: catalogue (CSV)',
        fileName: 'servizi.csv',
        kind: 'csv',
        valid: fixture('demo/gallarate/servizi/servizi-gallarate.csv'),
        run: (fileName, text) => importServices({ ...ctxG, fileName, text }),
      },
      {
        name: 'leps: social workers (CSV)',
        fileName: 'assistenti-sociali.csv',
        kind: 'csv',
        valid: fixture('demo/fano/assistenti-sociali.csv'),
        run: (fileName, text) => importSocialWorkerStaff({ ...ctxF, fileName, text }),
      },
      {
        // Fano's staff in Sebino, which has none (the demo file clashes with Fano's posts), some posts in weekly hours
        // rather than full-time equivalents, some assigned to one of Sebino's comuni.
        name: 'leps: social workers (CSV, a new Ambito’s file)',
        fileName: 'assistenti-sociali.csv',
        kind: 'csv',
        valid: table(fixture('demo/fano/assistenti-sociali.csv'))
          .map((cells, i) => {
            if (i === 0) return [...cells, 'codice_istat_comune'];
            const [etp, hours] = i % 4 === 1 ? ['', '18'] : [cells[4]!, cells[5]!];
            return [...cells.slice(0, 4), etp, hours, ...cells.slice(6), i % 3 === 0 ? '' : sebinoComuni[i % sebinoComuni.length]!];
          })
          .map((cells) => cells.join(';') + '\n')
          .join(''),
        run: (fileName, text, db) => importSocialWorkerStaff({ db, actor: sebinoCoordinator, ambitoId: fuzz.sebinoId, fileName, text }),
        rolledBack: true,
      },
      {
        name: 'leps: LEPS catalogue (JSON)',
        fileName: 'catalogo-leps.json',
        kind: 'json',
        valid: fixture('leps/catalogo-leps.json'),
        run: (fileName, text) => importLepsCatalogue({ db, actor: admin, fileName, text }),
      },
      {
        name: 'reports: glossary (CSV)',
        fileName: 'glossario.csv',
        kind: 'csv',
        valid: lines(fixture('glossary/glossario-sociale-essenziale.csv'), 12),
        run: (fileName, text) => importGlossary({ ...ctxG, fileName, text }),
      },
      {
        name: 'participation: needs (CSV)',
        fileName: 'bisogni.csv',
        kind: 'csv',
        valid: lines(fixture('demo/gallarate/partecipazione/bisogni-2025-2027.csv'), 25),
        run: (fileName, text) => importNeeds(ctxG, { fileName, text, planId: plan2025 }),
      },
      {
        name: 'participation: tables (JSON)',
        fileName: 'tavoli.json',
        kind: 'json',
        valid: fixture('demo/fano/tavoli.json'),
        run: (fileName, text) => importTables({ ...ctxF, file: { fileName, text } }),
      },
      {
        name: 'participation: calls (JSON)',
        fileName: 'avviso.json',
        kind: 'json',
        valid: fixture('demo/gallarate/partecipazione/avviso-2025-2027.json'),
        run: (fileName, text) => importCalls({ ...ctxG, file: { fileName, text } }),
      },
      {
        name: 'participation: projects (JSON)',
        fileName: 'progetti.json',
        kind: 'json',
        valid: fixture('demo/fano/progetti-coprogettati.json'),
        run: (fileName, text) => importProjects({ ...ctxF, fileName, text }),
      },
      {
        name: 'participation: questionnaires (JSON)',
        fileName: 'questionario.json',
        kind: 'json',
        valid: fixture('demo/gallarate/partecipazione/questionario-preliminare-2024.json'),
        run: (fileName, text) => importQuestionnaires(ctxG, { fileName, text }),
        // A question refused by its own rules was named «publishedShares», without the file nor its place in it.
        found: [
          JSON.stringify({
            ambitoCode: 'gallarate',
            questionnaires: [
              {
                title: 'Questionario del controesempio',
                audience: 'membri',
                respondent: 'organizzazione',
                status: 'chiuso',
                retention: 'Un anno.',
                questions: [{ kind: 'scelta_singola', label: 'Domanda', required: true, options: ['Sì', 'No'], publishedShares: { Forse: 10 } }],
              },
            ],
          }),
        ],
      },
      {
        name: 'participation: path (JSON)',
        fileName: 'percorso.json',
        kind: 'json',
        valid: fixture('demo/gallarate/partecipazione/percorso-2025-2027.json'),
        run: (fileName, text) => importPath(ctxG, { planId: plan2025, fileName, text }),
      },
      {
        // Gallarate's path of the 2025-2027 plan for its 2021-2023 plan, which has none.
        name: 'participation: path (JSON, a plan without one)',
        fileName: 'percorso.json',
        kind: 'json',
        valid: JSON.stringify(
          { ...(JSON.parse(fixture('demo/gallarate/partecipazione/percorso-2025-2027.json')) as object), plan: { periodStartYear: 2021, periodEndYear: 2023 } },
          null,
          1,
        ),
        run: (fileName, text, db) => importPath({ ...ctxG, db }, { planId: plan2021, fileName, text }),
        rolledBack: true,
      },
      {
        name: 'participation: published figures (JSON)',
        fileName: 'cifre.json',
        kind: 'json',
        valid: fixture('demo/fano/partecipazione-cifre-pubblicate.json'),
        run: (fileName, text) => importPublishedFigures({ ...ctxF, file: { fileName, text } }),
      },
      {
        name: 'planning: plan (JSON)',
        fileName: 'piano.json',
        kind: 'json',
        valid: fixture('demo/sebino/plans/piano-2025-2027.json'),
        run: (fileName, text) => importPlan({ db, actor: sebinoCoordinator, ambitoId: fuzz.sebinoId, fileName, text }),
      },
      {
        // Sebino's plan in Fano, which has no plan for 2025-2027.
        name: 'planning: plan (JSON, a period the Ambito has no plan for)',
        fileName: 'piano.json',
        kind: 'json',
        valid: (() => {
          const document = JSON.parse(fixture('demo/sebino/plans/piano-2025-2027.json')) as { plan: { ambitoCode: string } };
          document.plan.ambitoCode = 'fano';
          return JSON.stringify(document, null, 1);
        })(),
        run: (fileName, text, db) => importPlan({ db, actor: fanoCoordinator, ambitoId: fuzz.fanoId, fileName, text }),
        rolledBack: true,
      },
      {
        name: 'finance: spending (CSV)',
        fileName: 'spesa.csv',
        kind: 'csv',
        valid: fixture('demo/gallarate/spending/spesa-2022.csv'),
        run: (fileName, text) =>
          importSpendingCsv({ fileName, text }, { fileName: 'utenti-2022.csv', text: fixture('demo/gallarate/spending/utenti-2022.csv') }),
      },
      {
        name: 'finance: users (CSV)',
        fileName: 'utenti.csv',
        kind: 'csv',
        valid: fixture('demo/gallarate/spending/utenti-2022.csv'),
        run: (fileName, text) => importSpendingCsv({ fileName: 'spesa-2022.csv', text: fixture('demo/gallarate/spending/spesa-2022.csv') }, { fileName, text }),
      },
      {
        name: 'finance: funding sources catalogue (JSON)',
        fileName: 'fondi.json',
        kind: 'json',
        valid: fixture('catalogues/funding-sources.json'),
        run: (fileName, text) =>
          loadCatalogues({ db, actor: admin, funding: { fileName, text }, areas: { fileName: 'aree.json', text: fixture('catalogues/spending-areas.json') } }),
      },
      {
        name: 'finance: spending areas catalogue (JSON)',
        fileName: 'aree.json',
        kind: 'json',
        valid: fixture('catalogues/spending-areas.json'),
        run: (fileName, text) =>
          loadCatalogues({
            db,
            actor: admin,
            funding: { fileName: 'fondi.json', text: fixture('catalogues/funding-sources.json') },
            areas: { fileName, text },
          }),
      },
    );
    // Governance: a bundle of CSV files, one of which is mutated at a time. Gallarate's bundle for Sebino (which has no
    // governance yet), its comuni made Sebino's.
    const sebinoComune = new Map(
      column(fixture('demo/gallarate/governance/organizzazioni.csv'), 'codice_istat_comune')
        .filter((code) => code !== '')
        .map((code, i) => [code, sebinoComuni[i]!]),
    );
    const governance = Object.keys(GOVERNANCE_FILES).map((name) => ({
      name,
      text: fixture(`demo/gallarate/governance/${name}`).replace(/\b\d{6}\b/g, (code) => sebinoComune.get(code) ?? code),
    }));
    for (const file of governance)
      importers.push({
        name: `governance: ${file.name} (CSV, in the bundle)`,
        fileName: file.name,
        kind: 'csv',
        valid: file.text,
        run: (fileName, text, db) =>
          importGovernance({
            db,
            ambitoId: fuzz.sebinoId,
            actor: sebinoCoordinator,
            files: governance.map((f) => (f.name === fileName ? { name: fileName, text } : f)),
          }),
        rolledBack: true,
      });
  });
  after(() => fuzz.close());

  test('every text importer', async (t) => {
    for (const importer of importers) {
      await t.test(importer.name, async (t) => {
        const params = fuzzParameters<[FuzzFile]>(
          SHORT,
          (importer.found ?? []).map((text) => [fuzzFile(new TextEncoder().encode(text), 'controesempio trovato')]),
        );
        t.diagnostic(replayNote(params.numRuns!));
        /** Imports the bytes of a file as an upload does, on the database or in a transaction rolled back after it. */
        const attempt = (bytes: Uint8Array, shown: string) => {
          const once = (f: FuzzDatabase) =>
            doneOrRefused(f, importer.name, shown, async () => {
              const { text } = decodeImportText(bytes, importer.fileName);
              return importer.run(importer.fileName, text, f.db);
            });
          return importer.rolledBack ? rolledBack(fuzz, once) : once(fuzz);
        };
        if (importer.rolledBack) {
          // An example, not a property: the valid file as it is gets through the importer and writes its records.
          const { outcome, wrote } = await rolledBack(fuzz, async (f) => {
            const before = await f.writes();
            const outcome = await doneOrRefused(f, importer.name, 'il file valido', () => importer.run(importer.fileName, importer.valid, f.db));
            return { outcome, wrote: (await f.writes()) - before };
          });
          assert.ok(outcome.ok, `${importer.name}: il file valido è rifiutato: ${outcome.error?.message} ${JSON.stringify(outcome.error)?.slice(0, 1000)}`);
          assert.ok(wrote > 0, `${importer.name}: il file valido è importato ma non ha scritto nulla`);
        }
        let imported = 0;
        const reasons = new Map<string, number>();
        await fc.assert(
          fc.asyncProperty(filesFor(importer), async (file) => {
            const outcome = await attempt(file.bytes, fc.stringify(file));
            if (outcome.ok) imported++;
            else {
              namesTheFile(outcome.error, [importer.fileName]);
              const e = outcome.error!;
              const reason = (e instanceof ValidationError ? (e.issues[0]?.message ?? e.message) : `${e.code}: ${e.message}`).slice(0, 100);
              reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
            }
          }),
          params,
        );
        t.diagnostic(`${imported} file importati su ${params.numRuns}`);
        // FUZZ_VERBOSE=1: the commonest refusals, to see how far the random files get.
        if (process.env.FUZZ_VERBOSE) for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 4)) t.diagnostic(`  ${n}× ${reason}`);
      });
    }
  });

  test('finance: spending workbook (XLSX)', async (t) => {
    const params = fuzzParameters<[{ table: string | null; bytes: FuzzFile | null; cut: number }]>(SHORT);
    t.diagnostic(replayNote(params.numRuns!));
    const valid = fixture('demo/gallarate/spending/spesa-2022.csv');
    const input = fc.record({
      table: fc.option(fc.oneof(csvMutant(valid), fc.constant(valid)), { freq: 4 }),
      bytes: fc.option(randomFile, { freq: 3 }),
      cut: fc.integer({ min: 0, max: 100 }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ table, bytes, cut }) => {
        let data: Uint8Array;
        if (table !== null) {
          const rows = table
            .split(/\r\n|\n|\r/)
            .filter((l) => l !== '')
            .map((l) => l.split(';').map((c) => (/^-?\d+(\.\d+)?$/.test(c) && c.length < 12 ? Number(c) : c)));
          data = await writeSpendingWorkbook({ spending: rows });
          // Sometimes the workbook is cut short (an interrupted upload).
          if (cut < 20) data = data.subarray(0, Math.floor((data.byteLength * cut) / 20));
        } else data = bytes?.bytes ?? new Uint8Array();
        const outcome = await doneOrRefused(fuzz, 'finance: spending (XLSX)', { table: table?.slice(0, 300), bytes: data.byteLength, cut }, () =>
          importSpending({ db: fuzz.db, actor: coordinator, ambitoId: fuzz.gallarateId, upload: { kind: 'xlsx', fileName: 'spesa.xlsx', data } }),
        );
        if (!outcome.ok) namesTheFile(outcome.error, ['spesa.xlsx']);
      }),
      params,
    );
  });

  test('collection: a comune’s filled file (CSV and XLSX)', async (t) => {
    const params = fuzzParameters<[{ csv: FuzzFile | null; xlsx: { cut: number; cells: string[] } | null }]>(SHORT);
    t.diagnostic(replayNote(params.numRuns!));
    const db = fuzz.db;
    const members = await listAmbitoComuni(db, fuzz.gallarateId, '2024-12-31');
    const comune = members.find((c) => c.id === fuzz.samarateId)!;
    const { request } = await openRequest({
      db,
      actor: coordinator,
      ambitoId: fuzz.gallarateId,
      today: '2025-01-10',
      input: { title: 'Raccolta di prova', year: '2024', deadline: '2025-12-31', items: ['spesa', 'utenti', 'assistenti_sociali'], comuni: [comune.id] },
    });
    const [row] = await db.select().from(dataRequests).where(eq(dataRequests.id, request.id));
    const page = (await getEntryPage(db, row!, comune.id))!;
    const referent = actorWith('comune_referent', { ambitoId: fuzz.gallarateId, comuneId: comune.id });
    const context = { comuneIstat: comune.istatCode, year: 2024, items: ['spesa' as const], catalogue: page.catalogue, slots: [] };
    const validCsv = csvTemplate('spesa', {
      ...context,
      values: { spesa: { rows: [{ area: 'ANZIANI', channel: 'COMUNI', committedCents: 1_000_00, paidCents: 900_00 }], controlTotalCents: 1_000_00 } },
    });
    const input = fc.record({
      csv: fc.option(fc.oneof(csvMutant(validCsv).chain(encoded), randomFile, encoded(validCsv)), { freq: 5 }),
      xlsx: fc.option(fc.record({ cut: fc.integer({ min: 0, max: 40 }), cells: fc.array(hostileString, { maxLength: 6 }) }), { freq: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ csv, xlsx }) => {
        let fileName = 'raccolta.csv';
        let data = csv?.bytes ?? new Uint8Array();
        if (xlsx) {
          fileName = 'raccolta.xlsx';
          const rows = xlsx.cells.length ? [{ area: xlsx.cells[0]!, channel: xlsx.cells[1] ?? 'COMUNI', committedCents: 5_00, paidCents: null }] : [];
          data = await xlsxTemplate({ ...context, items: ['spesa', 'utenti'], values: { spesa: { rows, controlTotalCents: null } } });
          if (xlsx.cut < 20) data = data.subarray(0, Math.floor((data.byteLength * xlsx.cut) / 20));
        }
        const outcome = await doneOrRefused(fuzz, 'collection: upload', { fileName, bytes: data.byteLength, xlsx }, () =>
          uploadEntryFile({ db, actor: referent, requestId: request.id, comuneId: comune.id, fileName, data, send: false }),
        );
        if (!outcome.ok) namesTheFile(outcome.error, [fileName]);
      }),
      params,
    );
  });
});
