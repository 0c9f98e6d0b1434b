import { parseCsv } from '../../shared/csv.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { z } from '../../shared/validation.ts';
import { BODY_KINDS, BODY_TYPES, isIsoDate, ORGANISATION_KINDS, OrganisationInput, PARTY_ROLES, POSITIONS, RULE_TYPES } from './governance.validation.ts';
import { votingRuleSchema, type VotingRule } from './voting.rules.ts';

/**
 * The governance registry of an Ambito as CSV files (',' or ';', UTF-8), one kind of record per file, documented
 * in fixtures/demo/gallarate/governance/README.md. Records refer to each other by name (an organisation, a person,
 * a body) and to comuni by ISTAT code. Every file is optional; a bundle is imported all or nothing.
 */
export const GOVERNANCE_FILES = {
  'organizzazioni.csv': ['nome', 'tipo', 'codice_fiscale', 'numero_runts', 'codice_istat_comune', 'email', 'indirizzo'],
  'persone.csv': ['nome', 'ruolo', 'organizzazione', 'email'],
  'organi.csv': [
    'nome',
    'tipo',
    'natura',
    'organo_di_riferimento',
    'descrizione',
    'regola',
    'astenuti_contrari',
    'numeratore',
    'denominatore',
    'base',
    'soglia_percentuale',
    'quorum_tipo',
    'quorum_percentuale',
  ],
  'componenti.csv': ['organo', 'persona', 'organizzazione', 'posizione', 'codice_istat_comune', 'delegato_di', 'valido_dal', 'valido_al'],
  'accordo.csv': ['titolo', 'anno_inizio', 'anno_fine', 'valido_dal', 'valido_al', 'adottato_il'],
  'accordo-parti.csv': ['organizzazione', 'ruolo', 'firmatario', 'ruolo_firmatario', 'data_firma'],
} as const;
export type GovernanceFileName = keyof typeof GOVERNANCE_FILES;

const MAX_ISSUES = 50;

const text = (max: number) => z.string().trim().max(max, `al massimo ${max} caratteri`);
const required = (max: number, what: string) => text(max).min(1, `${what} mancante`);
const optional = (max: number) => text(max).transform((v) => v || null);
const date = z
  .string()
  .trim()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), 'data non valida: usa il formato AAAA-MM-GG (es. 2025-01-01)');
const istat = z
  .string()
  .trim()
  .transform((v) => v || null)
  .refine((v) => v === null || /^\d{6}$/.test(v), 'il codice ISTAT del comune ha 6 cifre (es. 012070)');
const choice = <T extends readonly [string, ...string[]]>(values: T, refused: string) =>
  z
    .string()
    .trim()
    .pipe(z.enum(values, { message: `${refused} (ammessi: ${values.join(', ')})` }));
const decimal = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : Number(v.replace(',', '.'))))
  .refine((v) => v === undefined || Number.isFinite(v), 'numero non valido');
const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['sì', 'si', 'no', ''], { message: 'valore ammesso: sì oppure no' }))
  .transform((v) => v === 'sì' || v === 'si');

const OrganisationRow = z.object({
  nome: required(200, 'nome'),
  tipo: choice(ORGANISATION_KINDS, 'tipo di organizzazione non previsto'),
  codice_fiscale: z.string(),
  numero_runts: z.string(),
  codice_istat_comune: istat,
  email: z.string(),
  indirizzo: optional(300),
});

const PersonRow = z.object({
  nome: required(200, 'nome'),
  ruolo: optional(200),
  organizzazione: optional(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => v || null)
    .pipe(z.string().email('indirizzo e-mail non valido').nullable()),
});

const BodyRow = z.object({
  nome: required(200, 'nome'),
  tipo: choice(BODY_TYPES, 'tipo di organo non previsto'),
  natura: choice(BODY_KINDS, 'natura dell’organo non prevista'),
  organo_di_riferimento: optional(200),
  descrizione: optional(4000),
  regola: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(z.enum(RULE_TYPES, { message: `regola di voto non prevista (ammesse: ${RULE_TYPES.join(', ')}, oppure vuoto)` }).nullable()),
  astenuti_contrari: yesNo,
  numeratore: decimal,
  denominatore: decimal,
  base: z
    .string()
    .trim()
    .transform((v) => (v === 'presenti' ? 'present' : v === 'componenti' ? 'members' : v || undefined)),
  soglia_percentuale: decimal,
  quorum_tipo: z
    .string()
    .trim()
    .transform((v) => (v === 'componenti' ? 'members' : v === 'peso' ? 'weight' : v || undefined)),
  quorum_percentuale: decimal,
});

