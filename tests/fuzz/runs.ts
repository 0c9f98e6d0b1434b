// How long the fuzzing suite runs (issue 16). `npm test` runs every property a short number of times, chosen so that
// the whole suite adds well under a minute on a 2-core machine; `npm run fuzz` sets FUZZ_RUNS=10000 for the long run.
// Every run is seeded: the seed is printed with each property (and by fast-check with any counterexample), and
// FUZZ_SEED=<seed> replays the same inputs.
import type fc from 'fast-check';

const positive = (raw: string | undefined): number | null => {
  const n = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** The runs asked for with FUZZ_RUNS (the long run), or null: each property then uses its own short default. */
export const FUZZ_RUNS = positive(process.env.FUZZ_RUNS);

/** The seed of this process: FUZZ_SEED when given (to replay a failure), otherwise a new one. */
export const FUZZ_SEED: number = (() => {
  const raw = process.env.FUZZ_SEED;
  if (raw !== undefined && raw.trim() !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED non valido: ${raw} (serve un intero)`);
    return n | 0;
  }
  return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
})();

/** The runs of a property: FUZZ_RUNS when set, otherwise its short default (what `npm test` runs). */
export const runs = (short: number): number => FUZZ_RUNS ?? short;

/** Where a run can be replayed from, for the test's diagnostics. */
export const replayNote = (numRuns: number) => `FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${numRuns}`;

/**
 * The parameters of one property: its runs (see `runs`), the seed of the process, and the examples that must always be
 * tried first (counterexamples of bugs found and fixed, kept so that they stay covered).
 */
export function fuzzParameters<T>(short: number, examples: T[] = []): fc.Parameters<T> {
  return { numRuns: runs(short), seed: FUZZ_SEED, examples };
}
