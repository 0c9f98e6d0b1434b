// A deterministic synthetic nation, built through the product's importers only (never by writing tables): the ISTAT
// comuni, ≈600 Ambiti made of each province's comuni, and for every Ambito its population, an adopted plan with its
// targets, semesters of measurements, three years of spending by comune × area × channel and its social workers.
// Every file is written in memory and handed to the importer as an upload, as the system actor `benchmark`.
// It expects an empty, migrated database. Used by bench/national.ts and tests/integration/nation-generator.test.ts.
import { readFileSync } from 'node:fs';
import { systemActor } from '../../app/shared/auth/actor.ts';
import type { Db } from '../../app/shared/db/client.ts';
import { fromRoot } from '../../app/shared/paths.ts';
// The dictionaries of every module, registered as the application does (the importers write their messages with tr).
import '../../app/modules/registry.ts';
import { importAmbitoComposition, importIstatComuni, importPopulation, updateAmbito } from '../../app/modules/territory/territory.commands.ts';
import { getAmbitoByCode } from '../../app/modules/territory/territory.queries.ts';
import { importPlan } from '../../app/modules/planning/planning.commands.ts';
import { importMeasurements } from '../../app/modules/monitoring/monitoring.commands.ts';
import { importSpending, loadCatalogues } from '../../app/modules/finance/finance.commands.ts';
import { importLepsCatalogue, importSocialWorkerStaff } from '../../app/modules/leps/leps.commands.ts';
import {
  compositionCsv,
  measurementsCsv,
  planAmbiti,
  planDocument,
  populationCsv,
  semestersOf,
  socialWorkersCsv,
  spendingCsv,
  type IstatEntry,
  type PlannedAmbito,
  type PlannedIndicator,
} from './files.ts';

export { bulkSpendingCsv, type PlannedAmbito } from './files.ts';

export interface NationOptions {
  /** How many Ambiti (default ≈600 for the whole country; with `regions`, their share of 600). */
  ambiti?: number;
  /** ISTAT codes of the Regions to build (default: all twenty). */
  regions?: string[];
  /** The years of spending (default 2023, 2024, 2025); the plan starts in the last one and lasts three years. */
  years?: number[];
  seed?: number;
  /** Per plan (defaults 20, 100, 300). */
  objectives?: number;
  actions?: number;
  indicators?: number;
  /** Semesters of measurements from the year before the plan (default 6, at most 8). */
  semesters?: number;
  /** Ambiti imported at the same time (default 1; more helps only on a PostgreSQL server). */
  concurrency?: number;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface NationAmbito {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  comuni: number;
  population: number;
  planId: string;
}

export interface StepTime {
  step: string;
  /** What the step imported: files and rows (the rows of the step's main table). */
  files: number;
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

export interface NationSummary {
  counts: {
    regions: number;
    comuni: number;
    ambiti: number;
    populationRows: number;
    plans: number;
    objectives: number;
    actions: number;
    indicators: number;
    targets: number;
    budgetLines: number;
    measurements: number;
    spendingRows: number;
    posts: number;
  };
  /** The time each step took, in order. */
  steps: StepTime[];
  totalMs: number;
  years: number[];
  plan: { startYear: number; endYear: number; semesters: string[] };
  ambiti: NationAmbito[];
}

/** The Ambiti of the whole country when no number is given. */
export const NATIONAL_AMBITI = 600;

/** The ISTAT comuni of the fixture (fixtures/istat/comuni-2020.json: 7.904 comuni, 107 provinces, 20 Regions). */
export function readIstatFixture(): { fileName: string; text: string; entries: IstatEntry[] } {
  const text = readFileSync(fromRoot('fixtures', 'istat', 'comuni-2020.json'), 'utf8');
  return { fileName: 'comuni-2020.json', text, entries: JSON.parse(text) as IstatEntry[] };
}

/** Runs `task` over `items` with at most `limit` at a time, in order of start. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Builds the synthetic nation into an empty, migrated database. */
export async function buildNation(db: Db, options: NationOptions = {}): Promise<NationSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const years = [...(options.years ?? [2023, 2024, 2025])].sort((a, b) => a - b);
  const startYear = years[years.length - 1]!;
  const semesters = semestersOf(startYear, Math.min(8, Math.max(0, options.semesters ?? 6)));
  // The last semester measured has begun: the measurements are checked against the day it ends, not the clock.
  const measuredUntil = semesters.length ? `${semesters[semesters.length - 1]!.slice(0, 4)}-12-31` : undefined;
  const shape = { objectives: options.objectives ?? 20, actions: options.actions ?? 100, indicators: options.indicators ?? 300, startYear };
  const concurrency = options.concurrency ?? 1;
  const actor = systemActor('benchmark');
  const progress = options.onProgress ?? (() => {});
  const steps: StepTime[] = [];
  const step = async (name: string, files: number, run: () => Promise<number>) => {
    const t0 = performance.now();
    progress(name, 0, files);
    const rows = await run();
    const ms = performance.now() - t0;
    steps.push({ step: name, files, rows, ms: Math.round(ms), rowsPerSecond: Math.round((rows / ms) * 1000) });
  };

  // Catalogues the importers need: the funding sources and spending areas (finance), the LEPS (leps).
  const fixture = (...path: string[]) => ({ fileName: path[path.length - 1]!, text: readFileSync(fromRoot('fixtures', ...path), 'utf8') });
  await step('cataloghi (fonti, aree di spesa, LEPS)', 3, async () => {
    await loadCatalogues({ db, actor, funding: fixture('catalogues', 'funding-sources.json'), areas: fixture('catalogues', 'spending-areas.json') });
    await importLepsCatalogue({ db, actor, ...fixture('leps', 'catalogo-leps.json') });
    return 3;
  });

