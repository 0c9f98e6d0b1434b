/**
 * The spending import as a background job (ADR 0015, issue 15). The page's action checks the actor and the upload at
 * once — a file is there, a CSV or an XLSX, within the size limit, a workbook whose declared unzipped size is within
 * the limits — queues a job of kind `finance.spending-import` with the files' bytes, and redirects to the job's page.
 * The worker runs the same import the demo and the tests call (`importSpending`), with the job's progress, pauses and
 * transaction: the files are read as streams, checked row by row with the same messages, and written in one
 * transaction, or not at all (a problem, a limit, a cancel).
 *
 * Who may: the actor is recorded in the payload when the job is queued (its grants, as the request knew them), and
 * the handler checks again with it — the Ambito must still exist, the actor may still import there, and each ente of
 * the file is authorised as the direct import does (a comune referent imports its own comune's rows only).
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor, AmbitoScope, RoleGrant } from '../../shared/auth/actor.ts';
import { ROLES } from '../../shared/auth/actor.ts';
import type { Db, DbOrTx } from '../../shared/db/client.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { requestLocale, serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import { detectTextEncoding, encodingNotice } from '../../shared/imports/decode.ts';
import { IMPORT_LIMITS } from '../../shared/imports/limits.ts';
import { enqueueJob, getJob, listJobs, requestCancel, type JobHandler, type JobView } from '../../shared/jobs/jobs.server.ts';
import { currentRequestId, setRequestLocale, withRequestId } from '../../shared/log.ts';
import { isUuid } from '../../shared/validation.ts';
import { importSpending, type SpendingImportSummary, type SpendingUpload } from './finance.commands.ts';
import { authorize, can } from './finance.policy.ts';
import { spendingFacts } from './finance.schema.ts';
import { checkWorkbook } from './spending-xlsx.ts';
import { comuni } from '../territory/index.server.ts';

export const SPENDING_IMPORT_JOB = 'finance.spending-import';

/** A file of the upload form: its field (`spesa`, `utenti`), its name and its bytes. */
export interface UploadedFile {
  field: 'spesa' | 'utenti';
  fileName: string;
  data: Uint8Array;
}

const GrantSchema = z.object({
  role: z.enum(ROLES),
  ambitoId: z.string().nullable(),
  comuneId: z.string().nullable(),
  organisationName: z.string().nullable(),
  organisationId: z.string().nullable(),
  regionCode: z.string().nullable(),
});

/** What the job is asked to do (validated by the handler): the files in the order of the input's bytes, who asked. */
const PayloadSchema = z.object({
  files: z
    .array(z.object({ field: z.enum(['spesa', 'utenti']), fileName: z.string().min(1), kind: z.enum(['csv', 'xlsx']), bytes: z.number().int().min(0) }))
    .min(1)
    .max(2),
  actor: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('user'),
      userId: z.string(),
      email: z.string(),
      name: z.string(),
      locale: z.string(),
      via: z.enum(['session', 'token', 'calendar']),
      grants: z.array(GrantSchema),
    }),
    z.object({ kind: z.literal('system'), label: z.string() }),
  ]),
  /** The language of the person who asked: the problems are written in it. */
  locale: z.string(),
  /** The request that queued the job: its log lines and audit entry carry the same id. */
  requestId: z.string().nullable(),
});
type Payload = z.infer<typeof PayloadSchema>;

function actorSnapshot(actor: Actor): Payload['actor'] {
  if (actor.kind === 'user')
    return {
      kind: 'user',
      userId: actor.userId,
      email: actor.email,
      name: actor.name,
      locale: actor.locale,
      via: actor.via,
      grants: actor.grants.map((g): RoleGrant => ({ ...g })),
    };
  if (actor.kind === 'system') return { kind: 'system', label: actor.label };
  throw new Error('un lavoro di importazione richiede un utente');
}

const isXlsx = (name: string) => /\.xlsx$/i.test(name);
const isCsv = (name: string) => /\.(csv|txt)$/i.test(name);
const refuse = (field: string, message: string, summary: string) => new ValidationError([{ path: field, message }], summary);

/**
 * What the page's action refuses at once, before queuing: no spending file, a file that is neither CSV nor XLSX (the
 * users file must be a CSV, and goes in the workbook's `utenti` sheet with an XLSX), a file over the size limit, a
 * workbook that is not a ZIP archive or declares more than the unzipped limits. The problems name the form's fields.
 */
