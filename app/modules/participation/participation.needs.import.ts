// The needs register's CSV import: every row checked (zod) and every problem named by file, row and column; one
// problem refuses the whole file (nothing is written); a row already in the register (same table, category, need and
// source) is not written twice, so importing the same file again changes nothing.
import { and, eq, inArray } from 'drizzle-orm';
import { parseCsv } from '../../shared/csv.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { isIsoDateInRange, isUuid, z } from '../../shared/validation.ts';
import { bodies, meetings } from '../governance/index.server.ts';
import { planObjectives, plans } from '../planning/index.server.ts';
import { listAmbitoComuni } from '../territory/index.server.ts';
import { auditFact, command, type CommandContext, invalid } from './participation.command.ts';
import { matchTable, NEED_PRIORITIES, NEED_SOURCES, normalName } from './participation.needs.rules.ts';
import { needObjectives, needs, thematicTables } from './participation.schema.ts';

export const NEED_COLUMNS = [
  'tavolo',
  'categoria',
  'bisogno',
  'destinatari',
  'area',
  'comuni',
  'fonte',
  'data_incontro',
  'nota_fonte',
  'evidenze',
  'priorita',
  'obiettivi',
] as const;

const cell = z
  .string()
  .trim()
  .transform((v) => (v ? v : null));
const list = z
  .string()
  .trim()
  .transform((v) =>
    v
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const rowSchema = z.object({
  tavolo: cell,
  categoria: cell,
  bisogno: z
    .string()
    .trim()
    .min(3, { error: () => tr('part.needs.error.statement') }),
  destinatari: cell,
  area: cell,
  comuni: list,
  fonte: z.enum(NEED_SOURCES, { error: () => tr('part.needs.error.source') }),
  data_incontro: cell.refine((v) => v === null || isIsoDateInRange(v), { error: () => tr('part.needs.import.error.date') }),
  nota_fonte: cell,
  evidenze: cell,
  priorita: z.enum(['', ...NEED_PRIORITIES], { error: () => tr('part.needs.error.priority') }).transform((v) => (v ? v : null)),
  obiettivi: list,
});

export type NeedRow = z.infer<typeof rowSchema> & { line: number };

/** Reads a needs CSV: the rows, or every problem by file, row and column (the caller refuses the file on any). */
export function parseNeedsCsv(fileName: string, text: string): { rows: NeedRow[]; issues: FieldIssue[] } {
  const table = parseCsv(text);
  const issues: FieldIssue[] = [];
  const missing = NEED_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length)
    return {
      rows: [],
      issues: [
        { path: `${fileName}, riga 1`, message: tr('part.needs.import.error.header', { missing: missing.join(', '), expected: NEED_COLUMNS.join(', ') }) },
      ],
    };
  const unknown = table.header.filter((h) => !(NEED_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) issues.push({ path: `${fileName}, riga 1`, message: tr('part.needs.import.error.unknownColumns', { columns: unknown.join(', ') }) });
  const rows: NeedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    if (cells.length !== table.header.length) {
      issues.push({ path: `${fileName}, riga ${line}`, message: tr('part.needs.import.error.cells', { cells: cells.length, header: table.header.length }) });
      continue;
    }
    const record = Object.fromEntries(table.header.map((h, i) => [h, cells[i] ?? '']));
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ path: `${fileName}, riga ${line}, colonna ${String(i.path[0] ?? '?')}`, message: i.message });
      continue;
    }
    const key = [parsed.data.tavolo, parsed.data.categoria, parsed.data.bisogno, parsed.data.fonte].join('\u0000').toLowerCase();
    const previous = seen.get(key);
    if (previous !== undefined)
      issues.push({ path: `${fileName}, riga ${line}, colonna bisogno`, message: tr('part.needs.import.error.duplicate', { line: previous }) });
    else seen.set(key, line);
    rows.push({ ...parsed.data, line });
  }
  if (!table.rows.length) issues.push({ path: `${fileName}, riga 2`, message: tr('part.needs.import.error.empty') });
  return { rows, issues };
}

const identity = (r: { tableId: string | null; category: string | null; statement: string; sourceKind: string }) =>
  [r.tableId ?? '', normalName(r.category ?? ''), normalName(r.statement), r.sourceKind].join('\u0000');

/**
 * Imports a needs CSV into the Ambito's register (need.write): tables by name, comuni by name, the meeting of the
 * table's body on `data_incontro` when there is one, objectives by code in `planId`'s plan. All or nothing.
 */
