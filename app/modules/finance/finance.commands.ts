import { and, eq, isNull } from 'drizzle-orm';
import { actorLabel, type Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, Tx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { NotFoundError, ValidationError, type FieldIssue } from '../../shared/errors.ts';
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
import { AMBITO_ENTE, importFailedMessage, importSpendingTables, tableFromCsv, type RawTable, type RecordSource } from './spending-import.ts';
import { readSpendingWorkbook } from './spending-xlsx.ts';

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

export type SpendingUpload =
  | { kind: 'csv'; spending: { fileName: string; text: string }; users?: { fileName: string; text: string } | null }
  | { kind: 'xlsx'; fileName: string; data: Uint8Array };

export interface SpendingImportSummary {
  files: string[];
  years: number[];
  enti: string[];
  spendingRows: number;
  usersRows: number;
  controlTotalsChecked: number;
  replacedSpendingRows: number;
  replacedUsersRows: number;
}

const sameComune = (column: typeof spendingFacts.comuneId | typeof serviceUsers.comuneId, comuneId: string | null) =>
  comuneId === null ? isNull(column) : eq(column, comuneId);

/**
 * Imports annual spending (and, when given, users) of an Ambito from two CSV files or one XLSX workbook. All or
 * nothing: every problem is reported with file, sheet, row and column, and nothing changes unless everything is
 * valid. The rows of each year × ente in the file replace that year × ente's previous figures. A comune referent may
 * import only rows of its own comune: rows of the Ambito or of another comune are refused, named by row.
 */
export async function importSpending({
  db,
  actor,
  ambitoId,
  upload,
}: {
  db: Db;
  actor: Actor;
  ambitoId: string;
  upload: SpendingUpload;
}): Promise<SpendingImportSummary> {
  const ambito = await ambitoScope(db, ambitoId);
  authorize(actor, 'spending.import', ambito);
  const catalogue = await getCatalogue(db);
  if (catalogue.fundingSources.length === 0 || catalogue.areas.length === 0) {
    throw new ValidationError([{ path: 'cataloghi', message: tr('finance.cmd.cataloguesMissing') }], tr('finance.cmd.importImpossible'));
  }
  const members = await listAmbitoComuni(db, ambitoId);
  let tables: { spending: { source: RecordSource; table: RawTable }; users?: { source: RecordSource; table: RawTable } };
  let files: string[];
  if (upload.kind === 'xlsx') {
    const book = await readSpendingWorkbook(upload.fileName, upload.data);
    tables = {
      spending: { source: { file: upload.fileName, sheet: 'spesa' }, table: book.spending },
      users: book.users ? { source: { file: upload.fileName, sheet: 'utenti' }, table: book.users } : undefined,
    };
    files = [upload.fileName];
  } else {
    tables = {
      spending: { source: { file: upload.spending.fileName }, table: tableFromCsv(upload.spending.text) },
      users: upload.users ? { source: { file: upload.users.fileName }, table: tableFromCsv(upload.users.text) } : undefined,
    };
    files = [upload.spending.fileName, ...(upload.users ? [upload.users.fileName] : [])];
  }
  const data = importSpendingTables(tables, {
    fundingSources: catalogue.fundingSources,
    areas: catalogue.areas,
    memberIstatCodes: members.map((m) => m.istatCode),
  });
  const byIstat = await comuniByIstat(
    db,
    data.summary.enti.filter((e) => e !== AMBITO_ENTE),
  );
  const comuneOf = (ente: string) => (ente === AMBITO_ENTE ? null : byIstat.get(ente)!.id);

  // Who may enter which figures: checked per ente, and a refusal names the first row of that ente.
  const issues: FieldIssue[] = [];
  const refs = [...data.rows, ...data.controlTotals, ...data.users];
  for (const ente of data.summary.enti) {
    if (can(actor, 'spending.write', { ...ambito, comuneId: comuneOf(ente) })) continue;
    const first = refs.filter((r) => r.ente === ente).sort((a, b) => a.ref.row - b.ref.row)[0]!;
    const where = [
      first.ref.file,
      first.ref.sheet ? tr('finance.cmd.where.sheet', { sheet: first.ref.sheet }) : null,
      tr('finance.cmd.where.row', { row: first.ref.row }),
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

  return db.transaction(async (tx) => {
    // The rows of each year × ente in the file replace that year × ente's previous figures.
    const clearYears = async (table: typeof spendingFacts | typeof serviceUsers, records: readonly { year: number; ente: string }[]) => {
      let deleted = 0;
      for (const pair of new Set(records.map((r) => `${r.year}|${r.ente}`))) {
        const [y, ente] = pair.split('|') as [string, string];
        const where = and(eq(table.ambitoId, ambitoId), eq(table.year, Number(y)), sameComune(table.comuneId, comuneOf(ente)));
        deleted += (await tx.delete(table).where(where).returning({ id: table.id })).length;
      }
      return deleted;
    };
    const replacedSpendingRows = await clearYears(spendingFacts, [...data.rows, ...data.controlTotals]);
    const describe = (ref: RecordSource) => (ref.sheet ? `${ref.file}, foglio ${ref.sheet}` : ref.file);
    const factRows = data.rows.map((r) => ({
      ambitoId,
      comuneId: comuneOf(r.ente),
      year: r.year,
      areaCode: r.area,
      channelCode: r.channel,
      nature: r.nature,
      amountCents: r.amountCents,
      note: r.note,
      source: describe(r.ref),
    }));
    for (let i = 0; i < factRows.length; i += 500) await tx.insert(spendingFacts).values(factRows.slice(i, i + 500));
    const replacedUsersRows = await clearYears(serviceUsers, data.users);
    if (data.users.length) {
      await tx.insert(serviceUsers).values(
        data.users.map((u) => ({
          ambitoId,
          comuneId: comuneOf(u.ente),
          year: u.year,
          areaCode: u.area,
          users: u.users,
          spendCents: u.spendCents,
          published: u.published,
          note: u.note,
          source: describe(u.ref),
        })),
      );
    }
    const summary: SpendingImportSummary = {
      files,
      years: data.summary.years,
      enti: data.summary.enti,
      spendingRows: data.summary.spendingRows,
      usersRows: data.summary.usersRows,
      controlTotalsChecked: data.summary.controlTotalsChecked,
      replacedSpendingRows,
      replacedUsersRows,
    };
    await recordAudit(tx, { actor, action: 'finance.spending.imported', entityType: 'import', entityId: files.join(' + '), ambitoId, after: summary });
    return summary;
  });
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
