/**
 * The two money catalogues, kept as data files (fixtures/catalogues) and validated here:
 * - funding sources ("canali di finanziamento": national, regional, EU and PNRR funds, Comuni, users' co-payments…),
 *   each with a stable code, a legal basis and the period in which it can finance spending;
 * - spending areas, in parallel classifications (the Lombardy areas of the Piani di Zona, the national ISTAT areas of
 *   the "Indagine sugli interventi e servizi sociali dei comuni singoli e associati") with a documented mapping
 *   between them.
 * Parsers are all-or-nothing and name file, element and field of every problem.
 */
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { isIsoDateInRange, refuseControlCharactersInJson, z } from '../../shared/validation.ts';

const MAX_ISSUES = 50;

/** Reserved word of the spending files for control totals: never a valid area or channel code. */
export const TOTAL_CODE = 'TOTALE';

export const FUNDING_KINDS = ['national', 'regional', 'eu', 'pnrr', 'local', 'users', 'other'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export const MAPPING_FITS = ['exact', 'approximate'] as const;
export type MappingFit = (typeof MAPPING_FITS)[number];

const code = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,59}$/, 'codice non valido: lettere maiuscole, cifre e trattini bassi (es. FNPS_QUOTA_VINCOLATA)')
  .refine((c) => c !== TOTAL_CODE, `il codice ${TOTAL_CODE} è riservato ai totali di controllo`);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'data non valida: usa il formato AAAA-MM-GG (es. 2026-03-31)')
  .refine(isIsoDateInRange, 'data inesistente o fuori dagli anni ammessi (dal 1900 al 2100)');

const label = (what: string, min = 2) => z.string().trim().min(min, `${what} mancante o troppo corto`).max(300, `${what}: al massimo 300 caratteri`);
const note = z.string().trim().min(1, 'nota vuota: usa null se non serve').max(1000, 'nota troppo lunga (al massimo 1000 caratteri)').nullable();

export const FundingSourceSchema = z.strictObject({
  code,
  name: label('nome', 3),
  shortName: z.string().trim().min(2, 'nome breve mancante').max(40, 'nome breve: al massimo 40 caratteri'),
  kind: z.enum(FUNDING_KINDS, { message: `tipo non previsto (ammessi: ${FUNDING_KINDS.join(', ')})` }),
  parent: code.nullable(),
  legalBasis: label('base normativa', 3).nullable(),
  activeFrom: isoDate.nullable(),
  activeTo: isoDate.nullable(),
  aliases: z.array(label('denominazione alternativa')),
  notes: note,
});
export type FundingSource = z.infer<typeof FundingSourceSchema>;

export const SpendingAreaSchema = z.strictObject({ code, name: label('nome'), aliases: z.array(label('denominazione alternativa')), description: note });
export type SpendingArea = z.infer<typeof SpendingAreaSchema>;

export const AreaClassificationSchema = z.strictObject({
  code,
  name: label('nome', 3),
  description: note,
  areas: z.array(SpendingAreaSchema).min(1, 'la classificazione non ha aree'),
});
export type AreaClassification = z.infer<typeof AreaClassificationSchema>;

const MappingEntrySchema = z.strictObject({
  from: code,
  to: code,
  fit: z.enum(MAPPING_FITS, { message: `grado di corrispondenza non previsto (ammessi: ${MAPPING_FITS.join(', ')})` }),
  note,
});

export const AreaMappingSchema = z.strictObject({ from: code, to: code, entries: z.array(MappingEntrySchema).min(1, 'la corrispondenza non ha voci') });
export type AreaMapping = z.infer<typeof AreaMappingSchema>;

export interface SpendingAreaCatalogue {
  classifications: AreaClassification[];
  mappings: AreaMapping[];
}

/** Normalises a label for lookups: case, spaces, typographic apostrophes and dashes do not matter. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[–—−]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The funding source with this code or with this name, short name or alias (see normalizeLabel). */
export function findFundingSource(sources: readonly FundingSource[], codeOrLabel: string): FundingSource | undefined {
  const wanted = codeOrLabel.trim().toUpperCase();
  const byCode = sources.find((s) => s.code === wanted);
  if (byCode) return byCode;
  const key = normalizeLabel(codeOrLabel);
  return sources.find((s) => [s.name, s.shortName, ...s.aliases].some((l) => normalizeLabel(l) === key));
}

/** The area of a classification with this code or with this name or alias. */
export function findArea(areas: readonly SpendingArea[], codeOrLabel: string): SpendingArea | undefined {
  const wanted = codeOrLabel.trim().toUpperCase();
  const byCode = areas.find((a) => a.code === wanted);
  if (byCode) return byCode;
  const key = normalizeLabel(codeOrLabel);
  return areas.find((a) => [a.name, ...a.aliases].some((l) => normalizeLabel(l) === key));
}

/** The classification with this code; throws when the catalogue lacks it (a programming error, not a user one). */
export function getClassification(catalogue: SpendingAreaCatalogue, classificationCode: string): AreaClassification {
  const found = catalogue.classifications.find((c) => c.code === classificationCode);
  if (!found) throw new Error(`Classificazione delle aree di spesa ${classificationCode} non presente nel catalogo`);
  return found;
}

