import { and, eq, getTableColumns, getTableName, isNull, sql } from 'drizzle-orm';
import { actorLabel, type Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, Tx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { NotFoundError, ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { inBatches, writeInBatches } from '../../shared/imports/batches.ts';
import type { TextEncodingName } from '../../shared/imports/decode.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { planActions, planBudgetLines, planObjectives, plans } from '../planning/index.server.ts';
import { listAmbitoComuni, ambiti } from '../territory/index.server.ts';
import { budgetKey, latestOf, paidOverCommitted, validateCarryOver } from './budget-tracking.rules.ts';
import { parseFundingSources, parseSpendingAreas } from './catalogues.ts';
import { DECREASE_REASON_LABELS, formatEuro, validateCutOffValue, type DecreaseReason } from './finance.rules.ts';
import { authorize, can } from './finance.policy.ts';
import { getCatalogue, getFundingSourceRow } from './catalogue.queries.ts';
import { comuniByIstat, loadPlanBudgetData, planBudgetStatus, toCutOffRecord } from './finance.queries.ts';
import {
  budgetCarryOvers,
  budgetCutOffs,
  fundAllocations,
  fundingSources,
  serviceUsers,
  spendingAreaMappings,
  spendingAreas,
  spendingFacts,
} from './finance.schema.ts';
import { AllocationInput, CarryOverInput, CutOffInput, FundingSourceEditInput } from './finance.validation.ts';
import {
  AMBITO_ENTE,
  csvLineCount,
  feedCsv,
  finishSpendingImport,
  importFailedMessage,
  spendingReader,
  usersReader,
  type CsvFile,
  type RecordSource,
  type RowPace,
  type RowRef,
  type SpendingImport,
  type SpendingImportOptions,
} from './spending-import.ts';
import { feedSpendingWorkbook, SPENDING_SHEET, USERS_SHEET } from './spending-xlsx.ts';

async function ambitoScope(db: Db | Tx, ambitoId: string) {
  const [a] = await db
    .select(pick(ambiti, 'id', 'code', 'name', 'regionCode'))
    .from(ambiti)
    .where(eq(ambiti.id, ambitoId));
  if (!a) throw new NotFoundError('L’Ambito');
  return a;
}

// ───────────────────────────── catalogues ─────────────────────────────

/**
 * Loads the catalogues of funding sources and spending areas from their files (fixtures/catalogues): codes not yet
 * in the installation are added; codes already there are left as the administrator may have edited them. All or
 * nothing; one audit entry.
 */
export async function loadCatalogues({
  db,
  actor,
  funding,
  areas,
}: {
  db: Db;
  actor: Actor;
  funding: { fileName: string; text: string };
  areas: { fileName: string; text: string };
}) {
  authorize(actor, 'catalogue.edit', null);
  const sources = parseFundingSources(funding.fileName, funding.text);
  const catalogue = parseSpendingAreas(areas.fileName, areas.text);
  return db.transaction(async (tx) => {
    const knownSources = new Set((await tx.select({ code: fundingSources.code }).from(fundingSources)).map((r) => r.code));
    const newSources = sources
      .map((s, position) => ({ s, position }))
      .filter(({ s }) => !knownSources.has(s.code))
      .map(({ s, position }) => ({
        code: s.code,
        position,
        name: s.name,
        shortName: s.shortName,
        kind: s.kind,
        parentCode: s.parent,
        legalBasis: s.legalBasis,
        activeFrom: s.activeFrom,
        activeTo: s.activeTo,
        aliases: s.aliases,
        notes: s.notes,
      }));
    if (newSources.length) await tx.insert(fundingSources).values(newSources);
    const knownAreas = new Set(
      (await tx.select({ c: spendingAreas.classificationCode, a: spendingAreas.code }).from(spendingAreas)).map((r) => `${r.c}|${r.a}`),
    );
    const newAreas = catalogue.classifications.flatMap((c) =>
      c.areas
        .map((a, position) => ({
          classificationCode: c.code,
          classificationName: c.name,
          code: a.code,
          position,
          name: a.name,
          aliases: a.aliases,
          description: a.description,
        }))
        .filter((a) => !knownAreas.has(`${a.classificationCode}|${a.code}`)),
    );
    if (newAreas.length) await tx.insert(spendingAreas).values(newAreas);
    const knownMappings = new Set(
      (
        await tx
          .select({ f: spendingAreaMappings.fromClassification, t: spendingAreaMappings.toClassification, a: spendingAreaMappings.fromArea })
          .from(spendingAreaMappings)
      ).map((r) => `${r.f}|${r.t}|${r.a}`),
    );
    const newMappings = catalogue.mappings.flatMap((m) =>
      m.entries
        .filter((e) => !knownMappings.has(`${m.from}|${m.to}|${e.from}`))
        .map((e) => ({ fromClassification: m.from, toClassification: m.to, fromArea: e.from, toArea: e.to, fit: e.fit, note: e.note })),
    );
    if (newMappings.length) await tx.insert(spendingAreaMappings).values(newMappings);
    const summary = {
      files: [funding.fileName, areas.fileName],
      sourcesAdded: newSources.length,
      sourcesKept: sources.length - newSources.length,
      areasAdded: newAreas.length,
      mappingsAdded: newMappings.length,
    };
    await recordAudit(tx, { actor, action: 'finance.catalogue.loaded', entityType: 'import', entityId: funding.fileName, after: summary });
    return summary;
  });
}

/** Edits a funding source of the installation's catalogue (administrator; versioned and audited). */
export async function updateFundingSource({ db, actor, code, input }: { db: Db; actor: Actor; code: string; input: unknown }) {
  authorize(actor, 'catalogue.edit', null);
  const { version, ...patch } = parseInput(FundingSourceEditInput, input);
  return db.transaction(async (tx) => {
    const row = await getFundingSourceRow(tx, code);
    if (!row) throw new NotFoundError('La fonte di finanziamento');
    const { before, after } = await updateVersioned(tx, fundingSources, row.id, version, patch, 'la fonte di finanziamento');
    await recordAudit(tx, { actor, action: 'finance.funding_source.updated', entityType: 'funding_source', entityId: row.id, before, after });
    return after;
  });
}

// ───────────────────────────── spending import ─────────────────────────────

export type SpendingUpload = { kind: 'csv'; spending: CsvFile; users?: CsvFile | null } | { kind: 'xlsx'; fileName: string; data: Uint8Array };

export interface SpendingImportSummary {
  files: string[];
  years: number[];
  enti: string[];
  spendingRows: number;
  usersRows: number;
  controlTotalsChecked: number;
  replacedSpendingRows: number;
  replacedUsersRows: number;
  /** The CSV files that were not UTF-8 and were converted (Windows-1252), with their encoding; absent when none. */
  converted?: { file: string; encoding: TextEncodingName }[];
}

/**
 * What an import does around reading and writing — the same import runs in a background job (ADR 0015) and directly
 * (demo, tests): its progress (`step`: a key of finance's dictionary), a turn for the event loop, its one transaction.
 */
export interface ImportRun {
  progress(done: number, total: number | null, step: string): Promise<void>;
  pause(): Promise<void>;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/** Every this many rows read, the import reports its progress and gives the event loop a turn. */
export const PROGRESS_EVERY_ROWS = 2_000;

export const IMPORT_STEPS = { read: 'finance.job.step.read', write: 'finance.job.step.write' } as const;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An import run directly (not as a job): its own transaction, turns for the event loop, no progress to show. */
const directRun = (db: Db): ImportRun => ({ progress: async () => {}, pause: turn, transaction: (fn) => db.transaction(fn) });

/**
 * Imports annual spending (and, when given, users) of an Ambito from two CSV files or one XLSX workbook. All or
 * nothing: every problem is reported with file, sheet, row and column, and nothing changes unless everything is
 * valid. The rows of each year × ente in the file replace that year × ente's previous figures. A comune referent may
 * import only rows of its own comune: rows of the Ambito or of another comune are refused, named by row.
 * The page queues the same import as a job (finance.jobs.ts); the demo and the tests call it directly.
 */
export async function importSpending({
  db,
  actor,
  ambitoId,
  upload,
  run = directRun(db),
}: {
  db: Db;
  actor: Actor;
  ambitoId: string;
  upload: SpendingUpload;
  run?: ImportRun;
}): Promise<SpendingImportSummary> {
  const ambito = await ambitoScope(db, ambitoId);
  authorize(actor, 'spending.import', ambito);
  const catalogue = await getCatalogue(db);
  if (catalogue.fundingSources.length === 0 || catalogue.areas.length === 0) {
    throw new ValidationError([{ path: 'cataloghi', message: tr('finance.cmd.cataloguesMissing') }], tr('finance.cmd.importImpossible'));
  }
  const members = await listAmbitoComuni(db, ambitoId);
  const files = upload.kind === 'xlsx' ? [upload.fileName] : [upload.spending.fileName, ...(upload.users ? [upload.users.fileName] : [])];
  const converted: { file: string; encoding: TextEncodingName }[] = [];
  const data = await readSpendingUpload(
    upload,
    { fundingSources: catalogue.fundingSources, areas: catalogue.areas, memberIstatCodes: members.map((m) => m.istatCode) },
    run,
    (file, encoding) => {
      if (encoding !== 'UTF-8') converted.push({ file, encoding });
    },
  );
  const byIstat = await comuniByIstat(
    db,
    data.summary.enti.filter((e) => e !== AMBITO_ENTE),
  );
  const comuneOf = (ente: string) => (ente === AMBITO_ENTE ? null : byIstat.get(ente)!.id);

  // Who may enter which figures: checked per ente, and a refusal names the first row of that ente.
  const issues: FieldIssue[] = [];
  const firstRow = new Map<string, RowRef>();
  for (const list of [data.rows, data.controlTotals, data.users])
    for (const r of list) {
      const first = firstRow.get(r.ente);
      if (!first || r.ref.row < first.row) firstRow.set(r.ente, r.ref);
    }
  for (const ente of data.summary.enti) {
    if (can(actor, 'spending.write', { ...ambito, comuneId: comuneOf(ente) })) continue;
    const first = firstRow.get(ente)!;
    const where = [
      first.file,
      first.sheet ? tr('finance.cmd.where.sheet', { sheet: first.sheet }) : null,
      tr('finance.cmd.where.row', { row: first.row }),
      tr('finance.cmd.where.enteColumn'),
    ]
      .filter(Boolean)
      .join(', ');
    issues.push({
      path: where,
      message: ente === AMBITO_ENTE ? tr('finance.cmd.referent.ambitoRows') : tr('finance.cmd.referent.otherComune', { ente, name: byIstat.get(ente)!.name }),
    });
  }
  if (issues.length) throw new ValidationError(issues, importFailedMessage(files, issues.length));

  const describe = (ref: RecordSource) => (ref.sheet ? `${ref.file}, foglio ${ref.sheet}` : ref.file);
  const total = data.rows.length + data.users.length;
  const written = async (n: number) => {
    await run.progress(n, total, IMPORT_STEPS.write);
    await run.pause();
  };
  await run.progress(0, total, IMPORT_STEPS.write);
  return run.transaction(async (tx) => {
    // The rows of each year × ente in the file replace that year × ente's previous figures.
    const replacedSpendingRows = await deleteYearsOf(tx, spendingFacts, ambitoId, [...data.rows, ...data.controlTotals], comuneOf, () => written(0));
    const spendingRows = await writeInBatches(
      data.rows,
      (batch) =>
        tx.execute(sql`insert into ${spendingFacts} (${columns(spendingFacts, 'ambitoId', 'comuneId', 'year', 'areaCode', 'channelCode', 'nature', 'amountCents', 'note', 'source')})
          select ${ambitoId}::uuid, * from unnest(
            ${sql.param(batch.map((r) => comuneOf(r.ente)))}::uuid[], ${sql.param(batch.map((r) => r.year))}::int[],
            ${sql.param(batch.map((r) => r.area))}::text[], ${sql.param(batch.map((r) => r.channel))}::text[],
            ${sql.param(batch.map((r) => r.nature))}::text[], ${sql.param(batch.map((r) => r.amountCents))}::bigint[],
            ${sql.param(batch.map((r) => r.note))}::text[], ${sql.param(batch.map((r) => describe(r.ref)))}::text[])`),
      { after: written },
    );
    const replacedUsersRows = await deleteYearsOf(tx, serviceUsers, ambitoId, data.users, comuneOf, () => written(spendingRows));
    await writeInBatches(
      data.users,
      (batch) =>
        tx.execute(sql`insert into ${serviceUsers} (${columns(serviceUsers, 'ambitoId', 'comuneId', 'year', 'areaCode', 'users', 'spendCents', 'published', 'note', 'source')})
          select ${ambitoId}::uuid, u.comune, u.year, u.area, u.users, u.spend, u.published::jsonb, u.note, u.source from unnest(
            ${sql.param(batch.map((u) => comuneOf(u.ente)))}::uuid[], ${sql.param(batch.map((u) => u.year))}::int[],
            ${sql.param(batch.map((u) => u.area))}::text[], ${sql.param(batch.map((u) => u.users))}::int[],
            ${sql.param(batch.map((u) => u.spendCents))}::bigint[], ${sql.param(batch.map((u) => JSON.stringify(u.published)))}::text[],
            ${sql.param(batch.map((u) => u.note))}::text[], ${sql.param(batch.map((u) => describe(u.ref)))}::text[])
            as u(comune, year, area, users, spend, published, note, source)`),
      { after: (n) => written(spendingRows + n) },
    );
    const summary: SpendingImportSummary = {
      files,
      years: data.summary.years,
      enti: data.summary.enti,
      spendingRows: data.summary.spendingRows,
      usersRows: data.summary.usersRows,
      controlTotalsChecked: data.summary.controlTotalsChecked,
      replacedSpendingRows,
      replacedUsersRows,
      ...(converted.length ? { converted } : {}),
    };
    await recordAudit(tx, { actor, action: 'finance.spending.imported', entityType: 'import', entityId: files.join(' + '), ambitoId, after: summary });
    return summary;
  });
}

/**
 * Reads and checks the uploaded files row by row (CSV or the sheets of a workbook are never held as whole tables),
 * reporting the progress every PROGRESS_EVERY_ROWS rows and giving the event loop a turn; throws ValidationError with
 * every problem (file, sheet, row, column), or a limit's, or JobCancelled from the progress report.
 */
async function readSpendingUpload(
  upload: SpendingUpload,
  options: SpendingImportOptions,
  run: ImportRun,
  encodingOf: (file: string, encoding: TextEncodingName) => void,
): Promise<SpendingImport> {
  const total =
    upload.kind === 'csv' ? [upload.spending, ...(upload.users ? [upload.users] : [])].reduce((n, f) => n + Math.max(0, csvLineCount(f) - 1), 0) : null;
  let rows = 0;
  const pace: RowPace = {
    tick() {
      rows++;
      if (rows % PROGRESS_EVERY_ROWS !== 0) return undefined;
      return run.progress(rows, total === null ? null : Math.max(total, rows), IMPORT_STEPS.read).then(run.pause);
    },
  };
  await run.progress(0, total, IMPORT_STEPS.read);
  if (upload.kind === 'xlsx') {
    const spendingSource = { file: upload.fileName, sheet: SPENDING_SHEET };
    const usersSource = { file: upload.fileName, sheet: USERS_SHEET };
    const spending = spendingReader(spendingSource, options);
    const users = usersReader(usersSource, options);
    const book = await feedSpendingWorkbook(upload.fileName, upload.data, { spending, users }, pace);
    return finishSpendingImport({ source: spendingSource, read: spending.finish() }, book.users ? { source: usersSource, read: users.finish() } : null);
  }
  const spendingSource = { file: upload.spending.fileName };
  const spending = spendingReader(spendingSource, options);
  encodingOf(upload.spending.fileName, await feedCsv(upload.spending, spending, pace));
  if (!upload.users) return finishSpendingImport({ source: spendingSource, read: spending.finish() }, null);
  const usersSource = { file: upload.users.fileName };
  const users = usersReader(usersSource, options);
  encodingOf(upload.users.fileName, await feedCsv(upload.users, users, pace));
  return finishSpendingImport({ source: spendingSource, read: spending.finish() }, { source: usersSource, read: users.finish() });
}

/** The comune of the Ambito's own rows in a comparison (null never equals null). */
const NO_COMUNE = '00000000-0000-0000-0000-000000000000';

/** A table's columns by their names in the schema, for a hand-written INSERT. */
function columns<T extends typeof spendingFacts | typeof serviceUsers>(table: T, ...keys: (keyof T['_']['columns'] & string)[]) {
  const all = getTableColumns(table) as Record<string, { name: string }>;
  return sql.join(
    keys.map((k) => sql.identifier(all[k]!.name)),
    sql`, `,
  );
}

/**
 * Deletes the rows of the year × ente pairs of `records` (an import replaces them), in batches sized so that the
 * event loop is not held (see inBatches). The rows are found once, by a cursor read batch by batch: a LIMITed
 * DELETE repeated would walk again over the rows the previous batches deleted (still in the index, dead), which
 * made replacing 100.000 rows quadratic. Returns how many rows were deleted.
 */
async function deleteYearsOf(
  tx: Tx,
  table: typeof spendingFacts | typeof serviceUsers,
  ambitoId: string,
  records: readonly { year: number; ente: string }[],
  comuneOf: (ente: string) => string | null,
  after: () => Promise<void>,
): Promise<number> {
  const pairs = new Map<string, { year: number; comune: string }>();
  for (const r of records) pairs.set(`${r.year}|${r.ente}`, { year: r.year, comune: comuneOf(r.ente) ?? NO_COMUNE });
  if (pairs.size === 0) return 0;
  const cursor = sql.identifier(`replaced_${getTableName(table)}`);
  await tx.execute(sql`declare ${cursor} no scroll cursor for
    select ${table.id} as id from ${table}
    where ${table.ambitoId} = ${ambitoId}
      and (${table.year}, coalesce(${table.comuneId}, ${NO_COMUNE}::uuid)) in (
        select * from unnest(${sql.param([...pairs.values()].map((p) => p.year))}::int[], ${sql.param([...pairs.values()].map((p) => p.comune))}::uuid[]))`);
  let deleted = 0;
  await inBatches(
    async (size) => {
      const found = await tx.execute<{ id: string }>(sql`fetch forward ${sql.raw(String(Math.floor(size)))} from ${cursor}`);
      const ids = (found as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
      if (ids.length > 0) await tx.execute(sql`delete from ${table} where ${table.id} = any(${sql.param(ids)}::uuid[])`);
      deleted += ids.length;
      return ids.length;
    },
    { after },
  );
  await tx.execute(sql`close ${cursor}`);
  return deleted;
}

// ───────────────────────────── fund allocations ─────────────────────────────

/** A fund must be in the installation's catalogue of funding sources. */
async function requireFund(tx: Tx, code: string) {
  const [fund] = await tx.select({ code: fundingSources.code }).from(fundingSources).where(eq(fundingSources.code, code));
  if (!fund) throw new ValidationError([{ path: 'fund', message: tr('finance.cmd.fundUnknown') }]);
}

/** Records a fund's allocation to the Ambito for a year (Ufficio di Piano). */
export async function recordFundAllocation({ db, actor, ambitoId, input }: { db: Db; actor: Actor; ambitoId: string; input: unknown }) {
  authorize(actor, 'allocation.write', await ambitoScope(db, ambitoId));
  const v = parseInput(AllocationInput, input);
  return db.transaction(async (tx) => {
    await requireFund(tx, v.fund);
    const [row] = await tx
      .insert(fundAllocations)
      .values({ ambitoId, fundCode: v.fund, year: v.year, amountCents: v.amountEuro, act: v.act, note: v.note })
      .returning();
    await recordAudit(tx, { actor, action: 'finance.allocation.recorded', entityType: 'fund_allocation', entityId: row!.id, ambitoId, after: row });
    return row!;
  });
}

// ───────────────────────────── plan budget: cut-offs and carry-overs ─────────────────────────────

/** The plan and its Ambito, the scope a budget entry is authorised against. */
async function planScope(db: Db | Tx, planId: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw new NotFoundError('Il piano');
  return { plan, ambito: await ambitoScope(db, plan.ambitoId) };
}

/** Authorises a budget entry on the plan, then validates its input: the first two steps of the budget commands. */
async function budgetEntry<T>(db: Db, actor: Actor, planId: string, schema: Parameters<typeof parseInput<T>>[0], input: unknown) {
  authorize(actor, 'budget.record', (await planScope(db, planId)).ambito);
  return parseInput(schema, input);
}

/** Inside the transaction: the plan (locked, so that "previous" values are really the latest), and the objective and
 * action the entry is about, which must belong to it. */
async function planContext(tx: Tx, planId: string, objectiveId: string, actionId: string | null) {
  const { plan, ambito } = await planScope(tx, planId);
  await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, planId)).for('update');
  const [objective] = await tx
    .select()
    .from(planObjectives)
    .where(and(eq(planObjectives.id, objectiveId), eq(planObjectives.planId, planId)));
  if (!objective) throw new ValidationError([{ path: 'objectiveId', message: tr('finance.cmd.objectiveElsewhere') }]);
  if (actionId) {
    const [action] = await tx
      .select({ id: planActions.id })
      .from(planActions)
      .where(and(eq(planActions.id, actionId), eq(planActions.objectiveId, objectiveId)));
    if (!action) throw new ValidationError([{ path: 'actionId', message: tr('finance.cmd.actionElsewhere') }]);
  }
  return { plan, ambito, objective };
}

/** The columns that say what a cut-off or a carry-over is about: the plan's objective (and action) × fund. */
const entryKey = (ambitoId: string, planId: string, v: { objectiveId: string; actionId: string | null; fund: string }) => ({
  ambitoId,
  planId,
  objectiveId: v.objectiveId,
  actionId: v.actionId,
  fundCode: v.fund,
});

const FIELD_OF: Record<string, string> = { data: 'date', importo: 'amountEuro', motivo: 'reason' };

/**
 * Records the budgeted, committed or paid amount of an objective (and action) × fund × year at a cut-off date. The
 * previous value is the latest record of the same key and measure (for the budgeted amount, the plan's budget lines
 * when nothing is recorded yet); a lower value is refused without a reason (correzione di un errore, disimpegno), and
 * a date earlier than the previous record's is refused. Records are kept as history, never overwritten.
 */
export async function recordCutOff({ db, actor, planId, input }: { db: Db; actor: Actor; planId: string; input: unknown }) {
  const v = await budgetEntry(db, actor, planId, CutOffInput, input);
  return db.transaction(async (tx) => {
    const { plan, ambito } = await planContext(tx, planId, v.objectiveId, v.actionId);
    await requireFund(tx, v.fund);
    if (v.year !== null && (v.year < plan.periodStartYear || v.year > plan.periodEndYear)) {
      throw new ValidationError([{ path: 'year', message: tr('finance.cmd.yearOutside', { from: plan.periodStartYear, to: plan.periodEndYear }) }]);
    }
    const sameKey = and(
      eq(budgetCutOffs.planId, planId),
      eq(budgetCutOffs.objectiveId, v.objectiveId),
      v.actionId ? eq(budgetCutOffs.actionId, v.actionId) : isNull(budgetCutOffs.actionId),
      eq(budgetCutOffs.fundCode, v.fund),
      v.year === null ? isNull(budgetCutOffs.year) : eq(budgetCutOffs.year, v.year),
    );
    const same = await tx
      .select()
      .from(budgetCutOffs)
      .where(and(sameKey, eq(budgetCutOffs.measure, v.measure)));
    const latest = same
      .sort((a, b) => (a.cutOffDate < b.cutOffDate ? -1 : a.cutOffDate > b.cutOffDate ? 1 : a.createdAt.getTime() - b.createdAt.getTime()))
      .at(-1);
    let previous: { date: string; amountCents: number } | null = latest ? { date: latest.cutOffDate, amountCents: latest.amountCents } : null;
    if (!previous && v.measure === 'budgeted' && v.actionId === null) {
      const lines = await tx
        .select({ amountCents: planBudgetLines.amountCents })
        .from(planBudgetLines)
        .where(
          and(
            eq(planBudgetLines.objectiveId, v.objectiveId),
            eq(planBudgetLines.fund, v.fund),
            v.year === null ? isNull(planBudgetLines.year) : eq(planBudgetLines.year, v.year),
          ),
        );
      if (lines.length) previous = { date: '0000-01-01', amountCents: lines.reduce((s, l) => s + l.amountCents, 0) };
    }
    const check = validateCutOffValue({ measure: v.measure, previous, next: { date: v.date, amountCents: v.amountEuro }, reason: v.reason });
    if (!check.ok) {
      throw new ValidationError(
        check.issues.map((i) => ({ path: FIELD_OF[i.path] ?? i.path, message: i.message })),
        check.issues.some((i) => i.path === 'motivo') ? tr('finance.cmd.decreaseReason') : undefined,
      );
    }
    const [row] = await tx
      .insert(budgetCutOffs)
      .values({
        ...entryKey(ambito.id, planId, v),
        year: v.year,
        measure: v.measure,
        cutOffDate: v.date,
        amountCents: v.amountEuro,
        previousCents: previous?.amountCents ?? null,
        reason: check.reason,
        note: v.note,
        createdBy: actorLabel(actor),
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'finance.budget.cut_off_recorded',
      entityType: 'budget_cut_off',
      entityId: row!.id,
      ambitoId: ambito.id,
      before: previous,
      after: { ...row, reasonLabel: check.reason ? DECREASE_REASON_LABELS[check.reason as DecreaseReason] : null },
    });
    // Paid above committed is legal to record, but the answer says so (with the amounts now current for the key).
    const records = (await tx.select().from(budgetCutOffs).where(sameKey)).map(toCutOffRecord);
    const key = { objectiveId: v.objectiveId, actionId: v.actionId, fund: v.fund, year: v.year };
    const warning = paidOverCommitted({
      committedCents: latestOf(records, key, 'committed')?.amountCents ?? null,
      paidCents: latestOf(records, key, 'paid')?.amountCents ?? null,
    });
    return { ...row!, paidOverCommitted: warning };
  });
}

/**
 * Carries unspent money of an objective (and action) × fund from a year to the next one of the plan: at most what
 * was neither committed nor paid in that year (see budget-tracking.rules.ts).
 */
export async function carryOver({ db, actor, planId, input }: { db: Db; actor: Actor; planId: string; input: unknown }) {
  const v = await budgetEntry(db, actor, planId, CarryOverInput, input);
  return db.transaction(async (tx) => {
    const { plan, ambito } = await planContext(tx, planId, v.objectiveId, v.actionId);
    const rows = planBudgetStatus((await loadPlanBudgetData(tx, planId))!);
    const key = budgetKey({ objectiveId: v.objectiveId, actionId: v.actionId, fund: v.fund, year: v.fromYear });
    const status = rows.find((r) => budgetKey(r) === key) ?? null;
    const check = validateCarryOver({
      fromYear: v.fromYear,
      amountCents: v.amountEuro,
      status,
      planPeriod: { fromYear: plan.periodStartYear, toYear: plan.periodEndYear },
    });
    if (!check.ok) throw new ValidationError(check.issues.map((i) => ({ path: i.path === 'anno_origine' ? 'fromYear' : 'amountEuro', message: i.message })));
    const [row] = await tx
      .insert(budgetCarryOvers)
      .values({
        ...entryKey(ambito.id, planId, v),
        fromYear: v.fromYear!,
        toYear: check.toYear,
        amountCents: v.amountEuro,
        decisionDate: v.date,
        note: v.note,
        createdBy: actorLabel(actor),
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'finance.budget.carried_over',
      entityType: 'budget_carry_over',
      entityId: row!.id,
      ambitoId: ambito.id,
      after: { ...row, message: `${formatEuro(v.amountEuro)} riportati dal ${v.fromYear} al ${check.toYear}` },
    });
    return row!;
  });
}

/** Used by tests and the demo: the ids of the plan's objectives by code. */
export async function objectiveIdsByCode(db: Db, planId: string) {
  const rows = await db.select({ id: planObjectives.id, code: planObjectives.code }).from(planObjectives).where(eq(planObjectives.planId, planId));
  return new Map(rows.map((r) => [r.code, r.id]));
}
