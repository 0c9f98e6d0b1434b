// Fuzzing of the form parsers (issue 16): every zod schema exported by a module's *.validation.ts — found by importing
// the modules, so a new schema is covered without a change here — and the shared field rules of
// app/shared/validation.ts. Fed random forms (the schema's own fields with hostile strings, repeated fields, fields of
// other names) and random JSON shaped like the schema, `safeParse` never throws, and whatever it accepts respects the
// invariants of invariants.ts (ids are UUIDs, dates real and within 1900–2100, money integer cents ≤ 10^13, texts
// without control characters).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import '../../app/modules/registry.ts';
import {
  centsField,
  euroField,
  hasControlCharacters,
  integerField,
  isIsoDateInRange,
  isUuid,
  isoDate,
  MAX_CENTS,
  MAX_PERSONS,
  optionalEuro,
  optionalInteger,
  optionalIsoDate,
  optionalPersons,
  optionalRecordId,
  optionalText,
  optionalYear,
  personsField,
  PG_INTEGER_MAX,
  plainText,
  recordId,
  refuseControlCharactersInJson,
  requiredText,
  versionField,
  yearField,
  type z,
} from '../../app/shared/validation.ts';
import { fieldsOf, formRecord, hostileString, jsonLike, zodSchemasOf } from './arbitraries.ts';
import { invariantProblems } from './invariants.ts';
import { fuzzParameters, replayNote, runs } from './runs.ts';

const SHORT = 300;

/** Every app/modules/<module>/<name>.validation.ts. */
const modulesDir = new URL('../../app/modules/', import.meta.url);
const validationFiles = readdirSync(modulesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(new URL(`${d.name}/`, modulesDir))
      .filter((f) => f.endsWith('.validation.ts'))
      .map((f) => `${d.name}/${f}`),
  )
  .sort();

/**
 * The schemas of JSON files whose importer refuses a file with a control character (or half a surrogate pair) anywhere
 * in it before reading it with the schema (refuseControlCharactersInJson): for them such an input never reaches the schema. The importers are
 * fuzzed end to end in importers.test.ts.
 */
const JSON_FILES_CHECKED_BEFORE = new Set([
  'participation/participation.projects.validation.ts ProjectsFile', // importProjects
  'participation/participation.call.validation.ts CallFile', // importCalls
  'participation/participation.questionnaires.validation.ts ImportFile', // importQuestionnaires
]);

/** Counterexamples found by this property (issue 16) and fixed in the schemas: always tried first. */
const FOUND: Record<string, unknown[]> = {
  'accounts/accounts.validation.ts CreateTokenInput': [{ name: '\u0000a' }],
  'accounts/accounts.validation.ts CreateUserInput': [{ email: 'a@a.aa', name: 'a\u0000', password: '00000000-0000-1000-8000-000000000000' }],
  'accounts/accounts.validation.ts RoleGrantInput': [{ role: 'admin', organisationName: '\u0000a' }],
  'monitoring/monitoring.validation.ts MeasurementInput': [{ period: 'a\u0000b', value: '', version: '' }],
  'monitoring/monitoring.validation.ts CarryOverInput': [{ mode: 'link', targetObjectiveId: '00000000-0000-1000-8000-000000000000', code: '\u0000' }],
  'planning/planning.validation.ts BudgetLineInput': [{ fund: '\u0000', year: '2000', amountEuro: '1' }],
  'planning/planning.validation.ts LinkContinuityInput': [{ previousCode: '\b\u000b\f' }],
  'planning/planning.validation.ts CarriedObjectiveInput': [
    { code: 'A', title: 'Titolo', macroArea: '', description: '', continuesObjective: '\u0000', source: '0', actions: [] },
  ],
  'planning/planning.validation.ts CreatePlanInput': [{ title: 'Piano di prova', periodStartYear: '2025', periodEndYear: '2027', templateId: '\u0000' }],
  'planning/planning.validation.ts ObjectiveInput': [
    { version: 1, title: 'Obiettivo', priority: false, policyAreas: [], card: {}, variationVersion: 2147483648 },
  ],
  'services/services.validation.ts ServiceInput': [
    {
      code: 'S1',
      name: 'Servizio',
      typeCode: 'A1',
      areaCode: 'ANZIANI',
      targetGroup: 'Anziani',
      management: 'associata_ambito',
      providerName: 'Ente',
      lepsCodes: '\u0000',
    },
  ],
};

/** True when the JSON importers' shared check refuses the file before its schema reads it. */
function refusedBeforeTheSchema(value: unknown) {
  try {
    refuseControlCharactersInJson(value, 'file.json');
    return false;
  } catch {
    return true;
  }
}