/** The mapping between two classifications; throws when the catalogue lacks it. */
export function getMapping(catalogue: SpendingAreaCatalogue, from: string, to: string): AreaMapping {
  const found = catalogue.mappings.find((m) => m.from === from && m.to === to);
  if (!found) throw new Error(`Corrispondenza tra le aree ${from} e ${to} non presente nel catalogo`);
  return found;
}

/** The chain from a source up to its root (the source itself first), e.g. PNRR 1.1.3 → 1.1 → M5C2. */
export function fundingLineage(sources: readonly FundingSource[], sourceCode: string): FundingSource[] {
  const chain: FundingSource[] = [];
  let current = sources.find((s) => s.code === sourceCode);
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = current.parent === null ? undefined : sources.find((s) => s.code === current!.parent);
  }
  return chain;
}

/** Can the source finance spending on `day` (ISO date)? Both ends inclusive; null = no limit. */
export function isActiveOn(source: Pick<FundingSource, 'activeFrom' | 'activeTo'>, day: string): boolean {
  return (source.activeFrom === null || source.activeFrom <= day) && (source.activeTo === null || day <= source.activeTo);
}

/**
 * How a source covers a calendar year: 'full', 'partial' (it starts or ends during the year, e.g. a PNRR line ending
 * on 31/03/2026 covers 2026 only partly) or 'none'.
 */
export function yearCoverage(source: Pick<FundingSource, 'activeFrom' | 'activeTo'>, year: number): 'full' | 'partial' | 'none' {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if ((source.activeTo !== null && source.activeTo < first) || (source.activeFrom !== null && source.activeFrom > last)) return 'none';
  if ((source.activeFrom !== null && source.activeFrom > first) || (source.activeTo !== null && source.activeTo < last)) return 'partial';
  return 'full';
}

function readJson(fileName: string, text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ValidationError([{ path: fileName, message: `il file non è un JSON valido (${(error as Error).message})` }], catalogueFailedMessage(fileName, 1));
  }
  refuseControlCharactersInJson(data, fileName);
  return data;
}

function fail(fileName: string, issues: FieldIssue[]): never {
  throw new ValidationError(issues.slice(0, MAX_ISSUES), catalogueFailedMessage(fileName, issues.length));
}

const CATALOGUE_VERSION = z.literal(1, 'versione del catalogo non supportata (attesa: 1)');

const fieldPath = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(intero)';

/** A schema's problems, named by where the element stands and by field. */
const issuesAt = (where: string, error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ path: `${where}, campo ${fieldPath(i.path)}`, message: i.message }));

/** The file's top level, all-or-nothing: any problem stops the whole file. */
function parseFile<T>(fileName: string, text: string, schema: z.ZodType<T>): T {
  const top = schema.safeParse(readJson(fileName, text));
  if (!top.success) fail(fileName, issuesAt(fileName, top.error));
  return top.data;
}

/** One element of the file: its problems join `issues` and it is left out (undefined), so that all are reported. */
function parseElement<T>(schema: z.ZodType<T>, raw: unknown, where: string, issues: FieldIssue[]): T | undefined {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  issues.push(...issuesAt(where, parsed.error));
  return undefined;
}

/** Checks that names and aliases identify one item only (case and spacing ignored). */
function checkLabels(items: readonly { code: string; labels: string[]; where: string }[], issues: FieldIssue[]) {
  const seen = new Map<string, string>();
  for (const item of items) {
    for (const l of new Set(item.labels.map(normalizeLabel))) {
      const owner = seen.get(l);
      if (owner !== undefined && owner !== item.code) {
        issues.push({ path: `${item.where}, campo aliases`, message: `la denominazione «${l}» identifica già ${owner}` });
      } else seen.set(l, item.code);
    }
  }
}

/**
 * Parses the funding-source catalogue (`{ version: 1, sources: [...] }`). Checks every entry with the schema, then
 * the whole: unique codes, existing parents without cycles, start not after end, unambiguous names and aliases.
 */
