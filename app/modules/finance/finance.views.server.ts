/**
 * Read models of the money pages, with their charts rendered to SVG on the server:
 * - the spending dashboard of an Ambito (per capita, shares by area and channel, cost per user, trends, checksum);
 * - the plan budget (allocated vs budgeted vs committed vs paid per fund, roll-ups, over-allocation, history).
 */
import { lineChart, barChart } from '../../shared/charts/charts.ts';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import { fundName } from '../planning/planning.queries.ts';
import { listAmbitoComuni, listAmbitoPopulation, listComuniPopulation } from '../territory/territory.queries.ts';
import { budgetKey, budgetStatus, historyOf, MEASURE_LABELS, toBudgetLines, type BudgetStatusRow } from './budget-tracking.rules.ts';
import { AMBITO_ENTE } from './spending-import.ts';
import {
  buildSpendingMatrix,
  checkAllocations,
  checkFundPeriods,
  costPerUser,
  DECREASE_REASON_LABELS,
  perCapita,
  percentage,
  rollUpBudget,
  shareByArea,
  shareByChannel,
  WHOLE_PERIOD,
  NO_AREA,
  yearOnYearChange,
  type DecreaseReason,
} from './finance.rules.ts';
import { groupedBarChart, stackedBarChart } from './finance.charts.ts';
import { toCutOffRecord } from './finance.commands.ts';
import { getCatalogue, listFundAllocations, listServiceUsers, listSpendingFacts, loadPlanBudgetData } from './finance.queries.ts';

const euros = (cents: number) => Math.round(cents / 100);


/**
 * The spending dashboard of an Ambito for one year (the latest by default) and one ente ("tutti" = the whole
 * Ambito: the sum of the Ambito's own rows and of its comuni).
 */
