// Chart definitions of the money pages (pure ECharts options, rendered to SVG on the server by charts.server.ts).
// Amounts arrive in euro (already divided by 100); every chart is shown next to a table with the same figures.
import type { EChartsOption } from 'echarts';
import { PALETTE } from '../../shared/charts/charts.ts';

const FONT = 'Titillium Web, Geneva, Tahoma, sans-serif';
const COLORS = [...PALETTE, '#7a5c00', '#3d5c99'];

const euroFormat = (locale = 'it-IT') => new Intl.NumberFormat(locale, { useGrouping: 'always', maximumFractionDigits: 0 });

/** Vertical stacked bars: one bar per category (year), one stacked segment per series (area). */
export function stackedBarChart(options: { categories: string[]; series: { name: string; values: number[] }[]; locale?: string }): EChartsOption {
  const fmt = euroFormat(options.locale);
  return {
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#1a1a1a' },
    legend: { bottom: 0, textStyle: { color: '#1a1a1a' } },
    grid: { left: 96, right: 24, top: 24, bottom: 24 + Math.ceil(options.series.length / 3) * 24, containLabel: false },
    xAxis: { type: 'category', data: options.categories, axisLabel: { color: '#1a1a1a' } },
    yAxis: { type: 'value', axisLabel: { color: '#1a1a1a', formatter: (v: number) => `${fmt.format(v)} €` } },
    series: options.series.map((s) => ({ name: s.name, type: 'bar', stack: 'totale', data: s.values, barMaxWidth: 80 })),
  };
}

/** Grouped horizontal bars: for each category (fund), one bar per measure (allocated, budgeted, committed, paid). */
export function groupedBarChart(options: { categories: string[]; series: { name: string; values: (number | null)[] }[]; locale?: string }): EChartsOption {
  const fmt = euroFormat(options.locale);
  const categories = [...options.categories].reverse();
  return {
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#1a1a1a' },
    legend: { top: 0, textStyle: { color: '#1a1a1a' } },
    grid: { left: 8, right: 96, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: categories, axisLabel: { color: '#1a1a1a' }, axisTick: { show: false } },
    series: options.series.map((s) => ({
      name: s.name,
      type: 'bar',
      data: [...s.values].reverse(),
      barMaxWidth: 14,
      label: {
        show: true,
        position: 'right',
        color: '#1a1a1a',
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? `${fmt.format(p.value)} €` : '—'),
      },
    })),
  };
}
