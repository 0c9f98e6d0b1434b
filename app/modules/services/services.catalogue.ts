/**
 * The national nomenclature of social interventions and services as Cantiere keeps it
 * (fixtures/catalogues/nomenclatore-servizi.json, format `cantiere.nomenclatore-servizi`): the SIOSS macro-activities
 * and their entries, each with the FNPS service goal it counts under. The parser is all-or-nothing and names file,
 * entry and field of every problem. What of the transcription is not verified is said in the file (`verified`) and in
 * fixtures/catalogues/README.md.
 */
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { refuseControlCharactersInJson, z } from '../../shared/validation.ts';
import { FNPS_GOALS } from './services.rules.ts';

const MAX_ISSUES = 50;

const text = (what: string, max = 300) =>
  z
    .string({ error: `${what}: testo mancante` })
    .trim()
    .min(2, `${what} mancante o troppo corto`)
    .max(max, `${what}: al massimo ${max} caratteri`);

export const NomenclatureEntrySchema = z.strictObject({
  code: z.string().regex(/^[A-Z][0-9]{1,2}(\.[0-9]{1,2})?$/, 'codice non valido: una lettera maiuscola e un numero (es. A1, C3, D10)'),
  name: text('nome'),
  macroCode: z.string().regex(/^[A-Z]$/, 'codice della macro-attività non valido: una lettera maiuscola'),
  macroName: text('nome della macro-attività'),
  description: text('descrizione', 1000).nullable(),
  fnpsGoal: z.enum(FNPS_GOALS, { message: `obiettivo di servizio FNPS non previsto (ammessi: ${FNPS_GOALS.join(', ')}, oppure null)` }).nullable(),
  aliases: z.array(text('denominazione alternativa')),
  /** True only when the code and the name were checked against the official text. */
  verified: z.boolean({ error: 'campo verified mancante: true o false' }),
});
export type NomenclatureEntry = z.infer<typeof NomenclatureEntrySchema>;

export const NomenclatureSchema = z.strictObject({
  format: z.literal('cantiere.nomenclatore-servizi', { error: 'formato del file non riconosciuto: atteso «cantiere.nomenclatore-servizi»' }),
  version: text('versione'),
  title: text('titolo'),
  source: text('fonte', 1000),
  entries: z.array(z.unknown()).min(1, 'il nomenclatore non contiene voci'),
});

export interface Nomenclature {
  version: string;
  title: string;
  source: string;
  entries: NomenclatureEntry[];
}

const fieldPath = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(intero)';

export const nomenclatureRefused = (fileName: string, count: number) =>
  `Il file ${fileName} non è stato caricato: ${count === 1 ? 'un problema' : `${count} problemi`} (nessuna voce è stata scritta).`;

function refuse(fileName: string, issues: FieldIssue[]): never {
  throw new ValidationError(issues.slice(0, MAX_ISSUES), nomenclatureRefused(fileName, issues.length));
}

/**
 * Parses the nomenclature file. Besides the schema of each entry: codes and names unique, the code starting with its
 * macro-activity's letter, one name per macro-activity, aliases naming one entry only.
 */
export function parseNomenclature(fileName: string, raw: string): Nomenclature {
  let json: unknown;
  try {
    json = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch (error) {
    refuse(fileName, [{ path: fileName, message: `il file non è un JSON valido (${(error as Error).message})` }]);
  }
  refuseControlCharactersInJson(json, fileName);
  const top = NomenclatureSchema.safeParse(json);
  if (!top.success)
    refuse(
      fileName,
      top.error.issues.map((i) => ({ path: `${fileName}, campo ${fieldPath(i.path)}`, message: i.message })),
    );
  const issues: FieldIssue[] = [];
  const entries: NomenclatureEntry[] = [];
  const codes = new Map<string, number>();
  const labels = new Map<string, string>();
  const macros = new Map<string, string>();
  top.data.entries.forEach((rawEntry, index) => {
    const parsed = NomenclatureEntrySchema.safeParse(rawEntry);
    const where = `${fileName}, voce ${index + 1}`;
    if (!parsed.success) {
      issues.push(...parsed.error.issues.map((i) => ({ path: `${where}, campo ${fieldPath(i.path)}`, message: i.message })));
      return;
    }
    const e = parsed.data;
    const at = `${where} (${e.code})`;
    const same = codes.get(e.code);
    if (same !== undefined) issues.push({ path: `${at}, campo code`, message: `codice già usato dalla voce ${same}` });
    codes.set(e.code, index + 1);
    if (!e.code.startsWith(e.macroCode))
      issues.push({ path: `${at}, campo macroCode`, message: `il codice ${e.code} non appartiene alla macro-attività ${e.macroCode}` });
    const macroName = macros.get(e.macroCode);
    if (macroName !== undefined && macroName !== e.macroName)
      issues.push({ path: `${at}, campo macroName`, message: `la macro-attività ${e.macroCode} ha già il nome «${macroName}»` });
    macros.set(e.macroCode, macroName ?? e.macroName);
    for (const label of new Set([e.name, ...e.aliases].map((l) => l.toLowerCase()))) {
      const owner = labels.get(label);
      if (owner !== undefined && owner !== e.code)
        issues.push({ path: `${at}, campo aliases`, message: `la denominazione «${label}» identifica già ${owner}` });
      else labels.set(label, e.code);
    }
    entries.push(e);
  });
  if (issues.length) refuse(fileName, issues);
  return { version: top.data.version, title: top.data.title, source: top.data.source, entries };
}