export function parseFundingSources(fileName: string, text: string): FundingSource[] {
  const top = parseFile(fileName, text, z.object({ version: CATALOGUE_VERSION, sources: z.array(z.unknown()).min(1, 'il catalogo non contiene fonti') }));
  const issues: FieldIssue[] = [];
  const sources: (FundingSource & { where: string })[] = [];
  top.sources.forEach((raw, index) => {
    const where = `${fileName}, elemento ${index + 1}`;
    const source = parseElement(FundingSourceSchema, raw, where, issues);
    if (source) sources.push({ ...source, where: `${where} (${source.code})` });
  });
  const byCode = new Map<string, FundingSource & { where: string }>();
  for (const s of sources) {
    const previous = byCode.get(s.code);
    if (previous) issues.push({ path: `${s.where}, campo code`, message: `codice già usato (${previous.where})` });
    else byCode.set(s.code, s);
    if (s.activeFrom !== null && s.activeTo !== null && s.activeTo < s.activeFrom) {
      issues.push({ path: `${s.where}, campo activeTo`, message: 'la data di fine precede quella di inizio' });
    }
  }
  for (const s of sources) {
    if (s.parent === null) continue;
    if (!byCode.has(s.parent)) {
      issues.push({ path: `${s.where}, campo parent`, message: `la fonte madre ${s.parent} non è nel catalogo` });
      continue;
    }
    const visited = new Set<string>([s.code]);
    let cursor = byCode.get(s.parent);
    while (cursor) {
      if (visited.has(cursor.code)) {
        issues.push({ path: `${s.where}, campo parent`, message: `la gerarchia delle fonti forma un ciclo (${[...visited].join(' → ')} → ${cursor.code})` });
        break;
      }
      visited.add(cursor.code);
      cursor = cursor.parent === null ? undefined : byCode.get(cursor.parent);
    }
  }
  checkLabels(
    sources.map((s) => ({ code: s.code, labels: [s.code, s.name, s.shortName, ...s.aliases], where: s.where })),
    issues,
  );
  if (issues.length) fail(fileName, issues);
  return sources.map(({ where: _where, ...s }) => s);
}

/**
 * Parses the spending-area catalogue (`{ version: 1, classifications: [...], mappings: [...] }`). Every mapping must
 * be total and univocal: each area of the source classification maps to exactly one existing area of the target
 * classification, so that totals are preserved when spending is converted.
 */
export function parseSpendingAreas(fileName: string, text: string): SpendingAreaCatalogue {
  const top = parseFile(
    fileName,
    text,
    z.strictObject({
      version: CATALOGUE_VERSION,
      classifications: z.array(z.unknown()).min(1, 'il catalogo non contiene classificazioni'),
      mappings: z.array(z.unknown()),
    }),
  );
  const issues: FieldIssue[] = [];
  const classifications: AreaClassification[] = [];
  top.classifications.forEach((raw, index) => {
    const where = `${fileName}, classificazione ${index + 1}`;
    const c = parseElement(AreaClassificationSchema, raw, where, issues);
    if (!c) return;
    if (classifications.some((other) => other.code === c.code)) {
      issues.push({ path: `${where}, campo code`, message: `classificazione ${c.code} già presente` });
      return;
    }
    const codes = new Set<string>();
    c.areas.forEach((a, i) => {
      if (codes.has(a.code))
        issues.push({ path: `${where} (${c.code}), area ${i + 1}, campo code`, message: `codice ${a.code} già usato in questa classificazione` });
      codes.add(a.code);
    });
    checkLabels(
      c.areas.map((a, i) => ({ code: a.code, labels: [a.code, a.name, ...a.aliases], where: `${where} (${c.code}), area ${i + 1} (${a.code})` })),
      issues,
    );
    classifications.push(c);
  });
  const mappings: AreaMapping[] = [];
  top.mappings.forEach((raw, index) => {
    const where = `${fileName}, corrispondenza ${index + 1}`;
    const m = parseElement(AreaMappingSchema, raw, where, issues);
    if (!m) return;
    const from = classifications.find((c) => c.code === m.from);
    const to = classifications.find((c) => c.code === m.to);
    if (!from) issues.push({ path: `${where}, campo from`, message: `classificazione ${m.from} non presente nel catalogo` });
    if (!to) issues.push({ path: `${where}, campo to`, message: `classificazione ${m.to} non presente nel catalogo` });
    if (mappings.some((other) => other.from === m.from && other.to === m.to)) {
      issues.push({ path: where, message: `corrispondenza ${m.from} → ${m.to} già presente` });
    }
    if (!from || !to) return;
    const mapped = new Map<string, number>();
    m.entries.forEach((e, i) => {
      const at = `${where} (${m.from} → ${m.to}), voce ${i + 1}`;
      if (!from.areas.some((a) => a.code === e.from))
        issues.push({ path: `${at}, campo from`, message: `l’area ${e.from} non esiste nella classificazione ${m.from}` });
      if (!to.areas.some((a) => a.code === e.to)) issues.push({ path: `${at}, campo to`, message: `l’area ${e.to} non esiste nella classificazione ${m.to}` });
      const previous = mapped.get(e.from);
      if (previous !== undefined) issues.push({ path: `${at}, campo from`, message: `l’area ${e.from} ha già una corrispondenza (voce ${previous})` });
      else mapped.set(e.from, i + 1);
    });
    const missing = from.areas.filter((a) => !mapped.has(a.code)).map((a) => a.code);
    if (missing.length) issues.push({ path: `${where} (${m.from} → ${m.to})`, message: `aree senza corrispondenza: ${missing.join(', ')}` });
    mappings.push(m);
  });
  if (issues.length) fail(fileName, issues);
  return { classifications, mappings };
}

export function catalogueFailedMessage(fileName: string, count: number) {
  return `Il catalogo ${fileName} non è stato caricato: ${count === 1 ? 'c’è un errore' : `ci sono ${count} errori`}.`;
}