export async function getSpendingDashboard(db: DbOrTx, ambito: { id: string; code: string; name: string }, options: { year?: number | null; ente?: string | null } = {}) {
  const [catalogue, facts, users, ambitoPopulation, members] = await Promise.all([
    getCatalogue(db),
    listSpendingFacts(db, ambito.id),
    listServiceUsers(db, ambito.id),
    listAmbitoPopulation(db, ambito.id),
    listAmbitoComuni(db, ambito.id),
  ]);
  const areaOrder = catalogue.areas.map((a) => a.code);
  const channelOrder = catalogue.fundingSources.map((s) => s.code);
  const areaName = (c: string) => catalogue.areas.find((a) => a.code === c)?.name ?? c;
  const channelName = (c: string) => catalogue.fundingSources.find((s) => s.code === c)?.shortName ?? c;
  const years = [...new Set(facts.map((f) => f.year))].sort((a, b) => a - b);
  const year = options.year && years.includes(options.year) ? options.year : (years.at(-1) ?? null);
  const enteOf = (f: { istatCode: string | null }) => f.istatCode ?? AMBITO_ENTE;
  const entiInData = [...new Set(facts.map(enteOf))].sort();
  const ente = options.ente && entiInData.includes(options.ente) ? options.ente : null;
  const enteLabel = (e: string) => (e === AMBITO_ENTE ? 'Ambito (gestione associata o dati complessivi)' : (facts.find((f) => f.istatCode === e)?.comuneName ?? e));
  const selected = facts.filter((f) => ente === null || enteOf(f) === ente);

  // Matrix of the selected year, trimmed to the areas and channels that appear in the data.
  const cellsOf = (y: number) => selected.filter((f) => f.year === y).map((f) => ({ area: f.areaCode, channel: f.channelCode, amountCents: f.amountCents }));
  const usedChannels = channelOrder.filter((c) => selected.some((f) => f.channelCode === c));
  const matrix = year === null ? null : buildSpendingMatrix(cellsOf(year), { areas: areaOrder, channels: usedChannels });

  // Population of the year: the Ambito's published total, else the sum of the comuni when every member has it.
  let population: { total: number; source: string } | null = null;
  if (year !== null && ente === null) {
    const own = ambitoPopulation.find((p) => p.year === year);
    if (own) population = { total: own.total, source: own.source };
    else {
      const comuniRows = (await listComuniPopulation(db, ambito.id)).filter((r) => r.year === year);
      if (comuniRows.length === members.length && members.length > 0) population = { total: comuniRows.reduce((s, r) => s + r.total, 0), source: 'somma dei comuni' };
    }
  }

  // Users of the selected year and ente, by area; the cost per user uses the spending reported next to the users.
  const usersOfYear = users.filter((u) => u.year === year && (ente === null || (u.istatCode ?? AMBITO_ENTE) === ente));
  const costs = areaOrder
    .filter((a) => usersOfYear.some((u) => u.areaCode === a))
    .map((a) => {
      const rows = usersOfYear.filter((u) => u.areaCode === a);
      const count = rows.every((r) => r.users === null) ? null : rows.reduce((s, r) => s + (r.users ?? 0), 0);
      const reported = rows.every((r) => r.spendCents !== null);
      const spendCents = reported ? rows.reduce((s, r) => s + r.spendCents!, 0) : (matrix?.rowTotals[a] ?? 0);
      return {
        area: a,
        name: areaName(a),
        users: count,
        spendCents,
        spendSource: reported ? ('users' as const) : ('spending' as const),
        cost: costPerUser(spendCents, count, `spesa ${areaName(a)} ${year}`),
        note: rows.map((r) => r.note).filter(Boolean).join(' '),
      };
    });
  const usersSpendTotal = costs.every((c) => c.spendSource === 'users') && costs.length ? costs.reduce((s, c) => s + c.spendCents, 0) : null;

  // Series over the years.
  const series = years.map((y) => {
    const m = buildSpendingMatrix(cellsOf(y), { areas: areaOrder, channels: usedChannels });
    return { year: y, total: m.grandTotal, byArea: m.rowTotals, comuni: m.columnTotals.COMUNI ?? 0 };
  });
  const changes = series.slice(1).map((s, i) => yearOnYearChange({ year: series[i]!.year, amountCents: series[i]!.total }, { year: s.year, amountCents: s.total }, 'spesa totale'));
  const areasWithSpend = areaOrder.filter((a) => series.some((s) => (s.byArea[a] ?? 0) !== 0));

  const stackedSvg = series.length
    ? renderChartSvg(
        stackedBarChart({ categories: series.map((s) => String(s.year)), series: areasWithSpend.map((a) => ({ name: areaName(a), values: series.map((s) => euros(s.byArea[a] ?? 0)) })) }),
        { width: 760, height: 420 },
      )
    : null;
  const trendSvg =
    series.length >= 2
      ? renderChartSvg(lineChart({ categories: series.map((s) => String(s.year)), series: [{ name: 'Spesa sociale totale (€)', values: series.map((s) => euros(s.total)) }] }), { width: 760, height: 300 })
      : null;
  const channelShares = matrix ? shareByChannel(matrix, channelName) : [];
  const channelSvg = matrix && matrix.grandTotal > 0
    ? renderChartSvg(barChart({ name: 'Quota', digits: 1, points: channelShares.map((s) => ({ label: channelName(s.key), value: s.share.value === null ? null : Math.round(s.share.value * 10) / 10 })) }), { width: 760, height: Math.max(140, channelShares.length * 34) })
    : null;

  return {
    ambito,
    years,
    year,
    ente,
    enti: entiInData.map((e) => ({ code: e, label: enteLabel(e) })),
    matrix: matrix && {
      areas: matrix.areas.map((a) => ({ code: a, name: areaName(a) })),
      channels: matrix.channels.map((c) => ({ code: c, name: channelName(c) })),
      cells: matrix.cells,
      rowTotals: matrix.rowTotals,
      columnTotals: matrix.columnTotals,
      grandTotal: matrix.grandTotal,
      rowSumsMatch: matrix.areas.every((a) => Object.values(matrix.cells[a]!).reduce((s, v) => s + v, 0) === matrix.rowTotals[a]),
      columnSumsMatch: matrix.channels.every((c) => matrix.areas.reduce((s, a) => s + matrix.cells[a]![c]!, 0) === matrix.columnTotals[c]),
      totalsMatch: Object.values(matrix.rowTotals).reduce((s, v) => s + v, 0) === matrix.grandTotal && Object.values(matrix.columnTotals).reduce((s, v) => s + v, 0) === matrix.grandTotal,
    },
    byEnte:
      year === null
        ? []
        : entiInData.map((e) => ({ code: e, label: enteLabel(e), totalCents: facts.filter((f) => f.year === year && enteOf(f) === e).reduce((s, f) => s + f.amountCents, 0) })),
    population,
    perCapita: matrix && population ? perCapita(matrix.grandTotal, population.total, `spesa sociale ${year}`) : null,
    comuniShare: matrix ? percentage(matrix.columnTotals.COMUNI ?? 0, matrix.grandTotal, { numerator: `risorse dei Comuni ${year}`, denominator: `entrate totali ${year}` }) : null,
    areaShares: matrix ? shareByArea(matrix, areaName).map((s) => ({ ...s, name: areaName(s.key) })) : [],
    channelShares: channelShares.map((s) => ({ ...s, name: channelName(s.key) })),
    costs,
    usersSpendTotal,
    series,
    changes,
    stackedSvg,
    trendSvg,
    channelSvg,
    areaNames: Object.fromEntries(catalogue.areas.map((a) => [a.code, a.name])),
    sources: [...new Set(selected.filter((f) => f.year === year).map((f) => f.source))],
  };
}