function checkUpload(files: readonly UploadedFile[]): { field: 'spesa' | 'utenti'; fileName: string; kind: 'csv' | 'xlsx'; data: Uint8Array }[] {
  const spending = files.find((f) => f.field === 'spesa' && f.data.byteLength > 0);
  const users = files.find((f) => f.field === 'utenti' && f.data.byteLength > 0);
  if (!spending) throw refuse('spesa', tr('finance.import.noFile.field'), tr('finance.import.noFile'));
  const checked = [spending, ...(users ? [users] : [])].map((f) => {
    const fileName = f.fileName || (f.field === 'spesa' ? 'spesa.csv' : 'utenti.csv');
    if (f.data.byteLength > IMPORT_LIMITS.maxFileBytes) {
      const format = serverFormat();
      throw refuse(
        f.field,
        tr('finance.import.tooLarge.field', { file: fileName, size: format.fileSize(f.data.byteLength), limit: format.fileSize(IMPORT_LIMITS.maxFileBytes) }),
        tr('finance.import.tooLarge'),
      );
    }
    const kind = isXlsx(fileName) ? ('xlsx' as const) : !f.fileName || isCsv(fileName) ? ('csv' as const) : null;
    if (!kind) throw refuse(f.field, tr('finance.import.kind.field', { file: fileName }), tr('finance.import.kind'));
    return { field: f.field, fileName, kind, data: f.data };
  });
  const [first, second] = checked;
  if (first!.kind === 'xlsx' && second) throw refuse('utenti', tr('finance.import.xlsxUsers.field'), tr('finance.import.xlsxUsers'));
  if (second && second.kind !== 'csv') throw refuse('utenti', tr('finance.import.usersKind.field', { file: second.fileName }), tr('finance.import.kind'));
  if (first!.kind === 'xlsx') {
    try {
      checkWorkbook(first!.fileName, first!.data);
    } catch (error) {
      if (error instanceof ValidationError) throw refuse('spesa', error.issues[0]?.message ?? error.message, error.message);
      throw error;
    }
  }
  // A CSV in an encoding that cannot be read (UTF-16 without BOM, a binary file) is refused now, naming the file.
  for (const f of checked) {
    if (f.kind !== 'csv') continue;
    try {
      detectTextEncoding(f.data, f.fileName);
    } catch (error) {
      if (error instanceof ValidationError) throw refuse(f.field, error.issues[0]?.message ?? error.message, error.message);
      throw error;
    }
  }
  return checked;
}

/**
 * Queues the import of the uploaded files for the Ambito (what the page's action does; the tests call it too): the
 * actor must be allowed to import there, and what is obviously wrong is refused at once (see checkUpload). Returns the
 * job's id.
 */
export async function queueSpendingImport({
  db,
  actor,
  ambito,
  files,
}: {
  db: DbOrTx;
  actor: Actor;
  ambito: AmbitoScope;
  files: readonly UploadedFile[];
}): Promise<string> {
  authorize(actor, 'spending.import', ambito);
  const checked = checkUpload(files);
  const payload: Payload = {
    files: checked.map((f) => ({ field: f.field, fileName: f.fileName, kind: f.kind, bytes: f.data.byteLength })),
    actor: actorSnapshot(actor),
    locale: requestLocale(),
    requestId: currentRequestId() ?? null,
  };
  return enqueueJob(db, {
    kind: SPENDING_IMPORT_JOB,
    actor,
    ambitoId: ambito.id,
    regionCode: ambito.regionCode,
    payload,
    input: Buffer.concat(checked.map((f) => f.data)),
  });
}

/** The upload again, from the job's payload and its bytes (the files one after the other). */
function uploadOf(files: Payload['files'], input: Buffer): SpendingUpload {
  let at = 0;
  const parts = files.map((f) => {
    const bytes = input.subarray(at, at + f.bytes);
    at += f.bytes;
    return { ...f, bytes };
  });
  if (at !== input.byteLength) throw new Error('i byte del lavoro non corrispondono ai file dichiarati');
  const spending = parts.find((p) => p.field === 'spesa')!;
  const users = parts.find((p) => p.field === 'utenti');
  if (spending.kind === 'xlsx') return { kind: 'xlsx', fileName: spending.fileName, data: spending.bytes };
  return {
    kind: 'csv',
    spending: { fileName: spending.fileName, bytes: spending.bytes },
    users: users ? { fileName: users.fileName, bytes: users.bytes } : null,
  };
}

/** The job's handler: the import, run as the actor who queued it, in that person's language. */
const importHandler: JobHandler = async (ctx) => {
  const payload = PayloadSchema.parse(ctx.job.payload);
  if (!ctx.input || !ctx.job.ambitoId) throw new Error('lavoro di importazione senza file o senza Ambito');
  const upload = uploadOf(payload.files, ctx.input);
  const actor: Actor = payload.actor;
  const summary = await withRequestId(payload.requestId ?? `lavoro-${ctx.job.id}`, () => {
    setRequestLocale(payload.locale);
    return importSpending({
      db: ctx.db,
      actor,
      ambitoId: ctx.job.ambitoId!,
      upload,
      run: { progress: ctx.progress, pause: ctx.pause, transaction: ctx.transaction },
    });
  });
  return { ...summary };
};