  // The ISTAT comuni (the fixture, or the part of it in the chosen Regions).
  const istat = readIstatFixture();
  const entries = options.regions ? istat.entries.filter((e) => options.regions!.includes(e.regione.codice)) : istat.entries;
  if (entries.length === 0) throw new Error(`nessun comune nelle Regioni ${options.regions?.join(', ')}`);
  await step('comuni ISTAT', 1, async () => {
    const text = options.regions ? JSON.stringify(entries) : istat.text;
    return (await importIstatComuni({ db, actor, fileName: istat.fileName, text })).total;
  });

  // The Ambiti: one composition file per Region, then each Ambito's health agency and trust (the Ambito's edit form).
  const count = options.ambiti ?? Math.max(1, Math.round((NATIONAL_AMBITI * entries.length) / istat.entries.length));
  const planned = planAmbiti(entries, count);
  const byRegion = Map.groupBy(planned, (a) => a.regionCode);
  const ids = new Map<string, string>();
  await step('composizione degli Ambiti', byRegion.size, async () => {
    let done = 0;
    for (const [region, list] of byRegion) {
      const result = await importAmbitoComposition({ db, actor, fileName: `ambiti-${region}.csv`, text: compositionCsv(list) });
      for (const r of result) ids.set(r.code, r.id);
      progress('composizione degli Ambiti', ++done, byRegion.size);
    }
    return planned.reduce((s, a) => s + a.members.length, 0);
  });
  const idOf = (a: PlannedAmbito) => ids.get(a.code)!;
  let done = 0;
  const each = async (name: string, task: (a: PlannedAmbito) => Promise<number>) => {
    done = 0;
    let rows = 0;
    await step(name, planned.length, async () => {
      await eachLimited(planned, concurrency, async (a) => {
        // Not `rows += await task(a)`: that reads `rows` before the await and loses the other tasks' rows.
        const n = await task(a);
        rows += n;
        progress(name, ++done, planned.length);
      });
      return rows;
    });
  };

  await each('agenzia e azienda sanitaria degli Ambiti', async (a) => {
    const row = await getAmbitoByCode(db, a.code);
    const input = {
      version: row!.version,
      name: a.name,
      managementForm: a.managementForm,
      healthDistrict: a.healthDistrict,
      healthAuthority: a.healthAuthority,
      healthTrust: a.healthTrust,
      description: `Ambito sintetico del benchmark nazionale: ${a.members.length} comuni della provincia di ${a.provinceName}.`,
    };
    await updateAmbito({ db, actor, ambitoId: idOf(a), input });
    return 1;
  });

  let populationRows = 0;
  await each('popolazione', async (a) => {
    const file = populationCsv(seed, a, years);
    await importPopulation({ db, actor, ambitoId: idOf(a), fileName: `popolazione-${a.code}.csv`, text: file.text });
    populationRows += file.rows;
    return file.rows;
  });

  const planIds = new Map<string, string>();
  const indicatorsOf = new Map<string, PlannedIndicator[]>();
  const planCounts = { objectives: 0, actions: 0, indicators: 0, targets: 0, budgetLines: 0 };
  await each('piani (obiettivi, azioni, indicatori, target)', async (a) => {
    const doc = planDocument(seed, a, shape);
    const r = await importPlan({ db, actor, ambitoId: idOf(a), fileName: `piano-${a.code}.json`, text: doc.text });
    planIds.set(a.code, r.planId);
    indicatorsOf.set(a.code, doc.indicators);
    for (const k of Object.keys(planCounts) as (keyof typeof planCounts)[]) planCounts[k] += doc.counts[k];
    return doc.counts.objectives + doc.counts.actions + doc.counts.indicators;
  });

  let measurements = 0;
  if (semesters.length && shape.indicators > 0) {
    await each('misure degli indicatori', async (a) => {
      const file = measurementsCsv(seed, a, indicatorsOf.get(a.code)!, semesters);
      const r = await importMeasurements({ db, actor, planId: planIds.get(a.code)!, fileName: `misure-${a.code}.csv`, text: file.text, today: measuredUntil });
      measurements += r.rows;
      return r.rows;
    });
  }

  let spendingRows = 0;
  await each('spesa sociale (comune × area × canale)', async (a) => {
    const file = spendingCsv(seed, a, years);
    const r = await importSpending({ db, actor, ambitoId: idOf(a), upload: { kind: 'csv', spending: { fileName: `spesa-${a.code}.csv`, text: file.text } } });
    spendingRows += r.spendingRows;
    return r.spendingRows;
  });

  let posts = 0;
  await each('assistenti sociali', async (a) => {
    const file = socialWorkersCsv(seed, a, startYear);
    const r = await importSocialWorkerStaff({ db, actor, ambitoId: idOf(a), fileName: `assistenti-sociali-${a.code}.csv`, text: file.text });
    posts += r.rows;
    return r.rows;
  });

  const regions = new Set(entries.map((e) => e.regione.codice));
  return {
    counts: {
      regions: regions.size,
      comuni: entries.length,
      ambiti: planned.length,
      populationRows,
      plans: planIds.size,
      ...planCounts,
      measurements,
      spendingRows,
      posts,
    },
    steps,
    totalMs: Math.round(performance.now() - started),
    years,
    plan: { startYear, endYear: startYear + 2, semesters },
    ambiti: planned.map((a) => ({
      id: idOf(a),
      code: a.code,
      name: a.name,
      regionCode: a.regionCode,
      regionName: a.regionName,
      comuni: a.members.length,
      population: a.members.reduce((s, m) => s + (m.popolazione ?? 0), 0),
      planId: planIds.get(a.code)!,
    })),
  };
}