const MemberRow = z.object({
  organo: required(200, 'organo'),
  persona: required(200, 'persona'),
  organizzazione: optional(200),
  posizione: choice(POSITIONS, 'posizione non prevista'),
  codice_istat_comune: istat,
  delegato_di: optional(200),
  valido_dal: date,
  valido_al: date,
});

const year = z
  .string()
  .trim()
  .regex(/^\d{4}$/, 'anno di 4 cifre (es. 2025)')
  .transform(Number);

const AgreementRow = z.object({
  titolo: required(300, 'titolo'),
  anno_inizio: year,
  anno_fine: year,
  valido_dal: date.refine((v) => v !== null, 'data mancante'),
  valido_al: date.refine((v) => v !== null, 'data mancante'),
  adottato_il: date,
});

const PartyRow = z.object({
  organizzazione: required(200, 'organizzazione'),
  ruolo: choice(PARTY_ROLES, 'ruolo non previsto'),
  firmatario: optional(200),
  ruolo_firmatario: optional(200),
  data_firma: date,
});

export interface Located {
  /** Where the record comes from, for messages: «organi.csv, riga 3». */
  file: string;
  line: number;
}

export type OrganisationRecord = Located & Omit<z.infer<typeof OrganisationInput>, 'comuneId'> & { comuneIstatCode: string | null };
export type PersonRecord = Located & { fullName: string; roleTitle: string | null; organisation: string | null; email: string | null };
export type BodyRecord = Located & {
  name: string;
  type: string;
  kind: string;
  parent: string | null;
  description: string | null;
  votingRule: VotingRule | null;
};
export type MemberRecord = Located & {
  body: string;
  person: string;
  organisation: string | null;
  position: string;
  comuneIstatCode: string | null;
  delegateOf: string | null;
  validFrom: string | null;
  validTo: string | null;
};
export type AgreementRecord = Located & {
  title: string;
  periodStartYear: number;
  periodEndYear: number;
  validFrom: string;
  validTo: string;
  adoptedOn: string | null;
};
export type PartyRecord = Located & { organisation: string; role: string; signerName: string | null; signerRole: string | null; signedOn: string | null };

export interface GovernanceBundle {
  organisations: OrganisationRecord[];
  people: PersonRecord[];
  bodies: BodyRecord[];
  members: MemberRecord[];
  agreement: AgreementRecord | null;
  parties: PartyRecord[];
}

/** Names are matched ignoring case and repeated spaces. */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('it');

function rowsOf(fileName: GovernanceFileName, textContent: string, issues: FieldIssue[]): { line: number; record: Record<string, string> }[] {
  const table = parseCsv(textContent);
  const columns = GOVERNANCE_FILES[fileName];
  const missing = columns.filter((c) => !table.header.includes(c));
  if (missing.length) {
    issues.push({ path: `${fileName}, riga 1`, message: `colonne mancanti nell’intestazione: ${missing.join(', ')} (attese: ${columns.join(', ')})` });
    return [];
  }
  const unknown = table.header.filter((h) => !(columns as readonly string[]).includes(h));
  if (unknown.length) issues.push({ path: `${fileName}, riga 1`, message: `colonne non previste: ${unknown.join(', ')} (attese: ${columns.join(', ')})` });
  const rows: { line: number; record: Record<string, string> }[] = [];
  for (const { line, cells } of table.rows) {
    if (cells.length !== table.header.length) {
      issues.push({ path: `${fileName}, riga ${line}`, message: `la riga ha ${cells.length} colonne, l’intestazione ${table.header.length}` });
      continue;
    }
    rows.push({ line, record: Object.fromEntries(table.header.map((h, i) => [h, cells[i] ?? ''])) });
  }
  if (rows.length === 0 && table.rows.length === 0) issues.push({ path: fileName, message: 'il file non contiene righe di dati' });
  return rows;
}

function validated<S extends z.ZodType>(schema: S, fileName: string, line: number, record: Record<string, string>, issues: FieldIssue[]): z.infer<S> | null {
  const parsed = schema.safeParse(record);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues) issues.push({ path: `${fileName}, riga ${line}, colonna ${String(i.path[0] ?? '?')}`, message: i.message });
  return null;
}

function noDuplicates<T extends Located>(records: T[], key: (r: T) => string, column: string, what: string, issues: FieldIssue[]) {
  const seen = new Map<string, number>();
  for (const r of records) {
    const k = key(r);
    const previous = seen.get(k);
    if (previous !== undefined) issues.push({ path: `${r.file}, riga ${r.line}, colonna ${column}`, message: `${what} già presente alla riga ${previous}` });
    else seen.set(k, r.line);
  }
}

/**
 * Parses a bundle of governance CSV files: each row checked against its file's columns, values and formats, names
 * unique within their file. Every problem is reported with file, row and column; one problem refuses the bundle.
 * References between records (and to comuni) are resolved by the importing command, against the bundle and the
 * records the Ambito already has.
 */