export type SpendingDashboard = Awaited<ReturnType<typeof getSpendingDashboard>>;

/** The plan budget page: status per key, roll-ups, allocation checks, fund-period warnings, history, charts. */
export async function getPlanBudgetView(db: DbOrTx, planId: string) {
  const data = await loadPlanBudgetData(db, planId);
  if (!data) return null;
  const [catalogue, allocations] = await Promise.all([getCatalogue(db), listFundAllocations(db, data.plan.ambitoId)]);
  const objective = new Map(data.objectives.map((o) => [o.id, o]));
  const action = new Map(data.actions.map((a) => [a.id, a]));
  const cutOffs = data.cutOffs.map(toCutOffRecord);
  const rows = budgetStatus({
    planned: data.lines.map((l) => ({ objectiveId: l.objectiveId, actionId: null, fund: l.fund, year: l.year, amountCents: l.amountCents })),
    cutOffs,
    carryOvers: data.carryOvers.map((c) => ({ objectiveId: c.objectiveId, actionId: c.actionId, fund: c.fundCode, fromYear: c.fromYear, toYear: c.toYear, amountCents: c.amountCents })),
  });
  const order = (r: BudgetStatusRow) => objective.get(r.objectiveId)?.position ?? 0;
  rows.sort((a, b) => order(a) - order(b) || (a.actionId ?? '').localeCompare(b.actionId ?? '') || a.fund.localeCompare(b.fund) || (a.year ?? 0) - (b.year ?? 0));
  const areaOf = (id: string) => objective.get(id)?.macroArea ?? null;
  const lines = toBudgetLines(rows, areaOf, (id) => objective.get(id)?.code ?? null);
  const rollUp = rollUpBudget(lines);
  const nameOf = (code: string) => catalogue.fundingSources.find((s) => s.code === code)?.shortName ?? fundName(code);
  const allocationChecks = checkAllocations(lines, allocations.map((a) => ({ fund: a.fundCode, year: a.year, allocatedCents: a.amountCents })), nameOf);
  const periodIssues = checkFundPeriods(lines, catalogue.fundingSources, { fromYear: data.plan.periodStartYear, toYear: data.plan.periodEndYear });
  const funds = Object.keys(rollUp.byFund);
  const allocatedByFund = (fund: string) => {
    const list = allocations.filter((a) => a.fundCode === fund);
    return list.length ? list.reduce((s, a) => s + a.amountCents, 0) : null;
  };
  const fundSvg = funds.length
    ? renderChartSvg(
        groupedBarChart({
          categories: funds.map((f) => nameOf(f).slice(0, 40)),
          series: [
            { name: 'Assegnato', values: funds.map((f) => (allocatedByFund(f) === null ? null : euros(allocatedByFund(f)!))) },
            { name: 'Preventivato', values: funds.map((f) => euros(rollUp.byFund[f]!.budgetedCents)) },
            { name: 'Impegnato', values: funds.map((f) => euros(rollUp.byFund[f]!.committedCents)) },
            { name: 'Liquidato', values: funds.map((f) => euros(rollUp.byFund[f]!.paidCents)) },
          ],
        }),
        { width: 760, height: Math.max(200, funds.length * 72 + 40) },
      )
    : null;
  const label = (r: { objectiveId: string; actionId: string | null }) => {
    const o = objective.get(r.objectiveId);
    const a = r.actionId ? action.get(r.actionId) : null;
    return `${o?.code ?? '?'}${a ? ` · azione ${a.number}` : ''}`;
  };
  return {
    plan: data.plan,
    objectives: data.objectives.map((o) => ({ id: o.id, code: o.code, title: o.title, kind: o.kind })),
    actions: data.actions.map((a) => ({ id: a.id, objectiveId: a.objectiveId, number: a.number, description: a.description })),
    funds: catalogue.fundingSources.map((s) => ({ code: s.code, name: s.name, shortName: s.shortName })),
    rows: rows.map((r) => ({
      ...r,
      key: budgetKey(r),
      label: label(r),
      objectiveTitle: objective.get(r.objectiveId)?.title ?? '',
      fundName: nameOf(r.fund),
      history: (['budgeted', 'committed', 'paid'] as const).flatMap((m) => historyOf(cutOffs, r, m)).length,
    })),
    rollUp: {
      total: rollUp.total,
      byFund: funds.map((f) => ({ fund: f, name: nameOf(f), allocatedCents: allocatedByFund(f), ...rollUp.byFund[f]! })),
      byArea: Object.entries(rollUp.byArea).map(([area, v]) => ({ area: area === NO_AREA ? 'Senza macro-area' : area, ...v })),
      byYear: Object.entries(rollUp.byYear).map(([year, v]) => ({ year: year === WHOLE_PERIOD ? 'Intero periodo' : year, ...v })),
    },
    allocations: allocations.map((a) => ({ ...a, fundName: nameOf(a.fundCode) })),
    allocationChecks,
    periodIssues: periodIssues.map((i) => ({ ...i, label: label({ objectiveId: data.objectives.find((o) => o.code === lines[i.index]!.objective)?.id ?? '', actionId: rows[i.index]!.actionId }) })),
    history: [...data.cutOffs]
      .sort((a, b) => (a.cutOffDate > b.cutOffDate ? -1 : a.cutOffDate < b.cutOffDate ? 1 : b.createdAt.getTime() - a.createdAt.getTime()))
      .map((c) => ({
        id: c.id,
        label: label(c),
        fundName: nameOf(c.fundCode),
        year: c.year,
        measure: MEASURE_LABELS[c.measure as keyof typeof MEASURE_LABELS],
        date: c.cutOffDate,
        amountCents: c.amountCents,
        previousCents: c.previousCents,
        reason: c.reason ? DECREASE_REASON_LABELS[c.reason as DecreaseReason] : null,
        note: c.note,
        createdBy: c.createdBy,
      })),
    carryOvers: data.carryOvers.map((c) => ({ ...c, label: label(c), fundName: nameOf(c.fundCode) })),
    fundSvg,
  };
}

export type PlanBudgetView = NonNullable<Awaited<ReturnType<typeof getPlanBudgetView>>>;
