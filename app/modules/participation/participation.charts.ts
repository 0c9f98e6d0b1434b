// Participation's chart definitions (pure ECharts options, rendered to SVG on the server by app/shared/charts): each
// chart is shown next to a table with the same figures.
import type { EChartsOption } from 'echarts';
import { PALETTE } from '../../shared/charts/charts.ts';

const FONT = 'Titillium Web, Geneva, Tahoma, sans-serif';
const TEXT = '#1a1a1a';

/** Vertical stacked bars: one bar per category, one stacked segment per series; `unit` follows each axis value. */
export function stackedBars(options: {
  categories: string[];
  series: { name: string; values: number[] }[];
  unit?: string;
  locale?: string;
  decimals?: number;
}): EChartsOption {
  const fmt = new Intl.NumberFormat(options.locale ?? 'it-IT', { useGrouping: 'always', maximumFractionDigits: options.decimals ?? 0 });
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, fontSize: 13, color: TEXT },
    legend: { bottom: 0, textStyle: { color: TEXT } },
    grid: { left: 96, right: 24, top: 24, bottom: 24 + Math.ceil(options.series.length / 2) * 24, containLabel: false },
    xAxis: { type: 'category', data: options.categories, axisLabel: { color: TEXT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT, formatter: (v: number) => `${fmt.format(v)}${options.unit ? ` ${options.unit}` : ''}` } },
    series: options.series.map((s) => ({ name: s.name, type: 'bar', stack: 'totale', data: s.values, barMaxWidth: 64 })),
  };
}

/** Vertical grouped bars: for each category, one bar per series (e.g. meetings and contributions per quarter). */
export function groupedBars(options: { categories: string[]; series: { name: string; values: number[] }[]; locale?: string }): EChartsOption {
  const fmt = new Intl.NumberFormat(options.locale ?? 'it-IT', { useGrouping: 'always', maximumFractionDigits: 0 });
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, fontSize: 13, color: TEXT },
    legend: { bottom: 0, textStyle: { color: TEXT } },
    grid: { left: 56, right: 24, top: 24, bottom: 56, containLabel: false },
    xAxis: { type: 'category', data: options.categories, axisLabel: { color: TEXT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT, formatter: (v: number) => fmt.format(v) } },
    series: options.series.map((s) => ({ name: s.name, type: 'bar', data: s.values, barMaxWidth: 28 })),
  };
}