/** The handlers of finance's jobs (registered by the module registry, registry.server.ts). */
export const spendingImportJobs: Readonly<Record<string, JobHandler>> = { [SPENDING_IMPORT_JOB]: importHandler };

// ───────────────────────────── the page's reads ─────────────────────────────

/** The Ufficio di Piano sees every import of its Ambito; anyone else (a comune referent) only their own. */
function maySee(actor: Actor, ambito: AmbitoScope, job: JobView): boolean {
  return can(actor, 'spending.write', { ...ambito, comuneId: null }) || (actor.kind === 'user' && job.requestedByUserId === actor.userId);
}

/** A spending import of this Ambito that the actor may see, or null (another Ambito's, another kind, not theirs). */
export async function getSpendingImportJob(db: DbOrTx, actor: Actor, ambito: AmbitoScope, id: string): Promise<JobView | null> {
  if (!isUuid(id)) return null;
  const job = await getJob(db, id);
  return job && job.kind === SPENDING_IMPORT_JOB && job.ambitoId === ambito.id && maySee(actor, ambito, job) ? job : null;
}

/** The latest spending imports of the Ambito that the actor may see, newest first. */
export async function listSpendingImportJobs(db: DbOrTx, actor: Actor, ambito: AmbitoScope, limit = 10): Promise<JobView[]> {
  const jobs = await listJobs(db, { kind: SPENDING_IMPORT_JOB, ambitoId: ambito.id, limit: 50 });
  return jobs.filter((j) => maySee(actor, ambito, j)).slice(0, limit);
}

/** Asks a spending import to stop (authorised as the import is): nothing of it is written. */
export async function cancelSpendingImport({ db, actor, ambito, jobId }: { db: Db; actor: Actor; ambito: AmbitoScope; jobId: string }): Promise<void> {
  authorize(actor, 'spending.import', ambito);
  const job = await getSpendingImportJob(db, actor, ambito, jobId);
  if (!job) throw new NotFoundError('L’importazione');
  await requestCancel(db, job.id);
}

/**
 * The spending rows present, counted and summed by year and ente in the database (the import page refreshes every
 * two seconds while a job runs: it must not load the Ambito's 100.000 rows each time). Newest year first.
 */
export async function loadedSpendingByYear(db: DbOrTx, ambitoId: string) {
  const rows = await db
    .select({
      year: spendingFacts.year,
      comuneName: comuni.name,
      istatCode: comuni.istatCode,
      rows: sql<number>`count(*)::int`,
      totalCents: sql<string>`sum(${spendingFacts.amountCents})`,
    })
    .from(spendingFacts)
    .leftJoin(comuni, eq(comuni.id, spendingFacts.comuneId))
    .where(eq(spendingFacts.ambitoId, ambitoId))
    .groupBy(spendingFacts.year, comuni.name, comuni.istatCode);
  return rows
    .map((r) => ({ year: r.year, ente: r.comuneName ? `${r.comuneName} (${r.istatCode})` : null, rows: Number(r.rows), totalCents: Number(r.totalCents) }))
    .sort((a, b) => b.year - a.year || (a.ente ?? '').localeCompare(b.ente ?? ''));
}

/** The files a job was asked to import (from its payload), for the list of imports. */
export function jobFiles(job: JobView): string[] {
  const parsed = PayloadSchema.shape.files.safeParse((job.payload as { files?: unknown } | null)?.files);
  return parsed.success ? parsed.data.map((f) => f.fileName) : [];
}

/** The summary a finished import keeps as its result (null when the job has none). */
export function jobSummary(job: JobView): SpendingImportSummary | null {
  const r = job.result as Partial<SpendingImportSummary> | null;
  return r && Array.isArray(r.files) && Array.isArray(r.years) && typeof r.spendingRows === 'number' ? (r as SpendingImportSummary) : null;
}

/** What the page says after an import: files, rows, years, control totals checked, rows replaced. */
export function importDoneMessage(s: SpendingImportSummary): string {
  const parts = [
    tr('finance.import.done', {
      files: s.files.join(tr('finance.and')),
      spending: s.spendingRows,
      users: s.usersRows,
      years: s.years.length === 1 ? tr('finance.import.done.year', { year: s.years[0]! }) : tr('finance.import.done.years', { years: s.years.join(', ') }),
    }),
    s.controlTotalsChecked > 0 ? tr('finance.import.done.checked', { count: s.controlTotalsChecked }) : '',
    s.replacedSpendingRows > 0 ? tr('finance.import.done.replaced', { count: s.replacedSpendingRows }) : '',
  ];
  // A file that was not UTF-8 (Windows-1252, converted) is said, so that its accented letters are checked.
  const converted = (s.converted ?? []).map((c) => encodingNotice(c.file, c.encoding)).filter(Boolean);
  return [`${parts.join('')}.`, ...converted].join(' ');
}