export function importNeeds(ctx: CommandContext, input: { fileName: string; text: string; planId?: string | null }) {
  return command(ctx, 'need.write', async (tx, scope) => {
    const { fileName } = input;
    const { rows, issues } = parseNeedsCsv(fileName, input.text);
    const at = (line: number, column: string) => `${fileName}, riga ${line}, colonna ${column}`;
    const planId = input.planId && isUuid(input.planId) ? input.planId : null;
    if (input.planId && !planId) invalid('planId', tr('part.needs.error.unknown', { what: tr('part.needs.field.plan') }));
    if (planId) {
      const [p] = await tx
        .select({ id: plans.id })
        .from(plans)
        .where(and(eq(plans.id, planId), eq(plans.ambitoId, scope.id)));
      if (!p) invalid('planId', tr('part.needs.error.unknown', { what: tr('part.needs.field.plan') }));
    }
    // A table is named as the table or as its governance body (e.g. «Tavolo Tematico Anziani»).
    const tables = await tx
      .select({ id: thematicTables.id, name: thematicTables.name, bodyId: thematicTables.bodyId, bodyName: bodies.name })
      .from(thematicTables)
      .innerJoin(bodies, eq(bodies.id, thematicTables.bodyId))
      .where(eq(thematicTables.ambitoId, scope.id));
    const named = tables.map((t) => ({ ...t, names: [t.name, t.bodyName] }));
    const comuni = new Map((await listAmbitoComuni(tx, scope.id)).map((c) => [normalName(c.name), c.id]));
    const objectives = planId
      ? new Map(
          (await tx.select({ id: planObjectives.id, code: planObjectives.code }).from(planObjectives).where(eq(planObjectives.planId, planId))).map((o) => [
            normalName(o.code),
            o.id,
          ]),
        )
      : new Map<string, string>();
    const bodyIds = tables.map((t) => t.bodyId);
    const meetingList = bodyIds.length
      ? await tx.select({ id: meetings.id, bodyId: meetings.bodyId, startsAt: meetings.startsAt }).from(meetings).where(inArray(meetings.bodyId, bodyIds))
      : [];
    const resolved = rows.map((r) => {
      const table = r.tavolo ? matchTable(named, r.tavolo) : undefined;
      if (r.tavolo && !table) issues.push({ path: at(r.line, 'tavolo'), message: tr('part.needs.import.error.table', { name: r.tavolo }) });
      const comuneIds = r.comuni.map((name) => {
        const id = comuni.get(normalName(name));
        if (!id) issues.push({ path: at(r.line, 'comuni'), message: tr('part.needs.import.error.comune', { name }) });
        return id ?? '';
      });
      if (r.obiettivi.length && !planId) issues.push({ path: at(r.line, 'obiettivi'), message: tr('part.needs.import.error.plan') });
      const objectiveIds = planId
        ? r.obiettivi.map((code) => {
            const id = objectives.get(normalName(code));
            if (!id) issues.push({ path: at(r.line, 'obiettivi'), message: tr('part.needs.import.error.objective', { code }) });
            return id ?? '';
          })
        : [];
      const meeting =
        table && r.data_incontro ? meetingList.find((m) => m.bodyId === table.bodyId && m.startsAt.toISOString().slice(0, 10) === r.data_incontro) : undefined;
      return {
        line: r.line,
        objectiveIds,
        values: {
          ambitoId: scope.id,
          planId,
          tableId: table?.id ?? null,
          category: r.categoria,
          statement: r.bisogno,
          targetGroup: r.destinatari,
          policyArea: r.area,
          comuneIds,
          sourceKind: r.fonte,
          meetingId: meeting?.id ?? null,
          sourceNote: r.nota_fonte,
          evidence: r.evidenze,
          priority: r.priorita,
          organisationId: null,
        },
      };
    });
    if (issues.length) throw new ValidationError(issues);
    const existing = new Set((await tx.select().from(needs).where(eq(needs.ambitoId, scope.id))).map(identity));
    const fresh = resolved.filter((r) => !existing.has(identity(r.values)));
    const who = ctx.actor.kind === 'user' ? ctx.actor.email : 'sistema';
    let links = 0;
    for (const r of fresh) {
      const [need] = await tx.insert(needs).values(r.values).returning();
      if (r.objectiveIds.length) {
        await tx.insert(needObjectives).values([...new Set(r.objectiveIds)].map((objectiveId) => ({ needId: need!.id, objectiveId, linkedBy: who })));
        links += new Set(r.objectiveIds).size;
      }
    }
    const summary = { fileName, created: fresh.length, skipped: resolved.length - fresh.length, links };
    await auditFact(tx, ctx, { action: 'need.import', entityType: 'need', entityId: scope.id, after: summary });
    return summary;
  });
}
