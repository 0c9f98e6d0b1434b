/**
 * Read models of the money pages, with their charts rendered to SVG on the server:
 * - the spending dashboard of an Ambito (per capita, shares by area and channel, cost per user, trends, checksum);
 * - the plan budget (allocated vs budgeted vs committed vs paid per fund, roll-ups, over-allocation, history).
 */
import { lineChart, barChart } from '../../shared/charts/charts.ts';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import type { DbOrTx } from '../../shared/db/client.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { fundName } from '../planning/index.server.ts';
import { listAmbitoPopulation, listComuniPopulation } from '../territory/index.server.ts';
import { budgetKey, historyOf, toBudgetLines, type BudgetStatusRow, type TrackedMeasure } from './budget-tracking.rules.ts';
import { AMBITO_ENTE, costPerUserOfAreas } from './spending-import.ts';
import { usableAsAmbitoFigure } from './spending-coverage.rules.ts';
import { coverageLabel } from './spending-coverage.text.ts';
import {
  buildSpendingMatrix,
  checkAllocations,
  checkPublishedAmount,
  checkPublishedMoney,
  checkPublishedPercent,
  type PublishedCheck,
  checkFundPeriods,
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
import { getCatalogue } from './catalogue.queries.ts';
import {
  listFundAllocations,
  listServiceUsers,
  listSpendingFacts,
  loadPlanBudgetData,
  planBudgetStatus,
  spendingCoverageByYear,
  toCutOffRecord,
} from './finance.queries.ts';

const euros = (cents: number) => Math.round(cents / 100);

/**
 * The spending dashboard of an Ambito for one year and one ente.
 *
 * "Tutto l’Ambito" (ente null) shows ONE dataset per year: the rows recorded for the Ambito as a whole when the year
 * has them, otherwise the sum of the member comuni's rows with its coverage ("1 comune su 9"; members by date, from
 * territory). A partial sum is not presented as the Ambito's figure, nor drawn in the trend, nor divided by the
 * population, unless `showPartial` (the GET parameter "parziali=1") asks for it; it is then labelled partial. Every
 * figure of the page (amounts, shares, cost per user) is computed from that dataset; figures published by another
 * table (the spending next to the users, published shares and costs per user) are shown as checks with the difference.
 * The default year is the latest with a complete figure.
 */
export async function getSpendingDashboard(
  db: DbOrTx,
  ambito: { id: string; code: string; name: string },
  options: { year?: number | null; ente?: string | null; showPartial?: boolean } = {},
) {
  const [catalogue, facts, users, ambitoPopulation] = await Promise.all([
    getCatalogue(db),
    listSpendingFacts(db, ambito.id),
    listServiceUsers(db, ambito.id),
    listAmbitoPopulation(db, ambito.id),
  ]);
  const showPartial = options.showPartial === true;
  const areaOrder = catalogue.areas.map((a) => a.code);
  const channelOrder = catalogue.fundingSources.map((s) => s.code);
  const areaName = (c: string) => catalogue.areas.find((a) => a.code === c)?.name ?? c;
  const channelName = (c: string) => catalogue.fundingSources.find((s) => s.code === c)?.shortName ?? c;
  const years = [...new Set(facts.map((f) => f.year))].sort((a, b) => a - b);
  const enteOf = (f: { istatCode: string | null }) => f.istatCode ?? AMBITO_ENTE;
  const entiInData = [...new Set(facts.map(enteOf))].sort();
  const ente = options.ente && entiInData.includes(options.ente) ? options.ente : null;
  const enteLabel = (e: string) => (e === AMBITO_ENTE ? tr('finance.ente.ambito') : (facts.find((f) => f.istatCode === e)?.comuneName ?? e));

  // Coverage of every year: the Ambito's composition at the end of that year (territory's membership by date).
  const { coverage: coverageByYear, membersByYear } = await spendingCoverageByYear(db, ambito.id, facts);
  /** The one dataset of a year for the chosen ente: Ambito-level rows, or the member comuni's rows, or one ente's. */
  const inDataset = (y: number) => {
    if (ente !== null) return (f: { istatCode: string | null }) => enteOf(f) === ente;
    const cov = coverageByYear.get(y)!;
    if (cov.basis === 'ambito') return (f: { istatCode: string | null }) => f.istatCode === null;
    const members = new Set(cov.members.map((m) => m.istatCode));
    return (f: { istatCode: string | null }) => f.istatCode !== null && members.has(f.istatCode);
  };
  const usable = (y: number) => (ente !== null ? { show: true, partial: false } : usableAsAmbitoFigure(coverageByYear.get(y)!, showPartial));
  const yearsOfEnte = ente === null ? years : years.filter((y) => facts.some((f) => f.year === y && enteOf(f) === ente));
  const completeYears = yearsOfEnte.filter((y) => !usable(y).partial);
  const year = options.year && yearsOfEnte.includes(options.year) ? options.year : (completeYears.at(-1) ?? yearsOfEnte.at(-1) ?? null);
  const coverage = year === null || ente !== null ? null : coverageByYear.get(year)!;
  const state = year === null ? { show: false, partial: false } : usable(year);
  const rowsOf = (y: number) => facts.filter((f) => f.year === y && inDataset(y)(f));
  const selected = year === null ? [] : rowsOf(year);

  // Matrix of the selected year, trimmed to the channels that appear in the data shown.
  const shownYears = yearsOfEnte.filter((y) => usable(y).show);
  const cellsOf = (y: number) => rowsOf(y).map((f) => ({ area: f.areaCode, channel: f.channelCode, amountCents: f.amountCents }));
  const usedChannels = channelOrder.filter((c) => shownYears.some((y) => rowsOf(y).some((f) => f.channelCode === c)));
  const matrix = year === null || !state.show ? null : buildSpendingMatrix(cellsOf(year), { areas: areaOrder, channels: usedChannels });

  // Population of the year. Complete figure: the Ambito's published total, else the sum of the comuni when every
  // member of that year has it. Partial figure (asked for): the population of the comuni with data only.
  let population: { total: number; source: string } | null = null;
  let populationMissing: string | null = null;
  if (year !== null && ente === null && matrix) {
    const comuniRows = (await listComuniPopulation(db, ambito.id, yearEnd(year))).filter((r) => r.year === year);
    if (!state.partial) {
      const own = ambitoPopulation.find((p) => p.year === year);
      const members = membersByYear.get(year)!;
      if (own) population = { total: own.total, source: own.source };
      else if (members.length > 0 && members.every((m) => comuniRows.some((r) => r.comuneId === m.id)))
        population = { total: comuniRows.reduce((s, r) => s + r.total, 0), source: tr('finance.population.sumOfComuni') };
      else populationMissing = tr('finance.population.missing', { year });
    } else {
      const covered = coverage!.withData.map((c) => membersByYear.get(year)!.find((m) => m.istatCode === c.istatCode)!);
      const rows = covered.map((m) => comuniRows.find((r) => r.comuneId === m.id));
      if (covered.length > 0 && rows.every(Boolean))
        population = {
          total: rows.reduce((s, r) => s + r!.total, 0),
          source: tr('finance.population.ofComuniWithData', { coverage: coverageLabel(tr, coverage!) }),
        };
      else populationMissing = tr('finance.population.missingPartial', { coverage: coverageLabel(tr, coverage!), year });
    }
  }

  // Users of the selected year in the same dataset, by area. The cost per user is the dataset's area amount / users;
  // what the users' source publishes (its spending, share, cost per user) is checked against it, never mixed in.
  const usersOfYear = year === null || !matrix ? [] : users.filter((u) => u.year === year && inDataset(year)(u));
  const costs = costPerUserOfAreas(
    areaOrder,
    matrix?.rowTotals ?? {},
    usersOfYear.map((u) => ({ area: u.areaCode, users: u.users, spendCents: u.spendCents })),
    (a) => `spesa ${areaName(a)} ${year}`,
  ).map((c) => {
    const rows = usersOfYear.filter((u) => u.areaCode === c.area);
    const single = rows.length === 1 ? rows[0]! : null;
    const published = single?.published ?? {};
    const checks = [
      c.publishedSpendCents !== null && c.publishedSpendCents !== c.spendCents
        ? checkPublishedAmount(
            tr('finance.checks.areaSpend', { area: areaName(c.area), year: year ?? '' }),
            c.publishedSpendCents,
            c.spendCents,
            tr('finance.checks.nextToUsers', { sources: rows.map((r) => r.source).join('; ') }),
            tr('finance.checks.areaTotal'),
          )
        : null,
      published.costPerUserCents !== undefined
        ? checkPublishedMoney(
            tr('finance.checks.costPerUser', { area: areaName(c.area), year: year ?? '' }),
            published.costPerUserCents,
            c.cost,
            published.source ?? single!.source,
          )
        : null,
    ].filter((x): x is PublishedCheck => x !== null);
    return {
      ...c,
      name: areaName(c.area),
      checks,
      note: rows
        .map((r) => r.note)
        .filter(Boolean)
        .join(' '),
    };
  });
  const usersSpendTotal = costs.length && costs.every((c) => c.publishedSpendCents !== null) ? costs.reduce((s, c) => s + c.publishedSpendCents!, 0) : null;
  const areaShares = matrix ? shareByArea(matrix, areaName).map((s) => ({ ...s, name: areaName(s.key) })) : [];
  const shareChecks = areaShares.flatMap((s) => {
    const rows = usersOfYear.filter((u) => u.areaCode === s.key);
    const pub = rows.length === 1 ? rows[0]!.published : null;
    if (!pub?.sharePct) return [];
    const check = checkPublishedPercent(tr('finance.checks.share', { area: s.name, year: year ?? '' }), pub.sharePct, s.share, pub.source ?? rows[0]!.source);
    return check ? [{ area: s.key, ...check }] : [];
  });
  const totalCheck =
    matrix && usersSpendTotal !== null && usersSpendTotal !== matrix.grandTotal
      ? checkPublishedAmount(
          tr('finance.checks.total', { year: year ?? '' }),
          usersSpendTotal,
          matrix.grandTotal,
          tr('finance.checks.totalSource'),
          tr('finance.checks.totalFormula'),
        )
      : null;

  // Series over the years: only figures that may be shown as the Ambito's (complete, or partial when asked, marked).
  const series = shownYears.map((y) => {
    const m = buildSpendingMatrix(cellsOf(y), { areas: areaOrder, channels: usedChannels });
    return {
      year: y,
      total: m.grandTotal,
      byArea: m.rowTotals,
      comuni: m.columnTotals.COMUNI ?? 0,
      partial: usable(y).partial,
      coverage: ente === null ? coverageLabel(tr, coverageByYear.get(y)!) : null,
    };
  });
  const yearLabel = (s: { year: number; partial: boolean }) => (s.partial ? tr('finance.dashboard.partialYear', { year: s.year }) : String(s.year));
  const changes = series.slice(1).map((s, i) => ({
    ...yearOnYearChange({ year: series[i]!.year, amountCents: series[i]!.total }, { year: s.year, amountCents: s.total }, 'spesa totale'),
    partial: s.partial || series[i]!.partial,
  }));
  const areasWithSpend = areaOrder.filter((a) => series.some((s) => (s.byArea[a] ?? 0) !== 0));
  const excludedYears = ente === null ? yearsOfEnte.filter((y) => !usable(y).show).map((y) => coverageByYear.get(y)!) : [];

  const stackedSvg = series.length
    ? renderChartSvg(
        stackedBarChart({
          categories: series.map(yearLabel),
          series: areasWithSpend.map((a) => ({ name: areaName(a), values: series.map((s) => euros(s.byArea[a] ?? 0)) })),
        }),
        { width: 760, height: 420 },
      )
    : null;
  const trendSvg =
    series.length >= 2
      ? renderChartSvg(
          lineChart({ categories: series.map(yearLabel), series: [{ name: tr('finance.dashboard.trend.series'), values: series.map((s) => euros(s.total)) }] }),
          { width: 760, height: 300 },
        )
      : null;
  const channelShares = matrix ? shareByChannel(matrix, channelName) : [];
  const channelSvg =
    matrix && matrix.grandTotal > 0
      ? renderChartSvg(
          barChart({
            name: tr('finance.share'),
            digits: 1,
            points: channelShares.map((s) => ({ label: channelName(s.key), value: s.share.value === null ? null : Math.round(s.share.value * 10) / 10 })),
          }),
          { width: 760, height: Math.max(140, channelShares.length * 34) },
        )
      : null;

  return {
    ambito,
    years: yearsOfEnte,
    /** Every year with data, with its coverage label (for the year selector). */
    yearOptions: yearsOfEnte.map((y) => ({ year: y, coverage: ente === null ? coverageByYear.get(y)! : null })),
    /** The years left out of the trend with their coverage in words. */
    excludedLabels: (ente === null ? yearsOfEnte.filter((y) => !usable(y).show) : []).map((y) => ({
      year: y,
      coverage: coverageLabel(tr, coverageByYear.get(y)!),
    })),
    year,
    ente,
    enti: entiInData.map((e) => ({ code: e, label: enteLabel(e) })),
    showPartial,
    /** The coverage of the selected year ("Tutto l’Ambito" only). */
    coverage,
    /** True when the figures of the page are partial (shown because the user asked). */
    partial: state.partial && state.show,
    /** True when the selected year is partial and the figures are withheld (the user can ask for them). */
    withheld: year !== null && !state.show,
    excludedYears,
    matrix: matrix && {
      areas: matrix.areas.map((a) => ({ code: a, name: areaName(a) })),
      channels: matrix.channels.map((c) => ({ code: c, name: channelName(c) })),
      cells: matrix.cells,
      rowTotals: matrix.rowTotals,
      columnTotals: matrix.columnTotals,
      grandTotal: matrix.grandTotal,
      rowSumsMatch: matrix.areas.every((a) => Object.values(matrix.cells[a]!).reduce((s, v) => s + v, 0) === matrix.rowTotals[a]),
      columnSumsMatch: matrix.channels.every((c) => matrix.areas.reduce((s, a) => s + matrix.cells[a]![c]!, 0) === matrix.columnTotals[c]),
      totalsMatch:
        Object.values(matrix.rowTotals).reduce((s, v) => s + v, 0) === matrix.grandTotal &&
        Object.values(matrix.columnTotals).reduce((s, v) => s + v, 0) === matrix.grandTotal,
    },
    /** Each ente's own figure of the selected year (a comune's figure is complete for that comune). */
    byEnte:
      year === null
        ? []
        : entiInData
            .map((e) => ({
              code: e,
              label: enteLabel(e),
              totalCents: facts.filter((f) => f.year === year && enteOf(f) === e).reduce((s, f) => s + f.amountCents, 0),
              rows: facts.filter((f) => f.year === year && enteOf(f) === e).length,
            }))
            .filter((e) => e.rows > 0),
    population,
    populationMissing,
    perCapita:
      matrix && population
        ? perCapita(
            matrix.grandTotal,
            population.total,
            `spesa sociale ${year}${state.partial ? ` dei comuni con dati (${coverageLabel(tr, coverage!)})` : ''}`,
          )
        : null,
    comuniShare: matrix
      ? percentage(matrix.columnTotals.COMUNI ?? 0, matrix.grandTotal, { numerator: `risorse dei Comuni ${year}`, denominator: `entrate totali ${year}` })
      : null,
    areaShares,
    shareChecks,
    channelShares: channelShares.map((s) => ({ ...s, name: channelName(s.key) })),
    costs,
    usersSpendTotal,
    totalCheck,
    series,
    changes,
    stackedSvg,
    trendSvg,
    channelSvg,
    areaNames: Object.fromEntries(catalogue.areas.map((a) => [a.code, a.name])),
    sources: [...new Set(selected.map((f) => f.source))],
  };
}

const yearEnd = (year: number) => `${year}-12-31`;

export type SpendingDashboard = Awaited<ReturnType<typeof getSpendingDashboard>>;

/** The plan budget page: status per key, roll-ups, allocation checks, fund-period warnings, history, charts. */
export async function getPlanBudgetView(db: DbOrTx, planId: string) {
  const data = await loadPlanBudgetData(db, planId);
  if (!data) return null;
  const [catalogue, allocations] = await Promise.all([getCatalogue(db), listFundAllocations(db, data.plan.ambitoId)]);
  const objective = new Map(data.objectives.map((o) => [o.id, o]));
  const action = new Map(data.actions.map((a) => [a.id, a]));
  const cutOffs = data.cutOffs.map(toCutOffRecord);
  const rows = planBudgetStatus(data);
  const order = (r: BudgetStatusRow) => objective.get(r.objectiveId)?.position ?? 0;
  rows.sort(
    (a, b) => order(a) - order(b) || (a.actionId ?? '').localeCompare(b.actionId ?? '') || a.fund.localeCompare(b.fund) || (a.year ?? 0) - (b.year ?? 0),
  );
  const areaOf = (id: string) => objective.get(id)?.macroArea ?? null;
  const lines = toBudgetLines(rows, areaOf, (id) => objective.get(id)?.code ?? null);
  const rollUp = rollUpBudget(lines);
  const nameOf = (code: string) => catalogue.fundingSources.find((s) => s.code === code)?.shortName ?? fundName(code);
  const allocationChecks = checkAllocations(
    lines,
    allocations.map((a) => ({ fund: a.fundCode, year: a.year, allocatedCents: a.amountCents })),
    nameOf,
    {
      fromYear: data.plan.periodStartYear,
      toYear: data.plan.periodEndYear,
    },
  );
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
            { name: tr('finance.measure.allocated'), values: funds.map((f) => (allocatedByFund(f) === null ? null : euros(allocatedByFund(f)!))) },
            { name: tr('finance.measure.budgeted'), values: funds.map((f) => euros(rollUp.byFund[f]!.budgetedCents)) },
            { name: tr('finance.measure.committed'), values: funds.map((f) => euros(rollUp.byFund[f]!.committedCents)) },
            { name: tr('finance.measure.paid'), values: funds.map((f) => euros(rollUp.byFund[f]!.paidCents)) },
          ],
        }),
        { width: 760, height: Math.max(200, funds.length * 72 + 40) },
      )
    : null;
  const label = (r: { objectiveId: string; actionId: string | null }) => {
    const o = objective.get(r.objectiveId);
    const a = r.actionId ? action.get(r.actionId) : null;
    return `${o?.code ?? '?'}${a ? ` · ${tr('finance.budget.actionN', { n: a.number })}` : ''}`;
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
      /** area null: lines without a macro-area; year null: the whole period (the page names them). */
      byArea: Object.entries(rollUp.byArea).map(([area, v]) => ({ area: area === NO_AREA ? null : area.replace(/^Obiettivi macro-area:\s*/i, ''), ...v })),
      byYear: Object.entries(rollUp.byYear).map(([year, v]) => ({ year: year === WHOLE_PERIOD ? null : year, ...v })),
    },
    allocations: allocations.map((a) => ({ ...a, fundName: nameOf(a.fundCode) })),
    allocationChecks: allocationChecks.map((c) => ({ ...c, fundName: nameOf(c.fund) })),
    periodIssues: periodIssues.map((i) => ({
      ...i,
      label: label({ objectiveId: data.objectives.find((o) => o.code === lines[i.index]!.objective)?.id ?? '', actionId: rows[i.index]!.actionId }),
    })),
    history: [...data.cutOffs]
      .sort((a, b) => (a.cutOffDate > b.cutOffDate ? -1 : a.cutOffDate < b.cutOffDate ? 1 : b.createdAt.getTime() - a.createdAt.getTime()))
      .map((c) => ({
        id: c.id,
        label: label(c),
        fundName: nameOf(c.fundCode),
        year: c.year,
        measure: c.measure as TrackedMeasure,
        date: c.cutOffDate,
        amountCents: c.amountCents,
        previousCents: c.previousCents,
        reason: (c.reason as DecreaseReason | null) ?? null,
        note: c.note,
        createdBy: c.createdBy,
      })),
    carryOvers: data.carryOvers.map((c) => ({ ...c, label: label(c), fundName: nameOf(c.fundCode) })),
    fundSvg,
  };
}

export type PlanBudgetView = NonNullable<Awaited<ReturnType<typeof getPlanBudgetView>>>;
