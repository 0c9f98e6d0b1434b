// The runner of the commands' properties (issue 16): each command of a module — the server function its form action
// calls — gets random forms (its schema's fields with hostile and plausible values, record ids among the fixture's own
// and random ones) and must either do its work or refuse with one of the application's errors, writing nothing
// (doneOrRefused, fixture.ts). Running the commands rather than the pages over HTTP is what makes thousands of inputs
// affordable; the pages only read the form into a record and call them (intentAction, formAction).
import type { TestContext } from 'node:test';
import fc from 'fast-check';
import { fieldsOf, formRecord, hostileString, type RecordOptions } from './arbitraries.ts';
import { ValidationError } from '../../app/shared/errors.ts';
import { doneOrRefused, type FuzzDatabase } from './fixture.ts';
import { fuzzParameters, replayNote } from './runs.ts';

export type Input = Record<string, unknown>;

export interface CommandSpec {
  /** «module: command». */
  name: string;
  input: fc.Arbitrary<Input>;
  run: (input: Input) => Promise<unknown>;
  /** Inputs always tried first: counterexamples of bugs found and fixed. */
  examples?: Input[];
}

/** A record id given to a command: mostly one of the fixture's (`pool`), sometimes a random UUID or a hostile string. */
export const idFrom = (pool: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: pool.length ? fc.constantFrom(...pool) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hostileString.map((s) => s.toWellFormed()) },
  );

/**
 * A record id taken from the page's address or from the database, never typed: a route parameter named `…Id` (the root
 * middleware answers a malformed one with a 404, malformedIdParam) or a record the action looked up (the Ambito of
 * `:code`, the service of `:serviceCode`). One of the fixture's, or a random UUID (a record that does not exist).
 */
export const pathId = (pool: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 6, arbitrary: pool.length ? fc.constantFrom(...pool) : fc.uuid() }, { weight: 1, arbitrary: fc.uuid() });

/** A form for a schema (its fields), or for a list of field names (schemas the module keeps to itself). */
export function form(schemaOrFields: unknown, options: RecordOptions = {}): fc.Arbitrary<Input> {
  const fields = Array.isArray(schemaOrFields) ? Object.fromEntries((schemaOrFields as string[]).map((f) => [f, []])) : fieldsOf(schemaOrFields);
  return formRecord(fields, options);
}

/**
 * A command's input: its record ids and its form. An id given as a pool of ids comes from a form field (any string:
 * idFrom); one given as an arbitrary says itself where it comes from (pathId for the address).
 */
export function withIds(ids: Record<string, readonly string[] | fc.Arbitrary<string>>, body: fc.Arbitrary<Input>): fc.Arbitrary<Input> {
  const arbitraries = Object.entries(ids).map(([k, v]) => [k, Array.isArray(v) ? idFrom(v) : (v as fc.Arbitrary<string>)]);
  return fc.record({ ...Object.fromEntries(arbitraries), form: body }) as fc.Arbitrary<Input>;
}

/** The form of an input built with withIds. */
export const formOf = (input: Input) => input.form as Record<string, unknown>;
/** A path id of an input built with withIds. */
export const idOf = (input: Input, name: string) => input[name] as string;

/** Runs every spec as a subtest: `short` random inputs each (FUZZ_RUNS in the long run). */
export async function fuzzCommands(t: TestContext, fuzz: FuzzDatabase, specs: CommandSpec[], short: number) {
  for (const spec of specs) {
    await t.test(spec.name, async (t) => {
      const params = fuzzParameters<[Input]>(
        short,
        (spec.examples ?? []).map((e) => [e]),
      );
      t.diagnostic(replayNote(params.numRuns!));
      let done = 0;
      const reasons = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(spec.input, async (input) => {
          const outcome = await doneOrRefused(fuzz, spec.name, input, () => spec.run(input));
          if (outcome.ok) done++;
          else {
            const e = outcome.error!;
            const reason = `${e.code}: ${e instanceof ValidationError ? e.issues.map((i) => i.path).join(', ') : e.message}`.slice(0, 120);
            reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
          }
        }),
        params,
      );
      t.diagnostic(`${done} eseguiti su ${params.numRuns}`);
      // FUZZ_VERBOSE=1: the commonest refusals, to see how far the random inputs get.
      if (process.env.FUZZ_VERBOSE) for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 4)) t.diagnostic(`  ${n}× ${reason}`);
    });
  }
}