/** Runs safeParse, turning a throw into a failure of the property that names the schema and the input. */
function parse(name: string, schema: z.ZodType, input: unknown) {
  try {
    return schema.safeParse(input);
  } catch (error) {
    assert.fail(`${name}: safeParse ha lanciato ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

describe('form parsers: every exported schema of the modules', async () => {
  assert.ok(validationFiles.length >= 10, `file di validazione trovati: ${validationFiles.join(', ')}`);
  for (const file of validationFiles) {
    const module = (await import(new URL(file, modulesDir).href)) as Record<string, unknown>;
    for (const [exportName, schema] of zodSchemasOf(module)) {
      const name = `${file} ${exportName}`;
      test(name, (t) => {
        const params = fuzzParameters<[unknown]>(
          SHORT,
          (FOUND[name] ?? []).map((e) => [e]),
        );
        t.diagnostic(replayNote(params.numRuns!));
        const fields = fieldsOf(schema);
        const input = fc.oneof(
          { weight: 3, arbitrary: formRecord(fields) },
          { weight: 2, arbitrary: jsonLike(schema) },
          { weight: 1, arbitrary: fc.oneof(hostileString, fc.jsonValue()) },
        );
        fc.assert(
          fc.property(input, (value) => {
            if (JSON_FILES_CHECKED_BEFORE.has(name) && refusedBeforeTheSchema(value)) return;
            const result = parse(name, schema, value);
            if (!result.success) {
              // A refusal says where and what, in words.
              for (const issue of result.error.issues) assert.equal(typeof issue.message, 'string', `${name}: messaggio di errore`);
              return;
            }
            // A password is hashed, never stored as text: any character is allowed in it.
            const problems = invariantProblems(result.data, /password/i.test(exportName) ? 'password' : '');
            assert.deepEqual(problems, [], `${name} ha accettato ${JSON.stringify(value)?.slice(0, 300)} → ${JSON.stringify(result.data)?.slice(0, 300)}`);
          }),
          params,
        );
      });
    }
  }
});

/** One shared rule, the inputs to try and what an accepted value must be. */
interface SharedRule {
  name: string;
  schema: z.ZodType;
  accepts: (v: unknown) => boolean;
}

const isInt = (min: number, max: number) => (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const orNull = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);
const text = (max: number, required: boolean) => (v: unknown) =>
  typeof v === 'string' && !hasControlCharacters(v) && v.length <= max && (!required || v.length > 0) && v === v.trim();

const SHARED_RULES: SharedRule[] = [
  { name: 'versionField', schema: versionField, accepts: isInt(1, PG_INTEGER_MAX) },
  { name: 'plainText', schema: plainText('Testo'), accepts: (v) => typeof v === 'string' && !hasControlCharacters(v) },
  { name: 'requiredText', schema: requiredText('Titolo', { min: 3, max: 200 }), accepts: (v) => text(200, true)(v) && (v as string).length >= 3 },
  { name: 'optionalText', schema: optionalText(300, 'Nota'), accepts: orNull(text(300, true)) },
  { name: 'recordId', schema: recordId('Obiettivo'), accepts: isUuid },
  { name: 'optionalRecordId', schema: optionalRecordId('Azione'), accepts: orNull(isUuid) },
  { name: 'integerField', schema: integerField('Numero'), accepts: isInt(0, PG_INTEGER_MAX) },
  { name: 'integerField −5…10', schema: integerField('Numero', { min: -5, max: 10 }), accepts: isInt(-5, 10) },
  { name: 'optionalInteger', schema: optionalInteger('Numero'), accepts: orNull(isInt(0, PG_INTEGER_MAX)) },
  { name: 'personsField', schema: personsField('Popolazione'), accepts: isInt(0, MAX_PERSONS) },
  { name: 'optionalPersons', schema: optionalPersons('Utenti'), accepts: orNull(isInt(0, MAX_PERSONS)) },
  { name: 'yearField', schema: yearField('Anno'), accepts: isInt(1900, 2100) },
  { name: 'yearField 2000…', schema: yearField('Anno', { min: 2000 }), accepts: isInt(2000, 2100) },
  { name: 'optionalYear', schema: optionalYear('Anno'), accepts: orNull(isInt(1900, 2100)) },
  { name: 'euroField', schema: euroField('Importo'), accepts: isInt(0, MAX_CENTS) },
  { name: 'euroField positive', schema: euroField('Importo', { positive: true }), accepts: isInt(1, MAX_CENTS) },
  { name: 'optionalEuro', schema: optionalEuro('Importo'), accepts: orNull(isInt(0, MAX_CENTS)) },
  { name: 'centsField', schema: centsField('Importo'), accepts: isInt(0, MAX_CENTS) },
  { name: 'isoDate', schema: isoDate('Data'), accepts: (v) => typeof v === 'string' && isIsoDateInRange(v) },
  { name: 'optionalIsoDate', schema: optionalIsoDate('Data'), accepts: orNull((v) => typeof v === 'string' && isIsoDateInRange(v)) },
];

/** Any single value a form, a file or a client could give a field. */
const anyFieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double(),
      fc.constantFrom(2147483648, 1e17, MAX_CENTS, MAX_CENTS + 1, MAX_PERSONS + 1, Number.MAX_SAFE_INTEGER + 2, -0, 0.1 + 0.2),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, true, [], ['1'], {}, new Date('2024-01-01'), new Date(Number.NaN), 10n) },
);

describe('the shared field rules of app/shared/validation.ts', () => {
  for (const rule of SHARED_RULES) {
    test(rule.name, (t) => {
      const params = fuzzParameters<[unknown]>(SHORT * 2);
      t.diagnostic(replayNote(params.numRuns!));
      fc.assert(
        fc.property(anyFieldValue, (value) => {
          const result = parse(rule.name, rule.schema, value);
          if (!result.success) return;
          assert.ok(rule.accepts(result.data), `${rule.name} ha accettato ${String(value).slice(0, 80)} → ${JSON.stringify(result.data)}`);
        }),
        params,
      );
    });
  }
});

test('the runs of this file', (t) => t.diagnostic(`${runs(SHORT)} input per schema, ${runs(SHORT * 2)} per regola condivisa`));