export function parseGovernanceFiles(files: readonly { name: string; text: string }[]): GovernanceBundle {
  const issues: FieldIssue[] = [];
  const bundle: GovernanceBundle = { organisations: [], people: [], bodies: [], members: [], agreement: null, parties: [] };
  const names = new Set<string>();
  for (const file of files) {
    if (!(file.name in GOVERNANCE_FILES)) {
      issues.push({ path: file.name, message: `file non previsto (attesi: ${Object.keys(GOVERNANCE_FILES).join(', ')})` });
      continue;
    }
    if (names.has(file.name)) {
      issues.push({ path: file.name, message: 'file presente due volte' });
      continue;
    }
    names.add(file.name);
    const fileName = file.name as GovernanceFileName;
    for (const { line, record } of rowsOf(fileName, file.text, issues)) {
      const at = { file: fileName, line };
      switch (fileName) {
        case 'organizzazioni.csv': {
          const row = validated(OrganisationRow, fileName, line, record, issues);
          if (!row) break;
          // The same rules as the form (fiscal code check digit, RUNTS only for third-sector kinds, e-mail).
          const checked = OrganisationInput.safeParse({
            name: row.nome,
            kind: row.tipo,
            fiscalCode: row.codice_fiscale,
            runtsNumber: row.numero_runts,
            email: row.email,
            address: row.indirizzo ?? '',
          });
          const columnOf: Record<string, string> = {
            name: 'nome',
            kind: 'tipo',
            fiscalCode: 'codice_fiscale',
            runtsNumber: 'numero_runts',
            email: 'email',
            address: 'indirizzo',
          };
          const relevant = checked.success ? [] : checked.error.issues.filter((i) => i.path[0] !== 'comuneId');
          if (relevant.length) {
            for (const i of relevant)
              issues.push({ path: `${fileName}, riga ${line}, colonna ${columnOf[String(i.path[0])] ?? String(i.path[0])}`, message: i.message });
            break;
          }
          if (row.tipo === 'comune' && !row.codice_istat_comune) {
            issues.push({ path: `${fileName}, riga ${line}, colonna codice_istat_comune`, message: 'per un Comune indica il codice ISTAT del comune' });
            break;
          }
          if (row.tipo !== 'comune' && row.codice_istat_comune) {
            issues.push({
              path: `${fileName}, riga ${line}, colonna codice_istat_comune`,
              message: 'il codice ISTAT si indica solo per le organizzazioni di tipo comune',
            });
            break;
          }
          const data = checked.success ? checked.data : null;
          bundle.organisations.push({
            ...at,
            name: row.nome,
            kind: row.tipo,
            fiscalCode: data?.fiscalCode ?? null,
            runtsNumber: data?.runtsNumber ?? null,
            email: data?.email ?? null,
            address: row.indirizzo,
            comuneIstatCode: row.codice_istat_comune,
          });
          break;
        }
        case 'persone.csv': {
          const row = validated(PersonRow, fileName, line, record, issues);
          if (row) bundle.people.push({ ...at, fullName: row.nome, roleTitle: row.ruolo, organisation: row.organizzazione, email: row.email });
          break;
        }
        case 'organi.csv': {
          const row = validated(BodyRow, fileName, line, record, issues);
          if (!row) break;
          let votingRule: VotingRule | null = null;
          if (row.regola) {
            const candidate: Record<string, unknown> = { type: row.regola };
            if (row.regola === 'majority_present') candidate.abstentionsCountAsAgainst = row.astenuti_contrari;
            if (row.regola === 'qualified_majority') Object.assign(candidate, { numerator: row.numeratore, denominator: row.denominatore });
            if (row.regola === 'population_weighted') candidate.thresholdPercent = row.soglia_percentuale;
            if (row.regola !== 'majority_present') candidate.base = row.base;
            if (row.quorum_tipo || row.quorum_percentuale !== undefined) candidate.quorum = { type: row.quorum_tipo, percent: row.quorum_percentuale };
            const rule = votingRuleSchema.safeParse(candidate);
            const columnOf: Record<string, string> = {
              type: 'regola',
              abstentionsCountAsAgainst: 'astenuti_contrari',
              numerator: 'numeratore',
              denominator: 'denominatore',
              base: 'base',
              thresholdPercent: 'soglia_percentuale',
              quorum: 'quorum_tipo',
              'quorum.type': 'quorum_tipo',
              'quorum.percent': 'quorum_percentuale',
            };
            if (!rule.success) {
              for (const i of rule.error.issues)
                issues.push({ path: `${fileName}, riga ${line}, colonna ${columnOf[i.path.map(String).join('.')] ?? 'regola'}`, message: i.message });
              break;
            }
            votingRule = rule.data;
          } else if (
            row.numeratore !== undefined ||
            row.denominatore !== undefined ||
            row.soglia_percentuale !== undefined ||
            row.quorum_tipo ||
            row.quorum_percentuale !== undefined
          ) {
            issues.push({ path: `${fileName}, riga ${line}, colonna regola`, message: 'hai indicato i parametri di una regola di voto senza la regola' });
            break;
          }
          const { nome: name, tipo: type, natura: kind, organo_di_riferimento: parent, descrizione: description } = row;
          bundle.bodies.push({ ...at, name, type, kind, parent, description, votingRule });
          break;
        }
        case 'componenti.csv': {
          const row = validated(MemberRow, fileName, line, record, issues);
          if (!row) break;
          if (row.valido_dal && row.valido_al && row.valido_al < row.valido_dal) {
            issues.push({ path: `${fileName}, riga ${line}, colonna valido_al`, message: 'la fine dell’incarico precede il suo inizio' });
            break;
          }
          bundle.members.push({
            ...at,
            body: row.organo,
            person: row.persona,
            organisation: row.organizzazione,
            position: row.posizione,
            comuneIstatCode: row.codice_istat_comune,
            delegateOf: row.delegato_di,
            validFrom: row.valido_dal,
            validTo: row.valido_al,
          });
          break;
        }
        case 'accordo.csv': {
          const row = validated(AgreementRow, fileName, line, record, issues);
          if (!row) break;
          if (bundle.agreement) {
            issues.push({ path: `${fileName}, riga ${line}`, message: 'il file descrive un solo Accordo di programma: una sola riga di dati' });
            break;
          }
          if (row.anno_fine < row.anno_inizio)
            issues.push({ path: `${fileName}, riga ${line}, colonna anno_fine`, message: 'l’ultimo anno del Piano precede il primo' });
          if (row.valido_al! < row.valido_dal!)
            issues.push({ path: `${fileName}, riga ${line}, colonna valido_al`, message: 'la fine della validità precede il suo inizio' });
          bundle.agreement = {
            ...at,
            title: row.titolo,
            periodStartYear: row.anno_inizio,
            periodEndYear: row.anno_fine,
            validFrom: row.valido_dal!,
            validTo: row.valido_al!,
            adoptedOn: row.adottato_il,
          };
          break;
        }
        case 'accordo-parti.csv': {
          const row = validated(PartyRow, fileName, line, record, issues);
          if (!row) break;
          if (!row.firmatario !== !row.ruolo_firmatario) {
            issues.push({
              path: `${fileName}, riga ${line}, colonna ${row.firmatario ? 'ruolo_firmatario' : 'firmatario'}`,
              message: 'per una firma servono sia il firmatario sia il suo ruolo',
            });
            break;
          }
          if (row.data_firma && !row.firmatario) {
            issues.push({ path: `${fileName}, riga ${line}, colonna data_firma`, message: 'la data della firma richiede il firmatario' });
            break;
          }
          const signer = { signerName: row.firmatario, signerRole: row.ruolo_firmatario, signedOn: row.data_firma };
          bundle.parties.push({ ...at, organisation: row.organizzazione, role: row.ruolo, ...signer });
          break;
        }
      }
    }
  }
  noDuplicates(bundle.organisations, (r) => nameKey(r.name), 'nome', 'organizzazione', issues);
  noDuplicates(bundle.people, (r) => nameKey(r.fullName), 'nome', 'persona con lo stesso nome', issues);
  noDuplicates(bundle.bodies, (r) => nameKey(r.name), 'nome', 'organo', issues);
  noDuplicates(bundle.members, (r) => `${nameKey(r.body)}|${nameKey(r.person)}`, 'persona', 'la stessa persona nello stesso organo', issues);
  noDuplicates(bundle.parties, (r) => nameKey(r.organisation), 'organizzazione', 'organizzazione', issues);
  if (bundle.parties.length && !bundle.agreement && !names.has('accordo.csv')) {
    issues.push({ path: 'accordo-parti.csv', message: 'le parti si importano insieme all’Accordo (file accordo.csv)' });
  }
  if (issues.length)
    throw new ValidationError(
      issues.slice(0, MAX_ISSUES),
      bundleFailedMessage(
        files.map((f) => f.name),
        issues.length,
      ),
    );
  return bundle;
}

export function bundleFailedMessage(fileNames: string[], count: number) {
  return `I file ${fileNames.join(', ')} non sono stati importati: ${count === 1 ? 'c’è un errore' : `ci sono ${count} errori`}. Nessun dato è stato modificato.`;
}
